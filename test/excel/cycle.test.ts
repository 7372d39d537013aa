// The year's cycle through the adapter on the fake: the report form and
// next year's plan hold every cell and merged line of the command line's
// files, look as the plan says (the scale's drop-down, A4), are one Revert
// step each, are refused before anything is written when there is nothing
// to build from; a report held against a plan file marks what the copying
// lost or changed. Syncs stay fixed whatever the size.

import * as fs from 'fs';
import * as path from 'path';
import { analyzeAgainstPlan, areaAddress, getProfile, planNextPlan, planReportForm, type Sheet } from '../../src/core';
import { CYCLE_FORM } from '../../src/i18n/cycle-forms';
import { sheetToFake } from '../../src/in-memory-excel/data';
import { PAYLOAD_LIMIT } from '../../src/in-memory-excel/api';
import { computeContext, newWorkbookOf, readXlsx, visibleSheets, writeXlsx } from '../../src/xlsx';
import { sheetPlanOf } from '../support/agree';
import { FIXTURE_DIR, loadFixture } from '../support/load-fixture';
import { deleteRow } from '../support/sheet-rows';
import { syntheticReport } from '../support/synthetic';
import { MN } from '../support/words';
import { cellDiffs, rig, settings } from './helpers';

const PLAN = 'plan-2023-digital-year-soum.xlsx';
const REPORT = 'report-2025-h1-consulting-unit.xlsx';
const bytesOf = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURE_DIR, name)));
const options = { profile: getProfile('practice'), words: MN, form: CYCLE_FORM };

/** The command line's report form: the plan, and its file's sheets read back. */
function cliReportForm() {
  const book = readXlsx(bytesOf(PLAN));
  const outcome = planReportForm(visibleSheets(book), { ...options, ...computeContext(book) });
  return { outcome, after: visibleSheets(readXlsx(writeXlsx(book, outcome.plan!))) };
}

describe('the report form in Excel', () => {
  it('has every cell and merged line of the command line’s file, the plan the engine gives it, and is the active sheet', async () => {
    const { data } = await loadFixture(PLAN);
    const { fake, host } = rig(data);
    const result = await host.createReportForm(settings());
    const { outcome, after } = cliReportForm();
    expect(result).toMatchObject({ sheet: 'Тайлан', source: 'plan', sourceSheet: 'Төлөвлөгөө', followed: null, period: outcome.period });
    expect(result.plan).toEqual(outcome.plan);
    const form = after.find((s) => s.name === 'Тайлан')!;
    expect(cellDiffs(fake, form, 'cli')).toEqual([]);
    expect(fake.dump().sheets.find((s) => s.name === 'Тайлан')!.merges.sort()).toEqual(form.merges.map(areaAddress).sort());
    expect(fake.dump().active).toBe('Тайлан');
  });

  it('offers the scale in a drop-down on the percent cells (warning of another number) and prints on A4 landscape', async () => {
    const { data } = await loadFixture(PLAN);
    const { fake, host } = rig(data);
    const result = await host.createReportForm(settings({ profileId: 'zg206' }));
    const dump = fake.dump().sheets.find((s) => s.name === 'Тайлан')!;
    const input = result.plan.addedSheets![0].inputs![0];
    expect(dump.validations).toEqual([
      {
        area: areaAddress(input.area),
        rule: { list: { inCellDropDown: true, source: '100,70,30,0' } },
        prompt: { showPrompt: true, title: input.title, message: input.message },
        errorAlert: { showAlert: true, style: 'Warning', title: input.title, message: input.message },
        ignoreBlanks: true,
      },
    ]);
    // Landscape, one page wide, the header and its column numbers (rows 5–6) repeated on every page, the pages numbered.
    const header = result.plan.addedSheets![0].print!.titleRows!;
    expect(header.last).toBe(header.first + 1);
    expect(fake.sheet('Тайлан').pageLayout).toMatchObject({
      paperSize: 'A4',
      orientation: 'Landscape',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      margins: { left: 0.25, right: 0.25, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      printTitleRows: { top: header.first, bottom: header.last },
      headerFooter: { leftFooter: '&A', rightFooter: 'Хуудас &P / &N', rightHeader: '&D' },
    });
  });

  it('is one Revert step: Revert takes the sheet away and leaves the workbook as it was', async () => {
    const { data } = await loadFixture(PLAN);
    const { fake, host } = rig(data);
    const before = fake.dump();
    await host.createReportForm(settings(), { period: '2023 оны эхний хагас жил' });
    expect(await host.nextRevert()).toMatchObject({ kind: 'report-form' });
    const undone = await host.revert();
    expect(undone.removedSheets).toEqual(['Тайлан']);
    expect({ ...fake.dump(), active: before.active }).toEqual(before);
  });

  it('a workbook with nothing to build from, or a protected one: refused, nothing written', async () => {
    const bare = rig({ sheets: [sheetToFake({ name: 'Ирц', startRow: 0, startCol: 0, values: [['Хурлын ирц'], ['Бат']], merges: [] })] });
    const before = bare.fake.dump();
    await expect(bare.host.createReportForm(settings())).rejects.toMatchObject({ code: 'no-plan', text: { en: expect.stringContaining('Nothing was changed') } });
    await expect(bare.host.createNextPlan(settings())).rejects.toMatchObject({ code: 'no-report' });
    expect(bare.fake.dump()).toEqual(before);
    const { data } = await loadFixture(PLAN);
    data.protected = true;
    const locked = rig(data);
    const lockedBefore = locked.fake.dump();
    await expect(locked.host.createReportForm(settings())).rejects.toMatchObject({ code: 'workbook-protected' });
    expect(locked.fake.dump()).toEqual(lockedBefore);
  });
});

describe('next year’s plan in Excel', () => {
  it('has every cell and merged line of the command line’s workbook, as a new sheet; Revert takes it away', async () => {
    const { data } = await loadFixture(REPORT);
    const { fake, host } = rig(data);
    const before = fake.dump();
    const result = await host.createNextPlan(settings());
    const outcome = planNextPlan(visibleSheets(readXlsx(bytesOf(REPORT))), options);
    expect(result).toMatchObject({ sheet: 'Төлөвлөгөө 2026', year: 2026, carriedOver: 8, renumbered: [] });
    expect(result.plan).toEqual(outcome.plan);
    const file = visibleSheets(readXlsx(newWorkbookOf(outcome.plan!.addedSheets![0])))[0];
    expect(cellDiffs(fake, file, 'cli')).toEqual([]);
    expect(fake.dump().sheets.find((s) => s.name === file.name)!.merges.sort()).toEqual(file.merges.map(areaAddress).sort());
    await host.revert();
    expect({ ...fake.dump(), active: before.active }).toEqual(before);
  });
});

describe('a report held against a plan file in Excel', () => {
  /** The form made from the plan, with two of its items lost: a report copied by hand. */
  function copiedReport(): Sheet {
    const plan = visibleSheets(readXlsx(bytesOf(PLAN)));
    const outcome = planReportForm(plan, { ...options, replace: true });
    const form = visibleSheets(readXlsx(writeXlsx(readXlsx(bytesOf(PLAN)), outcome.plan!)))[0];
    const rows = outcome.tables[0].itemRows;
    return { ...deleteRow(deleteRow(form, rows[40]), rows[3]), name: 'Тайлан' };
  }

  it('marks the report’s own findings and the plan items it lost, as the engine finds them', async () => {
    const report = copiedReport();
    const { fake, host } = rig({ sheets: [sheetToFake(report)] });
    const result = await host.checkAgainstPlan(settings(), { name: PLAN, bytes: bytesOf(PLAN) });
    const expected = analyzeAgainstPlan([report], visibleSheets(readXlsx(bytesOf(PLAN))), { profileId: 'practice', words: MN });
    expect(result).toMatchObject({ planFile: PLAN, planTables: ['Төлөвлөгөө!A3'], matched: 64, missing: 2, extra: 0 });
    expect(result.analysis.findings).toEqual(expected.analysis.findings);
    const lost = result.analysis.findings.filter((f) => f.code === 'plan-item-missing');
    expect(lost).toHaveLength(2);
    for (const f of lost) expect(fake.cell('Тайлан', f.cell).fill).toBeTruthy();
    expect(result.marked).toBe(new Set(result.analysis.findings.map((f) => `${f.sheet}!${f.cell}`)).size);
    expect(await host.nextRevert()).toMatchObject({ kind: 'validate' });
  });

  it('a plan file with no table, or one that cannot be read: refused, no mark changed', async () => {
    const { fake, host } = rig({ sheets: [sheetToFake(copiedReport())] });
    const before = fake.dump();
    const empty = newWorkbookOf(sheetPlanOf({ name: 'Ирц', startRow: 0, startCol: 0, values: [['Хурлын ирц']], merges: [] }));
    await expect(host.checkAgainstPlan(settings(), { name: 'ирц.xlsx', bytes: empty })).rejects.toMatchObject({ code: 'no-plan-in-file', text: { en: expect.stringContaining('"ирц.xlsx" holds no performance plan') } });
    await expect(host.checkAgainstPlan(settings(), { name: 'not.xlsx', bytes: new TextEncoder().encode('not a workbook') })).rejects.toMatchObject({ text: { en: expect.any(String) } });
    expect(fake.dump()).toEqual(before);
  });
});

describe('syncs', () => {
  const sized = async (items: number, make: 'form' | 'plan') => {
    const { fake, host } = rig(syntheticReport({ items }));
    if (make === 'form') await host.createReportForm(settings());
    else await host.createNextPlan(settings());
    return { syncs: fake.syncCount, maxRequest: fake.maxRequest, refused: fake.refused.length };
  };

  // A workbook with no store yet has nothing to read before writing: no sync is spent on it.
  it('the report form and next year’s plan: 3 syncs each for a report of 100 and of 2,000 rows (facts, sheets, write)', async () => {
    const runs = [await sized(100, 'form'), await sized(2_000, 'form'), await sized(100, 'plan'), await sized(2_000, 'plan')];
    expect(runs.map((r) => r.syncs)).toEqual([3, 3, 3, 3]);
    for (const r of runs) expect(r.maxRequest).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    expect(runs.map((r) => r.refused)).toEqual([0, 0, 0, 0]);
  }, 60_000);
});
