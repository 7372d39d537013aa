// npm run bench:web: the web page (dist/web/app.html) in Chromium on
// generated reports of 1,000 and 20,000 items (bench/generate.ts): the time
// to read the file (until Validate can be clicked, and until the pane has
// read the sheet ahead), to Validate and to Compute, and the longest task
// the page's main thread ran meanwhile (the browser's long-task observer:
// anything over 50 ms is reported; a page that never runs one over 200 ms
// answers clicks and scrolling). Also: scrolling the 20,000-row sheet, the
// time until Validate can be clicked after the page's scripts arrive (a
// sample, a fresh browser each time), and the bundles' sizes gzipped.
// Headless Chromium draws without a GPU: paint and layout cost more here
// than in a desktop browser.
// Medians of BENCH_WEB_RUNS runs (3); figures are printed, never asserted;
// the last line is JSON.
//
// Builds (npm run build:dev) first when dist/web/app.html is missing.

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import type * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { generateReport } from '../bench/generate';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { staticServer, listen } = require('./app.js') as { staticServer(root?: string): http.Server; listen(s: http.Server, port: number): Promise<number> };

const ROOT = path.resolve(__dirname, '..', 'dist', 'web');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 3);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

declare global {
  interface Window {
    __longTasks: { start: number; duration: number }[];
  }
}

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
  });
}

const now = (page: Page) => page.evaluate(() => performance.now());
const longestSince = (page: Page, t: number) =>
  page.evaluate((since) => Math.round(Math.max(0, ...window.__longTasks.filter((l) => l.start + l.duration >= since).map((l) => l.duration))), t);
const validateEnabled = (page: Page) =>
  page.waitForFunction(
    () => {
      const b = document.querySelector('#pane button[data-action="validate"]') as HTMLButtonElement | null;
      return !!b && !b.disabled;
    },
    null,
    { polling: 10, timeout: 120_000 },
  );
const settled = (page: Page) => page.waitForFunction(() => !!document.querySelector('#pane main[data-ready="true"]'), null, { polling: 10, timeout: 120_000 });

interface Run {
  usableMs: number;
  readAheadMs: number;
  validateMs: number;
  readAndValidateMs: number;
  longestTaskReadAndValidateMs: number;
  computeMs: number;
  longestTaskComputeMs: number;
  scrollLongestTaskMs: number;
  scrollFps: number;
}

async function once(browser: Browser, origin: string, file: string, items: number): Promise<Run> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  await observeLongTasks(page);
  await page.goto(`${origin}/app.html`);
  await page.locator('input[type="file"]').waitFor({ state: 'attached' });
  await page.waitForTimeout(300);
  const t0 = await now(page);
  await page.locator('input[type="file"]').setInputFiles(file);
  await validateEnabled(page);
  const usable = await now(page);
  await settled(page);
  const ahead = await now(page);
  await page.click('#pane button[data-action="validate"]');
  await page.locator('#pane [data-intent]').waitFor({ timeout: 120_000 });
  await settled(page);
  const validated = await now(page);
  const longestRead = await longestSince(page, t0);

  // Scrolling the sheet: as a hand does (100 px a frame, 300 frames), then from top to bottom in jumps of five screens a frame.
  const s0 = await now(page);
  const fps = await page.evaluate(async () => {
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
    return Math.round(rate);
  });
  const scrollLongest = await longestSince(page, s0);

  const c0 = await now(page);
  await page.click('#pane button[data-action="compute"]');
  await page.locator('#pane [data-intent="success"], #pane [data-intent="info"]').filter({ hasText: /Оноо тооцлоо|Өөрчлөх/ }).waitFor({ timeout: 120_000 });
  await settled(page);
  const computed = await now(page);
  const longestCompute = await longestSince(page, c0);
  await page.close();
  void items;
  return {
    usableMs: Math.round(usable - t0),
    readAheadMs: Math.round(ahead - t0),
    validateMs: Math.round(validated - ahead),
    readAndValidateMs: Math.round(validated - t0),
    longestTaskReadAndValidateMs: longestRead,
    computeMs: Math.round(computed - c0),
    longestTaskComputeMs: longestCompute,
    scrollLongestTaskMs: scrollLongest,
    scrollFps: fps,
  };
}

/** A sample, in a fresh browser: how long after the page's scripts arrive Validate can be clicked. */
async function timeToUsable(origin: string): Promise<{ fromAppJsMs: number; fromDomContentLoadedMs: number; fromNavigationMs: number }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(`${origin}/app.html?sample=report-2024-aimag-admin-dept`);
    await validateEnabled(page);
    return await page.evaluate(() => {
      const t = performance.now();
      const app = performance.getEntriesByType('resource').find((e) => /\/app\.[0-9a-f]+\.js$/.test(e.name)) as PerformanceResourceTiming;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { fromAppJsMs: Math.round(t - app.responseEnd), fromDomContentLoadedMs: Math.round(t - nav.domContentLoadedEventEnd), fromNavigationMs: Math.round(t) };
    });
  } finally {
    await browser.close();
  }
}

function bundles(): Record<string, { bytes: number; gzip: number }> {
  const out: Record<string, { bytes: number; gzip: number }> = {};
  for (const f of fs.readdirSync(ROOT).filter((x) => x.endsWith('.js')).sort()) {
    const data = fs.readFileSync(path.join(ROOT, f));
    out[f.replace(/\.[0-9a-f]{8}\.js$/, '.js')] = { bytes: data.length, gzip: gzipSync(data, { level: 9 }).length };
  }
  return out;
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
      for (const items of [1000, 20000]) {
        const file = path.join(tmp, `report-${items}.xlsx`);
        fs.writeFileSync(file, new Uint8Array((await generateReport({ items, groups: items / 100 }).xlsx.writeBuffer()) as ArrayBuffer));
        await once(browser, origin, file, items); // warm-up, not counted
        const runs: Run[] = [];
        for (let i = 0; i < RUNS; i++) runs.push(await once(browser, origin, file, items));
        const row: Record<string, number> = { items, fileBytes: fs.statSync(file).size };
        for (const k of Object.keys(runs[0]) as (keyof Run)[]) row[k] = median(runs.map((r) => r[k]));
        // The longest task over every run, not only the median one.
        row.worstLongestTaskReadAndValidateMs = Math.max(...runs.map((r) => r.longestTaskReadAndValidateMs));
        results[`items${items}`] = row;
        console.log(
          `${String(items).padStart(6)} items: usable ${row.usableMs} ms, read ahead ${row.readAheadMs} ms, validate ${row.validateMs} ms ` +
            `(read + validate ${row.readAndValidateMs} ms), longest main-thread task ${row.longestTaskReadAndValidateMs} ms ` +
            `(worst ${row.worstLongestTaskReadAndValidateMs}); scrolling ${row.scrollFps} frames/s, longest task ${row.scrollLongestTaskMs} ms; ` +
            `compute ${row.computeMs} ms, longest task ${row.longestTaskComputeMs} ms`,
        );
      }
    } finally {
      await browser.close();
    }
    const usable: ReturnType<typeof timeToUsable> extends Promise<infer T> ? T[] : never = [];
    for (let i = 0; i < RUNS; i++) usable.push(await timeToUsable(origin));
    const firstLoad = {
      fromAppJsMs: median(usable.map((u) => u.fromAppJsMs)),
      fromDomContentLoadedMs: median(usable.map((u) => u.fromDomContentLoadedMs)),
      fromNavigationMs: median(usable.map((u) => u.fromNavigationMs)),
    };
    console.log(`sample, fresh browser: Validate usable ${firstLoad.fromAppJsMs} ms after app.js arrived (${firstLoad.fromDomContentLoadedMs} ms after DOMContentLoaded, ${firstLoad.fromNavigationMs} ms after navigation)`);
    const sizes = bundles();
    const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
    const page = ['app.js', 'page.js', 'book-worker.js'].reduce((n, f) => n + (sizes[f]?.gzip ?? 0), 0);
    const pane = ['taskpane.js', 'engine-worker.js'].reduce((n, f) => n + (sizes[f]?.gzip ?? 0), 0);
    console.log(`bundles, gzipped: ${Object.entries(sizes).map(([f, s]) => `${f} ${kb(s.gzip)}`).join(', ')}`);
    console.log(`first load, gzipped: the web page ${kb(page)} (+ panels ${kb(sizes['panels.js']?.gzip ?? 0)} as the pane starts); the Excel pane ${kb(pane)} (+ panels), besides office.js`);
    console.log(JSON.stringify({ bench: 'web', runs: RUNS, cpus: os.cpus().length, ...results, firstLoad, bundles: sizes }));
  } finally {
    server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
