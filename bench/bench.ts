// npm run bench: parse and engine time on a generated 20,000-item report.
// Prints figures (medians over several runs); the last line is JSON.
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { performance } from 'perf_hooks';
import ExcelJS from 'exceljs';
import { analyzeWorkbook, planCompute, type Sheet } from '../src/core';
import { sheetWords } from '../src/i18n/sheet-words';
import { workbookToSheets } from '../src/xlsx/read';
import { generateReport } from './generate';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const r1 = (x: number) => Math.round(x * 10) / 10;

let peakRss = 0;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

async function parse(file: string): Promise<Sheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return workbookToSheets(wb).map((s) => s.sheet);
}

async function measure(items: number, groups: number, dir: string) {
  const file = path.join(dir, `report-${items}.xlsx`);
  await generateReport({ items, groups }).xlsx.writeFile(file);
  const parseMs: number[] = [];
  const engineMs: number[] = [];
  const computeMs: number[] = [];
  let tables = 0;
  let findings = 0;
  // Collect garbage before each timed step, so one step's garbage is not billed to the next.
  const gc = () => (globalThis as { gc?: () => void }).gc?.();
  for (let i = 0; i < RUNS; i++) {
    gc();
    let t = performance.now();
    const sheets = await parse(file);
    parseMs.push(performance.now() - t);
    sample();
    gc();
    t = performance.now();
    const a = analyzeWorkbook(sheets);
    engineMs.push(performance.now() - t);
    sample();
    gc();
    t = performance.now();
    planCompute(sheets, { words: sheetWords('mn') });
    computeMs.push(performance.now() - t);
    sample();
    tables = a.sheets.reduce((n, s) => n + s.tables.length, 0);
    findings = a.findings.length;
  }
  // Parse and engine are timed back to back in each run: the median of their ratios
  // is steadier on a busy machine than a ratio of medians.
  const ratio = median(parseMs.map((p, i) => engineMs[i] / p));
  return {
    items,
    groups,
    tables,
    findings,
    parseMs: r1(median(parseMs)),
    engineMs: r1(median(engineMs)),
    computeMs: r1(median(computeMs)),
    engineToParse: Math.round(ratio * 1000) / 1000,
  };
}

(async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'unelgee-bench-'));
  try {
    const half = await measure(10000, 100, dir);
    const full = await measure(20000, 200, dir);
    for (const m of [half, full]) {
      console.log(
        `${m.items} items in ${m.groups} groups: parse ${m.parseMs} ms, engine (recognise+check+score) ${m.engineMs} ms, compute plan ${m.computeMs} ms — ${m.tables} table(s), ${m.findings} findings (median of ${RUNS})`,
      );
    }
    const result = {
      rows: full.items,
      groups: full.groups,
      runs: RUNS,
      parseMs: full.parseMs,
      engineMs: full.engineMs,
      computeMs: full.computeMs,
      peakRssMb: Math.round(peakRss / 1048576),
      engineToParse: full.engineToParse,
      scaling: {
        engineMs10k: half.engineMs,
        engineMs20k: full.engineMs,
        ratio: Math.round((full.engineMs / half.engineMs) * 100) / 100,
      },
    };
    console.log(`engine/parse = ${result.engineToParse} (median of per-run ratios; aim: below 0.25); 2× rows → ${result.scaling.ratio}× engine time; peak RSS ${result.peakRssMb} MB`);
    console.log(JSON.stringify(result));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
})();
