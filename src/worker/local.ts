// The engine in-process: the same calls a worker makes, on this thread. The
// default engine of the Excel adapter (tests, ribbon commands) and the code
// the workers run.

import { analyzeWorkbook, isOwnEvaluationSheet, planCompute, planEvaluationSheet, type AnalyzeOptions, type ComputeOptions, type ComputeOutcome, type EvaluationSheetOptions, type Sheet, type WorkbookAnalysis } from '../core';
import type { EngineClient, EvaluationPlanned, ProgressListener } from './types';
import { cycleInSteps } from './cycle';
import { rollupInSteps } from './rollup';

/** analyzeWorkbook(sheets, options), telling `onProgress` each sheet as the engine reaches it. */
export function analyzeInSteps(sheets: Sheet[], options: AnalyzeOptions, onProgress?: ProgressListener): WorkbookAnalysis {
  return analyzeWorkbook(sheets, withProgress(options, 'analyze', onProgress));
}

/** planCompute(sheets, options), telling `onProgress` each sheet as the engine reaches it. */
export function planInSteps(sheets: Sheet[], options: ComputeOptions, onProgress?: ProgressListener): ComputeOutcome {
  return planCompute(sheets, withProgress(options, 'plan', onProgress));
}

/** planEvaluationSheet(sheets, options), with the evaluation sheets among them the add-in made. */
export function planEvaluationInSteps(sheets: Sheet[], options: EvaluationSheetOptions, onProgress?: ProgressListener): EvaluationPlanned {
  onProgress?.({ stage: 'plan' });
  const outcome = planEvaluationSheet(sheets, options);
  return { ...outcome, ownSheets: sheets.filter((s) => isOwnEvaluationSheet(s, options.form)).map((s) => s.name) };
}

function withProgress<T extends AnalyzeOptions>(options: T, stage: 'analyze' | 'plan', onProgress?: ProgressListener): T {
  return onProgress ? { ...options, onSheet: (step) => onProgress({ stage, ...step }) } : options;
}

/** The engine on the calling thread (its promises settle after the work is done). */
export const localEngine: EngineClient = {
  analyze: async (sheets, options, onProgress) => analyzeInSteps(sheets, options, onProgress),
  plan: async (sheets, options, onProgress) => planInSteps(sheets, options, onProgress),
  planEvaluation: async (sheets, options, onProgress) => planEvaluationInSteps(sheets, options, onProgress),
  rollup: async (files, options, onProgress) => rollupInSteps(files, options, onProgress),
  cycle: async (request, onProgress) => cycleInSteps(request, onProgress),
};
