// What the pane says after the year's cycle actions: the report form made
// (from the plan, or from a report without its results; the columns a
// report gave it), next year's plan made (what was renumbered and why, what
// was left out), a report held against a plan file (the match's figures
// with Validate's counts).

import type { Localized } from '../core';
import type { NextPlanResult, PlanCheckResult, ReportFormResult } from '../excel/types';
import { uiText, type UiKey, type UiParams } from '../i18n/ui';
import type { PaneMessage } from './components/StatusMessage';

const both = (key: UiKey, params: UiParams = {}): Localized => ({ mn: uiText('mn', key, params), en: uiText('en', key, params) });

const joined = (parts: Localized[]): Localized => ({ mn: parts.map((p) => p.mn).join(' '), en: parts.map((p) => p.en).join(' ') });

export function reportFormMessage(made: ReportFormResult): PaneMessage {
  const items = made.tables.reduce((n, t) => n + t.itemRows.length, 0);
  const parts = [both('reportFormMade', { sheet: made.sheet, items, period: made.period })];
  if (made.source === 'report') parts.push(both('reportFormFromReport'));
  if (made.followed) parts.push(both('reportFormFollowed', { table: made.followed }));
  return { intent: 'success', text: joined(parts) };
}

/** Why a table was renumbered, in both languages. */
function why(renumbering: NextPlanResult['renumbered'][number]): Localized {
  const parts: Localized[] = [];
  if (renumbering.gaps.length) parts.push(both('whyGaps', { list: renumbering.gaps.join(', ') }));
  if (renumbering.duplicates.length) parts.push(both('whyDuplicates', { list: renumbering.duplicates.join(', ') }));
  if (renumbering.unnumbered.length) parts.push(both('whyUnnumbered', { list: renumbering.unnumbered.join(', ') }));
  return { mn: parts.map((p) => p.mn).join('; '), en: parts.map((p) => p.en).join('; ') };
}

export function nextPlanMessage(made: NextPlanResult): PaneMessage {
  const items = made.tables.reduce((n, t) => n + t.itemRows.length, 0);
  const parts = [both('nextPlanMade', { sheet: made.sheet, items, carried: made.carriedOver })];
  for (const renumbering of made.renumbered) {
    const reason = why(renumbering);
    parts.push({ mn: uiText('mn', 'nextPlanRenumbered', { count: renumbering.changed, why: reason.mn }), en: uiText('en', 'nextPlanRenumbered', { count: renumbering.changed, why: reason.en }) });
  }
  if (made.leftOut.length > 0) parts.push(both('nextPlanLeftOut', { numbers: made.leftOut.map((l) => l.number).join(', ') }));
  return { intent: 'success', text: joined(parts) };
}

export function planCheckMessage(check: PlanCheckResult): PaneMessage {
  const counts = check.analysis.counts;
  const held = both('planChecked', { file: check.planFile, matched: check.matched, missing: check.missing, extra: check.extra });
  const said = counts.error + counts.warning + counts.info === 0 ? both('validatedClean') : both('validated', { errors: counts.error, warnings: counts.warning, infos: counts.info, marked: check.marked });
  const intent = counts.error > 0 || check.missing + check.extra > 0 ? 'warning' : 'success';
  return { intent, text: joined([held, said]) };
}
