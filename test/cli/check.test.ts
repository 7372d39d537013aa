// `unelgee check FILE -o OUT` on the command line: its help in both
// languages, what it prints, its exit codes, and the input never touched.
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { readXlsx } from '../../src/xlsx';
import { runCli, sha256 } from '../support/cli';
import { fixturePath } from '../support/fixtures';

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'unelgee-check-cli-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('unelgee check', () => {
  it('is listed and explained in Mongolian and in English', async () => {
    const list = await runCli('--help');
    expect(list.out).toMatch(/check\s+алдаа, дутууг нүдэн дээр нь тэмдэглэсэн хуулбар бичнэ/);
    const mn = await runCli('check', '--help');
    expect(mn.code).toBe(0);
    expect(mn.out).toContain('unelgee check ФАЙЛ -o ГАРАЛТ');
    expect(mn.out.replace(/\s+/g, ' ')).toContain('"Алдаа, дутуу" хуудсанд');
    const en = await runCli('check', '--help', '--lang', 'en');
    expect(en.out).toContain('unelgee check FILE -o OUT');
    expect(en.out.replace(/\s+/g, ' ')).toContain('a "Findings" sheet listing them all');
  });

  it('writes the checked copy, says how many cells it marked and where the list is, exits 1 while errors remain; the input is untouched', async () => {
    const input = fixturePath('report-2024-aimag-admin-dept');
    const before = await sha256(input);
    const out = path.join(tmp, 'aimag.checked.xlsx');
    const run = await runCli('check', input, '-o', out);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/^\s+\d+ нүдийг тэмдэглэж, тайлбар бичсэн\.$/m);
    expect(run.out).toMatch(/Жагсаалт: "Алдаа, дутуу" хуудас \(\d+ мөр\)\./);
    expect(await sha256(input)).toBe(before);
    expect(readXlsx(new Uint8Array(await fs.readFile(out))).sheets.map((s) => s.name)).toContain('Алдаа, дутуу');
  });

  it('a file with nothing wrong gets its list saying so, and exit 0', async () => {
    const out = path.join(tmp, 'consulting.checked.xlsx');
    const run = await runCli('check', fixturePath('report-2025-h1-consulting-unit'), '-o', out, '--lang', 'en');
    expect(run.code).toBe(0);
    expect(run.out).toContain('0 cells marked, each with a note.');
    const book = readXlsx(new Uint8Array(await fs.readFile(out)));
    const sheet = book.sheets.find((s) => s.name === 'Findings')!.sheet!;
    expect(sheet.values.flat()).toContain('No findings.');
  });

  it('refuses without -o, or with the input as its output (exit 2, nothing written)', async () => {
    const input = fixturePath('report-2024-aimag-admin-dept');
    expect((await runCli('check', input)).code).toBe(2);
    const same = await runCli('check', input, '-o', input);
    expect(same.code).toBe(2);
  });
});
