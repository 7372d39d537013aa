// The engine as a service (src/worker): the per-sheet analysis gives exactly
// analyzeWorkbook's answer, the worker client carries requests, progress and
// errors across a structured-clone boundary, a worker that cannot start
// falls back to the engine in-process, and the Excel adapter over a
// worker-backed engine writes what it writes in-process.

import * as fs from 'fs';
import { analyzeWorkbook, isOwnSummary, planCompute, type Sheet } from '../../src/core';
import { envFrom, type ExcelLike, type OfficeLike } from '../../src/excel/env';
import { createExcelHost } from '../../src/excel/host';
import type { Progress } from '../../src/excel/types';
import { sheetToFake } from '../../src/in-memory-excel/data';
import { FakeExcel } from '../../src/in-memory-excel/excel';
import { sheetWords } from '../../src/i18n/sheet-words';
import { WorkerClient, WorkerError, workerEngine } from '../../src/worker/client';
import { engineHandlers } from '../../src/worker/handlers';
import { analyzeInSteps, localEngine } from '../../src/worker/local';
import { readXlsx, visibleSheets } from '../../src/xlsx';
import { FIXTURE_NAMES, fixturePath } from '../support/fixtures';
import { REPORT_HEADER, sheetOf } from '../support/sheet-builder';
import { FakeWorker } from './fake-worker';

const words = sheetWords('mn');
const fixture = (name: (typeof FIXTURE_NAMES)[number]): Sheet[] => visibleSheets(readXlsx(new Uint8Array(fs.readFileSync(fixturePath(name)))));

const report = (name: string) =>
  sheetOf([['ТАЙЛАН'], REPORT_HEADER, ['Зорилт 1. Үйлчилгээ'], [1, 'Сургалт', 'Тоо', 2, 4, 3, null], [2, 'Тайлан', 'Тоо', 1, 2, 2, 100]], { name });
const blank = (name: string) => sheetOf([[null]], { name });
const cover = (name: string) => sheetOf([['Нүүр хуудас'], ['2025 он']], { name });

describe('analyzeInSteps', () => {
  it.each(FIXTURE_NAMES)('gives analyzeWorkbook\'s answer on %s', (name) => {
    const sheets = fixture(name);
    expect(analyzeInSteps(sheets, { words })).toEqual(analyzeWorkbook(sheets, { words }));
  });

  it('leaves out and combines sheets as analyzeWorkbook does (cover, empty, the add-in\'s own, a summary Compute made)', () => {
    const sheets = [cover('Нүүр'), report('Тайлан'), blank('Хоосон'), report('Тайлан 2')];
    const summary = planComputeSummary(sheets);
    expect(summary.map((s) => isOwnSummary(s, words))).toEqual([true]);
    const withSummary = [...sheets, ...summary, sheetOf([['x']], { name: 'Unelgee_Store' })];
    for (const set of [withSummary, [blank('A'), blank('B')], [cover('Нүүр')], [cover('A'), blank('B')]]) {
      expect(analyzeInSteps(set, { words })).toEqual(analyzeWorkbook(set, { words }));
      expect(analyzeInSteps(set, {})).toEqual(analyzeWorkbook(set, {}));
    }
  });

  it('reports each sheet as it starts it, then the end', () => {
    const seen: Progress[] = [];
    analyzeInSteps([cover('Нүүр'), report('Тайлан'), blank('Хоосон')], { words }, (p) => seen.push(p));
    expect(seen).toEqual([
      { stage: 'analyze', sheet: 'Нүүр', done: 0, total: 2 },
      { stage: 'analyze', sheet: 'Тайлан', done: 1, total: 2 },
      { stage: 'analyze', done: 2, total: 2 },
    ]);
  });
});

/** The summary sheet planCompute would add, as a Sheet (to feed it back). */
function planComputeSummary(sheets: Sheet[]): Sheet[] {
  const plan = planCompute(sheets, { words }).plan;
  if (!plan.summary) return [];
  const rows: (string | number | boolean | null)[][] = [];
  for (const w of plan.summary.writes) {
    while (rows.length <= w.row) rows.push([]);
    rows[w.row][w.col] = w.value ?? null;
  }
  return [sheetOf(rows, { name: plan.summary.name })];
}

describe('the worker client', () => {
  it('answers analyze and plan as the engine does in-process, with progress on the way', async () => {
    const worker = new FakeWorker(engineHandlers);
    const engine = workerEngine(new WorkerClient(() => worker));
    const sheets = fixture('report-2024-aimag-admin-dept');
    const seen: Progress[] = [];
    const analysis = await engine.analyze(sheets, { words }, (p) => seen.push(p));
    expect(analysis).toEqual(analyzeWorkbook(sheets, { words }));
    expect(seen.map((p) => p.sheet ?? '-')).toEqual(['Тайлан', '-']);
    const outcome = await engine.plan(sheets, { words });
    expect(outcome).toEqual(planCompute(sheets, { words }));
    expect(worker.sent).toHaveLength(2);
  });

  it('keeps requests apart (answers go to their callers, in any number at once)', async () => {
    const engine = workerEngine(new WorkerClient(() => new FakeWorker(engineHandlers)));
    const a = [report('A')];
    const b = [report('B'), report('C')];
    const [ra, rb] = await Promise.all([engine.analyze(a, { words }), engine.analyze(b, { words })]);
    expect(ra.sheets.map((s) => s.sheet)).toEqual(['A']);
    expect(rb.sheets.map((s) => s.sheet)).toEqual(['B', 'C']);
  });

  it('rebuilds a failure with its code and both languages\' text', async () => {
    const client = new WorkerClient(
      () =>
        new FakeWorker({
          boom: () => {
            throw Object.assign(new Error('refused'), { name: 'XlsxError', code: 'not-zip', text: { mn: '.xlsx файл биш байна', en: 'is not an .xlsx file' } });
          },
        }),
    );
    const failure = await client.call('boom', {}).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(WorkerError);
    expect(failure).toMatchObject({ name: 'XlsxError', code: 'not-zip', text: { mn: '.xlsx файл биш байна', en: 'is not an .xlsx file' } });
  });

  it('falls back to the engine in-process when the worker cannot be made or fails to load', async () => {
    const sheets = [report('Тайлан')];
    const expected = analyzeWorkbook(sheets, { words });
    const none = workerEngine(
      new WorkerClient(() => {
        throw new Error('Worker is not defined');
      }),
    );
    await expect(none.analyze(sheets, { words })).resolves.toEqual(expected);

    const worker = new FakeWorker({ analyze: () => new Promise(() => undefined) });
    const client = new WorkerClient(() => worker);
    const broken = workerEngine(client);
    const pending = broken.analyze(sheets, { words });
    await new Promise((r) => setTimeout(r, 5));
    worker.crash();
    await expect(pending).resolves.toEqual(expected);
    expect(client.available).toBe(false);
    expect(worker.terminated).toBe(true);
    // Later calls go straight to the engine in-process.
    await expect(broken.plan(sheets, { words })).resolves.toEqual(await localEngine.plan(sheets, { words }));
  });
});

describe('the Excel adapter over a worker-backed engine', () => {
  const data = () => ({ sheets: fixture('report-2024-aimag-admin-dept').map((s) => sheetToFake(s)) });
  const hostOn = (fake: FakeExcel, engine?: ReturnType<typeof workerEngine>) =>
    createExcelHost({ ...envFrom(fake.Excel as unknown as ExcelLike, fake.office as unknown as OfficeLike, engine ? { engine } : {}), now: () => new Date('2025-01-15T08:00:00Z') });
  const settings = { profileId: 'practice', scope: 'sheet' as const, lang: 'mn' as const, overrides: [] };

  it('validates and computes exactly as in-process, and tells each stage', async () => {
    const local = new FakeExcel(data());
    const remote = new FakeExcel(data());
    const worker = new FakeWorker(engineHandlers);
    const viaWorker = hostOn(remote, workerEngine(new WorkerClient(() => worker)));
    const inProcess = hostOn(local);
    const stages: string[] = [];
    viaWorker.onProgress((p) => stages.push(p.sheet ? `${p.stage}:${p.sheet}` : p.stage));

    const v = [await inProcess.validate(settings), await viaWorker.validate(settings)];
    expect(v[1]).toEqual(v[0]);
    expect(stages).toEqual(['read', 'analyze:Тайлан', 'analyze', 'mark']);
    stages.length = 0;
    const c = [await inProcess.compute(settings), await viaWorker.compute(settings)];
    expect(c[1]).toEqual(c[0]);
    expect(stages).toEqual(['read', 'plan:Тайлан', 'plan', 'write']);
    expect(remote.dump()).toEqual(local.dump());
    // The engine's work went to the worker: one request per action.
    expect((worker.sent as { kind: string }[]).map((m) => m.kind)).toEqual(['analyze', 'plan']);
  });

  it('writes the annex 8 sheet exactly as in-process, its plan made in the worker', async () => {
    const local = new FakeExcel(data());
    const remote = new FakeExcel(data());
    const worker = new FakeWorker(engineHandlers);
    const viaWorker = hostOn(remote, workerEngine(new WorkerClient(() => worker)));
    const inProcess = hostOn(local);
    const e = [await inProcess.createEvaluationSheet(settings), await viaWorker.createEvaluationSheet(settings)];
    expect(e[1]).toEqual(e[0]);
    expect(e[1].sheet).toBe('8-р хавсралт');
    expect(remote.dump()).toEqual(local.dump());
    expect((worker.sent as { kind: string }[]).map((m) => m.kind)).toEqual(['planEvaluation']);
    // Made again: the worker knows the sheet as the add-in's own, and it is written over, not added beside.
    const again = await viaWorker.createEvaluationSheet(settings);
    expect(again).toMatchObject({ sheet: '8-р хавсралт', replaced: true });
  });
});
