// Revert, repeat and Clear marks: the workbook comes back cell for cell;
// running an action twice changes nothing more than running it once.

import { SUMMARY_SHEET } from '../support/words';
import { MARK_FILLS } from '../../src/excel/marks';
import { MAX_SNAPSHOTS, STORE_SHEET } from '../../src/excel/store';
import type { FakeWorkbookData } from '../../src/in-memory-excel/excel';
import { loadFixture } from '../support/load-fixture';
import { REPORT_HEADER } from '../support/synthetic';
import { NOTES_UNDER_TEST, rig, settings } from './helpers';

const REPORT = 'report-2024-aimag-admin-dept.xlsx';
const SHEET = 'Тайлан';

/** The 2024 report with a user's own notes, fills, bold and formulas on cells the add-in will touch. */
async function decorated(): Promise<FakeWorkbookData> {
  const { data } = await loadFixture(REPORT);
  const s = data.sheets[0];
  // H99: the stated average Compute rewrites; H40: a cell Validate marks (missing percent).
  s.notes = { H99: 'Шалгасан: Б.Болд', H40: 'Хүлээгдэж буй' };
  s.fills = { H99: '#E2EFDA', H40: '#FCE4D6' };
  s.bold = ['H99'];
  // A formula over the rows below the second table: Compute inserts no row, so it never moves.
  s.formulas = s.formulas ?? [];
  while (s.formulas.length < 120) s.formulas.push([]);
  s.formulas[119] = [...Array(9).fill(null), '=SUM(F100:F115)'];
  while (s.values.length < 120) s.values.push([]);
  s.values[119] = Array(10).fill(null);
  return data;
}

describe('Revert after Compute', () => {
  it('restores values, formulas, formats, notes and fills, deletes the summary and the store; no row moves', async () => {
    const { fake, host } = rig(await decorated());
    const before = fake.dump();
    expect(fake.cell(SHEET, 'J120').f).toBe('=SUM(F100:F115)');

    const computed = await host.compute(settings());
    expect(computed.changed).toBeGreaterThan(0);
    expect(fake.cell(SHEET, 'H99').f).toMatch(/^=ROUND\(AVERAGE\(/);
    expect(fake.cell(SHEET, 'A111').v).toBe('ХЯНАСАН:');
    expect(fake.cell(SHEET, 'J120').f).toBe('=SUM(F100:F115)');
    expect(fake.names()).toContain(SUMMARY_SHEET);
    expect(await host.canRevert()).toBe(true);

    const result = await host.revert();
    expect(result.removedSheets).toEqual([SUMMARY_SHEET]);
    expect(result.restored).toBeGreaterThan(0);
    expect(fake.dump()).toEqual(before);
    expect(fake.cell(SHEET, 'H99')).toMatchObject({ v: '97.5 хувь', f: null, note: 'Шалгасан: Б.Болд', fill: '#E2EFDA', b: true });
    expect(await host.canRevert()).toBe(false);
  });

  it("never replaces a user's own sheet that has the summary's name: the summary takes a free name, Revert removes only it", async () => {
    const data = await decorated();
    data.sheets.push({ name: SUMMARY_SHEET, values: [['Өмнөх хураангуй'], [42]], merges: [] });
    const { fake, host } = rig(data);
    const before = fake.dump();
    const computed = await host.compute(settings());
    expect(computed.plan.summary).toMatchObject({ name: `${SUMMARY_SHEET} (2)`, replaces: false });
    expect(fake.value(SUMMARY_SHEET, 'A1')).toBe('Өмнөх хураангуй');
    expect(fake.value(`${SUMMARY_SHEET} (2)`, 'A1')).toBe(SUMMARY_SHEET);
    const result = await host.revert();
    expect(result.removedSheets).toEqual([`${SUMMARY_SHEET} (2)`]);
    expect(fake.dump()).toEqual(before);
  });

  it('replaces the summary Compute made earlier, and Revert brings the earlier one back', async () => {
    const { fake, host } = rig(await decorated());
    await host.compute(settings());
    const once = fake.dump();
    // In English the summary's words differ, so it is rewritten: over the old one, under its name.
    const again = await host.compute(settings({ lang: 'en' }));
    expect(again.plan.summary).toMatchObject({ name: SUMMARY_SHEET, replaces: true });
    expect(fake.names().filter((n) => !n.startsWith('Unelgee_'))).toEqual(['Тайлан', SUMMARY_SHEET]);
    expect(fake.value(SUMMARY_SHEET, 'A1')).toBe('Scoring summary');
    await host.revert();
    expect(fake.dump()).toEqual(once);
  });
});

describe('running twice', () => {
  it('Compute twice leaves the same workbook as Compute once, writes nothing the second time, and Revert still returns to the original', async () => {
    const once = rig(await decorated());
    await once.host.compute(settings());

    const twice = rig(await decorated());
    const original = twice.fake.dump();
    await twice.host.compute(settings());
    twice.fake.resetCounters();
    const second = await twice.host.compute(settings());
    expect(second.changed).toBe(0);
    expect(second.plan.sheets).toEqual([]);
    expect(twice.fake.syncCount).toBe(3); // read, the earlier summary, then what the plan would overwrite: no write
    expect(twice.fake.dump()).toEqual(once.fake.dump());

    await twice.host.revert();
    expect(twice.fake.dump()).toEqual(original);
  });

  it('Validate twice leaves one set of marks (the same workbook as Validate once)', async () => {
    const once = rig(await decorated());
    await once.host.validate(settings());
    const twice = rig(await decorated());
    await twice.host.validate(settings());
    const afterFirst = twice.fake.dump();
    await twice.host.validate(settings());
    expect(twice.fake.dump()).toEqual(afterFirst);
    expect(twice.fake.dump()).toEqual(once.fake.dump());
  });

  it('Validate again after the sheet changed moves the marks: the old mark is taken back, the user fill comes back', async () => {
    const { fake, host } = rig(await decorated());
    await host.validate(settings());
    expect(fake.cell(SHEET, 'H40').fill).toBe(MARK_FILLS.error);
    // The user fills in the missing percent by hand.
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).getRange('H40').values = [[100]];
      await context.sync();
    });
    await host.validate(settings());
    expect(fake.cell(SHEET, 'H40')).toMatchObject({ v: 100, fill: '#FCE4D6', note: 'Хүлээгдэж буй' });
  });
});

describe('Clear marks', () => {
  it('restores the fills and notes that were there before Validate, and leaves no mark', async () => {
    const { fake, host } = rig(await decorated());
    const before = fake.dump({ hidden: false });
    const validated = await host.validate(settings());
    expect(validated.marked).toBeGreaterThan(0);
    expect(fake.cell(SHEET, 'H40').fill).toBe(MARK_FILLS.error);
    if (NOTES_UNDER_TEST) expect(fake.cell(SHEET, 'H40').note).toContain('Алдаа: №23 арга хэмжээ: хувь бичигдээгүй');

    const cleared = await host.clearMarks();
    expect(cleared).toBe(validated.marked);
    expect(fake.dump({ hidden: false })).toEqual(before);
    expect(fake.cell(SHEET, 'H40')).toMatchObject({ fill: '#FCE4D6', note: 'Хүлээгдэж буй' });
    expect(await host.clearMarks()).toBe(0);
  });

  it('is itself undone by Revert (the marks come back)', async () => {
    const { fake, host } = rig(await decorated());
    await host.validate(settings());
    const marked = fake.dump();
    await host.clearMarks();
    await host.revert();
    expect(fake.dump()).toEqual(marked);
  });

  it('after Compute inserted a row above marked cells, still finds and clears every mark', async () => {
    const { fake, host } = rig(await decorated());
    const before = fake.dump({ hidden: false });
    await host.validate(settings());
    await host.compute(settings());
    await host.clearMarks();
    const fills = Object.entries(fake.dump().sheets.find((s) => s.name === SHEET)!.cells).filter(([, c]) => c.fill && Object.values(MARK_FILLS).includes(c.fill));
    expect(fills).toEqual([]);
    await host.revert(); // clear marks
    await host.revert(); // compute
    await host.revert(); // validate
    expect(fake.dump({ hidden: false })).toEqual(before);
    expect(fake.names()).not.toContain(STORE_SHEET);
  });
});

/** Two small tables; the first has a signature line right under it, so Compute has no row for its average there. */
function twoTables(): FakeWorkbookData {
  const header = [...REPORT_HEADER];
  const item = (n: number, over: Partial<Record<number, string | number>> = {}) => {
    const row: (string | number | null)[] = [n, `Арга хэмжээ ${n}`, 'Тайлагналтын тоо', 1, 2, 'I-IV улирал', 2, 100];
    for (const [k, v] of Object.entries(over)) row[Number(k)] = v as string | number;
    return row;
  };
  const values = [
    ['ГҮЙЦЭТГЭЛИЙН ТАЙЛАН', null, null, null, null, null, null, null],
    header,
    ['Зорилт 1. Хууль тогтоомжийг хэрэгжүүлнэ', null, null, null, null, null, null, null],
    item(1),
    item(2),
    item(3, { 7: 90 }),
    item(4),
    item(5, { 4: '', 7: '' }),
    ['ТАЙЛАГНАСАН: Хэлтсийн дарга /Б.БОЛД/', null, null, null, null, null, null, null],
    [null, null, null, null, null, null, null, null],
    header,
    ['Зорилт 2. Дотоод ажил', null, null, null, null, null, null, null],
    item(1, { 2: '' }),
    item(2, { 2: '' }),
    item(3, { 2: '' }),
  ];
  return { sheets: [{ name: SHEET, values, merges: ['A1:H1', 'A3:H3', 'A12:H12'] }] };
}

describe('marks, and a table with no free row under it', () => {
  it('Compute inserts no row: marks stay on their cells, the signature stays put, Clear marks finds them all', async () => {
    const { fake, host } = rig(twoTables());
    const original = fake.dump();
    await host.validate(settings());
    const markedBelow = fake.cell(SHEET, 'C13');
    expect(markedBelow.fill).toBe(MARK_FILLS.warning);
    expect(fake.cell(SHEET, 'E8').fill).toBe(MARK_FILLS.error);

    const computed = await host.compute(settings());
    expect(computed.plan.skipped.map((s) => [s.tableId, s.reason])).toEqual([[`${SHEET}!A2`, 'no-free-row']]);
    expect(fake.cell(SHEET, 'A9').v).toBe('ТАЙЛАГНАСАН: Хэлтсийн дарга /Б.БОЛД/');
    expect(fake.cell(SHEET, 'C13')).toMatchObject({ fill: MARK_FILLS.warning, note: markedBelow.note });

    await host.clearMarks();
    const marks = Object.entries(fake.dump().sheets[0].cells).filter(([, c]) => c.fill !== undefined || c.note?.startsWith('Үнэлгээ · '));
    expect(marks).toEqual([]);
    await host.revert();
    await host.revert();
    await host.revert();
    expect(fake.dump()).toEqual(original);
  });
});

describe('Revert, step by step', () => {
  it('undoes the newest action first: Compute, then Validate', async () => {
    const { fake, host } = rig(await decorated());
    const original = fake.dump();
    await host.validate(settings());
    const validated = fake.dump({ hidden: false });
    await host.compute(settings());
    await host.revert();
    expect(fake.dump({ hidden: false })).toEqual(validated);
    await host.revert();
    expect(fake.dump()).toEqual(original);
    await expect(host.revert()).rejects.toMatchObject({ code: 'nothing-to-revert' });
  });

  it('works without the notes API (ExcelApi 1.17): fills only, and Revert still restores', async () => {
    const { fake, host } = rig(await decorated(), { apiVersion: '1.17' });
    const original = fake.dump();
    await host.validate(settings());
    expect(fake.cell(SHEET, 'H40')).toMatchObject({ fill: MARK_FILLS.error, note: 'Хүлээгдэж буй' });
    await host.compute(settings());
    expect(fake.cell(SHEET, 'H99').note).toBe('Шалгасан: Б.Болд');
    await host.revert();
    await host.revert();
    expect(fake.dump()).toEqual(original);
  });
});

describe('the snapshot stack', () => {
  it(`keeps the newest ${MAX_SNAPSHOTS} actions: older ones are dropped, and Revert goes back exactly that far`, async () => {
    const { fake, host } = rig(await decorated());
    const original = fake.dump({ hidden: false });
    for (let i = 0; i < 6; i++) {
      await host.validate(settings());
      await host.clearMarks();
    }
    // 12 actions recorded, 10 kept: the store holds the index, the registry and 10 snapshot columns.
    const store = fake.sheet(STORE_SHEET);
    expect(store.used(true)?.right).toBe(1 + MAX_SNAPSHOTS);
    for (let i = 0; i < MAX_SNAPSHOTS; i++) await host.revert();
    // Back to after the second action (Clear marks): no marks, the user's fills and notes in place.
    expect(fake.dump({ hidden: false })).toEqual(original);
    expect(await host.canRevert()).toBe(false);
    await expect(host.revert()).rejects.toMatchObject({ code: 'nothing-to-revert' });
  });
});

describe('marks and Compute', () => {
  it('a marked cell Compute writes loses its stale mark; Revert brings the mark back', async () => {
    const { data } = await loadFixture(REPORT);
    const { fake, host } = rig(data);
    await host.validate(settings());
    // H99: the stated 97.5 that differs from the rows (average-mismatch, a warning).
    expect(fake.cell(SHEET, 'H99').fill).toBe(MARK_FILLS.warning);
    const marked = fake.cell(SHEET, 'H99');
    if (NOTES_UNDER_TEST) expect(marked.note).toMatch(/97.5/);
    // H40 stays unrated after Compute: its mark stays.
    expect(fake.cell(SHEET, 'H40').fill).toBe(MARK_FILLS.error);

    await host.compute(settings());
    expect(fake.cell(SHEET, 'H99').f).toMatch(/^=ROUND\(AVERAGE\(/);
    expect(fake.cell(SHEET, 'H99').fill ?? null).toBeNull();
    expect(fake.cell(SHEET, 'H99').note ?? '').not.toMatch(/97.5/);
    expect(fake.cell(SHEET, 'H40').fill).toBe(MARK_FILLS.error);

    await host.revert();
    expect(fake.cell(SHEET, 'H99')).toMatchObject({ fill: MARK_FILLS.warning, note: marked.note, f: null });
  });
});
