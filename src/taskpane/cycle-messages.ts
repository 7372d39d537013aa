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

export function reportFormMessage(r: ReportFormResult): PaneMessage {
  const items = r.tables.reduce((n, t) => n + t.itemRows.length, 0);
  const parts = [both('reportFormMade', { sheet: r.sheet, items, period: r.period })];
  if (r.source === 'report') parts.push(both('reportFormFromReport'));
  if (r.followed) parts.push(both('reportFormFollowed', { table: r.followed }));
  return { intent: 'success', text: joined(parts) };
}

/** Why a table was renumbered, in both languages. */
function why(r: NextPlanResult['renumbered'][number]): Localized {
  const parts: Localized[] = [];
  if (r.gaps.length) parts.push(both('whyGaps', { list: r.gaps.join(', ') }));
  if (r.duplicates.length) parts.push(both('whyDuplicates', { list: r.duplicates.join(', ') }));
  if (r.unnumbered.length) parts.push(both('whyUnnumbered', { list: r.unnumbered.join(', ') }));
  return { mn: parts.map((p) => p.mn).join('; '), en: parts.map((p) => p.en).join('; ') };
}

export function nextPlanMessage(r: NextPlanResult): PaneMessage {
  const items = r.tables.reduce((n, t) => n + t.itemRows.length, 0);
  const parts = [both('nextPlanMade', { sheet: r.sheet, items, carried: r.carriedOver })];
  for (const x of r.renumbered) {
    const reason = why(x);
    parts.push({ mn: uiText('mn', 'nextPlanRenumbered', { count: x.changed, why: reason.mn }), en: uiText('en', 'nextPlanRenumbered', { count: x.changed, why: reason.en }) });
  }
  if (r.leftOut.length > 0) parts.push(both('nextPlanLeftOut', { numbers: r.leftOut.map((l) => l.number).join(', ') }));
  return { intent: 'success', text: joined(parts) };
}

export function planCheckMessage(r: PlanCheckResult): PaneMessage {
  const c = r.analysis.counts;
  const held = both('planChecked', { file: r.planFile, matched: r.matched, missing: r.missing, extra: r.extra });
  const counts = c.error + c.warning + c.info === 0 ? both('validatedClean') : both('validated', { errors: c.error, warnings: c.warning, infos: c.info, marked: r.marked });
  const intent = c.error > 0 || r.missing + r.extra > 0 ? 'warning' : 'success';
  return { intent, text: joined([held, counts]) };
}
