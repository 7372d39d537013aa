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
  formulas.forEach((rowFormulas, rowIndex) => {
    rowFormulas?.forEach((formula, colIndex) => {
      const cached = sheet.values[rowIndex]?.[colIndex];
      const certain = typeof formula !== 'string' || !formula.startsWith('=') || cached === null || cached === undefined || typeof cached === 'number' || isErrorValue(cached);
      if (certain) return;
      values ??= sheet.values.map((row) => (row ? row.slice() : row));
      values[rowIndex][colIndex] = null;
    });
  });
  return values ? { ...sheet, values } : sheet;
}

function writtenSheets(plan: Pick<EditPlan, 'sheets' | 'summary' | 'addedSheets'>): WrittenSheet[] {
  const summary = plan.summary ? [{ sheet: plan.summary.name, writes: plan.summary.writes }] : [];
  return [...plan.sheets, ...summary, ...(plan.addedSheets ?? []).map((added) => ({ sheet: added.name, writes: added.writes }))];
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
  const read = new Map(sheets.map((sheet) => [sheet.name, sheet]));
  const asValues: SkippedWrite[] = [];
  for (const { sheet, writes } of writtenSheets(plan)) {
    const home = book.sheet(sheet);
    if (!home) continue;
    const before = read.get(sheet);
    for (let i = writes.length - 1; i >= 0; i--) {
      const write = writes[i];
      if (!write.formula || givesValue(formulaValue(write.formula, home, book), write.value)) continue;
      const at = { sheet, row: write.row, col: write.col, tableId: tableAt(sheet, write.row) };
      const theirs = before ? formulaAt(before, write.row, write.col) : null;
      if (theirs !== null) {
        // The cell holds a formula of its own (a stated average): a constant never replaces it; it stays as it is.
        asValues.push({ ...at, reason: 'formula-kept', formula: theirs });
        writes.splice(i, 1);
        continue;
      }
      asValues.push({ ...at, reason: 'formula-as-value', formula: write.formula });
      delete write.formula;
    }
  }
  return asValues.reverse();
}

function formulaAt(sheet: Sheet, row: number, col: number): string | null {
  const formula = sheet.formulas?.[row - sheet.startRow]?.[col - sheet.startCol];
  return typeof formula === 'string' && formula.startsWith('=') ? formula : null;
}

/** One sheet's writes (a quick fix) applied to it: does every formula among them give the value it carries? */
export function formulasAgree(sheet: Sheet, writes: readonly CellWrite[]): boolean {
  const home = applySheetEdits(withoutUncertainResults(sheet), { sheet: sheet.name, writes: [...writes] });
  const book = new Workbook([home]);
  return writes.every((write) => !write.formula || givesValue(formulaValue(write.formula, home, book), write.value));
}
