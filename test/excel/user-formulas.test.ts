// A user's formulas that point at the add-in's own sheets. Excel rewrites
// every reference to a sheet that is renamed (and turns it into #REF! when
// the sheet is deleted): the fake does the same. So the add-in never
// renames or deletes a sheet a user's formulas may point at: the summary
// and the evaluation sheet it made are rewritten in place, the earlier
// contents kept as data in the Revert store.
//
// Before, the replaced summary was renamed to a very hidden Unelgee_PrevN:
// the user's ='Үнэлгээний хураангуй'!E6 followed it there and showed the
// old figures, then #REF! once the backup left the 10-step stack.

import { cellAddress } from '../../src/core';
import { EVALUATION_FORM } from '../../src/i18n/evaluation-form';
import { MAX_SNAPSHOTS } from '../../src/excel/store';
import { loadFixture } from '../support/load-fixture';
import { SUMMARY_CELLS } from '../support/layout-cells';
import { SUMMARY_SHEET } from '../support/words';
import { rig, settings } from './helpers';

const REPORT = 'report-2024-aimag-admin-dept.xlsx';
const SHEET = 'Тайлан';
/** The summary's first table line's average: the cell the user's formula points at. */
const AVERAGE_CELL = SUMMARY_CELLS.address('average', 6);
const LINK = `='${SUMMARY_SHEET}'!${AVERAGE_CELL}`;

async function withUserFormula(target: string) {
  const { data } = await loadFixture(REPORT);
  const r = rig(data);
  await r.host.compute(settings());
  await r.fake.run(async (context) => {
    context.workbook.worksheets.getItem(SHEET).getRange('L130').formulas = [[`='${target}'!${AVERAGE_CELL}`]];
    await context.sync();
  });
  return r;
}

describe('a user formula pointing at the summary', () => {
  it('follows it when Compute rewrites the summary: same formula, the new figure; Revert brings back the old figure', async () => {
    const { fake, host } = await withUserFormula(SUMMARY_SHEET);
    const first = fake.value(SUMMARY_SHEET, AVERAGE_CELL);
    expect(fake.value(SHEET, 'L130')).toBe(first);
    const again = await host.compute(settings({ lang: 'en' }));
    expect(again.plan.summary).toMatchObject({ name: SUMMARY_SHEET, replaces: true });
    expect(fake.cell(SHEET, 'L130').f).toBe(LINK);
    expect(fake.value(SHEET, 'L130')).toBe(fake.value(SUMMARY_SHEET, AVERAGE_CELL));
    expect(fake.names().filter((n) => n.startsWith('Unelgee_Prev'))).toEqual([]);
    await host.revert();
    expect(fake.cell(SHEET, 'L130').f).toBe(LINK);
    expect(fake.value(SHEET, 'L130')).toBe(first);
  });

  it(`never turns into #REF!, however many times the summary is rewritten (the ${MAX_SNAPSHOTS}-step stack overflowing)`, async () => {
    const { fake, host } = await withUserFormula(SUMMARY_SHEET);
    for (let i = 1; i <= MAX_SNAPSHOTS + 1; i++) await host.compute(settings({ lang: i % 2 === 1 ? 'en' : 'mn' }));
    expect(fake.cell(SHEET, 'L130').f).toBe(LINK);
    expect(fake.value(SHEET, 'L130')).toBe(fake.value(SUMMARY_SHEET, AVERAGE_CELL));
  });
});

describe('a user formula pointing at the evaluation sheet', () => {
  it('keeps pointing at it when the sheet is made again, and after Revert', async () => {
    const { data } = await loadFixture('report-2025-h1-consulting-unit.xlsx');
    const { fake, host } = rig(data);
    const made = await host.createEvaluationSheet(settings());
    const name = EVALUATION_FORM.sheetName;
    const at = cellAddress(made.plan.addedSheets![0].writes.find((w) => w.formula)!.row, made.plan.addedSheets![0].writes.find((w) => w.formula)!.col);
    const link = `='${name}'!${at}`;
    const home = fake.names()[0];
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem(home).getRange('Z1').formulas = [[link]];
      await context.sync();
    });
    const again = await host.createEvaluationSheet(settings());
    expect(again.replaced).toBe(true);
    expect(fake.cell(home, 'Z1').f).toBe(link);
    expect(fake.value(home, 'Z1')).toBe(fake.value(name, at));
    await host.revert();
    expect(fake.cell(home, 'Z1').f).toBe(link);
  });
});
