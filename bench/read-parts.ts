// The reader's parts on one file, beside its physical floor and two other
// readers, all in one process (medians of per-run times): unzipping (the
// parts the reader parses, inflated by zlib as the command line does, and by
// fflate as the web page does), decoding the worksheet's text, a SAX pass
// that does nothing (saxes with no handlers: what any SAX reader pays), our
// tokenizer doing nothing, the shared strings and the styles (each inflated
// and parsed) and the worksheet's XML parsed, the whole read; SheetJS's read
// (xlsx 0.18.5) and exceljs's parse.

import { readFileSync } from 'fs';
import { performance } from 'perf_hooks';
import ExcelJS from 'exceljs';
import { SaxesParser } from 'saxes';
import * as SheetJS from 'xlsx';
import { nodeZip } from '../src/cli/zlib';
import { readXlsx, useZipCodec } from '../src/xlsx';
import { DEFAULT_LIMITS } from '../src/xlsx/errors';
import { parseSharedStrings, parseStyles, parseWorksheet } from '../src/xlsx/reader';
import { scanXml } from '../src/xlsx/scan';
import { inflateEntry, readZip, type ZipEntry } from '../src/xlsx/zip';

export interface ReadParts {
  /** Median milliseconds per step, by name. */
  ms: Record<string, number>;
  /** The worksheet's XML, inflated. */
  sheetBytes: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const decoder = new TextDecoder();
const doNothing = { open() {}, close() {}, text() {}, wantsText: () => false, wantsAttributes: () => false };

/** One round of every step, each timed on its own (garbage collected before each). */
async function round(bytes: Uint8Array, file: string, add: (step: string, ms: number) => void): Promise<void> {
  const time = <T>(step: string, f: () => T): T => {
    gc();
    const t = performance.now();
    const r = f();
    add(step, performance.now() - t);
    return r;
  };
  const zip = readZip(bytes, DEFAULT_LIMITS);
  const entry = (name: string) => zip.byName.get(name) as ZipEntry;
  const parsed = ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', '_rels/.rels'].map(entry).filter((e) => e);
  useZipCodec(nodeZip);
  time('unzip (zlib, the command line)', () => parsed.map((e) => inflateEntry(e, DEFAULT_LIMITS, { total: 0 })));
  useZipCodec(null);
  time('unzip (fflate, the web page)', () => parsed.map((e) => inflateEntry(e, DEFAULT_LIMITS, { total: 0 })));
  useZipCodec(nodeZip);
  const inflate = (name: string) => decoder.decode(inflateEntry(entry(name), DEFAULT_LIMITS, { total: 0 }));
  const sheetBytes = inflateEntry(entry('xl/worksheets/sheet1.xml'), DEFAULT_LIMITS, { total: 0 });
  const sheetText = time('decode the worksheet text', () => decoder.decode(sheetBytes));
  time('SAX pass, no work (saxes)', () => new SaxesParser().write(sheetText).close());
  time('our tokenizer, no work', () => scanXml(sheetText, 'sheet', doNothing));
  const sst = time('shared strings', () => parseSharedStrings(inflate('xl/sharedStrings.xml'), 'sst'));
  const formats = time('styles', () => parseStyles(inflate('xl/styles.xml'), 'styles'));
  time('worksheet XML', () => parseWorksheet(sheetText, 'sheet', 'Тайлан', sst, formats));
  time('whole read (the command line)', () => readXlsx(bytes));
  useZipCodec(null);
  time('whole read (fflate, the web page)', () => readXlsx(bytes));
  time('SheetJS read', () => SheetJS.read(bytes, { type: 'array', dense: true }));
  gc();
  const t = performance.now();
  await new ExcelJS.Workbook().xlsx.readFile(file);
  add('exceljs parse', performance.now() - t);
}

export async function measureReadParts(file: string, runs: number): Promise<ReadParts> {
  const bytes = new Uint8Array(readFileSync(file));
  const all = new Map<string, number[]>();
  for (let i = -1; i < runs; i++) {
    await round(bytes, file, (step, ms) => {
      if (i >= 0) all.set(step, [...(all.get(step) ?? []), ms]);
    });
  }
  const zip = readZip(bytes, DEFAULT_LIMITS);
  const ms: Record<string, number> = {};
  for (const [step, xs] of all) ms[step] = Math.round(median(xs) * 10) / 10;
  return { ms, sheetBytes: zip.byName.get('xl/worksheets/sheet1.xml')?.size ?? 0 };
}
