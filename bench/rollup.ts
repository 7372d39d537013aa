// npm run bench:rollup: `unelgee rollup` over 1,000 files (copies of the
// three fixtures and reports like bench/generate.ts makes, of 40 to 400
// items, each with its own unit in the title), generated into a temporary
// folder. The built command runs in a process of its own three ways: the
// files one after another in that process (--jobs 0), on a pool of one
// worker thread (--jobs 1), and on the default pool (one thread per core).
// Rounds interleave the three (the machine may be shared); the figures are
// medians. Prints files per second, the speed-ups and each way's peak
// memory (VmHWM: the process with its worker threads) and how many cores each
// run used (CPU over wall time: Linux shares the CPU between sessions, so
// while another session is busy the pool gets about one core); the last line
// is JSON.
import { execFileSync } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import os from 'os';
import path from 'path';
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

interface Run {
  ms: number;
  peakRssMb: number;
  code: number;
  tables: number;
  /** CPU time over wall time: how many cores the run used on average. */
  cores: number;
}

/** The built command in a process of its own: its wall time and peak memory (VmHWM). */
function runRollup(runner: string, inputs: string, output: string, jobs: string[]): Run {
  const out = execFileSync(process.execPath, [runner, 'rollup', inputs, '-o', output, '--lang', 'en', '--quiet', ...jobs], { encoding: 'utf8', maxBuffer: 1 << 30 });
  return JSON.parse(out.slice(out.lastIndexOf('\n{"bench"') + 1)).bench as Run;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;

async function benchmark() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'unelgee-bench-rollup-'));
  try {
    const t0 = Date.now();
    const { bytes } = await makeInputs(dir);
    console.log(`${FILES} files (${Math.round(bytes / 1048576)} MB) generated in ${r1((Date.now() - t0) / 1000)} s in ${dir}`);
    const runner = path.join(dir, 'run.js');
    await fs.writeFile(
      runner,
      `const t0 = performance.now();
const out = [];
require(${JSON.stringify(MAIN)}).main(process.argv.slice(2), { out: (s) => out.push(s), err: () => undefined }).then((code) => {
  const ms = performance.now() - t0;
  const hwm = /VmHWM:\\s+(\\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'));
  const peakRssMb = Math.round((hwm ? Number(hwm[1]) : process.resourceUsage().maxRSS) / 1024);
  const tables = Number(/(\\d+) tables;/.exec(out.join('\\n'))?.[1] ?? -1);
  const cpu = process.cpuUsage();
  const cores = Math.round(((cpu.user + cpu.system) / 1000 / ms) * 100) / 100;
  process.stdout.write('\\n' + JSON.stringify({ bench: { ms, peakRssMb, code, tables, cores } }) + '\\n');
});
`,
    );
    const inputs = path.join(dir, 'inputs');
    const ways = { serial: ['--jobs', '0'], oneWorker: ['--jobs', '1'], pool: [] as string[] };
    const runs: Record<keyof typeof ways, Run[]> = { serial: [], oneWorker: [], pool: [] };
    // One uncounted run warms the file cache.
    runRollup(runner, inputs, path.join(dir, 'warm.xlsx'), ways.pool);
    for (let round = 0; round < ROUNDS; round++) {
      for (const way of Object.keys(ways) as (keyof typeof ways)[]) {
        const r = runRollup(runner, inputs, path.join(dir, `${way}.xlsx`), ways[way]);
        runs[way].push(r);
        console.log(`round ${round + 1}: ${way.padEnd(9)} ${r1(r.ms / 1000)} s on ${r.cores} cores, peak RSS ${r.peakRssMb} MB (exit ${r.code}, ${r.tables} tables; load ${os.loadavg()[0].toFixed(2)})`);
      }
    }
    const ms = (way: keyof typeof ways) => median(runs[way].map((r) => r.ms));
    const peak = (way: keyof typeof ways) => Math.max(...runs[way].map((r) => r.peakRssMb));
    // Per round (the three ways ran back to back): the steadier ratio on a shared machine.
    const ratio = (a: keyof typeof ways, b: keyof typeof ways) => r2(median(runs[a].map((r, i) => r.ms / runs[b][i].ms)));
    // Linux shares the CPU between sessions (autogroups), not threads: while another session is busy, this
    // one gets about one core however many threads it runs. The rounds in which the pool got more than 1.5
    // cores show what it does with the machine's cores.
    const freeRounds = runs.pool.map((r, i) => (r.cores >= 1.5 ? i : -1)).filter((i) => i >= 0);
    const whenFree = freeRounds.length ? r2(median(freeRounds.map((i) => runs.serial[i].ms / runs.pool[i].ms))) : null;
    const result = {
      files: FILES,
      megabytes: r1(bytes / 1048576),
      tables: runs.pool[0].tables,
      cores: os.availableParallelism(),
      rounds: ROUNDS,
      serialMs: Math.round(ms('serial')),
      oneWorkerMs: Math.round(ms('oneWorker')),
      poolMs: Math.round(ms('pool')),
      filesPerSecond: r1(FILES / (ms('pool') / 1000)),
      filesPerSecondSerial: r1(FILES / (ms('serial') / 1000)),
      speedupOverSerial: ratio('serial', 'pool'),
      speedupOverOneWorker: ratio('oneWorker', 'pool'),
      speedupOverSerialWithBothCores: whenFree,
      poolMsWithBothCores: freeRounds.length ? Math.round(median(freeRounds.map((i) => runs.pool[i].ms))) : null,
      roundsWithBothCores: freeRounds.length,
      coresUsedByPool: runs.pool.map((r) => r.cores),
      peakRssMb: { serial: peak('serial'), oneWorker: peak('oneWorker'), pool: peak('pool') },
      loadAverage: r2(os.loadavg()[0]),
    };
    console.log(
      `rollup of ${FILES} files on ${result.cores} cores: ${result.filesPerSecond} files/s (${r1(result.poolMs / 1000)} s); one after another in one process ${r1(result.serialMs / 1000)} s (${result.filesPerSecondSerial} files/s), one worker ${r1(result.oneWorkerMs / 1000)} s; speed-up ${result.speedupOverSerial}× over one after another (${whenFree ?? '–'}× in the ${freeRounds.length} rounds the pool got both cores), ${result.speedupOverOneWorker}× over one worker; cores the pool used per round: ${result.coresUsedByPool.join(', ')}; peak RSS ${result.peakRssMb.pool} MB (one after another ${result.peakRssMb.serial} MB, one worker ${result.peakRssMb.oneWorker} MB); medians of ${ROUNDS} rounds`,
    );
    console.log(JSON.stringify(result));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

void benchmark();
