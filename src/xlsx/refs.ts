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
function readCol(formula: string, i: number): { part: Part; end: number; col: number } | null {
  let cursor = i;
  const abs = formula.charCodeAt(cursor) === 36;
  if (abs) cursor++;
  const start = cursor;
  while (cursor < formula.length && isLetter(formula.charCodeAt(cursor)) && cursor - start < 4) cursor++;
  const letterCount = cursor - start;
  if (letterCount < 1 || letterCount > 3) return null;
  const col = colIndex(formula.slice(start, cursor));
  if (col >= MAX_COL) return null;
  return { part: { abs, text: formula.slice(start, cursor) }, end: cursor, col };
}

/** Reads `$?DIGITS` at i (a valid row number). */
function readRow(formula: string, i: number): { part: Part; end: number; row: number } | null {
  let cursor = i;
  const abs = formula.charCodeAt(cursor) === 36;
  if (abs) cursor++;
  const start = cursor;
  while (cursor < formula.length && isDigit(formula.charCodeAt(cursor))) cursor++;
  if (cursor === start || cursor - start > 7) return null;
  const row = Number(formula.slice(start, cursor)) - 1;
  if (row < 0 || row >= MAX_ROW) return null;
  return { part: { abs, text: formula.slice(start, cursor) }, end: cursor, row };
}

type Ref =
  | { kind: 'cell'; end: number; col: number; row: number; colAbs: boolean; rowAbs: boolean }
  | { kind: 'cols'; end: number; a: number; b: number; aAbs: boolean; bAbs: boolean }
  | { kind: 'rows'; end: number; a: number; b: number; aAbs: boolean; bAbs: boolean };

/** A reference starting at i, or null. */
function readRef(formula: string, i: number): Ref | null {
  const column = readCol(formula, i);
  if (column) {
    const cellRow = readRow(formula, column.end);
    if (cellRow) return { kind: 'cell', end: cellRow.end, col: column.col, row: cellRow.row, colAbs: column.part.abs, rowAbs: cellRow.part.abs };
    if (formula.charCodeAt(column.end) === 58 /* : */) {
      const endColumn = readCol(formula, column.end + 1);
      if (endColumn && !readRow(formula, endColumn.end)) return { kind: 'cols', end: endColumn.end, a: column.col, b: endColumn.col, aAbs: column.part.abs, bAbs: endColumn.part.abs };
    }
    return null;
  }
  const startRow = readRow(formula, i);
  if (startRow && formula.charCodeAt(startRow.end) === 58) {
    const endRow = readRow(formula, startRow.end + 1);
    if (endRow) return { kind: 'rows', end: endRow.end, a: startRow.row, b: endRow.row, aAbs: startRow.part.abs, bAbs: endRow.part.abs };
  }
  return null;
}

const dollar = (abs: boolean) => (abs ? '$' : '');

function shiftRef(ref: Ref, rowOffset: number, columnOffset: number): string {
  if (ref.kind === 'cell') {
    const col = ref.colAbs ? ref.col : ref.col + columnOffset;
    const row = ref.rowAbs ? ref.row : ref.row + rowOffset;
    if (col < 0 || col >= MAX_COL || row < 0 || row >= MAX_ROW) return '#REF!';
    return `${dollar(ref.colAbs)}${colLetters(col)}${dollar(ref.rowAbs)}${row + 1}`;
  }
  const offset = ref.kind === 'cols' ? columnOffset : rowOffset;
  const max = ref.kind === 'cols' ? MAX_COL : MAX_ROW;
  const first = ref.aAbs ? ref.a : ref.a + offset;
  const last = ref.bAbs ? ref.b : ref.b + offset;
  if (first < 0 || last < 0 || first >= max || last >= max) return '#REF!';
  const show = (x: number) => (ref.kind === 'cols' ? colLetters(x) : String(x + 1));
  return `${dollar(ref.aAbs)}${show(first)}:${dollar(ref.bAbs)}${show(last)}`;
}

/** Skips a quoted run starting at i (quote char q, doubled inside); returns the index after it. */
function skipQuoted(formula: string, i: number, quote: number): number {
  let cursor = i + 1;
  while (cursor < formula.length) {
    if (formula.charCodeAt(cursor) === quote) {
      if (formula.charCodeAt(cursor + 1) === quote) cursor += 2;
      else return cursor + 1;
    } else cursor++;
  }
  return cursor;
}

/** The formula (without '=') moved by dr rows and dc columns, as Excel fills a shared formula. */
export function shiftFormula(formula: string, rowOffset: number, columnOffset: number): string {
  if (rowOffset === 0 && columnOffset === 0) return formula;
  let out = '';
  let last = 0;
  let index = 0;
  const length = formula.length;
  while (index < length) {
    const charCode = formula.charCodeAt(index);
    if (charCode === 34 /* " */ || charCode === 39 /* ' */) {
      index = skipQuoted(formula, index, charCode);
      continue;
    }
    if (charCode === 91 /* [ */) {
      let depth = 0;
      while (index < length) {
        const code = formula.charCodeAt(index++);
        if (code === 91) depth++;
        else if (code === 93 && --depth === 0) break;
      }
      continue;
    }
    if (charCode === 35 /* # */) {
      // #REF!, #N/A, #DIV/0!: skip the error literal.
      index++;
      while (index < length && (isLetter(formula.charCodeAt(index)) || formula.charCodeAt(index) === 47 || isDigit(formula.charCodeAt(index)))) index++;
      if (formula.charCodeAt(index) === 33 || formula.charCodeAt(index) === 63) index++;
      continue;
    }
    const startsRef = charCode === 36 || isLetter(charCode) || isDigit(charCode);
    if (startsRef && (index === 0 || !isNameChar(formula.charCodeAt(index - 1)))) {
      const ref = readRef(formula, index);
      if (ref) {
        const next = formula.charCodeAt(ref.end);
        // Followed by a name character, "(" (a function such as LOG10), or "!" (a sheet named like a cell): not a reference.
        if (!(ref.end < length && (isNameChar(next) || next === 40 || next === 33))) {
          out += formula.slice(last, index) + shiftRef(ref, rowOffset, columnOffset);
          last = index = ref.end;
          continue;
        }
      }
      // Not a reference: skip the whole name or number.
      index++;
      while (index < length && (isNameChar(formula.charCodeAt(index)) || formula.charCodeAt(index) === 36)) index++;
      continue;
    }
    index++;
  }
  return last === 0 ? formula : out + formula.slice(last);
}

/** "H8" → {row: 7, col: 7}; null when it is not a plain cell reference. */
export function parseCellRef(ref: string): { row: number; col: number } | null {
  let index = 0;
  let col = 0;
  const length = ref.length;
  while (index < length) {
    const code = ref.charCodeAt(index);
    if (code >= 65 && code <= 90) col = col * 26 + (code - 64);
    else if (code >= 97 && code <= 122) col = col * 26 + (code - 96);
    else break;
    index++;
  }
  if (index === 0 || index > 3 || index === length) return null;
  let row = 0;
  for (; index < length; index++) {
    const code = ref.charCodeAt(index);
    if (code < 48 || code > 57) return null;
    row = row * 10 + (code - 48);
  }
  if (row < 1 || row > MAX_ROW || col > MAX_COL) return null;
  return { row: row - 1, col: col - 1 };
}

/** "A1:C3" or "B2" (as in mergeCell and f@ref) → 0-based inclusive bounds; null when malformed. */
export function parseRangeRef(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const colon = ref.indexOf(':');
  const start = parseCellRef((colon < 0 ? ref : ref.slice(0, colon)).replace(/\$/g, ''));
  const end = colon < 0 ? start : parseCellRef(ref.slice(colon + 1).replace(/\$/g, ''));
  if (!start || !end) return null;
  return { top: Math.min(start.row, end.row), left: Math.min(start.col, end.col), bottom: Math.max(start.row, end.row), right: Math.max(start.col, end.col) };
}

export { colLetters };

/** A worksheet's <dimension> ref: the area its cells span ("A1" for one cell; "A1" when there are none). */
export function usedRef(cells: readonly { row: number; col: number }[]): string {
  if (cells.length === 0) return 'A1';
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const cell of cells) {
    top = Math.min(top, cell.row);
    left = Math.min(left, cell.col);
    bottom = Math.max(bottom, cell.row);
    right = Math.max(right, cell.col);
  }
  return areaAddress({ top, left, bottom, right });
}
