// Validate's checks (the finding codes of registry.ts), run per table in a
// fixed order so findings read top to bottom: each item's fields, then its
// percent and points; then numbering; then the stated figures.

import type { TableEval } from '../evaluate';
import type { Profile } from '../profiles';
import type { Finding, Localized, Role, SeverityCounts, TableScore } from '../types';
import type { CheckContext } from './context';
import { checkItemFields } from './items';
import { checkGroupNumbering, checkItemNumbering } from './numbering';
import { checkPercent } from './percents';
import { checkPoints } from './points';
import { Reporter, type Params } from './report';
import type { SHEET_FINDINGS } from './sheet';
import { checkStated } from './stated';
import { itemName } from './vocabulary';

/**
 * Validate one recognised table. In: the table as evaluated (evaluateTable),
 * the profile and the table's score (scoreTable). Out: its findings, each
 * with code, severity, cell and message in both languages.
 */
export function checkTable(table: TableEval, profile: Profile, score: TableScore): Finding[] {
  const info = table.info;
  const report = new Reporter(info.sheet, info.id, table.grid);
  const ctx: CheckContext = {
    table,
    profile,
    score,
    col: (role: Role) => table.roleCol[role],
    isReport: info.kind !== 'plan',
    report,
  };
  for (const item of table.items) {
    // Built only when a finding needs it: most items have none.
    let name: Localized | undefined;
    const check = { item, name: () => (name ??= itemName(item.number, item.row)) };
    checkItemFields(ctx, check);
    checkPercent(ctx, check);
    if (item.percent?.kind === 'rating') checkPoints(ctx, check, item.percent.value);
  }
  checkItemNumbering(ctx);
  checkGroupNumbering(ctx);
  checkStated(ctx);
  return report.list;
}

/** A finding about a sheet as a whole (no table, or unreadable), placed on A1. */
export function sheetFinding(sheet: string, code: keyof typeof SHEET_FINDINGS, params: Params = {}): Finding {
  const r = new Reporter(sheet, undefined);
  r.add(code, 'default', { row: 0, col: 0 }, params);
  return r.list[0];
}

/** Errors, warnings and infos in a list of findings: the one place they are counted. */
export function countSeverities(findings: readonly { severity: Finding['severity'] }[]): SeverityCounts {
  const c: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export { FINDINGS, FINDING_CODES, isFindingCode, type FindingCode, type MessageId } from './registry';
export { ROLE_NAMES } from './vocabulary';
