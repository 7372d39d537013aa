// Compute scores. Syncs: read the scope (1; 2 for the whole workbook, whose
// second sync also reads any earlier summary), the earlier summary when the
// scope is one sheet and a sheet named like a summary exists (1), read what
// the plan will overwrite plus the store and the summary sheet (1), when
// the earlier summary is rewritten what it holds (sheet-backup.ts: a few),
// write (1; more only for a plan larger than a 5 MB request). A workbook
// already computed gets an empty plan and an identical summary: nothing is
// written and no snapshot is recorded.
//
// Three steps: plan (read, planCompute, the checks that refuse before
// anything is written), reconcile marks (a marked cell Compute writes loses
// its stale mark), write (snapshot first, then the cells and the summary).

import { parseArea, type Area, type ComputeOutcome, type EditPlan, type SheetEdits } from '../core';
import { sameSummary, sheetEditOps, summaryOps, writeChanges, type SummaryRead } from './apply';
import { op, runOps, type Op } from './batch';
import { summaryLookOps } from './sheet-format';
import { formulaOf } from './cells';
import { NOTES_API, engineOf, supports, type HostEnv } from './env';
import { formulaTooLong, sheetProtected, workbookProtected } from './errors';
import type { MarkRecord } from './marks';
import { hasSheet, type ScopeRead } from './read';
import { analyzeOptions, ensureScope, ensureTables, readScopeWithSummaries } from './scope';
import { prepareRewrite, type Rewrite } from './sheet-backup';
import { stateAfter, stateBefore, type SheetSnapshot, type Snapshot } from './snapshot';
import { cellKey, readStates, type CellState, type StateRead } from './state';
import { STORE_SHEET, pushed, queueStoreRead, recordSnapshot, writeMarks, type StoreRead } from './store';
import type { AddinSettings, ComputeResult } from './types';
import { changeOps, type CellChange } from './writes';

/** Excel refuses a formula longer than this (Excel specifications and limits). */
export const FORMULA_LIMIT = 8192;

export interface PlannedSheet {
  edits: SheetEdits;
  states: StateRead;
  /** The sheet's merged areas as read: no write covers part of one. */
  merges: readonly Area[];
}

/** Each sheet's merged areas, as the scope's read has them (none for a sheet it did not read). */
export function mergesIn(read: ScopeRead): (sheet: string) => readonly Area[] {
  return (sheet) => read.sheets.find((s) => s.sheet.name === sheet)?.sheet.merges ?? [];
}

/** The merged areas (of more than one cell) that hold one of the written cells: Revert writes them back cut the same way. */
function mergedAt(merges: readonly Area[], cells: readonly { row: number; col: number }[]): Area[] {
  return merges.filter((m) => (m.bottom > m.top || m.right > m.left) && cells.some((c) => c.row >= m.top && c.row <= m.bottom && c.col >= m.left && c.col <= m.right));
}

/** Each sheet's edits with the reading (queued, not yet synced) of what its cells hold now: contents, bold, note and fill (a marked cell an action writes loses its mark). */
export function plannedStates(sheets: readonly SheetEdits[], notes: boolean, merges: (sheet: string) => readonly Area[] = () => []): PlannedSheet[] {
  return sheets.map((edits) => ({
    edits,
    merges: merges(edits.sheet),
    states: readStates(
      edits.sheet,
      edits.writes.map((w) => ({ row: w.row, col: w.col })),
      { content: true, bold: true, note: true, fill: true },
      notes,
    ),
  }));
}

/** After the sync that loaded the summary's used range and counted its charts. */
function summaryOf(used: Excel.Range, charts: OfficeExtension.ClientResult<number>): SummaryRead {
  if (used.isNullObject) return { values: [], formulas: [], formats: [], startRow: 0, startCol: 0, charts: charts.value };
  const area = parseArea(used.address.slice(used.address.lastIndexOf('!') + 1));
  return { values: used.values, formulas: used.formulas, formats: used.numberFormat, startRow: area.top, startCol: area.left, charts: charts.value };
}

/** The earlier summary's contents and chart count, as an operation (a summary is a row per table: a small answer). */
function summaryReading(name: string | null): { ops: Op[]; result(): SummaryRead | null } {
  if (name === null) return { ops: [], result: () => null };
  let read: (() => SummaryRead) | null = null;
  const reading = op(
    name,
    (batch) => {
      const worksheet = batch.sheet(name);
      const used = worksheet.getUsedRangeOrNullObject(true);
      used.load('address,values,formulas,numberFormat');
      const charts = worksheet.charts.getCount();
      read = () => summaryOf(used, charts);
    },
    { reads: true, response: 100_000 },
  );
  return { ops: [reading], result: () => read!() };
}

/** Read and plan; refuses (before anything is written) a protected sheet or a formula Excel would not take. */
async function planScope(context: Excel.RequestContext, env: HostEnv, settings: AddinSettings): Promise<{ read: ScopeRead; outcome: ComputeOutcome }> {
  const { read, summaries } = await readScopeWithSummaries(context, env, settings);
  await ensureScope(context, env, settings, read);
  // A summary Compute made earlier is replaced, not duplicated: the engine needs to see it.
  const given = [...read.sheets.map((s) => s.sheet), ...summaries];
  const outcome = await engineOf(env).plan(
    given,
    {
      ...analyzeOptions(settings),
      takenNames: read.meta.sheets.map((s) => s.name).filter((n) => !given.some((g) => g.name === n)),
    },
    env.progress,
  );
  await ensureTables(context, env, settings, read, outcome.before);
  const { plan } = outcome;
  const locked = plan.sheets.filter((e) => read.sheets.find((s) => s.sheet.name === e.sheet)?.protected).map((e) => e.sheet);
  if (locked.length > 0) throw sheetProtected(locked);
  const tooLong = [...plan.sheets.flatMap((e) => e.writes), ...(plan.summary?.writes ?? [])].find((w) => (w.formula?.length ?? 0) > FORMULA_LIMIT);
  if (tooLong) throw formulaTooLong(tooLong.formula!.length, FORMULA_LIMIT);
  return { read, outcome };
}

export interface SheetWrite {
  snapshot: SheetSnapshot;
  ops: Op[];
  changed: number;
}

/**
 * One sheet's writes, with its marks reconciled: a marked cell Compute
 * writes gets its fill (and, where the write brings none, its note) back
 * from before the mark, since its finding is what Compute fixes. Returns
 * the marks that remain.
 */
export function sheetWrite(planned: PlannedSheet, marks: MarkRecord[], notes: boolean): { write: SheetWrite; marks: MarkRecord[] } {
  const states = planned.states.result();
  const sheet = planned.edits.sheet;
  const markAt = new Map(marks.filter((m) => m.sheet === sheet).map((m) => [cellKey(m.row, m.col), m]));
  const before: CellState[] = [];
  const written: CellState[] = [];
  const noteAt = new Map<number, boolean>();
  const unmarked: CellChange[] = [];
  let changed = 0;
  for (const change of writeChanges(planned.edits.writes, () => false)) {
    const key = cellKey(change.row, change.col);
    const mark = markAt.get(key);
    if (mark) {
      const restore: CellChange = { row: change.row, col: change.col, fill: mark.prevFill };
      if (!change.note) restore.note = { text: mark.prevNote, exists: true };
      unmarked.push(restore);
      change.fill = restore.fill;
      if (restore.note) change.note = restore.note;
    }
    const now = states.get(key);
    noteAt.set(key, (now?.note ?? null) !== null);
    const was = stateBefore(change, now);
    before.push(was);
    written.push(stateAfter(change));
    if (was.formula !== change.content?.formula || (!change.content?.formula && was.value !== change.content?.value)) changed++;
  }
  const gone = new Set(unmarked.map((u) => cellKey(u.row, u.col)));
  const remaining = gone.size > 0 ? marks.filter((m) => m.sheet !== sheet || !gone.has(cellKey(m.row, m.col))) : marks;
  const ops = [...sheetEditOps(planned.edits, (r, c) => noteAt.get(cellKey(r, c)) ?? false, notes, planned.merges), ...changeOps(sheet, unmarked, notes, planned.merges)];
  const snapshot: SheetSnapshot = { name: sheet, before, written };
  const merged = mergedAt(planned.merges, before);
  if (merged.length > 0) snapshot.merged = merged;
  return { write: { snapshot, ops, changed }, marks: remaining };
}

interface WriteInputs {
  env: HostEnv;
  read: ScopeRead;
  plan: EditPlan;
  planned: PlannedSheet[];
  store: StoreRead;
  writeSummary: boolean;
  /** The summary Compute made before, read to be rewritten in place (null: the summary is new). */
  rewrite: Rewrite | null;
  notes: boolean;
}

/** The snapshot first (so Revert knows the action before anything changes), then the cells and the summary. */
async function writePlan(context: Excel.RequestContext, inputs: WriteInputs): Promise<number> {
  const { plan, read, store } = inputs;
  const summaryName = plan.summary?.name ?? null;
  const at = (inputs.env.now?.() ?? new Date()).toISOString();
  const next = pushed(store.index, { kind: 'compute', at, sheets: plan.sheets.map((e) => e.sheet) });

  let marks = store.marks;
  const writes: SheetWrite[] = [];
  for (const planned of inputs.planned) {
    const done = sheetWrite(planned, marks, inputs.notes);
    writes.push(done.write);
    marks = done.marks;
  }
  const snapshot: Snapshot = { id: next.id, kind: 'compute', at, sheets: writes.map((w) => w.snapshot) };
  if (inputs.writeSummary && summaryName !== null) snapshot.summary = { name: summaryName, backup: null, position: null, ...(inputs.rewrite ? { saved: inputs.rewrite.saved } : {}) };
  if (marks !== store.marks) snapshot.marks = store.marks;

  const all: Op[] = recordSnapshot(store, next, snapshot, read.meta.sheets.map((s) => s.name), null);
  if (marks !== store.marks) all.push(...writeMarks(marks));
  for (const write of writes) all.push(...write.ops);
  let changed = writes.reduce((n, w) => n + w.changed, 0);
  if (inputs.writeSummary && plan.summary) {
    all.push(...summaryOps(plan.summary, { clear: inputs.rewrite?.clear ?? null }, inputs.notes), ...summaryLookOps(plan.summary));
    changed += plan.summary.writes.length;
  }
  await runOps(context, all);
  return changed;
}

export async function compute(context: Excel.RequestContext, env: HostEnv, settings: AddinSettings): Promise<ComputeResult> {
  const { read, outcome } = await planScope(context, env, settings);
  const { plan, analysis } = outcome;
  const notes = supports(env.office, NOTES_API);

  // What the writes will overwrite (fills too: a marked cell Compute writes loses its mark), the store and the summary, in one sync.
  const planned = plannedStates(plan.sheets, notes, mergesIn(read));
  const summaryName = plan.summary?.name ?? null;
  const storeReading = queueStoreRead({ exists: hasSheet(read.meta, STORE_SHEET) });
  const summaryRead = summaryReading(plan.summary?.replaces === true ? summaryName : null);
  // Every read an operation: a request split and sent again sends them all again.
  await runOps(context, [...planned.flatMap((p) => p.states.ops), ...storeReading.ops, ...summaryRead.ops]);
  const summaryNow = summaryRead.result();
  const store = await storeReading.finish(context);

  const tableChanges = plan.sheets.some((e) => e.writes.length > 0);
  const writeSummary = plan.summary !== null && !(summaryNow && sameSummary(plan.summary, summaryNow, formulaOf));
  // The plan handed back is what was applied: an unchanged summary is not rewritten.
  const applied = writeSummary ? plan : { ...plan, summary: null, writtenCells: plan.writtenCells.filter((c) => !c.startsWith(`${summaryName}!`)) };
  if (!tableChanges && !writeSummary) return { analysis, plan: applied, changed: 0 };
  if (read.meta.workbookProtected) throw workbookProtected();

  env.progress?.({ stage: 'write' });
  // The summary Compute made before is rewritten in place, never renamed: what it holds goes into the snapshot.
  const rewrite = writeSummary && plan.summary?.replaces ? await prepareRewrite(context, plan.summary.name, plan.summary, notes) : null;
  const changed = await writePlan(context, { env, read, plan, planned, store, writeSummary, rewrite, notes });
  return { analysis, plan: applied, changed };
}
