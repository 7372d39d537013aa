// The annex 8 evaluation sheet in Excel, as the command line writes it
// (`unelgee evaluation`): the engine plans it from the workbook's report
// (planEvaluationSheet, in the engine's worker), this module writes the plan. Syncs: the workbook
// facts (1), every visible sheet (1), what the report's percents overwrite
// plus the store (1), write (1) — whatever the size of the report.
//
// The whole workbook is read whatever the pane's scope: the report may be
// on any sheet, and an evaluation sheet the add-in made before (found by its
// contents) is rewritten, keeping what people typed in it. That one is
// rewritten in place, never renamed or deleted (a user's formulas may point
// at it): what it held is read first (a few more syncs) and kept as data
// with the snapshot, and Revert writes it back (sheet-backup.ts, the
// summary sheet's way). A workbook whose structure is protected, or an
// evaluation sheet of ours that is protected, is refused before anything
// is written.

import type { EditPlan, SheetPlan } from '../core';
import { EVALUATION_FORM } from '../i18n/evaluation-form';
import type { EvaluationResult } from './action-types';
import { readBeforeWriting, refuseLongFormulas, writeAction } from './action';
import { NOTES_API, engineOf, supports, type HostEnv } from './env';
import { noReport, sheetProtected, workbookProtected } from './errors';
import { hasSheet, readWorkbook, type ScopeRead } from './read';
import { analyzeOptions } from './scope';
import { prepareRewrite } from './sheet-backup';
import { wholeSheetOps } from './sheet-format';
import { STORE_SHEET } from './store';
import type { AddinSettings } from './types';

interface Planned {
  plan: EditPlan;
  sheet: SheetPlan;
  reportTable: string;
  skillsTable: string | null;
}

/** The engine's plan, or the AddinError that explains why there is none (no report, a protected workbook or sheet). */
async function planFor(env: HostEnv, read: ScopeRead, settings: AddinSettings): Promise<Planned> {
  const given = new Set(read.sheets.map((s) => s.sheet.name));
  const outcome = await engineOf(env).planEvaluation(
    read.sheets.map((s) => s.sheet),
    {
      ...analyzeOptions(settings),
      form: EVALUATION_FORM,
      takenNames: read.meta.sheets.map((s) => s.name).filter((n) => !given.has(n)),
      protectedSheets: read.sheets.filter((s) => s.protected).map((s) => s.sheet.name),
      workbookProtected: read.meta.workbookProtected,
    },
  );
  if (!outcome.plan || outcome.reportTable === null) throw noReport();
  const sheet = outcome.plan.addedSheets?.[0];
  if (!sheet) {
    // The engine held the sheet back: ours is protected, or a new one cannot be added.
    const own = read.sheets.find((s) => outcome.ownSheets.includes(s.sheet.name));
    throw own?.protected ? sheetProtected([own.sheet.name]) : workbookProtected();
  }
  // A new sheet, or the store, changes the workbook's structure (the engine holds a new sheet back then; refused alike).
  if (read.meta.workbookProtected) throw workbookProtected();
  refuseLongFormulas([...outcome.plan.sheets.flatMap((e) => e.writes), ...sheet.writes]);
  return { plan: outcome.plan, sheet, reportTable: outcome.reportTable, skillsTable: outcome.skillsTable };
}

export async function createEvaluationSheet(context: Excel.RequestContext, env: HostEnv, settings: AddinSettings): Promise<EvaluationResult> {
  const read = await readWorkbook(context);
  const { plan, sheet, reportTable, skillsTable } = await planFor(env, read, settings);
  const notes = supports(env.office, NOTES_API);
  // The report's percents the sheet links to (a protected report sheet has none: the engine held them back).
  const { planned, store } = await readBeforeWriting(context, plan.sheets, hasSheet(read.meta, STORE_SHEET), notes, read);
  // The sheet it made before is rewritten in place, never renamed (a user's formulas may point at it): what it holds goes into the snapshot.
  const rewrite = sheet.replaces ? await prepareRewrite(context, sheet.name, sheet, notes) : null;
  const changed = await writeAction(context, {
    env,
    kind: 'evaluation',
    meta: read.meta,
    store,
    planned,
    notes,
    sheet: { name: sheet.name, saved: rewrite?.saved ?? null },
    more: () => wholeSheetOps(sheet, { clear: rewrite?.clear ?? null, position: null }, notes),
  });
  return { sheet: sheet.name, replaced: sheet.replaces, reportTable, skillsTable, plan, changed };
}
