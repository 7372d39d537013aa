// Issue 18 in the engine: the formulas Compute, the evaluation sheet and
// the quick fixes write give the figures the engine reports (checked here by
// the engine's own recalculation, formula-value.ts; test/cli/agreement-odd
// checks the same cases in LibreOffice), and no formula of the user's is
// replaced by a constant.

import { analyzeWorkbook, applyPlanToSheets, planCompute, planEvaluationSheet, planFixRounds, type CellWrite, type EditPlan, type Sheet } from '../../src/core';
import { formulaValue, givesValue, Workbook } from '../../src/core/formula-value';
import { EVALUATION_FORM } from '../../src/i18n/evaluation-form';
import { annex8Rows } from '../support/annex8';
import { REPORT_HEADER, sheetOf } from '../support/sheet-builder';
import { MN } from '../support/words';
import { EVALUATION_CELLS } from '../support/layout-cells';
import type { CellValue } from '../../src/core/sheet';

const item = (n: number, percent: CellValue, target: CellValue = 'Хийх', achieved: CellValue = 'Хийсэн'): CellValue[] => [n, `Арга хэмжээ ${n}`, 'Тоо', null, target, achieved, percent];
const report = (rows: CellValue[][], opts: Parameters<typeof sheetOf>[1] = {}) => sheetOf([REPORT_HEADER, ...rows], { name: 'Тайлан', ...opts });

/** Every formula the plan writes, recalculated by the engine over the workbook with the plan applied: those that do not give their cached value. */
function disagreements(sheets: Sheet[], plan: EditPlan): string[] {
  const world = applyPlanToSheets(sheets, plan);
  const book = new Workbook(world);
  const out: string[] = [];
  const check = (sheet: string, writes: CellWrite[]) => {
    for (const w of writes) {
      if (w.formula && !givesValue(formulaValue(w.formula, book.sheet(sheet)!, book), w.value)) out.push(`${sheet}!${w.row},${w.col} ${w.formula}`);
    }
  };
  for (const e of plan.sheets) check(e.sheet, e.writes);
  if (plan.summary) check(plan.summary.name, plan.summary.writes);
  for (const a of plan.addedSheets ?? []) check(a.name, a.writes);
  return out;
}

const compute = (sheets: Sheet[], protectedSheets: string[] = []) => planCompute(sheets, { words: MN, protectedSheets });
const evaluation = (sheets: Sheet[]) => planEvaluationSheet(sheets, { words: MN, form: EVALUATION_FORM });
const writeAt = (plan: EditPlan, sheet: string, row: number, col: number) => plan.sheets.find((s) => s.sheet === sheet)?.writes.find((w) => w.row === row && w.col === col);
const summaryAt = (plan: EditPlan, row: number, col: number) => plan.summary!.writes.find((w) => w.row === row && w.col === col)!;

describe('item 1: ratings typed as text are converted, whatever form the text takes', () => {
  it('"100" is written as the number 100 (a number is never the same as its text)', () => {
    const sheets = [report([item(1, 100), item(2, '100'), item(3, '90'), item(4, 70)])];
    const { plan, analysis } = compute(sheets);
    expect(writeAt(plan, 'Тайлан', 2, 6)).toMatchObject({ value: 100 });
    expect(writeAt(plan, 'Тайлан', 3, 6)).toMatchObject({ value: 90 });
    expect(analysis.sheets[0].scores[0].average).toBe(90);
    expect(disagreements(sheets, plan)).toEqual([]);
  });
});

describe('item 3: the evaluation sheet links only what the engine counts', () => {
  it('a date, a percent above 100 and an error in the report stay out of the form (the link tests for a 0–100 number first)', () => {
    const sheets = [report([item(1, 100), item(2, 45689), item(3, 120), item(4, '#DIV/0!'), item(5, 70)], { formats: { G3: 'd-mmm' } })];
    const { plan } = evaluation(sheets);
    const form = plan!.addedSheets![0];
    const links = form.writes.filter((w) => w.col === EVALUATION_CELLS.col('figure') && w.formula?.includes('Тайлан'));
    expect(links.map((w) => w.value)).toEqual([100, '', '', '', 70]);
    expect(links[1].formula).toBe("=IF(ISNUMBER('Тайлан'!G3),IF('Тайлан'!G3<0,\"\",IF('Тайлан'!G3>100,\"\",'Тайлан'!G3)),\"\")");
    expect(disagreements(sheets, plan!)).toEqual([]);
  });

  it('a formula with no cached value is not linked: its figure (none) is written as a value, and the plan says so', () => {
    const sheets = [report([item(1, 100), item(2, null, 4, 1), item(3, 70)], { formulas: { G3: '=F3/E3*100' } })];
    const { plan } = evaluation(sheets);
    expect(plan!.skipped.filter((s) => s.reason === 'formula-as-value').map((s) => [s.sheet, s.row, s.col])).toEqual([['8-р хавсралт', 6, 2]]);
    expect(disagreements(sheets, plan!)).toEqual([]);
  });
});

describe('item 4: what AVERAGE reads and the engine does not count stays out of the ranges', () => {
  it('a value left under a merged percent cell', () => {
    const sheets = [report([item(1, 100), item(2, 90), item(3, 50), item(4, 70)], { merges: ['F4:G4'] })];
    const { plan, analysis } = compute(sheets);
    expect(analysis.sheets[0].scores[0].average).toBe(86.7);
    expect(writeAt(plan, 'Тайлан', 5, 6)?.formula).toBe('=ROUND(AVERAGE(G2:G3,G5),1)');
    expect(disagreements(sheets, plan)).toEqual([]);
  });

  it('formulas in the rows between items (group headings) split the range, cached or not', () => {
    const sheets = [report([['Зорилт 1. Үйлчилгээ'], item(1, 100), item(2, 90), ['Зорилт 2. Хяналт'], item(3, 70)], { formulas: { G2: '=A2*1', G5: '=A5*1' } })];
    const { plan } = compute(sheets);
    expect(writeAt(plan, 'Тайлан', 6, 6)?.formula).toBe('=ROUND(AVERAGE(G3:G4,G6),1)');
    expect(disagreements(sheets, plan)).toEqual([]);
  });

  it('a sheet name a formula reads as another workbook: the summary writes its figures as values, and says so', () => {
    const sheets = [report([item(1, 100), item(2, 90), item(3, 70), item(4, 70)], { name: '[1]Тайлан' })];
    const { plan } = compute(sheets);
    expect(summaryAt(plan, 5, 4)).toMatchObject({ value: 82.5 });
    expect(summaryAt(plan, 5, 4).formula).toBeUndefined();
    expect(plan.skipped.filter((s) => s.reason === 'formula-as-value').map((s) => `${s.row},${s.col}`)).toEqual(['5,3', '5,4']);
    // The table's own average row, on its own sheet, stays a live formula.
    expect(writeAt(plan, '[1]Тайлан', 5, 6)?.formula).toBe('=ROUND(AVERAGE(G2:G5),1)');
    expect(disagreements(sheets, plan)).toEqual([]);
  });
});

describe('item 5: where the tool reads a cell otherwise than a formula does', () => {
  const bareOne = () => [report([item(1, 1), item(2, 90), item(3, 50), item(4, 80), ['Дундаж', null, null, null, null, null, 60]], { formats: { G2: '0%' } })];

  it('the live-mean fix converts the "100%" stored as 1 before it averages, so the file shows the mean the fix names', () => {
    const sheets = bareOne();
    const found = analyzeWorkbook(sheets, { words: MN }).findings.find((f) => f.code === 'average-mismatch')!;
    expect(found.fix!.description.en).toBe('Replace 60 in G6 with the live mean of the rows (80)');
    expect(found.fix!.edits[0].writes.map((w) => [w.row, w.col, w.value, w.formula ?? null])).toEqual([
      [5, 6, 80, '=ROUND(AVERAGE(G2:G5),1)'],
      [1, 6, 100, null],
    ]);
    const fixed = planFixRounds(sheets, { words: MN }, { only: ['average-mismatch'] });
    expect(disagreements(sheets, fixed.plan)).toEqual([]);
  });

  it('a protected report: the percents Compute cannot write are not assumed by the summary\'s formulas (the figures are values)', () => {
    const sheets = [report([item(1, 100), item(2, null, 4, 3), item(3, 90)])];
    const { plan } = compute(sheets, ['Тайлан']);
    expect(plan.sheets).toEqual([]);
    expect(summaryAt(plan, 5, 4)).toMatchObject({ value: 88.3 });
    expect(summaryAt(plan, 5, 4).formula).toBeUndefined();
    expect(disagreements(sheets, plan)).toEqual([]);
  });
});

describe('item 6: a formula in the percent column is never replaced by compute, fix or evaluation', () => {
  const sheets = () => [
    report([item(1, 100), item(2, '100'), item(3, '', 4, 3), item(4, 0.5, 4, 2), item(5, 90)], {
      formulas: { G3: '=TEXT(100,"0")', G4: '=IF(F4>0,F4/E4*100,"")', G5: '=F5/E5' },
      formats: { G5: '0%' },
    }),
  ];

  it('validate reports each (percent-formula: text, empty, scale), with a fix to look at that says it replaces the formula', () => {
    const a = analyzeWorkbook(sheets(), { words: MN });
    const found = a.findings.filter((f) => f.code === 'percent-formula');
    expect(found.map((f) => [f.cell, f.fix?.kind])).toEqual([
      ['G3', 'review'],
      ['G4', 'review'],
      ['G5', 'review'],
    ]);
    expect(found[0].message.en).toBe('Item 2: the percent is a formula (=TEXT(100,"0")) that gives the text "100", which Excel\'s formulas do not count; it is left out of the averages. Compute does not replace a formula.');
    expect(found[1].fix!.edits[0].writes).toEqual([{ row: 3, col: 6, value: 75, replacesFormula: true }]);
    expect(a.findings.some((f) => f.code === 'percent-as-text' || (f.code === 'missing-percent' && f.cell === 'G4'))).toBe(false);
    // The text and the nothing are not counted (as AVERAGE does not count them); 0.5 shown as 50 % is.
    expect(a.sheets[0].scores[0].ratedCount).toBe(3);
  });

  it('compute writes nothing into them and says so; fix writes nothing into them unless told to include fixes to look at', () => {
    const { plan } = compute(sheets());
    const percentCells = plan.sheets.flatMap((s) => s.writes).filter((w) => w.col === 6 && w.row <= 5);
    expect(percentCells).toEqual([]);
    expect(plan.skipped.filter((s) => s.reason === 'formula-kept').map((s) => [s.row, s.formula])).toEqual([[4, '=F5/E5']]);
    expect(disagreements(sheets(), plan)).toEqual([]);
    const safe = planFixRounds(sheets(), { words: MN });
    expect(safe.plan.sheets.flatMap((s) => s.writes).filter((w) => w.col === 6 && w.row <= 5)).toEqual([]);
    const reviewed = planFixRounds(sheets(), { words: MN }, { includeReview: true, only: ['percent-formula'] });
    expect(reviewed.plan.sheets[0].writes.every((w) => w.replacesFormula)).toBe(true);
  });

  it('no fix offers to put a value over a formula without saying so: a rating "misplaced" by a formula is reported without a fix', () => {
    const sheets = [sheetOf([[...REPORT_HEADER, null], [1, 'A', 'Тоо', null, 'Хийх', 'Хийсэн', null, 100], [2, 'B', 'Тоо', null, 'Хийх', 'Хийсэн', 90]], { name: 'Тайлан', formulas: { H2: '=50+50' } })];
    const misplaced = analyzeWorkbook(sheets, { words: MN }).findings.find((f) => f.code === 'percent-misplaced')!;
    expect(misplaced.cell).toBe('H2');
    expect(misplaced.fix).toBeUndefined();
  });

  it('evaluation writes nothing into them either', () => {
    const { plan } = evaluation(sheets());
    expect(plan!.sheets.flatMap((s) => s.writes)).toEqual([]);
    expect(disagreements(sheets(), plan!)).toEqual([]);
  });
});

describe('item 12: numbering on an annex 8 sheet', () => {
  const annex8 = (duplicate: boolean) => {
    const { rows, at } = annex8Rows();
    if (duplicate) rows[at.first1 + 1][0] = 1;
    return sheetOf(rows, { name: '8-р хавсралт' });
  };

  it('is checked when no report is beside it (section 1 numbered 1, 1)', () => {
    const a = analyzeWorkbook([annex8(true)], { words: MN });
    expect(a.findings.filter((f) => f.code === 'duplicate-number').map((f) => f.cell)).toEqual(['A9']);
  });

  it('is left to the report when the report is in the same workbook', () => {
    const a = analyzeWorkbook([report([item(1, 100), item(2, 90)]), annex8(true)], { words: MN });
    expect(a.findings.filter((f) => f.code === 'duplicate-number')).toEqual([]);
  });
});
