// Applies a sheet's edits to an in-memory Sheet. Compute uses it to see the
// workbook as it will be (so the summary describes the result, and running
// Compute again plans nothing new); tests use it as a third host.

import type { CellValue, Sheet } from './sheet';
import type { EditPlan, SheetEdits } from './types';

/** The row at `index`, created when missing (sparse sheets have holes). */
function rowAt<T>(rows: T[][], index: number): T[] {
  return (rows[index] ??= []);
}

/** Copies a sparse layout, keeping its holes. */
const copyRows = <T>(rows: T[][] | undefined): T[][] => (rows ? rows.map((row) => (row ? row.slice() : row)) : []);

export function applySheetEdits(sheet: Sheet, edits: SheetEdits): Sheet {
  const values = copyRows<CellValue>(sheet.values);
  const formulas = copyRows<string | null>(sheet.formulas);
  const formats = copyRows<string | null>(sheet.numberFormats);
  for (const write of edits.writes) {
    const rowIndex = write.row - sheet.startRow;
    const columnIndex = write.col - sheet.startCol;
    if (rowIndex < 0 || columnIndex < 0) continue;
    rowAt(values, rowIndex)[columnIndex] = write.value;
    rowAt(formulas, rowIndex)[columnIndex] = write.formula ?? null;
    if (write.numberFormat) rowAt(formats, rowIndex)[columnIndex] = write.numberFormat;
  }
  return { ...sheet, values, formulas, numberFormats: formats, merges: sheet.merges.map((merge) => ({ ...merge })) };
}

/** Applies a whole plan in memory: each sheet's edits, then the whole sheets it writes (the summary, added sheets), created or replaced. */
export function applyPlanToSheets(sheets: Sheet[], plan: EditPlan): Sheet[] {
  const out = sheets.map((sheet) => {
    const edits = plan.sheets.find((x) => x.sheet === sheet.name);
    return edits ? applySheetEdits(sheet, edits) : sheet;
  });
  for (const whole of [...(plan.summary ? [plan.summary] : []), ...(plan.addedSheets ?? [])]) {
    const empty: Sheet = { name: whole.name, startRow: 0, startCol: 0, values: [], formulas: [], numberFormats: [], merges: [] };
    const written = applySheetEdits(empty, { sheet: whole.name, writes: whole.writes });
    written.merges = (whole.merges ?? []).map((merge) => ({ ...merge }));
    const at = out.findIndex((s) => s.name === whole.name);
    if (at >= 0) out[at] = written;
    else out.push(written);
  }
  return out;
}
