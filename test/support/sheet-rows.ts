// Editing a sheet built in memory as a person edits one in Excel: a row
// deleted or inserted (the rows below and the merged areas move), a cell
// typed over. For tests that build a report from a plan and then lose,
// add, edit and move its items.

import { parseAddress, type Area, type CellValue, type Sheet } from '../../src/core/sheet';

/** A copy of a layout, its holes (a sparse sheet's missing rows) made empty rows. */
const copy = <T>(rows: T[][] | undefined): T[][] => Array.from({ length: rows?.length ?? 0 }, (_x, i) => (rows?.[i] ? [...rows[i]] : []));

function moved(sheet: Sheet, at: number, by: number): Area[] {
  const out: Area[] = [];
  for (const m of sheet.merges) {
    if (by < 0 && m.top <= at && m.bottom >= at) continue;
    if (m.top >= at + (by < 0 ? 1 : 0)) out.push({ ...m, top: m.top + by, bottom: m.bottom + by });
    else out.push({ ...m });
  }
  return out;
}

/** The sheet with its row `row` (0-based) deleted: rows below move up; a merged area over it goes. */
export function deleteRow(sheet: Sheet, row: number): Sheet {
  const i = row - sheet.startRow;
  const values = copy(sheet.values);
  const formulas = copy(sheet.formulas);
  const numberFormats = copy(sheet.numberFormats);
  for (const rows of [values, formulas, numberFormats] as unknown[][][]) rows.splice(i, 1);
  return { ...sheet, values, formulas, numberFormats, merges: moved(sheet, row, -1) };
}

/** The sheet with `cells` inserted as a new row at `row` (0-based): that row and those below move down. */
export function insertRow(sheet: Sheet, row: number, cells: CellValue[]): Sheet {
  const i = row - sheet.startRow;
  const values = copy(sheet.values);
  const formulas = copy(sheet.formulas);
  const numberFormats = copy(sheet.numberFormats);
  values.splice(i, 0, [...cells]);
  formulas.splice(i, 0, cells.map(() => null));
  numberFormats.splice(i, 0, cells.map(() => null));
  return { ...sheet, values, formulas, numberFormats, merges: moved(sheet, row, 1) };
}

/** The sheet with a cell typed over ("J7"). */
export function typeInto(sheet: Sheet, address: string, value: CellValue): Sheet {
  const { row, col } = parseAddress(address);
  const values = copy(sheet.values);
  const formulas = copy(sheet.formulas);
  const r = row - sheet.startRow;
  while (values.length <= r) values.push([]);
  while (formulas.length <= r) formulas.push([]);
  values[r][col - sheet.startCol] = value;
  formulas[r][col - sheet.startCol] = null;
  return { ...sheet, values, formulas };
}

/** A row's cells as they are (for moving a row: delete it, insert its cells elsewhere). */
export function rowCells(sheet: Sheet, row: number): CellValue[] {
  return [...(sheet.values[row - sheet.startRow] ?? [])];
}
