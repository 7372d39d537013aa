// Revert. Every action that changes the workbook (Compute, Validate's marks,
// Clear marks) first records what it is about to change: the earlier state
// of each cell it touches (only the aspects it touches), the rows it
// inserts, the summary sheet it replaces, and the marks registry before it.
// Snapshots form a stack (at most MAX_SNAPSHOTS): Revert undoes the newest
// action, Revert again the one before. An action that would change nothing
// (Compute or Validate run twice) records nothing, so repeating an action
// never buries the original state under a copy of itself. Like Excel's own
// undo, Revert puts back the recorded state whatever happened since: a
// value typed over a computed percent afterwards is reverted with it.

import { op, type Op } from './batch';
import type { MarkRecord } from './marks';
import { cellKey, type CellState } from './state';
import type { ActionKind } from './store';
import { changeOps, type CellChange } from './writes';

export interface SheetSnapshot {
  name: string;
  /** Earlier states of the cells the action changed. */
  cells: CellState[];
}

export interface Snapshot {
  id: number;
  kind: ActionKind;
  at: string;
  sheets: SheetSnapshot[];
  /** Present when the action wrote the summary sheet: the hidden copy of the one it replaced, if any. */
  summary?: { name: string; backup: string | null; position: number | null };
  /** The marks registry before the action, when the action changed it. */
  marks?: MarkRecord[];
}

export function backupName(id: number): string {
  return `Unelgee_Prev${id}`;
}

/** Cells whose notes Revert must know about now (their current positions). */
export function noteCells(s: SheetSnapshot): { row: number; col: number }[] {
  return s.cells.filter((c) => c.note !== undefined).map((c) => ({ row: c.r, col: c.c }));
}

export function restoreChanges(s: SheetSnapshot, notesNow: Map<number, boolean>): CellChange[] {
  return s.cells.map((c) => {
    const ch: CellChange = { row: c.r, col: c.c };
    if (c.v !== undefined || c.f !== undefined) ch.content = { value: c.v ?? null, formula: c.f ?? null };
    if (c.n !== undefined) ch.numberFormat = c.n;
    if (c.b !== undefined) ch.bold = c.b;
    if (c.fill !== undefined) ch.fill = c.fill;
    if (c.note !== undefined) ch.note = { text: c.note, exists: notesNow.get(cellKey(c.r, c.c)) ?? false };
    return ch;
  });
}

export interface RevertInputs {
  snapshot: Snapshot;
  /** Per sheet: whether each noted cell has a note now (by cellKey at its current position). */
  notesNow: Map<string, Map<number, boolean>>;
  summaryExists: boolean;
  backupExists: boolean;
  notes: boolean;
}

export function revertOps(x: RevertInputs): Op[] {
  const ops: Op[] = [];
  const s = x.snapshot;
  if (s.summary) {
    const backup = s.summary.backup;
    const position = s.summary.position;
    const name = s.summary.name;
    if (x.summaryExists) ops.push(op(name, (b) => b.context.workbook.worksheets.getItem(name).delete()));
    if (backup && x.backupExists) {
      ops.push(
        op(backup, (b) => {
          const ws = b.context.workbook.worksheets.getItem(backup);
          ws.name = name;
          ws.visibility = 'Visible';
          if (position !== null) ws.position = position;
        }),
      );
    }
  }
  for (const sheet of s.sheets) {
    ops.push(...changeOps(sheet.name, restoreChanges(sheet, x.notesNow.get(sheet.name) ?? new Map()), x.notes));
  }
  return ops;
}

/** The earlier state of the aspects a change touches, for the snapshot. */
export function stateBefore(change: CellChange, now: CellState | undefined): CellState {
  const s: CellState = { r: change.row, c: change.col };
  if (change.content || change.numberFormat !== undefined) {
    s.v = now?.v ?? '';
    s.f = now?.f ?? null;
    s.n = now?.n ?? 'General';
  }
  if (change.bold !== undefined) s.b = now?.b ?? false;
  if (change.fill !== undefined) s.fill = now?.fill ?? null;
  if (change.note !== undefined) s.note = now?.note ?? null;
  return s;
}
