// Comparing an input package with the package Compute wrote: which parts
// changed, and whether the changed parts differ only where the plan wrote.

import { cellAddress, planCompute, type EditPlan } from '../../src/core';
import { sheetWords } from '../../src/i18n/sheet-words';
import { computeContext, readXlsx, visibleSheets, writeXlsx, type XlsxWorkbook } from '../../src/xlsx';
import type { Parts } from './corpus';

export function compute(bytes: Uint8Array, lang: 'mn' | 'en' = 'mn'): { book: XlsxWorkbook; plan: EditPlan; out: Uint8Array } {
  const book = readXlsx(bytes);
  const outcome = planCompute(visibleSheets(book), { profileId: 'practice', words: sheetWords(lang), ...computeContext(book) });
  return { book, plan: outcome.plan, out: writeXlsx(book, outcome.plan) };
}

export const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** A worksheet's XML with the given cells' <c> elements removed, rows left empty by that removed too when `dropNewRows` lists them, and the hints Compute may adjust (spans, dimension) blanked. */
export function withoutCells(xml: string, refs: ReadonlySet<string>, dropRows: ReadonlySet<number> = new Set()): string {
  let s = xml.replace(/<c r="([A-Z]+\d+)"[^>]*?(\/>|>[\s\S]*?<\/c>)/g, (m, ref: string) => (refs.has(ref) ? '' : m));
  s = s.replace(/<row r="(\d+)"[^>]*?(\/>|>\s*<\/row>)/g, (m, r: string) => (dropRows.has(Number(r)) ? '' : m));
  return s.replace(/ spans="[^"]*"/g, '').replace(/<dimension ref="[^"]*"\/>/, '<dimension/>');
}

/** Rows (1-based) of a worksheet's XML. */
export const rowsOf = (xml: string) => new Set([...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1])));

/** Each cell's style index ("H8" → 2), from the XML. */
export function cellStyles(xml: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)\/?>/g)) {
    const s = /\ss="(\d+)"/.exec(m[2]);
    out.set(m[1], s ? Number(s[1]) : 0);
  }
  return out;
}

/** The inner XML of an element (first match). */
export const inner = (xml: string, name: string) => new RegExp(`<${name}\\b[^>]*>([\\s\\S]*?)</${name}>`).exec(xml)?.[1] ?? '';

/** styles.xml only grew: each list starts with what it held, and everything outside the lists is the same. */
export function expectAppendOnlyStyles(before: string, after: string): void {
  for (const list of ['numFmts', 'fonts', 'fills', 'cellXfs']) {
    expect(inner(after, list).startsWith(inner(before, list))).toBe(true);
  }
  const outside = (x: string) =>
    x
      .replace(/<numFmts\b[^>]*>[\s\S]*?<\/numFmts>/, '')
      .replace(/<fonts\b[^>]*>[\s\S]*?<\/fonts>/, '<fonts/>')
      .replace(/<fills\b[^>]*>[\s\S]*?<\/fills>/, '<fills/>')
      .replace(/<cellXfs\b[^>]*>[\s\S]*?<\/cellXfs>/, '<cellXfs/>');
  expect(outside(after)).toBe(outside(before));
}

/** Every cell of `sheet` outside `written` reads the same (value, formula, number format) in both books. */
export function unchangedCells(a: XlsxWorkbook, b: XlsxWorkbook, sheet: string, written: ReadonlySet<string>): string[] {
  const sa = a.sheets.find((s) => s.name === sheet)!.sheet!;
  const sb = b.sheets.find((s) => s.name === sheet)!.sheet!;
  const diffs: string[] = [];
  const rows = Math.max(sa.values.length, sb.values.length);
  for (let r = 0; r < rows; r++) {
    const cols = Math.max(sa.values[r]?.length ?? 0, sb.values[r]?.length ?? 0);
    for (let c = 0; c < cols; c++) {
      const ref = cellAddress(r, c);
      if (written.has(ref)) continue;
      const x = [sa.values[r]?.[c] ?? null, sa.formulas?.[r]?.[c] ?? null, sa.numberFormats?.[r]?.[c] ?? null];
      const y = [sb.values[r]?.[c] ?? null, sb.formulas?.[r]?.[c] ?? null, sb.numberFormats?.[r]?.[c] ?? null];
      if (JSON.stringify(x) !== JSON.stringify(y)) diffs.push(`${sheet}!${ref}: ${JSON.stringify(x)} → ${JSON.stringify(y)}`);
    }
  }
  return diffs;
}

/** The written cells of one sheet, as bare addresses. */
export function writtenOn(plan: EditPlan, sheet: string): Set<string> {
  return new Set(plan.writtenCells.filter((c) => c.slice(0, c.lastIndexOf('!')) === sheet).map((c) => c.slice(c.lastIndexOf('!') + 1)));
}

/** Names of the parts that differ (by uncompressed content), that were added, and that were removed. */
export function partDiff(a: Parts, b: Parts): { changed: string[]; added: string[]; removed: string[] } {
  const changed: string[] = [];
  for (const [name, bytes] of a) if (b.has(name) && !same(bytes, b.get(name)!)) changed.push(name);
  return { changed: changed.sort(), added: [...b.keys()].filter((k) => !a.has(k)).sort(), removed: [...a.keys()].filter((k) => !b.has(k)).sort() };
}
