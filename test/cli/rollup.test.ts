// `unelgee rollup`: a folder of the three fixtures, a damaged file and an
// Excel lock file. One row per table with the averages validate reports,
// every finding of validate on the findings sheet, the damaged file on the
// not-read sheet, the lock file skipped, exit 2; the ranks and the total
// line recalculated by LibreOffice from their formulas; inputs untouched.
// (In-process the files are checked without the worker pool — the compiled
// worker does not exist under ts-jest; test/cli/process.test.ts runs the
// built command with its pool and finds the same.)
import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import { promisify } from 'util';
import os from 'os';
import path from 'path';
import { runCli, sha256 } from '../support/cli';
import { readXlsx } from '../../src/xlsx';
import { FIXTURE_NAMES, fixturePath } from '../support/fixtures';
import { recalculate } from '../support/libreoffice';
import { ROLLUP_CELLS, ROLLUP_FINDINGS_CELLS } from '../support/layout-cells';
import type { RollupColumnKey, RollupFindingsColumnKey } from '../../src/core';
import { text, unzip } from '../xlsx/corpus';

const run = runCli;
const exec = promisify(execFile);
const sha = sha256;

let tmp: string;
let dir: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'unelgee-rollup-'));
  dir = path.join(tmp, 'reports');
  await fs.mkdir(path.join(dir, 'soum'), { recursive: true });
  // Output folders exist: a missing one is refused, never created (test/xlsx/cli-files.test.ts).
  await fs.mkdir(path.join(tmp, 'out'));
  await fs.mkdir(path.join(tmp, 'lo'));
  for (const name of FIXTURE_NAMES) await fs.copyFile(fixturePath(name), path.join(dir, name.startsWith('plan') ? 'soum' : '', `${name}.xlsx`));
  await fs.writeFile(path.join(dir, 'damaged.xlsx'), Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(300, 9)]));
  // Excel leaves "~$name.xlsx" beside a workbook while it is open: not a report.
  await fs.writeFile(path.join(dir, '~$report-2024-aimag-admin-dept.xlsx'), Buffer.alloc(165, 1));
  await fs.writeFile(path.join(dir, 'notes.txt'), 'not an input');
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

interface Sheet {
  values: unknown[][];
  formulas?: (string | null)[][];
}
const sheetsOf = async (file: string) => {
  const book = readXlsx(new Uint8Array(await fs.readFile(file)));
  return new Map(book.sheets.map((s) => [s.name, s.sheet as Sheet]));
};
const rowsOf = (s: Sheet) => s.values.map((r) => (r ? Array.from(r, (v) => (v === undefined ? null : v)) : []));

describe('unelgee rollup', () => {
  it('checks a folder as validate does and writes the roll-up, the findings and the files not read', async () => {
    const before = await Promise.all(FIXTURE_NAMES.map((n) => sha(fixturePath(n))));
    const output = path.join(tmp, 'out', 'rollup.xlsx');
    const r = await run('rollup', dir, '-o', output, '--json');
    expect(r.code).toBe(2);
    expect(r.err).toBe(`unelgee: ${path.join(dir, 'damaged.xlsx')}: уншиж чадсангүй: .xlsx файл эвдэрсэн байна (no central directory)`);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ tool: 'unelgee', format: 1, command: 'rollup', exitCode: 2, skipped: [path.join(dir, '~$report-2024-aimag-admin-dept.xlsx')] });

    // The same files through validate: the same averages, table by table, and the same findings.
    const readable = j.files.filter((f: { ok: boolean }) => f.ok).map((f: { file: string }) => f.file);
    expect(readable.map((f: string) => path.basename(f)).sort()).toEqual(FIXTURE_NAMES.map((n) => `${n}.xlsx`).sort());
    const v = JSON.parse((await run('validate', ...readable, '--json')).out);
    const validated = v.files.flatMap((f: { file: string; scores: { tableId: string; average: number | null }[] }) => f.scores.map((s) => [f.file, s.tableId, s.average]));
    const rolled = j.rollup.rows.map((x: { file: string; tableId: string; average: number | null }) => [x.file, x.tableId, x.average]);
    expect(rolled.sort()).toEqual(validated.sort());
    expect(j.files.filter((f: { ok: boolean }) => f.ok)).toEqual(v.files);

    const book = await sheetsOf(output);
    expect([...book.keys()]).toEqual(['Нэгтгэл', 'Алдаа, дутуу', 'Уншигдаагүй']);
    const findings = rowsOf(book.get('Алдаа, дутуу')!);
    expect(findings[0]).toEqual(['Файл', 'Нэгж', 'Хуудас', 'Нүд', 'Код', 'Түвшин', 'Тайлбар']);
    const keyed: RollupFindingsColumnKey[] = ['file', 'sheet', 'cell', 'code', 'message'];
    const listed = findings.slice(1).map((line) => keyed.map((key) => line[ROLLUP_FINDINGS_CELLS.col(key)]).join('|'));
    const expected = v.files.flatMap((f: { file: string; findings: { sheet: string; cell: string; code: string; message: string }[] }) =>
      f.findings.map((x) => [f.file, x.sheet, x.cell, x.code, x.message].join('|')),
    );
    expect(listed.sort()).toEqual(expected.sort());
    expect(listed.length).toBe(31);

    const notRead = rowsOf(book.get('Уншигдаагүй')!);
    expect(notRead.slice(1)).toEqual([[path.join(dir, 'damaged.xlsx'), '.xlsx файл эвдэрсэн байна (no central directory)']]);
    const everywhere = JSON.stringify([...book.values()].map(rowsOf));
    expect(everywhere).not.toContain('~$');

    // The inputs are as they were.
    expect(await Promise.all(FIXTURE_NAMES.map((n) => sha(fixturePath(n))))).toEqual(before);
  });

  it('ranks, the total line and the chart data recalculate in LibreOffice to what the tool wrote and printed', async () => {
    const output = path.join(tmp, 'lo', 'rollup.xlsx');
    const r = await run('rollup', dir, '-o', output, '--lang', 'en', '--json');
    const j = JSON.parse(r.out);
    const ours = rowsOf((await sheetsOf(output)).get('Roll-up')!);
    const theirs = rowsOf((await sheetsOf(await recalculate(output))).get('Roll-up')!);

    // Five tables: the two units ranked by their main tables, then their knowledge-and-skills parts and the soum's plan, unranked.
    const body = theirs.slice(5, 10);
    const cellOfLine = (line: unknown[], key: RollupColumnKey) => line[ROLLUP_CELLS.col(key)];
    expect(body.map((line) => [cellOfLine(line, 'rank') ?? '', cellOfLine(line, 'average')])).toEqual([
      [1, 95.6],
      [2, 85.8],
      ['', 100],
      ['', 75],
      ['', null],
    ]);
    expect(body.map((line) => cellOfLine(line, 'label'))).toEqual([
      'ТӨРИЙН ЗАХИРГААНЫ УДИРДЛАГЫН ХЭЛТЭС',
      'ЗӨВЛӨГӨӨ, МЭДЭЭЛЛИЙН ХЭЛТЭС',
      'ТӨРИЙН ЗАХИРГААНЫ УДИРДЛАГЫН ХЭЛТЭС',
      'ЗӨВЛӨГӨӨ, МЭДЭЭЛЛИЙН ХЭЛТЭС',
      'plan-2023-digital-year-soum',
    ]);
    // The aimag report states 97.5 where its rows give 95.6.
    expect(cellOfLine(body[0], 'statedAverage')).toBe(97.5);
    const total = theirs[10];
    // The mean of the units: each unit once, by its main table.
    const mean = Math.round(((95.6 + 85.8) / 2) * 10) / 10;
    const totalKeys: RollupColumnKey[] = ['file', 'table', 'kind', 'items', 'rated', 'average', 'statedAverage', 'fivePoint', 'grade', 'annex8', 'errors', 'warnings', 'infos'];
    expect(totalKeys.map((key) => cellOfLine(total, key))).toEqual([3, 5, null, 145, 59, mean, null, 4.54, 'A · Excellent', '', 15, 15, 1]);
    expect(j.rollup.total).toMatchObject({ files: 3, tables: 5, average: mean, errors: 15 });
    // Every formula's cached result is what LibreOffice computes.
    expect(theirs.slice(5, 11)).toEqual(ours.slice(5, 11));
    // The file names link to the files, relative to the roll-up.
    const rels = text(unzip(new Uint8Array(await fs.readFile(output))), 'xl/worksheets/_rels/sheet1.xml.rels');
    expect(rels).toContain('Target="../reports/report-2024-aimag-admin-dept.xlsx" TargetMode="External"');
    expect(rels).toContain('Target="../reports/soum/plan-2023-digital-year-soum.xlsx" TargetMode="External"');
  }, 120000);

  it('never writes over an input: the output is refused when it is one of the files read', async () => {
    const inside = path.join(tmp, 'inside');
    await fs.mkdir(inside);
    const input = path.join(inside, 'a.xlsx');
    await fs.copyFile(fixturePath('report-2025-h1-consulting-unit'), input);
    const hard = path.join(tmp, 'hard.xlsx');
    await fs.link(input, hard);
    const before = await sha(input);
    for (const out of [input, hard]) {
      const r = await run('rollup', inside, '-o', out, '--lang', 'en');
      expect(r).toMatchObject({ code: 2, err: `unelgee: ${out}: the output is one of the inputs; write the roll-up outside the folders being read` });
    }
    expect(await sha(input)).toBe(before);
  });

  it('every path the walk meets is read or listed as not read with why: a name that is not UTF-8, a FIFO, a link to nothing (item 9)', async () => {
    const odd = path.join(tmp, 'odd');
    await fs.mkdir(odd);
    await fs.copyFile(fixturePath('report-2025-h1-consulting-unit'), path.join(odd, 'good.xlsx'));
    // "Тайлан.xlsx" as a CP866 zip names it: bytes that are not UTF-8.
    const cp866 = Buffer.concat([Buffer.from(odd + path.sep), Buffer.from([0x92, 0xa0, 0xa9, 0xab, 0xa0, 0xad]), Buffer.from('.xlsx')]);
    await fs.copyFile(fixturePath('report-2025-h1-consulting-unit'), cp866);
    await fs.mkdir(Buffer.concat([Buffer.from(odd + path.sep), Buffer.from([0x8f, 0xa0, 0xaf, 0xaa, 0xa0])]));
    await exec('mkfifo', [path.join(odd, 'pipe.xlsx')]);
    await fs.symlink(path.join(odd, 'gone.xlsx'), path.join(odd, 'dangling.xlsx'));
    const output = path.join(tmp, 'odd.xlsx');
    const r = await run('rollup', odd, '-o', output, '--lang', 'en', '--json');
    expect(r.code).toBe(2);
    const lines = r.err.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines).toEqual(
      expect.arrayContaining([
        `unelgee: ${path.join(odd, 'dangling.xlsx')}: a link to nothing`,
        `unelgee: ${path.join(odd, 'pipe.xlsx')}: is not a regular file (a FIFO, a device or a socket); only .xlsx files are read`,
        expect.stringMatching(/: the file name is not UTF-8 \(a Windows zip may have written it in CP866\), so it was not read; rename the file$/),
        expect.stringMatching(/: the folder name is not UTF-8, so its files were not read; rename the folder$/),
      ]),
    );
    const j = JSON.parse(r.out);
    expect(j.rollup.notRead).toHaveLength(4);
    expect(j.files.filter((f: { ok: boolean }) => f.ok)).toHaveLength(1);
    const notRead = rowsOf((await sheetsOf(output)).get('Not read')!);
    expect(notRead.slice(1).map((row) => path.basename(String(row[0])))).toEqual(expect.arrayContaining(['dangling.xlsx', 'pipe.xlsx']));
  });

  it('a mistyped folder is an error that writes nothing, not an empty roll-up (item 9)', async () => {
    const output = path.join(tmp, 'typo.xlsx');
    const typo = path.join(tmp, 'reprots');
    const r = await run('rollup', dir, typo, '-o', output, '--lang', 'en');
    expect([r.code, r.err]).toEqual([2, `unelgee: ${typo}: no such file or folder; nothing was rolled up`]);
    await expect(fs.access(output)).rejects.toThrow();
  });

  it('explains its usage: no file, no -o, a folder without workbooks', async () => {
    expect((await run('rollup')).err).toMatch(/^unelgee: файл заагаагүй байна\n\nХэрэглээ: unelgee rollup ФАЙЛ\|ХАВТАС… -o НЭГТГЭЛ.xlsx/);
    expect(await run('rollup', dir)).toMatchObject({ code: 2, err: expect.stringMatching(/^unelgee: rollup командад -o НЭГТГЭЛ.xlsx заавал хэрэгтэй/) });
    const empty = path.join(tmp, 'empty');
    await fs.mkdir(empty);
    expect(await run('rollup', empty, '-o', path.join(tmp, 'e.xlsx'), '--lang', 'en')).toMatchObject({ code: 2, err: `unelgee: ${empty}: no .xlsx file found` });
  });
});

describe('the command line', () => {
  it('--help lists the commands, per command in the chosen language; --version comes from package.json', async () => {
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Хэрэглээ: unelgee КОМАНД/);
    for (const c of ['validate', 'compute', 'rollup']) expect(help.out).toMatch(new RegExp(`\\n  ${c} +\\S`));
    const rollupHelp = await run('rollup', '--help', '--lang', 'en');
    expect(rollupHelp.code).toBe(0);
    expect(rollupHelp.out).toMatch(/^Usage: unelgee rollup FILE\|FOLDER… -o ROLLUP.xlsx/);
    expect(rollupHelp.out).toMatch(/-j, --jobs <n> +threads working at once/);
    const pkg = JSON.parse(await fs.readFile(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    expect(await run('--version')).toMatchObject({ code: 0, out: `unelgee ${pkg.version}` });
  });

  it('no command, or an unknown one: a usage message listing the commands, exit 2', async () => {
    const none = await run();
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^unelgee: команд заагаагүй байна\n\nХэрэглээ: unelgee КОМАНД/);
    const unknown = await run('frobnicate', 'a.xlsx', '--lang', 'en');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^unelgee: unknown command: frobnicate\n/);
    expect(unknown.err).toMatch(/\n {2}rollup +check many units' files/);
  });

  it('UNELGEE_LANG=en makes English the default', async () => {
    process.env.UNELGEE_LANG = 'en';
    try {
      expect((await run('--help')).out).toMatch(/^Usage: unelgee COMMAND \[options\]/);
      expect((await run('--help', '--lang', 'mn')).out).toMatch(/^Хэрэглээ:/);
    } finally {
      delete process.env.UNELGEE_LANG;
    }
  });
});
