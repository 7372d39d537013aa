// The year's cycle on the web page: the report form and next year's plan
// the pane makes are recorded (Revert drops them) and replayed on the file
// for Download as the command line makes them; a report held against a plan
// file is read in the page's worker and changes no content (no step).

import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { SheetGrid } from '../../src/core';
import { envFrom, type ExcelLike, type OfficeLike } from '../../src/excel/env';
import { createExcelHost } from '../../src/excel/host';
import type { AddinSettings } from '../../src/excel/types';
import { BookClient } from '../../src/preview/book';
import { bookHandlers } from '../../src/preview/book-handlers';
import { buildFake } from '../../src/preview/load';
import { StepLog, recordingHost } from '../../src/preview/steps';
import { WorkerClient } from '../../src/worker/client';
import { readXlsx, visibleSheets } from '../../src/xlsx';
import { runCli } from '../support/cli';
import { fixturePath } from '../support/fixtures';
import { FakeWorker } from '../worker/fake-worker';

const settings: AddinSettings = { profileId: 'practice', scope: 'workbook', lang: 'mn', overrides: [] };
const plan = fixturePath('plan-2023-digital-year-soum');
const consulting = fixturePath('report-2025-h1-consulting-unit');

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'unelgee-page-cycle-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function openPage(file: string) {
  const book = new BookClient(new WorkerClient(() => new FakeWorker(bookHandlers())));
  const opened = await book.open(new Uint8Array(await fs.readFile(file)));
  const fake = await buildFake(opened, {}, async () => undefined);
  const log = new StepLog();
  const host = recordingHost(createExcelHost({ ...envFrom(fake.Excel as unknown as ExcelLike, fake.office as unknown as OfficeLike), engine: book.engine }), log);
  return { host, log, download: () => book.download(settings, log.steps) };
}

/** `unelgee COMMAND input -o out …`, each on the file the one before wrote; the last file's bytes. */
async function cliChain(input: string, ...commands: string[][]): Promise<Uint8Array> {
  let file = input;
  for (const [i, [command, ...args]] of commands.entries()) {
    const out = path.join(tmp, `${i}.${command}.${Math.random().toString(36).slice(2)}.xlsx`);
    const r = await runCli(command, file, '-o', out, ...args, '--lang', 'mn');
    if (r.code > 1) throw new Error(r.err);
    file = out;
  }
  return new Uint8Array(await fs.readFile(file));
}

const equalBytes = (a: Uint8Array, b: Uint8Array) => expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);

describe('Download after the year’s cycle', () => {
  it('after the report form, is the bytes of unelgee report; after Compute too, of report then compute', async () => {
    const page = await openPage(plan);
    const made = await page.host.createReportForm(settings);
    expect(made.sheet).toBe('Тайлан');
    expect(page.log.steps).toEqual([{ kind: 'report-form', settings }]);
    equalBytes(await page.download(), await cliChain(plan, ['report']));
    await page.host.compute(settings);
    equalBytes(await page.download(), await cliChain(plan, ['report'], ['compute']));
  });

  it('after the report form undone by Revert, is the computed copy again', async () => {
    const page = await openPage(plan);
    await page.host.createReportForm(settings);
    expect((await page.host.revert()).undone?.kind).toBe('report-form');
    expect(page.log.steps).toEqual([]);
    equalBytes(await page.download(), await cliChain(plan, ['compute']));
  });

  it('after next year’s plan, holds its sheet, cell for cell the sheet of unelgee plan’s workbook', async () => {
    const page = await openPage(consulting);
    const made = await page.host.createNextPlan(settings);
    expect(page.log.steps.map((s) => s.kind)).toEqual(['next-plan']);
    const downloaded = visibleSheets(readXlsx(await page.download()));
    expect(downloaded.map((s) => s.name)).toEqual(['Тайлан', made.sheet]);
    const theirs = visibleSheets(readXlsx(await cliChain(consulting, ['plan'])))[0];
    const mine = downloaded[1];
    expect(mine.merges).toEqual(theirs.merges);
    const a = new SheetGrid(mine);
    const b = new SheetGrid(theirs);
    for (let r = 0; r <= Math.max(a.lastRow, b.lastRow); r++) for (let c = 0; c <= Math.max(a.lastCol, b.lastCol); c++) expect([r, c, a.value(r, c)]).toEqual([r, c, b.value(r, c)]);
  });

  it('holding the report against a plan file reads the plan in the page’s worker, marks, and records no step', async () => {
    const page = await openPage(consulting);
    const result = await page.host.checkAgainstPlan(settings, { name: 'plan.xlsx', bytes: new Uint8Array(await fs.readFile(plan)) });
    // The consulting unit's report is not the soum's plan: nothing of it was planned there.
    expect(result).toMatchObject({ planFile: 'plan.xlsx', planTables: ['Төлөвлөгөө!A3'], matched: 0, extra: 14, missing: 66 });
    expect(result.analysis.findings.filter((f) => f.code === 'item-not-in-plan')).toHaveLength(14);
    expect(page.log.steps).toEqual([]);
  });
});
