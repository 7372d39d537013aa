// What the page's worker sends with a roll-up's file besides its bytes: how
// the workbook looks, from the engine's plan of it (column widths, bold
// headers, the cells that open the files rolled up, the chart) — what the
// .xlsx reader does not read. Only that, so the page is not sent every cell twice.
// rollup-view.ts puts it on the fake Excel the sheet view shows.

import type { SummaryChart, WorkbookPlan } from '../core';

/** How one sheet of the roll-up looks (what the reader does not read). */
interface SheetLook {
  name: string;
  /** Column widths in characters, from column A. */
  columnWidths: number[];
  /** Cells in bold, [row, column] (0-based). */
  bold: [number, number][];
  /**
   * Cells the page opens a file from: where each file's name is written,
   * the target the file's name on the page. The page holds the files it
   * rolled up; the file it writes links only where a location is known (a
   * browser's file has none: its name there is text).
   */
  links: { row: number; col: number; target: string }[];
  chart: SummaryChart | null;
}

export type RollupLook = SheetLook[];

/** What the sheet view needs of the plan, and nothing else. */
export function rollupLook(plan: WorkbookPlan): RollupLook {
  return plan.sheets.map((sheet) => ({
    name: sheet.name,
    columnWidths: sheet.columnWidths.slice(),
    bold: sheet.cells.filter((c) => c.bold).map((c): [number, number] => [c.row, c.col]),
    links: (sheet.fileCells ?? []).map((f) => ({ row: f.row, col: f.col, target: f.file })),
    chart: sheet.chart ?? null,
  }));
}
