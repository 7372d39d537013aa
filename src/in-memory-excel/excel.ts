// An in-memory Excel: the Excel JavaScript API subset the add-in uses, over
// plain workbook data. Pure TypeScript with no Node APIs: the web page runs
// on it, and the tests hold the adapter to it. This file is its entry: the
// fake itself (FakeExcel: Excel.run, the Office object, limits, counters,
// inspection for tests) and what other folders import.
//
// It behaves like office-js where it matters for the adapter, and each rule
// sits beside the object it governs, with its source:
// - the request machinery (request-context.ts): calls queued and run on
//   context.sync(); each sync counted and held to the 5 MB request and
//   response limits, built byte for byte as office-js builds them (wire.ts);
//   a failed batch keeps what ran before the failure; cell-edit mode;
// - every proxy (client-object.ts): PropertyNotLoaded before load() + sync();
//   acting on a null object fails with InvalidOperation;
// - every member above ExcelApi 1.1 is gated by its requirement set (api.ts):
//   a fake made at `apiVersion` 1.x fails a request that uses a newer member
//   with ApiNotFound, as a host below that set does;
// - the workbook (workbook.ts, worksheets.ts): structure protection, sheet
//   names; a worksheet (worksheet.ts): protection, visibility, deleting;
// - a range (range.ts, cell-input.ts, range-cells.ts): the read cap, typed
//   input, formula length, merged cells, row inserts and deletes, merged
//   areas; its format (range-format.ts), data validation
//   (data-validation.ts), hyperlinks (hyperlinks.ts), with format.ts's rules;
// - tables (tables.ts), notes (notes.ts), charts (charts.ts), page layout
//   (page-layout.ts, print.ts); the Office object and its settings
//   (office.ts); formulas are stored and evaluated on read by a tiny
//   evaluator (formula.ts), not given a cached value: a wrong formula shows
//   up as a wrong value.

import { areaAddress, type CellValue } from '../core';
import { formatRange, parseRange } from './addresses';
import { API_LEVEL, NEWEST_API, PAYLOAD_LIMIT, versionAtLeast, type ApiMember } from './api';
import { FakeRequestContext } from './context';
import { FakeOfficeError } from './errors';
import type { FakeHost, SyncRecord } from './host';
import { KEY, WorkbookModel, dumpSheet, type SheetDump, type SheetModel } from './model';
import { FakeOffice, type FakeOfficeOptions } from './office';
import { loadWorkbook, type FakeWorkbookData } from './workbook-data';

export { parseInput } from './cell-input';
export { parseRange } from './addresses';
export { PAYLOAD_LIMIT, NEWEST_API } from './api';
export { FakeRequestContext } from './context';
export { FakeOfficeError } from './errors';
export type { FakeSheetData, FakeWorkbookData } from './workbook-data';

/** How a fake is made: its Office options (office.ts) and the limits it holds a sync to. */
export interface FakeExcelOptions extends FakeOfficeOptions {
  /** UTF-8 bytes a request or a response may carry: 5,000,000. */
  payloadLimit?: number;
  /** A lower limit for requests only (tests of a request the adapter's estimate let through); payloadLimit when unset. */
  requestLimit?: number;
  /** Cells a single range read may return before values come back null. */
  cellCap?: number;
  /**
   * How an oversized request or response is refused: with the documented
   * RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded, or,
   * as older Excel on the web did, with GeneralException "An internal error
   * has occurred." (OfficeDev/office-js#1314, #1012).
   */
  oversize?: 'documented' | 'GeneralException';
  /**
   * A sync that has run this long (ms) lets the page's other work in (a
   * new task) before it goes on, so a large read or write never holds a
   * page's thread for long (the web page sets it; tests leave it unset and
   * each sync runs in one go). What the sync does is unchanged.
   */
  sliceMs?: number;
}

/** The whole workbook as plain data (FakeExcel.dump), for toEqual. */
export interface WorkbookDump {
  active: string;
  sheets: SheetDump[];
  tables: { name: string; sheet: string; area: string; columns: string[] }[];
}

/** Cells a single range read may return before values come back null (Excel's read cap). */
const CELL_CAP = 5_000_000;

/** Options of Excel.run that the fake honours (Excel.RunOptions). */
export interface FakeRunOptions {
  delayForCellEdit?: boolean;
}

type Batch<T> = (context: FakeRequestContext) => Promise<T>;

/** The message Excel gives in cell-edit mode (Excel.ErrorCodes.invalidOperationInCellEditMode). */
const CELL_EDIT_MESSAGE =
  'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.';

/** The fake Excel: a workbook model, the `Excel` namespace a batch runs in, the Office object, and what tests inspect. */
export class FakeExcel implements FakeHost {
  readonly model = new WorkbookModel();
  readonly office: FakeOffice;
  readonly payloadLimit: number;
  readonly requestLimit: number;
  readonly cellCap: number;
  readonly sliceMs: number;
  readonly oversizeError: 'documented' | 'GeneralException';
  /** The ExcelApi set the fake stands for (NEWEST_API unless told). */
  readonly apiVersion: string;
  syncCount = 0;
  suspendCount = 0;
  syncs: SyncRecord[] = [];
  refused: SyncRecord[] = [];
  /** Keep the last sync's request and response bodies (tests comparing them with office-js's). */
  keepBodies = false;
  lastRequest: string | null = null;
  lastResponse: string | null = null;
  /** A global-compatible `Excel` namespace. */
  readonly Excel: {
    /** Also takes (options, batch), as office-js does; see installRun. */
    run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T>;
    RequestContext: new () => FakeRequestContext;
    InsertShiftDirection: { down: 'Down'; right: 'Right' };
    DeleteShiftDirection: { up: 'Up'; left: 'Left' };
    SheetVisibility: { visible: 'Visible'; hidden: 'Hidden'; veryHidden: 'VeryHidden' };
    SpecialCellType: { formulas: 'Formulas' };
    ChartType: { columnClustered: 'ColumnClustered' };
    ClearApplyTo: { all: 'All'; contents: 'Contents'; formats: 'Formats' };
    ErrorCodes: Record<string, string>;
  };

  private editing: { ended: Promise<void>; end: () => void } | null = null;
  private readonly officeOptions: FakeOfficeOptions;

  constructor(data: FakeWorkbookData, options: FakeExcelOptions = {}) {
    this.apiVersion = options.apiVersion ?? NEWEST_API;
    this.officeOptions = { ...options, apiVersion: this.apiVersion };
    this.office = new FakeOffice(this.officeOptions);
    this.payloadLimit = options.payloadLimit ?? PAYLOAD_LIMIT;
    this.requestLimit = options.requestLimit ?? this.payloadLimit;
    this.cellCap = options.cellCap ?? CELL_CAP;
    this.oversizeError = options.oversize ?? 'documented';
    this.sliceMs = options.sliceMs ?? 0;
    loadWorkbook(this.model, data);
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const fake = this;
    this.Excel = {
      run: (batch) => this.run(batch),
      RequestContext: class extends FakeRequestContext {
        constructor() {
          super(fake);
        }
      },
      InsertShiftDirection: { down: 'Down', right: 'Right' },
      DeleteShiftDirection: { up: 'Up', left: 'Left' },
      SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
      SpecialCellType: { formulas: 'Formulas' },
      ChartType: { columnClustered: 'ColumnClustered' },
      ClearApplyTo: { all: 'All', contents: 'Contents', formats: 'Formats' },
      ErrorCodes: {
        accessDenied: 'AccessDenied',
        itemNotFound: 'ItemNotFound',
        invalidArgument: 'InvalidArgument',
        requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
        responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
        apiNotFound: 'ApiNotFound',
        invalidOperation: 'InvalidOperation',
        invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
      },
    };
    this.installRun();
  }

  /**
   * Excel.run as office-js has it: run(batch) or run(options, batch). A
   * function assigned to Excel.run later (the browser preview wraps it to
   * redraw after each batch) takes one argument and passes it to the run it
   * wrapped: it is given the batch with its options attached, so they
   * survive the wrapper.
   */
  private installRun(): void {
    const options = new WeakMap<object, FakeRunOptions>();
    const base = <T>(batch: Batch<T>): Promise<T> => this.run(options.get(batch) ?? {}, batch);
    let current: ((batch: Batch<unknown>) => Promise<unknown>) | null = null;
    // A batch handed to the wrapper comes back through the run it captured: then it goes to the fake.
    const inWrapper = new WeakSet<object>();
    const dispatch = <T>(optionsOrBatch: FakeRunOptions | Batch<T>, batchAfterOptions?: Batch<T>): Promise<T> => {
      let batch: Batch<T>;
      if (typeof optionsOrBatch === 'function') batch = optionsOrBatch;
      else {
        batch = (context) => batchAfterOptions!(context);
        options.set(batch, optionsOrBatch);
      }
      if (!current || inWrapper.has(batch)) return base(batch);
      inWrapper.add(batch);
      return current(batch as Batch<unknown>) as Promise<T>;
    };
    Object.defineProperty(this.Excel, 'run', {
      configurable: true,
      enumerable: true,
      get: () => dispatch,
      set: (f: ((batch: Batch<unknown>) => Promise<unknown>) | null) => {
        current = f === dispatch ? null : f;
      },
    });
  }

  /** The error an oversized request or response gets (see FakeExcelOptions.oversize). */
  oversize(code: string, message: string): FakeOfficeError {
    return this.oversizeError === 'GeneralException' ? new FakeOfficeError('GeneralException', 'An internal error has occurred.') : new FakeOfficeError(code, message);
  }

  /** Fails a request that uses a member above the fake's ExcelApi set, as such a host does. */
  requireApi(member: ApiMember): void {
    const needs = API_LEVEL[member];
    if (!versionAtLeast(this.apiVersion, needs)) {
      throw new FakeOfficeError(
        'ApiNotFound',
        `The API you are trying to use could not be found. It may be available in a newer version of Excel. (${member} needs ExcelApi ${needs}; this host has ${this.apiVersion}.)`,
      );
    }
  }

  /** The user starts typing in a cell: requests fail, or wait with delayForCellEdit, until endCellEdit(). */
  startCellEdit(): void {
    if (this.editing) return;
    let end!: () => void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    this.editing = { ended, end };
  }

  endCellEdit(): void {
    const editing = this.editing;
    this.editing = null;
    editing?.end();
  }

  get cellEditing(): boolean {
    return this.editing !== null;
  }

  /** Called by each sync before it is processed. */
  async waitOutCellEdit(delay: boolean): Promise<void> {
    while (this.editing) {
      if (!delay) throw new FakeOfficeError('InvalidOperationInCellEditMode', CELL_EDIT_MESSAGE);
      await this.editing.ended;
    }
  }

  async run<T>(options: FakeRunOptions | Batch<T>, batch?: Batch<T>): Promise<T> {
    if (typeof options === 'function') return this.run({}, options);
    const context = new FakeRequestContext(this, options.delayForCellEdit === true);
    batch = batch!;
    const result = await batch(context);
    // office-js sends what is still queued when the batch returns.
    if (context.queue.length > 0) await context.sync();
    return result;
  }

  /** What HostEnv wants: Excel.run (with delayForCellEdit, as globalEnv has it) and the Office fake (typed loosely on purpose). */
  env(): { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>; office: FakeOffice } {
    return {
      run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => this.run({ delayForCellEdit: true }, (context) => batch(context as unknown as Excel.RequestContext)),
      office: this.office,
    };
  }

  /**
   * Another runtime of the add-in on this workbook — the ribbon's function
   * file beside the pane's page (no shared runtime): the same document
   * settings, its own in-memory copy of them (see office.ts).
   */
  runtime(options: Pick<FakeOfficeOptions, 'dialogResult' | 'sharedRuntime' | 'displayLanguage'> = {}): FakeOffice {
    return new FakeOffice({ ...this.officeOptions, ...options, settings: this.office.settings.document });
  }

  /** Sets the global Excel and Office (for the browser preview); returns a function that undoes it. */
  install(target: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): () => void {
    const before = { Excel: target.Excel, Office: target.Office };
    target.Excel = this.Excel;
    target.Office = this.office;
    return () => {
      target.Excel = before.Excel;
      target.Office = before.Office;
    };
  }

  resetCounters(): void {
    this.syncCount = 0;
    this.suspendCount = 0;
    this.syncs = [];
    this.refused = [];
  }

  get maxRequest(): number {
    return Math.max(0, ...this.syncs.map((sync) => sync.request));
  }

  get maxResponse(): number {
    return Math.max(0, ...this.syncs.map((sync) => sync.response));
  }

  // ---- inspection for tests ----

  /** The user clicks a chart on this sheet (one is added if it has none): the sheet is active and the chart selected. */
  selectChart(sheetName: string): void {
    const sheet = this.sheet(sheetName);
    if (sheet.charts.length === 0) sheet.charts.push({ type: 'ColumnClustered', source: formatRange(sheet.name, { top: 0, left: 0, bottom: 1, right: 1 }), seriesBy: 'Auto', title: null, xValues: null, legend: true, position: 'J2' });
    this.model.activeId = sheet.id;
    this.model.selectedChartSheet = sheet;
  }

  /** A sheet's model by name (tests): an Error when there is none. */
  sheet(name: string): SheetModel {
    const found = this.model.byName(name);
    if (!found) throw new Error(`No sheet ${name}`);
    return found;
  }

  /** The value a cell shows (formulas evaluated). */
  value(sheet: string, address: string): CellValue {
    const area = parseRange(address);
    return this.model.value(this.sheet(sheet), area.top, area.left);
  }

  /** What a cell holds (tests): its shown value, formula, number format, bold, fill and note. */
  cell(sheet: string, address: string): { v: CellValue; f: string | null; n: string; b: boolean; fill: string | null; note: string | null } {
    const area = parseRange(address);
    const sheetModel = this.sheet(sheet);
    const stored = sheetModel.get(area.top, area.left);
    return { v: this.model.value(sheetModel, area.top, area.left), f: stored?.f ?? null, n: stored?.n ?? 'General', b: stored?.b ?? false, fill: stored?.fill ?? null, note: stored?.note ?? null };
  }

  /** Plain data of the whole workbook, for toEqual. */
  dump(options: { hidden?: boolean } = {}): WorkbookDump {
    const sheets = this.model.sheets.filter((sheet) => options.hidden !== false || sheet.visibility === 'Visible');
    const tables = this.model.tables.map((table) => ({ name: table.name, sheet: table.sheet.name, area: areaAddress(table.area), columns: [...table.columns] }));
    return { active: this.model.active?.name ?? '', sheets: sheets.map(dumpSheet), tables };
  }

  /** Sheet names in order. */
  names(): string[] {
    return this.model.sheets.map((sheet) => sheet.name);
  }

  /** The model's key of a cell (SheetModel.cells). */
  key(row: number, column: number): number {
    return KEY(row, column);
  }
}
