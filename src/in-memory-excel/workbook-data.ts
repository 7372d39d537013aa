// The plain data a fake workbook is made from (a fixture, a generated test
// workbook, the web page's opened file) and how it fills the model.

import type { CellValue } from '../core';
import { parseRange } from './addresses';
import type { Visibility, WorkbookModel } from './model';

/** One sheet: its cells from A1 (or startRow/startCol), merges, visibility, protection, notes, fills, bold cells. */
export interface FakeSheetData {
  name: string;
  /** Cell values from A1 (or from startRow/startCol); strings starting with "=" are not formulas here (use `formulas`). */
  values: CellValue[][];
  numberFormats?: (string | null)[][];
  formulas?: (string | null)[][];
  /** Merged areas as A1 ranges ("A1:H1"). */
  merges: string[];
  visibility?: Visibility;
  protected?: boolean;
  startRow?: number;
  startCol?: number;
  notes?: Record<string, string>;
  fills?: Record<string, string>;
  bold?: string[];
}

/** A workbook: its sheets in order, the active one, its structure protection. */
export interface FakeWorkbookData {
  sheets: FakeSheetData[];
  activeSheet?: string;
  /** Workbook structure protection. */
  protected?: boolean;
}

/** Fills an empty model with the data's sheets, cells, merges, notes, fills and bold cells, its protection and active sheet. */
export function loadWorkbook(model: WorkbookModel, data: FakeWorkbookData): void {
  for (const sheetData of data.sheets) {
    const sheet = model.addSheet(sheetData.name, sheetData.visibility ?? 'Visible');
    sheet.protected_ = sheetData.protected ?? false;
    const firstRow = sheetData.startRow ?? 0;
    const firstColumn = sheetData.startCol ?? 0;
    sheetData.values.forEach((row, i) =>
      row.forEach((value, j) => {
        const formula = sheetData.formulas?.[i]?.[j];
        const format = sheetData.numberFormats?.[i]?.[j];
        const hasFormula = typeof formula === 'string' && formula.startsWith('=');
        if ((value === null || value === '') && !hasFormula && !format) return;
        sheet.edit(firstRow + i, firstColumn + j, (cell) => {
          cell.v = hasFormula ? null : value === '' ? null : value;
          cell.f = hasFormula ? formula : null;
          if (format) cell.n = format;
        });
      }),
    );
    sheet.merges = sheetData.merges.map(parseRange);
    for (const [address, text] of Object.entries(sheetData.notes ?? {})) {
      const area = parseRange(address);
      sheet.edit(area.top, area.left, (cell) => (cell.note = text));
    }
    for (const [address, color] of Object.entries(sheetData.fills ?? {})) {
      const area = parseRange(address);
      sheet.edit(area.top, area.left, (cell) => (cell.fill = color.toUpperCase()));
    }
    for (const address of sheetData.bold ?? []) {
      const area = parseRange(address);
      sheet.edit(area.top, area.left, (cell) => (cell.b = true));
    }
  }
  model.protected_ = data.protected ?? false;
  const active = data.activeSheet ? model.byName(data.activeSheet) : model.sheets.find((sheet) => sheet.visibility === 'Visible');
  if (active) model.activeId = active.id;
}
