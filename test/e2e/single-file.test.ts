// End to end: the release's unelgee.html — the whole web page in one file —
// opened from disk (file://) in Debian's Chromium, as a clerk double-clicks
// it. page.test.ts runs every action on the served page; this runs each
// action once more on the file (a subset of its checks, the same actions):
// open by the picker and by drag and drop, a sample, Validate, Fix / Fix
// all, Revert, the evaluation sheet, Compute, Download (the bytes the
// release's command line writes), the roll-up of several files, the
// language switch, 320 px. And what only the file has: its worker started
// from its own text (blob:), the same work on the page where a browser
// refuses the worker, nothing asked of any origin (its Content Security
// Policy), the line a browser too old to run it shows, and the same file
// served from a plain web server. Screenshots: test-results/single-*.png.

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { readXlsx } from '../../src/xlsx';
import { fixturePath, FIXTURE_NAMES } from '../support/fixtures';
import { act, cell, dropFile, fileInput, idle, message, openTab, pane, paneButton, sheetTabs } from '../support/page-driver';
import { RELEASE, SINGLE_FILE, launchChromium, openPageHost, watch, watched, type PageHost } from '../support/page-host';

const RESULTS = path.resolve(__dirname, '..', '..', 'test-results');
const CLI = path.join(RELEASE, 'cli', 'unelgee.cjs');

let host: PageHost;
let browser: Browser;
let page: Page;
let tmp = '';
const seen = watched();

/** A new page of the file, watched (`before` runs in it before any of its scripts). */
async function newPage(width: number, before?: () => void): Promise<Page> {
  const opened = await browser.newPage({ viewport: { width, height: 860 }, locale: 'mn-MN', acceptDownloads: true });
  opened.setDefaultTimeout(20_000);
  if (before) await opened.addInitScript(before);
  await watch(opened, host, seen);
  return opened;
}

async function shot(p: Page, name: string): Promise<void> {
  await p.screenshot({ path: path.join(RESULTS, `single-${name}.png`), animations: 'disabled' });
}

/** The release's command line, as an IT officer runs it: `node cli/unelgee.cjs …`. */
function releaseCli(args: string[]): { code: number | null; out: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: tmp });
  return { code: run.status, out: run.stdout + run.stderr };
}

async function download(p: Page, button: string): Promise<Buffer> {
  const [saved] = await Promise.all([p.waitForEvent('download'), paneButton(p, button).click()]);
  return fs.readFileSync((await saved.path())!);
}

beforeAll(async () => {
  host = await openPageHost('file');
  fs.mkdirSync(RESULTS, { recursive: true });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'unelgee-single-'));
  browser = await launchChromium();
  page = await newPage(1400);
}, 30_000);

afterAll(async () => {
  await browser?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('unelgee.html opened from disk (file://)', () => {
  it('opens with "Файл нээх" usable, three samples offered, its Content Security Policy allowing nothing from any origin', async () => {
    await page.goto(host.url());
    const usable = await page.waitForFunction(() => (document.querySelector('[data-testid="file-input"]') ? Math.round(performance.now()) : 0), null, { polling: 10 });
    console.log(`single file: "Файл нээх" usable ${String(await usable.jsonValue())} ms after the navigation started`);
    await expect(page.locator('[data-sample]').count()).resolves.toBe(3);
    expect(await page.locator('#unelgee-too-old').isVisible()).toBe(false);
    const policy = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'))!;
    expect(policy).toMatch(/^default-src 'none'; script-src( 'sha256-[A-Za-z0-9+/=]+'){3}; worker-src blob:;/);
    expect(policy).not.toMatch(/https?:|\*|'self'|unsafe-eval/);
    await shot(page, '00-welcome-1400');
  });

  it('a sample: Validate marks its cells; Fix one, Fix all and Revert', async () => {
    await page.getByRole('button', { name: 'Тайлан 2024 (аймаг)' }).click();
    await grid().waitFor();
    await idle(page);
    await act(page, 'Шалгах', 'Шалгалаа: 15 алдаа, 14 анхааруулга, 1 мэдээлэл.');
    expect(await cell(page, 'H40').getAttribute('data-fill')).toBeTruthy();
    await act(page, 'Засах Тайлан!G24', '1 засвар хийж, 2 нүдийг өөрчиллөө.');
    await act(page, 'Бүгдийг засах (7)', '7 засвар хийж, 13 нүдийг өөрчиллөө.');
    await shot(page, '01-fixed-1400');
    await act(page, 'Буцаах', /засварыг буцаалаа\. 13 нүдийг өмнөх байдалд нь буцаав\./);
  });

  it('the evaluation sheet appears, and Revert takes it away', async () => {
    await openTab(page, 'Оноо');
    await act(page, 'Үнэлгээний хуудас үүсгэх', '«8-р хавсралт» хуудсыг Тайлан!A5 хүснэгтээс үүсгэлээ.');
    expect(await sheetTabs(page)).toEqual(['Тайлан', '8-р хавсралт']);
    await act(page, 'Буцаах', /8-р хавсралтыг буцаалаа/);
    expect(await sheetTabs(page)).toEqual(['Тайлан']);
  });

  it('a workbook through the file picker: Compute, then Download saves the bytes the release\'s command line writes', async () => {
    const input = fixturePath('report-2025-h1-consulting-unit');
    await fileInput(page).setInputFiles(input);
    await page.waitForFunction(() => window.unelgeePreview?.file === 'report-2025-h1-consulting-unit.xlsx');
    await idle(page);
    await act(page, 'Шалгах', /^Шалгалаа:/);
    await act(page, 'Оноо тооцох', /^Оноо тооцлоо:/);
    await shot(page, '02-computed-1400');
    const saved = await download(page, 'Тооцоолсон хуулбар татах');
    const expected = path.join(tmp, 'cli.computed.xlsx');
    expect(releaseCli(['compute', input, '-o', expected]).code).toBeLessThan(2);
    expect(Buffer.compare(saved, fs.readFileSync(expected))).toBe(0);
  });

  it('a workbook dropped on the page opens', async () => {
    await dropFile(page, 'plan-2023-digital-year-soum.xlsx', fs.readFileSync(fixturePath('plan-2023-digital-year-soum')));
    await page.waitForFunction(() => window.unelgeePreview?.file === 'plan-2023-digital-year-soum.xlsx');
    await idle(page);
    await act(page, 'Шалгах', /^Шалгалаа:/);
  });

  it('the roll-up of several files is read in the page\'s worker, opens as a workbook and is downloaded as one', async () => {
    await paneButton(page, 'Бусад үйлдэл').click();
    await page.getByRole('menuitem', { name: 'Нэгтгэх…' }).waitFor();
    await pane(page).getByTestId('rollup-files').setInputFiles(FIXTURE_NAMES.map(fixturePath));
    await page.locator('[data-sheet="Нэгтгэл"]').waitFor();
    await message(page).filter({ hasText: /^3 файлыг нэгтгэлээ/ }).waitFor();
    // The pointer left on the menu's button shows its tooltip over the new Download button, as it would to a person: move it away.
    await page.mouse.move(0, 0);
    const [saved] = await Promise.all([page.waitForEvent('download'), paneButton(page, 'Нэгтгэлийг татаж авах').click()]);
    expect(saved.suggestedFilename()).toMatch(/^unelgee-rollup-\d{4}-\d\d-\d\d\.xlsx$/);
    const book = readXlsx(new Uint8Array(fs.readFileSync((await saved.path())!)));
    expect(book.sheets.map((sheet) => sheet.name)).toEqual(expect.arrayContaining(['Нэгтгэл', 'Алдаа, дутуу', 'Уншигдаагүй']));
    await idle(page);
  });

  it('the language switch turns the pane and the page to English', async () => {
    await openTab(page, 'Тохиргоо');
    await pane(page).getByRole('radio', { name: /English/ }).check();
    await pane(page).getByRole('tab', { name: 'Settings' }).waitFor();
    await page.getByText('Open a workbook').waitFor();
    await shot(page, '03-english-1400');
  });

  it('its worker started from its own text (blob:), nothing was asked of any origin, no page error', async () => {
    expect(seen.workers.length).toBeGreaterThan(0);
    expect(seen.workers.every((url) => url.startsWith('blob:null/'))).toBe(true);
    expect(await page.evaluate(() => window.unelgeeWorker!().mode)).toBe('worker');
    expect(seen.requests.filter((url) => !host.own(url))).toEqual([]);
    expect(seen.outside).toEqual([]);
    expect(seen.pageErrors).toEqual([]);
  });

  it('at 320 px: the welcome, then the pane over the sheet, within the width', async () => {
    const narrow = await newPage(320);
    await narrow.goto(host.url());
    await narrow.getByRole('heading', { name: 'Төлөвлөгөө, тайлангаа нээнэ үү' }).waitFor();
    await narrow.screenshot({ path: path.join(RESULTS, 'single-10-welcome-320.png'), fullPage: true });
    await narrow.getByRole('button', { name: 'Тайлан 2024 (аймаг)' }).click();
    await idle(narrow);
    await act(narrow, 'Шалгах', /^Шалгалаа:/);
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await shot(narrow, '11-validated-320');
    await narrow.close();
  });

  function grid() {
    return page.locator('#page [data-sheet="Тайлан"]');
  }
});

describe('where the browser refuses a worker', () => {
  it('the page does the same work itself: the same findings and the same computed file, and says nothing about it', async () => {
    const refusing = await newPage(1400, () => {
      // As a browser that will not start workers from a page on disk.
      (window as unknown as { Worker: unknown }).Worker = function Worker() {
        throw new DOMException('workers are not allowed here', 'SecurityError');
      };
    });
    await refusing.goto(host.url());
    await fileInput(refusing).setInputFiles(fixturePath('report-2024-aimag-admin-dept'));
    await refusing.waitForFunction(() => window.unelgeePreview?.file === 'report-2024-aimag-admin-dept.xlsx');
    await idle(refusing);
    await act(refusing, 'Шалгах', 'Шалгалаа: 15 алдаа, 14 анхааруулга, 1 мэдээлэл.');
    await act(refusing, 'Оноо тооцох', /^Оноо тооцлоо:/);
    expect(await refusing.evaluate(() => window.unelgeeWorker!())).toEqual({ mode: 'page', why: 'workers are not allowed here' });
    const saved = await download(refusing, 'Тооцоолсон хуулбар татах');
    const expected = path.join(tmp, 'cli-aimag.computed.xlsx');
    expect(releaseCli(['compute', fixturePath('report-2024-aimag-admin-dept'), '-o', expected]).code).toBeLessThan(2);
    expect(Buffer.compare(saved, fs.readFileSync(expected))).toBe(0);
    // Nothing alarming: no error bar, no word of workers.
    expect(await refusing.getByTestId('file-error').count()).toBe(0);
    expect(await refusing.locator('#workspace').innerText()).not.toMatch(/worker/i);
    await shot(refusing, '20-no-worker-1400');
    await refusing.close();
  });
});

describe('a browser that cannot run it', () => {
  it('shows the plain line in Mongolian and English (here: the page\'s script altered, so its hash no longer matches and the policy blocks it)', async () => {
    const altered = path.join(tmp, 'unelgee-altered.html');
    const html = fs.readFileSync(SINGLE_FILE, 'utf8');
    // The first plain <script> is the page's (the engine's has an id, the samples' a type).
    const start = html.indexOf('<script>');
    fs.writeFileSync(altered, `${html.slice(0, start)}<script>;${html.slice(start + '<script>'.length)}`);
    const old = await browser.newPage({ viewport: { width: 1400, height: 400 } });
    const blocked: string[] = [];
    old.on('console', (line) => blocked.push(line.text()));
    await old.goto(`file://${altered}`);
    const line = old.locator('#unelgee-too-old');
    await line.waitFor({ state: 'visible' });
    expect(await line.textContent()).toMatch(/хэт хуучин.*too old for Үнэлгээ/s);
    expect(blocked.join('\n')).toMatch(/Content Security Policy/);
    await old.screenshot({ path: path.join(RESULTS, 'single-30-too-old.png') });
    await old.close();
  });
});

describe('the same file served from a plain web server', () => {
  it('opens a sample and validates it', async () => {
    const server = http.createServer((request, response) => {
      response.writeHead(request.url?.startsWith('/unelgee.html') ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
      response.end(request.url?.startsWith('/unelgee.html') ? fs.readFileSync(SINGLE_FILE) : 'not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const served = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    try {
      await served.goto(`http://127.0.0.1:${(server.address() as { port: number }).port}/unelgee.html?sample=report-2025-h1-consulting-unit`);
      await idle(served);
      await act(served, 'Шалгах', /^Шалгалаа:/);
      expect(await served.evaluate(() => window.unelgeeWorker!().mode)).toBe('worker');
    } finally {
      await served.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
