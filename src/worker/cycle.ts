// The year's cycle as the engine service answers it (EngineClient.cycle):
// the report form from a plan, next year's plan from a report, and a report
// held against its plan — whose .xlsx bytes the pane hands over and are
// read here, beside the engine, not on the page's thread.

import { analyzeAgainstPlan, planNextPlan, planReportForm, type AnalyzeOptions, type NextPlanOptions, type NextPlanOutcome, type PlanCheck, type ReportFormOptions, type ReportFormOutcome, type Sheet } from '../core';
import { readXlsx, visibleSheets } from '../xlsx';
import type { ProgressListener } from './progress';

export type CycleRequest =
  | { kind: 'report-form'; sheets: Sheet[]; options: ReportFormOptions }
  | { kind: 'next-plan'; sheets: Sheet[]; options: NextPlanOptions }
  /** The plan's file: its name (for messages) and its bytes. */
  | { kind: 'plan-check'; sheets: Sheet[]; plan: { name: string; bytes: Uint8Array }; options: AnalyzeOptions };

/** What each kind of request is answered with. */
export interface CycleAnswers {
  'report-form': ReportFormOutcome;
  'next-plan': NextPlanOutcome;
  'plan-check': PlanCheck;
}

export type CycleKind = CycleRequest['kind'];

/** Answers a cycle request on this thread (a worker's, or the page's when none starts). */
export function cycleInSteps<K extends CycleKind>(request: Extract<CycleRequest, { kind: K }>, onProgress?: ProgressListener): CycleAnswers[K] {
  const asked = request as CycleRequest;
  switch (asked.kind) {
    case 'report-form':
      onProgress?.({ stage: 'plan' });
      return planReportForm(asked.sheets, asked.options) as CycleAnswers[K];
    case 'next-plan':
      onProgress?.({ stage: 'plan' });
      return planNextPlan(asked.sheets, asked.options) as CycleAnswers[K];
    case 'plan-check': {
      onProgress?.({ stage: 'open', sheet: asked.plan.name });
      const planSheets = visibleSheets(readXlsx(asked.plan.bytes));
      onProgress?.({ stage: 'analyze' });
      return analyzeAgainstPlan(asked.sheets, planSheets, asked.options) as CycleAnswers[K];
    }
  }
}
