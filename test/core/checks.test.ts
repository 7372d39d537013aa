import { analyzeSheet, analyzeWorkbook, type Sheet } from '../../src/core';
import type { CellValue } from '../../src/core/sheet';
import { REPORT_HEADER, sheetOf, type BuildOptions } from '../support/sheet-builder';

const findings = (rows: CellValue[][], opts?: BuildOptions, profileId?: string) => analyzeSheet(sheetOf(rows, opts), { profileId }).findings;
const codes = (rows: CellValue[][], opts?: BuildOptions) => findings(rows, opts).map((f) => `${f.code}@${f.cell}`);

describe('Validate findings (domain.md §5)', () => {
  it('header-not-found for a sheet with no table, as an error on A1', () => {
    const [f] = findings([['Хурлын ирц'], ['Бат', 'ирсэн']]);
    expect(f).toMatchObject({ code: 'header-not-found', severity: 'error', cell: 'A1' });
    expect(f.message.mn).toMatch(/хүснэгт олдсонгүй/);
    expect(f.message.en).toMatch(/No performance table/);
  });

  it('a number in a numeric achieved column is an achieved level, not a stray rating', () => {
    expect(findings([REPORT_HEADER, [1, 'A', 'x', 1, 4, 3, null]]).map((f) => f.code)).toEqual(['missing-percent']);
  });

  it('a clean table has no findings', () => {
    expect(findings([REPORT_HEADER, [1, 'A', 'Тоо', 1, 2, 2, 100], [2, 'B', 'Тоо', 1, 2, 1, 50]])).toEqual([]);
  });

  it('missing indicator, target and achieved: warnings when rated, errors when the percent must be computed from them', () => {
    const f = findings([REPORT_HEADER, [1, 'A', null, 1, null, 'Хийсэн', 100], [2, 'B', 'Тоо', 1, null, null, null]]);
    const by = (code: string, cell: string) => f.find((x) => x.code === code && x.cell === cell);
    expect(by('missing-indicator', 'C2')?.severity).toBe('warning');
    expect(by('missing-target', 'E2')?.severity).toBe('warning');
    expect(by('missing-target', 'E3')?.severity).toBe('error');
    expect(by('missing-achieved', 'F3')?.severity).toBe('error');
  });

  it('missing-percent: a warning saying what Compute will fill when the numbers allow, an error asking for a rating when not', () => {
    const f = findings([REPORT_HEADER, [1, 'A', 'Тоо', 1, 4, 3, null], [2, 'B', 'Тоо', 1, 4, 'Гурван удаа зохион байгуулсан.', null]]);
    const computable = f.find((x) => x.cell === 'G2')!;
    expect(computable).toMatchObject({ code: 'missing-percent', severity: 'warning', data: { computed: 75, computable: true } });
    expect(computable.message.en).toMatch(/Compute scores will fill 75%/);
    const narrative = f.find((x) => x.cell === 'G3')!;
    expect(narrative).toMatchObject({ code: 'missing-percent', severity: 'error', data: { computable: false, reason: 'narrative' } });
  });

  it('percent-invalid for text, out-of-range and date ratings', () => {
    const f = findings(
      [REPORT_HEADER, [1, 'A', 'x', 1, 1, 1, '10-аас доошгүй'], [2, 'B', 'x', 1, 1, 1, 120], [3, 'C', 'x', 1, 1, 1, 45293]],
      { formats: { G4: 'd-mmm' } },
    );
    expect(f.filter((x) => x.code === 'percent-invalid').map((x) => [x.cell, x.severity])).toEqual([
      ['G2', 'error'],
      ['G3', 'error'],
      ['G4', 'error'],
    ]);
  });

  it('percent-off-scale depends on the chosen scale', () => {
    const rows = [REPORT_HEADER, [1, 'A', 'x', 1, 1, 'Хийсэн', 90]];
    expect(findings(rows).map((f) => f.code)).toEqual([]);
    const zg = findings(rows, undefined, 'zg206');
    expect(zg).toMatchObject([{ code: 'percent-off-scale', severity: 'info', cell: 'G2' }]);
  });

  it('percent-inconsistent when the rating contradicts the numbers', () => {
    const f = findings([REPORT_HEADER, [1, 'A', 'x', 1, 4, 4, 30], [2, 'B', 'x', 1, 4, 1, 100], [3, 'C', 'x', 1, 4, 4, 90]]);
    expect(f.filter((x) => x.code === 'percent-inconsistent').map((x) => x.cell)).toEqual(['G2', 'G3']);
  });

  it('not-computable in a report with no percent column', () => {
    const f = findings([
      ['Д/д', 'Арга хэмжээ', 'Шалгуур үзүүлэлт', 'Зорилтот түвшин', 'Хүрсэн түвшин'],
      [1, 'A', 'x', 4, 'Хийгдэж байна, удахгүй дуусна.'],
      [2, 'B', 'x', 4, 4],
    ]);
    expect(f).toMatchObject([{ code: 'not-computable', severity: 'info', cell: 'E2' }]);
  });

  it('average-mismatch when a stated average differs from the rated rows by more than rounding', () => {
    const ok = findings([REPORT_HEADER, [1, 'A', 'x', 1, 1, 'Хийсэн', 100], [2, 'B', 'x', 1, 1, 'Хийсэн', 90], [3, 'C', 'x', 1, 1, 'Хагас', 70], ['Үнэлгээ: 86.7 хувь']]);
    expect(ok.map((f) => f.code)).toEqual([]);
    const bad = findings([REPORT_HEADER, [1, 'A', 'x', 1, 1, 'Хийсэн', 100], [2, 'B', 'x', 1, 1, 'Хийсэн', 90], ['Хэрэгжилтийн дундаж хувь', null, null, null, null, null, '97.5 хувь']]);
    expect(bad).toMatchObject([{ code: 'average-mismatch', severity: 'warning', cell: 'G4', data: { stated: 97.5, computed: 95, count: 2 } }]);
  });

  it('points-mismatch when a points cell disagrees with percent × weight', () => {
    const f = findings([
      ['№', 'Үнэлгээний үзүүлэлт', 'Гүйцэтгэлийн хувь', 'Үзүүлэлт тус бүрийн оноо (15 хүртэл оноогоор)'],
      [1, 'Сургалт', 66.6, 10],
      [2, 'Сургалт 2', 37.3, 7],
    ]).filter((x) => x.code !== 'percent-off-scale');
    expect(f).toMatchObject([{ code: 'points-mismatch', cell: 'D3', data: { stated: 7, expected: 5.6 } }]);
  });

  it('duplicate-number and numbering-gap in plain and dotted numbering', () => {
    const plain = codes([REPORT_HEADER, [1, 'A', 'x', 1, 1, 1, 100], [2, 'B', 'x', 1, 1, 1, 100], [2, 'C', 'x', 1, 1, 1, 100], [5, 'D', 'x', 1, 1, 1, 100]]);
    expect(plain).toEqual(['duplicate-number@A4', 'numbering-gap@A5']);
    const dotted = codes([
      REPORT_HEADER,
      ['Зорилт 4'],
      ['4.3.1', 'A', 'x', 1, 1, 1, 100],
      ['4.3.1', 'B', 'x', 1, 1, 1, 100],
      ['4.3.2', 'C', 'x', 1, 1, 1, 100],
      ['4.3.4', 'D', 'x', 1, 1, 1, 100],
    ]);
    expect(dotted).toEqual(['duplicate-number@A4', 'numbering-gap@A6']);
  });

  it('numbering restarting at 1 in each group is not a duplicate', () => {
    expect(
      codes([REPORT_HEADER, ['1. Нэг чиглэл:'], [1, 'A', 'x', 1, 1, 1, 100], [2, 'B', 'x', 1, 1, 1, 100], ['2. Хоёр чиглэл:'], [1, 'C', 'x', 1, 1, 1, 100]]),
    ).toEqual([]);
  });

  it('numbering-gap between sections (3 followed by 5)', () => {
    const f = findings([REPORT_HEADER, ['3. Боловсрол:'], [1, 'A', 'x', 1, 1, 1, 100], ['5. Соёл:'], [1, 'B', 'x', 1, 1, 1, 100]]);
    expect(f).toMatchObject([{ code: 'numbering-gap', cell: 'A4', data: { previous: '3', number: '5', group: true } }]);
    expect(f[0].message.en).toBe('Section 3 is followed by section 5: section 4 is missing.');
  });

  it('target-not-measurable for "Тухай бүр" and the like', () => {
    expect(codes([REPORT_HEADER, [1, 'A', 'x', '-', 'Тухай бүр', 'Хийсэн', 100]])).toEqual(['target-not-measurable@E2']);
  });

  it('value-as-date: reports Excel\'s date instead of reading it as a ratio', () => {
    const f = findings([REPORT_HEADER, [1, 'A', 'x', 1, 45293, 'Хийсэн', 100]], { formats: { E2: 'd-mmm' } });
    expect(f).toMatchObject([{ code: 'value-as-date', cell: 'E2', data: { guess: '1/2' } }]);
  });

  it('percent-misplaced for a rating a shifted row left outside the percent column', () => {
    const f = findings([
      REPORT_HEADER,
      [1, 'A', 'x', 1, '10-аас доошгүй', 100],
      [2, 'B', 'x', 1, 2, 'Хоёр удаа зохион байгуулсан.', 100],
      [3, 'C', 'x', 1, 2, 'Тайланг хугацаанд нь хүргүүлсэн.', 100],
    ]);
    expect(f.map((x) => x.code)).toEqual(['percent-misplaced']);
    expect(f[0]).toMatchObject({ cell: 'F2', data: { value: 100, percentCell: 'G2' } });
  });

  it('every finding has both languages and a stable severity', () => {
    const f = findings([REPORT_HEADER, [1, 'A', null, 1, null, null, 'сайн'], [3, 'B', 'x', 1, 2, 1, null]]);
    expect(f.length).toBeGreaterThan(3);
    for (const x of f) {
      expect(x.message.mn.length).toBeGreaterThan(10);
      expect(x.message.en.length).toBeGreaterThan(10);
      expect(x.message.mn).not.toBe(x.message.en);
      expect(['error', 'warning', 'info']).toContain(x.severity);
      expect(x.message.mn).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('workbooks with several sheets', () => {
  const table = sheetOf([REPORT_HEADER, [1, 'A', 'x', 1, 1, 'Хийсэн', 100]], { name: 'Тайлан' });
  it('reads tables on every sheet', () => {
    const other = sheetOf([REPORT_HEADER, [1, 'B', 'x', 1, 1, 'Хийсэн', 'сайн']], { name: 'Тайлан 2' });
    const a = analyzeWorkbook([table, other]);
    expect(a.sheets.map((s) => [s.sheet, s.tables.length])).toEqual([
      ['Тайлан', 1],
      ['Тайлан 2', 1],
    ]);
    expect(a.findings).toMatchObject([{ code: 'percent-invalid', sheet: 'Тайлан 2', cell: 'G2' }]);
  });
  it('a cover sheet or an empty sheet beside the tables is not an error', () => {
    const cover = sheetOf([['ГҮЙЦЭТГЭЛИЙН ТАЙЛАН'], ['2024 он']], { name: 'Нүүр' });
    const empty = sheetOf([[null]], { name: 'Sheet3' });
    const a = analyzeWorkbook([cover, table, empty]);
    expect(a.findings).toEqual([]);
    expect(a.sheets.map((s) => s.sheet)).toEqual(['Нүүр', 'Тайлан']);
  });
  it('a workbook with no table anywhere gets header-not-found', () => {
    const a = analyzeWorkbook([sheetOf([['Хурлын тэмдэглэл']], { name: 'A' }), sheetOf([[null]], { name: 'B' })]);
    expect(a.findings.map((f) => [f.code, f.sheet])).toEqual([['header-not-found', 'A']]);
    expect(analyzeWorkbook([sheetOf([[null]], { name: 'Empty' })]).findings.map((f) => f.code)).toEqual(['header-not-found']);
  });
  it('a sheet the engine cannot read is a finding, not a crash', () => {
    const broken = { name: 'Broken', startRow: 0, startCol: 0, values: [['Д/д', 'Арга хэмжээ']], merges: null } as unknown as Sheet;
    const a = analyzeWorkbook([broken, table]);
    expect(a.findings).toMatchObject([{ code: 'sheet-unreadable', severity: 'error', sheet: 'Broken' }]);
    expect(a.sheets[1].tables).toHaveLength(1);
  });
});
