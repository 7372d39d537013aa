// Validate's checks (the finding codes of registry.ts), run per table in a
// fixed order so findings read top to bottom: each item's fields, then its
// percent and points; then numbering; then the stated figures.

import type { TableEval } from '../evaluate';
import type { Profile } from '../profiles';
import type { Finding, Localized, Role, SeverityCounts, TableScore } from '../types';
import type { Evaluation } from '../evaluation';
import type { CheckContext, EvaluationRole, ItemCheck } from './context';
import { planEvaluationEdits } from '../evaluation-edits';
import { blankForm, checkBlankTargets } from './blank-forms';
import { checkEvaluationParts } from './evaluation';
import { checkItemFields } from './items';
import { checkGroupNumbering, checkItemNumbering } from './numbering';
import { checkPercent } from './percents';
import { checkPoints } from './points';
import { Reporter, type Params } from './report';
import type { SHEET_FINDINGS } from '../findings/sheet';
import { checkStated } from './stated';
import { itemName } from './vocabulary';

/**
 * Validate one recognised table. In: the table as evaluated (evaluateTable),
 * the profile, the table's score (scoreTable) and, for a part of an
 * individual evaluation, which part (its figures are then checked with the
 * evaluation: checkEvaluation, and its numbering only when no report is
 * beside it), whether its sheet is protected (then no fix is offered) and
 * whether fixes are planned (`planFixes`, default true; false: each finding
 * gives only its fix's kind, `fixKind`). Out: its findings, each with code,
 * severity, cell and message in both languages.
 */
export function checkTable(
  table: TableEval,
  profile: Profile,
  score: TableScore,
  where: { part?: EvaluationRole; locked?: boolean; reportBeside?: boolean; planFixes?: boolean } = {},
): Finding[] {
  const part = where.part;
  const info = table.info;
  const report = new Reporter(info.sheet, info.id, table.grid, where.locked, where.planFixes);
  const ctx: CheckContext = {
    table,
    profile,
    score,
    col: (role: Role) => table.roleCol[role],
    isReport: info.kind !== 'plan',
    report,
    part,
    blank: part ? undefined : blankForm(table),
  };
  // One check, moved from item to item (the checks keep nothing of it); the item's name is built only when a finding needs it: most items have none.
  let name: Localized | undefined;
  const check: ItemCheck = { item: table.items[0], name: () => (name ??= itemName(check.item.number, check.item.row)) };
  // Indexed: this loop runs once per table, mostly before the optimising compiler gets to it (no iterator to allocate).
  for (let i = 0; i < table.items.length; i++) {
    const item = table.items[i];
    check.item = item;
    name = undefined;
    checkItemFields(ctx, check);
    checkPercent(ctx, check);
    if (item.percent?.kind === 'rating') checkPoints(ctx, check, item.percent.value);
  }
  // An evaluation's parts copy the report's numbers and figures: the report is where they are checked —
  // when it is in the same workbook; an evaluation that stands alone has its numbering checked here.
  if (!part || !where.reportBeside) {
    checkItemNumbering(ctx);
    checkGroupNumbering(ctx);
  }
  if (!part) {
    checkStated(ctx);
    checkBlankTargets(ctx);
  }
  return report.list;
}

/** The findings of one individual evaluation as a whole, on whichever sheets its parts sit. */
export function checkEvaluation(evaluation: Evaluation, locked: ReadonlySet<string> = new Set(), planFixes = true): Finding[] {
  const reporters = new Map<string, Reporter>();
  const tables = [...evaluation.parts.map((p) => p.table), ...(evaluation.summary ? [evaluation.summary.table] : [])];
  // What Compute would write there is each figure's quick fix.
  const writes = planEvaluationEdits([evaluation]);
  const writeAt = (sheet: string, row: number, col: number) => writes.get(sheet)?.find((w) => w.row === row && w.col === col);
  checkEvaluationParts(evaluation, (sheet) => {
    let reporter = reporters.get(sheet);
    if (!reporter) {
      // A finding belongs to the first part on its sheet (its table id), so hosts can group it.
      const table = tables.find((t) => t.info.sheet === sheet)!;
      reporters.set(sheet, (reporter = new Reporter(sheet, table.info.id, table.grid, locked.has(sheet), planFixes)));
    }
    return reporter;
  }, writeAt);
  return [...reporters.values()].flatMap((r) => r.list);
}

/** A finding about a sheet as a whole (no table, or unreadable), placed on A1. */
export function sheetFinding(sheet: string, code: keyof typeof SHEET_FINDINGS, params: Params = {}): Finding {
  const reporter = new Reporter(sheet, undefined);
  reporter.add(code, 'default', { row: 0, col: 0 }, params);
  return reporter.list[0];
}

/** Errors, warnings and infos in a list of findings: the one place they are counted. */
export function countSeverities(findings: readonly { severity: Finding['severity'] }[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

export { FINDINGS, FINDING_CODES, isFindingCode, type FindingCode } from '../findings/registry';
export type { EvaluationRole } from './context';
export { ROLE_NAMES } from './vocabulary';
