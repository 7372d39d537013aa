// Validate and Clear marks. Syncs: read the scope (1, or 2 for the whole
// workbook), read the store (1), read the touched cells' fills and notes (1),
// write (1) — whatever the size of the sheet.

import { op, runOps, type Op } from './batch';
import { NOTES_API, supports, type HostEnv } from './env';
import { sheetProtected, workbookProtected } from './errors';
import { desiredMarks, planMarks, sameRegistry, touchedCells, type DesiredMark } from './marks';
import type { WorkbookAnalysis } from '../core';
import { hasSheet, readMeta, type ScopeRead, type WorkbookMeta } from './read';
import { analyzeScope } from './scope';
import { stateAfter, type Snapshot } from './snapshot';
import { readStates, type CellState } from './state';
import { STORE_SHEET, pushed, readStore, recordSnapshot, writeMarks, type ActionKind, type StoreRead } from './store';
import type { AddinSettings, ValidateResult } from './types';
import { changeOps } from './writes';

type Store = StoreRead;

/**
 * Replaces the marks on `sheets` (old ones there, if any) with `desired`,
 * recording a snapshot first. Returns how many cells changed.
 */
async function remark(
  context: Excel.RequestContext,
  env: HostEnv,
  meta: WorkbookMeta,
  store: Store,
  desired: DesiredMark[],
  inScope: (sheet: string) => boolean,
  kind: ActionKind,
  protectedNow: (names: string[]) => string[],
  extraReads: Op[] = [],
): Promise<number> {
  const notes = supports(env.office, NOTES_API);
  const old = store.marks.filter((m) => inScope(m.sheet) && hasSheet(meta, m.sheet));
  const keep = store.marks.filter((m) => !inScope(m.sheet) && hasSheet(meta, m.sheet));
  const touched = touchedCells(desired, old);

  const reads = [...touched].map(([sheet, cells]) => ({ sheet, read: readStates(sheet, cells, { fill: true, note: true }, notes) }));
  // This sync also carries the caller's reads (protection), as operations: a request split and sent again queues them again.
  await runOps(context, [...extraReads, ...reads.flatMap((r) => r.read.ops)]);
  const locked = protectedNow([...touched.keys()]);
  if (locked.length > 0) throw sheetProtected(locked);
  const states = new Map<string, Map<number, CellState>>();
  for (const sheetRead of reads) states.set(sheetRead.sheet, sheetRead.read.result());

  const plan = planMarks(desired, old, states, notes);
  const registry = [...keep, ...plan.registry];
  if (plan.changes.size === 0) {
    // Nothing to paint; keep the registry in step without a snapshot.
    if (!sameRegistry(registry, store.marks)) await runOps(context, writeMarks(registry));
    return 0;
  }
  if (meta.workbookProtected && !store.exists) throw workbookProtected();

  const at = (env.now?.() ?? new Date()).toISOString();
  const next = pushed(store.index, { kind, at, sheets: [...plan.changes.keys()] });
  const snapshot: Snapshot = {
    id: next.id,
    kind,
    at,
    sheets: [...plan.before].map(([name, before]) => ({ name, before, written: (plan.changes.get(name) ?? []).map(stateAfter) })),
    marks: store.marks,
  };
  const ops = [
    ...recordSnapshot(store, next, snapshot, meta.sheets.map((s) => s.name), null),
    ...writeMarks(registry),
    ...[...plan.changes].flatMap(([sheet, changes]) => changeOps(sheet, changes, notes)),
  ];
  await runOps(context, ops);
  return [...plan.changes.values()].reduce((n, list) => n + list.length, 0);
}

export async function validate(context: Excel.RequestContext, env: HostEnv, settings: AddinSettings): Promise<ValidateResult> {
  const { read, analysis } = await analyzeScope(context, env, settings);
  return markAnalysis(context, env, settings, read, analysis);
}

/** Validate's marks for an analysis of the scope read (the old ones there replaced), one Revert step. */
export async function markAnalysis(context: Excel.RequestContext, env: HostEnv, settings: AddinSettings, read: ScopeRead, analysis: WorkbookAnalysis): Promise<ValidateResult> {
  env.progress?.({ stage: 'mark' });
  const notes = supports(env.office, NOTES_API);
  const desired = desiredMarks(analysis.findings, settings.lang, notes);
  const scope = new Set(read.sheets.map((s) => s.sheet.name));
  const locked = new Set(read.sheets.filter((s) => s.protected).map((s) => s.sheet.name));
  const store = await readStore(context, { exists: hasSheet(read.meta, STORE_SHEET) });
  await remark(context, env, read.meta, store, desired, (s) => scope.has(s), 'validate', (names) => names.filter((n) => locked.has(n)));
  return { analysis, marked: desired.length };
}

export async function clearMarks(context: Excel.RequestContext, env: HostEnv): Promise<number> {
  const meta = await readMeta(context);
  if (!hasSheet(meta, STORE_SHEET)) return 0;
  const store = await readStore(context, { exists: true });
  if (store.marks.length === 0) return 0;
  const sheets = [...new Set(store.marks.map((m) => m.sheet))].filter((s) => hasSheet(meta, s));
  const protection = new Map<string, Excel.WorksheetProtection>();
  const reads = sheets.map((name) =>
    op(
      name,
      (batch) => {
        const sheetProtection = batch.sheet(name).protection;
        sheetProtection.load('protected');
        protection.set(name, sheetProtection);
      },
      { reads: true, response: 100 },
    ),
  );
  // The protection reads ride along with the cell-state reads in remark().
  return remark(context, env, meta, store, [], () => true, 'clear-marks', (names) => names.filter((n) => protection.get(n)?.protected === true), reads);
}
