// What the pane hands the adapter's newer actions and gets back: quick
// fixes, the annex 8 evaluation sheet, the roll-up put into the open
// workbook. (types.ts re-exports these; HostActions names the methods.)

import type { EditPlan, Finding, FindingCode, Fix, WorkbookAnalysis, WorkbookPlan } from '../core';

/**
 * A finding the user chose to fix, as the pane showed it: found again by
 * code, sheet and cell, and its fix compared with the one offered now.
 */
export interface ChosenFix {
  code: FindingCode;
  sheet: string;
  cell: string;
  /** The fix the pane showed (Finding.fix). */
  fix: Fix;
}

/**
 * Which fixes to apply: those of chosen findings (each as shown, safe or
 * needing a look), or every safe fix — with `includeReview` also those that
 * need a look — of the codes in `only` (all codes when absent).
 */
export type FixChoice = { findings: ChosenFix[] } | { all: true; includeReview?: boolean; only?: FindingCode[] };

export interface FixResult {
  /**
   * The analysis the fixes were taken from (read just before writing). Excel
   * recalculates the formulas the fixes write: to see the result, analyze()
   * again.
   */
  before: WorkbookAnalysis;
  /** The cells written (empty when there was nothing to fix). */
  plan: EditPlan;
  applied: Fix[];
  /** Fixes left for next time because another applied fix writes one of their cells. */
  deferred: Fix[];
  /** Cells whose contents changed. */
  changed: number;
}

export interface EvaluationResult {
  /** The evaluation sheet's name ("8-р хавсралт", or "8-р хавсралт (2)" beside a sheet of that name that is not the add-in's). */
  sheet: string;
  /** True when it was written over the one the add-in made before (its ratings kept; Revert brings the old one back). */
  replaced: boolean;
  /** The report table ("Sheet!A5") and the skills table it was built from. */
  reportTable: string;
  skillsTable: string | null;
  /** The report's percents filled in and the sheet's cells; writes held back and why. */
  plan: EditPlan;
  /** Report cells whose contents changed (the percents the sheet links to). */
  changed: number;
}

export interface RollupResult {
  /** The sheets added, in the plan's order (a name taken in this workbook gets " (2)", …). */
  sheets: string[];
  /** The filterable table's name, when the plan has one (a taken name gets "_2", …). */
  table: string | null;
}

export type { WorkbookPlan, Finding };
