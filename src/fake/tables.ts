// The fake Excel's tables (ListObjects) and hyperlinks: plain functions over
// the model, called by the proxies in excel.ts when their action runs.
// Pure TypeScript, no Node APIs.

import { areaAddress, type Area } from '../core';
import { HYPERLINKS_LIMIT } from './api';
import { FakeOfficeError } from './errors';
import type { SheetModel, TableModel, WorkbookModel } from './model';

function overlaps(a: Area, b: Area): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/**
 * A table name follows the syntax rules for names (Microsoft Support,
 * "Rename an Excel table" and "Define and use names in formulas"): it starts with a letter, an underscore or a backslash, goes on with
 * letters, digits, periods and underscores, has no spaces, is at most 255
 * characters, is not a cell reference ("A1", "R1C1"), and is unique in the
 * workbook, case aside. office-js refuses a taken name with InvalidArgument
 * ("The argument is invalid or missing or has an incorrect format.",
 * OfficeDev/office-js#551).
 */
export function checkTableName(model: WorkbookModel, name: string, self: TableModel | null): void {
  const valid =
    typeof name === 'string' &&
    name.length <= 255 &&
    /^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[RrCc]$/.test(name) &&
    !/^[Rr]\d*[Cc]\d*$/.test(name);
  if (!valid) throw new FakeOfficeError('InvalidArgument', `"${name}" is not a valid table name.`);
  if (model.tables.some((t) => t !== self && t.name.toLowerCase() === name.toLowerCase())) {
    throw new FakeOfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format. (A table with this name exists.)');
  }
}

/** Excel's name for a new table: Table1, Table2, … the first free one. */
function freeTableName(model: WorkbookModel): string {
  for (let n = 1; ; n++) if (!model.tables.some((t) => t.name.toLowerCase() === `table${n}`)) return `Table${n}`;
}

/** A header row's names as Excel makes them: a blank one becomes ColumnN, a repeated one gets a number. */
function columnNames(sheet: SheetModel, area: Area, shown: (r: number, c: number) => unknown): string[] {
  const out: string[] = [];
  for (let c = area.left; c <= area.right; c++) {
    const v = shown(area.top, c);
    let name = v === null || v === undefined || v === '' ? `Column${c - area.left + 1}` : String(v);
    for (let k = 2; out.some((x) => x.toLowerCase() === name.toLowerCase()); k++) name = `${String(v)}${k}`;
    out.push(name);
  }
  return out;
}

/**
 * TableCollection.add(address, hasHeaders) (ExcelApi 1.1) with the header
 * row in the range. "If the table cannot be added (e.g., because the
 * address is invalid, or the table would overlap with another table), an
 * error will be thrown" (its doc comment); nor over merged cells (Excel's
 * own command refuses it). The error codes are not documented:
 * InvalidOperation is a guess. Without headers Excel inserts a
 * header row: not modelled (the adapter always has one).
 */
export function addTable(model: WorkbookModel, sheet: SheetModel, area: Area, hasHeaders: boolean): TableModel {
  if (!hasHeaders) throw new FakeOfficeError('NotImplemented', 'A table without its header row in the range');
  if (model.tables.some((t) => t.sheet === sheet && overlaps(t.area, area))) {
    throw new FakeOfficeError('InvalidOperation', `A table cannot overlap another table (${areaAddress(area)}).`);
  }
  if (sheet.merges.some((m) => overlaps(m, area))) throw new FakeOfficeError('InvalidOperation', `A table cannot hold merged cells (${areaAddress(area)}).`);
  const table: TableModel = { name: freeTableName(model), sheet, area: { ...area }, columns: columnNames(sheet, area, (r, c) => model.value(sheet, r, c)) };
  model.tables.push(table);
  return table;
}

export interface HyperlinkInput {
  address?: string;
  documentReference?: string;
  textToDisplay?: string;
  screenTip?: string;
}

/**
 * Range.hyperlink (ExcelApi 1.7): every cell of the range links to the
 * address (or a place in the workbook); textToDisplay becomes the text of
 * its top-left cell. A sheet holds at most 65,530 hyperlinks (Excel specifications and
 * limits, api.ts HYPERLINKS_LIMIT).
 */
export function setHyperlink(sheet: SheetModel, area: Area, link: HyperlinkInput): void {
  const target = link?.address ?? (link?.documentReference ? `#${link.documentReference}` : '');
  if (!target) throw new FakeOfficeError('InvalidArgument', 'A hyperlink needs an address or a document reference.');
  let count = sheet.linkCount;
  for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) if (!sheet.get(r, c)?.link) count++;
  if (count > HYPERLINKS_LIMIT) throw new FakeOfficeError('InvalidOperation', `A worksheet holds at most ${HYPERLINKS_LIMIT} hyperlinks.`);
  for (let r = area.top; r <= area.bottom; r++) {
    for (let c = area.left; c <= area.right; c++) {
      sheet.edit(r, c, (e) => {
        e.link = target;
        // "the string that is displayed in the top left most cell in the range" (RangeHyperlink.textToDisplay).
        if (link.textToDisplay !== undefined && r === area.top && c === area.left) {
          e.v = link.textToDisplay;
          e.f = null;
        }
      });
    }
  }
}
