// The roll-up shown in the page's sheet view. The page opens the roll-up's
// file as it opens any workbook (the worker reads its bytes: the cells, the
// formulas and their results, the number formats); the reader leaves out
// how the file looks, which this puts back from the engine's plan of the
// same workbook (rollup-look.ts): column widths, bold headers, the links to
// the files, the chart. And the results the file carries for its formulas:
// the fake Excel evaluates only the functions the engine writes into
// reports (ROUND, AVERAGE, IF…), not the roll-up's RANK, COUNTA, COUNTIF and
// SUMPRODUCT, so the sheet view shows the file's result where the fake
// cannot compute one.

import { widthPoints } from '../excel/apply';
import type { FakeExcel } from '../in-memory-excel/excel';
import type { OpenedBook } from './book';
import type { RollupLook } from './rollup-look';

const quoted = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

/** Puts the look on the roll-up's sheets in the fake Excel (by name: the file's sheets are the plan's). */
export function dressRollup(fake: FakeExcel, look: RollupLook): void {
  for (const sheetLook of look) {
    const sheet = fake.model.byName(sheetLook.name);
    if (!sheet) continue;
    sheetLook.columnWidths.forEach((chars, col) => sheet.widths.set(col, widthPoints(chars)));
    for (const [row, col] of sheetLook.bold) sheet.edit(row, col, (cell) => (cell.b = true));
    for (const link of sheetLook.links) sheet.edit(link.row, link.col, (cell) => (cell.link = link.target));
    const chart = sheetLook.chart;
    if (chart) {
      sheet.charts.push({
        type: 'ColumnClustered',
        source: `${quoted(sheet.name)}!${chart.values}`,
        seriesBy: 'Columns',
        title: chart.title,
        xValues: `${quoted(sheet.name)}!${chart.categories}`,
        legend: false,
        position: chart.anchor,
      });
    }
  }
}

/** Keeps each formula's result as the file has it (the fake's cell value beside its formula), for the sheet view to show where the fake cannot evaluate it. */
export function keepFileResults(fake: FakeExcel, opened: OpenedBook): void {
  for (const { name, sheet: read } of opened.sheets) {
    const sheet = fake.model.byName(name);
    if (!sheet || !read.formulas) continue;
    read.formulas.forEach((row, i) =>
      row?.forEach((formula, j) => {
        const value = read.values[i]?.[j];
        if (formula && value !== null && value !== undefined && value !== '') sheet.edit(read.startRow + i, read.startCol + j, (cell) => (cell.v = value));
      }),
    );
  }
}
