#!/usr/bin/env node
/*
 * npm run bench:release — the release's two one-file pieces beside their
 * yardsticks, in the same run (medians of ROUNDS, alternating):
 *
 *   the page   time from the start of navigation to a usable "Файл нээх"
 *              (the page's file input exists: its script ran and drew the
 *              welcome), unelgee.html opened from disk (file://) against
 *              the served page (dist/web/app.html from scripts/app.js's
 *              server), each in a fresh headless Chromium page
 *   the CLI    wall time of `node cli/unelgee.cjs …` against `node
 *              bin/unelgee.js …` (the build in dist/node): --version, and
 *              validate of a small fixture
 *
 * Needs `npm run release` (and `npm run build:cli`) first, and Debian's
 * Chromium. Prints the figures; asserts nothing.
 */
/* global document, window, MutationObserver -- the functions handed to the page run there */
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { pathToFileURL } = require('url');
const { chromium } = require('playwright-core');
const { staticServer, listen } = require('./app.js');
const { releaseDir } = require('./release.js');

const ROOT = path.resolve(__dirname, '..');
const ROUNDS = Number(process.env.ROUNDS || 9);
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'report-2025-h1-consulting-unit.xlsx');
const RELEASE = releaseDir();

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** ms from navigation start to the page's file input existing (recorded in the page by a MutationObserver). */
async function usableAfter(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  await page.addInitScript(() => {
    const seen = () => {
      if (document.querySelector('input[type="file"]:not([multiple])')) {
        window.__usableAt = performance.now();
        return true;
      }
      return false;
    };
    new MutationObserver((_, observer) => seen() && observer.disconnect()).observe(document, { childList: true, subtree: true });
  });
  await page.goto(url);
  const handle = await page.waitForFunction(() => window.__usableAt, null, { timeout: 30_000 });
  const ms = await handle.jsonValue();
  await page.close();
  return ms;
}

function wallMs(args) {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(' ')}: exit ${run.status} ${run.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function pages() {
  const server = staticServer(path.join(ROOT, 'dist', 'web'));
  const served = `http://127.0.0.1:${await listen(server, 0)}/app.html`;
  const file = pathToFileURL(path.join(RELEASE, 'unelgee.html')).href;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const times = { file: [], served: [] };
  try {
    await usableAfter(browser, file);
    await usableAfter(browser, served);
    for (let i = 0; i < ROUNDS; i++) {
      times.file.push(await usableAfter(browser, file));
      times.served.push(await usableAfter(browser, served));
    }
  } finally {
    await browser.close();
    server.close();
  }
  return times;
}

function cli() {
  const bundle = path.join(RELEASE, 'cli', 'unelgee.cjs');
  const bin = path.join(ROOT, 'bin', 'unelgee.js');
  const cases = { '--version': ['--version'], 'validate (14 kB fixture)': ['validate', FIXTURE] };
  const out = {};
  for (const [name, args] of Object.entries(cases)) {
    wallMs([bundle, ...args]);
    wallMs([bin, ...args]);
    const times = { bundle: [], bin: [] };
    for (let i = 0; i < ROUNDS; i++) {
      times.bundle.push(wallMs([bundle, ...args]));
      times.bin.push(wallMs([bin, ...args]));
    }
    out[name] = times;
  }
  return out;
}

async function main() {
  for (const file of [path.join(RELEASE, 'unelgee.html'), path.join(RELEASE, 'cli', 'unelgee.cjs'), path.join(ROOT, 'dist', 'node', 'src', 'cli', 'main.js')]) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: npm run build:cli && npm run release`);
  }
  const size = (file) => `${fs.statSync(file).size.toLocaleString('en')} bytes`;
  console.log(`unelgee.html ${size(path.join(RELEASE, 'unelgee.html'))}; cli/unelgee.cjs ${size(path.join(RELEASE, 'cli', 'unelgee.cjs'))}; Node ${process.version}; ${ROUNDS} rounds, medians`);
  const page = await pages();
  const file = median(page.file);
  const served = median(page.served);
  console.log(`"Файл нээх" usable after: file:// ${file.toFixed(0)} ms, served ${served.toFixed(0)} ms (file/served ${(file / served).toFixed(2)})`);
  for (const [name, times] of Object.entries(cli())) {
    const bundle = median(times.bundle);
    const bin = median(times.bin);
    console.log(`${name}: cli/unelgee.cjs ${bundle.toFixed(0)} ms, bin/unelgee.js ${bin.toFixed(0)} ms (bundle/bin ${(bundle / bin).toFixed(2)})`);
  }
}

main().catch((e) => {
  console.error(`bench:release: ${e.message}`);
  process.exit(1);
});
