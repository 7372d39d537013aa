// Fixture workbooks (copied from ../shared/fixtures) read with exceljs (test/support/exceljs-read.ts), an
// independent reader; test/xlsx reads them with our own reader (src/xlsx) and finds the same cells.
import path from 'path';
import ExcelJS from 'exceljs';
import type { Sheet } from '../../src/core/sheet';
import { workbookToSheets } from './exceljs-read';

export const FIXTURES = path.join(__dirname, '..', 'fixtures');
export const FIXTURE_NAMES = ['report-2025-h1-consulting-unit', 'report-2024-aimag-admin-dept', 'plan-2023-digital-year-soum'] as const;
export type FixtureName = (typeof FIXTURE_NAMES)[number];

export const fixturePath = (name: FixtureName) => path.join(FIXTURES, `${name}.xlsx`);

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

export async function fixtureSheets(name: FixtureName): Promise<Sheet[]> {
  return workbookToSheets(await readWorkbook(fixturePath(name))).map((s) => s.sheet);
}
