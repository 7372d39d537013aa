// End to end: the BUILT preview (dist/web/preview.html, from `npm run build:dev`)
// in Debian's Chromium, driven by playwright-core as a person would use it.
// The page runs the real pane and the real Excel adapter over the fake Excel,
// loaded from a sample workbook; the grid beside the pane shows the fake's
// cells. One browser for the file; a screenshot of each step goes to
// test-results/e2e-NN-*.png.
//
// Needs: /usr/bin/chromium (Debian's `chromium` package) and a build. Either
// missing fails the suite with a message saying what to do.

import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '..', '..', 'dist', 'web');
const RESULTS = path.resolve(__dirname, '..', '..', 'test-results');
const CHROMIUM = '/usr/bin/chromium';
const SAMPLE = 'report-2024-aimag-admin-dept';
const PANE_WIDTH = 320;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A tiny static server for dist/web on a free localhost port. */
function serve(root: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = path.join(root, pathname === '/' ? 'preview.html' : pathname);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

let server: http.Server | undefined;
let browser: Browser | undefined;
let page: Page;
let origin = '';
const started = Date.now();
const outside: string[] = [];
const pageErrors: string[] = [];
const shots: string[] = [];

async function shot(name: string): Promise<void> {
  const file = path.join(RESULTS, `e2e-${name}.png`);
  await page.screenshot({ path: file, animations: 'disabled' });
  // At every step, nothing in the 320 px pane is wider than the pane.
  expect(await paneOverflow()).toEqual({ pane: PANE_WIDTH, widest: PANE_WIDTH, offenders: [] });
  shots.push(file);
}

/** The pane's width, and any visible element in it that sticks out on the right. */
function paneOverflow() {
  return page.evaluate(() => {
    const pane = document.querySelector('#pane') as HTMLElement;
    const right = pane.getBoundingClientRect().right;
    /** Cut off by an ancestor (inside the pane) that hides its overflow within the pane: not seen. */
    const clipped = (el: Element) => {
      for (let a = el.parentElement; a && a !== pane; a = a.parentElement) {
        const cs = getComputedStyle(a);
        if (/(hidden|clip|auto|scroll)/.test(cs.overflowX) && a.getBoundingClientRect().right <= right + 0.5) return true;
      }
      return false;
    };
    const offenders: string[] = [];
    for (const el of pane.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= right + 0.5 || el.closest('[hidden]') || clipped(el)) continue;
      offenders.push(`${el.tagName.toLowerCase()}.${String(el.getAttribute('class') ?? '')}`.slice(0, 80));
    }
    return { pane: pane.getBoundingClientRect().width, widest: pane.scrollWidth, offenders: offenders.slice(0, 5) };
  });
}

// ---- what a person sees ----------------------------------------------------

const pane = () => page.locator('#pane');
const grid = () => page.locator('#sheet');
const cell = (addr: string) => grid().locator(`td[data-addr="${addr}"]`);
const nameBox = () => page.getByTestId('name-box');
const paneButton = (name: string | RegExp) => pane().getByRole('button', { name, exact: typeof name === 'string' });
const finding = (where: string) => pane().locator(`button[data-cell="${where}"]`);
const message = () => pane().locator('[data-intent]');
const sheetTabs = () => grid().locator('[data-sheet-tab]').allTextContents();
/** The add-in's settings as saved with the (fake) workbook. */
const savedSettings = () =>
  page.evaluate(() => {
    const raw = window.unelgeePreview!.fake.office.settings.saved['unelgee.settings'];
    return (typeof raw === 'string' ? JSON.parse(raw) : {}) as { overrides?: unknown[]; profile?: unknown; lang?: string };
  });
/** The fake workbook's own state of a cell (also for cells hidden under a merged area). */
const fakeCell = (sheet: string, addr: string) =>
  page.evaluate(([s, a]) => window.unelgeePreview!.fake.cell(s, a), [sheet, addr] as const);

async function openTab(name: string | RegExp): Promise<void> {
  await pane().getByRole('tab', { name }).click();
}

async function idle(): Promise<void> {
  // Every action button is enabled again (Revert may stay disabled when there is nothing to revert).
  await page.waitForFunction(() => {
    const b = document.querySelector('#pane button[data-action="validate"]') as HTMLButtonElement | null;
    return !!b && !b.disabled;
  });
}

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: the end-to-end tests drive Debian's Chromium (apt-get install chromium).`);
  }
  if (!fs.existsSync(path.join(ROOT, 'preview.html'))) {
    throw new Error('dist/web/preview.html is missing: run `npm run build:dev` first (`npm test` runs it before jest).');
  }
  fs.mkdirSync(RESULTS, { recursive: true });
  server = await serve(ROOT);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'mn-MN' });
  page.setDefaultTimeout(10_000);
  // The add-in makes no network requests of its own: anything not from this server is refused and recorded.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  // For the record: how long the whole flow took, and where the pictures are.
  console.log(`e2e: ${((Date.now() - started) / 1000).toFixed(1)} s, screenshots:\n  ${shots.map((s) => path.relative(process.cwd(), s)).join('\n  ')}`);
});

describe(`Preview of ${SAMPLE} in Chromium`, () => {
  it('opens the sample: the sheet beside a 320 px pane that has read its tables', async () => {
    await page.goto(`${origin}/preview.html?sample=${SAMPLE}`);
    await grid().locator('table[data-sheet="Тайлан"]').waitFor();
    await idle();
    expect(await cell('A1').textContent()).toContain('АЙМГИЙН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗРЫН');
    // The pane is Excel's width and nothing in it is wider.
    const widths = await page.evaluate(() => {
      const el = document.querySelector('#pane') as HTMLElement;
      return { pane: el.getBoundingClientRect().width, content: el.scrollWidth };
    });
    expect(widths.pane).toBe(PANE_WIDTH);
    expect(widths.content).toBeLessThanOrEqual(PANE_WIDTH);
    expect(await sheetTabs()).toEqual(['Тайлан']);
    await shot('00-open');
  });

  it('Validate: findings by severity with counts, and the cells marked in the sheet', async () => {
    expect(await cell('H40').getAttribute('data-fill')).toBeNull();
    await paneButton('Шалгах').click();
    await message().filter({ hasText: 'Шалгалаа: 15 алдаа, 14 анхааруулга, 1 мэдээлэл.' }).waitFor();
    await expect(pane().getByRole('heading', { name: 'Алдаа (15)' }).count()).resolves.toBe(1);
    await expect(pane().getByRole('heading', { name: 'Анхааруулга (14)' }).count()).resolves.toBe(1);
    await expect(pane().getByRole('heading', { name: 'Мэдээлэл (1)' }).count()).resolves.toBe(1);
    expect(await finding('Тайлан!H40').textContent()).toContain('№23 арга хэмжээ: хувь бичигдээгүй байна.');
    // The finding's cell is marked with a fill and a note.
    expect(await cell('H40').getAttribute('data-fill')).toBeTruthy();
    expect(await cell('H40').getAttribute('data-note')).toBe('true');
    expect(await cell('H40').getAttribute('title')).toContain('хувь бичигдээгүй');
    await shot('01-validate');
  });

  it('clicking a finding selects its cell in the sheet; so does Tab + Enter from the search box', async () => {
    await finding('Тайлан!G24').click();
    await cell('G24').and(page.locator('[data-selected="true"]')).waitFor();
    await expect(nameBox().textContent()).resolves.toBe('Тайлан!G24');
    const selection = await page.evaluate(() => {
      const fake = window.unelgeePreview!.fake;
      const sel = fake.model.selection!;
      return { sheet: fake.model.byId(sel.sheetId)?.name, top: sel.area.top, left: sel.area.left };
    });
    expect(selection).toEqual({ sheet: 'Тайлан', top: 23, left: 6 });
    expect(await finding('Тайлан!G24').getAttribute('aria-current')).toBe('true');
    await shot('02-select-finding');

    // The keyboard: from the search box, Tab reaches the first finding; Enter selects its cell.
    await pane().getByRole('searchbox').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe('Тайлан!H40');
    await page.keyboard.press('Enter');
    await cell('H40').and(page.locator('[data-selected="true"]')).waitFor();
    await expect(nameBox().textContent()).resolves.toBe('Тайлан!H40');
  });

  it('changing a column\'s role is saved and the findings (and marks) follow; Auto restores it', async () => {
    await openTab('Хүснэгт');
    const g = pane().getByRole('combobox', { name: 'G баганын үүрэг' });
    expect(await g.inputValue()).toBe('achieved');
    // Item 34's row is merged A59:H59, so its four findings name A59, which is marked.
    expect(await finding('Тайлан!A59').count()).toBe(4);
    expect((await fakeCell('Тайлан', 'A59')).fill).toBeTruthy();
    await g.selectOption('ignore');
    await message().filter({ hasText: 'G баганыг «Тооцохгүй» гэж тэмдэглэлээ.' }).waitFor();
    await idle();
    // Saved with the workbook, for the ribbon commands too.
    expect((await savedSettings()).overrides).toEqual([{ sheet: 'Тайлан', headerRow: 4, col: 6, role: 'ignore' }]);
    await shot('03-role-ignore');
    await openTab('Алдаа, дутуу');
    // "Achieved is missing" no longer applies to item 34: one error fewer; its other findings keep A59 marked.
    await expect(pane().getByRole('heading', { name: 'Алдаа (14)' }).count()).resolves.toBe(1);
    expect(await finding('Тайлан!A59').count()).toBe(3);
    expect((await fakeCell('Тайлан', 'A59')).fill).toBeTruthy();

    await openTab('Хүснэгт');
    await pane().getByRole('button', { name: 'G баганыг автоматаар танюулах' }).click();
    await message().filter({ hasText: 'G баганыг автоматаар танина.' }).waitFor();
    await idle();
    expect(await g.inputValue()).toBe('achieved');
    await openTab('Алдаа, дутуу');
    await expect(pane().getByRole('heading', { name: 'Алдаа (15)' }).count()).resolves.toBe(1);
  });

  it('Compute scores writes the average (H99 becomes 95.6) and adds the summary sheet', async () => {
    expect(await cell('H99').textContent()).toContain('97.5');
    await paneButton('Оноо тооцох').click();
    await message().filter({ hasText: /Оноо тооцлоо: \d+ нүдийг бичив\./ }).waitFor();
    await idle();
    await expect(cell('H99').textContent()).resolves.toContain('95.6');
    expect(await cell('H99').getAttribute('data-formula')).toMatch(/^=ROUND\(AVERAGE\(/);
    expect(await sheetTabs()).toEqual(['Тайлан', 'Үнэлгээний хураангуй']);
    // The pane shows the scores: table average, grade, the group chart.
    const scores = pane().getByRole('tabpanel');
    await expect(pane().getByRole('tab', { name: 'Оноо' }).getAttribute('aria-selected')).resolves.toBe('true');
    expect(await scores.getByTestId('table-average').first().textContent()).toBe('95.6%');
    expect(await scores.getByRole('img', { name: /Бүлгийн дундаж хувийн график/ }).count()).toBeGreaterThan(0);
    await cell('H99').scrollIntoViewIfNeeded();
    await shot('04-compute');
    // The summary sheet, as the user would open it.
    await grid().locator('[data-sheet-tab="Үнэлгээний хураангуй"]').click();
    await grid().locator('table[data-sheet="Үнэлгээний хураангуй"]').waitFor();
    expect(await grid().locator('td').filter({ hasText: '95.6' }).count()).toBeGreaterThan(0);
    await shot('05-summary-sheet');
    await grid().locator('[data-sheet-tab="Тайлан"]').click();
    await grid().locator('table[data-sheet="Тайлан"]').waitFor();
  });

  it('Revert puts the sheet back: the stated 97.5 returns and the summary sheet is gone', async () => {
    await paneButton('Буцаах').click();
    await message().filter({ hasText: /нүдийг өмнөх байдалд нь буцаав/ }).waitFor();
    await idle();
    await expect(cell('H99').textContent()).resolves.toContain('97.5');
    expect(await cell('H99').getAttribute('data-formula')).toBeNull();
    expect(await sheetTabs()).toEqual(['Тайлан']);
    await cell('H99').scrollIntoViewIfNeeded();
    await shot('06-revert');
  });

  it('Settings: an invalid scale is refused; the pane switches to English', async () => {
    await openTab('Тохиргоо');
    const scale = pane().getByRole('textbox', { name: /Үнэлгээний шатлал/ });
    await scale.fill('100, 70, 150');
    await pane().getByText('Профайлыг хадгалах боломжгүй').waitFor();
    await pane().getByRole('button', { name: 'Профайл хадгалах' }).click();
    expect((await savedSettings()).profile).toBeUndefined();
    await shot('07-settings-invalid');
    await pane().getByRole('button', { name: 'Анхны утга' }).click();
    await pane().getByRole('radio', { name: /English/ }).check();
    await pane().getByRole('tab', { name: 'Settings' }).waitFor();
    await idle();
    expect((await savedSettings()).lang).toBe('en');
    await openTab('Findings');
    expect(await finding('Тайлан!H40').textContent()).toContain('Item 23: the percent is missing');
    await shot('08-english');
  });

  it('every control in every tab of the pane has an accessible name (Chromium\'s accessibility tree)', async () => {
    const cdp = await page.context().newCDPSession(page);
    const CONTROLS = new Set(['button', 'textbox', 'searchbox', 'combobox', 'checkbox', 'radio', 'switch', 'tab', 'spinbutton', 'slider', 'link', 'menuitem', 'option']);
    const unnamed: string[] = [];
    let controls = 0;
    for (const tab of ['Findings', 'Tables', 'Scores', 'Settings']) {
      await openTab(tab);
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
        nodes: { ignored: boolean; role?: { value: string }; name?: { value: string }; backendDOMNodeId?: number }[];
      };
      for (const n of nodes) {
        const role = n.role?.value ?? '';
        if (n.ignored || !CONTROLS.has(role)) continue;
        controls++;
        if (!(n.name?.value ?? '').trim()) unnamed.push(`${tab}: ${role} #${n.backendDOMNodeId}`);
      }
    }
    await cdp.detach();
    expect(controls).toBeGreaterThan(50);
    expect(unnamed).toEqual([]);
  });

  it('made no request outside the page\'s own server and threw no page errors', () => {
    // The packaged office.js, loaded outside Office, opens Microsoft's telemetry frame
    // (OfficeDev/office-js#696); the route above aborts it. Nothing else may leave the page.
    const theirs = /^https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/telemetryservice\/telemetryproxy\.html/;
    expect(outside.filter((url) => !theirs.test(url))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('loads the packaged office.js from its own server, not the CDN', async () => {
    const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.src).filter((src) => /office\.js$/.test(src)));
    expect(scripts).toEqual([`${origin}/office-js/office.js`]);
  });
});
