// The command line's file handling around the reader and writer: regular
// files only, a size cap, the output never the input (by device and inode),
// writes through a temporary file, outputs only where one may go (a regular
// file or a new one in a folder that exists, never standard output) and
// named for the input's kind, control characters kept off the terminal, and
// the reasons writes were held back, one line each.

import { execFile } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import { promisify } from 'util';
import os from 'os';
import path from 'path';
import { runCli } from '../support/cli';
import { readInputFile, UnreadableFile } from '../../src/cli/load';
import { fixturePath } from '../support/fixtures';
import { buildSink, fixtureBytes, put, text, unzip, zip } from './corpus';

const run = runCli;
const exec = promisify(execFile);

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'unelgee-files-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const aimag = fixturePath('report-2024-aimag-admin-dept');
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const leftovers = async (dir: string) => (await fs.readdir(dir)).filter((n) => n.endsWith('.tmp'));

describe('input files', () => {
  it('a directory and a file over the size cap get one clear line', async () => {
    const r = await run('validate', tmp, aimag, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toBe(`unelgee: ${tmp}: cannot read: is a directory, not a file`);
    expect(r.out).toContain(aimag);
    await expect(readInputFile(aimag, 1000)).rejects.toThrow(UnreadableFile);
    await expect(readInputFile(aimag, 1000)).rejects.toMatchObject({ text: { en: 'the file is too large (at most 0 MB)' } });
  });
});

describe('compute output', () => {
  it('refuses an output that is the input through a symlink or a hard link', async () => {
    const input = path.join(tmp, 'in.xlsx');
    await fs.copyFile(aimag, input);
    const link = path.join(tmp, 'link.xlsx');
    await fs.symlink(input, link);
    const hard = path.join(tmp, 'hard.xlsx');
    await fs.link(input, hard);
    const before = await fs.readFile(input);
    for (const out of [link, hard]) {
      const r = await run('compute', input, '-o', out, '--lang', 'en');
      expect(r.code).toBe(2);
      expect(r.err).toBe(`unelgee: ${out}: the output is the input file; give another name, the input is never modified`);
    }
    expect((await fs.readFile(input)).equals(before)).toBe(true);
  });

  it('replaces an existing output whole, through a temporary file that does not stay', async () => {
    const out = path.join(tmp, 'out.xlsx');
    await fs.writeFile(out, 'old contents, longer than nothing');
    expect((await run('compute', aimag, '-o', out)).code).toBe(1);
    expect((await fs.readFile(out)).subarray(0, 2).toString()).toBe('PK');
    expect(await leftovers(tmp)).toEqual([]);
  });

  it('a failed compute leaves an existing output as it was', async () => {
    // The cell Compute writes (H99) sits inside an array formula: the writer refuses, after planning.
    const parts = unzip(fixtureBytes('report-2024-aimag-admin-dept'));
    put(parts, 'xl/worksheets/sheet1.xml', text(parts, 'xl/worksheets/sheet1.xml').replace('<c r="H98" s="2"><v>100</v></c>', '<c r="H98" s="2"><f t="array" ref="H98:H99">100</f><v>100</v></c>'));
    const input = path.join(tmp, 'array.xlsx');
    await fs.writeFile(input, zip(parts));
    const out = path.join(tmp, 'kept.xlsx');
    await fs.writeFile(out, 'keep me');
    const r = await run('compute', input, '-o', out, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^unelgee: .*kept\.xlsx: cannot write: .*H99 is inside an array formula/);
    expect(await fs.readFile(out, 'utf8')).toBe('keep me');
    // And when the rename itself fails (the output is a folder), nothing is left behind either.
    const folder = path.join(tmp, 'folder.xlsx');
    await fs.mkdir(folder);
    expect((await run('compute', aimag, '-o', folder)).code).toBe(2);
    expect((await fs.stat(folder)).isDirectory()).toBe(true);
    expect(await leftovers(tmp)).toEqual([]);
  });
});

describe('what reaches the terminal', () => {
  it('control characters in titles and file names are stripped (a title holding _x001B_ never reaches it raw)', async () => {
    const parts = unzip(fixtureBytes('report-2024-aimag-admin-dept'));
    const sst = text(parts, 'xl/sharedStrings.xml');
    // The report's header row text (a table title) gets an escape sequence.
    put(parts, 'xl/sharedStrings.xml', sst.replace('<si><t>Алтай хот</t></si>', '<si><t>Алтай_x001B_[2J_x001B_]0;pwned_x0007_ хот</t></si>'));
    const file = path.join(tmp, 'evil\u001b[31m.xlsx');
    await fs.writeFile(file, zip(parts));
    const r = await run('validate', file);
    expect(r.out).not.toMatch(CONTROL);
    expect(r.out).toContain('evil[31m.xlsx');
    expect(r.out).toContain('Алтай[2J]0;pwned хот');
    const j = await run('validate', file, '--json');
    expect(j.out).not.toMatch(CONTROL);
    expect(JSON.parse(j.out).files[0].tables[0].title).toContain('Алтай\u001b[2J');
  });

  it('each reason a write was held back gets one line, in the chosen language', async () => {
    const protectedReport = path.join(tmp, 'protected.xlsx');
    await fs.writeFile(protectedReport, buildSink({ protectReport: true }));
    const p = await run('compute', protectedReport, '-o', path.join(tmp, 'p.out.xlsx'), '--lang', 'en');
    expect(p.out).toMatch(/\n {2}Тайлан: the sheet is protected, so nothing was written on it \(H99\)\.\n/);
    const lockedBook = path.join(tmp, 'locked.xlsx');
    await fs.writeFile(lockedBook, buildSink({ lockStructure: true }));
    const l = await run('compute', lockedBook, '-o', path.join(tmp, 'l.out.xlsx'));
    expect(l.out).toMatch(/\n {2}Үнэлгээний хураангуй: ажлын номын бүтэц хамгаалагдсан тул энэ хуудсыг нэмээгүй\.\n/);
    expect(l.out).toMatch(/Тайлбар \(note\) файлд бичигдээгүй/);
  });
});

describe('where an output may go (issue 18, item 7)', () => {
  const refused = async (out: string, line: string) => {
    const r = await run('compute', aimag, '-o', out, '--lang', 'en');
    expect([r.code, r.err]).toEqual([2, `unelgee: ${out}: ${line}`]);
    expect(r.out).toBe('');
  };

  it('a FIFO, a folder, a link (to a device, a FIFO, a folder or a file): refused, left as they were', async () => {
    const fifo = path.join(tmp, 'pipe.xlsx');
    await exec('mkfifo', [fifo]);
    const folder = path.join(tmp, 'a-folder.xlsx');
    await fs.mkdir(folder);
    const links: [string, string][] = [
      [path.join(tmp, 'null.xlsx'), '/dev/null'],
      [path.join(tmp, 'pipe-link.xlsx'), fifo],
      [path.join(tmp, 'folder-link.xlsx'), folder],
      [path.join(tmp, 'file-link.xlsx'), path.join(tmp, 'some-file.xlsx')],
    ];
    await fs.writeFile(path.join(tmp, 'some-file.xlsx'), 'a file');
    for (const [link, target] of links) await fs.symlink(target, link);
    await refused(fifo, 'the output is not a regular file (a device, a FIFO or a socket), so it is not replaced; give a file name');
    await refused(folder, 'the output is a folder; give a file name');
    for (const [link] of links) await refused(link, 'the output is a link; give the path of the file itself (a link is not replaced)');
    expect((await fs.lstat(fifo)).isFIFO()).toBe(true);
    for (const [link, target] of links) expect([(await fs.lstat(link)).isSymbolicLink(), await fs.readlink(link)]).toEqual([true, target]);
    expect((await run('rollup', aimag, '-o', links[0][0])).code).toBe(2);
  });

  it('"-o -" is refused (a workbook is binary; standard output is never written)', async () => {
    await refused('-', '"-o -" is refused: a workbook is binary and is not written to standard output; give a file name');
    expect((await run('rollup', aimag, '-o', '-', '--lang', 'en')).code).toBe(2);
  });

  it('a folder that does not exist is named and not created', async () => {
    const out = path.join(tmp, 'no-such-folder', 'out.xlsx');
    await refused(out, `the folder ${path.join(tmp, 'no-such-folder')} does not exist; create it first (it is not created)`);
    expect(existsSync(path.dirname(out))).toBe(false);
    expect((await run('rollup', aimag, '-o', out, '--lang', 'en')).err).toBe(`unelgee: ${out}: the folder ${path.dirname(out)} does not exist; create it first (it is not created)`);
  });

  it('a replaced output keeps its permissions; a read-only one is refused and left as it was', async () => {
    const out = path.join(tmp, 'shared.xlsx');
    await fs.writeFile(out, 'old');
    await fs.chmod(out, 0o640);
    expect((await run('compute', aimag, '-o', out)).code).toBe(1);
    expect((await fs.stat(out)).mode & 0o777).toBe(0o640);
    expect((await fs.readFile(out)).subarray(0, 2).toString()).toBe('PK');
    const locked = path.join(tmp, 'locked-out.xlsx');
    await fs.writeFile(locked, 'keep me');
    await fs.chmod(locked, 0o444);
    await refused(locked, 'the output file is read-only, so it is not replaced');
    expect(await fs.readFile(locked, 'utf8')).toBe('keep me');
  });
});

describe('macro and template workbooks keep their kind (item 8)', () => {
  const withType = (type: string) => {
    const parts = unzip(fixtureBytes('report-2025-h1-consulting-unit'));
    put(parts, '[Content_Types].xml', text(parts, '[Content_Types].xml').replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', type));
    return zip(parts);
  };

  it.each([
    ['xlsm', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml', 'a macro-enabled workbook (.xlsm)'],
    ['xltx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml', 'a template (.xltx)'],
    ['xltm', 'application/vnd.ms-excel.template.macroEnabled.main+xml', 'a macro-enabled template (.xltm)'],
  ])('.%s: a copy named otherwise is refused, naming the right extension; named so it is written', async (ext, type, kind) => {
    const input = path.join(tmp, `kind.${ext}`);
    await fs.writeFile(input, withType(type));
    for (const command of ['compute', 'fix', 'evaluation']) {
      const wrong = path.join(tmp, `kind-${command}.xlsx`);
      const r = await run(command, input, '-o', wrong, '--lang', 'en');
      expect([r.code, r.err]).toEqual([2, `unelgee: ${wrong}: the input is ${kind}, and so is its copy: name the output .${ext} (Excel does not open it under another extension)`]);
      expect(existsSync(wrong)).toBe(false);
    }
    const right = path.join(tmp, `kind-ok.${ext}`);
    expect((await run('compute', input, '-o', right)).code).toBeLessThan(2);
    expect(text(unzip(new Uint8Array(await fs.readFile(right))), '[Content_Types].xml')).toContain(type);
  });

  it('an .xlsx copy must be named .xlsx too, and so must a roll-up', async () => {
    const r = await run('compute', aimag, '-o', path.join(tmp, 'out.xlsm'), '--lang', 'en');
    expect(r.err).toMatch(/the input is a workbook \(\.xlsx\), and so is its copy: name the output \.xlsx/);
    expect((await run('rollup', aimag, '-o', path.join(tmp, 'r.xlsm'), '--lang', 'en')).code).toBe(2);
  });
});
