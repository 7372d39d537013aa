// A whole sheet the cycle commands write (the report form, next year's
// plan), built top to bottom: its cells, merged lines, tables' borders,
// wrapped areas, input rules, and rows tall enough for their wrapped text.
// The result is a SheetPlan, which every host writes the way it writes the
// evaluation sheet.

import { wrappedLines } from './evaluation-sheet';
import type { Area } from './sheet';
import type { CellValue, CellWrite, InputRule, SheetPlan } from './types';

/** One line is 15 points (the default row height). */
const LINE_POINTS = 15;
/** Rows are never made taller than Excel allows (409 points). */
const MAX_ROW_POINTS = 409;

export class FormSheet {
  readonly writes: CellWrite[] = [];
  readonly merges: Area[] = [];
  readonly borders: Area[] = [];
  readonly wrap: Area[] = [];
  readonly inputs: InputRule[] = [];
  /** Widths in characters, from column A (the widest a column needs across the form's tables). */
  readonly widths: number[] = [];

  put(row: number, col: number, value: CellValue, extra: Partial<CellWrite> = {}): void {
    if ((value === null || value === '') && !extra.formula && !extra.note) return;
    this.writes.push({ row, col, value, purpose: 'summary', ...extra });
  }

  /** A line of text across columns `from`..`to` (merged when that is more than one column), wrapped. */
  line(row: number, text: string, from: number, to: number, bold = false): void {
    this.put(row, from, text, bold ? { bold } : {});
    if (to > from) this.merges.push({ top: row, left: from, bottom: row, right: to });
    this.wrap.push({ top: row, left: from, bottom: row, right: to });
  }

  /**
   * A table's header at `row` (bold, a note where given) and under it the
   * row of column numbers 1 2 3 … the official forms carry (it also keeps
   * a group row right under the header from being read as a second header
   * row). Returns the first row under them.
   */
  tableHeader(row: number, cells: readonly { text: string; note?: string }[]): number {
    cells.forEach((c, i) => this.put(row, i, c.text, c.note ? { bold: true, note: c.note } : { bold: true }));
    cells.forEach((_c, i) => this.put(row + 1, i, i + 1));
    return row + 2;
  }

  /** Column `col` is at least `width` characters wide. */
  widen(col: number, width: number): void {
    for (let c = this.widths.length; c <= col; c++) this.widths.push(0);
    this.widths[col] = Math.max(this.widths[col], width);
  }

  /** The sheet as a plan: the rows tall enough for their wrapped text, A4 printing. */
  toPlan(name: string, replaces: boolean, frozenRows: number): SheetPlan {
    const columnWidths = this.widths.map((w) => (w > 0 ? w : 8));
    return {
      name,
      replaces,
      frozenRows,
      writes: this.writes,
      columnWidths,
      merges: this.merges,
      borders: this.borders,
      wrap: this.wrap,
      inputs: this.inputs,
      printA4: true,
      rowHeights: rowHeights(this.writes, this.merges, this.wrap, columnWidths),
    };
  }
}

const inside = (a: Area, r: number, c: number) => r >= a.top && r <= a.bottom && c >= a.left && c <= a.right;

/**
 * Rows taller than one line: a wrapped text takes as many lines as its
 * characters over its width (merged widths added up; a merged area over
 * several rows shares its lines among them). Excel does not fit rows to
 * their text when it opens a file.
 */
export function rowHeights(writes: readonly CellWrite[], merges: readonly Area[], wrap: readonly Area[], widths: readonly number[]): { row: number; points: number }[] {
  const lines = new Map<number, number>();
  const mergeAt = new Map<string, Area>();
  for (const m of merges) mergeAt.set(`${m.top}:${m.left}`, m);
  for (const w of writes) {
    const text = typeof w.value === 'string' ? w.value : null;
    if (text === null || !wrap.some((a) => inside(a, w.row, w.col))) continue;
    const m = mergeAt.get(`${w.row}:${w.col}`);
    const left = m?.left ?? w.col;
    const right = m?.right ?? w.col;
    let width = 0;
    for (let c = left; c <= right; c++) width += widths[c] ?? 8;
    // A character is about the width unit (Cyrillic in the default font, as LibreOffice prints it), bold a little wider; words do not break.
    const needed = wrappedLines(text, Math.max(1, Math.floor(width / (w.bold ? 1.2 : 1.05))));
    const rows = m ? m.bottom - m.top + 1 : 1;
    const n = Math.ceil(needed / rows);
    if (n > (lines.get(w.row) ?? 1)) lines.set(w.row, n);
  }
  return [...lines]
    .sort((a, b) => a[0] - b[0])
    .map(([row, n]) => ({ row, points: Math.min(MAX_ROW_POINTS, n * LINE_POINTS) }));
}

/** A name not among `taken` (case-insensitively): the name, else "name (2)", "name (3)"… */
export function freeSheetName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  let out = name;
  for (let k = 2; used.has(out.toLowerCase()); k++) out = `${name} (${k})`;
  return out;
}
