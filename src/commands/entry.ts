// The bundle commands.html loads: the ribbon commands (commands.ts), their
// engine in a Web Worker (src/worker) started only when a command runs —
// in-process if this webview cannot start one.

import { WorkerClient, workerEngine } from '../worker/client';
import { boot } from './commands';
import type { OfficeForCommands } from './report';

const engine = () =>
  workerEngine(
    new WorkerClient(
      () =>
        // @ts-expect-error import.meta: webpack resolves the worker's URL; tsc checks this file as CommonJS
        new Worker(/* webpackChunkName: "engine-worker" */ new URL('../worker/engine.worker.ts', import.meta.url)),
    ),
  );

if (typeof Office !== 'undefined' && typeof document !== 'undefined') boot(Office as unknown as OfficeForCommands, engine);
