// A generated sheet's columns are declared once: adding a column to the
// declared list moves every position after it, its width and header come
// along, and the chart's data beside the table moves over without losing its
// widths (the recipe that once shrank the chart's label column to 4).

import { analyzeWorkbook, chartPlace, columnIndex, columnLetter, columnOf, getProfile, planCompute, planRollup, rollupRows, type SheetColumn, type SheetLayout, type SummaryColumnKey } from '../../src/core';
import { rollupWords } from '../../src/i18n/rollup';
import { fixtureSheets } from '../support/fixtures';
import { ROLLUP_CELLS, SUMMARY_CELLS } from '../support/layout-cells';
import { REPORT_HEADER, sheetOf } from '../support/sheet-builder';
import { MN } from '../support/words';

/** A column the declared layouts do not have, put in before `before`. */
function withExtra<Key extends string>(layout: SheetLayout<Key>, before: Key): SheetLayout<Key> {
  const extra = { key: 'unrated', width: 11, header: { mn: 'Үнэлээгүй', en: 'Unrated' } } as unknown as SheetColumn<Key>;
  const at = columnOf(layout, before);
  return [...layout.slice(0, at), extra, ...layout.slice(at)];
}

const rows = [REPORT_HEADER, ['Зорилт 1. Нэг'], [1, 'A', 'x', 1, 1, 'Хийсэн', 100], [2, 'B', 'x', 1, 1, 'Хагас', 70], ['Үнэлгээ: 85 хувь']];

describe('a layout with one more column', () => {
  it('chartPlace puts the chart data after the last column, whatever the count, with the same widths', () => {
    const block = { gapWidths: [4, 4], categoryWidth: 40, valueWidth: 12 };
    const before = chartPlace(MN.columns, block);
    const after = chartPlace(withExtra(MN.columns, 'average'), block);
    expect(after.category).toBe(before.category + 1);
    expect([after.value, after.anchor]).toEqual([before.value + 1, before.anchor + 1]);
    expect(after.widths).toEqual([4, 4, 40, 12]);
  });

  it('the summary: positions, widths, headers, formulas and the chart follow', () => {
    const plain = planCompute([sheetOf(rows, { name: 'Тайлан' })], { words: MN }).plan.summary!;
    const columns = withExtra(MN.columns, 'average');
    const wider = planCompute([sheetOf(rows, { name: 'Тайлан' })], { words: { ...MN, columns } }).plan.summary!;
    const averageAt = columnOf(columns, 'average');
    expect(averageAt).toBe(SUMMARY_CELLS.col('average') + 1);
    // Every write keyed after the new column sits one column to the right, with the same value.
    const averageCell = wider.writes.find((write) => write.row === 5 && write.col === averageAt)!;
    expect(averageCell.value).toBe(SUMMARY_CELLS.cellOf(plain, 5, 'average')!.value);
    const letter = columnLetter(averageAt);
    expect(wider.writes.find((write) => write.row === 5 && write.col === columnOf(columns, 'fivePoint' as SummaryColumnKey))?.formula).toBe(`=IF(${letter}6="","",ROUND(${letter}6*0.05,2))`);
    // The header row names the new column; the widths carry its width at its place, the chart's after.
    expect(wider.writes.find((write) => write.row === 4 && write.col === averageAt - 1)?.value).toBe('Үнэлээгүй');
    expect(wider.columnWidths).toEqual([...columns.map((column) => column.width), 4, 4, 40, 12]);
    expect(plain.columnWidths.length + 1).toBe(wider.columnWidths.length);
    // The chart's labels and figures moved over by one and still link to the averages.
    const move = (range: string) => range.replace(/[A-Z]+/g, (letters) => columnLetter(columnIndex(letters) + 1));
    expect(wider.chart).toMatchObject({ categories: move(plain.chart!.categories), values: move(plain.chart!.values), anchor: move(plain.chart!.anchor) });
    expect(wider.print?.area?.right).toBe(columns.length - 1);
  });

  it('the roll-up: the rank formula, the widths and the chart data follow', async () => {
    const sheets = await fixtureSheets('report-2025-h1-consulting-unit');
    const input = { rows: rollupRows('c.xlsx', sheets, analyzeWorkbook(sheets, { words: MN })), findings: [], notRead: [], links: {} };
    const words = rollupWords('mn');
    const plain = planRollup(input, getProfile(undefined), words);
    const columns = withExtra(words.columns, 'average');
    const wider = planRollup(input, getProfile(undefined), { ...words, columns });
    const [plainSheet, widerSheet] = [plain.workbook.sheets[0], wider.workbook.sheets[0]];
    const letter = columnLetter(columnOf(columns, 'average'));
    expect(letter).not.toBe(ROLLUP_CELLS.letter('average'));
    expect(widerSheet.cells.find((cell) => cell.row === 5 && cell.col === columnOf(columns, 'rank'))?.formula).toBe(`=IF(${letter}6="","",RANK(${letter}6,${letter}$6:${letter}$6))`);
    expect(widerSheet.columnWidths).toEqual([...columns.map((column) => column.width), 3, 40, 10]);
    expect(plainSheet.columnWidths.length + 1).toBe(widerSheet.columnWidths.length);
    const move = (range: string) => range.replace(/[A-Z]+(?=\d)/g, (letters) => columnLetter(columnIndex(letters) + 1));
    expect(wider.chartData).toBe(move(plain.chartData!));
    expect(widerSheet.chart).toMatchObject({ categories: move(plainSheet.chart!.categories), values: move(plainSheet.chart!.values) });
  });
});
