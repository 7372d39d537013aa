import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import { columnLetter } from '../../src/core';
import { runCli, sha256 } from '../support/cli';
import { fixturePath, readWorkbook } from '../support/fixtures';
import { SUMMARY_CELLS } from '../support/layout-cells';

const run = runCli;

const sha = sha256;

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'unelgee-cli-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const consulting = fixturePath('report-2025-h1-consulting-unit');
const aimag = fixturePath('report-2024-aimag-admin-dept');
const plan = fixturePath('plan-2023-digital-year-soum');

describe('unelgee validate', () => {
  it('exits 0 when no errors, 1 when errors are found', async () => {
    expect((await run('validate', consulting)).code).toBe(0);
    expect((await run('validate', plan)).code).toBe(0);
    expect((await run('validate', aimag)).code).toBe(1);
  });

  it('prints a readable table in Mongolian by default, English with --lang en', async () => {
    const mn = await run('validate', aimag);
    expect(mn.out).toMatch(/Түвшин\s+Нүд\s+Код\s+Тайлбар/);
    expect(mn.out).toMatch(/Алдаа\s+Тайлан!H40\s+missing-percent\s+№23 арга хэмжээ: хувь бичигдээгүй/);
    expect(mn.out).toMatch(/Дүн: 15 алдаа, 14 анхааруулга, 1 мэдээлэл/);
    const en = await run('validate', aimag, '--lang', 'en');
    expect(en.out).toMatch(/Severity\s+Cell\s+Code\s+Message/);
    expect(en.out).toMatch(/Error\s+Тайлан!H40\s+missing-percent\s+Item 23: the percent is missing/);
  });

  it('--json prints per file the tables (sheet, header rows, column letter of each role) and the findings', async () => {
    const r = await run('validate', consulting, aimag, '--json');
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ tool: 'unelgee', format: 1, command: 'validate', exitCode: 1 });
    expect(j.files.map((f: { file: string }) => f.file)).toEqual([consulting, aimag]);
    expect(j.files[0].tables[1]).toMatchObject({
      sheet: 'Тайлан',
      headerRows: [29, 30],
      numberRow: 31,
      columns: { index: 'A', action: 'B', indicator: 'C', baseline: 'D', target: 'E', achieved: 'F', period: 'G', percent: 'H' },
    });
    const f = j.files[1].findings.find((x: { cell: string }) => x.cell === 'H99');
    expect(f).toMatchObject({ code: 'average-mismatch', severity: 'warning', sheet: 'Тайлан', cell: 'H99' });
    expect(f.message).toBe(f.messages.mn);
    expect(f.messages.en).toMatch(/97.5/);
  });

  it('gives a file it cannot read exit 2 and one clear line, and still processes the others', async () => {
    const notXlsx = path.join(tmp, 'notes.xlsx');
    await fs.writeFile(notXlsx, 'Д/д, Арга хэмжээ\n1, сургалт\n');
    const empty = path.join(tmp, 'empty.xlsx');
    await fs.writeFile(empty, '');
    const corrupt = path.join(tmp, 'corrupt.xlsx');
    await fs.writeFile(corrupt, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
    const encrypted = path.join(tmp, 'encrypted.xlsx');
    await fs.writeFile(encrypted, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    const missing = path.join(tmp, 'missing.xlsx');

    const r = await run('validate', notXlsx, consulting, empty, corrupt, encrypted, missing, '--lang', 'en');
    expect(r.code).toBe(2);
    const lines = r.err.split('\n');
    expect(lines).toEqual([
      `unelgee: ${notXlsx}: cannot read: is not an .xlsx file`,
      `unelgee: ${empty}: cannot read: the file is empty (0 bytes)`,
      expect.stringMatching(new RegExp(`^unelgee: ${corrupt}: cannot read: the .xlsx file is damaged`)),
      `unelgee: ${encrypted}: cannot read: the file is password-protected or an old .xls; open it in Excel and save it as an .xlsx without a password`,
      `unelgee: ${missing}: cannot read: no such file`,
    ]);
    // The readable file in the middle was still checked.
    expect(r.out).toContain(consulting);
    expect(r.out).toMatch(/Nothing wrong or missing/);
  });

  it('reports unreadable files in the JSON too', async () => {
    const empty = path.join(tmp, 'empty2.xlsx');
    await fs.writeFile(empty, '');
    const j = JSON.parse((await run('validate', empty, plan, '--json')).out);
    expect(j.exitCode).toBe(2);
    expect(j.files[0]).toMatchObject({ file: empty, ok: false });
    expect(j.files[0].error).toMatch(/хоосон/);
    expect(j.files[1]).toMatchObject({ file: plan, ok: true });
  });

  it('explains its usage on bad arguments, with exit 2', async () => {
    const r = await run('validate');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unelgee validate ФАЙЛ/);
    expect((await run('validate', consulting, '--nope')).code).toBe(2);
    expect((await run('compute', consulting)).err).toMatch(/-o ГАРАЛТ/);
  });
});

describe('unelgee compute', () => {
  it('writes a computed copy, lists every cell it wrote, and never modifies the input', async () => {
    const before = await sha(aimag);
    const out = path.join(tmp, 'aimag.computed.xlsx');
    const r = await run('compute', aimag, '-o', out);
    expect(r.code).toBe(1); // errors remain: unrated rows need a person
    expect(await sha(aimag)).toBe(before);
    expect(r.out).toMatch(/Тайлан: H99\n/);
    expect(r.out).toMatch(new RegExp(`Тайлан!A107: .*хураангуй хуудсанд бичсэн \\(Үнэлгээний хураангуй!${SUMMARY_CELLS.letter('average')}\\d+\\)`));
    // The title lines, then the header row across every column of the summary.
    expect(r.out).toContain(`Үнэлгээний хураангуй: A1:A3 A5:${columnLetter(SUMMARY_CELLS.layout.length - 1)}5`);

    const ws = (await readWorkbook(out)).getWorksheet('Тайлан')!;
    expect(ws.getCell('H99').value).toMatchObject({ formula: 'ROUND(AVERAGE(H8:H86,H88:H98),1)', result: 95.6 });
    expect(ws.getCell('A111').value).toBe('ХЯНАСАН:');
    const summary = (await readWorkbook(out)).getWorksheet('Үнэлгээний хураангуй')!;
    expect(summary.getCell(SUMMARY_CELLS.address('average', 6)).value).toMatchObject({ result: 95.6 });
  });

  it('the JSON lists every written cell', async () => {
    const out = path.join(tmp, 'consulting.computed.xlsx');
    const j = JSON.parse((await run('compute', consulting, '-o', out, '--json')).out);
    expect(j).toMatchObject({ command: 'compute', exitCode: 0, input: consulting, output: out });
    expect(j.written.length).toBeGreaterThan(20);
    expect(j.written.every((c: string) => c.startsWith('Үнэлгээний хураангуй!'))).toBe(true);
    expect(j.after.counts).toEqual({ error: 0, warning: 0, info: 0 });
  });

  it('computing in the other language rewrites its own summary in place, never a second one', async () => {
    const once = path.join(tmp, 'mn.xlsx');
    const twice = path.join(tmp, 'mn-then-en.xlsx');
    await run('compute', aimag, '-o', once);
    await run('compute', once, '-o', twice, '--lang', 'en');
    const wb = await readWorkbook(twice);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Тайлан', 'Үнэлгээний хураангуй']);
    expect(wb.getWorksheet('Үнэлгээний хураангуй')!.getCell('A1').value).toBe('Scoring summary');
  });

  it('is idempotent: computing a computed file changes nothing', async () => {
    const once = path.join(tmp, 'once.xlsx');
    const twice = path.join(tmp, 'twice.xlsx');
    await run('compute', aimag, '-o', once, '--lang', 'en');
    const r = await run('compute', once, '-o', twice, '--lang', 'en');
    expect(r.out).toMatch(/Nothing to change: the file is already computed/);
    const a = (await readWorkbook(once)).getWorksheet('Тайлан')!;
    const b = (await readWorkbook(twice)).getWorksheet('Тайлан')!;
    expect(b.rowCount).toBe(a.rowCount);
    for (let r2 = 1; r2 <= a.rowCount; r2++) {
      for (let c = 1; c <= 15; c++) expect(JSON.stringify(b.getCell(r2, c).value)).toBe(JSON.stringify(a.getCell(r2, c).value));
    }
  });

  it('refuses to write over its input', async () => {
    const r = await run('compute', consulting, '-o', consulting);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/оролтын файлтай ижил/);
  });

  it('an unreadable input exits 2 with one line', async () => {
    const bad = path.join(tmp, 'bad.xlsx');
    await fs.writeFile(bad, 'hello');
    const r = await run('compute', bad, '-o', path.join(tmp, 'x.xlsx'));
    expect(r).toMatchObject({ code: 2, err: `unelgee: ${bad}: уншиж чадсангүй: .xlsx файл биш байна` });
  });
});

describe('the installed command', () => {
  it('bin/unelgee.js runs the built CLI with real exit codes', async () => {
    const bin = path.join(__dirname, '..', '..', 'bin', 'unelgee.js');
    const exec = promisify(execFile);
    const ok = await exec('node', [bin, 'validate', consulting, '--json']);
    expect(JSON.parse(ok.stdout).exitCode).toBe(0);
    await expect(exec('node', [bin, 'validate', aimag])).rejects.toMatchObject({ code: 1 });
  });
});
