// The built web page (dist/web, from `npm run build:dev`) served as `npm run
// app` serves it and opened in Debian's Chromium, for the end-to-end tests
// of the roll-up on the page, its accessibility and its messages
// (test/e2e/rollup.test.ts, accessibility.test.ts, narrow.test.ts). A small
// copy of test/e2e/page.test.ts's set-up: every request off the origin is
// refused and noted, page errors are noted, screenshots go to
// test-results/e2e-*.png. And axe-core, run in the page.

import * as fs from 'fs';
import type * as http from 'http';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { staticServer, listen } = require('../../scripts/app.js') as {
  staticServer(root?: string): http.Server;
  listen(server: http.Server, port: number): Promise<number>;
};

const ROOT = path.resolve(__dirname, '..', '..', 'dist', 'web');
const RESULTS = path.resolve(__dirname, '..', '..', 'test-results');
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface PageRig {
  origin: string;
  browser: Browser;
  /** Requests that tried to leave the page's origin (refused). */
  outside: string[];
  pageErrors: string[];
  /** A new page of this width (and height), watched, its timeouts long enough for a busy machine. */
  open(width: number, height?: number): Promise<Page>;
  /** A screenshot in test-results/e2e-NAME.png; its path. */
  shot(page: Page, name: string, fullPage?: boolean): Promise<string>;
  close(): Promise<void>;
}

export async function startPage(): Promise<PageRig> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: the end-to-end tests drive Debian's Chromium (apt-get install chromium).`);
  if (!fs.existsSync(path.join(ROOT, 'app.html'))) throw new Error('dist/web/app.html is missing: run `npm run build:dev` first (`npm test` runs it before jest).');
  fs.mkdirSync(RESULTS, { recursive: true });
  const server = staticServer(ROOT);
  const origin = `http://127.0.0.1:${await listen(server, 0)}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const outside: string[] = [];
  const pageErrors: string[] = [];
  return {
    origin,
    browser,
    outside,
    pageErrors,
    async open(width, height = width < 760 ? 720 : 860) {
      // Reduced motion: no colour transitions half-way when axe measures contrast.
      const page = await browser.newPage({ viewport: { width, height }, locale: 'mn-MN', acceptDownloads: true, reducedMotion: 'reduce' });
      page.setDefaultTimeout(20_000);
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(`${origin}/`) || url.startsWith(`blob:${origin}/`)) return route.continue();
        outside.push(url);
        return route.abort();
      });
      page.on('pageerror', (e) => pageErrors.push(e.message));
      return page;
    },
    async shot(page, name, fullPage = false) {
      const file = path.join(RESULTS, `e2e-${name}.png`);
      await page.screenshot({ path: file, animations: 'disabled', fullPage });
      return file;
    },
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The pane has settled: nothing running, nothing being read ahead or drawn. */
export const idle = (page: Page) => page.waitForFunction(() => !!document.querySelector('#pane main[data-ready="true"]'));

/** Two frames: the sheet view draws what came into view. */
export const frames = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

export interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: string[];
}

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's violations on the page as it is now (injected through the
 * debugger, as playwright evaluates: the page's Content Security Policy
 * allows no inline script).
 *
 * Left out: aria-hidden-focus on tabster's focus guards — the <i
 * tabindex="0" aria-hidden="true" data-tabster-dummy> elements Fluent UI's
 * TabList and Menu place at their edges, which pass focus on the moment
 * they get it and are hidden so screen readers do not announce them. Their
 * makers call this by design (microsoft/tabster#288, microsoft/fluentui#27517,
 * closed "Resolution: By Design"), and Accessibility Insights leaves them
 * out of the same rule (microsoft/accessibility-insights-web#7605). Any
 * other aria-hidden-focus node still counts.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  // axe reads colours as they are drawn: a button caught in Fluent's colour
  // transition (enabled again after an action, on a busy machine) reads as
  // low contrast. Colours at rest are what a reader sees, so transitions end at once.
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' });
  await frames(page);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; nodes: { html: string; target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ html: n.html, target: n.target.join(' ') })) }));
  });
  return found
    .map((v) => ({ ...v, nodes: v.id === 'aria-hidden-focus' ? v.nodes.filter((n) => !/data-tabster-dummy/.test(n.html)) : v.nodes }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => `${n.target}: ${n.html.slice(0, 120)}`) }));
}
