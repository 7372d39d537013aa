// Shared set-up for the adapter tests: a fake workbook, the host on it, settings.

import { cellAddress, type CellValue, type Sheet } from '../../src/core/sheet';
import { envFrom, type ExcelLike, type HostEnv, type OfficeLike } from '../../src/excel/env';
import { createExcelHost } from '../../src/excel/host';
import { defaultSettings } from '../../src/excel/settings';
import type { AddinSettings, HostActions } from '../../src/excel/types';
import { versionAtLeast } from '../../src/in-memory-excel/api';
import { FakeExcel, NEWEST_API, type FakeExcelOptions, type FakeWorkbookData } from '../../src/in-memory-excel/excel';

export interface Rig {
  fake: FakeExcel;
  host: HostActions;
}

export const FIXED_NOW = new Date('2025-01-15T08:00:00Z');

/**
 * The ExcelApi level the adapter suites run at: UNELGEE_EXCEL_API, set by
 * `npm test` to the manifest's minimum (REQUIRED_API) for one run and to the
 * newest for another; the newest when unset.
 */
export const API_LEVEL_UNDER_TEST = process.env.UNELGEE_EXCEL_API || NEWEST_API;

/** Whether the host under test has cell notes (ExcelApi 1.18): below it the add-in marks with fills only. */
export const NOTES_UNDER_TEST = versionAtLeast(API_LEVEL_UNDER_TEST, '1.18');

/** The host over a fake, through the same envFrom as globalEnv (Excel.run with delayForCellEdit). */
export function rig(data: FakeWorkbookData, options: FakeExcelOptions = {}): Rig {
  const fake = new FakeExcel(data, { apiVersion: API_LEVEL_UNDER_TEST, ...options });
  const env: HostEnv = { ...envFrom(fake.Excel as unknown as ExcelLike, fake.office as unknown as OfficeLike), now: () => FIXED_NOW };
  return { fake, host: createExcelHost(env) };
}

export function settings(over: Partial<AddinSettings> = {}): AddinSettings {
  return { ...defaultSettings('mn-MN'), ...over };
}

/** Empty string and null both mean an empty cell. */
export function norm(v: CellValue | undefined): CellValue {
  return v === '' || v === undefined ? null : v;
}

export function addr(row: number, col: number): string {
  return cellAddress(row, col);
}

/**
 * Where the fake workbook differs from a sheet the command line wrote: each
 * cell whose formula differs, or whose value differs where there is no
 * formula ("Sheet!A1: <label> [value, formula] add-in [value, formula]").
 */
export function cellDiffs(fake: FakeExcel, sheet: Sheet, label: string): string[] {
  const diffs: string[] = [];
  sheet.values.forEach((row, i) =>
    row?.forEach((v, j) => {
      const a = cellAddress(sheet.startRow + i, sheet.startCol + j);
      const cell = fake.cell(sheet.name, a);
      const f = sheet.formulas?.[i]?.[j] ?? null;
      if (f !== cell.f || (f === null && norm(v) !== norm(cell.v))) diffs.push(`${sheet.name}!${a}: ${label} ${JSON.stringify([v, f])} add-in ${JSON.stringify([cell.v, cell.f])}`);
    }),
  );
  return diffs;
}
