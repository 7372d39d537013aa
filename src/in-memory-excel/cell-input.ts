// What a cell keeps when a value or a formula is written to it, as Excel
// decides: typed input parsed as Excel parses what a user types, a formula's
// length limit, and a merged area keeping its content in its top-left cell.
// Pure TypeScript.
//
// - strings written to `values` are parsed as Excel parses typed input:
//   "=…" (and "+x", "-x", "@x" that are not numbers) become formulas,
//   numbers, percents, dates and TRUE/FALSE are converted, a leading
//   apostrophe keeps the rest as text, a Text ("@") format keeps it as is;
// - a formula over 8,192 characters is refused (Excel specifications and
//   limits); a value or formula written to a merged cell other than its
//   top-left is not kept (Excel keeps a merged area's content in its
//   top-left cell only; the others cannot hold any).

import type { CellValue } from '../core';
import { FORMULA_LIMIT } from './api';
import { FakeOfficeError } from './errors';
import type { SheetModel } from './model';

/** Excel's serial number of a date (days since 1899-12-30). */
function dateSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000);
}

/** What a cell keeps when `input` is written to `values`: its value, its formula, and whether a leading apostrophe quoted it (the model's v, f, q). */
export function parseInput(input: unknown, numberFormat: string): { v: CellValue; f: string | null; q: boolean } {
  if (typeof input === 'number' || typeof input === 'boolean') return { v: input, f: null, q: false };
  if (input === null || input === undefined) return { v: null, f: null, q: false };
  const text = String(input);
  if (text === '') return { v: null, f: null, q: false };
  if (numberFormat === '@') return { v: text, f: null, q: false };
  if (text.startsWith("'")) return { v: text.slice(1) === '' ? null : text.slice(1), f: null, q: true };
  if (text.startsWith('=') && text.length > 1) return { v: null, f: text, q: false };
  const trimmed = text.trim();
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return { v: Number(trimmed), f: null, q: false };
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)%$/.test(trimmed)) return { v: Number(trimmed.slice(0, -1)) / 100, f: null, q: false };
  if (/^[+\-@]/.test(text)) return { v: null, f: `=${text.startsWith('@') ? text.slice(1) : text}`, q: false };
  if (/^(true|false)$/i.test(trimmed)) return { v: /^true$/i.test(trimmed), f: null, q: false };
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (match) return { v: dateSerial(Number(match[1]), Number(match[2]), Number(match[3])), f: null, q: false };
  match = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?$/.exec(trimmed);
  if (match) return { v: dateSerial(match[3] ? Number(match[3].length === 2 ? `20${match[3]}` : match[3]) : 2024, Number(match[1]), Number(match[2])), f: null, q: false };
  return { v: text, f: null, q: false };
}

// ---- rules on cell contents -------------------------------------------------

/** Excel keeps a merged area's content in its top-left cell: a write to any other cell of it is not kept. */
function keepsContent(sheet: SheetModel, row: number, column: number): boolean {
  return !sheet.merges.some((merge) => row >= merge.top && row <= merge.bottom && column >= merge.left && column <= merge.right && (row !== merge.top || column !== merge.left));
}

/** Excel's limit on a formula's length (8,192 characters). */
function checkFormula(formula: string | null): void {
  if (formula !== null && formula.length > FORMULA_LIMIT) {
    throw new FakeOfficeError('FormulaLengthExceedsLimit', `The formula is ${formula.length} characters long; Excel allows ${FORMULA_LIMIT}.`);
  }
}

/** Writes what `values` or `formulas` parsed into a cell, as Excel keeps it: nothing in a merged area's other cells, a formula within Excel's limit. */
export function storeContent(sheet: SheetModel, row: number, column: number, parsed: { v: CellValue; f: string | null; q: boolean }): void {
  if (!keepsContent(sheet, row, column)) return;
  checkFormula(parsed.f);
  sheet.edit(row, column, (stored) => {
    stored.v = parsed.v;
    stored.f = parsed.f;
    stored.q = parsed.q;
  });
}
