// End to end: the roll-up on the BUILT web page, as an aimag's planning
// officer would make it. "Нэгтгэх" sits beside "Файл нээх" on the welcome
// screen; several files picked or dropped are offered a roll-up (one file
// still opens as ever); the roll-up opens as a workbook in the sheet view —
// its three sheets readable, its links opening the files it rolled up — and
// the pane's primary button saves it. Screenshots at 1400 px and 320 px go to
// test-results/e2e-4*.png.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { readXlsx } from '../../src/xlsx';
import { FIXTURE_NAMES, fixturePath } from '../support/fixtures';
import { NOT_READ_CELLS, ROLLUP_CELLS, ROLLUP_FINDINGS_CELLS } from '../support/layout-cells';
import { frames, idle, startPage, type PageRig } from '../support/page-rig';

let rig: PageRig;
let tmp = '';
let damaged = '';
const files = () => [...FIXTURE_NAMES.map(fixturePath), damaged];

const grid = (page: Page) => page.locator('#page');
const cell = (page: Page, addr: string) => grid(page).locator(`[data-addr="${addr}"]`);
const tabs = (page: Page) => grid(page).locator('[data-sheet-tab]').allTextContents();
const message = (page: Page) => page.locator('#pane [data-intent]');
const primaries = (page: Page) => page.locator('#pane button[data-primary="true"]').allTextContents();

/** Drops files on the page as a file manager would (a DataTransfer holding them). */
async function drop(page: Page, paths: string[]): Promise<void> {
  const payload = paths.map((p) => ({ name: path.basename(p), base64: fs.readFileSync(p).toString('base64') }));
  await page.evaluate((dropped) => {
    const transfer = new DataTransfer();
    for (const f of dropped) transfer.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
    document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, payload);
}

/** The text of the cells of a column, rows from..to (1-based), as the sheet view shows them. */
const column = (page: Page, letter: string, from: number, to: number) =>
  Promise.all(Array.from({ length: to - from + 1 }, (_, i) => cell(page, `${letter}${from + i}`).textContent()));

beforeAll(async () => {
  rig = await startPage();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'unelgee-e2e-rollup-'));
  damaged = path.join(tmp, 'эвдэрсэн.xlsx');
  fs.writeFileSync(damaged, Buffer.from('PK\u0003\u0004 not really a workbook'));
}, 30_000);

afterAll(async () => {
  await rig?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('The roll-up from the welcome screen (1400 px)', () => {
  let page: Page;
  beforeAll(async () => {
    page = await rig.open(1400);
  });
  afterAll(async () => {
    await page?.close();
  });

  it('the welcome screen has "Нэгтгэх" beside "Файл нээх", a real picker of several files', async () => {
    await page.goto(`${rig.origin}/app.html`);
    await page.getByRole('heading', { name: 'Төлөвлөгөө, тайлангаа нээнэ үү' }).waitFor();
    const banner = page.getByRole('banner');
    const open = await banner.getByText('Файл нээх', { exact: true }).boundingBox();
    const rollup = await banner.getByText('Нэгтгэх', { exact: true }).boundingBox();
    expect(open && rollup).toBeTruthy();
    // On the same line, right after it.
    expect(Math.abs(open!.y - rollup!.y)).toBeLessThan(4);
    expect(rollup!.x - (open!.x + open!.width)).toBeGreaterThanOrEqual(0);
    expect(rollup!.x - (open!.x + open!.width)).toBeLessThan(24);
    expect(await page.getByTestId('rollup-input').getAttribute('multiple')).not.toBeNull();
    expect(await page.getByTestId('file-input').getAttribute('multiple')).not.toBeNull();
    // The input is named by its label: a screen reader hears "Нэгтгэх".
    expect(await page.getByLabel('Нэгтгэх', { exact: true }).count()).toBe(1);
    await rig.shot(page, '40-welcome-rollup');
  });

  it('several files picked with "Файл нээх" are offered a roll-up: none opens by itself', async () => {
    await page.getByTestId('file-input').setInputFiles(files());
    const offer = page.getByTestId('rollup-offer');
    await offer.waitFor();
    expect(await offer.textContent()).toContain('4 файл сонголоо: report-2025-h1-consulting-unit.xlsx, report-2024-aimag-admin-dept.xlsx, plan-2023-digital-year-soum.xlsx, эвдэрсэн.xlsx. Нэгтгэл болгох уу?');
    expect(await grid(page).locator('[data-sheet]').count()).toBe(0);
    expect(await page.locator('#pane main').count()).toBe(0);
    await rig.shot(page, '41-rollup-offer');
  });

  it('"Нэгтгэх" opens the roll-up as a workbook: each unit named by its title, ranked, the pane saying what was rolled up', async () => {
    await page.getByTestId('rollup-offer').getByRole('button', { name: 'Нэгтгэх' }).click();
    await grid(page).locator('[data-sheet="Нэгтгэл"]').waitFor({ timeout: 60_000 });
    await idle(page);
    expect(await tabs(page)).toEqual(['Нэгтгэл', 'Алдаа, дутуу', 'Уншигдаагүй']);
    await message(page).filter({ hasText: /^3 файлыг нэгтгэлээ \(5 мөр\)\. «Нэгтгэлийг татаж авах» нь «unelgee-rollup-\d{4}-\d\d-\d\d\.xlsx» нэрээр хадгална\. Уншигдаагүй 1 файл: эвдэрсэн\.xlsx\./ }).waitFor();
    expect(await primaries(page)).toEqual(['Нэгтгэлийг татаж авах']);
    // The units, by the names their titles give (the soum's plan names none: its file does).
    expect(await column(page, ROLLUP_CELLS.letter('label'), 5, 10)).toEqual([
      'Нэгж',
      'ТӨРИЙН ЗАХИРГААНЫ УДИРДЛАГЫН ХЭЛТЭС',
      'ЗӨВЛӨГӨӨ, МЭДЭЭЛЛИЙН ХЭЛТЭС',
      'ТӨРИЙН ЗАХИРГААНЫ УДИРДЛАГЫН ХЭЛТЭС',
      'ЗӨВЛӨГӨӨ, МЭДЭЭЛЛИЙН ХЭЛТЭС',
      'plan-2023-digital-year-soum',
    ]);
    expect(await column(page, ROLLUP_CELLS.letter('year'), 6, 10)).toEqual(['2024', '2025', '2024', '2025', '2023']);
    // The ranks are RANK formulas: the sheet shows the file's results, not an error.
    expect(await column(page, ROLLUP_CELLS.letter('rank'), 6, 7)).toEqual(['1', '2']);
    expect(await cell(page, ROLLUP_CELLS.address('rank', 6)).getAttribute('data-formula')).toMatch(/RANK\(/);
    expect(await grid(page).getByRole('gridcell').filter({ hasText: /^#NAME\?$/ }).count()).toBe(0);
    // The headers in bold as in Excel, and the chart of the units' averages.
    expect(await cell(page, ROLLUP_CELLS.address('label', 5)).evaluate((el) => Number(getComputedStyle(el).fontWeight))).toBeGreaterThanOrEqual(600);
    expect(await grid(page).locator('figure[data-chart] svg[role="img"] rect').count()).toBeGreaterThan(1);
    await rig.shot(page, '42-rollup-sheet');
  });

  it('its other two sheets are readable: every finding, and the file that could not be read', async () => {
    await grid(page).locator('[data-sheet-tab="Алдаа, дутуу"]').click();
    await grid(page).locator('[data-sheet="Алдаа, дутуу"]').waitFor();
    expect(await cell(page, ROLLUP_FINDINGS_CELLS.address('file', 1)).textContent()).toBe('Файл');
    expect(await cell(page, ROLLUP_FINDINGS_CELLS.address('file', 2)).textContent()).toMatch(/^report-20\d\d-.*\.xlsx$/);
    expect(await grid(page).getByRole('gridcell').filter({ hasText: /^missing-percent$/ }).count()).toBeGreaterThan(5);
    await rig.shot(page, '43-rollup-findings');
    await grid(page).locator('[data-sheet-tab="Уншигдаагүй"]').click();
    await grid(page).locator('[data-sheet="Уншигдаагүй"]').waitFor();
    expect(await cell(page, NOT_READ_CELLS.address('file', 2)).textContent()).toBe('эвдэрсэн.xlsx');
    expect(await cell(page, NOT_READ_CELLS.address('reason', 2)).textContent()).toBeTruthy();
    await grid(page).locator('[data-sheet-tab="Нэгтгэл"]').click();
    await grid(page).locator('[data-sheet="Нэгтгэл"]').waitFor();
  });

  it('the primary button saves the roll-up shown, under its own name', async () => {
    const shown = await column(page, ROLLUP_CELLS.letter('label'), 6, 10);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Нэгтгэлийг татаж авах' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^unelgee-rollup-\d{4}-\d\d-\d\d\.xlsx$/);
    const book = readXlsx(new Uint8Array(fs.readFileSync((await download.path())!)));
    expect(book.sheets.map((s) => s.name)).toEqual(['Нэгтгэл', 'Алдаа, дутуу', 'Уншигдаагүй']);
    const rollup = book.sheets[0].sheet!;
    const at = (row: number, col: number) => rollup.values[row - rollup.startRow]?.[col - rollup.startCol] ?? null;
    expect([5, 6, 7, 8, 9].map((row) => at(row, ROLLUP_CELLS.col('label')))).toEqual(shown);
    await message(page).filter({ hasText: /^«unelgee-rollup-\d{4}-\d\d-\d\d\.xlsx» файлыг хадгаллаа\./ }).waitFor();
  });

  it('a link to a file of the roll-up opens that file; a button leads back to the roll-up', async () => {
    const link = grid(page).locator('a[data-link="report-2024-aimag-admin-dept.xlsx"]').first();
    expect(await link.getAttribute('title')).toBe('«report-2024-aimag-admin-dept.xlsx» файлыг нээх');
    await link.click();
    await grid(page).locator('[data-sheet="Тайлан"]').waitFor();
    await idle(page);
    expect(await cell(page, 'A1').textContent()).toContain('АЙМГИЙН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗРЫН');
    // The file's own pane: its path, Validate first.
    expect(await primaries(page)).toEqual(['Шалгах']);
    await rig.shot(page, '44-rollup-link-opened');
    await page.getByTestId('back-to-rollup').click();
    await grid(page).locator('[data-sheet="Нэгтгэл"]').waitFor();
    await idle(page);
    expect(await tabs(page)).toEqual(['Нэгтгэл', 'Алдаа, дутуу', 'Уншигдаагүй']);
    expect(await primaries(page)).toEqual(['Нэгтгэлийг татаж авах']);
    expect(await page.getByTestId('back-to-rollup').count()).toBe(0);
  });
});

describe('Files dropped on the page', () => {
  let page: Page;
  beforeAll(async () => {
    page = await rig.open(1400);
    await page.goto(`${rig.origin}/app.html`);
    await page.getByRole('heading', { name: 'Төлөвлөгөө, тайлангаа нээнэ үү' }).waitFor();
  });
  afterAll(async () => {
    await page?.close();
  });

  it('several are offered a roll-up, and "open the first only" opens the first', async () => {
    await drop(page, [fixturePath('report-2025-h1-consulting-unit'), fixturePath('report-2024-aimag-admin-dept')]);
    const offer = page.getByTestId('rollup-offer');
    await offer.waitFor();
    await offer.getByRole('button', { name: 'Зөвхөн «report-2025-h1-consulting-unit.xlsx»-ийг нээх' }).click();
    await grid(page).locator('[data-sheet="Тайлан"]').waitFor();
    await idle(page);
    expect(await cell(page, 'A1').textContent()).toContain('ЗӨВЛӨГӨӨ, МЭДЭЭЛЛИЙН ХЭЛТСИЙН');
    expect(await offer.count()).toBe(0);
  });

  it('one opens as ever, with no offer', async () => {
    await drop(page, [fixturePath('report-2024-aimag-admin-dept')]);
    await page.waitForFunction(() => window.unelgeePreview?.file === 'report-2024-aimag-admin-dept.xlsx');
    await grid(page).locator('[data-sheet="Тайлан"]').waitFor();
    expect(await page.getByTestId('rollup-offer').count()).toBe(0);
  });

  it('"Нэгтгэх" with only a damaged file says none could be read, and the workbook open stays', async () => {
    await page.getByTestId('rollup-input').setInputFiles([damaged]);
    await page.getByTestId('file-error').filter({ hasText: 'Сонгосон файлын аль нь ч уншигдсангүй: эвдэрсэн.xlsx.' }).waitFor();
    expect(await page.evaluate(() => window.unelgeePreview?.file)).toBe('report-2024-aimag-admin-dept.xlsx');
    expect(await tabs(page)).toEqual(['Тайлан']);
  });
});

describe('At 320 px', () => {
  it('"Нэгтгэх" beside "Файл нээх" within the width; the roll-up under its pane, the pane first', async () => {
    const page = await rig.open(320);
    try {
      await page.goto(`${rig.origin}/app.html`);
      await page.getByRole('heading', { name: 'Төлөвлөгөө, тайлангаа нээнэ үү' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      const banner = page.getByRole('banner');
      const open = await banner.getByText('Файл нээх', { exact: true }).boundingBox();
      const rollup = await banner.getByText('Нэгтгэх', { exact: true }).boundingBox();
      expect(Math.abs(open!.y - rollup!.y)).toBeLessThan(4);
      await rig.shot(page, '45-narrow-welcome-rollup', true);
      await page.getByTestId('rollup-input').setInputFiles(files());
      await grid(page).locator('[data-sheet="Нэгтгэл"]').waitFor({ timeout: 60_000 });
      await idle(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await message(page).filter({ hasText: /^3 файлыг нэгтгэлээ/ }).waitFor();
      await rig.shot(page, '46-narrow-rollup-pane');
      await grid(page).locator('[data-sheet-tab]').first().scrollIntoViewIfNeeded();
      await frames(page);
      await rig.shot(page, '47-narrow-rollup-sheet');
    } finally {
      await page.close();
    }
  });

  it('made no request off the page\'s origin and threw no page errors', () => {
    expect(rig.outside).toEqual([]);
    expect(rig.pageErrors).toEqual([]);
  });
});
