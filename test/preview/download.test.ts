// The web page's Download is the file as the user left it: the page records
// each fix, evaluation sheet and Compute its pane makes through the host
// (recordingHost), Revert drops the step it undid, and the page's worker
// (bookHandlers, here over the fake worker) replays the steps on the .xlsx —
// giving the very bytes the command line's commands give, one after another.
// Also: the roll-up written as a file in the page's worker.

import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { runCli } from '../support/cli';
import { SheetGrid, parseAddress } from '../../src/core';
import { envFrom, type ExcelLike, type OfficeLike } from '../../src/excel/env';
import { createExcelHost } from '../../src/excel/host';
import type { AddinSettings, HostActions } from '../../src/excel/types';
import { BookClient } from '../../src/preview/book';
import { bookHandlers } from '../../src/preview/book-handlers';
import { buildFake } from '../../src/preview/load';
import { StepLog, recordingHost } from '../../src/preview/steps';
import { WorkerClient } from '../../src/worker/client';
import { readXlsx, visibleSheets } from '../../src/xlsx';
import { fixturePath, type FixtureName } from '../support/fixtures';
import { FakeWorker } from '../worker/fake-worker';

const settings: AddinSettings = { profileId: 'practice', scope: 'workbook', lang: 'mn', overrides: [] };
const aimag = fixturePath('report-2024-aimag-admin-dept');
const consulting = fixturePath('report-2025-h1-consulting-unit');

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'unelgee-page-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** Runs `unelgee …` (the command line's own code, in-process); throws when it fails to write. */
async function cli(...argv: string[]): Promise<void> {
  const { code, err } = await runCli(...argv, '--lang', 'mn');
  if (code > 1) throw new Error(`unelgee ${argv.join(' ')}: ${code} ${err}`);
}

/** The bytes of `unelgee A in -o x`, then `unelgee B x -o y`, …: each command on the file the one before wrote. */
async function cliChain(input: string, ...commands: string[][]): Promise<Uint8Array> {
  let file = input;
  for (const [i, [command, ...args]] of commands.entries()) {
    const out = path.join(tmp, `${path.basename(input, '.xlsx')}.${i}.${command}.${Math.random().toString(36).slice(2)}.xlsx`);
    await cli(command, file, '-o', out, ...args);
    file = out;
  }
  return new Uint8Array(await fs.readFile(file));
}

interface Page {
  book: BookClient;
  host: HostActions;
  log: StepLog;
  download: () => Promise<Uint8Array>;
}

/** The page as page.tsx builds it: the worker reads the file, the fake Excel holds it, the recording host over the adapter. */
async function openPage(file: string): Promise<Page> {
  const book = new BookClient(new WorkerClient(() => new FakeWorker(bookHandlers())));
  const opened = await book.open(new Uint8Array(await fs.readFile(file)));
  const fake = await buildFake(opened, {}, async () => undefined);
  const log = new StepLog();
  const host = recordingHost(createExcelHost({ ...envFrom(fake.Excel as unknown as ExcelLike, fake.office as unknown as OfficeLike), engine: book.engine }), log);
  return { book, host, log, download: () => book.download(settings, log.steps) };
}

/** A cell of a written file, as the engine reads it. */
function cellOf(bytes: Uint8Array, sheet: string, ref: string) {
  const s = visibleSheets(readXlsx(bytes)).find((x) => x.name === sheet)!;
  const { row, col } = parseAddress(ref);
  const g = new SheetGrid(s);
  return { value: g.value(row, col), formula: g.formula(row, col) };
}

const equalBytes = (a: Uint8Array, b: Uint8Array) => expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);

describe('Download', () => {
  it('with no step recorded, is the computed copy: the bytes unelgee compute writes', async () => {
    const page = await openPage(aimag);
    await page.host.validate(settings);
    expect(page.log.steps).toEqual([]);
    equalBytes(await page.download(), await cliChain(aimag, ['compute']));
  });

  it('after Compute only, is still those bytes', async () => {
    const page = await openPage(aimag);
    await page.host.compute(settings);
    expect(page.log.steps.map((s) => s.kind)).toEqual(['compute']);
    equalBytes(await page.download(), await cliChain(aimag, ['compute']));
  });

  it('after a fix and Compute, carries the fix: the bytes of unelgee fix then unelgee compute', async () => {
    const page = await openPage(aimag);
    const fixed = await page.host.applyFixes(settings, { all: true, only: ['percent-misplaced'] });
    expect(fixed.applied.length).toBe(7);
    await page.host.compute(settings);
    expect(page.log.steps.map((s) => s.kind)).toEqual(['fix', 'compute']);
    const bytes = await page.download();
    // The rating typed in the percent's neighbour is now in the percent column (test/cli/fix-evaluation.test.ts).
    expect(cellOf(bytes, 'Тайлан', 'H24').value).toBe(100);
    expect(cellOf(bytes, 'Тайлан', 'G24').value).not.toBe(100);
    equalBytes(bytes, await cliChain(aimag, ['fix', '--only', 'percent-misplaced'], ['compute']));
  });

  it('replays fixes chosen one by one as chosen', async () => {
    const page = await openPage(aimag);
    const analysis = await page.host.analyze(settings);
    const g24 = analysis.findings.find((f) => f.code === 'percent-misplaced' && f.cell === 'G24')!;
    await page.host.applyFixes(settings, { findings: [{ code: g24.code, sheet: g24.sheet, cell: g24.cell, fix: g24.fix! }] });
    const bytes = await page.download();
    expect(cellOf(bytes, 'Тайлан', 'H24').value).toBe(100);
    // Only that one: another misplaced rating stays where it was typed.
    const other = analysis.findings.find((f) => f.code === 'percent-misplaced' && f.cell !== 'G24')!;
    const original = readXlsx(new Uint8Array(await fs.readFile(aimag)));
    const before = new SheetGrid(visibleSheets(original).find((s) => s.name === other.sheet)!);
    const at = parseAddress(other.cell);
    expect(cellOf(bytes, other.sheet, other.cell).value).toEqual(before.value(at.row, at.col));
  });

  it('after a fix undone by Revert, then Compute, is the computed copy again', async () => {
    const page = await openPage(aimag);
    await page.host.applyFixes(settings, { all: true });
    expect(page.log.steps.map((s) => s.kind)).toEqual(['fix']);
    const reverted = await page.host.revert();
    expect(reverted.undone?.kind).toBe('fix');
    expect(page.log.steps).toEqual([]);
    await page.host.compute(settings);
    equalBytes(await page.download(), await cliChain(aimag, ['compute']));
  });

  it('after the evaluation sheet, has it: the bytes of unelgee evaluation', async () => {
    const page = await openPage(consulting);
    const made = await page.host.createEvaluationSheet(settings);
    expect(made.sheet).toBe('8-р хавсралт');
    const bytes = await page.download();
    expect(visibleSheets(readXlsx(bytes)).map((s) => s.name)).toContain('8-р хавсралт');
    equalBytes(bytes, await cliChain(consulting, ['evaluation']));
  });

  it('with the scope one sheet, replays the fixes of that sheet (the sheets the pane analysed are recorded)', async () => {
    const page = await openPage(aimag);
    const one = { ...settings, scope: 'sheet' as const };
    await page.host.applyFixes(one, { all: true, only: ['percent-misplaced'] });
    expect(page.log.steps).toEqual([{ kind: 'fix', settings: one, choice: { all: true, only: ['percent-misplaced'] }, sheets: ['Тайлан'] }]);
    expect(cellOf(await page.download(), 'Тайлан', 'H24').value).toBe(100);
  });

  it('still works after a file the reader refused: the workbook open before stays open in the worker', async () => {
    const page = await openPage(aimag);
    await expect(page.book.open(new TextEncoder().encode('not a workbook'))).rejects.toMatchObject({ code: 'not-zip' });
    equalBytes(await page.download(), await cliChain(aimag, ['compute']));
  });

  it('records nothing for an action that wrote nothing (no Revert step either)', async () => {
    const page = await openPage(aimag);
    await page.host.compute(settings);
    await page.host.compute(settings);
    await page.host.applyFixes(settings, { all: true, only: ['value-as-date'] });
    expect(page.log.steps.map((s) => s.kind)).toEqual(['compute']);
  });
});

describe('Download of the checked copy (after Validate)', () => {
  const name = path.basename(aimag);

  it('is the bytes unelgee check writes of the file, its findings sheet titled with the file\'s name', async () => {
    const page = await openPage(aimag);
    await page.host.validate(settings);
    const out = path.join(tmp, 'aimag.checked.xlsx');
    await cli('check', aimag, '-o', out);
    const bytes = await page.book.downloadChecked(settings, page.log.steps, name);
    equalBytes(bytes, new Uint8Array(await fs.readFile(out)));
    expect(cellOf(bytes, 'Алдаа, дутуу', 'A1').value).toBe(`Алдаа, дутуу: ${name}`);
  });

  it('after a fix, is check run on the fixed file (the same name)', async () => {
    const page = await openPage(aimag);
    await page.host.applyFixes(settings, { all: true, only: ['percent-misplaced'] });
    const fixed = path.join(await fs.mkdtemp(path.join(tmp, 'fixed-')), name);
    await fs.writeFile(fixed, await cliChain(aimag, ['fix', '--only', 'percent-misplaced']));
    const out = path.join(tmp, 'fixed.checked.xlsx');
    await cli('check', fixed, '-o', out);
    equalBytes(await page.book.downloadChecked(settings, page.log.steps, name), new Uint8Array(await fs.readFile(out)));
  });

  it('after the findings sheet made from the More menu, the Download has that sheet as the page showed it', async () => {
    const page = await openPage(aimag);
    const made = await page.host.createFindingsSheet(settings);
    expect(page.log.steps.map((s) => s.kind)).toEqual(['findings']);
    const bytes = await page.download();
    const sheet = visibleSheets(readXlsx(bytes)).find((x) => x.name === made.sheet)!;
    expect(new SheetGrid(sheet).value(0, 0)).toBe('Алдаа, дутуу');
    expect(new SheetGrid(sheet).value(8, 0)).toBeTruthy();
    const reverted = await page.host.revert();
    expect(reverted.undone?.kind).toBe('findings');
    expect(page.log.steps).toEqual([]);
  });
});

describe('StepLog', () => {
  const fix = { kind: 'fix' as const, settings, choice: { all: true as const } };
  const compute = { kind: 'compute' as const, settings };
  const at = '2025-01-15T08:00:00Z';

  it('drops the newest step of the kind Revert undid; marks were never steps', () => {
    const log = new StepLog();
    [fix, compute, { ...fix, choice: { all: true as const, includeReview: true } }].forEach((s) => log.record(s));
    log.reverted({ kind: 'validate', at, sheets: [] });
    log.reverted({ kind: 'clear-marks', at, sheets: [] });
    log.reverted(undefined);
    expect(log.steps).toHaveLength(3);
    log.reverted({ kind: 'fix', at, sheets: [] });
    expect(log.steps).toEqual([fix, compute]);
    log.reverted({ kind: 'evaluation', at, sheets: [] });
    expect(log.steps).toEqual([fix, compute]);
  });
});

describe('the page\'s roll-up file', () => {
  const name = (n: FixtureName) => `${n}.xlsx`;
  const fileOf = async (n: FixtureName) => ({ name: name(n), bytes: new Uint8Array(await fs.readFile(fixturePath(n))) });

  it('is the roll-up workbook written in the worker; a damaged file is listed', async () => {
    const book = new BookClient(new WorkerClient(() => new FakeWorker(bookHandlers())));
    const files = [await fileOf('report-2024-aimag-admin-dept'), { name: 'broken.xlsx', bytes: new TextEncoder().encode('no') }, await fileOf('plan-2023-digital-year-soum')];
    const answer = await book.rollup(files, { profileId: 'practice', lang: 'mn' });
    expect(answer).toMatchObject({ read: 2, notRead: [{ file: 'broken.xlsx' }] });
    expect(answer.rows).toBeGreaterThanOrEqual(2);
    const written = readXlsx(answer.bytes!);
    expect(written.sheets.map((s) => s.name)).toEqual(['Нэгтгэл', 'Алдаа, дутуу', 'Уншигдаагүй']);
    // The bytes moved to the worker.
    expect(files[0].bytes.byteLength).toBe(0);
  });

  it('writes no file when nothing could be read', async () => {
    const book = new BookClient(new WorkerClient(() => new FakeWorker(bookHandlers())));
    const answer = await book.rollup([{ name: 'broken.xlsx', bytes: new TextEncoder().encode('no') }], { profileId: 'practice', lang: 'en' });
    expect(answer).toEqual({ read: 0, notRead: [{ file: 'broken.xlsx', reason: expect.objectContaining({ en: 'is not an .xlsx file' }) }], rows: 0, bytes: null, look: null });
  });
});
