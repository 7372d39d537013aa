// Tests read the sheets the tool generates by column key, not by letter: the
// summary's 'average', the roll-up's 'rank', the findings sheet's 'cell'.
// Each sheet's columns are declared once (src/i18n); these helpers turn a key
// into its column, its letter or its A1 address, and find a planned cell by
// row and key, so a test keeps passing when a column is added before another.

import { cellAddress, columnLetter, columnOf, EVALUATION_COLUMNS } from '../../src/core';
import { FINDINGS_COLUMNS } from '../../src/i18n/findings-sheet';
import { NOT_READ_COLUMNS, ROLLUP_COLUMNS, ROLLUP_FINDINGS_COLUMNS } from '../../src/i18n/rollup';
import { SUMMARY_COLUMNS } from '../../src/i18n/sheet-words';

/** A planned cell: a write of an edit plan or a cell of a new workbook's sheet (0-based row and column). */
interface PlannedAt {
  row: number;
  col: number;
}

/** A sheet plan: its writes (an edit plan's sheet) or its cells (a new workbook's sheet). */
type PlanOf<Cell> = { writes: readonly Cell[] } | { cells: readonly Cell[] };

/** One generated sheet's columns, read by key. */
export interface LayoutCells<Key extends string> {
  /** The sheet's columns, left to right. */
  layout: readonly { key: Key }[];
  /** The 0-based column of a key. */
  col(key: Key): number;
  /** The column's letters ("E"). */
  letter(key: Key): string;
  /** The A1 address of the key's cell on a row numbered as Excel shows it (1-based): address('average', 6) is "E6" on the summary. */
  address(key: Key, excelRow: number): string;
  /** The planned cell at a 0-based row (as plans count) in the key's column; undefined when none. */
  cellOf<Cell extends PlannedAt>(plan: PlanOf<Cell>, row: number, key: Key): Cell | undefined;
}

/** Helpers over one layout. */
function layoutCells<Key extends string>(layout: readonly { key: Key }[]): LayoutCells<Key> {
  const col = (key: Key) => columnOf(layout, key);
  return {
    layout,
    col,
    letter: (key) => columnLetter(col(key)),
    address: (key, excelRow) => cellAddress(excelRow - 1, col(key)),
    cellOf: (plan, row, key) => {
      const cells = 'writes' in plan ? plan.writes : plan.cells;
      return cells.find((cell) => cell.row === row && cell.col === col(key));
    },
  };
}

/** The summary sheet Compute writes ("Үнэлгээний хураангуй"). */
export const SUMMARY_CELLS = layoutCells(SUMMARY_COLUMNS);
/** The roll-up sheet ("Нэгтгэл"). */
export const ROLLUP_CELLS = layoutCells(ROLLUP_COLUMNS);
/** The roll-up's findings sheet ("Алдаа, дутуу" of the roll-up workbook). */
export const ROLLUP_FINDINGS_CELLS = layoutCells(ROLLUP_FINDINGS_COLUMNS);
/** The roll-up's sheet of files not read ("Уншигдаагүй"). */
export const NOT_READ_CELLS = layoutCells(NOT_READ_COLUMNS);
/** The checked copy's findings sheet ("Алдаа, дутуу"). */
export const FINDINGS_CELLS = layoutCells(FINDINGS_COLUMNS);
/** The annex 8 evaluation sheet ("8-р хавсралт"): number, text, figure (percent, rating), points. */
export const EVALUATION_CELLS = layoutCells(EVALUATION_COLUMNS);
