// The engine's Sheet → the fake Excel's sheet data. Pure (no Node APIs): the
// tests (load-fixture.ts) and the browser preview (src/preview/sample.ts) share it.
import { areaAddress, type Sheet } from '../core';
import type { FakeSheetData } from './excel';

export function sheetToFake(sheet: Sheet, hidden = false): FakeSheetData {
  return {
    name: sheet.name,
    startRow: sheet.startRow,
    startCol: sheet.startCol,
    values: sheet.values.map((r) => r.slice()),
    numberFormats: sheet.numberFormats?.map((r) => r.slice()),
    formulas: sheet.formulas?.map((r) => r.slice()),
    merges: sheet.merges.map(areaAddress),
    visibility: hidden ? 'Hidden' : 'Visible',
  };
}
