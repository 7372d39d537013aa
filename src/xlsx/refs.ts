// A1 references inside formula text, for expanding shared formulas: Excel
// stores `<f t="shared" ref="H8:H20" si="0">G8*2</f>` once, on the master
// cell, and `<f t="shared" si="0"/>` on the others, each meaning the master's
// formula with its relative references moved by the cell's offset.
//
// The tokenizer walks the formula once. It copies verbatim: string literals
// ("…", with "" inside), quoted sheet names ('…', with '' inside), anything
// in square brackets (structured references Table1[[#This Row],[Col]],
// external workbook indexes [1]), error literals (#REF!), and names that
// merely look like references (LOG10(, a sheet name before "!", _xlfn.X).
// It shifts: cells (B7, $B7, B$7), column ranges (E:H) and row ranges (3:5),
// each part unless it is $-absolute. A reference moved off the sheet becomes
// #REF!, as Excel does.

import { areaAddress, columnIndex as colIndex, columnLetter as colLetters } from '../core';

const MAX_ROW = 1048576;
const MAX_COL = 16384;

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;
/** Characters that continue a name (so a reference cannot start or end next to them). */
const isNameChar = (c: number) => isLetter(c) || isDigit(c) || c === 95 /* _ */ || c === 46 /* . */ || c === 92 /* \ */ || c > 127;


interface Part {
  abs: boolean;
  text: string;
}

/** Reads `$?LETTERS` at i (1–3 letters, a valid column). */
function readCol(f: string, i: number): { part: Part; end: number; col: number } | null {
  let j = i;
  const abs = f.charCodeAt(j) === 36;
  if (abs) j++;
  const s = j;
  while (j < f.length && isLetter(f.charCodeAt(j)) && j - s < 4) j++;
  const n = j - s;
  if (n < 1 || n > 3) return null;
  const col = colIndex(f.slice(s, j));
  if (col >= MAX_COL) return null;
  return { part: { abs, text: f.slice(s, j) }, end: j, col };
}

/** Reads `$?DIGITS` at i (a valid row number). */
function readRow(f: string, i: number): { part: Part; end: number; row: number } | null {
  let j = i;
  const abs = f.charCodeAt(j) === 36;
  if (abs) j++;
  const s = j;
  while (j < f.length && isDigit(f.charCodeAt(j))) j++;
  if (j === s || j - s > 7) return null;
  const row = Number(f.slice(s, j)) - 1;
  if (row < 0 || row >= MAX_ROW) return null;
  return { part: { abs, text: f.slice(s, j) }, end: j, row };
}

type Ref =
  | { kind: 'cell'; end: number; col: number; row: number; colAbs: boolean; rowAbs: boolean }
  | { kind: 'cols'; end: number; a: number; b: number; aAbs: boolean; bAbs: boolean }
  | { kind: 'rows'; end: number; a: number; b: number; aAbs: boolean; bAbs: boolean };

/** A reference starting at i, or null. */
function readRef(f: string, i: number): Ref | null {
  const c = readCol(f, i);
  if (c) {
    const r = readRow(f, c.end);
    if (r) return { kind: 'cell', end: r.end, col: c.col, row: r.row, colAbs: c.part.abs, rowAbs: r.part.abs };
    if (f.charCodeAt(c.end) === 58 /* : */) {
      const c2 = readCol(f, c.end + 1);
      if (c2 && !readRow(f, c2.end)) return { kind: 'cols', end: c2.end, a: c.col, b: c2.col, aAbs: c.part.abs, bAbs: c2.part.abs };
    }
    return null;
  }
  const r = readRow(f, i);
  if (r && f.charCodeAt(r.end) === 58) {
    const r2 = readRow(f, r.end + 1);
    if (r2) return { kind: 'rows', end: r2.end, a: r.row, b: r2.row, aAbs: r.part.abs, bAbs: r2.part.abs };
  }
  return null;
}

const dollar = (abs: boolean) => (abs ? '$' : '');

function shiftRef(ref: Ref, dr: number, dc: number): string {
  if (ref.kind === 'cell') {
    const col = ref.colAbs ? ref.col : ref.col + dc;
    const row = ref.rowAbs ? ref.row : ref.row + dr;
    if (col < 0 || col >= MAX_COL || row < 0 || row >= MAX_ROW) return '#REF!';
    return `${dollar(ref.colAbs)}${colLetters(col)}${dollar(ref.rowAbs)}${row + 1}`;
  }
  const d = ref.kind === 'cols' ? dc : dr;
  const max = ref.kind === 'cols' ? MAX_COL : MAX_ROW;
  const a = ref.aAbs ? ref.a : ref.a + d;
  const b = ref.bAbs ? ref.b : ref.b + d;
  if (a < 0 || b < 0 || a >= max || b >= max) return '#REF!';
  const show = (x: number) => (ref.kind === 'cols' ? colLetters(x) : String(x + 1));
  return `${dollar(ref.aAbs)}${show(a)}:${dollar(ref.bAbs)}${show(b)}`;
}

/** Skips a quoted run starting at i (quote char q, doubled inside); returns the index after it. */
function skipQuoted(f: string, i: number, q: number): number {
  let j = i + 1;
  while (j < f.length) {
    if (f.charCodeAt(j) === q) {
      if (f.charCodeAt(j + 1) === q) j += 2;
      else return j + 1;
    } else j++;
  }
  return j;
}

/** The formula (without '=') moved by dr rows and dc columns, as Excel fills a shared formula. */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  let out = '';
  let last = 0;
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula.charCodeAt(i);
    if (ch === 34 /* " */ || ch === 39 /* ' */) {
      i = skipQuoted(formula, i, ch);
      continue;
    }
    if (ch === 91 /* [ */) {
      let depth = 0;
      while (i < n) {
        const x = formula.charCodeAt(i++);
        if (x === 91) depth++;
        else if (x === 93 && --depth === 0) break;
      }
      continue;
    }
    if (ch === 35 /* # */) {
      // #REF!, #N/A, #DIV/0!: skip the error literal.
      i++;
      while (i < n && (isLetter(formula.charCodeAt(i)) || formula.charCodeAt(i) === 47 || isDigit(formula.charCodeAt(i)))) i++;
      if (formula.charCodeAt(i) === 33 || formula.charCodeAt(i) === 63) i++;
      continue;
    }
    const startsRef = ch === 36 || isLetter(ch) || isDigit(ch);
    if (startsRef && (i === 0 || !isNameChar(formula.charCodeAt(i - 1)))) {
      const ref = readRef(formula, i);
      if (ref) {
        const next = formula.charCodeAt(ref.end);
        // Followed by a name character, "(" (a function such as LOG10), or "!" (a sheet named like a cell): not a reference.
        if (!(ref.end < n && (isNameChar(next) || next === 40 || next === 33))) {
          out += formula.slice(last, i) + shiftRef(ref, dr, dc);
          last = i = ref.end;
          continue;
        }
      }
      // Not a reference: skip the whole name or number.
      i++;
      while (i < n && (isNameChar(formula.charCodeAt(i)) || formula.charCodeAt(i) === 36)) i++;
      continue;
    }
    i++;
  }
  return last === 0 ? formula : out + formula.slice(last);
}

/** "H8" → {row: 7, col: 7}; null when it is not a plain cell reference. */
export function parseCellRef(ref: string): { row: number; col: number } | null {
  let i = 0;
  let col = 0;
  const n = ref.length;
  while (i < n) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
    i++;
  }
  if (i === 0 || i > 3 || i === n) return null;
  let row = 0;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
  }
  if (row < 1 || row > MAX_ROW || col > MAX_COL) return null;
  return { row: row - 1, col: col - 1 };
}

/** "A1:C3" or "B2" (as in mergeCell and f@ref) → 0-based inclusive bounds; null when malformed. */
export function parseRangeRef(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const k = ref.indexOf(':');
  const a = parseCellRef((k < 0 ? ref : ref.slice(0, k)).replace(/\$/g, ''));
  const b = k < 0 ? a : parseCellRef(ref.slice(k + 1).replace(/\$/g, ''));
  if (!a || !b) return null;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

export { colLetters };

/** A worksheet's <dimension> ref: the area its cells span ("A1" for one cell; "A1" when there are none). */
export function usedRef(cells: readonly { row: number; col: number }[]): string {
  if (cells.length === 0) return 'A1';
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const c of cells) {
    top = Math.min(top, c.row);
    left = Math.min(left, c.col);
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.col);
  }
  return areaAddress({ top, left, bottom, right });
}
