// The engine's requests, as a worker answers them.

import type { AnalyzeOptions, ComputeOptions, EvaluationSheetOptions, Sheet } from '../core';
import { cycleInSteps, type CycleRequest } from './cycle';
import { analyzeInSteps, planEvaluationInSteps, planInSteps } from './local';
import { rollupInSteps, type RollupFile, type RollupOptions } from './rollup';
import type { Handler } from './serve';

export const engineHandlers: Record<string, Handler> = {
  analyze: (r, onProgress) => analyzeInSteps(r.sheets as Sheet[], r.options as AnalyzeOptions, onProgress),
  plan: (r, onProgress) => planInSteps(r.sheets as Sheet[], r.options as ComputeOptions, onProgress),
  planEvaluation: (r, onProgress) => planEvaluationInSteps(r.sheets as Sheet[], r.options as EvaluationSheetOptions, onProgress),
  rollup: (r, onProgress) => rollupInSteps(r.files as RollupFile[], r.options as RollupOptions, onProgress),
  cycle: (r, onProgress) => cycleInSteps(r.request as CycleRequest, onProgress),
};
