// Node only: an .xlsx from test/fixtures → FakeWorkbookData (through the
// CLI's reader, src/xlsx/read.ts), plus the engine's own view of the same
// file for comparisons.

import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { areaAddress, type Sheet } from '../../src/core/sheet';
import { workbookToSheets } from '../../src/xlsx/read';
import type { FakeSheetData, FakeWorkbookData } from './fake-excel';

export const FIXTURE_DIR = path.join(__dirname, '..', 'fixtures');

export function fixtureNames(): string[] {
  return fs
    .readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.xlsx'))
    .sort();
}

export async function readFixture(name: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(FIXTURE_DIR, name));
  return wb;
}

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

export interface LoadedFixture {
  data: FakeWorkbookData;
  /** The sheets as the CLI path reads them. */
  sheets: Sheet[];
}

export async function loadFixture(name: string): Promise<LoadedFixture> {
  const wb = await readFixture(name);
  const read = workbookToSheets(wb);
  return {
    data: { sheets: read.map((r) => sheetToFake(r.sheet, r.hidden)) },
    sheets: read.map((r) => r.sheet),
  };
}
