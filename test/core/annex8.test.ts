import { MN } from '../support/words';
// Annex 8 (individual evaluation, 100 points): sections from points columns.
import { analyzeSheet, planCompute } from '../../src/core';
import { sheetOf } from '../support/sheet-builder';
import { SUMMARY_CELLS } from '../support/layout-cells';

describe('annex 8 points', () => {
  it('section 1: mean percent × 0.70 (points cells when filled)', () => {
    const a = analyzeSheet(
      sheetOf([
        ['№', 'Үнэлгээний үзүүлэлт', 'Гүйцэтгэлийн түвшин', 'Нийт (70 оноо)'],
        [1, 'Зорилт 1', 100, 70],
        [2, 'Зорилт 2', 70, 49],
        [3, 'Зорилт 3', 90, null],
      ]),
    );
    expect(a.tables[0].kind).toBe('score');
    // 70, 49 and (90 × 0.70 =) 63 → 60.7
    expect(a.scores[0].annex8).toEqual({ sections: [{ section: 1, points: 60.7, max: 70 }], deductions: 0, total: 60.7 });
  });

  it('section 2: percent × 0.15 per row, then the mean (66.6 % → 10, 37.3 % → 5.6)', () => {
    const a = analyzeSheet(
      sheetOf([
        ['№', 'Үнэлгээний үзүүлэлт', 'Гүйцэтгэлийн хувь', 'Төсвийн шууд захирагчийн өгсөн үнэлгээ (15 хүртэл оноогоор)'],
        [1, 'Сургалт', 66.6, null],
        [2, 'Сургалт 2', 37.3, null],
      ]),
    );
    expect(a.scores[0].annex8?.sections).toEqual([{ section: 2, points: 7.8, max: 15 }]);
  });

  it('sections 3 and 4 average the ratings; deductions written on the sheet come off the total', () => {
    const a = analyzeSheet(
      sheetOf([
        ['№', 'Үзүүлэлт', 'Хувь', 'Шууд удирдлагын үнэлгээ (7 хүртэл оноогоор)', 'Хамт олны үнэлгээ (8 хүртэл оноогоор)'],
        [1, 'Ёс зүй', 100, 6, 7],
        [2, 'Хандлага', 100, 7, 8],
        ['Хасагдах оноо', null, null, null, 1.5],
        ['Нийт оноо: 14'],
      ]),
    );
    const a8 = a.scores[0].annex8!;
    expect(a8.sections).toEqual([
      { section: 3, points: 6.5, max: 7 },
      { section: 4, points: 7.5, max: 8 },
    ]);
    expect(a8.deductions).toBe(1.5);
    expect(a8.total).toBe(12.5);
    // The stated total 14 ignores the deduction: reported.
    expect(a.findings.filter((f) => f.code === 'average-mismatch')).toMatchObject([{ data: { stated: 14, computed: 12.5 } }]);
  });

  it('the summary sheet carries the annex 8 total as a formula', () => {
    const { plan } = planCompute([
      sheetOf(
        [
          ['№', 'Үнэлгээний үзүүлэлт', 'Гүйцэтгэлийн түвшин', 'Нийт (70 оноо)'],
          [1, 'Зорилт 1', 100, null],
          [2, 'Зорилт 2', 70, null],
        ],
        { name: 'Хавсралт 8' },
      ),
    ], { words: MN });
    const annex8 = SUMMARY_CELLS.cellOf(plan.summary!, 5, 'annex8')!;
    expect(annex8).toMatchObject({ value: 59.5, formula: "=ROUND(AVERAGE('Хавсралт 8'!C2:C3)*0.7,1)" });
  });
});
