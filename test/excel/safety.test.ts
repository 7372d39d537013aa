// What the strict fake showed the adapter must survive: very hidden sheets
// that cannot be deleted, an overflowing Revert stack, the user's edits
// after Compute, sheets with more than 512 merged areas, requests Excel
// refuses as too large. Each test failed on the adapter as it was before
// the fake became strict.

import { analyzeWorkbook, parseArea, planCompute, type Sheet } from '../../src/core';
import { sheetWords } from '../../src/i18n/sheet-words';
import { MAX_SNAPSHOTS, STORE_SHEET } from '../../src/excel/store';
import type { FakeWorkbookData } from '../../src/in-memory-excel/excel';
import { blankCell } from '../../src/in-memory-excel/model';
import { fixtureNames, loadFixture } from '../support/load-fixture';
import { syntheticReport } from '../support/synthetic';
import { SUMMARY_SHEET } from '../support/words';
import { rig, settings } from './helpers';

const key = (f: { code: string; severity: string; sheet: string; cell: string }) => `${f.sheet}!${f.cell} ${f.code} ${f.severity}`;

describe.each(fixtureNames())('%s: Compute → Revert → Revert', (name) => {
  it('leaves the workbook exactly as before Compute; the second Revert has nothing to undo', async () => {
    const { data } = await loadFixture(name);
    const { fake, host } = rig(data);
    const before = fake.dump();
    await host.compute(settings({ scope: 'workbook' }));
    await host.revert();
    await expect(host.revert()).rejects.toMatchObject({ code: 'nothing-to-revert' });
    expect(fake.dump()).toEqual(before);
    expect(fake.names()).not.toContain(STORE_SHEET);
  });

  it('after Validate, Compute: two Reverts bring back the workbook as it was', async () => {
    const { data } = await loadFixture(name);
    const { fake, host } = rig(data);
    const before = fake.dump();
    await host.validate(settings({ scope: 'workbook' }));
    await host.compute(settings({ scope: 'workbook' }));
    // Validate records nothing where it marks nothing: one or two actions to undo.
    for (let i = 0; i < 2 && (await host.canRevert()); i++) await host.revert();
    await expect(host.revert()).rejects.toMatchObject({ code: 'nothing-to-revert' });
    expect(fake.dump()).toEqual(before);
  });
});

describe(`the ${MAX_SNAPSHOTS}-action stack overflowing`, () => {
  it('keeps no backup sheet, never renames the summary, and Revert still goes back 10 steps', async () => {
    const { data } = await loadFixture('report-2024-aimag-admin-dept.xlsx');
    const { fake, host } = rig(data);
    // Each Compute in the other language rewrites the summary in place, keeping what it held as data in the store.
    await host.compute(settings({ lang: 'mn' }));
    const summary = fake.sheet(SUMMARY_SHEET);
    const afterFirst = fake.dump({ hidden: false });
    for (let i = 1; i <= MAX_SNAPSHOTS; i++) {
      const r = await host.compute(settings({ lang: i % 2 === 1 ? 'en' : 'mn' }));
      expect(r.plan.summary).toMatchObject({ replaces: true });
      expect(fake.sheet(SUMMARY_SHEET)).toBe(summary);
    }
    expect(fake.names().filter((n) => /^Unelgee_(Prev|Trash)/.test(n))).toEqual([]);
    for (let i = 0; i < MAX_SNAPSHOTS; i++) await host.revert();
    expect(fake.sheet(SUMMARY_SHEET)).toBe(summary);
    expect(fake.dump({ hidden: false })).toEqual(afterFirst);
    expect(fake.names().filter((n) => n.startsWith('Unelgee_'))).toEqual([]);
    expect(await host.canRevert()).toBe(false);
  });
});

describe("the user's edits after Compute", () => {
  it('Revert keeps a computed cell the user changed, reports it, and restores the rest', async () => {
    const { data } = await loadFixture('report-2024-aimag-admin-dept.xlsx');
    const { fake, host } = rig(data);
    const before = fake.dump();
    await host.compute(settings());
    expect(fake.cell('Тайлан', 'H99').f).toMatch(/^=ROUND/);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Тайлан').getRange('H99').values = [[88]];
      await context.sync();
    });
    const result = await host.revert();
    expect(result.keptCells).toEqual(['Тайлан!H99']);
    expect(fake.cell('Тайлан', 'H99')).toMatchObject({ v: 88, f: null });
    const now = fake.dump();
    const sheet = (d: typeof now) => d.sheets.find((s) => s.name === 'Тайлан')!;
    const { H99: _edited, ...rest } = sheet(now).cells;
    const { H99: _original, ...wanted } = sheet(before).cells;
    expect(rest).toEqual(wanted);
    expect(fake.names()).not.toContain(SUMMARY_SHEET);
  });

  it('a Revert that failed half-way, run again, finishes the job and lists no cell as the user’s', async () => {
    const { data } = await loadFixture('report-2024-aimag-admin-dept.xlsx');
    const { fake, host } = rig(data);
    const before = fake.dump();
    await host.compute(settings());
    // The connection drops as Revert deletes the summary it added (at the end of its batch, after the cells were restored).
    const remove = fake.model.remove.bind(fake.model);
    let failOnce = true;
    fake.model.remove = (s) => {
      if (failOnce && s.name === SUMMARY_SHEET) {
        failOnce = false;
        throw Object.assign(new Error('GeneralException: the connection dropped'), { code: 'GeneralException' });
      }
      remove(s);
    };
    await expect(host.revert()).rejects.toThrow(/connection dropped/);
    expect(await host.canRevert()).toBe(true);
    const second = await host.revert();
    expect(second.keptCells).toEqual([]);
    expect(fake.dump()).toEqual(before);
  });
});

describe('a Compute whose write batch stops half-way', () => {
  it('(contents written, number formats not yet) is undone whole by Revert, no cell taken for the user’s', async () => {
    const { data } = await loadFixture('report-2024-aimag-admin-dept.xlsx');
    const { fake, host } = rig(data);
    const before = fake.dump();
    // Excel does not roll a failed batch back: the connection drops at the first number format written.
    const sheet = fake.sheet('Тайлан');
    const edit = sheet.edit.bind(sheet);
    let armed = true;
    sheet.edit = (r, c, f) => {
      const probe = { ...(sheet.get(r, c) ?? blankCell()) };
      f(probe);
      if (armed && probe.n !== (sheet.get(r, c)?.n ?? 'General')) {
        armed = false;
        throw Object.assign(new Error('GeneralException: the connection dropped'), { code: 'GeneralException' });
      }
      edit(r, c, f);
    };
    await expect(host.compute(settings())).rejects.toThrow(/connection dropped/);
    sheet.edit = edit;
    expect(fake.cell('Тайлан', 'H99').f).toMatch(/^=ROUND/); // the contents went in
    const result = await host.revert();
    expect(result.keptCells).toEqual([]);
    expect(fake.dump()).toEqual(before);
  });
});

/** The engine's Sheet for fake sheet data that starts at A1. */
function sheetOf(d: FakeWorkbookData['sheets'][number]): Sheet {
  return { name: d.name, startRow: 0, startCol: 0, values: d.values.map((r) => r.slice()), numberFormats: undefined, formulas: undefined, merges: d.merges.map(parseArea) };
}

describe('a 20,000-row sheet with over 1,000 merged areas', () => {
  const opts = { profileId: 'practice', overrides: [], words: sheetWords('mn') };

  it('validates and computes with the same results as the engine on the same sheet', async () => {
    const data = syntheticReport({ items: 20_000 });
    expect(data.sheets[0].merges.length).toBeGreaterThan(1000);
    const sheets = data.sheets.map(sheetOf);
    const expected = planCompute(sheets, opts);

    const a = rig(data);
    const validated = await a.host.validate(settings());
    expect(validated.analysis.findings.map(key).sort()).toEqual(analyzeWorkbook(sheets, opts).findings.map(key).sort());
    const b = rig(data);
    const computed = await b.host.compute(settings());
    expect(computed.plan).toEqual(expected.plan);
    expect(computed.analysis.sheets[0].scores).toEqual(expected.analysis.sheets[0].scores);
  }, 60_000);

  it('merged on every row (over 512 in a band): read band by band, halving, with the same merged areas', async () => {
    const data = syntheticReport({ items: 1_500 });
    const s = data.sheets[0];
    // Columns B:C merged on every item row, and an area starting above the used range's first row would still count.
    for (let r = 6; r <= s.values.length; r++) if (typeof s.values[r - 1][0] === 'number') s.merges.push(`B${r}:C${r}`);
    expect(s.merges.length).toBeGreaterThan(1500);
    const { fake, host } = rig(data);
    const analysis = await host.analyze(settings());
    const reference = analyzeWorkbook([sheetOf(s)], opts);
    expect(analysis.findings.map(key).sort()).toEqual(reference.findings.map(key).sort());
    expect(analysis.sheets[0].scores).toEqual(reference.sheets[0].scores);
    expect(fake.syncCount).toBeLessThan(20);
  }, 60_000);
});

describe('a write request Excel refuses as too large', () => {
  it('is split and sent again: the same workbook as with room to spare', async () => {
    const data = syntheticReport({ items: 2_000 });
    const tight = rig(data, { requestLimit: 60_000 });
    const roomy = rig(data);
    await tight.host.validate(settings());
    await roomy.host.validate(settings());
    expect(tight.fake.refused.some((r) => r.response === 0)).toBe(true); // a request was refused…
    expect(tight.fake.dump()).toEqual(roomy.fake.dump()); // …and everything still got written
    await tight.host.revert();
    expect(tight.fake.names()).not.toContain(STORE_SHEET);
  }, 60_000);
});
