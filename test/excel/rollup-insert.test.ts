// The roll-up put into the open workbook: the sheets createXlsx writes for
// the command line, cell for cell, with their links, the filterable table
// and the chart; free names beside sheets and tables already there; one
// Revert step removes them; refusals before anything is written.

import { cellAddress } from '../../src/core';
import { freeSheetName } from '../../src/excel/rollup';
import { STORE_SHEET } from '../../src/excel/store';
import { createXlsx, readXlsx, visibleSheets } from '../../src/xlsx';
import { loadFixture } from '../support/load-fixture';
import { ROLLUP_FINDINGS_CELLS } from '../support/layout-cells';
import { rollupPlan } from '../support/rollup-plan';
import { cellDiffs, rig } from './helpers';

async function setUp() {
  const { data } = await loadFixture('report-2024-aimag-admin-dept.xlsx');
  return rig(data);
}

describe('the roll-up’s sheets', () => {
  it('are the sheets the command line’s file holds, cell for cell, after the workbook’s own; the roll-up is active', async () => {
    const { fake, host } = await setUp();
    const plan = await rollupPlan();
    const result = await host.insertRollup(plan);
    expect(result).toEqual({ sheets: ['Нэгтгэл', 'Алдаа, дутуу', 'Уншигдаагүй'], table: 'Findings' });
    expect(fake.names().filter((n) => n !== STORE_SHEET)).toEqual(['Тайлан', ...result.sheets]);
    expect(fake.dump().active).toBe('Нэгтгэл');
    for (const sheet of visibleSheets(readXlsx(createXlsx(plan)))) {
      expect(cellDiffs(fake, sheet, 'file')).toEqual([]);
    }
  });

  it('carry the plan’s formats, widths, frozen rows, links, filterable table and chart', async () => {
    const { fake, host } = await setUp();
    const plan = await rollupPlan();
    await host.insertRollup(plan);
    const dump = fake.dump();
    for (const s of plan.sheets) {
      const d = dump.sheets.find((x) => x.name === s.name)!;
      expect(d.frozenRows).toBe(s.frozenRows);
      expect(Object.keys(d.widths)).toHaveLength(s.columnWidths.length);
      for (const c of s.cells.filter((x) => x.numberFormat || x.bold)) {
        const cell = fake.cell(s.name, cellAddress(c.row, c.col));
        expect([cell.n, cell.b]).toEqual([c.numberFormat ?? 'General', c.bold ?? false]);
      }
      for (const l of s.links) {
        const at = cellAddress(l.row, l.col);
        expect([at, d.cells[at]]).toEqual([at, expect.objectContaining({ link: l.target, v: s.cells.find((c) => c.row === l.row && c.col === l.col)!.value })]);
      }
    }
    expect(plan.sheets[0].links.length).toBeGreaterThan(0);
    const t = plan.sheets[1].table!;
    expect(dump.tables).toEqual([{ name: 'Findings', sheet: 'Алдаа, дутуу', area: `A1:${cellAddress(t.bottom, t.right)}`, columns: t.columns }]);
    const chart = plan.sheets[0].chart!;
    expect(fake.sheet('Нэгтгэл').charts).toEqual([expect.objectContaining({ type: 'ColumnClustered', title: chart.title, position: chart.anchor, legend: false })]);
  });

  it('inserted again, take free names beside the first ones (sheets and table), and Revert removes only the second', async () => {
    const { fake, host } = await setUp();
    const plan = await rollupPlan();
    await host.insertRollup(plan);
    const once = fake.dump();
    const again = await host.insertRollup(plan);
    expect(again).toEqual({ sheets: ['Нэгтгэл (2)', 'Алдаа, дутуу (2)', 'Уншигдаагүй (2)'], table: 'Findings_2' });
    const reverted = await host.revert();
    expect(reverted.removedSheets).toEqual(again.sheets);
    expect({ ...fake.dump(), active: once.active }).toEqual(once);
  });
});

describe('Revert', () => {
  it('removes the sheets and their table: the workbook as it was', async () => {
    const { fake, host } = await setUp();
    const before = fake.dump();
    await host.insertRollup(await rollupPlan());
    const result = await host.revert();
    expect(result.removedSheets).toEqual(['Нэгтгэл', 'Алдаа, дутуу', 'Уншигдаагүй']);
    expect(fake.dump()).toEqual(before);
    expect(fake.names()).not.toContain(STORE_SHEET);
  });

  it('after a batch that stopped half-way (at the table), removes what was added', async () => {
    const { fake, host } = await setUp();
    const before = fake.dump();
    // Excel does not roll the batch back: the sheets and their cells are in when the table fails.
    fake.model.tables.push = () => {
      throw Object.assign(new Error('GeneralException: the connection dropped'), { code: 'GeneralException' });
    };
    await expect(host.insertRollup(await rollupPlan())).rejects.toThrow(/connection dropped/);
    expect(fake.names()).toEqual(expect.arrayContaining(['Нэгтгэл', 'Алдаа, дутуу']));
    expect(fake.value('Алдаа, дутуу', ROLLUP_FINDINGS_CELLS.address('file', 1))).toBe('Файл');
    const result = await host.revert();
    expect(result.removedSheets).toEqual(['Нэгтгэл', 'Алдаа, дутуу']);
    expect(fake.dump()).toEqual(before);
  });
});

describe('refusals and names', () => {
  it('a workbook whose structure is protected: workbook-protected, nothing written', async () => {
    const { data } = await loadFixture('report-2024-aimag-admin-dept.xlsx');
    data.protected = true;
    const { fake, host } = rig(data);
    const before = fake.dump();
    await expect(host.insertRollup(await rollupPlan())).rejects.toMatchObject({ code: 'workbook-protected' });
    expect(fake.dump()).toEqual(before);
  });

  it('a user’s sheet named like the roll-up (another case) is left alone', async () => {
    const { data } = await loadFixture('report-2024-aimag-admin-dept.xlsx');
    data.sheets.push({ name: 'НЭГТГЭЛ', values: [['миний']], merges: [] });
    const { fake, host } = rig(data);
    const result = await host.insertRollup(await rollupPlan());
    expect(result.sheets[0]).toBe('Нэгтгэл (2)');
    expect(fake.value('НЭГТГЭЛ', 'A1')).toBe('миний');
  });

  it('free names stay within 31 characters', () => {
    const base = 'Ж'.repeat(31);
    expect(freeSheetName(base, new Set())).toBe(base);
    const second = freeSheetName(base, new Set([base.toLowerCase()]));
    expect(second).toBe(`${'Ж'.repeat(27)} (2)`);
    expect(freeSheetName(`${base}ЖЖ`, new Set([base.toLowerCase(), second.toLowerCase()]))).toBe(`${'Ж'.repeat(27)} (3)`);
  });

  it('an empty plan writes nothing', async () => {
    const { fake, host } = await setUp();
    const before = fake.dump();
    expect(await host.insertRollup({ sheets: [] })).toEqual({ sheets: [], table: null });
    expect(fake.dump()).toEqual(before);
  });
});
