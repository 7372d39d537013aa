// What cells hold now (contents, bold, fill, note), read before the add-in
// changes them, so Revert and Clear marks can put them back.

import { cellAddress, type CellValue } from '../core';
import { op, type Op } from './batch';
import { blocks, formulaOf, type Block } from './cells';

export interface Fill {
  color: string;
  pattern: string;
}

/** A cell's state (before or after an action); only the aspects present count. */
export interface CellState {
  row: number;
  col: number;
  /** Contents: value, formula (or null) and number format travel together. */
  value?: CellValue;
  formula?: string | null;
  numberFormat?: string;
  bold?: boolean;
  /** null: no fill. */
  fill?: Fill | null;
  /** null: no note. */
  note?: string | null;
}

export interface Aspects {
  content?: boolean;
  bold?: boolean;
  fill?: boolean;
  note?: boolean;
}

export const cellKey = (r: number, c: number): number => r * 16384 + c;

/** Excel reports "no fill" as pattern None (and colour #FFFFFF). */
export function fillOf(color: string | undefined, pattern: string | undefined): Fill | null {
  if (!color || pattern === 'None') return null;
  return { color: color.toUpperCase(), pattern: pattern ?? 'Solid' };
}

export function sameFill(first: Fill | null | undefined, second: Fill | null | undefined): boolean {
  if (!first || !second) return !first && !second;
  return first.color.toUpperCase() === second.color.toUpperCase() && first.pattern === second.pattern;
}

type CellProps = OfficeExtension.ClientResult<Excel.CellProperties[][]>;

/** After the sync: one run's contents and formats into the states. */
function collectRun(area: { top: number; left: number; bottom: number; right: number }, range: Excel.Range, props: CellProps | null, aspects: Aspects, state: (row: number, col: number) => CellState | undefined): void {
  const values = aspects.content ? range.values : [];
  const formulas = aspects.content ? range.formulas : [];
  const formats = aspects.content ? range.numberFormat : [];
  const cells = props ? props.value : [];
  for (let i = 0; i <= area.bottom - area.top; i++) {
    for (let j = 0; j <= area.right - area.left; j++) {
      const cellState = state(area.top + i, area.left + j);
      if (!cellState) continue;
      if (aspects.content) {
        const value = values[i][j] as CellValue;
        cellState.value = value;
        cellState.formula = formulaOf(value, formulas[i][j]);
        cellState.numberFormat = String(formats[i][j] ?? 'General');
      }
      const cellProps = cells[i]?.[j];
      if (aspects.bold) cellState.bold = cellProps?.format?.font?.bold === true;
      if (aspects.fill) cellState.fill = fillOf(cellProps?.format?.fill?.color, cellProps?.format?.fill?.pattern);
    }
  }
}

/** After the sync: a note (or its absence) into the state. */
function collectNote(note: Excel.Note, cellState: CellState | undefined): void {
  if (cellState) cellState.note = note.isNullObject ? null : note.content;
}

export interface StateRead {
  ops: Op[];
  /** After the ops ran: the states, by cellKey. */
  result(): Map<number, CellState>;
}

/** Rows per read of a run: its answer stays a fraction of a response however long the column. */
const READ_SLICE_ROWS = 2000;
/**
 * Response bytes a read is expected to bring back, per cell: contents
 * (value, formula and number format: short figures and words in the cells
 * an action writes) and cell properties (bold, fill colour and pattern);
 * per note (its text, a few hundred bytes of Cyrillic); per read. An answer
 * larger than expected is asked for again in smaller groups (batch.ts).
 */
const READ_BYTES = { content: 80, properties: 90, note: 320, read: 120 } as const;

/**
 * Reads the given cells of one sheet: contents and formats in column runs
 * (a few empty rows between wanted cells are read along rather than
 * splitting the range) of at most READ_SLICE_ROWS rows, notes one by one
 * (there is no range API for them). Every read is an operation with the
 * size of its answer estimated, so the reads go in as many syncs as Excel
 * on the web's 5 MB responses need.
 */
export function readStates(sheet: string, cells: { row: number; col: number }[], aspects: Aspects, notes: boolean): StateRead {
  const wanted = new Map<number, { row: number; col: number }>();
  for (const cell of cells) wanted.set(cellKey(cell.row, cell.col), cell);
  const list = [...wanted.values()];
  const runs = blocks(list.map((c) => ({ row: c.row, col: c.col, data: true })), 3).flatMap((run) => {
    const out: Block<boolean>[] = [];
    for (let i = 0; i < run.grid.length; i += READ_SLICE_ROWS) {
      const grid = run.grid.slice(i, i + READ_SLICE_ROWS);
      out.push({ area: { ...run.area, top: run.area.top + i, bottom: run.area.top + i + grid.length - 1 }, grid });
    }
    return out;
  });
  const perCell = (aspects.content ? READ_BYTES.content : 0) + (aspects.bold || aspects.fill ? READ_BYTES.properties : 0);
  const ops: Op[] = [];
  // By operation: an operation queued again (a request split and resent) replaces its reader.
  const readers = new Map<number, () => void>();
  const out = new Map<number, CellState>();
  const state = (r: number, c: number): CellState | undefined => out.get(cellKey(r, c));
  for (const cell of list) out.set(cellKey(cell.row, cell.col), { row: cell.row, col: cell.col });

  const ranges = aspects.content || aspects.bold || aspects.fill;
  for (const run of ranges ? runs : []) {
    const { top, left, bottom, right } = run.area;
    const id = ops.length;
    ops.push(
      op([sheet, top, left], (batch) => {
        const range = batch.sheet(sheet).getRangeByIndexes(top, left, bottom - top + 1, right - left + 1);
        if (aspects.content) range.load('values,formulas,numberFormat');
        const props =
          aspects.bold || aspects.fill
            ? range.getCellProperties({ format: { font: { bold: aspects.bold ?? false }, fill: { color: aspects.fill ?? false, pattern: aspects.fill ?? false } } })
            : null;
        readers.set(id, () => collectRun(run.area, range, props, aspects, state));
      }, { reads: true, response: READ_BYTES.read + perCell * (bottom - top + 1) * (right - left + 1) }),
    );
  }
  if (aspects.note && notes) {
    for (const cell of list) {
      const address = cellAddress(cell.row, cell.col);
      const id = ops.length;
      ops.push(
        op(address, (batch) => {
          const note = batch.sheet(sheet).notes.getItemOrNullObject(address);
          note.load('content');
          readers.set(id, () => collectNote(note, state(cell.row, cell.col)));
        }, { reads: true, response: READ_BYTES.note }),
      );
    }
  }
  return {
    ops,
    result: () => {
      for (const read of readers.values()) read();
      readers.clear();
      return out;
    },
  };
}
