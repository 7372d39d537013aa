// Revert: undo the newest recorded action. Syncs: workbook facts (1), the
// store with the newest snapshot (1), protection and current notes of the
// recorded cells (1), write (1).

import { op, runOps } from './batch';
import { NOTES_API, supports, type HostEnv } from './env';
import { nothingToRevert, revertSheetMissing, sheetProtected, workbookProtected } from './errors';
import { hasSheet, readMeta } from './read';
import type { MarkRecord } from './marks';
import { noteCells, revertOps, type Snapshot } from './snapshot';
import { readStates } from './state';
import { STORE_SHEET, popSnapshot, readStore, writeIndex, writeMarks } from './store';
import type { RevertResult } from './types';

export async function canRevert(context: Excel.RequestContext): Promise<boolean> {
  const meta = await readMeta(context);
  if (!hasSheet(meta, STORE_SHEET)) return false;
  const store = await readStore<MarkRecord, Snapshot>(context, true, false);
  return store.index.snapshots.length > 0;
}

export async function revert(context: Excel.RequestContext, env: HostEnv): Promise<RevertResult> {
  const meta = await readMeta(context);
  if (!hasSheet(meta, STORE_SHEET)) throw nothingToRevert();
  const store = await readStore<MarkRecord, Snapshot>(context, true, true);
  const entry = store.index.snapshots[0];
  const snapshot = store.top;
  if (!entry || !snapshot || snapshot.id !== entry.id) throw nothingToRevert();

  const missing = snapshot.sheets.find((s) => !hasSheet(meta, s.name));
  if (missing) throw revertSheetMissing(missing.name);
  const notes = supports(env.office, NOTES_API);
  const protection = snapshot.sheets.map((s) => {
    const p = context.workbook.worksheets.getItem(s.name).protection;
    p.load('protected');
    return { name: s.name, p };
  });
  const noteReads = snapshot.sheets.map((s) => ({ name: s.name, read: readStates(s.name, noteCells(s), { note: true }, notes) }));
  await runOps(context, noteReads.flatMap((r) => r.read.ops), undefined, true);
  const locked = protection.filter((x) => x.p.protected).map((x) => x.name);
  if (locked.length > 0) throw sheetProtected(locked);
  if (snapshot.summary && meta.workbookProtected) throw workbookProtected();

  const notesNow = new Map<string, Map<number, boolean>>();
  for (const r of noteReads) {
    const m = new Map<number, boolean>();
    for (const [k, s] of r.read.result()) m.set(k, (s.note ?? null) !== null);
    notesNow.set(r.name, m);
  }
  const summaryName = snapshot.summary?.name ?? null;
  const summaryExists = summaryName !== null && hasSheet(meta, summaryName);
  const backup = snapshot.summary?.backup ?? null;
  const ops = revertOps({ snapshot, notesNow, summaryExists, backupExists: backup !== null && hasSheet(meta, backup), notes });
  const marks = snapshot.marks ?? store.marks;
  const rest = store.index.snapshots.slice(1);
  if (rest.length === 0 && marks.length === 0) {
    // Back to the workbook as it was before the add-in touched it: its store goes too.
    ops.push(op(STORE_SHEET, (b) => b.context.workbook.worksheets.getItem(STORE_SHEET).delete()));
  } else {
    if (snapshot.marks) ops.push(writeMarks(snapshot.marks));
    // The popped id is free again: the index ends as it was before the action.
    ops.push(popSnapshot(), writeIndex({ ...store.index, nextId: snapshot.id, snapshots: rest }));
  }
  await runOps(context, ops);

  return {
    restored: snapshot.sheets.reduce((n, s) => n + s.cells.length, 0),
    removedSheets: summaryName !== null && snapshot.summary?.backup === null && summaryExists ? [summaryName] : [],
  };
}
