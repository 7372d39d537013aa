// Shared set-up for the adapter tests: a fake workbook, the host on it, settings.

import { cellAddress, type CellValue } from '../../src/core/sheet';
import type { HostEnv } from '../../src/excel/env';
import { createExcelHost } from '../../src/excel/host';
import { defaultSettings } from '../../src/excel/settings';
import type { AddinSettings, HostActions } from '../../src/excel/types';
import { FakeExcel, type FakeExcelOptions, type FakeWorkbookData } from '../../src/fake/excel';

export interface Rig {
  fake: FakeExcel;
  host: HostActions;
}

export const FIXED_NOW = new Date('2025-01-15T08:00:00Z');

export function rig(data: FakeWorkbookData, options: FakeExcelOptions = {}): Rig {
  const fake = new FakeExcel(data, options);
  const env: HostEnv = { ...(fake.env() as unknown as HostEnv), now: () => FIXED_NOW };
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
