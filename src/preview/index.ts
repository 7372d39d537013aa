// The web page (app.html): Үнэлгээ for every office, whatever Excel it has.
// This first script is small on purpose: it starts the Web Worker that reads
// workbooks and runs the engine, and fetches a sample asked for in the
// address and hands it to the worker, while the page's UI (page.tsx: React,
// Fluent UI, the pane) loads and draws — all at the same time.
//
//   app.html?sample=report-2025-h1-consulting-unit&lang=en
//
// `sample` opens a sample at once; `lang` stands for Office's display
// language (mn by default).

import type { FakeExcel } from '../in-memory-excel/excel';
import type { WorkerMode } from '../worker/fallback';
import type { OpenedBook } from './book';
import { startBookWorker } from './book-worker-start';
import { isSample, sampleBytes } from './sample';

declare global {
  interface Window {
    /** For people poking around in devtools, and for the end-to-end tests. */
    unelgeePreview?: { fake: FakeExcel; file: string; runs: number; opened: number };
    /** Where the engine runs: 'worker', or 'page' where the browser refused the worker (and why). */
    unelgeeWorker?: () => { mode: WorkerMode; why: string | null };
    /** Set as this script starts: the page's last script shows the "browser too old" line when it is missing. */
    unelgeeStarted?: boolean;
  }
}

window.unelgeeStarted = true;

performance.mark('unelgee:script');
const params = new URLSearchParams(location.search);
const started = startBookWorker();
const worker = started.client;
window.unelgeeWorker = () => ({ mode: started.worker.mode, why: started.worker.whyInPage });

const requested = params.get('sample');
const early = isSample(requested)
  ? {
      name: `${requested}.xlsx`,
      // Fetched and read now; a refusal is the page's to say (page.tsx), once it is drawn.
      opened: sampleBytes(requested).then((bytes) => {
        performance.mark('unelgee:bytes');
        return worker.call<OpenedBook>('open', { bytes }, undefined, [bytes.buffer]);
      }),
    }
  : null;
// Not unhandled in the meantime: page.tsx awaits it.
early?.opened.catch(() => undefined);

void import(/* webpackChunkName: "page" */ './page').then((page) => page.start({ worker, params, early }));
