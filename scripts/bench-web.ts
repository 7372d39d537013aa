// npm run bench:web: the web page (dist/web/app.html) in Chromium on
// generated reports of 1,000 and 20,000 items (bench/generate.ts), every
// action a user takes, one after another as a user would: open the file,
// Validate, scroll the sheet, Fix all, Compute, the evaluation sheet,
// switch between the sheets, Download (the steps replayed in the worker),
// Revert (each step back), the roll-up of the file and the three samples.
// For each: how long it took and the longest task the page's main thread
// ran meanwhile (the browser's long-task observer reports each over 50 ms;
// the goal is none over 100 ms). Also: the time until Validate can be
// clicked after the page's scripts arrive (a sample, a fresh browser each
// time), and the bytes on the wire of the first load and of the worker, as
// `npm run app` (scripts/app.js) sends them to a browser that accepts
// brotli. Headless Chromium draws without a GPU: paint and layout cost
// more here than in a desktop browser.
//
// Medians of BENCH_WEB_RUNS runs (3); the longest task also as the worst
// of the runs; figures are printed, never asserted; the last line is JSON.
// BENCH_WEB_SIZES=1000 measures one size only.
// BENCH_WEB_PROFILE=<action> (e.g. evaluation) records a CPU profile of the
// page's main thread during that action of the last run at each size and
// prints where its time went (the file is kept in the temporary folder);
// BENCH_WEB_TRACE=<action> records a Chromium trace instead and prints what
// the longest tasks of the main thread were made of (script, style, layout,
// paint). BENCH_WEB_DIST=<folder> serves another build (an unminified one,
// `webpack --mode development --output-path …`, names its functions).
//
// Builds (npm run build:dev) first when dist/web/app.html is missing.

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import type * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { generateReport } from '../bench/generate';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { staticServer, listen } = require('./app.js') as { staticServer(root?: string): http.Server; listen(s: http.Server, port: number): Promise<number> };

const ROOT = process.env.BENCH_WEB_DIST ?? path.resolve(__dirname, '..', 'dist', 'web');
const FIXTURES = path.resolve(__dirname, '..', 'test', 'fixtures');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 3);
const PROFILE = process.env.BENCH_WEB_PROFILE ?? '';
const TRACE = process.env.BENCH_WEB_TRACE ?? '';
const SIZES = (process.env.BENCH_WEB_SIZES ?? '1000,20000').split(',').map(Number);
const GOAL_MS = 100;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

declare global {
  interface Window {
    __longTasks: { start: number; duration: number }[];
    /** How many times the pane went busy (its main's data-ready turned "false"). */
    __busy: number;
  }
}

const ACTIONS = ['open', 'validate', 'scroll', 'fixAll', 'compute', 'evaluation', 'switchSheets', 'download', 'revert', 'rollup'] as const;
type Action = (typeof ACTIONS)[number];
interface Timed {
  ms: number;
  longestTaskMs: number;
}
type Run = Record<Action, Timed> & { usableMs: number; scrollFps: number };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : Math.round((s[m - 1] + s[m]) / 2);
};

/** Every long task of the page's main thread from now on (PerformanceObserver 'longtask'). */
async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    window.__busy = 0;
    new MutationObserver((changes) => {
      for (const c of changes) if ((c.target as Element).getAttribute('data-ready') === 'false') window.__busy++;
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
  });
}

const now = (page: Page) => page.evaluate(() => performance.now());
const longestSince = (page: Page, t: number) =>
  page.evaluate((since) => Math.round(Math.max(0, ...window.__longTasks.filter((l) => l.start + l.duration >= since).map((l) => l.duration))), t);
const waitFor = (page: Page, f: () => boolean) => page.waitForFunction(f, null, { polling: 10, timeout: 300_000 });
const validateEnabled = (page: Page) =>
  waitFor(page, () => {
    const b = document.querySelector('#pane button[data-action="validate"]') as HTMLButtonElement | null;
    return !!b && !b.disabled;
  });
const settled = (page: Page) => waitFor(page, () => !!document.querySelector('#pane main[data-ready="true"]'));
const busyCount = (page: Page) => page.evaluate(() => window.__busy);
/** The pane went busy after `act` (it had been busy `before` times) and is settled again. */
async function done(page: Page, before: number): Promise<void> {
  await page.waitForFunction((n) => window.__busy > n && !!document.querySelector('#pane main[data-ready="true"]'), before, { polling: 10, timeout: 300_000 });
}
/** Clicks, then waits for the action it starts to end. */
async function clickAndWait(page: Page, click: () => Promise<unknown>): Promise<void> {
  const before = await busyCount(page);
  await click();
  await done(page, before);
}
const paneButton = (page: Page, action: string) => page.locator(`#pane [data-action="${action}"]`).first();

/** Times one action: from just before `act` until `until` resolves, and the longest main-thread task meanwhile (a CPU profile of it when asked). */
async function timed(page: Page, action: Action, act: () => Promise<unknown>, profile: CDPSession | null): Promise<Timed> {
  const t0 = await now(page);
  const tracing = profile && TRACE === action;
  if (profile && PROFILE === action) await profile.send('Profiler.start');
  if (tracing) await page.context().browser()!.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await act();
  const ms = Math.round((await now(page)) - t0);
  if (profile && PROFILE === action) {
    const { profile: cpu } = await profile.send('Profiler.stop');
    printProfile(action, cpu as CpuProfile);
  }
  if (tracing) {
    const raw = (await page.context().browser()!.stopTracing()).toString();
    const file = path.join(os.tmpdir(), `unelgee-bench-web-${action}-${Date.now()}.trace.json`);
    fs.writeFileSync(file, raw);
    console.log(`trace of ${action} written to ${file}`);
    printTrace(action, JSON.parse(raw) as { traceEvents: TraceEvent[] });
  }
  return { ms, longestTaskMs: await longestSince(page, t0) };
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string; data?: { functionName?: string; url?: string; lineNumber?: number } };
}

/** The tasks of the page's main thread over 50 ms during a traced action: what each was made of (its events by name, longest first). */
function printTrace(action: string, trace: { traceEvents: TraceEvent[] }): void {
  // The renderers' main threads (a worker's tasks are not the page's).
  const mains = new Set(trace.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const events = trace.traceEvents.filter((e) => e.ph === 'X' && e.dur !== undefined && mains.has(`${e.pid}:${e.tid}`));
  const main = events.find((e) => e.name === 'RunTask' && e.dur! > 50_000);
  if (!main) {
    console.log(`trace of ${action}: no task over 50 ms`);
    return;
  }
  const thread = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const tasks = thread.filter((e) => e.name === 'RunTask' && e.dur! > 50_000).sort((a, b) => b.dur! - a.dur!).slice(0, 5);
  console.log(`trace of ${action}: the longest tasks of the page's main thread`);
  for (const t of tasks) {
    const inside = thread.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur!);
    const byName = new Map<string, number>();
    for (const e of inside) {
      const f = e.args?.data;
      const key = e.name === 'FunctionCall' && f ? `FunctionCall ${f.functionName || '(anonymous)'} ${(f.url ?? '').split('/').pop()}:${f.lineNumber ?? ''}` : e.name;
      byName.set(key, (byName.get(key) ?? 0) + e.dur! / 1000);
    }
    const parts = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${v.toFixed(0)} ms`);
    console.log(`  ${(t.dur! / 1000).toFixed(0)} ms: ${parts.join('; ')}`);
  }
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a profiled action's time went: the functions with the most time of their own. */
function printProfile(action: string, cpu: CpuProfile): void {
  const file = path.join(os.tmpdir(), `unelgee-bench-web-${action}-${Date.now()}.cpuprofile`);
  fs.writeFileSync(file, JSON.stringify(cpu));
  const byId = new Map(cpu.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  cpu.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + cpu.timeDeltas[i] / 1000);
  });
  console.log(`profile of ${action} (${file}); most time of their own:`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${v.toFixed(0).padStart(6)} ms  ${k}`);
}

/** Scrolling the sheet: as a hand does (100 px a frame, 300 frames), then from top to bottom in jumps of five screens a frame; frames per second of the first. */
const scroll = (page: Page) =>
  page.evaluate(async () => {
    const grid = document.querySelector('#page [role="grid"]') as HTMLElement;
    const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
    const t = performance.now();
    for (let k = 0; k < 300; k++) {
      grid.scrollTop += 100;
      await frame();
    }
    const rate = 300 / ((performance.now() - t) / 1000);
    for (let y = 0; y < grid.scrollHeight; y += grid.clientHeight * 5) {
      grid.scrollTop = y;
      await frame();
    }
    grid.scrollTop = 0;
    return Math.round(rate);
  });

/** Clicks each sheet's tab, then the first again, waiting for each to be drawn. */
async function switchSheets(page: Page): Promise<void> {
  const names = await page.locator('#page [data-sheet-tab]').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('data-sheet-tab') ?? ''));
  for (const name of [...names.slice(1), names[0]]) {
    await page.locator(`#page [data-sheet-tab="${name.replace(/"/g, '\\"')}"]`).click();
    await page.locator(`#page [data-sheet-tab="${name.replace(/"/g, '\\"')}"][aria-selected="true"]`).waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(() => resolve(true))));
  }
}

async function once(browser: Browser, origin: string, file: string, profiled: boolean): Promise<Run> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 }, acceptDownloads: true });
  const cdp = profiled && (PROFILE || TRACE) ? await page.context().newCDPSession(page) : null;
  if (cdp) await cdp.send('Profiler.enable');
  await observeLongTasks(page);
  await page.goto(`${origin}/app.html`);
  await page.locator('[data-testid="file-input"]').waitFor({ state: 'attached' });
  await page.waitForTimeout(300);
  const run = {} as Run;
  const t0 = await now(page);
  run.open = await timed(
    page,
    'open',
    async () => {
      await page.locator('[data-testid="file-input"]').setInputFiles(file);
      await validateEnabled(page);
      run.usableMs = Math.round((await now(page)) - t0);
      await settled(page);
    },
    cdp,
  );
  run.validate = await timed(page, 'validate', () => clickAndWait(page, () => paneButton(page, 'validate').click()), cdp);
  run.scroll = await timed(page, 'scroll', async () => (run.scrollFps = await scroll(page)), cdp);
  run.fixAll = await timed(page, 'fixAll', () => clickAndWait(page, () => paneButton(page, 'fix-all').click()), cdp);
  run.compute = await timed(page, 'compute', () => clickAndWait(page, () => paneButton(page, 'compute').click()), cdp);
  await paneButton(page, 'more').click();
  run.evaluation = await timed(page, 'evaluation', () => clickAndWait(page, () => page.locator('[role="menuitem"][data-action="evaluation"]').click()), cdp);
  run.switchSheets = await timed(page, 'switchSheets', () => switchSheets(page), cdp);
  run.download = await timed(page, 'download', async () => {
    await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), paneButton(page, 'download').click()]);
    await settled(page);
  }, cdp);
  // Revert, step by step: the evaluation sheet, Compute, Fix all; the longest of the three.
  const reverts: Timed[] = [];
  for (let k = 0; k < 3; k++) {
    reverts.push(
      await timed(page, 'revert', () => clickAndWait(page, () => paneButton(page, 'revert').click()), cdp),
    );
  }
  run.revert = { ms: Math.max(...reverts.map((r) => r.ms)), longestTaskMs: Math.max(...reverts.map((r) => r.longestTaskMs)) };
  const samples = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(FIXTURES, f));
  run.rollup = await timed(page, 'rollup', () =>
    // The roll-up opens in the sheet view (its own Download saves it): timed until the pane is settled with it shown.
    clickAndWait(page, () => page.locator('#pane [data-testid="rollup-files"]').setInputFiles([file, ...samples])),
  cdp);
  await page.close();
  return run;
}

/** A sample, in a fresh browser: how long after the page's scripts arrive Validate can be clicked, and what came over the wire. */
async function firstLoad(origin: string): Promise<{ fromAppJsMs: number; fromNavigationMs: number; wire: Record<string, { transferred: number; decoded: number }> }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(`${origin}/app.html?sample=report-2024-aimag-admin-dept`);
    await validateEnabled(page);
    await settled(page);
    return await page.evaluate(() => {
      const t = performance.now();
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const app = resources.find((e) => /\/app(\.[0-9a-f]+)?\.js$/.test(e.name))!;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const wire: Record<string, { transferred: number; decoded: number }> = {
        'app.html': { transferred: nav.transferSize, decoded: nav.decodedBodySize },
      };
      for (const r of resources) {
        const name = new URL(r.name).pathname.slice(1).replace(/\.[0-9a-f]+\.js$/, '.js');
        wire[name] = { transferred: r.transferSize, decoded: r.decodedBodySize };
      }
      return { fromAppJsMs: Math.round(t - app.responseEnd), fromNavigationMs: Math.round(t), wire };
    });
  } finally {
    await browser.close();
  }
}

/** The runs of one size: each action's median time and longest task (median and worst). */
function summarise(items: number, fileBytes: number, runs: Run[]) {
  const row: Record<string, number> = { items, fileBytes, usableMs: median(runs.map((r) => r.usableMs)), scrollFps: median(runs.map((r) => r.scrollFps)) };
  for (const a of ACTIONS) {
    row[`${a}Ms`] = median(runs.map((r) => r[a].ms));
    row[`${a}LongestTaskMs`] = median(runs.map((r) => r[a].longestTaskMs));
    row[`${a}WorstTaskMs`] = Math.max(...runs.map((r) => r[a].longestTaskMs));
  }
  return row;
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, 'app.html'))) {
    console.log('dist/web/app.html is missing: building (npm run build:dev)…');
    const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build:dev', '--silent'], { stdio: 'inherit', cwd: path.resolve(__dirname, '..') });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'unelgee-bench-web-'));
  const server = staticServer(ROOT);
  const origin = `http://127.0.0.1:${await listen(server, 0)}`;
  const results: Record<string, Record<string, number>> = {};
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      for (const items of SIZES) {
        const file = path.join(tmp, `report-${items}.xlsx`);
        fs.writeFileSync(file, new Uint8Array((await generateReport({ items, groups: items / 100 }).xlsx.writeBuffer()) as ArrayBuffer));
        await once(browser, origin, file, false); // warm-up, not counted
        const runs: Run[] = [];
        for (let i = 0; i < RUNS; i++) runs.push(await once(browser, origin, file, i === RUNS - 1));
        const row = summarise(items, fs.statSync(file).size, runs);
        results[`items${items}`] = row;
        console.log(`${String(items).padStart(6)} items (usable ${row.usableMs} ms after the file was given; scrolling ${row.scrollFps} frames/s):`);
        for (const a of ACTIONS) {
          const worst = row[`${a}WorstTaskMs`];
          console.log(`    ${a.padEnd(13)} ${String(row[`${a}Ms`]).padStart(6)} ms, longest main-thread task ${row[`${a}LongestTaskMs`]} ms (worst of ${RUNS}: ${worst})${worst > GOAL_MS ? `  ← over ${GOAL_MS} ms` : ''}`);
        }
      }
    } finally {
      await browser.close();
    }
    const loads = [];
    for (let i = 0; i < RUNS; i++) loads.push(await firstLoad(origin));
    const wire = loads[0].wire;
    const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
    const pageFiles = Object.keys(wire).filter((f) => !/worker/.test(f) && !/^samples\//.test(f));
    const workerFiles = Object.keys(wire).filter((f) => /worker/.test(f));
    const sum = (files: string[], k: 'transferred' | 'decoded') => files.reduce((n, f) => n + wire[f][k], 0);
    const first = { fromAppJsMs: median(loads.map((l) => l.fromAppJsMs)), fromNavigationMs: median(loads.map((l) => l.fromNavigationMs)), wire };
    console.log(`sample, fresh browser: Validate usable ${first.fromAppJsMs} ms after app.js arrived (${first.fromNavigationMs} ms after navigation)`);
    console.log(`first load on the wire (npm run app, a browser accepting brotli): the page ${kb(sum(pageFiles, 'transferred'))} (${kb(sum(pageFiles, 'decoded'))} unpacked: ${pageFiles.join(', ')}); its worker ${kb(sum(workerFiles, 'transferred'))} (${kb(sum(workerFiles, 'decoded'))} unpacked) — goal ≤ 300 kB`);
    const over = Object.entries(results).flatMap(([size, row]) => ACTIONS.filter((a) => row[`${a}WorstTaskMs`] > GOAL_MS).map((a) => `${a} at ${size.slice(5)} items (${row[`${a}WorstTaskMs`]} ms)`));
    console.log(`issue 22's figures: no main-thread task over ${GOAL_MS} ms — ${over.length === 0 ? 'holds for every action' : `does not hold for ${over.join(', ')}`}`);
    console.log(JSON.stringify({ bench: 'web', runs: RUNS, cpus: os.cpus().length, loadAverage: Math.round(os.loadavg()[0] * 100) / 100, ...results, firstLoad: first, pageBytesOnWire: sum(pageFiles, 'transferred'), workerBytesOnWire: sum(workerFiles, 'transferred') }));
  } finally {
    server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
