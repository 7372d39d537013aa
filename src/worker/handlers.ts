// The engine's requests, as a worker answers them.

import type { AnalyzeOptions, ComputeOptions, Sheet } from '../core';
import { analyzeInSteps, planInSteps } from './local';
import { rollupInSteps, type RollupFile, type RollupOptions } from './rollup';
import type { Handler } from './serve';

export const engineHandlers: Record<string, Handler> = {
  analyze: (r, onProgress) => analyzeInSteps(r.sheets as Sheet[], r.options as AnalyzeOptions, onProgress),
  plan: (r, onProgress) => planInSteps(r.sheets as Sheet[], r.options as ComputeOptions, onProgress),
  rollup: (r, onProgress) => rollupInSteps(r.files as RollupFile[], r.options as RollupOptions, onProgress),
};
