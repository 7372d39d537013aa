// Hostile inputs, each handled (refused or read) in under 5 s and 400 MB
// peak RSS, measured in a child process running the built command line
// (its VmHWM at exit; the time includes loading the program). Each
// unreadable file gets exit 2, and the next file in the same call is still
// processed. The figures are printed.

import { execFile } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import zlib from 'zlib';
import { appendEntry } from './build';
import { fixtureBytes, put, text, unzip, zip } from './corpus';
import { fixturePath } from '../support/fixtures';

const exec = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');
const LIMIT_MS = 5000;
const LIMIT_MB = 400;

let tmp: string;
let runner: string;
const figures: string[] = [];
const good = fixturePath('report-2025-h1-consulting-unit');

/** 1 GiB of spaces inside a worksheet, deflated (about 1 MB). */
async function bombStream(): Promise<Buffer> {
  const d = zlib.createDeflateRaw({ level: 9, memLevel: 9 });
  const chunks: Buffer[] = [];
  d.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => d.on('end', r));
  d.write('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>');
  const mb = Buffer.alloc(1 << 20, 0x20);
  for (let i = 0; i < 1024; i++) if (!d.write(mb)) await new Promise((r) => d.once('drain', r));
  d.end('</t></is></c></row></sheetData></worksheet>');
  await done;
  return Buffer.concat(chunks);
}

/** The aimag report with its sheet XML edited. */
function aimagWith(edit: (xml: string) => string): Uint8Array {
  const parts = unzip(fixtureBytes('report-2024-aimag-admin-dept'));
  put(parts, 'xl/worksheets/sheet1.xml', edit(text(parts, 'xl/worksheets/sheet1.xml')));
  return zip(parts);
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'unelgee-hostile-'));
  // The child runs the compiled command line (as installed), not ts-jest's transpiler.
  await exec('npx', ['tsc', '-p', 'tsconfig.cli.json'], { cwd: ROOT });
  runner = path.join(tmp, 'run.js');
  await fs.writeFile(
    runner,
    `const t0 = performance.now();
const { main } = require(${JSON.stringify(path.join(ROOT, 'dist', 'node', 'src', 'cli', 'main.js'))});
const out = [], err = [];
main(process.argv.slice(2), { out: (s) => out.push(s), err: (s) => err.push(s) }).then((code) => {
  // VmHWM: this process's own peak (getrusage's maxRSS on Linux keeps the forking parent's RSS across exec).
  const hwm = /VmHWM:\\s+(\\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'));
  const maxRssMb = (hwm ? Number(hwm[1]) : process.resourceUsage().maxRSS) / 1024;
  process.stdout.write(JSON.stringify({ code, ms: performance.now() - t0, maxRssMb, out: out.join('\\n'), err }));
});
`,
  );

  const base = unzip(fixtureBytes('report-2025-h1-consulting-unit'));
  base.delete('xl/worksheets/sheet1.xml');
  const stream = await bombStream();
  // The bomb whose headers lie (1,000 bytes declared) and the one that declares its real size.
  await fs.writeFile(path.join(tmp, 'bomb.xlsx'), appendEntry(zip(base), 'xl/worksheets/sheet1.xml', stream, 1000, 0));
  await fs.writeFile(path.join(tmp, 'bomb-declared.xlsx'), appendEntry(zip(base), 'xl/worksheets/sheet1.xml', stream, 0xfffffff0, 0));

  const laughs = ['<!ENTITY l0 "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`)].join('');
  const withDoctype = unzip(fixtureBytes('report-2025-h1-consulting-unit'));
  put(withDoctype, 'xl/sharedStrings.xml', `<?xml version="1.0"?><!DOCTYPE sst [${laughs}]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&l9;</t></si></sst>`);
  await fs.writeFile(path.join(tmp, 'doctype.xlsx'), zip(withDoctype));

  await fs.writeFile(path.join(tmp, 'xfd-value.xlsx'), aimagWith((x) => x.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>').replace('<dimension ref="A1:O119"/>', '<dimension ref="A1:XFD1048576"/>')));
  await fs.writeFile(
    path.join(tmp, 'xfd-formatted.xlsx'),
    aimagWith((x) => x.replace('</sheetData>', '<row r="1048575"><c r="XFD1048575" s="1"/></row><row r="1048576"><c r="XFD1048576" s="1"/></row></sheetData>')),
  );
  await fs.writeFile(
    path.join(tmp, 'dv-columns.xlsx'),
    aimagWith((x) =>
      x.replace(
        '<pageMargins',
        '<dataValidations count="2"><dataValidation type="decimal" allowBlank="1" sqref="E:H"><formula1>0</formula1><formula2>100</formula2></dataValidation><dataValidation type="textLength" operator="lessThan" allowBlank="1" sqref="A:Z"><formula1>32000</formula1></dataValidation></dataValidations><pageMargins',
      ),
    ),
  );
  const merges = Array.from({ length: 30000 }, (_, i) => `<mergeCell ref="J${i + 1}:K${i + 1}"/>`).join('');
  await fs.writeFile(path.join(tmp, 'merges-30000.xlsx'), aimagWith((x) => x.replace(/<mergeCells count="39">/, `<mergeCells count="30039">${merges}`)));
  await exec('mkfifo', [path.join(tmp, 'fifo.xlsx')]);
}, 120000);

afterAll(async () => {
  console.log(`Hostile inputs (limits ${LIMIT_MS} ms, ${LIMIT_MB} MB peak RSS of the whole process):\n${figures.join('\n')}`);
  await fs.rm(tmp, { recursive: true, force: true });
});

interface Run {
  code: number;
  ms: number;
  maxRssMb: number;
  out: string;
  err: string[];
}

async function run(label: string, ...argv: string[]): Promise<Run> {
  const { stdout } = await exec(process.execPath, [runner, ...argv], { timeout: 60000, maxBuffer: 64 * 1024 * 1024 });
  const r = JSON.parse(stdout) as Run;
  figures.push(`  ${label.padEnd(44)} ${String(Math.round(r.ms)).padStart(5)} ms  ${String(Math.round(r.maxRssMb)).padStart(4)} MB  exit ${r.code}`);
  expect(r.ms).toBeLessThan(LIMIT_MS);
  expect(r.maxRssMb).toBeLessThan(LIMIT_MB);
  return r;
}

const f = (name: string) => path.join(tmp, name);

describe('refused, and the next file is still processed', () => {
  it.each([
    ['a 1 MB zip bomb whose headers lie', 'bomb.xlsx', /zip bomb/],
    ['a 1 MB zip bomb declaring its size', 'bomb-declared.xlsx', /too large once unpacked/],
    ['a DOCTYPE with entity expansion', 'doctype.xlsx', /DOCTYPE/],
    ['a FIFO', 'fifo.xlsx', /not a regular file/],
  ])('%s', async (label, file, why) => {
    const r = await run(`validate: ${label}`, 'validate', f(file), good, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(why);
    expect(r.out).toContain(good);
    expect(r.out).toMatch(/Nothing wrong or missing/);
  });

  it('/dev/zero', async () => {
    const r = await run('validate: /dev/zero', 'validate', '/dev/zero', good, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toEqual(['unelgee: /dev/zero: cannot read: is not a regular file (a FIFO, a device or a socket); only .xlsx files are read']);
    expect(r.out).toContain(good);
  });
});

describe('read and computed', () => {
  it.each([
    ['a value at XFD1048576', 'xfd-value.xlsx'],
    ['two formatted empty cells at XFD1048576', 'xfd-formatted.xlsx'],
    ['data validations over E:H and A:Z', 'dv-columns.xlsx'],
    ['30,000 merged areas', 'merges-30000.xlsx'],
  ])('%s', async (label, file) => {
    const v = await run(`validate: ${label}`, 'validate', f(file), '--json');
    expect(v.code).toBe(1); // the aimag report's own errors
    expect(JSON.parse(v.out).files[0].tables.length).toBe(2);
    const out = f(`${file}.computed.xlsx`);
    const c = await run(`compute: ${label}`, 'compute', f(file), '-o', out);
    expect(c.code).toBe(1);
    expect(c.err).toEqual([]);
    expect((await fs.stat(out)).size).toBeGreaterThan(0);
  });
});
