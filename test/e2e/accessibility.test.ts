// End to end: axe-core on the BUILT web page at each step a person takes —
// the welcome screen, a sample after Validate, after Compute, and a roll-up
// shown as a workbook — at 1400 px and at 320 px. No serious or critical
// violation; and none of those found on the page before (a main landmark
// inside another, content outside landmarks, an empty table header, no main
// landmark). What axe leaves out, and why: test/support/page-rig.ts.

import type { Page } from 'playwright-core';
import { FIXTURE_NAMES, fixturePath } from '../support/fixtures';
import { axeViolations, idle, startPage, type AxeViolation, type PageRig } from '../support/page-rig';

let rig: PageRig;
const SAMPLE = 'report-2024-aimag-admin-dept';
/** The rules the page broke before (moderate and minor ones too): none may come back. */
const ONCE_BROKEN = ['aria-hidden-focus', 'empty-table-header', 'landmark-main-is-top-level', 'landmark-one-main', 'region', 'landmark-no-duplicate-main'];

/** Violations that must not be: serious or critical ones, and any of the rules once broken. */
async function faults(page: Page): Promise<AxeViolation[]> {
  const found = await axeViolations(page);
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical' || ONCE_BROKEN.includes(v.id));
}

beforeAll(async () => {
  rig = await startPage();
}, 30_000);

afterAll(async () => {
  await rig?.close();
});

describe.each([1400, 320])('axe-core at %i px', (width) => {
  let page: Page;
  beforeAll(async () => {
    page = await rig.open(width);
  });
  afterAll(async () => {
    await page?.close();
  });

  it('the welcome screen', async () => {
    await page.goto(`${rig.origin}/app.html`);
    await page.getByRole('heading', { name: 'Төлөвлөгөө, тайлангаа нээнэ үү' }).waitFor();
    expect(await faults(page)).toEqual([]);
  });

  it('a sample after Validate', async () => {
    await page.getByRole('button', { name: 'Тайлан 2024 (аймаг)' }).click();
    await page.locator('#page [data-sheet="Тайлан"]').waitFor();
    await idle(page);
    await page.locator('#pane').getByRole('button', { name: 'Шалгах', exact: true }).click();
    await page.locator('#pane [data-intent]').filter({ hasText: /^Шалгалаа:/ }).waitFor();
    await idle(page);
    expect(await faults(page)).toEqual([]);
  });

  it('after Compute', async () => {
    await page.locator('#pane').getByRole('button', { name: 'Оноо тооцох', exact: true }).click();
    await page.locator('#pane [data-intent]').filter({ hasText: /^Оноо тооцлоо:/ }).waitFor();
    await idle(page);
    expect(await faults(page)).toEqual([]);
    // The pane is the one main landmark, at the top level.
    expect(await page.getByRole('main').count()).toBe(1);
  });

  it('a roll-up shown as a workbook', async () => {
    await page.getByTestId('rollup-input').setInputFiles(FIXTURE_NAMES.map(fixturePath));
    await page.locator('#page [data-sheet="Нэгтгэл"]').waitFor({ timeout: 60_000 });
    await idle(page);
    expect(await faults(page)).toEqual([]);
  });
});

it(`made no request off the page's origin and threw no page errors (${SAMPLE} and the roll-up)`, () => {
  expect(rig.outside).toEqual([]);
  expect(rig.pageErrors).toEqual([]);
});
