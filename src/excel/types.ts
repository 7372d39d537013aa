// The contract between the task pane / ribbon commands and the Excel adapter.
// The pane's components receive an object of this shape as props, so they can
// be tested with a stub and previewed against the fake Excel.

import type { ColumnOverride, EditPlan, Lang, Localized, Profile, WorkbookAnalysis, WorkbookPlan } from '../core';
import type { Progress, ProgressListener } from '../worker/types';
import type { EvaluationResult, FindingsSheetResult, FixChoice, FixResult, RollupResult } from './action-types';
import type { NextPlanResult, PlanCheckResult, ReportFormResult } from './cycle-types';

/** What a Revert step undoes: the action that recorded it. */
export type ActionKind = 'validate' | 'compute' | 'clear-marks' | 'fix' | 'evaluation' | 'rollup' | 'report-form' | 'next-plan' | 'findings';

export type { Progress, ProgressListener };
export type { ChosenFix, EvaluationResult, FindingsSheetResult, FixChoice, FixResult, RollupResult } from './action-types';
export type { NextPlanResult, PlanCheckResult, ReportFormResult } from './cycle-types';

export type Scope = 'sheet' | 'workbook';
/** The languages of the pane and the sheets (the engine's). */
export type { Lang };

/** What the user chose in the pane; remembered with the workbook (document settings). */
export interface AddinSettings {
  /** Id of the base profile (one of the engine's PROFILES). */
  profileId: string;
  /** The user's edits on top of that profile (scale, snapping, weights, bands), if any. */
  profile?: Profile;
  scope: Scope;
  lang: Lang;
  overrides: ColumnOverride[];
}

export interface ValidateResult {
  analysis: WorkbookAnalysis;
  /** Cells marked with a fill and a note. */
  marked: number;
}

export interface ComputeResult {
  analysis: WorkbookAnalysis;
  plan: EditPlan;
  /** Cells whose contents changed (0 when the workbook was already computed). */
  changed: number;
}

/** An action Revert can undo: what it was and when. */
export interface RevertibleAction {
  kind: ActionKind;
  /** ISO time the action was recorded. */
  at: string;
  /** Sheets whose cells it changed. */
  sheets: string[];
  /** The summary sheet it added or replaced, if any (Compute). */
  summary?: string;
}

export interface RevertResult {
  /** The action undone. */
  undone?: RevertibleAction;
  /** Cells restored to their earlier contents. */
  restored: number;
  /** Sheets the add-in had added and Revert removed. */
  removedSheets: string[];
  /**
   * Cells ("Sheet!H12") the user changed after the action: Revert left them
   * as the user made them (restoring them would lose that edit).
   */
  keptCells: string[];
}

/** What this Excel can do, for the pane to tell the user. */
export interface Capabilities {
  /** The highest ExcelApi requirement set this Excel supports ("1.17"), null when it supports none. */
  apiVersion: string | null;
  /** The set the add-in needs (the manifest's minimum). */
  requiredApi: string;
  /** Whether apiVersion is at least requiredApi: below it the add-in cannot read or write tables. */
  apiSufficient: boolean;
  /** Cell notes (ExcelApi 1.18): without them Validate marks with fills only and the findings stay in the pane. */
  notes: boolean;
}

/** Everything the pane and the ribbon can ask of the workbook. */
export interface HostActions {
  /** The user's choices; `fresh`: read again from the document first (the ribbon: the pane may have saved since). */
  loadSettings(options?: { fresh?: boolean }): Promise<AddinSettings>;
  saveSettings(settings: AddinSettings): Promise<void>;
  /** Reads and analyses without changing anything (to show tables and scores). */
  analyze(settings: AddinSettings): Promise<WorkbookAnalysis>;
  /** Analyses, replaces earlier marks with marks for these findings. */
  validate(settings: AddinSettings): Promise<ValidateResult>;
  /** Applies the engine's edit plan (keeping what it overwrites for Revert). */
  compute(settings: AddinSettings): Promise<ComputeResult>;
  /**
   * Applies quick fixes (the chosen findings' or every safe one), after
   * reading and analysing the scope again: a chosen finding that is gone or
   * whose fix changed refuses the whole call (nothing written). One Revert
   * step, like Compute.
   */
  applyFixes(settings: AddinSettings, choice: FixChoice): Promise<FixResult>;
  /**
   * Adds the annex 8 evaluation sheet built from the workbook's report (or
   * rewrites the one it made before, keeping the ratings typed in it), and
   * fills the report's missing percents it links to. One Revert step.
   */
  createEvaluationSheet(settings: AddinSettings): Promise<EvaluationResult>;
  /** Adds the report form made from the workbook's plan (or a report, its results left out) as a new sheet. One Revert step removes it. */
  createReportForm(settings: AddinSettings, options?: { period?: string }): Promise<ReportFormResult>;
  /** Adds next year's plan made from the workbook's report as a new sheet. One Revert step removes it. */
  createNextPlan(settings: AddinSettings, options?: { year?: number }): Promise<NextPlanResult>;
  /** Validate with the scope held against a plan file (its bytes): the report's findings and what copying it lost or changed, marked. */
  checkAgainstPlan(settings: AddinSettings, plan: { name: string; bytes: Uint8Array }): Promise<PlanCheckResult>;
  /**
   * Adds the findings sheet ("Алдаа, дутуу": every finding with a link to its
   * cell, the totals), as `unelgee check` writes it, or rewrites the one it
   * made before. One Revert step.
   */
  createFindingsSheet(settings: AddinSettings): Promise<FindingsSheetResult>;
  /** Adds the roll-up's sheets (planRollup's workbook) to this workbook under free names. One Revert step removes them. */
  insertRollup(plan: WorkbookPlan): Promise<RollupResult>;
  /** Removes the add-in's marks; returns how many cells were cleared. */
  clearMarks(): Promise<number>;
  /** Restores what the last Compute (or Validate marks) changed. */
  revert(): Promise<RevertResult>;
  canRevert(): Promise<boolean>;
  /** What Revert would undo now (the newest recorded action), or null. */
  nextRevert(): Promise<RevertibleAction | null>;
  /** Hears the stages of each action as they start (reading, analysing sheet by sheet, marking, writing); returns the function that stops listening. */
  onProgress(listener: ProgressListener): () => void;
  /** Selects a cell (a finding's) in Excel. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** The Excel API level found and what it allows (no workbook access, no sync). */
  capabilities(): Promise<Capabilities>;
  /**
   * This workbook's id (kept in its settings), which the ribbon's outcomes and
   * the pane's heartbeat carry, so a pane hears only its own workbook. Null
   * where there is no document to keep one in (the web page).
   */
  documentId?(): Promise<string | null>;
}

/** A problem the user must hear about in their language (protected sheet, no table…). */
export class AddinError extends Error {
  readonly code: string;
  readonly text: Localized;
  constructor(code: string, text: Localized) {
    super(text.en);
    this.name = 'AddinError';
    this.code = code;
    this.text = text;
  }
}
