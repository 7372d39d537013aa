// Finding header rows and turning one or two of them into leaf columns.

import type { SheetGrid } from '../sheet';
import { cellText } from '../text';
import { classifyHeader, type HeaderClass } from './roles';
import { itemNumber } from './patterns';

/** Fewest distinct roles a header row must name. */
const MIN_ROLES = 3;
/** Header cells longer than this are sentences, not headers. */
const MAX_HEADER_CELL = 200;

interface HeaderCell {
  col: number;
  text: string;
  cls: HeaderClass | null;
}

/** A leaf column of the header: the cell that names what the column below holds. */
export interface Leaf {
  col: number;
  /** Role named by the header; 'performance-level' when it is the ambiguous "Гүйцэтгэлийн түвшин"; null when the text names no role. */
  cls: HeaderClass | null;
  text: string;
  headerRow: number;
}

export interface HeaderBlock {
  rows: number[];
  numberRow?: number;
  firstCol: number;
  lastCol: number;
  leaves: Leaf[];
}

/** The non-empty cells of a row with their header class (merged-away cells skipped). */
function headerCells(grid: SheetGrid, row: number): HeaderCell[] {
  const out: HeaderCell[] = [];
  for (let column = grid.firstCol, end = grid.lastColIn(row); column <= end; column++) {
    if (grid.isMergedSlave(row, column)) continue;
    const value = grid.value(row, column);
    if (value === null) continue;
    const text = cellText(value);
    if (text === '') continue;
    const cls = typeof value === 'string' && text.length <= MAX_HEADER_CELL ? classifyHeader(text) : null;
    out.push({ col: column, text, cls });
  }
  return out;
}

/** Cheap test first (most rows are items or text), then the role count. */
export function isHeaderRow(grid: SheetGrid, row: number): boolean {
  let strings = 0;
  let first = true;
  for (let column = grid.firstCol, end = grid.lastColIn(row); column <= end; column++) {
    const value = grid.value(row, column);
    if (value === null) continue;
    // A row opening with a number is an item (or a column-number row), never a header.
    if (first && (typeof value === 'number' || itemNumber(value) !== null)) return false;
    first = false;
    if (typeof value === 'string' && value.length <= MAX_HEADER_CELL && value.trim() !== '') strings++;
  }
  if (strings < MIN_ROLES) return false;
  const cells = headerCells(grid, row);
  const roles = new Set<HeaderClass>();
  let classified = 0;
  for (const cell of cells) {
    if (cell.cls) {
      roles.add(cell.cls);
      classified++;
    }
  }
  if (roles.size < MIN_ROLES) return false;
  if (classified * 2 < cells.length) return false;
  const substantive = ['indicator', 'target', 'achieved', 'percent', 'baseline', 'points', 'performance-level'];
  return [...roles].some((r) => substantive.includes(r));
}

/** A row under the header that names sub-columns (Суурь / Хүрэх / Хүрсэн түвшин under "Гүйцэтгэлийн түвшин"). */
function isSubHeaderRow(grid: SheetGrid, top: HeaderCell[], row: number): boolean {
  if (row > grid.lastRow) return false;
  const cells = headerCells(grid, row);
  if (cells.length === 0) return false;
  if (itemNumber(grid.value(row, cells[0].col)) !== null && cells[0].col === top[0]?.col) return false;
  // Sub-headers are short; a long text that happens to contain "арга хэмжээ" is a group row.
  const classified = cells.filter((c) => c.cls && c.cls !== 'performance-level' && c.text.length <= 60);
  if (classified.length === 0 || classified.length * 2 < cells.length) return false;
  const topCols = new Set(top.map((t) => t.col));
  const hasGroupTop = top.some((t) => t.cls === 'performance-level' || t.cls === null);
  // Sub-headers sit where the top row is empty or merged away, or under a group header.
  return classified.some((c) => !topCols.has(c.col) || grid.isMergedSlave(row - 1, c.col)) || hasGroupTop;
}

/** A row of column numbers 1 2 3 … under the header. */
function isNumberRow(grid: SheetGrid, row: number, firstCol: number, lastCol: number): boolean {
  if (row > grid.lastRow) return false;
  const numbers: number[] = [];
  for (let column = firstCol, end = Math.min(lastCol, grid.lastColIn(row)); column <= end; column++) {
    const value = grid.value(row, column);
    if (value === null) continue;
    const number = typeof value === 'number' ? value : /^\d+$/.test(String(value).trim()) ? Number(String(value).trim()) : NaN;
    if (!Number.isInteger(number)) return false;
    numbers.push(number);
  }
  if (numbers.length < 3 || numbers[0] !== 1) return false;
  for (let i = 1; i < numbers.length; i++) if (numbers[i] !== numbers[i - 1] + 1) return false;
  return true;
}

/** Reads the header starting at `row`: one or two rows, an optional number row, the leaf columns. */
export function readHeader(grid: SheetGrid, row: number): HeaderBlock {
  const top = headerCells(grid, row);
  const rows = [row];
  let sub: HeaderCell[] = [];
  if (isSubHeaderRow(grid, top, row + 1)) {
    rows.push(row + 1);
    sub = headerCells(grid, row + 1);
  }
  const all = [...top, ...sub];
  const firstCol = Math.min(...all.map((c) => c.col));
  let lastCol = Math.max(...all.map((c) => c.col));
  for (const topCell of top) {
    const merge = grid.mergeOf(row, topCell.col);
    if (merge && merge.right > lastCol) lastCol = merge.right;
  }

  const subAt = new Map(sub.map((s) => [s.col, s]));
  const leaves: Leaf[] = [];
  const topCols = top.map((t) => t.col);
  for (let i = 0; i < top.length; i++) {
    const topCell = top[i];
    // The columns this top cell stands over: its merged area, or up to the next top cell.
    const merge = grid.mergeOf(row, topCell.col);
    const spanEnd = merge ? merge.right : (topCols[i + 1] ?? lastCol + 1) - 1;
    const subs = sub.filter((s) => s.col >= topCell.col && s.col <= spanEnd && s.cls);
    const groupHeader = subs.length >= 2 || (subs.length === 1 && subs[0].col !== topCell.col);
    if (groupHeader) continue;
    const subCell = subAt.get(topCell.col);
    if (subCell && subCell.cls) leaves.push({ col: topCell.col, cls: subCell.cls, text: subCell.text, headerRow: row + 1 });
    else leaves.push({ col: topCell.col, cls: topCell.cls, text: topCell.text, headerRow: row });
  }
  for (const subCell of sub) {
    if (!subCell.cls || leaves.some((l) => l.col === subCell.col)) continue;
    leaves.push({ col: subCell.col, cls: subCell.cls, text: subCell.text, headerRow: row + 1 });
  }
  leaves.sort((a, b) => a.col - b.col);

  const block: HeaderBlock = { rows, firstCol, lastCol, leaves };
  const next = rows[rows.length - 1] + 1;
  if (isNumberRow(grid, next, firstCol, lastCol)) block.numberRow = next;
  return block;
}
