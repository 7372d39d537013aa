// The in-process engine for the web bundles (the build puts this file in
// place of inprocess.ts): the pane, the ribbon commands and the web page run
// the engine in a Web Worker, so their bundles must not carry it. Should no
// worker start (a policy forbidding workers, a webview without them), the
// engine comes as a script of its own, engine-local.js (a separate bundle,
// loaded from beside this one), and runs on the page.

import type { EngineClient } from './types';

declare const __webpack_public_path__: string;

interface EngineGlobal {
  unelgeeLocalEngine?: EngineClient;
}

let loading: Promise<EngineClient> | null = null;

function load(): Promise<EngineClient> {
  const g = globalThis as unknown as EngineGlobal;
  if (g.unelgeeLocalEngine) return Promise.resolve(g.unelgeeLocalEngine);
  loading ??= new Promise<EngineClient>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = `${__webpack_public_path__}engine-local.js`;
    script.onload = () => (g.unelgeeLocalEngine ? resolve(g.unelgeeLocalEngine) : reject(new Error('engine-local.js did not load the engine')));
    script.onerror = () => {
      loading = null;
      reject(new Error('engine-local.js could not be loaded'));
    };
    document.head.appendChild(script);
  });
  return loading;
}

export const inProcessEngine: EngineClient = {
  analyze: async (sheets, options, onProgress) => (await load()).analyze(sheets, options, onProgress),
  plan: async (sheets, options, onProgress) => (await load()).plan(sheets, options, onProgress),
  planEvaluation: async (sheets, options, onProgress) => (await load()).planEvaluation(sheets, options, onProgress),
  rollup: async (files, options, onProgress) => (await load()).rollup(files, options, onProgress),
  cycle: async (request, onProgress) => (await load()).cycle(request, onProgress),
};
