// A sample workbook for the preview: fetched from samples/<name>.xlsx (the
// fixtures the build copies), parsed in the browser with exceljs and the
// CLI's reader (src/xlsx/read.ts), and turned into the fake Excel's data.

import { areaAddress, type Sheet } from '../core/sheet';
import { workbookToSheets } from '../xlsx/read';
import type { FakeSheetData, FakeWorkbookData } from '../../test/support/fake-excel';

export const SAMPLES = ['report-2024-aimag-admin-dept', 'report-2025-h1-consulting-unit', 'plan-2023-digital-year-soum'] as const;
export type SampleName = (typeof SAMPLES)[number];

export const isSample = (name: string | null): name is SampleName => SAMPLES.includes(name as SampleName);

/** The same mapping as test/support/load-fixture.ts (which is Node-only). */
export function sheetToFake(sheet: Sheet, hidden: boolean): FakeSheetData {
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

export async function loadSample(name: SampleName, base = 'samples/'): Promise<FakeWorkbookData> {
  const response = await fetch(`${base}${encodeURIComponent(name)}.xlsx`);
  if (!response.ok) throw new Error(`${name}.xlsx: HTTP ${response.status}`);
  const bytes = await response.arrayBuffer();
  // exceljs's browser build (package.json "browser" field), loaded on demand.
  const { default: ExcelJS } = await import(/* webpackChunkName: "exceljs" */ 'exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  return { sheets: workbookToSheets(wb).map((s) => sheetToFake(s.sheet, s.hidden)) };
}
