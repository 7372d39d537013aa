// The rows under a header: items, continuation rows, groups, stated results,
// and where the table ends.

import type { SheetGrid } from '../sheet';
import { cellText } from '../text';
import { parsePercentCell, parseValue } from '../values';
import type { GroupInfo, RowInfo, StatedFigure } from '../types';
import { groupHeading, isSeparator, isSignatureLine, itemNumber, numberInText, statedLabel, type StatedLabel } from './patterns';

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
  for (let column = from, end = Math.min(to, grid.lastColIn(row)); column <= end; column++) {
    if (grid.isMergedSlave(row, column)) continue;
    const value = grid.value(row, column);
    if (value === null) continue;
    const text = cellText(value);
    if (text !== '') out.push({ col: column, text });
  }
  return out;
}

const startsLower = (text: string) => /^[a-zа-яөүё]/.test(text);

interface OpenGroup {
  info: GroupInfo;
  rank: number;
}

/** What a row is decided to be, and whether the scan goes on after it. */
type Step = 'next' | 'stop';

/**
 * Walks the rows under a header, deciding each row's kind: an item (it has
 * a number, or its own action and rating), a group heading, a stated
 * figure, a continuation of the item above, a note, or blank; and where the
 * table ends (a signature line, a separator, three blank rows, the next
 * header, a stated figure with nothing after it). The table's own header
 * repeated right under its rows is skipped, not an end.
 */
class BodyScanner {
  readonly rows: RowInfo[] = [];
  readonly groups: GroupInfo[] = [];
  readonly stated: StatedFigure[] = [];
  readonly itemRows: number[] = [];
  private readonly stack: OpenGroup[] = [];
  private currentItem: number | undefined;
  private blankRun = 0;
  private pendingStated: StatedFigure | undefined;
  private previousKind: RowInfo['kind'] | undefined;
  private goalKey: string | undefined;

  constructor(
    private readonly grid: SheetGrid,
    private readonly tableId: string,
    private readonly cols: BodyColumns,
    private readonly stopAt: (row: number) => boolean,
    private readonly repeatedHeader: (row: number) => number = () => 0,
  ) {}

  scan(start: number): BodyScan {
    for (let row = start; row <= this.grid.lastRow; row++) {
      // The table's own header again, right under its rows (as printed forms repeat it at the top of a page): the table goes on.
      const repeat = this.previousKind === 'item' || this.previousKind === 'continuation' || this.previousKind === 'group' ? this.repeatedHeader(row) : 0;
      if (repeat > 0) {
        for (let k = 0; k < repeat; k++) this.rows.push({ row: row + k, kind: 'blank' });
        row += repeat - 1;
        continue;
      }
      if (this.stopAt(row) || this.step(row) === 'stop') break;
    }
    return this.result(start);
  }

  private step(row: number): Step {
    const { grid, cols } = this;
    const number = cols.index !== undefined ? itemNumber(grid.value(row, cols.index)) : null;
    if (number !== null) {
      // Most rows are items: no need to look at their other cells here.
      this.blankRun = 0;
      this.closePendingAsGroup();
      this.addItem(row, number);
      return 'next';
    }
    const cells = rowCells(grid, row, cols.firstCol, cols.lastCol);
    const beyond = cols.lastCol < grid.lastCol ? rowCells(grid, row, cols.lastCol + 1, grid.lastCol) : [];
    if (cells.length === 0 && beyond.length === 0) return this.blank(row);
    this.blankRun = 0;
    const first = cells[0] ?? beyond[0];
    if (isSignatureLine(first.text) || isSeparator(first.text)) return 'stop';

    if (this.pendingStated) {
      // A stated result closes a group when more items follow (perhaps under a new heading), else the table.
      if (!this.headingThenItem(row)) return 'stop';
      this.closePendingAsGroup();
    }
    const label = cells.length <= 3 ? statedLabel(first.text) : null;
    if (label) return this.statedRow(row, first, cells, label);

    const spanning =
      beyond.length === 0 && cells.every((c) => c.col <= cols.firstCol + 1) && (cells.length === 1 || cells[1].col === cols.firstCol + 1);
    if (spanning && cells.length >= 1 && cols.goal === undefined) return this.spanningRow(row, cells);
    return this.cellsRow(row);
  }

  private blank(row: number): Step {
    this.blankRun++;
    if (this.blankRun >= MAX_BLANK_RUN && this.itemRows.length > 0) return 'stop';
    this.rows.push({ row, kind: 'blank' });
    return 'next';
  }

  private closePendingAsGroup(): void {
    if (!this.pendingStated) return;
    this.pendingStated.scope = 'group';
    this.pendingStated = undefined;
  }

  private statedRow(row: number, first: RowCell, cells: RowCell[], label: StatedLabel): Step {
    const figure = statedFigure(this.grid, row, first, cells.slice(1), label, this.cols);
    figure.groupId = this.innermost();
    this.pendingStated = figure;
    this.stated.push(figure);
    this.rows.push({ row, kind: 'stated', groupId: this.innermost() });
    this.previousKind = 'stated';
    return 'next';
  }

  /** Text only in the first cells: a group heading, a note, or the item above continuing. */
  private spanningRow(row: number, cells: RowCell[]): Step {
    const text = cells.map((c) => c.text).join(' ');
    const heading = startsLower(text) ? null : groupHeading(text);
    if (startsLower(text)) this.push(row, this.currentItem !== undefined ? 'continuation' : 'note');
    else if (heading) this.heading(row, cells[0].col, text, heading.rank, heading.number);
    else if (this.previousKind === 'group' || (this.previousKind === 'note' && this.currentItem === undefined)) this.push(row, 'note');
    else if (this.currentItem !== undefined) this.push(row, 'continuation');
    else this.heading(row, cells[0].col, text, 1);
    return 'next';
  }

  /**
   * Several cells, no number: the item above continues (a Word paste split its cells),
   * unless the row carries its own action text and rating, or the table has no numbers at all.
   */
  private cellsRow(row: number): Step {
    const { grid, cols } = this;
    const actionText = cols.action !== undefined ? cellText(grid.value(row, cols.action)) : '';
    const ownAction = actionText !== '' && !startsLower(actionText);
    const rated =
      cols.percent !== undefined && parsePercentCell(grid.value(row, cols.percent), grid.numberFormat(row, cols.percent)).kind === 'rating';
    if (cols.index === undefined ? ownAction : ownAction && rated) this.addItem(row, undefined);
    else this.push(row, this.currentItem !== undefined ? 'continuation' : 'note');
    return 'next';
  }

  /** A group heading at `row` with an item row right after it (blank rows aside). */
  private headingThenItem(row: number): boolean {
    const { grid, cols } = this;
    const cells = rowCells(grid, row, cols.firstCol, cols.lastCol);
    if (cells.length === 0 || !groupHeading(cells[0].text) || cols.index === undefined) return false;
    for (let k = row + 1; k <= Math.min(grid.lastRow, row + 4); k++) {
      if (this.stopAt(k)) return false;
      const next = rowCells(grid, k, cols.firstCol, cols.lastCol);
      if (next.length === 0) continue;
      return itemNumber(grid.value(k, cols.index)) !== null || (next.length === 1 && !!groupHeading(next[0].text) && this.headingThenItem(k));
    }
    return false;
  }

  private innermost(): string | undefined {
    return this.stack[this.stack.length - 1]?.info.id;
  }

  private openGroup(row: number, col: number, label: string, rank: number, number?: string): GroupInfo {
    const stack = this.stack;
    while (stack.length && stack[stack.length - 1].rank >= rank) stack.pop();
    const parent = stack[stack.length - 1];
    const info: GroupInfo = {
      id: `${this.tableId}#${row + 1}`,
      row,
      col,
      label: label.replace(/\s+/g, ' ').trim(),
      level: stack.length,
      itemRows: [],
    };
    if (parent) info.parentId = parent.info.id;
    if (number) info.number = number;
    this.groups.push(info);
    stack.push({ info, rank });
    return info;
  }

  private heading(row: number, col: number, text: string, rank: number, number?: string): void {
    const group = this.openGroup(row, col, text, rank, number);
    this.rows.push({ row, kind: 'group', groupId: group.id });
    this.previousKind = 'group';
  }

  private push(row: number, kind: RowInfo['kind']): void {
    const info: RowInfo = { row, kind, groupId: this.innermost() };
    if (kind === 'continuation') info.itemRow = this.currentItem;
    this.rows.push(info);
    this.previousKind = kind;
  }

  private addItem(row: number, number: string | null | undefined): void {
    const { grid, cols } = this;
    if (cols.goal !== undefined) {
      // Goals given as a column, vertically merged over their actions.
      const merge = grid.mergeOf(row, cols.goal);
      const text = cellText(grid.shownValue(row, cols.goal));
      const key = text === '' ? this.goalKey : `${merge ? merge.top : row}:${text}`;
      if (text !== '' && key !== this.goalKey) {
        this.openGroup(merge ? merge.top : row, cols.goal, text, 2);
        this.goalKey = key;
      }
    }
    const info: RowInfo = { row, kind: 'item', groupId: this.innermost() };
    if (number) info.number = number;
    this.rows.push(info);
    this.itemRows.push(row);
    for (const openGroup of this.stack) openGroup.info.itemRows.push(row);
    this.currentItem = row;
    this.previousKind = 'item';
  }

  private result(start: number): BodyScan {
    // Headings and notes after the last item belong to whatever follows (a next table's title).
    let end = this.rows.length;
    while (end > 0 && ['group', 'note', 'blank'].includes(this.rows[end - 1].kind)) end--;
    const kept = this.rows.slice(0, end);
    const lastRow = kept.length ? kept[kept.length - 1].row : start - 1;
    return {
      rows: kept,
      groups: this.groups.filter((g) => g.row <= lastRow && g.itemRows.length > 0),
      stated: this.stated,
      itemRows: this.itemRows,
      lastRow,
    };
  }
}

/**
 * The rows of one table, from `start` (the first row under the header and
 * the column-number row) until the table ends. In: the grid, the table's id
 * and key columns, and where the next header starts (`stopAt`). Out: each
 * row's kind, the groups, the stated figures, the item rows, the last row.
 */
export function scanBody(grid: SheetGrid, tableId: string, start: number, cols: BodyColumns, stopAt: (row: number) => boolean, repeatedHeader?: (row: number) => number): BodyScan {
  return new BodyScanner(grid, tableId, cols, stopAt, repeatedHeader).scan(start);
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
    const cell = rest[i];
    const cellValue = grid.value(row, cell.col);
    // A percent-formatted 0.858 states 85.8.
    const parsed = typeof cellValue === 'number' ? parseValue(cellValue, grid.numberFormat(row, cell.col)) : null;
    const value = parsed?.kind === 'number' ? parsed.value : typeof cellValue === 'number' ? cellValue : numberInText(cell.text);
    if (value !== null) {
      return {
        row,
        col: cell.col,
        label: label.label,
        value,
        text: cell.text,
        formula: grid.formula(row, cell.col),
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
