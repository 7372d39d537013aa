// Quick fixes in Excel. Syncs: read the scope (1; 2 for the whole
// workbook), what the fixes overwrite plus the store (1), write (1) —
// whatever the size of the sheet; nothing is written (and no snapshot
// recorded) when there is nothing to fix.
//
// The pane's analysis is never trusted: the scope is read and analysed
// again, each chosen finding found again by code, sheet and cell, and its
// fix compared with the one the pane showed. A finding gone, or a fix that
// differs, refuses the whole call before anything is written.
//
// One plan, one round (planFixes): Excel recalculates the formulas a fix
// writes (a stated average made a live AVERAGE counts the ratings another
// fix moved). The command line writes a file nobody recalculates until it is
// opened, so it plans in rounds (planFixRounds) to cache the right results;
// a fix deferred here because another one writes its cell is offered again
// the next time the pane analyses.

import { fixChoiceSelection, planFixes, type Finding, type FixSelection, type WorkbookAnalysis } from '../core';
import type { ChosenFix, FixChoice, FixResult } from './action-types';
import { readBeforeWriting, refuseLocked, refuseLongFormulas, writeAction } from './action';
import { NOTES_API, supports, type HostEnv } from './env';
import { fixChanged, fixFindingGone, workbookProtected } from './errors';
import { hasSheet } from './read';
import { analyzeScope } from './scope';
import { STORE_SHEET } from './store';
import type { AddinSettings } from './types';

/** Throws (naming them) when a chosen finding is gone or its fix changed: nothing is written then. */
function refuseUnfound(gone: readonly ChosenFix[], changed: readonly ChosenFix[]): void {
  if (gone.length > 0) throw fixFindingGone([...gone]);
  if (changed.length > 0) throw fixChanged([...changed]);
}

/** The findings and selection planFixes takes for the user's choice (the choosing itself is the engine's: fixChoiceSelection). */
function selection(analysis: WorkbookAnalysis, choice: FixChoice): { findings: Finding[]; select: FixSelection } {
  const { found, gone, changed, select } = fixChoiceSelection(analysis, choice);
  refuseUnfound(gone, changed);
  return { findings: found, select };
}

export async function applyFixes(context: Excel.RequestContext, env: HostEnv, settings: AddinSettings, choice: FixChoice): Promise<FixResult> {
  const { read, analysis } = await analyzeScope(context, env, settings);
  const { findings, select } = selection(analysis, choice);
  const { plan, fixes, deferred } = planFixes(findings, select);
  if (plan.sheets.length === 0) return { before: analysis, plan, applied: [], deferred, changed: 0 };

  refuseLocked(read, plan.sheets);
  refuseLongFormulas(plan.sheets.flatMap((e) => e.writes));
  const storeExists = hasSheet(read.meta, STORE_SHEET);
  // The store is a sheet of its own: a workbook whose structure is protected cannot take it.
  if (read.meta.workbookProtected && !storeExists) throw workbookProtected();

  const notes = supports(env.office, NOTES_API);
  const { planned, store } = await readBeforeWriting(context, plan.sheets, storeExists, notes, read);
  const changed = await writeAction(context, { env, kind: 'fix', meta: read.meta, store, planned, notes });
  return { before: analysis, plan, applied: fixes, deferred, changed };
}
