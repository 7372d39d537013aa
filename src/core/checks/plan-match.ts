// A report held against its plan (`validate REPORT --plan PLAN`): what the
// copying by hand lost or changed, as findings on the report's cells — a
// plan item missing, an item that was not planned, a target or baseline
// changed since the plan, an item moved to another group.

import type { TableEval } from '../evaluate';
import type { PlanMatch, SideItem } from '../plan-match';
import { cellAddress, type CellRef } from '../sheet';
import { cellText, normalize } from '../text';
import type { Finding, Role } from '../types';
import { parseValue, partsOf, type ParsedValue } from '../values';
import { Reporter } from './report';
import { itemName } from './vocabulary';

/** Shown in a message: at most 80 characters of a text. */
const shown = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

const cellOf = (side: SideItem, col: number | undefined) => `${side.table.info.sheet}!${cellAddress(side.item.row, col ?? side.table.info.firstCol)}`;

/** A level as written in an item's cell (its continuation rows joined for text). */
function level(side: SideItem, role: Role): { text: string; parsed: ParsedValue } {
  const col = side.table.roleCol[role];
  if (col === undefined) return { text: '', parsed: { kind: 'empty' } };
  const parts = [side.item.row, ...side.item.continuation].map((r) => cellText(side.table.grid.shownValue(r, col))).filter(Boolean);
  const value = side.table.grid.value(side.item.row, col);
  const parsed = typeof value === 'number' ? parseValue(value, side.table.grid.numberFormat(side.item.row, col)) : parseValue(parts.join(' ') || null);
  const text = parsed.kind === 'number' && parsed.percent && typeof value === 'number' ? `${parsed.value}%` : parts.join(' ');
  return { text, parsed };
}

/** Two levels say the same: both empty, the same numbers (parts compared one by one), or the same words. */
function sameLevel(planned: { text: string; parsed: ParsedValue }, reported: { text: string; parsed: ParsedValue }): boolean {
  const none = (p: ParsedValue) => p.kind === 'empty' || p.kind === 'none';
  if (none(planned.parsed) || none(reported.parsed)) return none(planned.parsed) && none(reported.parsed);
  const plannedParts = partsOf(planned.parsed);
  const reportedParts = partsOf(reported.parsed);
  if (plannedParts && reportedParts && plannedParts.length === reportedParts.length) {
    return plannedParts.every((part, i) => {
      const other = reportedParts[i];
      return part.kind === 'none' ? other.kind === 'none' : other.kind === 'number' && Math.abs(part.value - other.value) < 1e-9 && part.bound === other.bound;
    });
  }
  const words = (t: string) => normalize(t).replace(/[^a-zа-я0-9%]+/g, '');
  return words(planned.text) === words(reported.text);
}

/**
 * Where a plan item missing from the report belongs: the report row of the
 * next plan item that is there (else the one before it); with none there,
 * the header of the report's first table.
 */
function placeOfMissing(lost: SideItem, match: PlanMatch, reportTables: readonly TableEval[]): { table: TableEval; at: CellRef } | null {
  const paired = [...match.pairs].sort((x, y) => x.plan.order - y.plan.order);
  const next = paired.find((x) => x.plan.order > lost.order) ?? [...paired].reverse().find((x) => x.plan.order < lost.order);
  if (next) {
    const side = next.report;
    return { table: side.table, at: { row: side.item.row, col: side.table.roleCol.index ?? side.table.roleCol.action ?? side.table.info.firstCol } };
  }
  const first = reportTables[0];
  return first ? { table: first, at: { row: first.info.headerRows[0], col: first.info.firstCol } } : null;
}

/**
 * The findings of a report held against its plan, on the report's cells,
 * top to bottom. In: the match (matchPlan) and the report's tables. Out: the findings.
 */
export function checkAgainstPlan(match: PlanMatch, reportTables: readonly TableEval[]): Finding[] {
  const reporters = new Map<string, Reporter>();
  const reporterOf = (side: { table: TableEval }) => {
    const id = side.table.info.id;
    let reporter = reporters.get(id);
    if (!reporter) reporters.set(id, (reporter = new Reporter(side.table.info.sheet, id, side.table.grid)));
    return reporter;
  };
  const nameOf = (side: SideItem) => itemName(side.item.number, side.item.row);
  for (const lost of match.missing) {
    const place = placeOfMissing(lost, match, reportTables);
    if (!place) continue;
    const params = { planItem: nameOf(lost), action: shown(lost.action), planCell: cellOf(lost, lost.table.roleCol.action) };
    reporterOf(place).add('plan-item-missing', 'default', place.at, params, { data: { planCell: params.planCell, number: lost.item.number ?? null } });
  }
  for (const added of match.extra) {
    const at = { row: added.item.row, col: added.table.roleCol.action ?? added.table.info.firstCol };
    reporterOf(added).add('item-not-in-plan', 'default', at, { item: nameOf(added), action: shown(added.action) });
  }
  for (const pair of match.pairs) {
    const { report, plan } = pair;
    for (const [role, code] of [['target', 'plan-target-changed'], ['baseline', 'plan-baseline-changed']] as const) {
      const col = report.table.roleCol[role];
      if (col === undefined || plan.table.roleCol[role] === undefined) continue;
      const planned = level(plan, role);
      const reported = level(report, role);
      if (sameLevel(planned, reported)) continue;
      const params = { item: nameOf(report), planned: shown(planned.text || '—'), reported: shown(reported.text || '—'), planCell: cellOf(plan, plan.table.roleCol[role]) };
      reporterOf(report).add(code, 'default', { row: report.item.row, col }, params, { data: { planned: planned.text, reported: reported.text, planCell: params.planCell } });
    }
    const counterpart = plan.group ? match.groups.get(plan.group.id) : undefined;
    if (plan.group && report.group && counterpart && counterpart !== report.group) {
      const at = { row: report.item.row, col: report.table.roleCol.index ?? report.table.info.firstCol };
      reporterOf(report).add('plan-item-moved', 'default', at, { item: nameOf(report), planGroup: shown(plan.group.label), reportGroup: shown(report.group.label) }, { data: { planGroup: plan.group.label, reportGroup: report.group.label } });
    }
  }
  return [...reporters.values()].flatMap((reporter) => reporter.list).sort((x, y) => x.sheet.localeCompare(y.sheet) || x.row - y.row || x.col - y.col);
}
