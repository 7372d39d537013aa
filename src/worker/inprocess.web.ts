// The in-process engine for the web bundles (the build puts this file in
// place of inprocess.ts): the pane, the ribbon commands and the web page run
// the engine in a Web Worker, so their bundles must not carry it. Should no
// worker start (a policy forbidding workers, a webview without them), the
// engine comes as a script of its own (engine-local.[hash].js, local.entry.ts;
// loaded on demand from beside this one) and runs on the page.

import { EngineScript } from './engine-script';
import type { EngineClient } from './types';

interface EngineGlobal {
  unelgeeLocalEngine?: EngineClient;
}

let loading: Promise<EngineClient> | null = null;

function load(): Promise<EngineClient> {
  const scope = globalThis as unknown as EngineGlobal;
  if (scope.unelgeeLocalEngine) return Promise.resolve(scope.unelgeeLocalEngine);
  // @ts-expect-error import.meta: webpack resolves the script's URL (a worker syntax, webpack.config.js); tsc checks this file as CommonJS
  loading ??= new EngineScript(/* webpackChunkName: "engine-local" */ new URL('./local.entry.ts', import.meta.url)).loaded.then(
    () => {
      if (!scope.unelgeeLocalEngine) throw new Error('engine-local did not load the engine');
      return scope.unelgeeLocalEngine;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

export const inProcessEngine: EngineClient = {
  analyze: async (sheets, options, onProgress) => (await load()).analyze(sheets, options, onProgress),
  plan: async (sheets, options, onProgress) => (await load()).plan(sheets, options, onProgress),
  planEvaluation: async (sheets, options, onProgress) => (await load()).planEvaluation(sheets, options, onProgress),
  rollup: async (files, options, onProgress) => (await load()).rollup(files, options, onProgress),
  cycle: async (request, onProgress) => (await load()).cycle(request, onProgress),
};
