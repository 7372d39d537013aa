// End to end, the year's cycle on the BUILT web page (dist/web/app.html,
// `npm run build:dev`) in Debian's Chromium: the report form made from the
// plan sample (its sheet shown; Download gives the bytes `unelgee report`
// writes), next year's plan made from a report, the report held against the
// plan file picked. Screenshots at 1400 px and 320 px go to
// test-results/e2e-cycle-*.png.

import * as fs from 'fs';
import type * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { runCli } from '../support/cli';
import { fixturePath } from '../support/fixtures';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { staticServer, listen } = require('../../scripts/app.js') as {
  staticServer(root?: string): http.Server;
  listen(server: http.Server, port: number): Promise<number>;
};

const ROOT = path.resolve(__dirname, '..', '..', 'dist', 'web');
const RESULTS = path.resolve(__dirname, '..', '..', 'test-results');
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let server: http.Server | undefined;
let browser: Browser | undefined;
let origin = '';
let tmp = '';
const outside: string[] = [];
const pageErrors: string[] = [];

async function newPage(width: number): Promise<Page> {
  const p = await browser!.newPage({ viewport: { width, height: 860 }, locale: 'mn-MN', acceptDownloads: true });
  p.setDefaultTimeout(15_000);
  await p.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`) || url.startsWith(`blob:${origin}/`)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  p.on('pageerror', (e) => pageErrors.push(e.message));
  return p;
}

const pane = (p: Page) => p.locator('#pane');
const message = (p: Page) => pane(p).locator('[data-intent]');
const sheetTabs = (p: Page) => p.locator('#page [data-sheet-tab]').allTextContents();
const idle = (p: Page) => p.waitForFunction(() => !!document.querySelector('#pane main[data-ready="true"]'));
const shot = (p: Page, name: string) => p.screenshot({ path: path.join(RESULTS, `e2e-cycle-${name}.png`), animations: 'disabled' });

async function openSample(p: Page, sample: string, sheet: string): Promise<void> {
  await p.goto(`${origin}/app.html?sample=${sample}`);
  await p.locator(`#page [data-sheet="${sheet}"]`).waitFor();
  await idle(p);
}

async function menuItem(p: Page, name: string): Promise<void> {
  await pane(p).getByRole('button', { name: 'Бусад үйлдэл' }).click();
  await p.getByRole('menuitem', { name }).click();
}

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: the end-to-end tests drive Debian's Chromium (apt-get install chromium).`);
  if (!fs.existsSync(path.join(ROOT, 'app.html'))) throw new Error('dist/web/app.html is missing: run `npm run build:dev` first (`npm test` runs it before jest).');
  fs.mkdirSync(RESULTS, { recursive: true });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'unelgee-e2e-cycle-'));
  server = staticServer(ROOT);
  origin = `http://127.0.0.1:${await listen(server, 0)}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('The year’s cycle on the web page', () => {
  it('makes the report form from the plan sample; Download is the bytes unelgee report writes', async () => {
    const page = await newPage(1400);
    await openSample(page, 'plan-2023-digital-year-soum', 'Төлөвлөгөө');
    await menuItem(page, 'Тайлангийн маягт үүсгэх');
    await message(page).filter({ hasText: '«Тайлан» хуудсанд тайлангийн маягт үүсгэлээ: 66 арга хэмжээ' }).waitFor();
    await idle(page);
    expect(await sheetTabs(page)).toEqual(['Төлөвлөгөө', 'Тайлан']);
    await page.locator('#page [data-sheet="Тайлан"]').waitFor();
    expect(await page.locator('#page [data-addr="I5"]').textContent()).toBe('Хүрсэн түвшин');
    expect(await page.locator('#page [data-addr="J5"]').textContent()).toBe('Хувь');
    await shot(page, '01-report-form');
    const [download] = await Promise.all([page.waitForEvent('download'), pane(page).getByRole('button', { name: 'Өөрчилсөн хуулбар татах', exact: true }).click()]);
    const saved = fs.readFileSync((await download.path())!);
    const cliOut = path.join(tmp, 'report.xlsx');
    expect((await runCli('report', fixturePath('plan-2023-digital-year-soum'), '-o', cliOut, '--lang', 'mn')).code).toBe(0);
    expect(saved.equals(fs.readFileSync(cliOut))).toBe(true);
    await page.close();
  }, 60_000);

  it('makes next year’s plan from a report, and holds the report against the plan file picked', async () => {
    const page = await newPage(1400);
    await openSample(page, 'report-2025-h1-consulting-unit', 'Тайлан');
    await menuItem(page, 'Дараа оны төлөвлөгөө үүсгэх');
    await message(page).filter({ hasText: '«Төлөвлөгөө 2026» хуудсанд дараа оны төлөвлөгөө үүсгэлээ: 14 арга хэмжээ, 8 нь «Үргэлжлүүлэх»' }).waitFor();
    await idle(page);
    expect(await sheetTabs(page)).toEqual(['Тайлан', 'Төлөвлөгөө 2026']);
    await shot(page, '02-next-plan');
    // The report held against its plan: the consulting unit's report, against the plan made from it (here, the sheet's own file).
    await pane(page).getByRole('button', { name: 'Бусад үйлдэл' }).click();
    await page.getByRole('menuitem', { name: 'Төлөвлөгөөтэй тулгах…' }).waitFor();
    await page.keyboard.press('Escape');
    await pane(page).getByTestId('plan-file').setInputFiles(fixturePath('plan-2023-digital-year-soum'));
    await message(page).filter({ hasText: /«plan-2023-digital-year-soum\.xlsx» төлөвлөгөөтэй тулгав: 0 тохирсон, 66 тайланд алга, 14 төлөвлөгөөнд алга\./ }).waitFor();
    await idle(page);
    expect(await pane(page).locator('button[data-code="item-not-in-plan"]').count()).toBe(14);
    await shot(page, '03-plan-check');
    await page.close();
  }, 60_000);

  it('at 320 px, the menu with the cycle’s actions fits the width', async () => {
    const page = await newPage(320);
    await openSample(page, 'report-2024-aimag-admin-dept', 'Тайлан');
    await pane(page).getByRole('button', { name: 'Бусад үйлдэл' }).click();
    for (const name of ['Тайлангийн маягт үүсгэх', 'Дараа оны төлөвлөгөө үүсгэх', 'Төлөвлөгөөтэй тулгах…']) await page.getByRole('menuitem', { name }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await shot(page, '04-narrow-menu');
    await page.keyboard.press('Escape');
    await menuItem(page, 'Дараа оны төлөвлөгөө үүсгэх');
    await message(page).filter({ hasText: /Дугаарыг дахин олгов/ }).waitFor();
    await idle(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await shot(page, '05-narrow-next-plan');
    await page.close();
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
