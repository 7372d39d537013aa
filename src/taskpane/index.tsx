// The task pane page (taskpane.html): the engine's worker starts at once
// (its script loads while Office starts); once Office is ready, the pane
// renders in Office's display language (the workbook's saved choice, read
// by the pane, takes over from there). Only Excel.run stays on this thread.

import { globalEnv } from '../excel/env';
import { createExcelHost } from '../excel/host';
import { WorkerClient, workerEngine } from '../worker/client';
import { excelRollup } from './excel-rollup';
import { mountPane } from './mount';

const worker = new WorkerClient(
  () =>
    // @ts-expect-error import.meta: webpack resolves the worker's URL; tsc checks this file as CommonJS
    new Worker(/* webpackChunkName: "engine-worker" */ new URL('../worker/engine.worker.ts', import.meta.url)),
).start();

void Office.onReady(() => {
  const container = document.getElementById('container');
  if (!container) return;
  const engine = workerEngine(worker);
  const host = createExcelHost(globalEnv({ engine }));
  mountPane(container, { host, rollup: excelRollup(engine, host) });
});
