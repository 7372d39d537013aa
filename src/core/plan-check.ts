// Validate with the plan beside the report (`unelgee validate REPORT --plan
// PLAN`, the pane's "Төлөвлөгөөтэй тулгах"): the report's own findings, and
// what copying it from the plan lost or changed (checks/plan-match.ts).

import { analyzeWorkbook, evaluatedTables, type AnalyzeOptions } from './analyze';
import { checkAgainstPlan } from './checks/plan-match';
import { countSeverities } from './checks';
import type { TableEval } from './evaluate';
import { matchPlan } from './plan-match';
import type { Sheet } from './sheet';
import type { WorkbookAnalysis } from './types';

export interface PlanCheck {
  /** The report's analysis with the plan's findings among its own. */
  analysis: WorkbookAnalysis;
  /** The plan's tables held against (a report's may stand for a plan); empty when the plan's workbook holds none. */
  planTables: string[];
  /** Items paired, plan items missing, report items not planned. */
  matched: number;
  missing: number;
  extra: number;
}

/** The tables a side offers: its plans, or, with none, its reports (a report is a plan with results); an evaluation's parts are neither. */
function tablesOf(sheets: Sheet[], options: AnalyzeOptions, want: 'plan' | 'report'): TableEval[] {
  const { tables, evaluations } = evaluatedTables(sheets, options);
  const parts = new Set(evaluations.flatMap((e) => [...e.parts.map((p) => p.table), ...(e.summary ? [e.summary.table] : [])]));
  const own = tables.filter((t) => !parts.has(t) && t.info.kind !== 'score');
  const plans = own.filter((t) => t.info.kind === 'plan');
  const reports = own.filter((t) => t.info.kind === 'report');
  return want === 'plan' ? (plans.length > 0 ? plans : reports) : reports;
}

/** The tables of a plan's workbook a report can be held against (its plans, else its reports): their ids, none when it holds no table. */
export function planTablesIn(planSheets: Sheet[], options: AnalyzeOptions = {}): string[] {
  return tablesOf(planSheets, options, 'plan').map((t) => t.info.id);
}

/**
 * A report held against its plan. In: the report's sheets, the plan's
 * sheets and the options (profile, words). Out: the report's analysis with
 * the findings of the match added to its sheets (and counted), and the
 * match's figures; when the plan's sheets hold no table, the report's own
 * analysis and no plan tables.
 */
export function analyzeAgainstPlan(reportSheets: Sheet[], planSheets: Sheet[], options: AnalyzeOptions = {}): PlanCheck {
  const analysis = analyzeWorkbook(reportSheets, options);
  const plan = tablesOf(planSheets, options, 'plan');
  if (plan.length === 0) return { analysis, planTables: [], matched: 0, missing: 0, extra: 0 };
  const report = tablesOf(reportSheets, options, 'report');
  const match = matchPlan(report, plan);
  const added = checkAgainstPlan(match, report);
  for (const sheet of analysis.sheets) sheet.findings.push(...added.filter((f) => f.sheet === sheet.sheet));
  const findings = analysis.sheets.flatMap((sheet) => sheet.findings);
  return {
    analysis: { ...analysis, findings, counts: countSeverities(findings) },
    planTables: plan.map((t) => t.info.id),
    matched: match.pairs.length,
    missing: match.missing.length,
    extra: match.extra.length,
  };
}
