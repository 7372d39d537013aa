// What the Excel objects know each other by: the target a range or a set of
// areas resolves to, and the shapes of the worksheet and range proxies that
// the objects they make (a range's format, a sheet's notes…) call back. The
// objects' files take these instead of importing worksheet.ts or range.ts,
// which import them: no file imports one that imports it back.

import type { Area } from '../core';
import type { SheetModel } from './model';
import type { RequestContextCore } from './request-context';

/** What a range proxy stands for once its sync resolves it. */
export interface RangeTarget {
  sheet: SheetModel;
  area: Area;
}

/** What a RangeAreas proxy stands for (merged areas, special cells, page breaks' areas). */
export interface AreasTarget {
  sheet: SheetModel;
  areas: Area[];
}

/** A worksheet proxy, as its ranges, notes, charts and tables use it (FakeWorksheet, worksheet.ts). */
export interface SheetProxy {
  /** The sheet model; acting on a null object is an error. */
  live<T>(): T;
  /** The sheet model, checked for protection when the change needs it (cells: the sheet's; otherwise the workbook structure's). */
  writable(cells: boolean): SheetModel;
}

/** A range proxy, as its format, data validation, charts and tables use it (FakeRange, range.ts). */
export interface RangeProxy {
  readonly context: RequestContextCore;
  readonly worksheet: SheetProxy;
  /** The sheet and area it stands for (after the sync that resolves it). */
  rangeTarget(): RangeTarget;
}
