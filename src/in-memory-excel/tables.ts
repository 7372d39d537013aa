// The fake Excel's tables (ListObjects): Workbook.tables and
// Worksheet.tables, and the rules a table follows (its name, where it may
// go, its header names), as plain functions over the model that the table
// proxies call when their action runs. Pure TypeScript, no Node APIs.

import { areaAddress, type Area } from '../core';
import { parseRange } from './addresses';
import { CollectionObject, ClientObject } from './client-object';
import { FakeOfficeError } from './errors';
import type { SheetModel, TableModel, WorkbookModel } from './model';
import type { RangeProxy, SheetProxy } from './proxies';
import type { OpResult, RequestContextCore } from './request-context';

function overlaps(first: Area, second: Area): boolean {
  return first.top <= second.bottom && second.top <= first.bottom && first.left <= second.right && second.left <= first.right;
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
function checkTableName(model: WorkbookModel, name: string, self: TableModel | null): void {
  const valid =
    typeof name === 'string' &&
    name.length <= 255 &&
    /^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[RrCc]$/.test(name) &&
    !/^[Rr]\d*[Cc]\d*$/.test(name);
  if (!valid) throw new FakeOfficeError('InvalidArgument', `"${name}" is not a valid table name.`);
  if (model.tables.some((table) => table !== self && table.name.toLowerCase() === name.toLowerCase())) {
    throw new FakeOfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format. (A table with this name exists.)');
  }
}

/** Excel's name for a new table: Table1, Table2, … the first free one. */
function freeTableName(model: WorkbookModel): string {
  for (let number = 1; ; number++) if (!model.tables.some((table) => table.name.toLowerCase() === `table${number}`)) return `Table${number}`;
}

/** A header row's names as Excel makes them: a blank one becomes ColumnN, a repeated one gets a number. */
function columnNames(sheet: SheetModel, area: Area, shown: (row: number, column: number) => unknown): string[] {
  const out: string[] = [];
  for (let column = area.left; column <= area.right; column++) {
    const header = shown(area.top, column);
    let name = header === null || header === undefined || header === '' ? `Column${column - area.left + 1}` : String(header);
    for (let k = 2; out.some((taken) => taken.toLowerCase() === name.toLowerCase()); k++) name = `${String(header)}${k}`;
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
function addTable(model: WorkbookModel, sheet: SheetModel, area: Area, hasHeaders: boolean): TableModel {
  if (!hasHeaders) throw new FakeOfficeError('NotImplemented', 'A table without its header row in the range');
  if (model.tables.some((table) => table.sheet === sheet && overlaps(table.area, area))) {
    throw new FakeOfficeError('InvalidOperation', `A table cannot overlap another table (${areaAddress(area)}).`);
  }
  if (sheet.merges.some((merge) => overlaps(merge, area))) throw new FakeOfficeError('InvalidOperation', `A table cannot hold merged cells (${areaAddress(area)}).`);
  const table: TableModel = { name: freeTableName(model), sheet, area: { ...area }, columns: columnNames(sheet, area, (row, column) => model.value(sheet, row, column)) };
  model.tables.push(table);
  return table;
}

/** Workbook.tables (sheet null) or Worksheet.tables (ExcelApi 1.1). */
export class FakeTableCollection extends CollectionObject<FakeTable> {
  constructor(
    context: RequestContextCore,
    private readonly sheet: SheetProxy | null,
  ) {
    super(context);
  }
  protected make(): FakeTable[] {
    const owner = this.sheet ? this.sheet.live<SheetModel>() : null;
    return this.fake.model.tables
      .filter((table) => owner === null || table.sheet === owner)
      .map((table) => {
        const proxy = new FakeTable(this.context);
        proxy.target = table;
        proxy.synced = true;
        return proxy;
      });
  }
  add(address: string | RangeProxy, hasHeaders: boolean): FakeTable {
    return this.context.create(new FakeTable(this.context), this.wirePath, { type: 3, name: 'add', args: [address, hasHeaders] }, () => {
      const { sheet, area } = this.where(address);
      if (sheet.protected_) throw new FakeOfficeError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`);
      return addTable(this.fake.model, sheet, area, hasHeaders);
    });
  }
  /**
   * Where the table goes: "The range object or source address determines the
   * worksheet under which the table will be added"; "If the address does not
   * contain a sheet name, the currently-active sheet is used" — through
   * Worksheet.tables too (TableCollection.add doc comment). A Range needs
   * ExcelApi 1.3 ("Prior to ExcelApi 1.3, this parameter must be a string").
   */
  private where(address: string | RangeProxy): { sheet: SheetModel; area: Area } {
    if (typeof address !== 'string') {
      this.fake.requireApi('TableCollection.add(Range)');
      return address.rangeTarget();
    }
    const bang = address.lastIndexOf('!');
    const named = bang >= 0 ? this.fake.model.byName(address.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'")) : this.fake.model.active;
    if (!named) throw new FakeOfficeError('ItemNotFound', `No sheet in ${address}`);
    return { sheet: named, area: parseRange(address) };
  }
}

/** Excel.Table: its name (renaming follows checkTableName). */
class FakeTable extends ClientObject {
  get name(): string {
    return this.loadedValue('name');
  }
  set name(value: string) {
    this.setProperty('name', value, () => {
      const table = this.live<TableModel>();
      checkTableName(this.fake.model, value, table);
      table.name = value;
    });
  }
  protected read(path: string[]): OpResult {
    const table = this.live<TableModel>();
    if (path[0] === 'name') return this.scalar('name', table.name);
    throw new FakeOfficeError('InvalidArgument', `Table has no loadable ${path.join('/')}`);
  }
}
