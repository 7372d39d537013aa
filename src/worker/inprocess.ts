// The engine on the calling thread, loaded on first use (a chunk of its own
// in the web bundles, so a page whose engine runs in a worker does not carry
// it): the Excel adapter's default engine.

import type { EngineClient } from './types';

const load = () => import(/* webpackChunkName: "engine" */ './local').then((m) => m.localEngine);

export const inProcessEngine: EngineClient = {
  analyze: async (sheets, options, onProgress) => (await load()).analyze(sheets, options, onProgress),
  plan: async (sheets, options, onProgress) => (await load()).plan(sheets, options, onProgress),
  planEvaluation: async (sheets, options, onProgress) => (await load()).planEvaluation(sheets, options, onProgress),
  rollup: async (files, options, onProgress) => (await load()).rollup(files, options, onProgress),
  cycle: async (request, onProgress) => (await load()).cycle(request, onProgress),
};
