// What each action says: the pane's message after Validate, Compute, a fix,
// the annex 8 sheet, a roll-up and Revert, in both languages (so a message
// follows a language switch), and the user's words for an error. Pure
// functions of the host's results; the year's cycle has its own
// (../cycle-messages.ts).

import type { Finding, Localized, TableInfo, WorkbookAnalysis } from '../../core';
import { describeFailure } from '../../excel/office-errors';
import { AddinError, type ComputeResult, type EvaluationResult, type FixResult, type RevertibleAction, type RevertResult } from '../../excel/types';
import { uiText, type UiKey, type UiParams } from '../../i18n/ui';
import { findingKey } from '../findings';
import type { PaneMessage, RollupDone } from './types';

/** Both languages of a pane string, so a message follows a language switch. */
export function both(key: UiKey, params: UiParams = {}): Localized {
  return { mn: uiText('mn', key, params), en: uiText('en', key, params) };
}

const join = (...parts: (Localized | null)[]): Localized => {
  const kept = parts.filter((p): p is Localized => p !== null);
  return { mn: kept.map((p) => p.mn).join(' '), en: kept.map((p) => p.en).join(' ') };
};

function isAddinError(value: unknown): value is AddinError {
  if (value instanceof AddinError) return true;
  const candidate = value as { code?: unknown; text?: { mn?: unknown; en?: unknown } } | null;
  return !!candidate && typeof candidate === 'object' && typeof candidate.code === 'string' && typeof candidate.text?.mn === 'string' && typeof candidate.text?.en === 'string';
}

/** A known problem in the user's words; Excel's errors in plain words too, with Excel's own text under "Дэлгэрэнгүй". */
export function errorMessage(error: unknown): PaneMessage {
  if (isAddinError(error)) return { intent: 'error', text: error.text };
  const { text, detail } = describeFailure(error);
  return { intent: 'error', text, detail };
}

/** "14:02" from an ISO time (the user's clock). */
export function clockTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** Validate's outcome: the findings by severity and how many cells were marked; clean when there are none. */
export function validatedMessage(analysis: WorkbookAnalysis, marked: number): PaneMessage {
  const counts = analysis.counts;
  if (counts.error + counts.warning + counts.info === 0) return { intent: 'success', text: both('validatedClean') };
  return { intent: counts.error > 0 ? 'warning' : 'info', text: both('validated', { errors: counts.error, warnings: counts.warning, infos: counts.info, marked }) };
}

const tablesOf = (analysis: WorkbookAnalysis | null): TableInfo[] => analysis?.sheets.flatMap((s) => s.tables) ?? [];

/** "Хүснэгт 2" for a table id, as the Tables and Scores tabs number them. */
function tableName(tables: TableInfo[], id: string): Localized {
  const index = tables.findIndex((t) => t.id === id);
  return index < 0 ? { mn: id, en: id } : both('tableCaption', { n: index + 1 });
}

/**
 * Compute's outcome: how many cells, how many of them in the tables and how
 * many on the summary sheet (new or brought up to date); where an average
 * went when the row under its table was taken; for a plan, that there was
 * nothing to score and what Compute did instead.
 */
export function computedMessage(result: ComputeResult, before: WorkbookAnalysis | null): PaneMessage {
  if (result.changed === 0) return { intent: 'info', text: both('computedNothing') };
  const summary = result.plan.summary;
  const summaryName = summary?.name ?? null;
  const tableCells = result.plan.writtenCells.filter((c) => summaryName === null || !c.startsWith(`${summaryName}!`)).length;
  const summaryCells = summary ? summary.writes.length : 0;
  const tables = tablesOf(result.analysis).length > 0 ? tablesOf(result.analysis) : tablesOf(before);
  const allPlans = tables.length > 0 && tables.every((t) => t.kind === 'plan');
  if (allPlans && tableCells === 0 && summaryName !== null) return { intent: 'info', text: both('computedPlanOnly', { summary: summaryName }) };
  const cells = (n: number): Localized => both('tableCells', { n });
  const where =
    summaryName === null
      ? both('computedTablesOnly')
      : {
          mn: uiText('mn', summary?.replaces ? 'computedWhereReplaced' : 'computedWhereNew', { tables: cells(tableCells).mn, summaryCells: cells(summaryCells).mn, summary: summaryName }),
          en: uiText('en', summary?.replaces ? 'computedWhereReplaced' : 'computedWhereNew', { tables: cells(tableCells).en, summaryCells: cells(summaryCells).en, summary: summaryName }),
        };
  const elsewhere = result.plan.skipped
    .filter((skip) => skip.reason === 'no-free-row' && skip.instead)
    .map((skip) => {
      const name = tableName(tables, skip.tableId);
      return { mn: uiText('mn', 'averageElsewhere', { table: name.mn, cell: skip.instead! }), en: uiText('en', 'averageElsewhere', { table: name.en, cell: skip.instead! }) };
    });
  // Short, so the scores stay in view at 320 px; where each cell went behind "Дэлгэрэнгүй".
  return { intent: 'success', text: both('computed', { changed: tableCells + summaryCells }), details: join(where, ...elsewhere) };
}

/** The to-do sentence for findings a fix revealed, by their code (others: "listed first"). */
const LEFT_TO_DO: Partial<Record<string, UiKey>> = {
  'missing-achieved': 'fixedLeftAchieved',
  'missing-target': 'fixedLeftTarget',
  'missing-percent': 'fixedLeftPercent',
  'missing-indicator': 'fixedLeftIndicator',
};

/** The findings of `after` that `before` did not have (a fix revealed them), by findingKey. */
export function revealedBy(before: WorkbookAnalysis, after: WorkbookAnalysis): Finding[] {
  const had = new Set(before.findings.map(findingKey));
  return after.findings.filter((f) => !had.has(findingKey(f)));
}

/** What a fix left to do: each kind of finding it revealed, with its cells; else the errors left (or none). */
function leftToDo(revealed: readonly Finding[], after: WorkbookAnalysis): Localized[] {
  if (revealed.length === 0) {
    const errors = after.counts.error;
    return [errors > 0 ? both('fixedLeftErrors', { count: errors }) : both('fixedLeftNone')];
  }
  const sheets = new Set(revealed.map((f) => f.sheet));
  const where = (list: readonly Finding[]) => {
    const cells = list.map((f) => (sheets.size > 1 ? `${f.sheet}!${f.cell}` : f.cell));
    return cells.slice(0, 5).join(', ') + (cells.length > 5 ? ` (+${cells.length - 5})` : '');
  };
  const byKey = new Map<UiKey, Finding[]>();
  for (const finding of revealed) {
    const key = LEFT_TO_DO[finding.code] ?? 'fixedLeftOther';
    byKey.set(key, [...(byKey.get(key) ?? []), finding]);
  }
  // The named to-dos first, the other findings last.
  const keys = [...byKey.keys()].sort((a, b) => Number(a === 'fixedLeftOther') - Number(b === 'fixedLeftOther'));
  return keys.map((key) => both(key, { count: byKey.get(key)!.length, cells: where(byKey.get(key)!) }));
}

/** A fix's outcome: how many fixes and cells, those left for the next press, and what the fix left to do (what it revealed, else the errors left). */
export function fixedMessage(result: FixResult, after?: WorkbookAnalysis): PaneMessage {
  if (result.applied.length === 0) return { intent: 'info', text: both('fixedNothing') };
  const deferred = result.deferred.length > 0 ? both('fixedDeferred', { count: result.deferred.length }) : null;
  const left = after ? leftToDo(revealedBy(result.before, after), after) : [];
  return { intent: 'success', text: join(both('fixed', { fixes: result.applied.length, cells: result.changed }), deferred, ...left) };
}

/** The annex 8 sheet's outcome: made or brought up to date, from which table. */
export function evaluationMessage(result: EvaluationResult): PaneMessage {
  return { intent: 'success', text: both(result.replaced ? 'evaluationRemade' : 'evaluationMade', { sheet: result.sheet, table: result.reportTable }) };
}

/** A roll-up's outcome: files read, rows, where it went; the files that could not be read. */
export function rolledUpMessage(rollup: RollupDone): PaneMessage {
  const names = (list: RollupDone['notRead']) => list.map((n) => n.file).slice(0, 5).join(', ') + (list.length > 5 ? ', …' : '');
  if (rollup.read === 0) return { intent: 'error', text: both('rolledUpNothing', { files: names(rollup.notRead) }) };
  const done = rollup.shownAs
    ? both('rolledUpShown', { read: rollup.read, rows: rollup.rows, name: rollup.shownAs })
    : rollup.savedAs !== null
      ? both('rolledUpSaved', { read: rollup.read, rows: rollup.rows, name: rollup.savedAs })
      : both('rolledUpSheets', { read: rollup.read, rows: rollup.rows, sheets: (rollup.sheets ?? []).join(', ') });
  const unread = rollup.notRead.length > 0 ? both('rolledUpNotRead', { count: rollup.notRead.length, files: names(rollup.notRead) }) : null;
  return { intent: rollup.notRead.length > 0 ? 'warning' : 'success', text: join(done, unread) };
}

const REVERTED: Record<RevertibleAction['kind'], UiKey> = {
  validate: 'revertedValidate',
  compute: 'revertedCompute',
  'clear-marks': 'revertedClear',
  fix: 'revertedFix',
  evaluation: 'revertedEvaluation',
  rollup: 'revertedRollup',
  'report-form': 'revertedReportForm',
  'next-plan': 'revertedNextPlan',
  findings: 'revertedFindings',
};

/** Revert's outcome: which action was undone (and when), the cells restored, the sheet taken away, the user's later edits kept. */
export function revertedMessage(result: RevertResult): PaneMessage {
  const undone = result.undone ? both(REVERTED[result.undone.kind], { time: clockTime(result.undone.at) }) : null;
  const sheets = result.removedSheets.length > 0 ? both('revertedSheets', { sheets: result.removedSheets.join(', ') }) : null;
  const shown = result.keptCells.slice(0, 5).join(', ') + (result.keptCells.length > 5 ? ', …' : '');
  const kept = result.keptCells.length > 0 ? both('revertedKept', { count: result.keptCells.length, cells: shown }) : null;
  // Removing a sheet it added restores no cell: it says what it removed, not "0 cells".
  const restored = result.restored > 0 || !sheets ? both('reverted', { count: result.restored }) : null;
  return { intent: 'success', text: join(undone, restored, sheets, kept) };
}
