// Compute scores. Syncs: read the scope (1, or 2 for the whole workbook),
// read what the plan will overwrite plus the store and the summary sheet
// (1), write (1). A workbook already computed gets an empty plan and an
// identical summary: nothing is written and no snapshot is recorded.

import { parseArea, planCompute, type SheetEdits } from '../core';
import { sameSummary, sheetEditOps, summaryOps, writeChanges, type SummaryRead } from './apply';
import { runOps, type Op } from './batch';
import { formulaOf } from './cells';
import { NOTES_API, supports, type HostEnv } from './env';
import { sheetProtected, workbookProtected } from './errors';
import type { MarkRecord } from './marks';
import { hasSheet, readSheets } from './read';
import { analyzeOptions, ensureScope, ensureTables, readScope, summaryCandidates } from './scope';
import { backupName, stateBefore, type SheetSnapshot, type Snapshot } from './snapshot';
import { cellKey, readStates, type CellState, type StateRead } from './state';
import { STORE_SHEET, pushed, queueStoreRead, recordSnapshot, writeMarks } from './store';
import type { AddinSettings, ComputeResult } from './types';
import { changeOps, type CellChange } from './writes';

interface PlannedSheet {
  edits: SheetEdits;
  states: StateRead;
}

/** After the sync that loaded the summary's used range and counted its charts. */
function summaryOf(used: Excel.Range, charts: OfficeExtension.ClientResult<number>): SummaryRead {
  if (used.isNullObject) return { values: [], formulas: [], formats: [], startRow: 0, startCol: 0, charts: charts.value };
  const area = parseArea(used.address.slice(used.address.lastIndexOf('!') + 1));
  return { values: used.values, formulas: used.formulas, formats: used.numberFormat, startRow: area.top, startCol: area.left, charts: charts.value };
}

function queueSummaryRead(context: Excel.RequestContext, name: string | null): () => SummaryRead | null {
  if (name === null) return () => null;
  const ws = context.workbook.worksheets.getItem(name);
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('address,values,formulas,numberFormat');
  const charts = ws.charts.getCount();
  return () => summaryOf(used, charts);
}

export async function compute(context: Excel.RequestContext, env: HostEnv, settings: AddinSettings): Promise<ComputeResult> {
  const read = await readScope(context, settings);
  await ensureScope(context, settings, read);
  // A summary Compute made earlier is replaced, not duplicated: the engine needs to see it.
  const candidates = summaryCandidates(read, settings);
  const earlier = candidates.length > 0 ? (await readSheets(context, read.meta, candidates)).sheets.map((s) => s.sheet) : [];
  const given = [...read.sheets.map((s) => s.sheet), ...earlier];
  const outcome = planCompute(given, {
    ...analyzeOptions(settings),
    takenNames: read.meta.sheets.map((s) => s.name).filter((n) => !given.some((g) => g.name === n)),
  });
  await ensureTables(context, settings, read, outcome.before);
  const { plan, analysis } = outcome;
  const notes = supports(env.office, NOTES_API);

  const locked = plan.sheets.filter((e) => read.sheets.find((s) => s.sheet.name === e.sheet)?.protected).map((e) => e.sheet);
  if (locked.length > 0) throw sheetProtected(locked);

  // What the writes will overwrite.
  const planned: PlannedSheet[] = plan.sheets.map((edits) => {
    const cells = edits.writes.map((w) => ({ row: w.row, col: w.col }));
    // Fills too: a marked cell Compute writes loses its mark (its finding is what Compute fixes).
    return { edits, states: readStates(edits.sheet, cells, { content: true, bold: true, note: true, fill: true }, notes) };
  });
  const storeExists = hasSheet(read.meta, STORE_SHEET);
  const summaryName = plan.summary?.name ?? null;
  const summaryExists = plan.summary?.replaces === true;
  const store = queueStoreRead<MarkRecord, Snapshot>(context, storeExists, false);
  const summaryRead = queueSummaryRead(context, summaryExists ? summaryName : null);
  await runOps(context, planned.flatMap((p) => p.states.ops), undefined, true);
  const st = store();
  const summaryNow = summaryRead();

  const tableChanges = plan.sheets.some((e) => e.writes.length > 0);
  const writeSummary = plan.summary !== null && !(summaryNow && sameSummary(plan.summary, summaryNow, formulaOf));
  // The plan handed back is what was applied: an unchanged summary is not rewritten.
  const applied = writeSummary ? plan : { ...plan, summary: null, writtenCells: plan.writtenCells.filter((c) => !c.startsWith(`${summaryName}!`)) };
  if (!tableChanges && !writeSummary) return { analysis, plan: applied, changed: 0 };
  if (read.meta.workbookProtected) throw workbookProtected();

  const at = (env.now?.() ?? new Date()).toISOString();
  const changedSheets = plan.sheets.map((e) => e.sheet);
  const next = pushed(st.index, { kind: 'compute', at, sheets: changedSheets, ...(writeSummary && summaryExists ? { backup: backupName(st.index.nextId) } : {}) });

  let changed = 0;
  let marks: MarkRecord[] = st.marks;
  const sheets: SheetSnapshot[] = [];
  const ops: Op[] = [];
  for (const p of planned) {
    const states = p.states.result();
    const cells: CellState[] = [];
    const noteAt = new Map<number, boolean>();
    // Marks on cells Compute writes are stale once written: give back the fill (and the note, where the write brings none).
    const markAt = new Map(marks.filter((m) => m.s === p.edits.sheet).map((m) => [cellKey(m.r, m.c), m]));
    const unmarked: CellChange[] = [];
    for (const change of writeChanges(p.edits.writes, () => false)) {
      const mark = markAt.get(cellKey(change.row, change.col));
      if (mark) {
        const restore: CellChange = { row: change.row, col: change.col, fill: mark.prevFill };
        if (!change.note) restore.note = { text: mark.prevNote, exists: true };
        unmarked.push(restore);
        change.fill = restore.fill;
        if (restore.note) change.note = restore.note;
      }
      const now = states.get(cellKey(change.row, change.col));
      noteAt.set(cellKey(change.row, change.col), (now?.note ?? null) !== null);
      const before = stateBefore(change, now);
      cells.push(before);
      if (before.f !== change.content?.formula || (!change.content?.formula && before.v !== change.content?.value)) changed++;
    }
    sheets.push({ name: p.edits.sheet, cells });
    if (unmarked.length > 0) {
      const gone = new Set(unmarked.map((u) => cellKey(u.row, u.col)));
      marks = marks.filter((m) => m.s !== p.edits.sheet || !gone.has(cellKey(m.r, m.c)));
    }
    ops.push(...sheetEditOps(p.edits, (r, c) => noteAt.get(cellKey(r, c)) ?? false, notes));
    ops.push(...changeOps(p.edits.sheet, unmarked, notes));
  }

  const summaryPosition = read.meta.sheets.find((s) => s.name === summaryName)?.position ?? null;
  const snapshot: Snapshot = { id: next.id, kind: 'compute', at, sheets };
  if (writeSummary && summaryName !== null) snapshot.summary = { name: summaryName, backup: summaryExists ? backupName(next.id) : null, position: summaryExists ? summaryPosition : null };
  if (marks !== st.marks) snapshot.marks = st.marks;

  const all: Op[] = [...recordSnapshot(st.exists, next, snapshot, (n) => hasSheet(read.meta, n))];
  if (marks !== st.marks) all.push(writeMarks(marks));
  all.push(...ops);
  if (writeSummary && plan.summary) {
    all.push(...summaryOps(plan.summary, { backup: snapshot.summary?.backup ?? null }, notes));
    changed += plan.summary.writes.length;
  }
  await runOps(context, all);
  return { analysis, plan: applied, changed };
}
