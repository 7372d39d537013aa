// Revert: undo the newest recorded action. Syncs: workbook facts (1), the
// store with the newest snapshot (1), protection and the current state of
// the recorded cells (1), write (1 — more only for a very large snapshot).
//
// The write batch first marks the snapshot as being reverted, then puts
// things back without deleting anything (a summary or evaluation sheet the
// action rewrote in place gets what it held back, in place, from the
// snapshot's data), and only at the end deletes what the action added (a
// new summary, the roll-up's sheets: hidden first) and takes the snapshot
// off the stack. Excel does not roll a failed batch back: if it stops
// half-way, nothing was deleted, the snapshot is still there, and Revert
// run again finishes the job (cells already back are left alone, a sheet
// rewritten again from the same data ends the same). Snapshots an earlier
// version recorded, with a hidden backup sheet, are undone its way.

import { op, runOps, type Op } from './batch';
import { NOTES_API, supports, type HostEnv } from './env';
import { nothingToRevert, revertSheetMissing, sheetProtected, workbookProtected } from './errors';
import { hasSheet, readMeta, type WorkbookMeta } from './read';
import { OUR_CHART_TITLES, clearSheetOps, readExtras, restoreSheetOps } from './sheet-backup';
import { aspectsOf, deleteSheetOp, keptAddresses, planSheetRevert, revertCellOps, summaryCleanup, summaryRestoreOps, trashName, type Snapshot, type SummaryState } from './snapshot';
import { readStates, type CellState } from './state';
import { STORE_SHEET, deleteStore, popSnapshot, readStore, writeIndex, writeMarks, type StoreRead } from './store';
import type { RevertibleAction, RevertResult } from './types';

export async function canRevert(context: Excel.RequestContext): Promise<boolean> {
  return (await nextRevert(context)) !== null;
}

/** The action Revert would undo now (the newest on the stack), or null. */
export async function nextRevert(context: Excel.RequestContext): Promise<RevertibleAction | null> {
  const meta = await readMeta(context);
  if (!hasSheet(meta, STORE_SHEET)) return null;
  const store = await readStore(context, { exists: true, withMarks: false });
  const top = store.index.snapshots[0];
  return top ? { kind: top.kind, at: top.at, sheets: [...top.sheets] } : null;
}

interface CurrentCells {
  /** Per sheet: the recorded cells as they are now, by cellKey. */
  states: Map<string, Map<number, CellState>>;
  locked: string[];
}

/** One sync: protection of the recorded sheets and the current state of every recorded cell. */
async function readCurrent(context: Excel.RequestContext, snapshot: Snapshot, notes: boolean): Promise<CurrentCells> {
  // Operations, not loads queued beforehand: a request split and sent again queues them again.
  const protection = new Map<string, Excel.WorksheetProtection>();
  const protectionOps = snapshot.sheets.map((sheet) =>
    op(
      sheet.name,
      (batch) => {
        const sheetProtection = batch.sheet(sheet.name).protection;
        sheetProtection.load('protected');
        protection.set(sheet.name, sheetProtection);
      },
      { reads: true, response: 100 },
    ),
  );
  const reads = snapshot.sheets.map((sheet) => {
    const cells = [...sheet.before, ...(sheet.written ?? [])];
    return { name: sheet.name, read: readStates(sheet.name, sheet.before, aspectsOf(cells), notes) };
  });
  await runOps(context, [...protectionOps, ...reads.flatMap((r) => r.read.ops)]);
  return {
    states: new Map(reads.map((r) => [r.name, r.read.result()])),
    locked: [...protection].filter(([, sheetProtection]) => sheetProtection.protected).map(([name]) => name),
  };
}

function summaryState(meta: WorkbookMeta, snapshot: Snapshot): SummaryState {
  const summary = snapshot.summary;
  return {
    summaryExists: summary !== undefined && hasSheet(meta, summary.name),
    backupExists: summary?.backup != null && hasSheet(meta, summary.backup),
    trashExists: hasSheet(meta, trashName(snapshot.id)),
  };
}

/** The ops that finish a Revert: the snapshot off the stack (or the whole store when nothing is left). */
function closingOps(store: StoreRead, snapshot: Snapshot): Op[] {
  const marks = snapshot.marks ?? store.marks;
  const rest = store.index.snapshots.slice(1);
  // Back to the workbook as it was before the add-in touched it: its store goes too.
  if (rest.length === 0 && marks.length === 0) return [deleteStore()];
  const ops: Op[] = [];
  if (snapshot.marks) ops.push(...writeMarks(snapshot.marks));
  // The popped id is free again: the index ends as it was before the action.
  ops.push(popSnapshot(), writeIndex({ ...store.index, nextId: snapshot.id, snapshots: rest }));
  return ops;
}

export async function revert(context: Excel.RequestContext, env: HostEnv): Promise<RevertResult> {
  const meta = await readMeta(context);
  if (!hasSheet(meta, STORE_SHEET)) throw nothingToRevert();
  const store = await readStore(context, { exists: true, withTop: true });
  const entry = store.index.snapshots[0];
  const snapshot = store.top;
  if (!entry || !snapshot || snapshot.id !== entry.id) throw nothingToRevert();

  const missing = snapshot.sheets.find((s) => !hasSheet(meta, s.name));
  if (missing) throw revertSheetMissing(missing.name);
  const notes = supports(env.office, NOTES_API);
  const current = await readCurrent(context, snapshot, notes);
  if (current.locked.length > 0) throw sheetProtected(current.locked);
  // Sheets the action added (the roll-up's) go at the end, like the trash; those already gone are left alone.
  const added = (snapshot.added ?? []).filter((name) => hasSheet(meta, name));
  const whole = await wholeSheetRevert(context, meta, snapshot, notes);
  if ((whole.structural || added.length > 0) && meta.workbookProtected) throw workbookProtected();
  const sheets = snapshot.sheets.map((s) => ({ name: s.name, merged: s.merged ?? [], plan: planSheetRevert(s, current.states.get(s.name) ?? new Map(), notes) }));

  const marked = { ...store.index, snapshots: [{ ...entry, reverting: true }, ...store.index.snapshots.slice(1)] };
  const ops: Op[] = [writeIndex(marked), ...whole.first];
  for (const sheet of sheets) ops.push(...revertCellOps(sheet.name, sheet.plan, notes, sheet.merged));
  ops.push(...whole.last);
  ops.push(...added.map(deleteSheetOp));
  ops.push(...closingOps(store, snapshot));
  await runOps(context, ops);

  const undone: RevertibleAction = { kind: entry.kind, at: entry.at, sheets: [...entry.sheets] };
  if (snapshot.summary) undone.summary = snapshot.summary.name;
  return {
    undone,
    restored: sheets.reduce((n, s) => n + s.plan.changes.length, 0),
    removedSheets: [...whole.removed, ...added],
    keptCells: sheets.flatMap((s) => keptAddresses(s.name, s.plan.kept)),
  };
}

interface WholeSheetRevert {
  /** Before the cells are put back, and at the end of the batch (deletions). */
  first: Op[];
  last: Op[];
  removed: string[];
  /** Changes the workbook's structure (a sheet deleted, or renamed by an earlier version's snapshot). */
  structural: boolean;
}

/**
 * The whole sheet the action wrote (the summary, the evaluation sheet): one
 * it rewrote in place gets what it held back, in place (never renamed: a
 * user's formulas may point at it); one it added is deleted at the end of
 * the batch; a snapshot an earlier version recorded (its backup a hidden
 * sheet) is undone the way that version did.
 */
async function wholeSheetRevert(context: Excel.RequestContext, meta: WorkbookMeta, snapshot: Snapshot, notes: boolean): Promise<WholeSheetRevert> {
  const summary = snapshot.summary;
  const none: WholeSheetRevert = { first: [], last: [], removed: [], structural: false };
  if (!summary) return none;
  const now = summaryState(meta, snapshot);
  if (summary.saved) {
    if (!now.summaryExists) return none;
    const extras = await readExtras(context, summary.name, notes);
    if (extras.protected) throw sheetProtected([summary.name]);
    return { ...none, first: [...clearSheetOps(summary.name, extras, OUR_CHART_TITLES, summary.saved), ...restoreSheetOps(summary.name, summary.saved, notes)] };
  }
  if (summary.backup) {
    const restore = summaryRestoreOps(snapshot.id, summary, now);
    const takenAway = restore.length > 0 && now.summaryExists && !now.trashExists;
    return { first: restore, last: summaryCleanup(snapshot.id, now, takenAway), removed: [], structural: true };
  }
  // Added by the action: deleted at the end (hidden first); a trash an interrupted earlier Revert left goes too.
  const last = [...(now.summaryExists ? [deleteSheetOp(summary.name)] : []), ...summaryCleanup(snapshot.id, now, false)];
  return { first: [], last, removed: now.summaryExists ? [summary.name] : [], structural: last.length > 0 };
}
