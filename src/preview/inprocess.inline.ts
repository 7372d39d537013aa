// The in-process engine in the single file (webpack.config.js puts this file
// in place of src/worker/inprocess.ts there): the engine script the page
// carries (inline-engine.ts), run on the page — should the worker stop
// after it started.

import type { EngineClient } from '../worker/types';
import { inlineEngine } from './inline-engine';

export const inProcessEngine: EngineClient = {
  analyze: async (sheets, options, onProgress) => inlineEngine().localEngine.analyze(sheets, options, onProgress),
  plan: async (sheets, options, onProgress) => inlineEngine().localEngine.plan(sheets, options, onProgress),
  planEvaluation: async (sheets, options, onProgress) => inlineEngine().localEngine.planEvaluation(sheets, options, onProgress),
  rollup: async (files, options, onProgress) => inlineEngine().localEngine.rollup(files, options, onProgress),
  cycle: async (request, onProgress) => inlineEngine().localEngine.cycle(request, onProgress),
};
