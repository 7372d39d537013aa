// The year's cycle on the command line: `report` (the form from a plan),
// `plan` (next year's plan from a report), `validate --plan`. Inputs are
// never touched; what Validate says of each output; headless LibreOffice
// recalculates the formulas the form carries (with ratings typed, and after
// compute) to the figures the tool gives; bad inputs get one line.

import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { analyzeWorkbook, cellAddress, parseAddress, type CellWrite, type Sheet } from '../../src/core';
import { sheetWords } from '../../src/i18n/sheet-words';
import { createXlsx, newWorkbookOf, readXlsx, visibleSheets, writeXlsx } from '../../src/xlsx';
import { formulasAgree, sheetPlanOf } from '../support/agree';
import { runCli, sha256 } from '../support/cli';
import { fixturePath } from '../support/fixtures';
import { recalculate } from '../support/libreoffice';
import { deleteRow, insertRow, typeInto } from '../support/sheet-rows';

const MN = sheetWords('mn');
const PLAN = fixturePath('plan-2023-digital-year-soum');
const REPORTS = [fixturePath('report-2024-aimag-admin-dept'), fixturePath('report-2025-h1-consulting-unit')];

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'unelgee-cycle-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const sheetsOf = async (file: string): Promise<Sheet[]> => visibleSheets(readXlsx(new Uint8Array(await fs.readFile(file))));

/** A workbook with no table: a sheet of text. */
async function noTables(file: string): Promise<void> {
  await fs.writeFile(file, createXlsx({ sheets: [{ name: 'Ирц', cells: [{ row: 0, col: 0, value: 'Хурлын ирц' }, { row: 1, col: 0, value: 'Бат' }], columnWidths: [], frozenRows: 0, links: [] }] }));
}

describe('unelgee report', () => {
  it('writes the form beside the plan; Validate on it finds one missing percent per item and the plan’s own gap, nothing else', async () => {
    const before = await sha256(PLAN);
    const out = path.join(tmp, 'report.xlsx');
    const r = await runCli('report', PLAN, '-o', out, '--lang', 'en');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('Төлөвлөгөө!A3: 66 items, 12 groups; "Хүрсэн түвшин" in column I, "Хувь" in column J');
    expect(await sha256(PLAN)).toBe(before);
    const v = JSON.parse((await runCli('validate', out, '--json')).out).files[0];
    const onForm = v.findings.filter((f: { sheet: string }) => f.sheet === 'Тайлан').map((f: { code: string }) => f.code);
    expect(onForm.filter((c: string) => c === 'missing-percent')).toHaveLength(66);
    expect(onForm.filter((c: string) => c !== 'missing-percent')).toEqual(['numbering-gap']);
  });

  it('--json says where the form is; --replace writes it over the plan’s sheet; the period is the one given', async () => {
    const out = path.join(tmp, 'replaced.xlsx');
    const r = await runCli('report', PLAN, '-o', out, '--replace', '--period', '2023 оны эхний хагас жил', '--json');
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ command: 'report', exitCode: 0, sheet: 'Төлөвлөгөө', replaced: true, source: 'plan', period: '2023 оны эхний хагас жил' });
    expect(j.tables[0]).toMatchObject({ source: 'Төлөвлөгөө!A3', items: 66, groups: 12, average: 'J96' });
    expect(j.tables[0].columns).toMatchObject({ index: 'A', achieved: 'I', percent: 'J' });
    const sheets = await sheetsOf(out);
    expect(sheets.map((s) => s.name)).toEqual(['Төлөвлөгөө']);
    expect(analyzeWorkbook(sheets, { words: MN }).sheets[0].tables.map((t) => t.kind)).toEqual(['report']);
  });

  it('a workbook with no plan in it: one line, exit 1, nothing written', async () => {
    const input = path.join(tmp, 'ирц.xlsx');
    await noTables(input);
    const out = path.join(tmp, 'nothing.xlsx');
    const r = await runCli('report', input, '-o', out, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toBe(`unelgee: ${input}: no plan (nor report) found; nothing was written`);
    await expect(fs.stat(out)).rejects.toThrow();
  });

  it('LibreOffice recalculates the stated average with ratings typed, and after compute, to the figures the tool gives', async () => {
    const out = path.join(tmp, 'form.xlsx');
    const j = JSON.parse((await runCli('report', PLAN, '-o', out, '--replace', '--json')).out);
    const percentCol = parseAddress(`${j.tables[0].columns.percent}1`).col;
    const book = readXlsx(new Uint8Array(await fs.readFile(out)));
    const table = analyzeWorkbook(visibleSheets(book), { words: MN }).sheets[0].tables[0];
    const itemRows = table.rows.filter((r) => r.kind === 'item').map((r) => r.row);
    const scale = [100, 90, 70, 50, 30, 0];
    const writes: CellWrite[] = itemRows.map((row, i) => ({ row, col: percentCol, value: scale[i % scale.length] }));
    const mean = Math.round((writes.reduce((s, w) => s + (w.value as number), 0) / writes.length) * 10) / 10;
    const average = parseAddress(j.tables[0].average);
    const formula = (await sheetsOf(out))[0].formulas![average.row][average.col]!;
    // What Excel would cache once the ratings are typed: the form's own formula, unchanged, with its value.
    writes.push({ row: average.row, col: average.col, value: mean, formula });
    const typed = path.join(tmp, 'typed.xlsx');
    await fs.writeFile(typed, writeXlsx(book, { sheets: [{ sheet: 'Төлөвлөгөө', writes }], summary: null, skipped: [], writtenCells: [] }));
    expect(analyzeWorkbook(await sheetsOf(typed), { words: MN }).sheets[0].scores[0].average).toBe(mean);
    const agreement = await formulasAgree(typed, await recalculate(typed));
    expect(agreement).toEqual({ checked: 1, differ: [] });

    const computed = path.join(tmp, 'typed.computed.xlsx');
    expect((await runCli('compute', typed, '-o', computed)).code).toBe(0);
    const after = await formulasAgree(computed, await recalculate(computed));
    expect(after.checked).toBeGreaterThan(1);
    expect(after.differ).toEqual([]);
  }, 120000);
});

describe('unelgee plan', () => {
  it.each(REPORTS)('writes next year’s plan from %s as a workbook of its own, with no finding on an item', async (report) => {
    const before = await sha256(report);
    const out = path.join(tmp, `plan-${path.basename(report)}`);
    const r = await runCli('plan', report, '-o', out, '--json');
    expect(r.code).toBe(0);
    expect(await sha256(report)).toBe(before);
    const j = JSON.parse(r.out);
    const sheets = await sheetsOf(out);
    expect(sheets.map((s) => s.name)).toEqual([j.sheet]);
    const a = analyzeWorkbook(sheets, { words: MN });
    const tables = a.sheets[0].tables;
    expect(tables.map((t) => t.kind)).toEqual(j.tables.map(() => 'plan'));
    const itemRows = new Set(tables.flatMap((t) => t.rows.filter((x) => x.kind === 'item').map((x) => x.row)));
    expect(a.findings.filter((f) => itemRows.has(f.row))).toEqual([]);
    expect(a.findings.filter((f) => f.code === 'targets-empty')).toHaveLength(tables.length);
    // No formula is written: the plan is the planner's to fill.
    expect(sheets[0].formulas!.flat().filter(Boolean)).toEqual([]);
  });

  it('says what it renumbered and left out, in words', async () => {
    const r = await runCli('plan', REPORTS[0], '-o', path.join(tmp, 'aimag-plan.xlsx'), '--lang', 'en', '--year', '2026');
    expect(r.out).toContain('Renumbered (Тайлан!A5): 27 numbers changed — the report had gaps 51 → 53; unnumbered rows 81');
    expect(r.out).toContain('Left out: item 34 (Тайлан!A59) — its row holds nothing but its number');
    expect(r.out).toContain('→ Төлөвлөгөө 2026');
  });

  it('refuses a bad year and a workbook with no report, with one line each', async () => {
    const out = path.join(tmp, 'none.xlsx');
    expect(await runCli('plan', REPORTS[1], '-o', out, '--year', 'next', '--lang', 'en')).toMatchObject({ code: 2 });
    const r = await runCli('plan', PLAN, '-o', out, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toBe(`unelgee: ${PLAN}: no performance report found; no plan was written`);
    await expect(fs.stat(out)).rejects.toThrow();
  });
});

describe('unelgee validate --plan', () => {
  it('reports exactly the items lost, added, edited and moved when a report made from the plan was copied by hand', async () => {
    const formFile = path.join(tmp, 'to-edit.xlsx');
    const j = JSON.parse((await runCli('report', PLAN, '-o', formFile, '--replace', '--json')).out);
    let sheet = (await sheetsOf(formFile))[0];
    const table = analyzeWorkbook([sheet], { words: MN }).sheets[0].tables[0];
    const items = table.rows.filter((r) => r.kind === 'item').map((r) => r.row);
    const col = (key: string) => parseAddress(`${j.tables[0].columns[key]}1`).col;
    // Bottom up, so the rows named still hold what they held: an item moved, one added, two lost, a target changed.
    sheet = typeInto(sheet, cellAddress(items[9], col('target')), '8 мэдээлэл');
    const moved = [...sheet.values[items[24]]];
    sheet = insertRow(sheet, items[31], moved);
    sheet = deleteRow(sheet, items[24]);
    sheet = insertRow(sheet, items[21], [7, 'Цахим эмнэлгийн цаг захиалгыг нэвтрүүлэх', 'I-IV улиралд', 'Иргэдийн тоо', '-', '500 иргэн', 'ЭМТ']);
    sheet = deleteRow(sheet, items[15]);
    sheet = deleteRow(sheet, items[1]);
    const report = path.join(tmp, 'copied-by-hand.xlsx');
    await fs.writeFile(report, newWorkbookOf(sheetPlanOf({ ...sheet, name: 'Тайлан' })));

    const r = await runCli('validate', report, '--plan', PLAN, '--json');
    const file = JSON.parse(r.out).files[0];
    const codes = file.findings.map((f: { code: string }) => f.code).filter((c: string) => c.startsWith('plan-') || c === 'item-not-in-plan');
    expect(codes.sort()).toEqual(['item-not-in-plan', 'plan-item-missing', 'plan-item-missing', 'plan-item-moved', 'plan-target-changed']);
    expect(file.plan).toMatchObject({ file: PLAN, tables: ['Төлөвлөгөө!A3'], matched: 64, missing: 2, extra: 1 });
    const human = await runCli('validate', report, '--plan', PLAN, '--lang', 'en');
    expect(human.out).toContain(`Held against the plan (${PLAN}): 64 matched, 2 missing from the report, 1 not in the plan`);
  });

  it('a plan that cannot be read, or holds no table, stops the run with one line (exit 2)', async () => {
    const empty = path.join(tmp, 'no-plan.xlsx');
    await noTables(empty);
    const r = await runCli('validate', REPORTS[1], '--plan', empty, '--lang', 'en');
    expect(r).toMatchObject({ code: 2, out: '', err: `unelgee: ${empty}: no plan (nor report) found` });
    const missing = await runCli('validate', REPORTS[1], '--plan', path.join(tmp, 'nowhere.xlsx'), '--lang', 'en');
    expect(missing.code).toBe(2);
    expect(missing.err.split('\n')).toHaveLength(1);
  });
});
