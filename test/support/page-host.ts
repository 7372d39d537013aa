// Where the end-to-end tests open the web page, and the browser they open it in:
//
//   served  dist/web/app.html from scripts/app.js's server (its Content
//           Security Policy: this origin only), at http://127.0.0.1:PORT/
//   file    the release's unelgee.html opened from disk (file://), as a
//           clerk double-clicks it
//
// One interface (PageHost), so a test's steps run against either; watch()
// records every request, refuses any that leaves the page's own (its origin,
// its blob: URLs, its file), and records page errors and workers.
//
// Needs /usr/bin/chromium (Debian's `chromium`) and a build: `npm run release`
// (npm test runs it first). A missing one fails with a message saying so.

import * as fs from 'fs';
import type * as http from 'http';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { chromium, type Browser, type Page } from 'playwright-core';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { staticServer, listen } = require('../../scripts/app.js') as {
  staticServer(root?: string): http.Server;
  listen(server: http.Server, port: number): Promise<number>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { releaseDir } = require('../../scripts/release.js') as { releaseDir(): string };

const ROOT = path.resolve(__dirname, '..', '..');
/** The served page's folder (the build's dist/web). */
export const SERVED_ROOT = path.join(ROOT, 'dist', 'web');
/** The release folder this checkout's version writes (npm run release). */
export const RELEASE = releaseDir();
export const SINGLE_FILE = path.join(RELEASE, 'unelgee.html');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export type PageKind = 'served' | 'file';

export interface PageHost {
  readonly kind: PageKind;
  /** The page's address, with a query when given ("sample=…&lang=en"). */
  url(query?: string): string;
  /** A request of the page's own: its origin or file, and the blob: URLs it makes. */
  own(url: string): boolean;
  close(): Promise<void>;
}

/** Throws a sentence saying what to run when the browser or the build is missing. */
function requireBuilt(kind: PageKind): void {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: the end-to-end tests drive Debian's Chromium (apt-get install chromium).`);
  const needed = kind === 'served' ? path.join(SERVED_ROOT, 'app.html') : SINGLE_FILE;
  if (!fs.existsSync(needed)) throw new Error(`${path.relative(ROOT, needed)} is missing: run \`npm run release\` first (\`npm test\` runs it before jest).`);
}

export async function openPageHost(kind: PageKind): Promise<PageHost> {
  requireBuilt(kind);
  if (kind === 'file') {
    const address = pathToFileURL(SINGLE_FILE).href;
    return {
      kind,
      url: (query) => (query ? `${address}?${query}` : address),
      // A page opened from disk has an opaque origin: its blob: URLs are blob:null/….
      own: (url) => url.startsWith(address) || url.startsWith('blob:null/') || url.startsWith('data:'),
      close: async () => undefined,
    };
  }
  const server = staticServer(SERVED_ROOT);
  const origin = `http://127.0.0.1:${await listen(server, 0)}`;
  return {
    kind,
    url: (query) => `${origin}/app.html${query ? `?${query}` : ''}`,
    own: (url) => url.startsWith(`${origin}/`) || url.startsWith(`blob:${origin}/`) || url.startsWith('data:'),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** What a page did: its requests, those refused for leaving the page's own, its errors, its workers. */
export interface Watched {
  requests: string[];
  outside: string[];
  pageErrors: string[];
  workers: string[];
}

export const watched = (): Watched => ({ requests: [], outside: [], pageErrors: [], workers: [] });

/** Records every request of a page (and its workers), refusing and noting any that is not the page's own. */
export async function watch(page: Page, host: PageHost, into: Watched): Promise<void> {
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (host.own(url)) return route.continue();
    into.outside.push(url);
    return route.abort();
  });
  page.on('request', (request) => into.requests.push(request.url()));
  page.on('pageerror', (error) => into.pageErrors.push(error.message));
  page.on('worker', (worker) => into.workers.push(worker.url()));
}
