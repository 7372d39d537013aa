// Applies the engine's edit plan to an exceljs workbook (the command line's
// host). Formulas are written with their computed results, so any viewer
// shows the numbers without recalculating.

import type ExcelJS from 'exceljs';
import type { CellWrite, EditPlan, SummarySheetPlan } from '../core';

function writeCell(ws: ExcelJS.Worksheet, w: CellWrite): void {
  const cell = ws.getCell(w.row + 1, w.col + 1);
  if (w.formula) {
    const result = w.value === null ? undefined : w.value;
    cell.value = { formula: w.formula.replace(/^=/, ''), result } as ExcelJS.CellFormulaValue;
  } else {
    // exceljs stores strings as text, so a label starting with "=" never becomes a formula.
    cell.value = w.value;
  }
  if (w.numberFormat) cell.numFmt = w.numberFormat;
  if (w.bold) cell.font = { ...(cell.font ?? {}), bold: true };
  if (w.note) cell.note = w.note;
}

function writeSummary(wb: ExcelJS.Workbook, plan: SummarySheetPlan): void {
  const old = wb.getWorksheet(plan.name);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(plan.name);
  plan.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const w of plan.writes) writeCell(ws, w);
  ws.views = [{ state: 'frozen', ySplit: 4, xSplit: 0 }];
}

/** Writes cells and replaces the summary sheet. Charts are left to Excel. */
export function applyPlanToWorkbook(wb: ExcelJS.Workbook, plan: EditPlan): void {
  for (const edits of plan.sheets) {
    const ws = wb.getWorksheet(edits.sheet);
    if (!ws) throw new Error(`No sheet named ${edits.sheet}`);
    for (const w of edits.writes) writeCell(ws, w);
  }
  if (plan.summary) writeSummary(wb, plan.summary);
  // Cached results are ours; let Excel recalculate everything when it opens the file.
  if (plan.sheets.length > 0 || plan.summary) wb.calcProperties = { ...(wb.calcProperties ?? {}), fullCalcOnLoad: true };
}
