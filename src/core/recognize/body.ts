// The rows under a header: items, continuation rows, groups, stated results,
// and where the table ends.

import type { SheetGrid } from '../sheet';
import { cellText } from '../text';
import { parsePercentCell, parseValue } from '../values';
import type { GroupInfo, RowInfo, StatedFigure } from '../types';
import { groupHeading, isSeparator, isSignatureLine, itemNumber, numberInText, statedLabel } from './patterns';

/** Blank rows in a row that end a table. */
const MAX_BLANK_RUN = 3;

export interface BodyColumns {
  firstCol: number;
  lastCol: number;
  index?: number;
  action?: number;
  goal?: number;
  percent?: number;
}

export interface BodyScan {
  rows: RowInfo[];
  groups: GroupInfo[];
  stated: StatedFigure[];
  itemRows: number[];
  lastRow: number;
}

interface RowCell {
  col: number;
  text: string;
}

function rowCells(grid: SheetGrid, row: number, from: number, to: number): RowCell[] {
  const out: RowCell[] = [];
  for (let c = from, end = Math.min(to, grid.lastColIn(row)); c <= end; c++) {
    if (grid.isMergedSlave(row, c)) continue;
    const v = grid.value(row, c);
    if (v === null) continue;
    const text = cellText(v);
    if (text !== '') out.push({ col: c, text });
  }
  return out;
}

const startsLower = (t: string) => /^[a-zа-яөүё]/.test(t);

interface OpenGroup {
  info: GroupInfo;
  rank: number;
}

export function scanBody(
  grid: SheetGrid,
  tableId: string,
  start: number,
  cols: BodyColumns,
  stopAt: (row: number) => boolean,
): BodyScan {
  const rows: RowInfo[] = [];
  const groups: GroupInfo[] = [];
  const stated: StatedFigure[] = [];
  const itemRows: number[] = [];
  const stack: OpenGroup[] = [];
  let currentItem: number | undefined;
  let blankRun = 0;
  let pendingStated: StatedFigure | undefined;
  let prevKind: RowInfo['kind'] | undefined;
  let goalKey: string | undefined;

  const openGroup = (row: number, col: number, label: string, rank: number, number?: string) => {
    while (stack.length && stack[stack.length - 1].rank >= rank) stack.pop();
    const parent = stack[stack.length - 1];
    const info: GroupInfo = {
      id: `${tableId}#${row + 1}`,
      row,
      col,
      label: label.replace(/\s+/g, ' ').trim(),
      level: stack.length,
      itemRows: [],
    };
    if (parent) info.parentId = parent.info.id;
    if (number) info.number = number;
    groups.push(info);
    stack.push({ info, rank });
    return info;
  };
  const innermost = () => stack[stack.length - 1]?.info.id;

  let row = start;
  for (; row <= grid.lastRow; row++) {
    if (stopAt(row)) break;
    const num = cols.index !== undefined ? itemNumber(grid.value(row, cols.index)) : null;
    if (num !== null) {
      // Most rows are items: no need to look at their other cells here.
      blankRun = 0;
      if (pendingStated) {
        pendingStated.scope = 'group';
        pendingStated = undefined;
      }
      addItem(row, num);
      continue;
    }
    const cells = rowCells(grid, row, cols.firstCol, cols.lastCol);
    const beyond = cols.lastCol < grid.lastCol ? rowCells(grid, row, cols.lastCol + 1, grid.lastCol) : [];
    if (cells.length === 0 && beyond.length === 0) {
      blankRun++;
      if (blankRun >= MAX_BLANK_RUN && itemRows.length > 0) break;
      rows.push({ row, kind: 'blank' });
      continue;
    }
    blankRun = 0;
    const first = cells[0] ?? beyond[0];
    if (isSignatureLine(first.text) || isSeparator(first.text)) break;

    if (pendingStated) {
      // A stated result closes a group when more items follow (perhaps under a new heading), else the table.
      if (!headingThenItem(row)) break;
      pendingStated.scope = 'group';
      pendingStated = undefined;
    }

    const label = cells.length <= 3 ? statedLabel(first.text) : null;
    if (label) {
      pendingStated = statedFigure(grid, row, first, cells.slice(1), label, cols);
      pendingStated.groupId = innermost();
      stated.push(pendingStated);
      rows.push({ row, kind: 'stated', groupId: innermost() });
      prevKind = 'stated';
      continue;
    }

    const spanning =
      beyond.length === 0 && cells.every((c) => c.col <= cols.firstCol + 1) && (cells.length === 1 || cells[1].col === cols.firstCol + 1);
    if (spanning && cells.length >= 1 && cols.goal === undefined) {
      const text = cells.map((c) => c.text).join(' ');
      const heading = startsLower(text) ? null : groupHeading(text);
      if (startsLower(text)) push(currentItem !== undefined ? 'continuation' : 'note');
      else if (heading) {
        const g = openGroup(row, cells[0].col, text, heading.rank, heading.number);
        rows.push({ row, kind: 'group', groupId: g.id });
        prevKind = 'group';
      } else if (prevKind === 'group' || (prevKind === 'note' && currentItem === undefined)) push('note');
      else if (currentItem !== undefined) push('continuation');
      else {
        const g = openGroup(row, cells[0].col, text, 1);
        rows.push({ row, kind: 'group', groupId: g.id });
        prevKind = 'group';
      }
      continue;
    }

    // Several cells, no number: the item above continues (a Word paste split its cells),
    // unless the row carries its own action text and rating, or the table has no numbers at all.
    const actionText = cols.action !== undefined ? cellText(grid.value(row, cols.action)) : '';
    const ownAction = actionText !== '' && !startsLower(actionText);
    const rated =
      cols.percent !== undefined && parsePercentCell(grid.value(row, cols.percent), grid.numberFormat(row, cols.percent)).kind === 'rating';
    if (cols.index === undefined ? ownAction : ownAction && rated) addItem(row, undefined);
    else push(currentItem !== undefined ? 'continuation' : 'note');
  }

  /** A group heading at `r` with an item row right after it (blank rows aside). */
  function headingThenItem(r: number): boolean {
    const cells = rowCells(grid, r, cols.firstCol, cols.lastCol);
    if (cells.length === 0 || !groupHeading(cells[0].text) || cols.index === undefined) return false;
    for (let k = r + 1; k <= Math.min(grid.lastRow, r + 4); k++) {
      if (stopAt(k)) return false;
      const next = rowCells(grid, k, cols.firstCol, cols.lastCol);
      if (next.length === 0) continue;
      return itemNumber(grid.value(k, cols.index)) !== null || (next.length === 1 && !!groupHeading(next[0].text) && headingThenItem(k));
    }
    return false;
  }

  function push(kind: RowInfo['kind']) {
    const info: RowInfo = { row, kind, groupId: innermost() };
    if (kind === 'continuation') info.itemRow = currentItem;
    rows.push(info);
    prevKind = kind;
  }

  function addItem(r: number, num: string | null | undefined) {
    if (cols.goal !== undefined) {
      // Goals given as a column, vertically merged over their actions.
      const m = grid.mergeOf(r, cols.goal);
      const text = cellText(grid.shownValue(r, cols.goal));
      const key = text === '' ? goalKey : `${m ? m.top : r}:${text}`;
      if (text !== '' && key !== goalKey) {
        openGroup(m ? m.top : r, cols.goal, text, 2);
        goalKey = key;
      }
    }
    const info: RowInfo = { row: r, kind: 'item', groupId: innermost() };
    if (num) info.number = num;
    rows.push(info);
    itemRows.push(r);
    for (const g of stack) g.info.itemRows.push(r);
    currentItem = r;
    prevKind = 'item';
  }

  // Headings and notes after the last item belong to whatever follows (a next table's title).
  let end = rows.length;
  while (end > 0 && ['group', 'note', 'blank'].includes(rows[end - 1].kind)) end--;
  const kept = rows.slice(0, end);
  const lastRow = kept.length ? kept[kept.length - 1].row : start - 1;
  return {
    rows: kept,
    groups: groups.filter((g) => g.row <= lastRow && g.itemRows.length > 0),
    stated,
    itemRows,
    lastRow,
  };
}

function statedFigure(
  grid: SheetGrid,
  row: number,
  labelCell: RowCell,
  rest: RowCell[],
  label: { kind: StatedFigure['kind']; label: string },
  cols: BodyColumns,
): StatedFigure {
  // The number sits in the label ("Үнэлгээ: 85.8 хувь") or further right ("… хувь | 97.5 хувь").
  for (let i = rest.length - 1; i >= 0; i--) {
    const c = rest[i];
    const v = grid.value(row, c.col);
    // A percent-formatted 0.858 states 85.8.
    const parsed = typeof v === 'number' ? parseValue(v, grid.numberFormat(row, c.col)) : null;
    const value = parsed?.kind === 'number' ? parsed.value : typeof v === 'number' ? v : numberInText(c.text);
    if (value !== null) {
      return {
        row,
        col: c.col,
        label: label.label,
        value,
        text: c.text,
        formula: grid.formula(row, c.col),
        kind: label.kind,
        scope: 'table',
      };
    }
  }
  const inLabel = numberInText(labelCell.text);
  const merged = grid.mergeOf(row, labelCell.col);
  const labelOnly = inLabel === null && !(merged && merged.right >= (cols.percent ?? cols.lastCol));
  // "Дундаж:" with nothing beside it: the figure belongs in the percent column (or the next cell).
  const col = labelOnly ? (cols.percent !== undefined && cols.percent > labelCell.col ? cols.percent : labelCell.col + 1) : labelCell.col;
  return {
    row,
    col,
    label: label.label.replace(/\s*[:：]?\s*\d+(?:[.,]\d+)?\s*(?:%|хувь|оноо)?\.?$/i, '').trim(),
    value: inLabel,
    text: labelOnly ? '' : labelCell.text,
    formula: grid.formula(row, col),
    kind: label.kind,
    scope: 'table',
  };
}
