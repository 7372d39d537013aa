// Applies the engine's edit plan to an exceljs workbook (the command line's
// host). Formulas are written with their computed results, so any viewer
// shows the numbers without recalculating.

import type ExcelJS from 'exceljs';
import { parseArea } from '../core/sheet';
import type { CellWrite, EditPlan, SummarySheetPlan } from '../core/types';

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

/**
 * Inserts an empty row before 0-based row `before`. exceljs's spliceRows moves
 * cells but not merged areas, so merges at or below are taken apart first and
 * put back one row lower.
 */
function insertRowBefore(ws: ExcelJS.Worksheet, before: number): void {
  const at = before + 1;
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).map((m) => ({ text: m, area: parseArea(m) }));
  const moved = merges.filter((m) => m.area.bottom + 1 >= at);
  for (const m of moved) ws.unMergeCells(m.text);
  ws.spliceRows(at, 0, []);
  for (const { area } of moved) {
    const top = area.top + 1 >= at ? area.top + 1 : area.top;
    ws.mergeCells(top + 1, area.left + 1, area.bottom + 2, area.right + 1);
  }
}

function writeSummary(wb: ExcelJS.Workbook, plan: SummarySheetPlan): void {
  const old = wb.getWorksheet(plan.name);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(plan.name);
  plan.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const w of plan.writes) writeCell(ws, w);
  ws.views = [{ state: 'frozen', ySplit: 4, xSplit: 0 }];
}

/** Inserts rows (bottom-up), writes cells, replaces the summary sheet. Charts are left to Excel. */
export function applyPlanToWorkbook(wb: ExcelJS.Workbook, plan: EditPlan): void {
  for (const edits of plan.sheets) {
    const ws = wb.getWorksheet(edits.sheet);
    if (!ws) throw new Error(`No sheet named ${edits.sheet}`);
    for (const before of [...edits.insertRowsBefore].sort((a, b) => b - a)) insertRowBefore(ws, before);
    for (const w of edits.writes) writeCell(ws, w);
  }
  if (plan.summary) writeSummary(wb, plan.summary);
  // Cached results are ours; let Excel recalculate everything when it opens the file.
  if (plan.sheets.length > 0 || plan.summary) wb.calcProperties = { ...(wb.calcProperties ?? {}), fullCalcOnLoad: true };
}
