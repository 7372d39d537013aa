// Cell ranges over item rows, for the live formulas (=ROUND(AVERAGE(H8:H26),1)).
//
// A formula must agree with the figure the tool reports once a spreadsheet
// recalculates it. AVERAGE counts numbers (dates are numbers), skips text and
// blanks, and fails on an error value. So a range leaves out every cell
// AVERAGE would count while the engine does not: a date or an out-of-range
// number in the percent column, an error value, a formula the engine does not
// count (no value yet, or text or nothing as last calculated), a value left
// under a merged cell. Between two item rows a range may span headings and
// continuation rows only where AVERAGE reads nothing in them, now and once
// recalculated (no formula).
// (Ratings typed as text are converted by Compute instead: see edits.ts; what
// still cannot agree is found by formula-check.ts and written as a value.)

import type { ItemEval, TableEval } from './evaluate';
import { cellAddress, sheetRef } from './sheet';
import type { SheetGrid } from './sheet';
import { isErrorValue } from './values';

/** AVERAGE and COUNT take at most 255 arguments. */
export const MAX_FORMULA_ARGS = 255;

/** What AVERAGE reads in a cell, stored as it is (a value under a merged area too): a number, an error, a formula it cannot be sure of, or nothing. */
function averageReads(grid: SheetGrid, row: number, col: number): 'number' | 'error' | 'unknown' | 'nothing' {
  const value = grid.value(row, col);
  if (grid.formula(row, col) !== null && !grid.hasCachedValue(row, col)) return 'unknown';
  if (typeof value === 'number') return 'number';
  return isErrorValue(value) ? 'error' : 'nothing';
}

/**
 * AVERAGE may read something in this item's percent cell that the engine
 * does not count: a number, an error, or a formula (recalculated, a formula
 * that gave "" or text may give a number).
 */
function averageDisagrees(item: ItemEval, grid: SheetGrid, col: number): boolean {
  if (!item.percent) return false;
  const counted = item.rating !== null || item.computed !== null;
  return !counted && (averageReads(grid, item.row, col) !== 'nothing' || grid.formula(item.row, col) !== null);
}

/** A cell between two item rows that would (or, once recalculated, might) change AVERAGE over a range spanning it. */
const blocksRange = (grid: SheetGrid, row: number, col: number) => averageReads(grid, row, col) !== 'nothing' || grid.formula(row, col) !== null;

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
  return runs(rows, col, (k) => sets.items.has(k) || blocksRange(grid, k, col));
}

/** Rows of a column gathered into ranges ("H8:H26"); a row between two kept ones for which `breaks` is true starts a new range. */
function runs(rows: number[], col: number, breaks: (row: number) => boolean): string[] {
  const sorted = [...rows].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const out: string[] = [];
  let start = sorted[0];
  let end = sorted[0];
  const flush = () => out.push(start === end ? cellAddress(start, col) : `${cellAddress(start, col)}:${cellAddress(end, col)}`);
  for (const row of sorted.slice(1)) {
    let clean = true;
    for (let k = end + 1; k < row && clean; k++) if (breaks(k)) clean = false;
    if (clean) end = row;
    else {
      flush();
      start = row;
      end = row;
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
    if (col !== undefined) for (const item of table.items) if (averageDisagrees(item, table.grid, col)) leftOut.add(item.row);
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
  return runs(rows, col, (k) => !wanted.has(k) && blocksRange(table.grid, k, col));
}

/** The ranges as a formula argument list, with the sheet name when the formula lives elsewhere. */
export function rangeArgs(ranges: string[], sheet?: string): string {
  const prefix = sheet ? `${sheetRef(sheet)}!` : '';
  return ranges.map((r) => prefix + r).join(',');
}
