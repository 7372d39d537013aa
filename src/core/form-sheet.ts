// A whole sheet the cycle commands write (the report form, next year's
// plan), built top to bottom: its cells, merged lines, tables' borders,
// wrapped areas, input rules, and rows tall enough for their wrapped text.
// The result is a SheetPlan, which every host writes the way it writes the
// evaluation sheet.

import { LINE_POINTS, landscapeTable, textLines } from './print';
import type { Area } from './sheet';
import type { CellValue, CellWrite, InputRule, SheetPlan } from './types';

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
    this.writes.push({ row, col, value, ...extra });
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
    while (this.widths.length <= col) this.widths.push(0);
    this.widths[col] = Math.max(this.widths[col], width);
  }

  /**
   * The sheet as a plan: the rows tall enough for their wrapped text, printed
   * on A4 landscape one page wide (a plan's and a report's tables are wider
   * than a portrait page), the table's header and column numbers repeated on
   * every page when the form holds one table, the page numbers in the footer.
   */
  toPlan(name: string, replaces: boolean, frozenRows: number, printing: { titleRows?: { first: number; last: number }; pageNumbers: string }): SheetPlan {
    const columnWidths = this.widths.map((w) => (w > 0 ? w : 8));
    const lastRow = this.writes.reduce((last, write) => Math.max(last, write.row), 0);
    const area = { top: 0, left: 0, bottom: lastRow, right: columnWidths.length - 1 };
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
      print: landscapeTable(printing.titleRows, printing.pageNumbers, { area }),
      rowHeights: rowHeights(this.writes, this.merges, this.wrap, columnWidths),
    };
  }
}

const inside = (area: Area, row: number, col: number) => row >= area.top && row <= area.bottom && col >= area.left && col <= area.right;

/**
 * Rows taller than one line: a wrapped text takes as many lines as its
 * characters over its width (merged widths added up; a merged area over
 * several rows shares its lines among them). Excel does not fit rows to
 * their text when it opens a file.
 */
function rowHeights(writes: readonly CellWrite[], merges: readonly Area[], wrap: readonly Area[], widths: readonly number[]): { row: number; points: number }[] {
  const lines = new Map<number, number>();
  const mergeAt = new Map<string, Area>();
  for (const merge of merges) mergeAt.set(`${merge.top}:${merge.left}`, merge);
  for (const write of writes) {
    const text = typeof write.value === 'string' ? write.value : null;
    if (text === null || !wrap.some((area) => inside(area, write.row, write.col))) continue;
    const merge = mergeAt.get(`${write.row}:${write.col}`);
    const left = merge?.left ?? write.col;
    const right = merge?.right ?? write.col;
    const width = widths.slice(left, right + 1).reduce((sum, w) => sum + w, 0) + 8 * Math.max(0, right + 1 - widths.length);
    const needed = textLines(text, width, write.bold);
    const rows = merge ? merge.bottom - merge.top + 1 : 1;
    const perRow = Math.ceil(needed / rows);
    if (perRow > (lines.get(write.row) ?? 1)) lines.set(write.row, perRow);
  }
  return [...lines]
    .sort((x, y) => x[0] - y[0])
    .map(([row, count]) => ({ row, points: Math.min(MAX_ROW_POINTS, count * LINE_POINTS) }));
}

/** A name not among `taken` (case-insensitively): the name, else "name (2)", "name (3)"… */
export function freeSheetName(name: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  let out = name;
  for (let k = 2; used.has(out.toLowerCase()); k++) out = `${name} (${k})`;
  return out;
}
