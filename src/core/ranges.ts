// Cell ranges over item rows, for the live formulas (=ROUND(AVERAGE(H8:H26),1)).
//
// A formula must agree with the figure the tool reports once a spreadsheet
// recalculates it. AVERAGE counts numbers (dates are numbers), skips text and
// blanks, and fails on an error value. So a range leaves out every cell
// AVERAGE would count differently from the engine: a date or an out-of-range
// number in the percent column, an error value, a formula with no value yet.
// (Ratings typed as text are converted by Compute instead: see edits.ts.)

import type { ItemEval, TableEval } from './evaluate';
import { cellAddress, sheetRef } from './sheet';
import type { CellValue } from './sheet';
import { isErrorValue } from './values';

/** AVERAGE and COUNT take at most 255 arguments. */
export const MAX_FORMULA_ARGS = 255;

/** AVERAGE would read this item's percent cell, as it stands, differently from the engine. */
function averageDisagrees(item: ItemEval, value: CellValue): boolean {
  const p = item.percent;
  if (!p) return false;
  if (p.kind === 'uncached') return true;
  return p.kind === 'invalid' && (typeof value === 'number' || isErrorValue(value));
}

/** A cell between two item rows that would change AVERAGE over a range spanning it. */
const blocksRange = (value: CellValue) => typeof value === 'number' || isErrorValue(value);

/**
 * Contiguous runs of the percent column over the given item rows. Rows in
 * between (group headings, continuation rows) may stay inside a run, since
 * AVERAGE skips text and blanks, unless they hold a number or an error of
 * their own. Item rows AVERAGE would read differently from the engine are
 * left out (and split the run).
 */
export function percentRanges(table: TableEval, itemRows: number[]): string[] {
  const col = table.roleCol.percent;
  if (col === undefined || itemRows.length === 0) return [];
  const grid = table.grid;
  const sets = rowSets(table);
  const rows = itemRows.filter((r) => !sets.leftOut.has(r));
  return runs(rows, col, (k) => sets.items.has(k) || blocksRange(grid.value(k, col)));
}

/** Rows of a column gathered into ranges ("H8:H26"); a row between two kept ones for which `breaks` is true starts a new range. */
function runs(rows: number[], col: number, breaks: (row: number) => boolean): string[] {
  const sorted = [...rows].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const out: string[] = [];
  let start = sorted[0];
  let end = sorted[0];
  const flush = () => out.push(start === end ? cellAddress(start, col) : `${cellAddress(start, col)}:${cellAddress(end, col)}`);
  for (const r of sorted.slice(1)) {
    let clean = true;
    for (let k = end + 1; k < r && clean; k++) if (breaks(k)) clean = false;
    if (clean) end = r;
    else {
      flush();
      start = r;
      end = r;
    }
  }
  flush();
  return out;
}

interface RowSets {
  items: Set<number>;
  /** Item rows whose cell AVERAGE would count differently: never inside a range. */
  leftOut: Set<number>;
}

// Built once per table: the summary asks for a range per group.
const rowSetCache = new WeakMap<TableEval, RowSets>();
function rowSets(table: TableEval): RowSets {
  let sets = rowSetCache.get(table);
  if (!sets) {
    const col = table.roleCol.percent;
    const leftOut = new Set<number>();
    if (col !== undefined) for (const item of table.items) if (averageDisagrees(item, table.grid.value(item.row, col))) leftOut.add(item.row);
    sets = { items: new Set(table.items.map((i) => i.row)), leftOut };
    rowSetCache.set(table, sets);
  }
  return sets;
}

/**
 * Contiguous runs of any column over the given rows (a points column, say):
 * rows in between may stay inside a run unless they hold a number or an
 * error of their own.
 */
export function columnRanges(table: TableEval, col: number, rows: number[]): string[] {
  const wanted = new Set(rows);
  return runs(rows, col, (k) => !wanted.has(k) && blocksRange(table.grid.value(k, col)));
}

/** The ranges as a formula argument list, with the sheet name when the formula lives elsewhere. */
export function rangeArgs(ranges: string[], sheet?: string): string {
  const prefix = sheet ? `${sheetRef(sheet)}!` : '';
  return ranges.map((r) => prefix + r).join(',');
}
