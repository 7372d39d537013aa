// Node only: an .xlsx from test/fixtures → FakeWorkbookData (through the
// exceljs bridge, exceljs-read.ts), plus the engine's own view of the same
// file for comparisons.

import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { Sheet } from '../../src/core/sheet';
import { workbookToSheets } from './exceljs-read';
import { FIXTURES, readWorkbook } from './fixtures';
import type { FakeWorkbookData } from '../../src/in-memory-excel/excel';
import { sheetToFake } from '../../src/in-memory-excel/data';

export const FIXTURE_DIR = FIXTURES;

export function fixtureNames(): string[] {
  return fs
    .readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.xlsx'))
    .sort();
}

const readFixture = (name: string): Promise<ExcelJS.Workbook> => readWorkbook(path.join(FIXTURE_DIR, name));

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
