// Cell ranges over item rows, for the live formulas (=ROUND(AVERAGE(H8:H26),1)).

import type { TableEval } from './evaluate';
import { cellAddress, sheetRef } from './sheet';

/** AVERAGE and COUNT take at most 255 arguments. */
export const MAX_FORMULA_ARGS = 255;

/**
 * Contiguous runs of the percent column over the given item rows. Rows in
 * between (group headings, continuation rows) may stay inside a run, since
 * AVERAGE skips text and blanks, unless they hold a number of their own.
 */
export function percentRanges(te: TableEval, itemRows: number[], shift: (row: number) => number = (r) => r): string[] {
  const col = te.table.roleCol.percent;
  if (col === undefined || itemRows.length === 0) return [];
  const grid = te.table.grid;
  const rows = [...itemRows].sort((a, b) => a - b);
  const items = itemRowSet(te);
  const out: string[] = [];
  let start = rows[0];
  let end = rows[0];
  const flush = () => {
    const a = cellAddress(shift(start), col);
    const b = cellAddress(shift(end), col);
    out.push(a === b ? a : `${a}:${b}`);
  };
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i];
    let clean = true;
    for (let k = end + 1; k < r; k++) {
      if (items.has(k) || typeof grid.value(k, col) === 'number') {
        clean = false;
        break;
      }
    }
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

// Built once per table: the summary asks for a range per group.
const itemSets = new WeakMap<TableEval, Set<number>>();
function itemRowSet(te: TableEval): Set<number> {
  let set = itemSets.get(te);
  if (!set) {
    set = new Set(te.table.items.map((i) => i.row));
    itemSets.set(te, set);
  }
  return set;
}

/** The ranges as a formula argument list, with the sheet name when the formula lives elsewhere. */
export function rangeArgs(ranges: string[], sheet?: string): string {
  const prefix = sheet ? `${sheetRef(sheet)}!` : '';
  return ranges.map((r) => prefix + r).join(',');
}
