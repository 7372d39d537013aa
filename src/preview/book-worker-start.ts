// The page's worker as the served page starts it: book.worker.ts, a chunk of
// its own beside the page (webpack gives its URL). Where the browser refuses
// it, the same handlers run on the page (book-handlers.ts, loaded only then):
// same answers, same progress, no error. The single file (dist/unelgee.html)
// starts it differently: book-worker-start.inline.ts takes this file's place
// there (webpack.config.js).

import { WorkerClient } from '../worker/client';
import { FallbackWorker } from '../worker/fallback';
import { serve } from '../worker/serve';

export interface BookWorker {
  client: WorkerClient;
  /** Where the work runs: the Web Worker, or the page (for devtools and the tests). */
  worker: FallbackWorker;
}

export function startBookWorker(): BookWorker {
  let worker: FallbackWorker | null = null;
  const client = new WorkerClient(
    () =>
      (worker = new FallbackWorker({
        start: () =>
          // @ts-expect-error import.meta: webpack resolves the worker's URL; tsc checks this file as CommonJS
          new Worker(/* webpackChunkName: "book-worker" */ new URL('./book.worker.ts', import.meta.url)),
        serveHere: async () => {
          const { bookHandlers } = await import(/* webpackChunkName: "book-local" */ './book-handlers');
          return (scope) => serve(scope, bookHandlers());
        },
      })),
  ).start();
  return { client, worker: worker! };
}
