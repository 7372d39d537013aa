// The year's cycle in Excel, as the command line makes it (`unelgee report`,
// `unelgee plan`): the engine plans the report form from the workbook's plan
// (planReportForm) or next year's plan from its report (planNextPlan), in
// its worker; this module adds the sheet. One Revert step takes it away.
// Syncs: the workbook facts and every visible sheet (1–2), the store when
// there is one (1), write (1; more only past a 5 MB request), whatever the
// size of the plan.
//
// The whole workbook is read whatever the pane's scope: the plan or report
// may be on any sheet, and a report beside the plan gives the form its
// columns. Nothing is written over: the sheet is new, under a free name. A
// workbook whose structure is protected is refused before anything is
// written, and so is one with nothing to build from.

import type { SheetPlan } from '../core';
import { say } from '../i18n/excel';
import { CYCLE_EXCEL_TEXT } from '../i18n/cycle-excel';
import { CYCLE_FORM } from '../i18n/cycle-forms';
import { readBeforeWriting, refuseLongFormulas, writeAction } from './action';
import type { NextPlanResult, ReportFormResult } from './cycle-types';
import { NOTES_API, engineOf, supports, type HostEnv } from './env';
import { workbookProtected } from './errors';
import { hasSheet, readWorkbook, type ScopeRead } from './read';
import { analyzeOptions } from './scope';
import { wholeSheetOps } from './sheet-format';
import { STORE_SHEET, type ActionKind } from './store';
import { AddinError, type AddinSettings } from './types';

/** The options every cycle plan takes from the pane and the workbook: settings, the forms' words, the names taken, protection. */
function cycleOptions(read: ScopeRead, settings: AddinSettings) {
  const given = new Set(read.sheets.map((s) => s.sheet.name));
  return {
    ...analyzeOptions(settings),
    form: CYCLE_FORM,
    takenNames: read.meta.sheets.map((s) => s.name).filter((n) => !given.has(n)),
    protectedSheets: read.sheets.filter((s) => s.protected).map((s) => s.sheet.name),
    workbookProtected: read.meta.workbookProtected,
  };
}

/** Adds the engine's sheet to the workbook: the store read, the snapshot recorded (Revert takes the sheet away), the sheet written and shown. */
async function addSheet(context: Excel.RequestContext, env: HostEnv, read: ScopeRead, kind: ActionKind, sheet: SheetPlan): Promise<void> {
  refuseLongFormulas(sheet.writes);
  const notes = supports(env.office, NOTES_API);
  const { planned, store } = await readBeforeWriting(context, [], hasSheet(read.meta, STORE_SHEET), notes);
  env.progress?.({ stage: 'write' });
  await writeAction(context, {
    env,
    kind,
    meta: read.meta,
    store,
    planned,
    notes,
    sheet: { name: sheet.name, saved: null },
    more: () => wholeSheetOps(sheet, { clear: null, position: null }, notes),
  });
}

/** The report form made from the workbook's plan (or from a report, its results left out), added as a new sheet. */
export async function createReportForm(context: Excel.RequestContext, env: HostEnv, settings: AddinSettings, options: { period?: string } = {}): Promise<ReportFormResult> {
  env.progress?.({ stage: 'read' });
  const read = await readWorkbook(context);
  const outcome = await engineOf(env).cycle(
    { kind: 'report-form', sheets: read.sheets.map((s) => s.sheet), options: { ...cycleOptions(read, settings), ...options } },
    env.progress,
  );
  if (outcome.source === null) throw new AddinError('no-plan', say(CYCLE_EXCEL_TEXT.noPlanInWorkbook));
  const sheet = outcome.plan?.addedSheets?.[0];
  if (!outcome.plan || !sheet || read.meta.workbookProtected) throw workbookProtected();
  await addSheet(context, env, read, 'report-form', sheet);
  return { sheet: sheet.name, source: outcome.source, sourceSheet: outcome.sourceSheet!, followed: outcome.followed, tables: outcome.tables, period: outcome.period ?? '', plan: outcome.plan };
}

/** Next year's plan made from the workbook's report, added as a new sheet. */
export async function createNextPlan(context: Excel.RequestContext, env: HostEnv, settings: AddinSettings, options: { year?: number } = {}): Promise<NextPlanResult> {
  env.progress?.({ stage: 'read' });
  const read = await readWorkbook(context);
  const outcome = await engineOf(env).cycle({ kind: 'next-plan', sheets: read.sheets.map((s) => s.sheet), options: { ...cycleOptions(read, settings), ...options } }, env.progress);
  if (outcome.sourceSheet === null) throw new AddinError('no-report', say(CYCLE_EXCEL_TEXT.noReportInWorkbook));
  const sheet = outcome.plan?.addedSheets?.[0];
  if (!outcome.plan || !sheet || read.meta.workbookProtected) throw workbookProtected();
  await addSheet(context, env, read, 'next-plan', sheet);
  const { year, tables, renumbered, leftOut, carriedOver, baselines } = outcome;
  return { sheet: sheet.name, year, tables, renumbered, leftOut, carriedOver, baselines, plan: outcome.plan };
}

/** "«file» holds no plan": the plan file held against has no table. */
export function noPlanInFile(file: string): AddinError {
  return new AddinError('no-plan-in-file', say(CYCLE_EXCEL_TEXT.noPlanInFile, { file }));
}
