// The page's worker in the single file (dist/unelgee.html; webpack.config.js
// puts this file in place of book-worker-start.ts): started from a blob: URL
// of the engine's script the page carries, so it works opened from disk
// (file://) as well as served. Where the browser refuses it, the page runs
// that same script itself: same answers, same progress, no error.

import { WorkerClient } from '../worker/client';
import { FallbackWorker } from '../worker/fallback';
import type { BookWorker } from './book-worker-start';
import { inlineEngine, workerSource } from './inline-engine';

export function startBookWorker(): BookWorker {
  let worker: FallbackWorker | null = null;
  const client = new WorkerClient(
    () =>
      (worker = new FallbackWorker({
        start: () => new Worker(URL.createObjectURL(new Blob([workerSource()], { type: 'text/javascript' }))),
        serveHere: async () => inlineEngine().serveBook,
      })),
  ).start();
  return { client, worker: worker! };
}
