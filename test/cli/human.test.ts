// The lines the command line prints for writes it held back, and the fixes it counts.
import { fixCounts, skippedLines } from '../../src/cli/human';
import { analyzeWorkbook, type SkippedWrite } from '../../src/core';
import { fixtureSheets } from '../support/fixtures';
import { REPORT_HEADER, sheetOf } from '../support/sheet-builder';

const at = (reason: SkippedWrite['reason'], sheet: string, row: number, col: number, extra: Partial<SkippedWrite> = {}): SkippedWrite => ({ sheet, row, col, tableId: `${sheet}!A1`, reason, ...extra });

it('names each reason for what it is: the average moved, a protected sheet, merged cells, a protected workbook', () => {
  const lines = skippedLines(
    [
      at('no-free-row', 'Тайлан', 40, 7, { instead: 'Үнэлгээний хураангуй!E6' }),
      at('sheet-protected', 'Locked', 4, 7),
      at('sheet-protected', 'Locked', 5, 7),
      at('merged-cell', 'Тайлан', 9, 7),
      at('merged-cell', 'Тайлан', 10, 7),
      at('workbook-protected', 'Үнэлгээний хураангуй', 0, 0),
    ],
    'en',
  );
  expect(lines).toEqual([
    '  Тайлан!A1: the row under the table is taken, so its average is on the summary sheet (no row is inserted) (Үнэлгээний хураангуй!E6).',
    '  Locked: the sheet is protected, so nothing was written on it (H5:H6).',
    '  Тайлан: inside merged cells, so not written (Excel keeps no value there) (H10:H11).',
    '  Үнэлгээний хураангуй: the workbook structure is protected, so this sheet was not added.',
  ]);
});

it('counts the fixes offered alike whether they were planned (validate --json) or only their kinds given (validate), a shared renumbering once', async () => {
  const numbering = [sheetOf([REPORT_HEADER, [1, 'A', 'x', 1, 1, 1, 100], ['2.', 'B', 'x', 1, 1, 1, 100], ['2.', 'C', 'x', 1, 1, 1, 100], [5, 'D', 'x', 1, 1, 1, 100]])];
  expect(fixCounts(analyzeWorkbook(numbering, { planFixes: false }).findings)).toEqual({ safe: 0, review: 1 });
  for (const sheets of [numbering, await fixtureSheets('report-2024-aimag-admin-dept')]) {
    expect(fixCounts(analyzeWorkbook(sheets, { planFixes: false }).findings)).toEqual(fixCounts(analyzeWorkbook(sheets).findings));
  }
});

