// The file says what the tool says: every formula a plan writes is
// recalculated by the engine (formula-value.ts) over the workbook as it will
// be, and where it would not show the figure the engine reports — a cell it
// reads holds what the engine reads differently, a sheet name a formula
// would read as another workbook, a formula cell with no value yet — the
// figure is written as a value instead, and the plan says where and why
// (`skipped`, reason `formula-as-value`).

import { applyPlanToSheets, applySheetEdits } from './apply';
import { formulaValue, givesValue, Workbook } from './formula-value';
import type { CellValue, Sheet } from './sheet';
import { isErrorValue } from './values';
import type { CellWrite, EditPlan, SkippedWrite } from './types';

/** A sheet's writes as one list, for the plan's sheets, its summary and its added sheets alike. */
interface WrittenSheet {
  sheet: string;
  writes: CellWrite[];
}

/**
 * The sheet with the results of its own formulas that recalculation may
 * change unseen taken as unknown: a formula that gave text, "" or a logical
 * value as last calculated (saved in manual calculation, say) may give a
 * number once recalculated, which the engine did not count. Numbers and
 * errors are taken as they were cached.
 */
function withoutUncertainResults(sheet: Sheet): Sheet {
  const formulas = sheet.formulas ?? [];
  let values: CellValue[][] | null = null;
  formulas.forEach((row, r) => {
    row?.forEach((f, c) => {
      const v = sheet.values[r]?.[c];
      if (typeof f !== 'string' || !f.startsWith('=') || v === null || v === undefined || typeof v === 'number' || isErrorValue(v)) return;
      values ??= sheet.values.map((x) => (x ? x.slice() : x));
      values[r][c] = null;
    });
  });
  return values ? { ...sheet, values } : sheet;
}

function writtenSheets(plan: Pick<EditPlan, 'sheets' | 'summary' | 'addedSheets'>): WrittenSheet[] {
  return [...plan.sheets, ...(plan.summary ? [{ sheet: plan.summary.name, writes: plan.summary.writes }] : []), ...(plan.addedSheets ?? []).map((s) => ({ sheet: s.name, writes: s.writes }))];
}

/**
 * Keeps a plan's formulas only where they give the figure it caches: `sheets`
 * are the sheets as read (the plan is applied to them here); each formula
 * that would give anything else is dropped (its cached figure stays, as a
 * value) and listed. Returns what was turned into values; the plan's writes
 * are changed in place.
 */
export function keepAgreeingFormulas(sheets: readonly Sheet[], plan: Pick<EditPlan, 'sheets' | 'summary' | 'addedSheets'>, tableAt: (sheet: string, row: number) => string = () => ''): SkippedWrite[] {
  const world = applyPlanToSheets(sheets.map(withoutUncertainResults), { sheets: plan.sheets, summary: plan.summary, addedSheets: plan.addedSheets, skipped: [], writtenCells: [] });
  const book = new Workbook(world);
  const read = new Map(sheets.map((s) => [s.name, s]));
  const asValues: SkippedWrite[] = [];
  for (const { sheet, writes } of writtenSheets(plan)) {
    const home = book.sheet(sheet);
    if (!home) continue;
    const before = read.get(sheet);
    for (let i = writes.length - 1; i >= 0; i--) {
      const w = writes[i];
      if (!w.formula || givesValue(formulaValue(w.formula, home, book), w.value)) continue;
      const theirs = before ? formulaAt(before, w.row, w.col) : null;
      if (theirs !== null) {
        // The cell holds a formula of its own (a stated average): a constant never replaces it; it stays as it is.
        asValues.push({ sheet, row: w.row, col: w.col, tableId: tableAt(sheet, w.row), reason: 'formula-kept', formula: theirs });
        writes.splice(i, 1);
        continue;
      }
      asValues.push({ sheet, row: w.row, col: w.col, tableId: tableAt(sheet, w.row), reason: 'formula-as-value', formula: w.formula });
      delete w.formula;
    }
  }
  return asValues.reverse();
}

function formulaAt(sheet: Sheet, row: number, col: number): string | null {
  const f = sheet.formulas?.[row - sheet.startRow]?.[col - sheet.startCol];
  return typeof f === 'string' && f.startsWith('=') ? f : null;
}

/** One sheet's writes (a quick fix) applied to it: does every formula among them give the value it carries? */
export function formulasAgree(sheet: Sheet, writes: readonly CellWrite[]): boolean {
  const home = applySheetEdits(withoutUncertainResults(sheet), { sheet: sheet.name, writes: [...writes] });
  const book = new Workbook([home]);
  return writes.every((w) => !w.formula || givesValue(formulaValue(w.formula, home, book), w.value));
}
