// The problems users must hear about: each is an AddinError with Mongolian
// and English text, raised before anything is written.

import { MN, SUMMARY_SHEET } from '../support/words';
import { AddinError } from '../../src/excel/types';
import type { FakeWorkbookData } from '../../src/in-memory-excel/excel';
import { loadFixture } from '../support/load-fixture';
import { rig, settings } from './helpers';

// The 2024 report has findings to mark and a plan that writes to the sheet.
const REPORT = 'report-2024-aimag-admin-dept.xlsx';

async function report(): Promise<FakeWorkbookData> {
  return (await loadFixture(REPORT)).data;
}

const notesSheet = {
  name: 'Тэмдэглэл',
  values: [['Хурлын тэмдэглэл'], ['Хэлтсийн ажлын уулзалт 2025 оны 3 дугаар сарын 4-нд болов.'], ['Оролцсон: Б.Болд, Д.Сараа']],
  merges: [],
};

const english = {
  name: 'Report',
  values: [
    ['PERFORMANCE REPORT 2024', null, null, null, null, null],
    ['No.', 'Action', 'Indicator', 'Baseline', 'Target', 'Achieved', 'Percent'],
    [1, 'Publish the annual plan on the website', 'Plan published', 0, 1, 1, 100],
    [2, 'Train staff on the new procedure', 'Staff trained', 10, 40, 35, ''],
  ],
  merges: ['A1:F1'],
};

const russian = {
  name: 'Отчёт',
  values: [
    ['ОТЧЁТ О ВЫПОЛНЕНИИ ПЛАНА', null, null, null, null, null],
    ['№', 'Мероприятие', 'Показатель', 'Базовый уровень', 'Целевой уровень', 'Достигнутый уровень', 'Процент'],
    [1, 'Опубликовать годовой план на сайте', 'План опубликован', 0, 1, 1, 100],
  ],
  merges: ['A1:F1'],
};

/** Runs the action, expects an AddinError with both languages, and the workbook untouched. */
async function expectRefusal(data: FakeWorkbookData, act: (h: ReturnType<typeof rig>['host']) => Promise<unknown>, code: string): Promise<AddinError> {
  const { fake, host } = rig(data);
  const before = fake.dump();
  const error = await act(host).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AddinError);
  const e = error as AddinError;
  expect(e.code).toBe(code);
  expect(e.text.mn.length).toBeGreaterThan(20);
  expect(e.text.en.length).toBeGreaterThan(20);
  expect(e.text.mn).not.toBe(e.text.en);
  expect(e.message).toBe(e.text.en);
  expect(fake.dump()).toEqual(before);
  return e;
}

const validate = (h: ReturnType<typeof rig>['host']) => h.validate(settings());
const compute = (h: ReturnType<typeof rig>['host']) => h.compute(settings());

describe('a protected sheet', () => {
  it.each([
    ['Validate', validate],
    ['Compute', compute],
  ])('%s says so in both languages and changes nothing', async (_name, act) => {
    const data = await report();
    data.sheets[0].protected = true;
    const e = await expectRefusal(data, act, 'sheet-protected');
    expect(e.text.mn).toContain('"Тайлан"');
    expect(e.text.mn).toContain('хамгаалалттай');
    expect(e.text.en).toContain('Sheet "Тайлан" is protected');
  });

  it('can still be analysed (reading needs no permission)', async () => {
    const data = await report();
    data.sheets[0].protected = true;
    const { host } = rig(data);
    const analysis = await host.analyze(settings());
    expect(analysis.sheets[0].tables.length).toBe(2);
    expect(analysis.findings.length).toBeGreaterThan(0);
  });

  it('Revert refuses too when the sheet was protected after Compute, and keeps the snapshot', async () => {
    const { fake, host } = rig(await report());
    await host.compute(settings());
    fake.sheet('Тайлан').protected_ = true;
    const before = fake.dump();
    await expect(host.revert()).rejects.toMatchObject({ code: 'sheet-protected' });
    expect(fake.dump()).toEqual(before);
    fake.sheet('Тайлан').protected_ = false;
    expect(await host.canRevert()).toBe(true);
  });
});

describe('a sheet with no table', () => {
  it.each([
    ['Validate', validate],
    ['Compute', compute],
  ])('%s names the sheet, and the sheets that do have a table', async (_name, act) => {
    const data = await report();
    data.sheets.push(notesSheet);
    data.activeSheet = 'Тэмдэглэл';
    const e = await expectRefusal(data, act, 'no-table');
    expect(e.text.mn).toContain('"Тэмдэглэл" хуудсанд гүйцэтгэлийн хүснэгт олдсонгүй');
    expect(e.text.mn).toContain('Хүснэгт олдсон хуудас: "Тайлан"');
    expect(e.text.en).toContain('No performance table on sheet "Тэмдэглэл"');
    expect(e.text.en).toContain('Tables were found on: "Тайлан"');
  });

  it('in a workbook without any table, says so for the whole workbook', async () => {
    const e = await expectRefusal({ sheets: [notesSheet] }, (h) => h.validate(settings({ scope: 'workbook' })), 'no-table');
    expect(e.text.en).toContain('any sheet of this workbook');
  });
});

/** A summary sheet as Compute writes it: its title in A1, its headers on row 5. */
const ownSummary = () => [[SUMMARY_SHEET], [], [], [], MN.columns.map((column) => column.header.mn), ['Тайлан', 'Хүснэгт', 12]];

describe("the add-in's summary sheet active", () => {
  it.each([
    ['Validate', validate],
    ['Compute', compute],
  ])('%s asks for a sheet with a table and names it', async (_name, act) => {
    const data = await report();
    data.sheets.push({ name: SUMMARY_SHEET, values: ownSummary(), merges: [] });
    data.activeSheet = SUMMARY_SHEET;
    const e = await expectRefusal(data, act, 'summary-sheet-active');
    expect(e.text.mn).toContain(`"${SUMMARY_SHEET}"`);
    expect(e.text.mn).toContain('"Тайлан"');
    expect(e.text.en).toContain('Tables were found on: "Тайлан"');
  });

  it('is fine with the whole-workbook scope (the summary itself is never analysed)', async () => {
    const data = await report();
    data.sheets.push({ name: SUMMARY_SHEET, values: ownSummary(), merges: [] });
    data.activeSheet = SUMMARY_SHEET;
    const { host } = rig(data);
    const r = await host.validate(settings({ scope: 'workbook' }));
    expect(r.analysis.sheets.map((s) => s.sheet)).toEqual(['Тайлан']);
  });
});

describe('a workbook in another language', () => {
  it.each([
    ['English', english, 'is in English', 'англи'],
    ['Russian', russian, 'is in Russian', 'орос'],
  ])('%s headers: says the add-in reads Mongolian forms', async (_name, sheet, en, mn) => {
    const e = await expectRefusal({ sheets: [sheet] }, validate, 'not-mongolian');
    expect(e.text.en).toContain(en);
    expect(e.text.en).toContain('Unelgee reads Mongolian performance plan and report forms');
    expect(e.text.mn).toContain(mn);
    expect(e.text.mn).toContain('монгол хэлээрх');
  });

  it('Compute refuses the same way', async () => {
    await expectRefusal({ sheets: [english] }, compute, 'not-mongolian');
  });
});

describe('nothing to revert', () => {
  it('says so, and canRevert is false', async () => {
    await expectRefusal(await report(), (h) => h.revert(), 'nothing-to-revert');
    const { host } = rig(await report());
    expect(await host.canRevert()).toBe(false);
  });
});

describe('a protected workbook structure', () => {
  it('Compute cannot add its summary sheet: says so and changes nothing', async () => {
    const data = await report();
    data.protected = true;
    const e = await expectRefusal(data, compute, 'workbook-protected');
    expect(e.text.en).toContain('workbook structure is protected');
  });
});

describe('selecting a finding', () => {
  it("activates the finding's sheet and selects the cell", async () => {
    const data = await report();
    data.sheets.push(notesSheet);
    data.activeSheet = 'Тэмдэглэл';
    const { fake, host } = rig(data);
    await host.selectCell('Тайлан', 'H10');
    expect(fake.model.active.name).toBe('Тайлан');
    expect(fake.model.selection?.area).toEqual({ top: 9, left: 7, bottom: 9, right: 7 });
  });

  it('on a sheet that is gone, says so', async () => {
    await expectRefusal(await report(), (h) => h.selectCell('Алга', 'A1'), 'sheet-missing');
  });
});
