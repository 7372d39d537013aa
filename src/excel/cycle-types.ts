// What the pane hands the adapter's cycle actions and gets back: the report
// form made from the workbook's plan, next year's plan made from its report
// (each a new sheet, one Revert step), and the report held against a plan
// file (Validate's marks, with what the copying lost or changed).

import type { EditPlan, FormTable, Renumbering, WorkbookAnalysis } from '../core';

export interface ReportFormResult {
  /** The sheet added ("Тайлан", or "Тайлан (2)" beside a sheet of that name). */
  sheet: string;
  /** Made from a plan, or from a report whose results were left out. */
  source: 'plan' | 'report';
  sourceSheet: string;
  /** A report table whose columns the form follows, when the workbook holds one beside the plan. */
  followed: string | null;
  tables: FormTable[];
  period: string;
  plan: EditPlan;
}

export interface NextPlanResult {
  /** The sheet added ("Төлөвлөгөө 2026"). */
  sheet: string;
  year: number | null;
  tables: FormTable[];
  renumbered: Renumbering[];
  leftOut: { table: string; number: string; row: number }[];
  carriedOver: number;
  baselines: number;
  plan: EditPlan;
}

export interface PlanCheckResult {
  /** The report's analysis with the plan's findings among its own (marked on the sheet, as Validate marks). */
  analysis: WorkbookAnalysis;
  marked: number;
  /** The plan file held against, its tables, and the items matched, missing from the report, not in the plan. */
  planFile: string;
  planTables: string[];
  matched: number;
  missing: number;
  extra: number;
}
