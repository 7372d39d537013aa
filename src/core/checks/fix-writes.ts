// The cell writes quick fixes are made of (the same CellWrite Compute plans).

import type { TableEval } from '../evaluate';
import { round } from '../text';
import type { CellValue, CellWrite } from '../types';
import { isPercentFormat } from '../values';

/** A rating written into the percent cell, keeping the table's look (a percent-formatted table holds the fraction). */
export function ratingWrite(table: TableEval, row: number, col: number, value: number): CellWrite {
  const write: CellWrite = { row, col, value: table.percentFormatted ? round(value / 100, 6) : value };
  const format = table.grid.numberFormat(row, col);
  if (table.percentFormatted) write.numberFormat = table.percentFormat ?? '0%';
  // A Text or percent format would hide a plain rating.
  else if (format === '@' || isPercentFormat(format)) write.numberFormat = 'General';
  return write;
}

/** A cell emptied (the rating moved out of it). */
export const clearWrite = (row: number, col: number): CellWrite => ({ row, col, value: null });

/** Text written back as typed, kept as text (a Text format, so Excel does not turn it into a date again). */
export const textWrite = (row: number, col: number, text: string): CellWrite => ({ row, col, value: text, numberFormat: '@' });

/** A value of the same kind as the one it replaces: a number stays a number, "12." stays text with its dot. */
export function likeWrite(row: number, col: number, was: CellValue, number: number): CellWrite {
  if (typeof was === 'string') {
    const suffix = /[.)]$/.exec(was.trim())?.[0] ?? '';
    return { row, col, value: `${number}${suffix}` };
  }
  return { row, col, value: number };
}
