// Quick fixes through the adapter on the fake: the cells the engine plans,
// formulas Excel recalculates to what the command line caches, one Revert
// step back to the exact workbook, the user's later edits kept, a batch
// that stops half-way undone whole, and a stale choice from the pane
// refused before anything is written.

import * as fs from 'fs';
import * as path from 'path';
import { analyzeWorkbook, cellAddress, planFixRounds, planFixes, type Finding } from '../../src/core';
import { MARK_FILLS } from '../../src/excel/marks';
import { STORE_SHEET } from '../../src/excel/store';
import type { ChosenFix } from '../../src/excel/types';
import { computeContext, readXlsx, visibleSheets } from '../../src/xlsx';
import { FIXTURE_DIR, loadFixture } from '../support/load-fixture';
import { MN } from '../support/words';
import { rig, settings } from './helpers';

const REPORT = 'report-2024-aimag-admin-dept.xlsx';
const SHEET = 'Тайлан';
const options = { profileId: 'practice', words: MN };

async function setUp() {
  const { data, sheets } = await loadFixture(REPORT);
  return { ...rig(data), sheets };
}

const chosen = (f: Finding): ChosenFix => ({ code: f.code, sheet: f.sheet, cell: f.cell, fix: f.fix! });

/** The CLI's plan for the same file (rounds, cached values as LibreOffice recalculates them: test/cli/fix-evaluation). */
function cliFix() {
  const book = readXlsx(new Uint8Array(fs.readFileSync(path.join(FIXTURE_DIR, REPORT))));
  return planFixRounds(visibleSheets(book), { ...options, protectedSheets: computeContext(book).protectedSheets });
}

describe('all safe fixes', () => {
  it('write the cells the command line writes; the stated average’s formula shows the figure the CLI caches', async () => {
    const { fake, host } = await setUp();
    const result = await host.applyFixes(settings(), { all: true });
    const cli = cliFix();
    expect(result.applied.map((f) => f.kind)).toEqual(Array(8).fill('safe'));
    expect(result.deferred).toEqual([]);
    expect(result.changed).toBe(result.plan.writtenCells.length);
    const cells = (plan: { sheets: { sheet: string; writes: { row: number; col: number }[] }[] }) =>
      plan.sheets.flatMap((e) => e.writes.map((w) => `${e.sheet}!${cellAddress(w.row, w.col)}`)).sort();
    expect(cells(result.plan)).toEqual(cells(cli.plan));
    for (const w of cli.plan.sheets[0].writes) {
      const cell = fake.cell(SHEET, cellAddress(w.row, w.col));
      expect({ at: cellAddress(w.row, w.col), f: cell.f, v: cell.v === '' ? null : cell.v }).toEqual({ at: cellAddress(w.row, w.col), f: w.formula ?? null, v: w.value === '' ? null : w.value });
    }
    expect(fake.cell(SHEET, 'H99').f).toMatch(/AVERAGE\(H8:H86,H88:H98\)/);
  });

  it('run again, find nothing left to fix and write nothing (no second Revert step)', async () => {
    const { fake, host } = await setUp();
    const before = fake.dump();
    await host.applyFixes(settings(), { all: true });
    fake.resetCounters();
    const again = await host.applyFixes(settings(), { all: true });
    expect(again.changed).toBe(0);
    expect(again.applied).toEqual([]);
    expect(fake.syncCount).toBe(1); // the read only
    await host.revert();
    expect(fake.dump()).toEqual(before);
    expect(await host.canRevert()).toBe(false);
  });

  it('with includeReview and only: the codes asked, the fixes that need a look too', async () => {
    const { host } = await setUp();
    const only = await host.applyFixes(settings(), { all: true, only: ['percent-misplaced'] });
    expect(only.applied).toHaveLength(7);
    const { host: h2 } = await setUp();
    const all = await h2.applyFixes(settings(), { all: true, includeReview: true });
    expect(all.applied.filter((f) => f.kind === 'review')).toHaveLength(2);
  });
});

describe('Revert after fixes', () => {
  it('gives back the exact workbook (values, formulas, formats) and removes the store', async () => {
    const { fake, host } = await setUp();
    const before = fake.dump();
    const result = await host.applyFixes(settings(), { all: true, includeReview: true });
    expect(result.changed).toBeGreaterThan(0);
    expect(fake.dump()).not.toEqual(before);
    const reverted = await host.revert();
    expect(reverted.keptCells).toEqual([]);
    expect(reverted.restored).toBe(result.plan.writtenCells.length);
    expect(fake.dump()).toEqual(before);
    expect(fake.names()).not.toContain(STORE_SHEET);
  });

  it('keeps a fixed cell the user changed afterwards, and says so', async () => {
    const { fake, host } = await setUp();
    const before = fake.dump();
    await host.applyFixes(settings(), { all: true });
    expect(fake.cell(SHEET, 'H24').v).toBe(100);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).getRange('H24').values = [[95]];
      await context.sync();
    });
    const result = await host.revert();
    expect(result.keptCells).toEqual([`${SHEET}!H24`]);
    expect(fake.cell(SHEET, 'H24').v).toBe(95);
    const sheet = (d: typeof before) => d.sheets.find((s) => s.name === SHEET)!.cells;
    const { H24: _mine, ...rest } = sheet(fake.dump());
    const { H24: _was, ...wanted } = sheet(before);
    expect(rest).toEqual(wanted);
  });

  it('a write batch that stops half-way leaves the snapshot first: Revert gives back the whole workbook', async () => {
    const { fake, host } = await setUp();
    const before = fake.dump();
    // The connection drops at the second rating moved into column H: the formula and the first move are in, the rest not.
    const sheet = fake.sheet(SHEET);
    const edit = sheet.edit.bind(sheet);
    let intoH = 0;
    sheet.edit = (r, c, f) => {
      if (c === 7 && r !== 98 && ++intoH === 2) throw Object.assign(new Error('GeneralException: the connection dropped'), { code: 'GeneralException' });
      edit(r, c, f);
    };
    await expect(host.applyFixes(settings(), { all: true })).rejects.toThrow(/connection dropped/);
    sheet.edit = edit;
    expect(fake.cell(SHEET, 'H99').f).toMatch(/AVERAGE/); // half-way: written before the failure…
    expect(fake.cell(SHEET, 'H24').v).toBe(100);
    expect(fake.cell(SHEET, 'G24').v).toBeNull();
    expect(fake.dump().sheets[0].cells).not.toEqual(before.sheets[0].cells);
    expect(await host.canRevert()).toBe(true);
    const result = await host.revert();
    expect(result.keptCells).toEqual([]);
    expect(fake.dump()).toEqual(before);
  });

  it('a fixed cell that carried a mark loses it; Revert brings the mark back', async () => {
    const { fake, host } = await setUp();
    await host.validate(settings());
    expect(fake.cell(SHEET, 'G24').fill).toBe(MARK_FILLS.warning);
    const marked = fake.dump();
    await host.applyFixes(settings(), { all: true, only: ['percent-misplaced'] });
    expect(fake.cell(SHEET, 'G24').fill).toBeNull();
    await host.revert();
    expect(fake.dump()).toEqual(marked);
  });
});

describe('fixes chosen in the pane', () => {
  async function offered(code: string, cell: string) {
    const { fake, host, sheets } = await setUp();
    const analysis = analyzeWorkbook(sheets, options);
    const finding = analysis.findings.find((f) => f.code === code && f.cell === cell)!;
    expect(finding.fix).toBeDefined();
    return { fake, host, finding };
  }

  it('apply only their fixes, a fix that needs a look included', async () => {
    const { fake, host, finding } = await offered('percent-misplaced', 'G24');
    const gap = analyzeWorkbook((await loadFixture(REPORT)).sheets, options).findings.find((f) => f.code === 'numbering-gap' && f.cell === 'A85')!;
    const result = await host.applyFixes(settings(), { findings: [chosen(finding), chosen(gap)] });
    expect(result.applied).toEqual([finding.fix, gap.fix]);
    expect(result.plan).toEqual(planFixes([finding, gap], { includeReview: true }).plan);
    expect(fake.cell(SHEET, 'H24').v).toBe(100);
    expect(fake.cell(SHEET, 'H25').v).not.toBe(100); // another misplaced rating, not chosen, stays where it was
  });

  it('refuse a finding that is gone since, in both languages, and write nothing', async () => {
    const { fake, host, finding } = await offered('percent-misplaced', 'G24');
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(SHEET);
      ws.getRange('H24').values = [[100]];
      ws.getRange('G24').values = [['Тайлагналтыг хийсэн']];
      await context.sync();
    });
    const before = fake.dump();
    const error = await host.applyFixes(settings(), { findings: [chosen(finding)] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'fix-finding-gone' });
    const { text } = error as { text: { mn: string; en: string } };
    expect(text.en).toContain(`${SHEET}!G24 (percent-misplaced)`);
    expect(text.mn).toContain('Юу ч өөрчлөгдсөнгүй');
    expect(fake.dump()).toEqual(before);
  });

  it('refuse a fix that changed since it was shown', async () => {
    const { fake, host, finding } = await offered('percent-misplaced', 'G24');
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem(SHEET).getRange('G24').values = [[90]];
      await context.sync();
    });
    const before = fake.dump();
    await expect(host.applyFixes(settings(), { findings: [chosen(finding)] })).rejects.toMatchObject({ code: 'fix-changed' });
    expect(fake.dump()).toEqual(before);
  });
});

describe('refusals before writing', () => {
  it('a protected sheet: sheet-protected, nothing written', async () => {
    const { data } = await loadFixture(REPORT);
    data.sheets[0].protected = true;
    const { fake, host } = rig(data);
    const before = fake.dump();
    await expect(host.applyFixes(settings(), { all: true })).rejects.toMatchObject({ code: 'sheet-protected' });
    expect(fake.dump()).toEqual(before);
  });

  it('a protected workbook structure with no store yet: workbook-protected, nothing written', async () => {
    const { data } = await loadFixture(REPORT);
    data.protected = true;
    const { fake, host } = rig(data);
    const before = fake.dump();
    await expect(host.applyFixes(settings(), { all: true })).rejects.toMatchObject({ code: 'workbook-protected' });
    expect(fake.dump()).toEqual(before);
  });
});
