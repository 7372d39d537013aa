// A sample workbook for the preview: fetched from samples/<name>.xlsx (the
// fixtures the build copies), parsed in the browser with exceljs and the
// CLI's reader (src/xlsx/read.ts), and turned into the fake Excel's data.

import { workbookToSheets } from '../xlsx/read';
import type { FakeWorkbookData } from '../fake/excel';
import { sheetToFake } from '../fake/data';

export const SAMPLES = ['report-2024-aimag-admin-dept', 'report-2025-h1-consulting-unit', 'plan-2023-digital-year-soum'] as const;
export type SampleName = (typeof SAMPLES)[number];

export const isSample = (name: string | null): name is SampleName => SAMPLES.includes(name as SampleName);

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
