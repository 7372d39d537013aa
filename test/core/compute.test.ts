import { MN } from '../support/words';
import { applyPlanToSheets, columnLetter, planCompute, SheetGrid, type Sheet, type SummaryColumnKey } from '../../src/core';
import { SUMMARY_CELLS } from '../support/layout-cells';
import { SUMMARY_SHEET } from '../support/words';
import type { CellValue } from '../../src/core/sheet';
import { REPORT_HEADER, sheetOf, type BuildOptions } from '../support/sheet-builder';

const plan = (rows: CellValue[][], opts?: BuildOptions) => planCompute([sheetOf(rows, opts)], { words: MN });
const writesOf = (p: ReturnType<typeof plan>) => p.plan.sheets.flatMap((s) => s.writes);
const at = (p: ReturnType<typeof plan>, row: number, col: number) => writesOf(p).find((w) => w.row === row && w.col === col);

describe('Compute scores: the edit plan', () => {
  it('fills a missing percent from target and achieved, with a note saying how', () => {
    const p = plan([REPORT_HEADER, [1, 'A', 'Тоо', 1, 4, 3, null], [2, 'B', 'Тоо', 1, 2, 'Хийсэн', 90], ['Үнэлгээ: 82.5 хувь']]);
    const w = at(p, 1, 6)!;
    expect(w).toMatchObject({ value: 75 });
    expect(w.formula).toBeUndefined();
    expect(w.note).toMatch(/100 × 3 \/ 4/);
  });

  it('never overwrites an evaluator\'s rating, even one the numbers contradict', () => {
    const p = plan([REPORT_HEADER, [1, 'A', 'Тоо', 1, 4, 4, 30], ['Үнэлгээ: 30 хувь']]);
    expect(at(p, 1, 6)).toBeUndefined();
  });

  it('rewrites a wrong stated average as a live formula with its result, keeping the words around it', () => {
    const p = plan([REPORT_HEADER, [1, 'A', 'x', 1, 1, 'Хийсэн', 100], [2, 'B', 'x', 1, 1, 'Хагас', 50], ['Үнэлгээ: 85.8 хувь']], { merges: ['A4:G4'] });
    expect(at(p, 3, 0)).toMatchObject({
      value: 'Үнэлгээ: 75 хувь',
      formula: '="Үнэлгээ: "&ROUND(AVERAGE(G2:G3),1)&" хувь"',
    });
  });

  it('writes a number formula into a separate stated cell, and leaves a correct one alone', () => {
    const wrong = plan([REPORT_HEADER, [1, 'A', 'x', 1, 1, 'Хийсэн', 100], [2, 'B', 'x', 1, 1, 'Хагас', 70], ['Хэрэгжилтийн дундаж хувь', null, null, null, null, null, '97.5 хувь']]);
    expect(at(wrong, 3, 6)).toMatchObject({ value: 85, formula: '=ROUND(AVERAGE(G2:G3),1)', numberFormat: '0.0" хувь"' });
    const right = plan([REPORT_HEADER, [1, 'A', 'x', 1, 1, 'Хийсэн', 100], [2, 'B', 'x', 1, 1, 'Хагас', 70], ['Хэрэгжилтийн дундаж хувь', null, null, null, null, null, '85 хувь']]);
    expect(writesOf(right)).toEqual([]);
  });

  it('puts the average of a table that states none in a labelled row directly below it', () => {
    const p = plan([REPORT_HEADER, [1, 'A', 'x', 1, 1, 'Хийсэн', 100], [2, 'B', 'x', 1, 1, 'Хагас', 70]]);
    expect(p.plan.skipped).toEqual([]);
    expect(at(p, 3, 0)).toMatchObject({ value: 'Дундаж хувь', bold: true });
    expect(at(p, 3, 6)).toMatchObject({ value: 85, formula: '=ROUND(AVERAGE(G2:G3),1)' });
  });

  it('never inserts a row: when the row below is taken, the average is on the summary sheet and the plan says where', () => {
    const rows: CellValue[][] = [REPORT_HEADER, [1, 'A', 'x', 1, 1, 'Хийсэн', 100], [2, 'B', 'x', 1, 1, 'Хагас', 70], ['ХЯНАСАН:'], ['ДАРГА Б.БАТ']];
    const p = plan(rows);
    expect(p.plan.sheets).toEqual([]);
    expect(p.plan.skipped).toEqual([{ sheet: 'Sheet1', row: 3, col: 6, tableId: 'Sheet1!A1', reason: 'no-free-row', instead: `Үнэлгээний хураангуй!${SUMMARY_CELLS.address('average', 6)}` }]);
    const summary = SUMMARY_CELLS.cellOf(p.plan.summary!, 5, 'average');
    expect(summary).toMatchObject({ value: 85, formula: "=IF(COUNT('Sheet1'!G2:G3)=0,\"\",ROUND(AVERAGE('Sheet1'!G2:G3),1))" });
    const [after] = applyPlanToSheets([sheetOf(rows)], p.plan);
    const g = new SheetGrid(after);
    expect(g.value(3, 0)).toBe('ХЯНАСАН:');
    expect(g.value(4, 0)).toBe('ДАРГА Б.БАТ');
  });

  it('keeps rows with a number of their own out of the averaged ranges', () => {
    const p = plan([
      REPORT_HEADER,
      [1, 'A', 'x', 1, 1, 'Хийсэн', 100],
      [null, null, null, null, null, 'үргэлжлэл', 55],
      [2, 'B', 'x', 1, 1, 'Хагас', 70],
      ['Зорилт 2'],
      [3, 'C', 'x', 1, 1, 'Хагас', 90],
      ['Дундаж', null, null, null, null, null, 1],
    ]);
    expect(at(p, 6, 6)?.formula).toBe('=ROUND(AVERAGE(G2,G4:G6),1)');
    expect(at(p, 6, 6)?.value).toBe(86.7);
  });

  it('writes fractions with the column\'s percent format when ratings are stored as 0.9 shown as 90%', () => {
    const p = plan([REPORT_HEADER, [1, 'A', 'x', 1, 1, 'Хийсэн', 0.9], [2, 'B', 'x', 1, 4, 2, null]], { formats: { G2: '0%' } });
    expect(at(p, 2, 6)).toMatchObject({ value: 0.5, numberFormat: '0%' });
    expect(at(p, 3, 6)).toMatchObject({ value: 0.7, formula: '=ROUND(AVERAGE(G2:G3),3)', numberFormat: '0%' });
  });

  it('fixes a group\'s stated average with the group\'s own range', () => {
    const p = plan([
      REPORT_HEADER,
      ['Зорилт 1. Нэг'],
      [1, 'A', 'x', 1, 1, 'Хийсэн', 100],
      [2, 'B', 'x', 1, 1, 'Хийсэн', 50],
      ['Дундаж', null, null, null, null, null, 100],
      ['Зорилт 2. Хоёр'],
      [3, 'C', 'x', 1, 1, 'Хийсэн', 70],
      ['Дундаж', null, null, null, null, null, 70],
    ]);
    expect(at(p, 4, 6)).toMatchObject({ value: 75, formula: '=ROUND(AVERAGE(G3:G4),1)' });
    // The last stated figure closes the table: the mean of all rows, 73.3, not the group's 70.
    expect(at(p, 7, 6)).toMatchObject({ value: 73.3, formula: '=ROUND(AVERAGE(G3:G4,G7),1)' });
  });

  it('lists every cell it writes', () => {
    const p = plan([REPORT_HEADER, [1, 'A', 'x', 1, 4, 2, null]]);
    expect(p.plan.writtenCells.slice(0, 3)).toEqual(['Sheet1!G2', 'Sheet1!A3', 'Sheet1!G3']);
    expect(p.plan.writtenCells.filter((c) => c.startsWith(`${SUMMARY_SHEET}!`)).length).toBe(p.plan.summary!.writes.length);
  });
});

describe('the summary sheet', () => {
  const rows: CellValue[][] = [
    REPORT_HEADER,
    ['Зорилт 1. Нэг'],
    [1, 'A', 'x', 1, 1, 'Хийсэн', 100],
    [2, 'B', 'x', 1, 1, 'Хагас', 70],
    ['Зорилт 2. Хоёр'],
    [3, 'C', 'x', 1, 1, 'Хагас', null],
    ['Үнэлгээ: 85 хувь'],
  ];
  const p = planCompute([sheetOf(rows, { name: 'Тайлан' })], { words: MN });
  const s = p.plan.summary!;
  /** The summary's cell in a column on a row numbered as Excel shows it. */
  const cell = (key: SummaryColumnKey, excelRow: number) => SUMMARY_CELLS.cellOf(s, excelRow - 1, key);
  const average6 = SUMMARY_CELLS.address('average', 6);

  it('is named Үнэлгээний хураангуй and holds a row per table and per group', () => {
    expect(s.name).toBe('Үнэлгээний хураангуй');
    // No heading above the header: the table is named by its place.
    expect(cell('label', 6)?.value).toBe('Тайлан!A1');
    expect(cell('sheet', 6)?.value).toBe('Тайлан');
    expect(String(cell('label', 7)?.value)).toMatch(/^\s+Зорилт 1\. Нэг$/);
    expect(String(cell('label', 8)?.value)).toMatch(/^\s+Зорилт 2\. Хоёр$/);
  });

  it('links its figures to the sheet by formulas, with their results', () => {
    expect(cell('rated', 6)).toMatchObject({ formula: "=COUNT('Тайлан'!G3:G6)", value: 2 });
    expect(cell('average', 6)).toMatchObject({ formula: `=IF(COUNT('Тайлан'!G3:G6)=0,"",ROUND(AVERAGE('Тайлан'!G3:G6),1))`, value: 85 });
    expect(cell('fivePoint', 6)).toMatchObject({ formula: `=IF(${average6}="","",ROUND(${average6}*0.05,2))`, value: 4.25 });
    expect(cell('grade', 6)?.formula?.startsWith(`=IF(${average6}="","",IF(${average6}>90,"A · Маш сайн",IF(${average6}>80,"B · Сайн"`)).toBe(true);
    expect(cell('grade', 6)?.value).toBe('B · Сайн');
    expect(cell('average', 7)).toMatchObject({ value: 85 });
    expect(cell('average', 8)).toMatchObject({ value: '' });
  });

  it('counts the findings left after computing, by severity, per table and group', () => {
    // Item 3 stays unrated (narrative): one error, in group 2.
    expect([cell('errors', 6)?.value, cell('warnings', 6)?.value, cell('infos', 6)?.value]).toEqual([1, 0, 0]);
    expect([cell('errors', 7)?.value, cell('errors', 8)?.value]).toEqual([0, 1]);
  });

  it('carries chart data for the group averages', () => {
    // The chart's data stands beside the table, under its own header: the labels, then the figures.
    const header = s.writes.find((w) => w.row === 4 && w.value === MN.chartCategory)!;
    expect(header.col).toBeGreaterThan(SUMMARY_CELLS.layout.length);
    const [labels, figures] = [columnLetter(header.col), columnLetter(header.col + 1)];
    expect(s.chart).toMatchObject({ categories: `${labels}6:${labels}7`, values: `${figures}6:${figures}7` });
    expect(s.writes.find((w) => w.row === 5 && w.col === header.col + 1)).toMatchObject({ formula: `=${SUMMARY_CELLS.address('average', 7)}`, value: 85 });
  });
});

describe('idempotence', () => {
  it('computing a computed workbook changes nothing', () => {
    const sheets: Sheet[] = [
      sheetOf([REPORT_HEADER, [1, 'A', 'x', 1, 4, 2, null], [2, 'B', 'x', 1, 1, 'Хийсэн', 90], ['ХЯНАСАН:']], { name: 'Тайлан' }),
    ];
    const first = planCompute(sheets, { words: MN });
    expect(first.plan.writtenCells.length).toBeGreaterThan(0);
    const once = applyPlanToSheets(sheets, first.plan);
    const second = planCompute(once, { words: MN });
    expect(second.plan.sheets).toEqual([]);
    expect(second.plan.summary).toBeNull();
    expect(second.plan.writtenCells).toEqual([]);
    expect(second.analysis.findings).toEqual(first.analysis.findings);
  });
});

describe('protection', () => {
  const rows: CellValue[][] = [REPORT_HEADER, [1, 'A', 'x', 1, 4, 2, null], [2, 'B', 'x', 1, 1, 'Хийсэн', 90]];
  it('writes nothing on a protected sheet and says which writes it held back', () => {
    const p = planCompute([sheetOf(rows, { name: 'Тайлан' })], { words: MN, protectedSheets: ['Тайлан'] });
    expect(p.plan.sheets).toEqual([]);
    expect(p.plan.skipped.map((s) => [s.row, s.col, s.reason])).toEqual([
      [1, 6, 'sheet-protected'],
      [3, 0, 'sheet-protected'],
      [3, 6, 'sheet-protected'],
      // The summary's average counts the 50 % Compute could not write: no formula over the sheet gives it, so it is written as a value.
      [5, SUMMARY_CELLS.col('average'), 'formula-as-value'],
    ]);
    const average = SUMMARY_CELLS.cellOf(p.plan.summary!, 5, 'average')!;
    expect([average.value, average.formula]).toEqual([70, undefined]);
    expect(p.plan.skipped[3].formula).toBe("=IF(COUNT('Тайлан'!G2:G3)=0,\"\",ROUND(AVERAGE('Тайлан'!G2:G3),1))");
  });

  it('adds no summary sheet to a workbook whose structure is protected', () => {
    const p = planCompute([sheetOf(rows, { name: 'Тайлан' })], { words: MN, workbookProtected: true });
    expect(p.plan.summary).toBeNull();
    expect(p.plan.skipped).toEqual([{ sheet: 'Үнэлгээний хураангуй', row: 0, col: 0, tableId: '', reason: 'workbook-protected' }]);
    expect(p.plan.writtenCells.every((c) => c.startsWith('Тайлан!'))).toBe(true);
  });
});
