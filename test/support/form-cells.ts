// Reading the cycle forms' cells by column key (a FormTable says where each
// key is), as the tests of the report form and next year's plan do: never
// by a literal column letter.

import { SheetGrid, cellAddress, type FormColumnKey, type FormTable, type Sheet } from '../../src/core';
import type { CellValue } from '../../src/core/sheet';

/** The column of `key` in a form's table (the first, when a key comes twice). */
export function columnOf(table: FormTable, key: FormColumnKey): number {
  const c = table.columns.find((x) => x.key === key);
  if (!c) throw new Error(`the form's table has no ${key} column (it has ${table.columns.map((x) => x.key).join(', ')})`);
  return c.col;
}

/** The value in `key`'s column of `row`. */
export function formValue(sheet: Sheet, table: FormTable, key: FormColumnKey, row: number): CellValue {
  return new SheetGrid(sheet).value(row, columnOf(table, key));
}

/** "J7": the address of `key`'s cell in `row`. */
export function formAddress(table: FormTable, key: FormColumnKey, row: number): string {
  return cellAddress(row, columnOf(table, key));
}
