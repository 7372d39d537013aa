// Applies a sheet's edits to an in-memory Sheet. Compute uses it to see the
// workbook as it will be (so the summary describes the result, and running
// Compute again plans nothing new); tests use it as a third host.

import type { Area, CellValue, Sheet } from './sheet';
import type { EditPlan, SheetEdits } from './types';

function grow<T>(rows: T[][], row: number, col: number, fill: T): void {
  while (rows.length <= row) rows.push([]);
  const r = rows[row];
  while (r.length <= col) r.push(fill);
}

export function applySheetEdits(sheet: Sheet, edits: SheetEdits): Sheet {
  const values: CellValue[][] = sheet.values.map((r) => r.slice());
  const formulas: (string | null)[][] = (sheet.formulas ?? sheet.values.map((r) => r.map(() => null))).map((r) => r.slice());
  const formats: (string | null)[][] = (sheet.numberFormats ?? sheet.values.map((r) => r.map(() => null))).map((r) => r.slice());
  const merges: Area[] = sheet.merges.map((m) => ({ ...m }));

  for (const w of edits.writes) {
    const r = w.row - sheet.startRow;
    const c = w.col - sheet.startCol;
    if (r < 0 || c < 0) continue;
    grow(values, r, c, null);
    grow(formulas, r, c, null);
    grow(formats, r, c, null);
    values[r][c] = w.value;
    formulas[r][c] = w.formula ?? null;
    if (w.numberFormat) formats[r][c] = w.numberFormat;
  }
  const width = values.reduce((m, r) => Math.max(m, r.length), 0);
  for (const rows of [values, formulas, formats] as (CellValue | string | null)[][][]) {
    for (const r of rows) while (r.length < width) r.push(null);
  }
  return { ...sheet, values, formulas, numberFormats: formats, merges };
}

/** Applies a whole plan in memory: each sheet's edits, and the summary sheet created or replaced. */
export function applyPlanToSheets(sheets: Sheet[], plan: EditPlan): Sheet[] {
  const out = sheets.map((s) => {
    const e = plan.sheets.find((x) => x.sheet === s.name);
    return e ? applySheetEdits(s, e) : s;
  });
  if (!plan.summary) return out;
  const empty: Sheet = { name: plan.summary.name, startRow: 0, startCol: 0, values: [], formulas: [], numberFormats: [], merges: [] };
  const summary = applySheetEdits(empty, { sheet: plan.summary.name, writes: plan.summary.writes });
  const at = out.findIndex((s) => s.name === plan.summary!.name);
  if (at >= 0) out[at] = summary;
  else out.push(summary);
  return out;
}
