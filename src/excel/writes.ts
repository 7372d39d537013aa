// Cell changes → a few range writes: contents as 2-D values/formulas blocks,
// then number formats, bold, fills (each grouped by what they set), then
// notes, which have no range API and go one by one. A block is cut into
// slices of at most SLICE_ROWS rows, so that a request Excel refuses as too
// large can be split (batch.ts) however the plan is shaped.

import { cellAddress, type Area, type CellValue } from '../core';
import { op, type Batch, type Op } from './batch';
import { blocks, toInput, type Block, type Placed } from './cells';
import type { Fill } from './state';

export interface CellChange {
  row: number;
  col: number;
  content?: { value: CellValue; formula: string | null };
  numberFormat?: string;
  bold?: boolean;
  /** null: clear the fill. */
  fill?: Fill | null;
  /** The note to leave (null: none) and whether one is there now (add, edit or delete). */
  note?: { text: string | null; exists: boolean };
}

function rangeOf(batch: Batch, sheet: string, area: { top: number; left: number; bottom: number; right: number }): Excel.Range {
  return batch.sheet(sheet).getRangeByIndexes(area.top, area.left, area.bottom - area.top + 1, area.right - area.left + 1);
}

/** Rows per write operation: small enough to split a request, large enough to stay a few operations. */
const SLICE_ROWS = 2000;

/** A block cut into row slices of at most SLICE_ROWS rows. */
function slices<T>(block: Block<T>): Block<T>[] {
  const out: Block<T>[] = [];
  for (let i = 0; i < block.grid.length; i += SLICE_ROWS) {
    const grid = block.grid.slice(i, i + SLICE_ROWS);
    out.push({ area: { ...block.area, top: block.area.top + i, bottom: block.area.top + i + grid.length - 1 }, grid });
  }
  return out;
}

function sliced<T>(cells: Placed<T>[], merges: readonly Area[]): Block<T>[] {
  return blocks(cells, 0, merges).flatMap(slices);
}

function grouped<T>(cells: Placed<T>[], key: (data: T) => string): Map<string, Placed<T>[]> {
  const out = new Map<string, Placed<T>[]>();
  for (const cell of cells) {
    const groupKey = key(cell.data);
    const list = out.get(groupKey) ?? [];
    list.push(cell);
    out.set(groupKey, list);
  }
  return out;
}

/**
 * The operations that make `changes` on `sheet`. `merges`: the sheet's merged
 * areas as read (none for a sheet the action adds): no write covers part of one.
 */
export function changeOps(sheet: string, changes: CellChange[], notes: boolean, merges: readonly Area[] = []): Op[] {
  const ops: Op[] = [];
  const content = changes.filter((c) => c.content);

  const formulas = content.filter((c) => c.content!.formula).map((c) => ({ row: c.row, col: c.col, data: c.content!.formula! }));
  for (const block of sliced(formulas, merges)) {
    const grid = block.grid.map((r) => r.map((f) => f ?? null));
    ops.push(op(grid, (b) => (rangeOf(b, sheet, block.area).formulas = grid), { formulas: true }));
  }
  const values = content.filter((c) => !c.content!.formula).map((c) => ({ row: c.row, col: c.col, data: toInput(c.content!.value) }));
  for (const block of sliced(values, merges)) {
    const grid = block.grid.map((r) => r.map((v) => (v === undefined ? null : v)));
    ops.push(op(grid, (b) => (rangeOf(b, sheet, block.area).values = grid)));
  }

  const formats = changes.filter((c) => c.numberFormat !== undefined).map((c) => ({ row: c.row, col: c.col, data: c.numberFormat! }));
  for (const block of sliced(formats, merges)) {
    const grid = block.grid.map((r) => r.map((f) => f ?? null));
    ops.push(op(grid, (b) => (rangeOf(b, sheet, block.area).numberFormat = grid)));
  }

  const bold = changes.filter((c) => c.bold !== undefined).map((c) => ({ row: c.row, col: c.col, data: c.bold! }));
  for (const [boldText, cells] of grouped(bold, (v) => String(v))) {
    for (const block of sliced(cells, merges)) ops.push(op(boldText, (b) => (rangeOf(b, sheet, block.area).format.font.bold = boldText === 'true')));
  }

  const fills = changes.filter((c) => c.fill !== undefined).map((c) => ({ row: c.row, col: c.col, data: c.fill ? c.fill.color : '' }));
  for (const [color, cells] of grouped(fills, (v) => v)) {
    for (const block of sliced(cells, merges)) {
      ops.push(
        op(color, (batch) => {
          const fill = rangeOf(batch, sheet, block.area).format.fill;
          if (color === '') fill.clear();
          else fill.color = color;
        }),
      );
    }
  }

  if (notes) {
    for (const change of changes) {
      const note = change.note;
      if (!note || (note.text === null && !note.exists)) continue;
      const address = cellAddress(change.row, change.col);
      ops.push(
        op(note.text, (batch) => {
          const list = batch.sheet(sheet).notes;
          if (note.text === null) list.getItem(address).delete();
          else if (note.exists) list.getItem(address).content = note.text;
          else list.add(address, note.text);
        }),
      );
    }
  }
  return ops;
}
