// The file and the tool agree (../shared/tools/agree.py, in the tests'
// language): every formula a file carries with a cached value, against a
// spreadsheet's recalculation of the same file — the same number (within
// rounding) or the same text. And a whole sheet written from a SheetPlan,
// for tests that make a workbook out of a sheet built in memory.

import { promises as fs } from 'fs';
import { cellAddress, type Sheet, type SheetPlan } from '../../src/core';
import { readXlsx, visibleSheets } from '../../src/xlsx';

export interface Agreement {
  checked: number;
  /** "Sheet!A1 ours X, recalculated Y". */
  differ: string[];
}

/** Every formula of `ours` with a cached value, against the same cell of `recalculated`. */
export async function formulasAgree(ours: string, recalculated: string): Promise<Agreement> {
  const mine = visibleSheets(readXlsx(new Uint8Array(await fs.readFile(ours))));
  const theirs = visibleSheets(readXlsx(new Uint8Array(await fs.readFile(recalculated))));
  const out: Agreement = { checked: 0, differ: [] };
  for (const sheet of mine) {
    const other = theirs.find((s) => s.name === sheet.name);
    sheet.formulas?.forEach((row, r) =>
      row?.forEach((formula, c) => {
        const value = sheet.values[r]?.[c];
        if (!formula || value === null || value === undefined || value === '') return;
        out.checked++;
        const got = other?.values[r + sheet.startRow - other.startRow]?.[c + sheet.startCol - other.startCol] ?? null;
        const same = typeof value === 'number' && typeof got === 'number' ? Math.abs(value - got) <= 0.051 : String(value).trim() === String(got ?? '').trim();
        if (!same) out.differ.push(`${sheet.name}!${cellAddress(r + sheet.startRow, c + sheet.startCol)} ours ${String(value)}, recalculated ${String(got)}`);
      }),
    );
  }
  return out;
}

/** A sheet built in memory as a whole-sheet plan: its values, formulas and formats, its merged areas. */
export function sheetPlanOf(sheet: Sheet): SheetPlan {
  const writes: SheetPlan['writes'] = [];
  sheet.values.forEach((row, r) =>
    row?.forEach((value, c) => {
      const formula = sheet.formulas?.[r]?.[c] ?? undefined;
      if ((value === null || value === undefined || value === '') && !formula) return;
      const format = sheet.numberFormats?.[r]?.[c];
      writes.push({ row: r + sheet.startRow, col: c + sheet.startCol, value, ...(formula ? { formula } : {}), ...(format && format !== 'General' ? { numberFormat: format } : {}) });
    }),
  );
  return { name: sheet.name, replaces: false, frozenRows: 0, writes, columnWidths: [], merges: sheet.merges };
}
