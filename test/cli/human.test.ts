// The lines the command line prints for writes it held back, for an annex 8 evaluation's parts, and the fixes it counts.
import { fixCounts, humanAnalysis, skippedLines } from '../../src/cli/human';
import { analyzeWorkbook, type SkippedWrite } from '../../src/core';
import { annex8Sheet } from '../support/annex8';
import { fixtureSheets } from '../support/fixtures';
import { REPORT_HEADER, sheetOf } from '../support/sheet-builder';
import { MN } from '../support/words';
import { SUMMARY_CELLS } from '../support/layout-cells';

const AVERAGE_CELL = SUMMARY_CELLS.address('average', 6);

const at = (reason: SkippedWrite['reason'], sheet: string, row: number, col: number, extra: Partial<SkippedWrite> = {}): SkippedWrite => ({ sheet, row, col, tableId: `${sheet}!A1`, reason, ...extra });

it('names each reason for what it is: the average moved, a protected sheet, merged cells, a protected workbook', () => {
  const lines = skippedLines(
    [
      at('no-free-row', 'Тайлан', 40, 7, { instead: `Үнэлгээний хураангуй!${AVERAGE_CELL}` }),
      at('sheet-protected', 'Locked', 4, 7),
      at('sheet-protected', 'Locked', 5, 7),
      at('merged-cell', 'Тайлан', 9, 7),
      at('merged-cell', 'Тайлан', 10, 7),
      at('workbook-protected', 'Үнэлгээний хураангуй', 0, 0),
    ],
    'en',
  );
  expect(lines).toEqual([
    `  Тайлан!A1: the row under the table is taken, so its average is on the summary sheet (no row is inserted) (Үнэлгээний хураангуй!${AVERAGE_CELL}).`,
    '  Locked: the sheet is protected, so nothing was written on it (H5:H6).',
    '  Тайлан: inside merged cells, so not written (Excel keeps no value there) (H10:H11).',
    '  Үнэлгээний хураангуй: the workbook structure is protected, so this sheet was not added.',
  ]);
});

it('says where figures were written as values and which formulas were kept', () => {
  const lines = skippedLines(
    [
      at('formula-as-value', 'Үнэлгээний хураангуй', 5, SUMMARY_CELLS.col('rated'), { formula: "=COUNT('[1]Тайлан'!G2:G5)" }),
      at('formula-as-value', 'Үнэлгээний хураангуй', 6, SUMMARY_CELLS.col('rated'), { formula: "=COUNT('[1]Тайлан'!G3:G4)" }),
      at('formula-kept', 'Тайлан', 4, 6, { formula: '=F5/E5' }),
    ],
    'en',
  );
  expect(lines).toEqual([
    `  Үнэлгээний хураангуй: written as values: no formula there would show the figure the tool reports (the cells it would read do not hold what the tool counts — a percent that could not be written, a rating held as text, a sheet a formula cannot name) (${SUMMARY_CELLS.address('rated', 6)}:${SUMMARY_CELLS.address('rated', 7)}).`,
    '  Тайлан: these cells hold formulas, which are kept (a formula is never replaced by a constant) (G5).',
  ]);
});

it("an annex 8 evaluation's sections print their average without a grade (no \"(null · undefined)\")", () => {
  const text = humanAnalysis('a8.xlsx', analyzeWorkbook([annex8Sheet().sheet], { words: MN }), 'en');
  expect(text).toMatch(/average 9\d(\.\d)?%,?/);
  expect(text).not.toMatch(/null|undefined/);
});

it('counts the fixes offered alike whether they were planned (validate --json) or only their kinds given (validate), a shared renumbering once', async () => {
  const numbering = [sheetOf([REPORT_HEADER, [1, 'A', 'x', 1, 1, 1, 100], ['2.', 'B', 'x', 1, 1, 1, 100], ['2.', 'C', 'x', 1, 1, 1, 100], [5, 'D', 'x', 1, 1, 1, 100]])];
  expect(fixCounts(analyzeWorkbook(numbering, { planFixes: false }).findings)).toEqual({ safe: 0, review: 1 });
  for (const sheets of [numbering, await fixtureSheets('report-2024-aimag-admin-dept')]) {
    expect(fixCounts(analyzeWorkbook(sheets, { planFixes: false }).findings)).toEqual(fixCounts(analyzeWorkbook(sheets).findings));
  }
});

