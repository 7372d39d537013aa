// End to end: what the page says, on the aimag sample, as a person reads it
// in the 320 px pane — the path ticks only what was done and counts the
// errors left; a finding's English code only in its details; Fix all says
// what it left to do and lists what it revealed first; Compute's message is
// short, the scores in view, the details on asking; group names whole;
// Revert of the evaluation sheet names what it removed. And the sheet view
// cuts spilled text at the next cell that holds something. Screenshots at
// 320 px and 1400 px go to test-results/e2e-5*.png.

import type { Page } from 'playwright-core';
import { frames, idle, startPage, type PageRig } from '../support/page-rig';

let rig: PageRig;
const SAMPLE = 'report-2024-aimag-admin-dept';

const pane = (page: Page) => page.locator('#pane');
const paneButton = (page: Page, name: string | RegExp) => pane(page).getByRole('button', { name, exact: typeof name === 'string' });
const message = (page: Page) => pane(page).locator('[data-intent]');
const steps = (page: Page) => pane(page).getByRole('navigation', { name: 'Алхам' });

beforeAll(async () => {
  rig = await startPage();
}, 30_000);

afterAll(async () => {
  await rig?.close();
});

describe(`The pane's messages at 320 px (${SAMPLE})`, () => {
  let page: Page;
  beforeAll(async () => {
    page = await rig.open(320);
    await page.goto(`${rig.origin}/app.html?sample=${SAMPLE}`);
    await page.locator('#page [data-sheet="Тайлан"]').waitFor();
    await idle(page);
  });
  afterAll(async () => {
    await page?.close();
  });

  it('after Validate: the path ticks Validate only and says how many errors are left; no English code on the findings', async () => {
    await paneButton(page, 'Шалгах').click();
    await message(page).filter({ hasText: /^Шалгалаа:/ }).waitFor();
    await idle(page);
    expect(await steps(page).textContent()).toBe('✓ Шалгах→ Засах→ Оноо тооцох15 алдаа засах үлдлээ');
    expect(await pane(page).locator('[aria-current="step"]').textContent()).toBe('→ Засах');
    const text = await pane(page).innerText();
    expect(text).not.toMatch(/missing-percent|percent-misplaced|numbering-gap/);
    // The chosen finding's details carry its code.
    await pane(page).locator('button[data-cell="Тайлан!H40"]').click();
    await pane(page).getByTestId('finding-details').filter({ hasText: 'Код: missing-percent' }).waitFor();
    await rig.shot(page, '50-narrow-validated');
  });

  it('Fix all says what it left to do — the six achieved levels its moves emptied — and lists them first', async () => {
    await paneButton(page, 'Бүгдийг засах (8)').click();
    await message(page).filter({ hasText: '8 засвар хийж, 15 нүдийг өөрчиллөө. 6 нүдэнд хүрсэн түвшинг бичнэ үү: G24, G47, G48, G49, G82 (+1).' }).waitFor();
    await idle(page);
    const first = pane(page).locator('section[data-severity]').first();
    expect(await first.getAttribute('data-severity')).toBe('revealed');
    expect(await first.getByRole('heading').textContent()).toMatch(/^Засварын дараа илэрсэн/);
    expect(await first.locator('button[data-cell]').evaluateAll((buttons) => buttons.map((b) => `${b.getAttribute('data-cell')} ${b.getAttribute('data-code')}`))).toEqual([
      'Тайлан!G24 missing-achieved',
      'Тайлан!G47 missing-achieved',
      'Тайлан!G48 missing-achieved',
      'Тайлан!G49 missing-achieved',
      'Тайлан!G82 missing-achieved',
      'Тайлан!G85 missing-achieved',
    ]);
    await rig.shot(page, '51-narrow-fixed-all');
  });

  it('Compute: one short sentence with the scores in view; where the cells went behind "Дэлгэрэнгүй"; the path ticks Compute, not Fix', async () => {
    await paneButton(page, 'Оноо тооцох').click();
    await message(page).filter({ hasText: /^Оноо тооцлоо: \d+ нүдийг бичив\./ }).waitFor();
    await idle(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = (await message(page).boundingBox())!;
    // Three lines and a button row at most (it took 13 lines).
    expect(box.height).toBeLessThan(130);
    const average = pane(page).getByTestId('table-average').first();
    expect((await average.boundingBox())!.y + 30).toBeLessThan(720);
    const details = pane(page).getByTestId('message-details');
    expect(await details.isVisible()).toBe(false);
    await rig.shot(page, '52-narrow-computed');
    await paneButton(page, 'Дэлгэрэнгүй').click();
    expect(await details.isVisible()).toBe(true);
    expect(await details.textContent()).toMatch(/Үүнээс хүснэгтэд \d+ нүд, шинээр нэмсэн «Үнэлгээний хураангуй» хуудсанд \d+ нүд\./);
    await rig.shot(page, '53-narrow-computed-details');
    expect(await steps(page).textContent()).toMatch(/^✓ Шалгах→ Засах→ ✓ Оноо тооцох\d+ алдаа засах үлдлээ$/);
  });

  it('group names are whole, wrapped in their column, not cut to ten letters', async () => {
    const names = pane(page).locator('tbody th[scope="row"]');
    expect(await names.count()).toBeGreaterThan(3);
    const cut = await names.evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth + 1 || /…$/.test(c.textContent ?? '')).map((c) => c.textContent));
    expect(cut).toEqual([]);
    expect(await names.allTextContents()).toContain('Зорилт 1.1 Монгол Улсын сайдуудтай байгуулсан гэрээний хэрэгжилтийг хангана');
    await names.first().scrollIntoViewIfNeeded();
    await rig.shot(page, '54-narrow-group-names');
  });

  it('Revert of the evaluation sheet says what it removed, not "0 cells"', async () => {
    await pane(page).getByRole('tab', { name: 'Оноо' }).click();
    await paneButton(page, 'Үнэлгээний хуудас үүсгэх').click();
    await message(page).filter({ hasText: '«8-р хавсралт» хуудсыг' }).waitFor();
    await idle(page);
    await paneButton(page, 'Буцаах').click();
    await message(page).filter({ hasText: /8-р хавсралтыг буцаалаа/ }).waitFor();
    await idle(page);
    const said = await message(page).textContent();
    expect(said).toContain('Устгасан хуудас: 8-р хавсралт.');
    expect(said).not.toMatch(/\b0 нүдийг/);
  });

  it('made no request off the page\'s origin and threw no page errors', () => {
    expect(rig.outside).toEqual([]);
    expect(rig.pageErrors).toEqual([]);
  });
});

describe('The sheet view at 1400 px', () => {
  it('text spills over empty cells only: no cell draws its text past its own box (the spill ends at the next cell that holds something)', async () => {
    const page = await rig.open(1400);
    try {
      await page.goto(`${rig.origin}/app.html?sample=${SAMPLE}`);
      await page.locator('#page [data-sheet="Тайлан"]').waitFor();
      await idle(page);
      await frames(page);
      const overflowing = await page
        .locator('#page [role="gridcell"]')
        .evaluateAll((cells) => cells.filter((c) => (c.textContent ?? '') !== '' && getComputedStyle(c).overflowX === 'visible').map((c) => c.getAttribute('data-addr')));
      expect(overflowing).toEqual([]);
      // Row 12: G's text spills over the empty H… and is cut where it ends, not drawn beyond.
      const g12 = page.locator('#page [data-addr="G12"]');
      const [own, drawn] = await g12.evaluate((c) => [c.getBoundingClientRect().width, c.scrollWidth]);
      expect(drawn).toBeGreaterThan(own);
      await paneButton(page, 'Шалгах').click();
      await message(page).filter({ hasText: /^Шалгалаа:/ }).waitFor();
      await idle(page);
      await paneButton(page, 'Оноо тооцох').click();
      await message(page).filter({ hasText: /^Оноо тооцлоо:/ }).waitFor();
      await idle(page);
      await rig.shot(page, '55-computed');
    } finally {
      await page.close();
    }
  });
});
