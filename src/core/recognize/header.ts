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
  for (let c = grid.firstCol, end = grid.lastColIn(row); c <= end; c++) {
    if (grid.isMergedSlave(row, c)) continue;
    const v = grid.value(row, c);
    if (v === null) continue;
    const text = cellText(v);
    if (text === '') continue;
    const cls = typeof v === 'string' && text.length <= MAX_HEADER_CELL ? classifyHeader(text) : null;
    out.push({ col: c, text, cls });
  }
  return out;
}

/** Cheap test first (most rows are items or text), then the role count. */
export function isHeaderRow(grid: SheetGrid, row: number): boolean {
  let strings = 0;
  let first = true;
  for (let c = grid.firstCol, end = grid.lastColIn(row); c <= end; c++) {
    const v = grid.value(row, c);
    if (v === null) continue;
    // A row opening with a number is an item (or a column-number row), never a header.
    if (first && (typeof v === 'number' || itemNumber(v) !== null)) return false;
    first = false;
    if (typeof v === 'string' && v.length <= MAX_HEADER_CELL && v.trim() !== '') strings++;
  }
  if (strings < MIN_ROLES) return false;
  const cells = headerCells(grid, row);
  const roles = new Set<HeaderClass>();
  let classified = 0;
  for (const h of cells) {
    if (h.cls) {
      roles.add(h.cls);
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
  const nums: number[] = [];
  for (let c = firstCol, end = Math.min(lastCol, grid.lastColIn(row)); c <= end; c++) {
    const v = grid.value(row, c);
    if (v === null) continue;
    const n = typeof v === 'number' ? v : /^\d+$/.test(String(v).trim()) ? Number(String(v).trim()) : NaN;
    if (!Number.isInteger(n)) return false;
    nums.push(n);
  }
  if (nums.length < 3 || nums[0] !== 1) return false;
  for (let i = 1; i < nums.length; i++) if (nums[i] !== nums[i - 1] + 1) return false;
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
  for (const t of top) {
    const m = grid.mergeOf(row, t.col);
    if (m && m.right > lastCol) lastCol = m.right;
  }

  const subAt = new Map(sub.map((s) => [s.col, s]));
  const leaves: Leaf[] = [];
  const topCols = top.map((t) => t.col);
  for (let i = 0; i < top.length; i++) {
    const t = top[i];
    // The columns this top cell stands over: its merged area, or up to the next top cell.
    const m = grid.mergeOf(row, t.col);
    const spanEnd = m ? m.right : (topCols[i + 1] ?? lastCol + 1) - 1;
    const subs = sub.filter((s) => s.col >= t.col && s.col <= spanEnd && s.cls);
    const groupHeader = subs.length >= 2 || (subs.length === 1 && subs[0].col !== t.col);
    if (groupHeader) continue;
    const s = subAt.get(t.col);
    if (s && s.cls) leaves.push({ col: t.col, cls: s.cls, text: s.text, headerRow: row + 1 });
    else leaves.push({ col: t.col, cls: t.cls, text: t.text, headerRow: row });
  }
  for (const s of sub) {
    if (!s.cls || leaves.some((l) => l.col === s.col)) continue;
    leaves.push({ col: s.col, cls: s.cls, text: s.text, headerRow: row + 1 });
  }
  leaves.sort((a, b) => a.col - b.col);

  const block: HeaderBlock = { rows, firstCol, lastCol, leaves };
  const next = rows[rows.length - 1] + 1;
  if (isNumberRow(grid, next, firstCol, lastCol)) block.numberRow = next;
  return block;
}
