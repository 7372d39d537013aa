// The roll-up as the engine service's request: each file read and checked
// as `unelgee rollup` checks it (the command line's checkFile gives the same
// rows and findings), a damaged file listed with the reader's sentence while
// the others still roll up, progress per file, and the bytes moved — not
// copied — to the worker; the same answer over the worker and in-process.

import * as fs from 'fs';
import * as path from 'path';
import { checkFile } from '../../src/cli/check-file';
import { getProfile, planRollup, type RollupFinding, type RollupRow } from '../../src/core';
import type { Progress } from '../../src/excel/types';
import { rollupWords } from '../../src/i18n/rollup';
import { WorkerClient, WorkerUnavailable, workerEngine } from '../../src/worker/client';
import { linkTo } from '../../src/worker/rollup';
import { engineHandlers } from '../../src/worker/handlers';
import { localEngine } from '../../src/worker/local';
import type { EngineClient, RollupFile } from '../../src/worker/types';
import { XlsxError, readXlsx } from '../../src/xlsx';
import { FIXTURE_NAMES, fixturePath } from '../support/fixtures';
import { FakeWorker } from './fake-worker';

const bytesOf = (name: (typeof FIXTURE_NAMES)[number]) => new Uint8Array(fs.readFileSync(fixturePath(name)));
const damaged = () => bytesOf('report-2024-aimag-admin-dept').slice(0, 3000);

/** The fixtures and a damaged file between them. */
function files(): RollupFile[] {
  const [a, b, c] = FIXTURE_NAMES;
  return [
    { name: `${a}.xlsx`, bytes: bytesOf(a) },
    { name: 'broken.xlsx', bytes: damaged() },
    { name: `${b}.xlsx`, bytes: bytesOf(b) },
    { name: `${c}.xlsx`, bytes: bytesOf(c) },
  ];
}

/** What the reader says of the damaged file. */
function damagedReason() {
  try {
    readXlsx(damaged());
  } catch (e) {
    if (e instanceof XlsxError) return e.text;
  }
  throw new Error('the damaged file was read');
}

/** The roll-up the command line's per-file check gives for the same files (named as the page names them). */
async function cliRollup(lang: 'mn' | 'en') {
  const rows: RollupRow[] = [];
  const findings: RollupFinding[] = [];
  for (const name of FIXTURE_NAMES) {
    const r = await checkFile({ file: fixturePath(name), lang, profileId: 'practice', json: false });
    if (!r.ok) throw new Error(`${name} not read`);
    const file = path.basename(fixturePath(name));
    const fileRows = r.rows.map((x) => ({ ...x, file }));
    rows.push(...fileRows);
    for (const f of r.findings) findings.push({ file, label: fileRows[0]?.label ?? file, ...f });
  }
  return { rows, findings };
}

const engines: [string, () => EngineClient][] = [
  ['in-process', () => localEngine],
  ['over a worker', () => workerEngine(new WorkerClient(() => new FakeWorker(engineHandlers)))],
];

describe.each(engines)('rollup %s', (_, engine) => {
  it('rolls up every readable file as the command line checks it; the damaged one is listed with the reader\'s reason', async () => {
    const answer = await engine().rollup(files(), { profileId: 'practice', lang: 'mn' });
    expect(answer.read).toBe(3);
    expect(answer.notRead).toEqual([{ file: 'broken.xlsx', reason: damagedReason() }]);
    expect(answer.notRead[0].reason.mn).not.toBe(answer.notRead[0].reason.en);
    const cli = await cliRollup('mn');
    expect(cli.rows.length).toBeGreaterThanOrEqual(3);
    // The rows, ranked, and the new workbook: what planRollup makes of the command line's rows and findings.
    // A browser's file has no location: its name is text, not a link (a bare name was a dead link unless the file sat beside the workbook).
    const links = {};
    const expected = planRollup({ rows: cli.rows, findings: cli.findings, notRead: answer.notRead, links }, getProfile('practice'), rollupWords('mn'));
    expect(answer.outcome).toEqual(expected);
    expect(new Set(answer.outcome.rows.map((r) => r.file))).toEqual(new Set(FIXTURE_NAMES.map((n) => `${n}.xlsx`)));
    expect(answer.outcome.workbook.sheets.map((s) => s.name)).toEqual(['Нэгтгэл', 'Алдаа, дутуу', 'Уншигдаагүй']);
  });

  it('links a file only where its location is known, escaped as the command line escapes its links', async () => {
    const [a, b] = FIXTURE_NAMES;
    const given: RollupFile[] = [
      { name: `${a}.xlsx`, bytes: bytesOf(a), location: `тайлан #2/${a} 50%.xlsx` },
      { name: `${b}.xlsx`, bytes: bytesOf(b) },
    ];
    const answer = await engine().rollup(given, { profileId: 'practice', lang: 'mn' });
    const sheet = answer.outcome.workbook.sheets[0];
    const targets = sheet.links.map((l) => l.target);
    expect(targets).toEqual(answer.outcome.rows.filter((r) => r.file === `${a}.xlsx`).map(() => `тайлан%20%232/${a}%2050%25.xlsx`));
    expect(targets.length).toBeGreaterThan(0);
    // The file without a location is named in its cell, as text.
    const rowOfB = answer.outcome.rows.findIndex((r) => r.file === `${b}.xlsx`);
    expect(rowOfB).toBeGreaterThanOrEqual(0);
    expect(sheet.links.some((l) => sheet.cells.some((c) => c.row === l.row && c.col === l.col && c.value === `${b}.xlsx`))).toBe(false);
    expect(sheet.cells.some((c) => c.value === `${b}.xlsx`)).toBe(true);
  });

  it('tells each file as it starts it, then the end', async () => {
    const seen: Progress[] = [];
    await engine().rollup(files(), { profileId: 'practice', lang: 'en' }, (p) => seen.push(p));
    expect(seen).toEqual([
      ...files().map((f, i) => ({ stage: 'open', sheet: f.name, done: i, total: 4 })),
      { stage: 'open', done: 4, total: 4 },
    ]);
  });

  it('uses the user\'s profile and lists files the host refused first', async () => {
    // One band: every graded row and the total get the user's grade.
    const mine = { ...getProfile('practice'), id: 'mine', grades: [{ above: -1, grade: 'Z', label: { mn: 'Z', en: 'Z' } }] };
    const refused = [{ file: 'huge.xlsx', reason: { mn: 'хэт том', en: 'too large' } }];
    const answer = await engine().rollup(files().slice(1, 3), { profileId: 'practice', profile: mine, lang: 'en', refused });
    expect(answer.read).toBe(1);
    const graded = answer.outcome.rows.filter((r) => r.grade !== null);
    expect(graded.length).toBeGreaterThan(0);
    expect(graded.every((r) => r.grade === 'Z')).toBe(true);
    expect(answer.outcome.total.grade).toBe('Z');
    expect(answer.notRead.map((n) => n.file)).toEqual(['huge.xlsx', 'broken.xlsx']);
    expect(answer.outcome.workbook.sheets.map((s) => s.name)).toEqual(['Roll-up', 'Findings', 'Not read']);
  });

  it('rolls up nothing when no file can be read, and says why for each', async () => {
    const answer = await engine().rollup([{ name: 'a.xlsx', bytes: new Uint8Array(0) }, { name: 'b.xlsx', bytes: damaged() }], { profileId: 'practice', lang: 'mn' });
    expect(answer.read).toBe(0);
    expect(answer.outcome.rows).toEqual([]);
    expect(answer.notRead.map((n) => n.file)).toEqual(['a.xlsx', 'b.xlsx']);
    expect(answer.notRead[0].reason).toEqual(new XlsxError('empty').text);
  });
});

describe('linkTo', () => {
  it('escapes what a URI cannot carry, segment by segment, and makes an absolute path a file:/// URI', () => {
    expect(linkTo('a#b.xlsx')).toBe('a%23b.xlsx');
    expect(linkTo('sub dir/тайлан?.xlsx')).toBe('sub%20dir/тайлан%3F.xlsx');
    expect(linkTo('/home/user/a b.xlsx')).toBe('file:///home/user/a%20b.xlsx');
    expect(linkTo('C:\\Reports\\a#1.xlsx')).toBe('file:///C:/Reports/a%231.xlsx');
  });
});

describe('rollup over a worker', () => {
  it('moves the bytes to the worker (the caller\'s arrays are emptied), each buffer once', async () => {
    const worker = new FakeWorker(engineHandlers);
    const engine = workerEngine(new WorkerClient(() => worker));
    const given = files();
    // Two files as views of one buffer: transferred once, both still read.
    const shared = bytesOf('report-2024-aimag-admin-dept');
    const joined = new Uint8Array(shared.length * 2);
    joined.set(shared, 0);
    joined.set(shared, shared.length);
    given.push({ name: 'x.xlsx', bytes: joined.subarray(0, shared.length) }, { name: 'y.xlsx', bytes: joined.subarray(shared.length) });
    const answer = await engine.rollup(given, { profileId: 'practice', lang: 'mn' });
    expect(answer.read).toBe(5);
    expect(given.map((f) => f.bytes.byteLength)).toEqual(given.map(() => 0));
    expect((worker.sent as { kind: string }[]).map((m) => m.kind)).toEqual(['rollup']);
  });

  it('fails, rather than rolling up emptied files, when the worker dies after the bytes moved to it', async () => {
    const worker = new FakeWorker({ rollup: () => new Promise(() => undefined) });
    const engine = workerEngine(new WorkerClient(() => worker));
    const pending = engine.rollup(files(), { profileId: 'practice', lang: 'mn' });
    await new Promise((r) => setTimeout(r, 5));
    worker.crash();
    await expect(pending).rejects.toBeInstanceOf(WorkerUnavailable);
  });

  it('runs in-process when no worker starts (the bytes stay with the caller)', async () => {
    const engine = workerEngine(
      new WorkerClient(() => {
        throw new Error('Worker is not defined');
      }),
    );
    const given = files();
    const answer = await engine.rollup(given, { profileId: 'practice', lang: 'mn' });
    expect(answer.read).toBe(3);
    expect(given[0].bytes.byteLength).toBeGreaterThan(0);
  });
});
