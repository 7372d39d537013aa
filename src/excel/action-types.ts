// What the pane hands the adapter's newer actions and gets back: quick
// fixes, the annex 8 evaluation sheet, the roll-up put into the open
// workbook. (types.ts re-exports these; HostActions names the methods.)

import type { EditPlan, Fix, SeverityCounts, WorkbookAnalysis } from '../core';

// The choice of fixes is the engine's (the web page's worker replays it on the file): re-exported for the adapter's callers.
export type { ChosenFix, FixChoice } from '../core';

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

export interface FindingsSheetResult {
  /** The findings sheet's name ("Алдаа, дутуу", or "Алдаа, дутуу (2)" beside a sheet of that name that is not the add-in's). */
  sheet: string;
  /** True when it was written over the one the add-in made before (Revert brings the old one back). */
  replaced: boolean;
  /** Findings listed. */
  listed: number;
  counts: SeverityCounts;
}

export interface RollupResult {
  /** The sheets added, in the plan's order (a name taken in this workbook gets " (2)", …). */
  sheets: string[];
  /** The filterable table's name, when the plan has one (a taken name gets "_2", …). */
  table: string | null;
}
