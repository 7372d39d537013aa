// npm run bench:rollup: `unelgee rollup` over 1,000 files (copies of the
// three fixtures and reports like bench/generate.ts makes, of 40 to 400
// items, each with its own unit in the title), generated into a temporary
// folder, and over the first 240 of them. The built command runs in a process
// of its own two ways: the files one after another in that process
// (--jobs 0), and on every core (the default: this thread and a worker per
// other core). Rounds interleave the ways and the sizes (the machine may be
// shared); the figures are medians. The yardstick of the 240: exceljs parsing
// the same files one after another in one process (a process of its own,
// timed from its start, as the roll-up is), in the same rounds. Prints files
// per second, the speed-ups, each way's peak memory (VmHWM: the process with
// its worker threads) and how many cores each run used (CPU over wall time:
// Linux shares the CPU between sessions, so while another session is busy
// the pool gets about one core); then issue 22's figures beside their
// yardsticks and goals; the last line is JSON.
import { execFileSync } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { performance } from 'perf_hooks';
import { generateReport } from './generate';

const FILES = Number(process.env.BENCH_FILES ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/** The repository: up from this file to package.json (the bench runs compiled, from dist/node/bench). */
const ROOT = (() => {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();
const MAIN = path.join(ROOT, 'dist', 'node', 'src', 'cli', 'main.js');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');
const FIXTURE_NAMES = ['report-2025-h1-consulting-unit', 'report-2024-aimag-admin-dept', 'plan-2023-digital-year-soum'];

const UNITS = [
  'ХУУЛЬ ЗҮЙН ХЭЛТСИЙН',
  'САНХҮҮ, ТӨРИЙН САНГИЙН ХЭЛТСИЙН',
  'ХӨДӨЛМӨР, ХАЛАМЖИЙН ҮЙЛЧИЛГЭЭНИЙ ГАЗРЫН',
  'БОЛОВСРОЛЫН ГАЗРЫН',
  'ЭРҮҮЛ МЭНДИЙН ГАЗРЫН',
  'СОЁЛ, УРЛАГИЙН ГАЗРЫН',
  'ГАЗРЫН ХАРИЛЦАА, БАРИЛГЫН ГАЗРЫН',
  'ХҮНС, ХӨДӨӨ АЖ АХУЙН ГАЗРЫН',
  'БАЙГАЛЬ ОРЧИН, АЯЛАЛ ЖУУЛЧЛАЛЫН ГАЗРЫН',
  'ЗАМ ТЭЭВРИЙН ХӨГЖЛИЙН ГАЗРЫН',
];

/** The folder of inputs: every fourth file a fixture, the others generated reports (24 distinct ones, copied). */
async function makeInputs(dir: string): Promise<{ bytes: number }> {
  const generated: string[] = [];
  for (let k = 0; k < 24; k++) {
    const items = 40 + ((k * 53) % 361);
    const wb = generateReport({ items, groups: Math.max(2, Math.round(items / 20)) });
    wb.getWorksheet('Тайлан')!.getCell('A1').value = `АЙМГИЙН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗРЫН ${UNITS[k % UNITS.length]} 2025 ОНЫ ${k % 2 ? 'ЭХНИЙ ХАГАС ЖИЛИЙН' : 'ЖИЛИЙН ЭЦСИЙН'} ГҮЙЦЭТГЭЛИЙН ТАЙЛАН`;
    const file = path.join(dir, `_generated-${k}.xlsx`);
    await wb.xlsx.writeFile(file);
    generated.push(file);
  }
  let bytes = 0;
  for (let i = 0; i < FILES; i++) {
    const from = i % 4 === 0 ? path.join(FIXTURES, `${FIXTURE_NAMES[(i / 4) % 3]}.xlsx`) : generated[i % generated.length];
    const sub = path.join(dir, 'inputs', `unit-${String(Math.floor(i / 100)).padStart(2, '0')}`);
    await fs.mkdir(sub, { recursive: true });
    const to = path.join(sub, `report-${String(i).padStart(4, '0')}.xlsx`);
    await fs.copyFile(from, to);
    bytes += (await fs.stat(to)).size;
  }
  return { bytes };
}

/** The first `count` inputs, hard-linked into a folder of their own (the same unit folders). */
async function subset(dir: string, count: number): Promise<string> {
  const to = path.join(dir, `inputs-${count}`);
  for (let i = 0; i < count; i++) {
    const unit = `unit-${String(Math.floor(i / 100)).padStart(2, '0')}`;
    const name = `report-${String(i).padStart(4, '0')}.xlsx`;
    await fs.mkdir(path.join(to, unit), { recursive: true });
    await fs.link(path.join(dir, 'inputs', unit, name), path.join(to, unit, name));
  }
  return to;
}

interface Run {
  /** Wall time of the whole process, measured by this one (spawn to exit). */
  ms: number;
  peakRssMb: number;
  code: number;
  tables: number;
  /** CPU time over wall time: how many cores the run used on average. */
  cores: number;
}

/** A process of its own running `script` with `args`: its wall time from spawn to exit, and what it reports of itself. */
function runProcess(script: string, args: string[]): Run {
  const t = performance.now();
  const out = execFileSync(process.execPath, [script, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t;
  return { ...(JSON.parse(out.slice(out.lastIndexOf('\n{"bench"') + 1)).bench as Run), ms };
}

/** What each runner prints last: its peak memory, exit code, tables and the cores it used. */
const REPORT = `
function report(code, tables) {
  const ms = performance.now();
  const hwm = /VmHWM:\\s+(\\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'));
  const peakRssMb = Math.round((hwm ? Number(hwm[1]) : process.resourceUsage().maxRSS) / 1024);
  const cpu = process.cpuUsage();
  const cores = Math.round(((cpu.user + cpu.system) / 1000 / ms) * 100) / 100;
  process.stdout.write('\\n' + JSON.stringify({ bench: { peakRssMb, code, tables, cores } }) + '\\n');
}
`;

async function writeRunners(dir: string): Promise<{ rollup: string; exceljs: string }> {
  const rollup = path.join(dir, 'run.js');
  await fs.writeFile(
    rollup,
    `${REPORT}
const out = [];
require(${JSON.stringify(MAIN)}).main(process.argv.slice(2), { out: (s) => out.push(s), err: () => undefined }).then((code) => {
  report(code, Number(/(\\d+) tables;/.exec(out.join('\\n'))?.[1] ?? -1));
});
`,
  );
  // The yardstick: exceljs parsing the same files one after another, in a process of its own.
  const exceljs = path.join(dir, 'exceljs.js');
  await fs.writeFile(
    exceljs,
    `${REPORT}
const ExcelJS = require(${JSON.stringify(path.join(ROOT, 'node_modules', 'exceljs'))});
const fs = require('fs');
const path = require('path');
const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name)).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
(async () => {
  let sheets = 0;
  for (const file of walk(process.argv[2])) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    sheets += wb.worksheets.length;
  }
  report(0, sheets);
})();
`,
  );
  return { rollup, exceljs };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;

type Way = 'serial' | 'pool';
const WAYS: Record<Way, string[]> = { serial: ['--jobs', '0'], pool: [] };

/** A size's figures: each way's median, the pool's speed-up (median of per-round ratios) and the cores it used. */
function sizeFigures(files: number, runs: Record<Way, Run[]>) {
  const ms = (way: Way) => Math.round(median(runs[way].map((r) => r.ms)));
  return {
    files,
    tables: runs.pool[0].tables,
    serialMs: ms('serial'),
    poolMs: ms('pool'),
    filesPerSecond: r1(files / (ms('pool') / 1000)),
    filesPerSecondSerial: r1(files / (ms('serial') / 1000)),
    speedup: r2(median(runs.serial.map((r, i) => r.ms / runs.pool[i].ms))),
    coresUsedByPool: runs.pool.map((r) => r.cores),
    coresUsedSerial: runs.serial.map((r) => r.cores),
    peakRssMb: { serial: Math.max(...runs.serial.map((r) => r.peakRssMb)), pool: Math.max(...runs.pool.map((r) => r.peakRssMb)) },
  };
}

async function benchmark() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'unelgee-bench-rollup-'));
  try {
    const t0 = Date.now();
    const { bytes } = await makeInputs(dir);
    const small = await subset(dir, Math.min(240, FILES));
    console.log(`${FILES} files (${Math.round(bytes / 1048576)} MB) generated in ${r1((Date.now() - t0) / 1000)} s in ${dir}`);
    const runner = await writeRunners(dir);
    const sizes = [...new Set([Math.min(240, FILES), FILES])];
    const folders: Record<number, string> = { [sizes[0]]: small, [FILES]: path.join(dir, 'inputs') };
    const runs = new Map(sizes.map((n) => [n, { serial: [] as Run[], pool: [] as Run[] }]));
    const exceljsRuns: Run[] = [];
    // One uncounted run warms the file cache.
    runProcess(runner.rollup, ['rollup', folders[FILES], '-o', path.join(dir, 'warm.xlsx'), '--lang', 'en', '--quiet']);
    for (let round = 0; round < ROUNDS; round++) {
      for (const n of sizes) {
        for (const way of Object.keys(WAYS) as Way[]) {
          const r = runProcess(runner.rollup, ['rollup', folders[n], '-o', path.join(dir, `${way}-${n}.xlsx`), '--lang', 'en', '--quiet', ...WAYS[way]]);
          runs.get(n)![way].push(r);
          console.log(`round ${round + 1}: ${String(n).padStart(4)} files ${way.padEnd(6)} ${r1(r.ms / 1000)} s on ${r.cores} cores, peak RSS ${r.peakRssMb} MB (exit ${r.code}, ${r.tables} tables; load ${os.loadavg()[0].toFixed(2)})`);
        }
      }
      const e = runProcess(runner.exceljs, [small]);
      exceljsRuns.push(e);
      console.log(`round ${round + 1}: ${String(Math.min(240, FILES)).padStart(4)} files exceljs parse one after another ${r1(e.ms / 1000)} s on ${e.cores} cores`);
    }
    const figures = sizes.map((n) => sizeFigures(n, runs.get(n)!));
    const smallRuns = runs.get(sizes[0])!;
    const smallToExceljs = r2(median(smallRuns.pool.map((r, i) => r.ms / exceljsRuns[i].ms)));
    const result = {
      files: FILES,
      megabytes: r1(bytes / 1048576),
      cores: os.availableParallelism(),
      rounds: ROUNDS,
      sizes: figures,
      exceljs240Ms: Math.round(median(exceljsRuns.map((r) => r.ms))),
      rollup240ToExceljs: smallToExceljs,
      loadAverage: r2(os.loadavg()[0]),
    };
    for (const f of figures) {
      console.log(
        `rollup of ${f.files} files on ${result.cores} cores: ${f.filesPerSecond} files/s (${r1(f.poolMs / 1000)} s); one after another in one process ${r1(f.serialMs / 1000)} s (${f.filesPerSecondSerial} files/s); speed-up ${f.speedup}×; cores the pool used per round: ${f.coresUsedByPool.join(', ')} (one after another: ${f.coresUsedSerial.join(', ')}); peak RSS ${f.peakRssMb.pool} MB (one after another ${f.peakRssMb.serial} MB); medians of ${ROUNDS} rounds`,
      );
    }
    const big = figures[figures.length - 1];
    console.log(`issue 22's figures (load average ${result.loadAverage}):`);
    console.log(`  roll-up, default pool / one file after another, ${big.files} files: ${big.speedup}× faster (cores used ${big.coresUsedByPool.join(', ')}) — goal ≥ 1.7×: ${big.speedup >= 1.7 ? 'holds' : 'does not hold'}; ${figures[0].files} files: ${figures[0].speedup}×`);
    console.log(`  roll-up of ${figures[0].files} small files / exceljs parsing them one after another in one process: ${smallToExceljs} (${r1(figures[0].poolMs / 1000)} s / ${r1(result.exceljs240Ms / 1000)} s) — goal ≤ 0.6: ${smallToExceljs <= 0.6 ? 'holds' : 'does not hold'}`);
    console.log(JSON.stringify(result));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

void benchmark();
