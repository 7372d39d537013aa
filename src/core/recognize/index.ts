// Recognises every performance table on a sheet (docs/domain.md §1–2).

import { SheetGrid, cellAddress } from '../sheet';
import { cellText, upperShare } from '../text';
import type { ColumnOverride, Role, RowInfo, TableInfo, TableKind } from '../types';
import { scanBody, type BodyColumns } from './body';
import { decideColumns } from './columns';
import { isHeaderRow, readHeader, type Leaf } from './header';
import { DATE_LINE, PLACE_LINE, isSignatureLine, itemNumber } from './patterns';

/** Most items have no continuation rows: they share this empty list (never pushed to). */
const NO_ROWS: number[] = Object.freeze([]) as unknown as number[];

export interface Item {
  row: number;
  number?: string;
  groupId?: string;
  /** Continuation rows that belong to this item. */
  continuation: number[];
}

/** A recognised table with what the checks and scoring need beside the plain TableInfo. */
export interface RecognizedTable {
  info: TableInfo;
  items: Item[];
  roleCol: Partial<Record<Role, number>>;
  grid: SheetGrid;
}

function leafCol(leaves: Leaf[], role: Role): number | undefined {
  return leaves.find((l) => l.cls === role)?.col;
}

/** When no header cell says "Д/д", the first column still is the index if it holds item numbers. */
function indexByContent(grid: SheetGrid, start: number, col: number): number | undefined {
  let seen = 0;
  let numbers = 0;
  for (let row = start; row <= grid.lastRow && seen < 30; row++) {
    const value = grid.value(row, col);
    if (value === null || cellText(value) === '') continue;
    seen++;
    if (itemNumber(value) !== null) numbers++;
  }
  return seen >= 2 && numbers / seen >= 0.5 ? col : undefined;
}


/**
 * How many rows from `at` repeat the header, cell for cell (the header
 * repeated at the top of a printed page): its first row, and the next ones
 * as far as they match too; 0 when the row at `at` is another header.
 */
function repeatedRows(grid: SheetGrid, header: readonly number[], at: number, firstCol: number, lastCol: number): number {
  const text = (r: number, c: number) => cellText(grid.value(r, c)).replace(/\s+/g, ' ').trim();
  const same = (headerRow: number, row: number) => {
    for (let col = firstCol; col <= lastCol; col++) if (text(headerRow, col) !== text(row, col)) return false;
    return true;
  };
  let count = 0;
  while (count < header.length && same(header[count], at + count)) count++;
  return count;
}

/** The table's title: the nearest heading above the header (joined with the capitals line above it). */
function findTitle(grid: SheetGrid, headerRow: number, floor: number): string {
  const lines: string[] = [];
  for (let row = headerRow - 1; row > floor && row >= grid.firstRow && headerRow - row <= 8; row--) {
    let text = '';
    for (let col = grid.firstCol, end = grid.lastColIn(row); col <= end && !text; col++) text = cellText(grid.value(row, col));
    if (!text) {
      if (lines.length) break;
      continue;
    }
    if (DATE_LINE.test(text) || PLACE_LINE.test(text)) {
      if (lines.length) break;
      continue;
    }
    // Signature lines and names (Б.МӨНХЖАРГАЛ) above a heading belong to the previous block.
    if (isSignatureLine(text) || /[А-ЯӨҮЁ]\.\s?[А-ЯӨҮЁ]{3,}/.test(text) || /:\s*$/.test(text)) break;
    if (lines.length && upperShare(text) < 0.8) break;
    lines.unshift(text);
    if (upperShare(text) < 0.8 || lines.join(' ').length > 160) break;
  }
  return lines.join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * Every performance table on a sheet. In: the sheet's grid and the user's
 * column corrections. Out: per table its header rows, the role of each
 * column, its rows (items, groups, continuation rows, stated figures) and
 * where it ends — plain facts in `info`, plus what evaluation needs.
 */
export function recognizeSheet(grid: SheetGrid, overrides: ColumnOverride[] = []): RecognizedTable[] {
  const headerRows: number[] = [];
  for (let row = grid.firstRow; row <= grid.lastRow; row++) if (isHeaderRow(grid, row)) headerRows.push(row);

  const tables: RecognizedTable[] = [];
  let consumed = grid.firstRow - 1;
  for (const headerRow of headerRows) {
    if (headerRow <= consumed) continue;
    const block = readHeader(grid, headerRow);
    const headerEnd = block.rows[block.rows.length - 1];
    const start = (block.numberRow ?? headerEnd) + 1;
    const id = `${grid.name}!${cellAddress(headerRow, block.firstCol)}`;
    const mine = overrides.filter((o) => o.sheet === grid.name && o.headerRow === headerRow);
    const userRole = (role: Role) => mine.find((o) => o.role === role)?.col;

    const cols: BodyColumns = {
      firstCol: block.firstCol,
      lastCol: block.lastCol,
      index: userRole('index') ?? leafCol(block.leaves, 'index') ?? indexByContent(grid, start, block.firstCol),
      action: userRole('action') ?? leafCol(block.leaves, 'action'),
      goal: userRole('goal') ?? leafCol(block.leaves, 'goal'),
      percent: userRole('percent') ?? leafCol(block.leaves, 'percent'),
    };
    if (mine.some((o) => o.role === 'ignore' && o.col === cols.index)) cols.index = undefined;
    const stopAt = (r: number) => r > headerEnd && headerRows.includes(r) && r !== headerRow;
    const repeatedHeader = (r: number) => (stopAt(r) ? repeatedRows(grid, block.rows, r, block.firstCol, block.lastCol) : 0);
    let scan = scanBody(grid, id, start, cols, stopAt, repeatedHeader);
    const decision = decideColumns(grid, block.leaves, scan.itemRows, block, mine);
    const roleCol: Partial<Record<Role, number>> = {};
    for (const column of decision.columns) if (roleCol[column.role] === undefined) roleCol[column.role] = column.col;
    if (roleCol.percent !== cols.percent || roleCol.action !== cols.action) {
      // The percent or action column moved (shifted header, user's choice): read the rows again with it.
      scan = scanBody(grid, id, start, { ...cols, percent: roleCol.percent, action: roleCol.action }, stopAt, repeatedHeader);
    }

    const items: Item[] = [];
    // Indexed: once per table over every row, mostly before the optimising compiler gets to it.
    for (let i = 0; i < scan.rows.length; i++) {
      const scanned = scan.rows[i];
      if (scanned.kind === 'item') {
        const item: Item = { row: scanned.row, continuation: NO_ROWS };
        if (scanned.number) item.number = scanned.number;
        if (scanned.groupId) item.groupId = scanned.groupId;
        items.push(item);
      } else if (scanned.kind === 'continuation' && scanned.itemRow !== undefined) {
        // A continuation row continues the item read last (the scan's current item); the rows come in order.
        const item = items[items.length - 1];
        if (item?.row !== scanned.itemRow) continue;
        if (item.continuation === NO_ROWS) item.continuation = [scanned.row];
        else item.continuation.push(scanned.row);
      }
    }

    const has = (role: Role) => roleCol[role] !== undefined;
    const kind: TableKind = has('points') ? 'score' : has('percent') || has('achieved') ? 'report' : 'plan';
    const rows: RowInfo[] = scan.rows;
    if (block.numberRow !== undefined) rows.unshift({ row: block.numberRow, kind: 'numbers' });
    const lastCol = Math.max(block.lastCol, ...decision.columns.map((c) => c.col));
    const info: TableInfo = {
      id,
      sheet: grid.name,
      title: findTitle(grid, headerRow, consumed),
      kind,
      headerRows: block.rows,
      firstRow: headerRow,
      lastRow: Math.max(scan.lastRow, block.numberRow ?? headerEnd),
      firstCol: block.firstCol,
      lastCol,
      columns: decision.columns,
      rows,
      groups: scan.groups,
      stated: scan.stated,
    };
    if (block.numberRow !== undefined) info.numberRow = block.numberRow;
    tables.push({ info, items, roleCol, grid });
    consumed = info.lastRow;
  }
  return tables;
}
