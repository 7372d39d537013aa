// npm run bench: the .xlsx reader, the engine and the writer on generated
// reports of 10,000 and 20,000 items, beside exceljs's full parse of the same
// file (the yardstick: what the command line used before); the reader's parts
// beside their floor and SheetJS's read; the command line's start-up beside a
// bare Node start. Prints figures (medians over several runs), then issue
// 22's figures each beside its yardstick and goal; the last line is JSON.
import { execFileSync } from 'child_process';
import { existsSync, promises as fs, readFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { performance } from 'perf_hooks';
import ExcelJS from 'exceljs';
import { nodeZip } from '../src/cli/zlib';
import { analyzeWorkbook, planCompute, type Sheet } from '../src/core';
import { workbookToSheets } from '../test/support/exceljs-read';
import { sheetWords } from '../src/i18n/sheet-words';
import { computeContext, readXlsx, useZipCodec, visibleSheets, writeXlsx } from '../src/xlsx';
import { generateReport } from './generate';
import { measureReadParts, type ReadParts } from './read-parts';
import { measureStartup, type Startup } from './startup';

// The command line reads and writes through Node's zlib (src/cli/load.ts): so does the benchmark of it.
useZipCodec(nodeZip);

const RUNS = Number(process.env.BENCH_RUNS ?? 9);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const r1 = (x: number) => Math.round(x * 10) / 10;
/**
 * This process's peak resident memory so far, in MB: Linux's VmHWM. (getrusage's
 * maxRSS keeps the forking parent's peak across exec, so a child would report the
 * parent's memory.)
 */
function maxRssMb(): number {
  try {
    const m = /VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Math.round(Number(m[1]) / 1024);
  } catch {
    // not Linux
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

// Collect garbage before each timed step, so one step's garbage is not billed to the next.
const gc = () => (globalThis as { gc?: () => void }).gc?.();

async function exceljsParse(file: string): Promise<Sheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return workbookToSheets(wb).map((s) => s.sheet);
}

interface Times {
  readMs: number[];
  engineMs: number[];
  /** The engine planning every fix (as the pane and validate --json ask). */
  engineFixesMs: number[];
  validateMs: number[];
  exceljsMs: number[];
  computeMs: number[];
  writeMs: number[];
  tables: number;
  findings: number;
}

/** Our validate (read the file, read the package, run the engine as validate runs it: fixes counted, not planned). */
async function validateOnce(file: string) {
  const t0 = performance.now();
  const book = readXlsx(new Uint8Array(await fs.readFile(file)));
  const sheets = visibleSheets(book);
  const t1 = performance.now();
  const a = analyzeWorkbook(sheets, { words: sheetWords('mn'), planFixes: false });
  const t2 = performance.now();
  return { book, sheets, a, readMs: t1 - t0, engineMs: t2 - t1 };
}

/**
 * Timings, in one process: each run times our validate and exceljs's parse
 * back to back (the machine may be shared: the median of per-run ratios is
 * steadier than a ratio of medians), then Compute's plan and the writer.
 * One run warms the JIT and is not counted.
 */
async function measureTimes(file: string): Promise<Times> {
  const m: Times = { readMs: [], engineMs: [], engineFixesMs: [], validateMs: [], exceljsMs: [], computeMs: [], writeMs: [], tables: 0, findings: 0 };
  for (let i = -1; i < RUNS; i++) {
    gc();
    const v = await validateOnce(file);
    gc();
    let t = performance.now();
    await exceljsParse(file);
    const excel = performance.now() - t;
    gc();
    t = performance.now();
    analyzeWorkbook(v.sheets, { words: sheetWords('mn') });
    const engineFixes = performance.now() - t;
    gc();
    t = performance.now();
    const outcome = planCompute(v.sheets, { words: sheetWords('mn'), ...computeContext(v.book) });
    const t4 = performance.now();
    writeXlsx(v.book, outcome.plan);
    const t5 = performance.now();
    if (i < 0) continue;
    m.readMs.push(v.readMs);
    m.engineMs.push(v.engineMs);
    m.engineFixesMs.push(engineFixes);
    m.validateMs.push(v.readMs + v.engineMs);
    m.exceljsMs.push(excel);
    m.computeMs.push(t4 - t);
    m.writeMs.push(t5 - t4);
    m.tables = v.a.sheets.reduce((n, s) => n + s.tables.length, 0);
    m.findings = v.a.findings.length;
  }
  return m;
}

/** Peak memory, each path in a process of its own: our validate (then with Compute and the writer), or exceljs's parse. */
async function measureRss(mode: 'ours' | 'exceljs', file: string): Promise<{ validate: number; all: number }> {
  if (mode === 'exceljs') {
    for (let i = 0; i < 3; i++) await exceljsParse(file);
    return { validate: maxRssMb(), all: maxRssMb() };
  }
  let last = await validateOnce(file);
  for (let i = 0; i < 2; i++) last = await validateOnce(file);
  const validate = maxRssMb();
  for (let i = 0; i < 3; i++) writeXlsx(last.book, planCompute(last.sheets, { words: sheetWords('mn'), ...computeContext(last.book) }).plan);
  return { validate, all: maxRssMb() };
}

function child<T>(args: string[]): T {
  const out = execFileSync(process.execPath, ['--expose-gc', __filename, '--child', ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(out) as T;
}

const ratio = (a: number[], b: number[]) => Math.round(median(a.map((x, i) => x / b[i])) * 1000) / 1000;

/** The repository: up from this file to package.json (the bench runs compiled, from dist/node/bench). */
const ROOT = (() => {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();

/** One report size: timings (in one process) and peak memory (a process per path). */
async function sizeRow(dir: string, items: number, groups: number) {
  const file = path.join(dir, `report-${items}.xlsx`);
  await generateReport({ items, groups }).xlsx.writeFile(file);
  const t = child<Times>(['times', file]);
  const ours = child<{ validate: number; all: number }>(['rss-ours', file]);
  const excel = child<{ validate: number; all: number }>(['rss-exceljs', file]);
  return {
    file,
    items,
    groups,
    tables: t.tables,
    findings: t.findings,
    readMs: r1(median(t.readMs)),
    engineMs: r1(median(t.engineMs)),
    engineFixesMs: r1(median(t.engineFixesMs)),
    validateMs: r1(median(t.validateMs)),
    computeMs: r1(median(t.computeMs)),
    writeMs: r1(median(t.writeMs)),
    exceljsParseMs: r1(median(t.exceljsMs)),
    validateToExceljs: ratio(t.validateMs, t.exceljsMs),
    engineToExceljs: ratio(t.engineMs, t.exceljsMs),
    engineFixesToExceljs: ratio(t.engineFixesMs, t.exceljsMs),
    readToExceljs: ratio(t.readMs, t.exceljsMs),
    validatePeakRssMb: ours.validate,
    peakRssMb: ours.all,
    exceljsPeakRssMb: excel.all,
  };
}

type SizeRow = Awaited<ReturnType<typeof sizeRow>>;

/** Issue 22's figures of this benchmark, each beside its yardstick from the same run and its goal. */
function printGoals(f: SizeRow, parts: ReadParts, startup: Startup): void {
  const ms = parts.ms;
  const floor = ms['unzip (zlib, the command line)'];
  const lines = [
    `engine / exceljs parse, ${f.items} items: ${f.engineToExceljs} (engine ${f.engineMs} ms as validate runs it, exceljs ${f.exceljsParseMs} ms; ${f.engineFixesToExceljs} planning every fix: ${f.engineFixesMs} ms) — goal ≤ 0.20: ${f.engineToExceljs <= 0.2 ? 'holds' : 'does not hold'}`,
    `validate / exceljs parse, ${f.items} items, in one process: ${f.validateToExceljs} (read ${f.readMs} ms + engine ${f.engineMs} ms; read alone ${f.readToExceljs}) — goal ≤ 0.50: ${f.validateToExceljs <= 0.5 ? 'holds' : 'does not hold'}`,
    `  the reader's parts (${(parts.sheetBytes / 1048576).toFixed(1)} MB of worksheet XML; medians of ${RUNS}): ${Object.entries(ms)
      .map(([step, t]) => `${step} ${t} ms`)
      .join('; ')}`,
    `  whole read over its floor (unzipping alone): ${r1(ms['whole read (the command line)'] / floor)}×; over a SAX pass doing nothing: ${r1(ms['whole read (the command line)'] / ms['SAX pass, no work (saxes)'])}×; SheetJS / ours: ${r1(ms['SheetJS read'] / ms['whole read (the command line)'])}×`,
    `CLI on a small report, whole process / node -e 0: ${startup.ratio}× (${startup.cliMs} ms / ${startup.nodeMs} ms, median of ${startup.pairs} paired runs: ${startup.command}) — goal ≤ 2×: ${startup.ratio <= 2 ? 'holds' : 'does not hold'}`,
  ];
  console.log(`issue 22's figures (load average ${os.loadavg()[0].toFixed(2)}):`);
  for (const l of lines) console.log(`  ${l}`);
}

async function parent() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'unelgee-bench-'));
  try {
    const rows: SizeRow[] = [];
    for (const { items, groups } of [
      { items: 10000, groups: 100 },
      { items: 20000, groups: 200 },
    ]) {
      rows.push(await sizeRow(dir, items, groups));
    }
    for (const m of rows) {
      console.log(
        `${m.items} items in ${m.groups} groups: read ${m.readMs} ms + engine ${m.engineMs} ms = validate ${m.validateMs} ms (peak RSS ${m.validatePeakRssMb} MB; ${m.peakRssMb} MB with compute and write); exceljs parse alone ${m.exceljsParseMs} ms (peak RSS ${m.exceljsPeakRssMb} MB); validate/exceljs ${m.validateToExceljs}; engine planning every fix ${m.engineFixesMs} ms; compute plan ${m.computeMs} ms, write ${m.writeMs} ms — ${m.tables} table(s), ${m.findings} findings (median of ${RUNS})`,
      );
    }
    const [h, f] = rows;
    const parts = child<ReadParts>(['parts', f.file]);
    const startup = measureStartup(ROOT, Number(process.env.BENCH_STARTUP_PAIRS ?? 15));
    const result = {
      rows: f.items,
      groups: f.groups,
      runs: RUNS,
      // As before: exceljs's parse of the file, the engine, the compute plan, the engine against that parse.
      parseMs: f.exceljsParseMs,
      engineMs: f.engineMs,
      engineFixesMs: f.engineFixesMs,
      computeMs: f.computeMs,
      peakRssMb: Math.max(f.peakRssMb, f.exceljsPeakRssMb),
      engineToParse: f.engineToExceljs,
      engineFixesToParse: f.engineFixesToExceljs,
      scaling: { engineMs10k: h.engineMs, engineMs20k: f.engineMs, ratio: Math.round((f.engineMs / h.engineMs) * 100) / 100 },
      // The package reader and writer (src/xlsx).
      readMs: f.readMs,
      validateMs: f.validateMs,
      writeMs: f.writeMs,
      validateToExceljsParse: f.validateToExceljs,
      readToExceljsParse: f.readToExceljs,
      readParts: parts.ms,
      startup,
      peakRssReaderMb: f.validatePeakRssMb,
      peakRssComputeMb: f.peakRssMb,
      peakRssExceljsMb: f.exceljsPeakRssMb,
      loadAverage: Math.round(os.loadavg()[0] * 100) / 100,
      sizes: rows.map(({ file: _file, groups: _groups, tables: _tables, findings: _findings, ...figures }) => figures),
    };
    console.log(
      `validate (read + engine) / exceljs parse alone = ${h.validateToExceljs} at 10k, ${f.validateToExceljs} at 20k (median of per-run ratios); 2× rows → ${result.scaling.ratio}× engine time; peak RSS ${f.validatePeakRssMb} MB for validate (${f.peakRssMb} MB with compute and write) vs ${f.exceljsPeakRssMb} MB for exceljs's parse alone`,
    );
    printGoals(f, parts, startup);
    console.log(JSON.stringify(result));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

const ci = process.argv.indexOf('--child');
if (ci >= 0) {
  const [mode, file] = process.argv.slice(ci + 1);
  const job = mode === 'times' ? measureTimes(file) : mode === 'parts' ? measureReadParts(file, RUNS) : measureRss(mode === 'rss-ours' ? 'ours' : 'exceljs', file);
  job.then((r) => process.stdout.write(JSON.stringify(r)));
} else {
  void parent();
}
