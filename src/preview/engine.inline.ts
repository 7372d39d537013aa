// The single file's engine script (webpack.config.js builds it on its own and
// carries it in dist/unelgee.html as `function unelgeeEngine(){…}`, see
// inline-engine.ts). Run in the page's worker, it serves the page's requests
// (book-handlers.ts) and says it listens; run on the page, where no worker
// starts, it leaves the same handlers and the in-process engine for the page.

import { localEngine } from '../worker/local';
import { announceReady } from '../worker/ready';
import { serve, type WorkerScope } from '../worker/serve';
import { bookHandlers } from './book-handlers';
import type { InlineEngine } from './inline-engine';

/** Only a worker has importScripts. */
const inWorker = typeof (globalThis as { importScripts?: unknown }).importScripts === 'function';

if (inWorker) {
  serve(self as unknown as WorkerScope, bookHandlers());
  announceReady(self as unknown as WorkerScope);
} else {
  const engine: InlineEngine = { serveBook: (scope) => serve(scope, bookHandlers()), localEngine };
  (globalThis as unknown as { unelgeeInlineEngine: InlineEngine }).unelgeeInlineEngine = engine;
}
