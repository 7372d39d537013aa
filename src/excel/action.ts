// An action that changes the workbook, written the way Compute writes:
// what its cells hold now read first (with the store, in one sync), then one
// write batch that records the snapshot before anything else (so Revert
// knows the action even if the batch stops half-way: Excel does not roll a
// failed batch back), then the cells — a marked cell the action writes
// loses its stale mark, as in Compute — then the rest of the action (a
// whole sheet, the roll-up's sheets). Used by quick fixes, the evaluation
// sheet and the roll-up; Compute keeps its own copy of the sequence.

import type { SheetEdits } from '../core';
import { runOps, type Op } from './batch';
import { FORMULA_LIMIT, mergesIn, plannedStates, sheetWrite, type PlannedSheet, type SheetWrite } from './compute';
import type { HostEnv } from './env';
import { formulaTooLong, sheetProtected } from './errors';
import type { MarkRecord } from './marks';
import type { ScopeRead, WorkbookMeta } from './read';
import type { SavedSheet } from './sheet-backup';
import type { Snapshot } from './snapshot';
import { pushed, queueStoreRead, recordSnapshot, writeMarks, type ActionKind, type StoreRead } from './store';

/** The sheets a plan writes that are protected: refused before anything is written. */
export function refuseLocked(read: ScopeRead, sheets: readonly SheetEdits[]): void {
  const locked = sheets.filter((e) => read.sheets.find((s) => s.sheet.name === e.sheet)?.protected).map((e) => e.sheet);
  if (locked.length > 0) throw sheetProtected(locked);
}

/** A formula Excel would refuse (over 8,192 characters): refused before anything is written. */
export function refuseLongFormulas(writes: readonly { formula?: string }[]): void {
  const tooLong = writes.find((w) => (w.formula?.length ?? 0) > FORMULA_LIMIT);
  if (tooLong) throw formulaTooLong(tooLong.formula!.length, FORMULA_LIMIT);
}

/**
 * One sync (more for a very large plan or store): what the plan's cells
 * hold now (contents, bold, note, fill) and the store. `storeExists` from the workbook facts; `read`, the scope as
 * read (its merged areas: no write covers part of one).
 */
export async function readBeforeWriting(context: Excel.RequestContext, sheets: readonly SheetEdits[], storeExists: boolean, notes: boolean, read?: ScopeRead): Promise<{ planned: PlannedSheet[]; store: StoreRead }> {
  const planned = plannedStates(sheets, notes, read ? mergesIn(read) : undefined);
  // Every read an operation: a request split and sent again sends them all again.
  const store = queueStoreRead({ exists: storeExists });
  await runOps(context, [...planned.flatMap((p) => p.states.ops), ...store.ops]);
  return { planned, store: await store.finish(context) };
}

export interface ActionWrite {
  env: HostEnv;
  kind: ActionKind;
  meta: WorkbookMeta;
  store: StoreRead;
  planned: PlannedSheet[];
  notes: boolean;
  /**
   * A whole sheet the action writes: over the one it made before (rewritten
   * in place; `saved` is what that sheet held, read just before), or new.
   */
  sheet?: { name: string; saved: SavedSheet | null };
  /** Sheets the action adds and Revert deletes. */
  added?: string[];
  /** The rest of the action, after the cells. */
  more?: () => Op[];
}

function cellWrites(action: ActionWrite): { writes: SheetWrite[]; marks: MarkRecord[] } {
  let marks = action.store.marks;
  const writes: SheetWrite[] = [];
  for (const planned of action.planned) {
    const done = sheetWrite(planned, marks, action.notes);
    writes.push(done.write);
    marks = done.marks;
  }
  return { writes, marks };
}

/** Records the snapshot, writes the cells and the rest, in as few syncs as the payload allows (one for an ordinary plan). Returns the cells changed. */
export async function writeAction(context: Excel.RequestContext, action: ActionWrite): Promise<number> {
  const { store, meta } = action;
  const at = (action.env.now?.() ?? new Date()).toISOString();
  const next = pushed(store.index, { kind: action.kind, at, sheets: action.planned.map((p) => p.edits.sheet) });
  const { writes, marks } = cellWrites(action);
  const snapshot: Snapshot = { id: next.id, kind: action.kind, at, sheets: writes.map((w) => w.snapshot) };
  if (action.sheet) snapshot.summary = { name: action.sheet.name, backup: null, position: null, ...(action.sheet.saved ? { saved: action.sheet.saved } : {}) };
  if (action.added) snapshot.added = action.added;
  if (marks !== store.marks) snapshot.marks = store.marks;

  const ops: Op[] = recordSnapshot(
    store,
    next,
    snapshot,
    meta.sheets.map((s) => s.name),
    null,
  );
  if (marks !== store.marks) ops.push(...writeMarks(marks));
  for (const write of writes) ops.push(...write.ops);
  ops.push(...(action.more?.() ?? []));
  await runOps(context, ops);
  return writes.reduce((n, w) => n + w.changed, 0);
}
