// The pane's roll-up in Excel (excelRollup): the picked files read by the
// engine service, the roll-up's sheets inserted into the open workbook —
// the sheets of the plan the engine returned — and nothing inserted when no
// file can be read; a file too large is refused unread.

import * as fs from 'fs';
import { STORE_SHEET } from '../../src/excel/store';
import { excelRollup, rollupFiles } from '../../src/taskpane/excel-rollup';
import type { Progress } from '../../src/excel/types';
import { WorkerClient, workerEngine } from '../../src/worker/client';
import { engineHandlers } from '../../src/worker/handlers';
import { localEngine } from '../../src/worker/local';
import type { EngineClient } from '../../src/worker/types';
import { FIXTURE_NAMES, fixturePath } from '../support/fixtures';
import { loadFixture } from '../support/load-fixture';
import { FakeWorker } from '../worker/fake-worker';
import { rig, settings } from './helpers';

const fileOf = (name: string, bytes: Uint8Array) => new File([bytes], name);
const fixtureFile = (name: (typeof FIXTURE_NAMES)[number]) => fileOf(`${name}.xlsx`, new Uint8Array(fs.readFileSync(fixturePath(name))));
const broken = () => fileOf('broken.xlsx', new TextEncoder().encode('not a workbook'));

async function setUp() {
  const { data } = await loadFixture('report-2024-aimag-admin-dept.xlsx');
  return rig(data);
}

describe.each<[string, () => EngineClient]>([
  ['in-process', () => localEngine],
  ['over a worker', () => workerEngine(new WorkerClient(() => new FakeWorker(engineHandlers)))],
])('excelRollup (%s engine)', (_, engineOf) => {
  it('inserts the roll-up\'s sheets after the workbook\'s own; the damaged file is listed, the others rolled up', async () => {
    const { fake, host } = await setUp();
    const engine = engineOf();
    const spy = jest.spyOn(host, 'insertRollup');
    const seen: Progress[] = [];
    const files = [fixtureFile(FIXTURE_NAMES[0]), broken(), fixtureFile(FIXTURE_NAMES[1])];
    const done = await excelRollup(engine, host)(files, settings({ lang: 'mn' }), (p) => seen.push(p));
    expect(done).toMatchObject({ read: 2, sheets: ['Нэгтгэл', 'Алдаа, дутуу', 'Уншигдаагүй'], savedAs: null });
    expect(done.notRead).toEqual([{ file: 'broken.xlsx', reason: expect.objectContaining({ en: 'is not an .xlsx file' }) }]);
    expect(fake.names().filter((n) => n !== STORE_SHEET)).toEqual(['Тайлан', ...done.sheets!]);
    // The plan inserted is the one the engine gives for the same files.
    const again = await localEngine.rollup((await rollupFiles(files)).files, { profileId: settings().profileId, lang: 'mn' });
    expect(spy).toHaveBeenCalledWith(again.outcome.workbook);
    expect(done.rows).toBe(again.outcome.rows.length);
    expect(done.rows).toBeGreaterThanOrEqual(2);
    expect(seen.filter((p) => p.sheet).map((p) => p.sheet)).toEqual(files.map((f) => f.name));
    // One Revert step takes the roll-up out.
    await expect(host.nextRevert()).resolves.toMatchObject({ kind: 'rollup' });
  });

  it('inserts nothing when no file can be read (sheets: null), and says why for each', async () => {
    const { fake, host } = await setUp();
    const before = fake.dump();
    const spy = jest.spyOn(host, 'insertRollup');
    const done = await excelRollup(engineOf(), host)([broken(), fileOf('empty.xlsx', new Uint8Array(0))], settings({ lang: 'en' }), () => undefined);
    expect(done).toEqual({ read: 0, notRead: [expect.objectContaining({ file: 'broken.xlsx' }), expect.objectContaining({ file: 'empty.xlsx' })], rows: 0, sheets: null, savedAs: null });
    expect(spy).not.toHaveBeenCalled();
    expect(fake.dump()).toEqual(before);
    await expect(host.canRevert()).resolves.toBe(false);
  });
});

describe('rollupFiles', () => {
  it('refuses a file over the limit without reading it, in both languages', async () => {
    const big = fileOf('big.xlsx', new Uint8Array(2 * 1048576));
    const read = jest.spyOn(big, 'arrayBuffer');
    const { files, refused } = await rollupFiles([big, broken()], 1048576);
    expect(read).not.toHaveBeenCalled();
    expect(files.map((f) => f.name)).toEqual(['broken.xlsx']);
    expect(refused).toEqual([{ file: big.name, reason: { mn: expect.stringContaining('хэт том'), en: 'the file is too large (at most 1 MB)' } }]);
  });
});
