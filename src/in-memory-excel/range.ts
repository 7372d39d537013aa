// A range (Excel.Range) and a set of areas (Excel.RangeAreas): reading and
// writing values, formulas and number formats, merging, hyperlinks,
// inserting and deleting rows and columns, and the areas a range answers.
// The rules Excel holds a range to:
//
// - values, formulas and number formats of a range over 5,000,000 cells
//   load as null (Excel's read cap; FakeExcelOptions.cellCap);
// - what a write keeps follows cell-input.ts (typed input as Excel parses
//   it, the 8,192-character formula limit, a merged area's content in its
//   top-left cell); a write that covers part of a merged area is refused
//   (format.ts, checkMergedWrite); a protected sheet refuses every change;
// - whole-row inserts and deletes shift cells, merges and formula
//   references (model.ts; the new row takes the formats of the row above);
// - Range.merge fails with InvalidSelection while a chart is selected
//   (OfficeDev/office-js#399; FakeExcel.selectChart() puts the user there);
// - getMergedAreasOrNullObject returns only the areas whose top-left cell is
//   in the range (OfficeDev/office-js#3611) and fails above 512 areas (its
//   doc comment);
// - a sheet holds at most 65,530 hyperlinks (hyperlinks.ts).

import { areaAddress, type Area } from '../core';
import { MAX_COLS, MAX_ROWS, cellsIn, formatRange, intersect } from './addresses';
import { MERGED_AREAS_LIMIT } from './api';
import { parseInput, storeContent } from './cell-input';
import { ClientObject, ClientResult, CollectionObject, propertyObject } from './client-object';
import { FakeDataValidation } from './data-validation';
import { FakeOfficeError } from './errors';
import { checkMergedWrite, mergeArea, unmergeArea } from './format';
import { setHyperlink, type HyperlinkInput } from './hyperlinks';
import { STANDARD_HEIGHT_POINTS, STANDARD_WIDTH_POINTS, type SheetModel } from './model';
import type { AreasTarget, RangeProxy, RangeTarget, SheetProxy } from './proxies';
import { cellProperties, clearCells, formulaAreas, usedWithin, type CellPropertiesOptions } from './range-cells';
import { FakeRangeFormat } from './range-format';
import type { OpResult, PathSpec, RequestContextCore, Steps } from './request-context';

/** A range's values, formulas or number formats, row by row. */
type Grid = unknown[][];

/** Excel.Range: a rectangle of a sheet; its target (sheet and area) is resolved by the sync that makes it. */
export class FakeRange extends ClientObject implements RangeProxy {
  private formatObject: FakeRangeFormat | null = null;
  private validationObject: FakeDataValidation | null = null;
  constructor(
    context: RequestContextCore,
    readonly worksheet: SheetProxy,
  ) {
    super(context);
  }

  get address(): string {
    return this.loadedValue('address');
  }
  get values(): Grid {
    return this.loadedValue('values');
  }
  set values(grid: Grid) {
    this.write('values', grid, (cell, input, sheet, row, column) => {
      const parsed = parseInput(input, cell?.n ?? 'General');
      storeContent(sheet, row, column, parsed);
    });
  }
  get formulas(): Grid {
    return this.loadedValue('formulas');
  }
  set formulas(grid: Grid) {
    this.write('formulas', grid, (cell, input, sheet, row, column) => {
      const parsed = typeof input === 'string' && input.startsWith('=') && input.length > 1 ? { v: null, f: input, q: false } : parseInput(input, cell?.n ?? 'General');
      storeContent(sheet, row, column, parsed);
    });
  }
  get numberFormat(): Grid {
    return this.loadedValue('numberFormat');
  }
  set numberFormat(grid: Grid) {
    this.write('numberFormat', grid, (_cell, format, sheet, row, column) => sheet.edit(row, column, (stored) => (stored.n = String(format))));
  }
  get rowCount(): number {
    return this.loadedValue('rowCount');
  }
  get columnCount(): number {
    return this.loadedValue('columnCount');
  }
  get cellCount(): number {
    return this.loadedValue('cellCount');
  }

  get format(): FakeRangeFormat {
    this.formatObject ??= new FakeRangeFormat(this, this.context.property(this.wirePath, 'format'));
    return this.formatObject;
  }

  get dataValidation(): FakeDataValidation {
    this.validationObject ??= new FakeDataValidation(this, this.context.property(this.wirePath, 'dataValidation'));
    return this.validationObject;
  }

  merge(across = false): void {
    this.call('merge', [across], () => {
      this.fake.requireApi('Range.merge');
      // office-js#399: "range.merge() fails with 'The current selection is invalid for this operation' if chart is currently selected".
      if (this.fake.model.selectedChartSheet) throw new FakeOfficeError('InvalidSelection', 'The current selection is invalid for this operation.');
      const { sheet, area } = this.rangeTarget();
      this.worksheet.writable(true);
      mergeArea(sheet, area, across, this.fake.model.tables);
    });
  }

  unmerge(): void {
    this.call('unmerge', [], () => {
      this.fake.requireApi('Range.unmerge');
      const { sheet, area } = this.rangeTarget();
      this.worksheet.writable(true);
      unmergeArea(sheet, area);
    });
  }

  get hyperlink(): HyperlinkInput {
    return this.loadedValue('hyperlink');
  }
  set hyperlink(link: HyperlinkInput) {
    this.setProperty('hyperlink', link, () => {
      this.fake.requireApi('Range.hyperlink');
      const { sheet, area } = this.rangeTarget();
      this.worksheet.writable(true);
      setHyperlink(sheet, area, link);
    });
  }

  /** The sheet and area it stands for, for the objects it makes (format, data validation, areas). */
  rangeTarget(): RangeTarget {
    return this.live<RangeTarget>();
  }

  /** Queues a 2-D write; null cells are left as they are. */
  private write(name: string, grid: Grid, put: (cell: ReturnType<SheetModel['get']>, input: unknown, sheet: SheetModel, row: number, column: number) => void): void {
    this.setProperty(name, grid, () => this.writeSteps(name, grid, put));
  }

  /** The write, a row at a time. */
  private *writeSteps(name: string, grid: Grid, put: (cell: ReturnType<SheetModel['get']>, input: unknown, sheet: SheetModel, row: number, column: number) => void): Steps {
    const { sheet, area } = this.rangeTarget();
    this.worksheet.writable(true);
    const rows = area.bottom - area.top + 1;
    const columns = area.right - area.left + 1;
    if (!Array.isArray(grid) || grid.length !== rows || grid.some((row) => !Array.isArray(row) || row.length !== columns)) {
      throw new FakeOfficeError('InvalidArgument', `The ${name} array does not match the range ${areaAddress(area)} (${rows}×${columns}).`);
    }
    checkMergedWrite(sheet, area, name);
    for (let i = 0; i < rows; i++) {
      grid[i].forEach((value, j) => {
        if (value === null || value === undefined) return;
        put(sheet.get(area.top + i, area.left + j), value, sheet, area.top + i, area.left + j);
      });
      yield i;
    }
  }

  /** Reading values computes every formula of the range: a row at a time, kept for the read itself. */
  protected override *prepareRead(paths: string[][]): Iterable<unknown> {
    if (!paths.some((path) => path[0] === 'values')) return;
    const { sheet, area } = this.rangeTarget();
    if (cellsIn(area) > this.fake.cellCap) return;
    const model = this.fake.model;
    for (let row = area.top; row <= area.bottom; row++) {
      for (let column = area.left; column <= area.right; column++) if (sheet.get(row, column)?.f) model.value(sheet, row, column);
      yield row;
    }
  }

  protected read(path: string[]): OpResult {
    const { sheet, area } = this.rangeTarget();
    const model = this.fake.model;
    const capped = cellsIn(area) > this.fake.cellCap;
    const grid = (valueAt: (row: number, column: number) => unknown) => {
      if (capped) return null;
      const out: unknown[][] = [];
      for (let row = area.top; row <= area.bottom; row++) {
        const rowValues: unknown[] = [];
        for (let column = area.left; column <= area.right; column++) rowValues.push(valueAt(row, column));
        out.push(rowValues);
      }
      return out;
    };
    switch (path[0]) {
      case 'address':
        return this.scalar('address', formatRange(sheet.name, area));
      case 'values':
        return this.scalar('values', grid((row, column) => model.value(sheet, row, column) ?? ''));
      case 'formulas':
        return this.scalar(
          'formulas',
          grid((row, column) => {
            const cell = sheet.get(row, column);
            return cell?.f ?? cell?.v ?? '';
          }),
        );
      case 'numberFormat':
        return this.scalar('numberFormat', grid((row, column) => sheet.get(row, column)?.n ?? 'General'));
      case 'rowCount':
        return this.scalar('rowCount', area.bottom - area.top + 1);
      case 'columnCount':
        return this.scalar('columnCount', area.right - area.left + 1);
      case 'cellCount':
        return this.scalar('cellCount', cellsIn(area));
      default:
        throw new FakeOfficeError('InvalidArgument', `Range has no loadable ${path.join('/')}`);
    }
  }

  private derived(spec: PathSpec, derive: (source: RangeTarget) => RangeTarget | null): FakeRange {
    return this.context.create(new FakeRange(this.context, this.worksheet), this.wirePath, spec, () => derive(this.rangeTarget()));
  }

  getIntersectionOrNullObject(other: FakeRange): FakeRange {
    return this.derived({ type: 3, name: 'getIntersectionOrNullObject', args: [other], nullable: true }, (source) => {
      this.fake.requireApi('Range.getIntersectionOrNullObject');
      const otherTarget = other.rangeTarget();
      if (otherTarget.sheet !== source.sheet) throw new FakeOfficeError('InvalidArgument', 'Ranges on different sheets');
      const overlap = intersect(source.area, otherTarget.area);
      return overlap ? { sheet: source.sheet, area: overlap } : null;
    });
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return this.derived({ type: 3, name: 'getUsedRange', args: [valuesOnly] }, (source) => {
      if (valuesOnly) this.fake.requireApi('Range.getUsedRange(valuesOnly)');
      return { sheet: source.sheet, area: usedWithin(source.sheet, source.area, valuesOnly) ?? { ...source.area, bottom: source.area.top, right: source.area.left } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this.derived({ type: 3, name: 'getUsedRangeOrNullObject', args: [valuesOnly], nullable: true }, (source) => {
      this.fake.requireApi('Range.getUsedRangeOrNullObject');
      const used = usedWithin(source.sheet, source.area, valuesOnly);
      return used ? { sheet: source.sheet, area: used } : null;
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return this.context.create(new FakeRangeAreas(this.context, this.worksheet), this.wirePath, { type: 3, name: 'getMergedAreasOrNullObject', nullable: true }, () => {
      this.fake.requireApi('Range.getMergedAreasOrNullObject');
      const source = this.rangeTarget();
      // Only areas whose top-left cell lies in the range (OfficeDev/office-js#3611).
      const areas = source.sheet.merges.filter((merge) => merge.top >= source.area.top && merge.top <= source.area.bottom && merge.left >= source.area.left && merge.left <= source.area.right);
      if (areas.length > MERGED_AREAS_LIMIT) {
        // The doc comment says only that the method "will fail"; the code is a guess.
        throw new FakeOfficeError('GeneralException', `The range holds ${areas.length} merged areas, more than ${MERGED_AREAS_LIMIT}.`);
      }
      return areas.length > 0 ? { sheet: source.sheet, areas } : null;
    });
  }

  getSpecialCellsOrNullObject(cellType: string): FakeRangeAreas {
    return this.context.create(new FakeRangeAreas(this.context, this.worksheet), this.wirePath, { type: 3, name: 'getSpecialCellsOrNullObject', args: [cellType], nullable: true }, () => {
      this.fake.requireApi('Range.getSpecialCellsOrNullObject');
      const source = this.rangeTarget();
      if (cellType === 'DataValidations') {
        // The cells with a validation: the fake answers each validation's area inside the range.
        const areas = source.sheet.validations.map((validation) => intersect(validation.area, source.area)).filter((area): area is Area => area !== null);
        return areas.length > 0 ? { sheet: source.sheet, areas } : null;
      }
      if (cellType !== 'Formulas') throw new FakeOfficeError('NotImplemented', `Special cells ${cellType}`);
      const areas = formulaAreas(source.sheet, source.area);
      if (areas.length === 0) return null;
      return { sheet: source.sheet, areas };
    });
  }

  getCellProperties(options: CellPropertiesOptions): ClientResult<unknown[][]> {
    return new ClientResult(this.context, this.wirePath, 'getCellProperties', [options], () => {
      this.fake.requireApi('Range.getCellProperties');
      const { sheet, area } = this.rangeTarget();
      return cellProperties(sheet, area, options);
    });
  }

  /** Range.getColumnProperties (ExcelApi 1.9): each column's width in points (a column never set has the standard width). */
  getColumnProperties(options: { format?: { columnWidth?: boolean } }): ClientResult<unknown[]> {
    return new ClientResult(this.context, this.wirePath, 'getColumnProperties', [options], () => {
      this.fake.requireApi('Range.getColumnProperties');
      const { sheet, area } = this.rangeTarget();
      const out: unknown[] = [];
      for (let column = area.left; column <= area.right; column++) out.push({ columnIndex: column, format: { columnWidth: sheet.widths.get(column) ?? STANDARD_WIDTH_POINTS } });
      return out;
    });
  }

  /** Range.getRowProperties (ExcelApi 1.9): each row's height in points (a row never set has the standard height). */
  getRowProperties(options: { format?: { rowHeight?: boolean } }): ClientResult<unknown[]> {
    return new ClientResult(this.context, this.wirePath, 'getRowProperties', [options], () => {
      this.fake.requireApi('Range.getRowProperties');
      const { sheet, area } = this.rangeTarget();
      const out: unknown[] = [];
      for (let row = area.top; row <= area.bottom; row++) out.push({ rowIndex: row, format: { rowHeight: sheet.heights.get(row) ?? STANDARD_HEIGHT_POINTS } });
      return out;
    });
  }

  /** Range.insert returns the new range (an object path of its own); the fake hands back this one. */
  insert(shift: string): FakeRange {
    this.context.create(new FakeRange(this.context, this.worksheet), this.wirePath, { type: 3, name: 'insert', args: [shift] }, () => {
      const { sheet, area } = this.rangeTarget();
      this.worksheet.writable(true);
      if (shift === 'Down' && area.left === 0 && area.right === MAX_COLS - 1) this.fake.model.insertRows(sheet, area.top, area.bottom - area.top + 1);
      else if (shift === 'Right' && area.top === 0 && area.bottom === MAX_ROWS - 1) sheet.insertColumns(area.left, area.right - area.left + 1);
      else throw new FakeOfficeError('NotImplemented', `insert(${shift}) on ${areaAddress(area)}: the fake inserts whole rows down or whole columns right`);
      return { sheet, area };
    });
    return this;
  }

  delete(shift: string): void {
    this.call('delete', [shift], () => {
      const { sheet, area } = this.rangeTarget();
      this.worksheet.writable(true);
      if (shift === 'Up' && area.left === 0 && area.right === MAX_COLS - 1) this.fake.model.deleteRows(sheet, area.top, area.bottom - area.top + 1);
      else if (shift === 'Left' && area.top === 0 && area.bottom === MAX_ROWS - 1) sheet.deleteColumns(area.left, area.right - area.left + 1);
      else throw new FakeOfficeError('NotImplemented', `delete(${shift}) on ${areaAddress(area)}: the fake deletes whole rows up or whole columns left`);
    });
  }

  clear(applyTo = 'All'): void {
    this.call('clear', [applyTo], () => {
      const { sheet, area } = this.rangeTarget();
      this.worksheet.writable(true);
      clearCells(sheet, area, applyTo);
    });
  }

  select(): void {
    this.call('select', [], () => {
      const { sheet, area } = this.rangeTarget();
      if (this.fake.model.activeId !== sheet.id) throw new FakeOfficeError('InvalidSelection', 'Only a range on the active sheet can be selected.');
      this.fake.model.selection = { sheetId: sheet.id, area };
      this.fake.model.selectedChartSheet = null;
    });
  }
}

/** Excel.RangeAreas: several areas of one sheet (merged areas, special cells); .areas gives each as a range. */
export class FakeRangeAreas extends ClientObject {
  private areaList: FakeRangeCollection | null = null;
  constructor(
    context: RequestContextCore,
    readonly worksheet: SheetProxy,
  ) {
    super(context);
  }
  get areas(): FakeRangeCollection {
    this.areaList ??= propertyObject(new FakeRangeCollection(this.context, this), this.wirePath, 'areas');
    return this.areaList;
  }
  get address(): string {
    return this.loadedValue('address');
  }
  get areaCount(): number {
    return this.loadedValue('areaCount');
  }
  protected read(path: string[]): OpResult {
    const source = this.live<AreasTarget>();
    if (path[0] === 'address') return this.scalar('address', source.areas.map((area) => formatRange(source.sheet.name, area)).join(','));
    if (path[0] === 'areaCount') return this.scalar('areaCount', source.areas.length);
    throw new FakeOfficeError('InvalidArgument', `RangeAreas has no loadable ${path.join('/')} (load areas/items/… on .areas)`);
  }
}

/** RangeAreas.areas: its areas, each a range. */
class FakeRangeCollection extends CollectionObject<FakeRange> {
  constructor(
    context: RequestContextCore,
    private readonly parent: FakeRangeAreas,
  ) {
    super(context);
  }
  protected make(): FakeRange[] | null {
    if (this.parent.target === null || this.parent.target === undefined) return null;
    const source = this.parent.target as AreasTarget;
    return source.areas.map((area) => {
      const range = new FakeRange(this.context, this.parent.worksheet);
      range.target = { sheet: source.sheet, area };
      range.synced = true;
      return range;
    });
  }
}
