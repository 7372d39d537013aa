// The individual evaluation (annex 8) read as one: the five parts of the form
// (test/support/annex8.ts builds it from docs/domain.md and the issue's
// figures), its checks, its figures, and Compute on it.
import { analyzeWorkbook, applyPlanToSheets, planCompute, SheetGrid, type Sheet } from '../../src/core';
import { annex8Rows, annex8Sheet } from '../support/annex8';
import { sheetOf } from '../support/sheet-builder';
import { MN } from '../support/words';
import { SUMMARY_CELLS } from '../support/layout-cells';

const codesAt = (sheets: Sheet[]) => analyzeWorkbook(sheets).findings.map((f) => `${f.code}@${f.sheet}!${f.cell}`);

describe('an annex 8 sheet is one evaluation', () => {
  const { sheet, at } = annex8Sheet();
  const a = analyzeWorkbook([sheet]);
  const cell = (row: number, col: string) => `8-р хавсралт!${col}${row + 1}`;

  it('made of four sections and the summary, with the points each section\'s rows give', () => {
    expect(a.evaluations).toHaveLength(1);
    const e = a.evaluations[0];
    expect(e.sections.map((s) => [s.section, s.points, s.max, s.items, s.stated])).toEqual([
      [1, 69.5, 70, 29, 70],
      [2, 7.8, 15, 2, 7.8],
      [3, 6.7, 7, 6, 7],
      [4, 7.7, 8, 3, 7.7],
    ]);
    expect(e.carried.map((c) => c.value)).toEqual([70, 7.8, 7, 7.7]);
    expect(e.changes).toBe(2);
    // From the rows: 69.5 + 7.8 + 6.7 + 7.7 − 2.
    expect(e.total).toBe(89.7);
    expect(e.totalStated).toBe(90.5);
  });

  it('finds the wrong section figures and the wrong section 5 lines, and no false alarm on a total that adds up', () => {
    expect(codesAt([sheet])).toEqual([
      `average-mismatch@${cell(at.stated1, 'D')}`,
      `average-mismatch@${cell(at.stated3, 'C')}`,
      `points-mismatch@${cell(at.carried1, 'C')}`,
      `points-mismatch@${cell(at.carried3, 'C')}`,
    ]);
    const s1 = a.findings.find((f) => f.cell === `D${at.stated1 + 1}`)!;
    expect(s1.message.en).toBe('The stated Дундаж оноо is 70, but the rows of section 1 give 69.5 points.');
    const carried = a.findings.find((f) => f.cell === `C${at.carried1 + 1}`)!;
    expect(carried.data).toMatchObject({ stated: 70, expected: 69.5, section: 1 });
  });

  it('checks the total against the lines above it less the changes, saying what they give', () => {
    const wrong = analyzeWorkbook([annex8Sheet({ total: 92.5 }).sheet]).findings.find((f) => f.row === at.total)!;
    expect(wrong).toMatchObject({ code: 'average-mismatch', data: { stated: 92.5, computed: 90.5, sum: 92.5, changes: 2 } });
    expect(wrong.message.en).toMatch(/add up to 92\.5, less 2 changed, which is 90\.5/);
    // Changes written as −2 are a deduction too.
    expect(analyzeWorkbook([annex8Sheet({ changes: -2 }).sheet]).findings.filter((f) => f.row === at.total)).toEqual([]);
  });

  it('gives no section a grade of its own, and never reads section 5 as a section 1', () => {
    for (const s of a.sheets[0].scores) expect([s.grade, s.fivePoint, s.annex8]).toEqual([null, null, undefined]);
    expect(a.evaluations[0].sections.map((s) => s.section)).not.toContain(5);
  });

  it('a point above the maximum, a percent outside 0–100 and a competency not rated are findings', () => {
    const { sheet: s } = annex8Sheet({ section3: [8, 7, 7, 7, 7, 7], section4: [8, null, 7], section1: [...Array(28).fill(100), 120] });
    const f = analyzeWorkbook([s]).findings;
    expect(f.find((x) => x.code === 'points-over-max')).toMatchObject({ cell: `C${at.first3 + 1}`, data: { value: 8, max: 7 } });
    expect(f.find((x) => x.code === 'missing-rating')).toMatchObject({ cell: `C${at.first4 + 2}`, severity: 'warning' });
    expect(f.find((x) => x.code === 'percent-invalid')).toMatchObject({ cell: `C${at.first1 + 29}` });
  });

  it('reads the sections from several sheets as one evaluation', () => {
    const { rows } = annex8Rows();
    const split = at.title3;
    const first = sheetOf(rows.slice(0, split), { name: 'Хэсэг 1-2' });
    const second = sheetOf(rows.slice(split), { name: 'Хэсэг 3-5' });
    const b = analyzeWorkbook([first, second]);
    expect(b.evaluations).toHaveLength(1);
    expect(b.evaluations[0].sheets).toEqual(['Хэсэг 1-2', 'Хэсэг 3-5']);
    expect(b.evaluations[0].total).toBe(89.7);
    expect(b.findings.map((x) => `${x.code}@${x.sheet}`)).toEqual([
      'average-mismatch@Хэсэг 1-2',
      'average-mismatch@Хэсэг 3-5',
      'points-mismatch@Хэсэг 3-5',
      'points-mismatch@Хэсэг 3-5',
    ]);
  });

  it('a lone points table is not an evaluation (it keeps its own annex 8 figure)', () => {
    const lone = sheetOf([
      ['№', 'Үнэлгээний үзүүлэлт', 'Гүйцэтгэлийн түвшин', 'Нийт (70 оноо)'],
      [1, 'Зорилт 1', 100, 70],
      [2, 'Зорилт 2', 70, 49],
    ]);
    const b = analyzeWorkbook([lone]);
    expect(b.evaluations).toEqual([]);
    expect(b.sheets[0].scores[0].annex8?.total).toBe(59.5);
  });
});

describe('Compute on an annex 8 sheet', () => {
  const { sheet, at } = annex8Sheet();
  const outcome = planCompute([sheet], { words: MN });
  const writes = outcome.plan.sheets[0].writes;
  const w = (row: number, col: number) => writes.find((x) => x.row === row && x.col === col);

  it('fills the row points, the wrong section figures, the lines they carry and the total as live formulas', () => {
    expect(w(at.first1, 3)).toMatchObject({ value: 70, formula: `=ROUND(C${at.first1 + 1}*0.7,1)` });
    expect(w(at.first1 + 28, 3)).toMatchObject({ value: 56 });
    expect(w(at.stated1, 3)).toMatchObject({ value: 69.5, formula: `=ROUND(AVERAGE(D${at.first1 + 1}:D${at.first1 + 29}),1)` });
    expect(w(at.stated3, 2)).toMatchObject({ value: 6.7, formula: `=ROUND(AVERAGE(C${at.first3 + 1}:C${at.first3 + 6}),1)` });
    expect(w(at.carried1, 2)).toMatchObject({ value: 69.5, formula: `=D${at.stated1 + 1}` });
    expect(w(at.carried3, 2)).toMatchObject({ value: 6.7, formula: `=C${at.stated3 + 1}` });
    expect(w(at.total, 2)).toMatchObject({ value: 89.7, formula: `=ROUND(C${at.carried1 + 1}+C${at.carried1 + 2}+C${at.carried1 + 3}+C${at.carried1 + 4}-ABS(C${at.changes + 1}),1)` });
    // What already agrees stays as written.
    expect(w(at.stated2, 3)).toBeUndefined();
    expect(w(at.carried2, 2)).toBeUndefined();
  });

  it('leaves nothing to find, and computing again changes nothing', () => {
    expect(outcome.analysis.findings).toEqual([]);
    expect(outcome.analysis.evaluations[0]).toMatchObject({ total: 89.7, totalStated: 89.7 });
    const once = applyPlanToSheets([sheet], outcome.plan);
    const again = planCompute(once, { words: MN });
    expect(again.plan.sheets).toEqual([]);
    expect(new SheetGrid(once[0]).value(at.total, 2)).toBe(89.7);
  });
});

describe('the summary sheet of an evaluation', () => {
  const { sheet } = annex8Sheet();
  const summary = planCompute([sheet], { words: MN }).plan.summary!;
  it('gives each section its points (linked to the sheet) and no average or grade, then the total (section 1 has a group line under it)', () => {
    const sectionRows = summary.writes.filter((w) => w.col === SUMMARY_CELLS.col('annex8') && w.row >= 5 && typeof w.value === 'number').map((w) => [w.row, w.value]);
    expect(sectionRows.map((r) => r[1])).toEqual([69.5, 7.8, 6.7, 7.7, 89.7]);
    for (const w of summary.writes.filter((x) => x.col === SUMMARY_CELLS.col('grade') && x.row >= 5)) expect(w.value).toBe('');
    const total = sectionRows[sectionRows.length - 1][0] as number;
    expect(SUMMARY_CELLS.cellOf(summary, total, 'label')?.value).toBe(MN.evaluationTotal);
    // No total until every section has points (as the tool reports none): COUNT below 4 gives "".
    const sections = [6, 8, 9, 10].map((excelRow) => SUMMARY_CELLS.address('annex8', excelRow)).join(',');
    const formula = SUMMARY_CELLS.cellOf(summary, total, 'annex8')?.formula ?? '';
    expect(formula.startsWith(`=IF(COUNT(${sections})<4,"",ROUND(SUM(${sections})-ABS('8-р хавсралт'!C`)).toBe(true);
    expect(formula).toMatch(/!C\d+\),1\)\)$/);
  });
});
