// npm run bench: the .xlsx reader, the engine and the writer on generated
// reports of 10,000 and 20,000 items, beside exceljs's full parse of the same
// file (the yardstick: what the command line used before). Prints figures
// (medians over several runs); the last line is JSON.
import { execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { performance } from 'perf_hooks';
import ExcelJS from 'exceljs';
import { analyzeWorkbook, planCompute, type Sheet } from '../src/core';
import { workbookToSheets } from '../src/exceljs/read';
import { sheetWords } from '../src/i18n/sheet-words';
import { computeContext, readXlsx, visibleSheets, writeXlsx } from '../src/xlsx';
import { generateReport } from './generate';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const r1 = (x: number) => Math.round(x * 10) / 10;
/** The process's peak resident memory so far (the kernel's high-water mark), in MB. */
const maxRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

// Collect garbage before each timed step, so one step's garbage is not billed to the next.
const gc = () => (globalThis as { gc?: () => void }).gc?.();

async function exceljsParse(file: string): Promise<Sheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return workbookToSheets(wb).map((s) => s.sheet);
}

interface Ours {
  readMs: number[];
  engineMs: number[];
  validateMs: number[];
  computeMs: number[];
  writeMs: number[];
  tables: number;
  findings: number;
  maxRssMb: number;
}

/** The product's path: read the file, read the package, run the engine; plan Compute and write the copy. */
async function measureOurs(file: string): Promise<Ours> {
  const m: Ours = { readMs: [], engineMs: [], validateMs: [], computeMs: [], writeMs: [], tables: 0, findings: 0, maxRssMb: 0 };
  // One run to warm the JIT, not counted.
  for (let i = -1; i < RUNS; i++) {
    gc();
    const t0 = performance.now();
    const book = readXlsx(new Uint8Array(await fs.readFile(file)));
    const sheets = visibleSheets(book);
    const t1 = performance.now();
    const a = analyzeWorkbook(sheets, { words: sheetWords('mn') });
    const t2 = performance.now();
    gc();
    const t3 = performance.now();
    const outcome = planCompute(sheets, { words: sheetWords('mn'), ...computeContext(book) });
    const t4 = performance.now();
    writeXlsx(book, outcome.plan);
    const t5 = performance.now();
    if (i < 0) continue;
    m.readMs.push(t1 - t0);
    m.engineMs.push(t2 - t1);
    m.validateMs.push(t2 - t0);
    m.computeMs.push(t4 - t3);
    m.writeMs.push(t5 - t4);
    m.tables = a.sheets.reduce((n, s) => n + s.tables.length, 0);
    m.findings = a.findings.length;
  }
  m.maxRssMb = maxRssMb();
  return m;
}

async function measureExceljs(file: string): Promise<{ parseMs: number[]; maxRssMb: number }> {
  const parseMs: number[] = [];
  for (let i = -1; i < RUNS; i++) {
    gc();
    const t = performance.now();
    await exceljsParse(file);
    if (i >= 0) parseMs.push(performance.now() - t);
  }
  return { parseMs, maxRssMb: maxRssMb() };
}

/** Each measurement runs in its own process, so each peak RSS is that path's alone. */
function child<T>(mode: 'ours' | 'exceljs', file: string): T {
  const out = execFileSync(process.execPath, ['--expose-gc', __filename, '--child', mode, file], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(out) as T;
}

async function parent() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'unelgee-bench-'));
  try {
    const sizes = [
      { items: 10000, groups: 100 },
      { items: 20000, groups: 200 },
    ];
    const rows = [];
    for (const { items, groups } of sizes) {
      const file = path.join(dir, `report-${items}.xlsx`);
      await generateReport({ items, groups }).xlsx.writeFile(file);
      const ours = child<Ours>('ours', file);
      const excel = child<{ parseMs: number[]; maxRssMb: number }>('exceljs', file);
      const exceljsParseMs = r1(median(excel.parseMs));
      const validateMs = r1(median(ours.validateMs));
      rows.push({
        items,
        groups,
        tables: ours.tables,
        findings: ours.findings,
        readMs: r1(median(ours.readMs)),
        engineMs: r1(median(ours.engineMs)),
        validateMs,
        computeMs: r1(median(ours.computeMs)),
        writeMs: r1(median(ours.writeMs)),
        exceljsParseMs,
        validateToExceljs: Math.round((validateMs / exceljsParseMs) * 1000) / 1000,
        engineToExceljs: Math.round((median(ours.engineMs) / exceljsParseMs) * 1000) / 1000,
        peakRssMb: ours.maxRssMb,
        exceljsPeakRssMb: excel.maxRssMb,
      });
    }
    for (const m of rows) {
      console.log(
        `${m.items} items in ${m.groups} groups: read ${m.readMs} ms + engine ${m.engineMs} ms = validate ${m.validateMs} ms (peak RSS ${m.peakRssMb} MB); exceljs parse alone ${m.exceljsParseMs} ms (peak RSS ${m.exceljsPeakRssMb} MB); validate/exceljs ${m.validateToExceljs}; compute plan ${m.computeMs} ms, write ${m.writeMs} ms — ${m.tables} table(s), ${m.findings} findings (median of ${RUNS})`,
      );
    }
    const [h, f] = rows;
    const result = {
      rows: f.items,
      groups: f.groups,
      runs: RUNS,
      // As before: exceljs's parse of the file, the engine, the compute plan, the engine against that parse.
      parseMs: f.exceljsParseMs,
      engineMs: f.engineMs,
      computeMs: f.computeMs,
      peakRssMb: Math.max(f.peakRssMb, f.exceljsPeakRssMb),
      engineToParse: f.engineToExceljs,
      scaling: {
        engineMs10k: h.engineMs,
        engineMs20k: f.engineMs,
        ratio: Math.round((f.engineMs / h.engineMs) * 100) / 100,
      },
      // The package reader and writer (src/xlsx), each path in its own process.
      readMs: f.readMs,
      validateMs: f.validateMs,
      writeMs: f.writeMs,
      validateToExceljsParse: f.validateToExceljs,
      peakRssReaderMb: f.peakRssMb,
      peakRssExceljsMb: f.exceljsPeakRssMb,
      sizes: rows.map(({ items, readMs, engineMs, validateMs, exceljsParseMs, computeMs, writeMs, peakRssMb, exceljsPeakRssMb }) => ({ items, readMs, engineMs, validateMs, exceljsParseMs, computeMs, writeMs, peakRssMb, exceljsPeakRssMb })),
    };
    console.log(
      `validate (read + engine) / exceljs parse alone = ${h.validateToExceljs} at 10k, ${f.validateToExceljs} at 20k (aim: below 1); 2× rows → ${result.scaling.ratio}× engine time; peak RSS ${f.peakRssMb} MB (reader path) vs ${f.exceljsPeakRssMb} MB (exceljs parse)`,
    );
    console.log(JSON.stringify(result));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

const ci = process.argv.indexOf('--child');
if (ci >= 0) {
  const [mode, file] = process.argv.slice(ci + 1);
  (mode === 'ours' ? measureOurs(file) : measureExceljs(file)).then((r) => process.stdout.write(JSON.stringify(r)));
} else {
  void parent();
}
