// An in-memory fake of the Excel JavaScript API subset the add-in uses,
// built from plain workbook data. Pure TypeScript with no Node APIs: the
// task pane's browser preview bundles it too.
//
// It behaves like office-js where it matters for the adapter:
// - calls are queued and run in order on context.sync(); properties read
//   before load() + sync() throw PropertyNotLoaded; *OrNullObject results
//   say isNullObject after the sync;
// - every sync is counted, with the size of its request (the queued
//   actions and the data they carry, as JSON) and of its response (the
//   loaded data, as JSON); a sync over 5 MB either way is refused with
//   RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded;
// - values, formulas and number formats of a range over 5,000,000 cells
//   load as null (Excel's read cap);
// - strings written to `values` are parsed as Excel parses typed input:
//   "=…" (and "+x", "-x", "@x" that are not numbers) become formulas,
//   numbers, percents, dates and TRUE/FALSE are converted, a leading
//   apostrophe keeps the rest as text, a Text ("@") format keeps it as is;
// - formulas are stored and evaluated on read by a tiny evaluator
//   (fake-formula.ts: the functions and operators the engine writes), not
//   given a cached value: a wrong formula shows up as a wrong value;
// - whole-row inserts and deletes shift cells, merges and formula
//   references (and the new row takes the formats of the row above);
// - writing to a protected sheet, or adding a sheet to a protected
//   workbook, fails with AccessDenied;
// - acting on a null object (setting a property, calling a method) fails
//   with InvalidOperation: stricter than office-js, which ignores it, so the
//   adapter never relies on that;
// - every member above ExcelApi 1.1 is gated by its requirement set
//   (api.ts): a fake made at `apiVersion` 1.x fails a request that uses a
//   newer member with ApiNotFound, as a host below that set does;
// - a request that fails part-way keeps what the actions before the failing
//   one did (Excel does not roll a batch back: OfficeExtension.Error's
//   traceMessages "contains all trace messages that were executed before
//   the error occurred"); a request over the payload limit is refused
//   before any of it runs;
// - Worksheet.delete on a VeryHidden sheet fails with InvalidOperation (its
//   doc comment: "if the worksheet's visibility is set to "VeryHidden", the
//   delete operation will fail with an InvalidOperation exception");
// - getMergedAreasOrNullObject returns only the areas whose top-left cell is
//   in the range (OfficeDev/office-js#3611) and fails above 512 areas (its
//   doc comment);
// - a formula over 8,192 characters is refused (Excel specifications and
//   limits); a value or formula written to a merged cell other than its
//   top-left is not kept (Excel keeps a merged area's content in its
//   top-left cell only; the others cannot hold any); a range write that
//   covers part of a merged area is refused (format.ts, checkMergedWrite);
// - request and response sizes are UTF-8 bytes of the bodies office-js
//   sends and reads, built as office-js builds them (wire.ts), against
//   5,000,000 bytes (api.ts);
// - Range.merge fails with InvalidSelection while a chart is selected
//   (OfficeDev/office-js#399; selectChart() puts the user there);
// - merged areas, wrapped text, borders, row heights, data validation,
//   page layout (page-layout.ts, print.ts), sheet names, tables and hyperlinks follow Excel's rules
//   as format.ts and tables.ts state them, each with its source;
// - while a cell is being edited (startCellEdit()), a request fails with
//   InvalidOperationInCellEditMode unless Excel.run was given
//   `delayForCellEdit: true`, which holds it until the edit ends
//   (Excel.RunOptions.delayForCellEdit doc comment).

import { areaAddress, columnIndex, columnLetter, sheetRef, utf8Length, type Area, type CellValue } from '../core';
import { API_LEVEL, FORMULA_LIMIT, MERGED_AREAS_LIMIT, NEWEST_API, PAYLOAD_LIMIT, versionAtLeast, type ApiMember } from './api';
import { FakeOfficeError } from './errors';
import { checkMergedWrite, checkSheetName, checkVerticalAlignment, clearValidation, mergeArea, setBorder, setRowHeight, setValidation, unmergeArea, type ValidationPart } from './format';
import { jsonBytes } from './json-size';
import { FakePageBreaks, FakePageLayout, type PageHost } from './page-layout';
import { addTable, checkTableName, setHyperlink, type HyperlinkInput } from './tables';
import { FakeOffice, type FakeOfficeOptions } from './office';
import { WireIds, WirePath, WireRequest, pascal, pathsOf, responseBytes, type PathType, type WireAction, type WireResult } from './wire';
import { KEY, STANDARD_HEIGHT_POINTS, STANDARD_WIDTH_POINTS, WorkbookModel, dumpSheet, type ValidationModel, type ChartModel, type FakeCell, type SheetDump, type SheetModel, type TableModel, type Visibility } from './model';

export interface FakeSheetData {
  name: string;
  /** Cell values from A1 (or from startRow/startCol); strings starting with "=" are not formulas here (use `formulas`). */
  values: CellValue[][];
  numberFormats?: (string | null)[][];
  formulas?: (string | null)[][];
  /** Merged areas as A1 ranges ("A1:H1"). */
  merges: string[];
  visibility?: Visibility;
  protected?: boolean;
  startRow?: number;
  startCol?: number;
  notes?: Record<string, string>;
  fills?: Record<string, string>;
  bold?: string[];
}

export interface FakeWorkbookData {
  sheets: FakeSheetData[];
  activeSheet?: string;
  /** Workbook structure protection. */
  protected?: boolean;
}

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

/** A new task (not a microtask): the browser handles input and paints in between. */
function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export interface SyncRecord {
  request: number;
  response: number;
  actions: number;
}

export interface WorkbookDump {
  active: string;
  sheets: SheetDump[];
  tables: { name: string; sheet: string; area: string; columns: string[] }[];
}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
export { PAYLOAD_LIMIT, NEWEST_API };
const CELL_CAP = 5_000_000;

/** Options of Excel.run that the fake honours (Excel.RunOptions). */
export interface FakeRunOptions {
  delayForCellEdit?: boolean;
}

type Batch<T> = (context: FakeRequestContext) => Promise<T>;

/** The message Excel gives in cell-edit mode (Excel.ErrorCodes.invalidOperationInCellEditMode). */
const CELL_EDIT_MESSAGE =
  'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.';

export { FakeOfficeError };

const notLoaded = (prop: string) =>
  new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

// ---- addresses ----------------------------------------------------------

function stripSheet(address: string): string {
  return address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
}

/** "A1", "A1:B2", "5:5", "1:5000", "C:C", "B2:B1048576" → Area. */
export function parseRange(address: string): Area {
  const parts = stripSheet(address).replace(/\$/g, '').split(':');
  const one = (text: string): { row: number | null; col: number | null } => {
    const match = /^([A-Za-z]*)(\d*)$/.exec(text.trim());
    if (!match || (match[1] === '' && match[2] === '')) throw new FakeOfficeError('InvalidArgument', `Bad address ${address}`);
    return { col: match[1] ? columnIndex(match[1]) : null, row: match[2] ? Number(match[2]) - 1 : null };
  };
  const first = one(parts[0]);
  const second = parts[1] !== undefined ? one(parts[1]) : first;
  const top = Math.min(first.row ?? 0, second.row ?? 0);
  const bottom = first.row === null ? MAX_ROWS - 1 : Math.max(first.row, second.row ?? first.row);
  const left = Math.min(first.col ?? 0, second.col ?? 0);
  const right = first.col === null ? MAX_COLS - 1 : Math.max(first.col, second.col ?? first.col);
  return { top, left, bottom, right };
}

function sheetPrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : sheetRef(name);
}

function formatRange(sheet: string, area: Area): string {
  const fullRows = area.left === 0 && area.right === MAX_COLS - 1;
  const fullCols = area.top === 0 && area.bottom === MAX_ROWS - 1;
  let body: string;
  if (fullRows) body = `${area.top + 1}:${area.bottom + 1}`;
  else if (fullCols) body = `${columnLetter(area.left)}:${columnLetter(area.right)}`;
  else body = areaAddress(area);
  return `${sheetPrefix(sheet)}!${body}`;
}

function intersect(first: Area, second: Area): Area | null {
  const overlap = { top: Math.max(first.top, second.top), left: Math.max(first.left, second.left), bottom: Math.min(first.bottom, second.bottom), right: Math.min(first.right, second.right) };
  return overlap.top <= overlap.bottom && overlap.left <= overlap.right ? overlap : null;
}

const cellsIn = (a: Area) => (a.bottom - a.top + 1) * (a.right - a.left + 1);

/** Range.getCellProperties' options the fake answers (ExcelApi 1.9, CellPropertiesLoadOptions). */
interface CellPropertiesOptions {
  address?: boolean;
  hyperlink?: boolean;
  format?: {
    font?: { bold?: boolean };
    fill?: { color?: boolean; pattern?: boolean };
    wrapText?: boolean;
    verticalAlignment?: boolean;
    borders?: { style?: boolean; weight?: boolean };
  };
}

/** A cell's edges as CellBorderCollection gives them (top, bottom, left, right: style and weight). */
function cellBorders(border: Partial<Record<'top' | 'bottom' | 'left' | 'right', string>> | null): Record<string, { style: string; weight: string }> {
  const out: Record<string, { style: string; weight: string }> = {};
  for (const edge of ['top', 'bottom', 'left', 'right'] as const) {
    const [style, weight] = (border?.[edge] ?? 'None Thin').split(' ');
    out[edge] = { style, weight };
  }
  return out;
}

// ---- typed input, as Excel parses it --------------------------------------

function dateSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000);
}

export function parseInput(input: unknown, numberFormat: string): { v: CellValue; f: string | null; q: boolean } {
  if (typeof input === 'number' || typeof input === 'boolean') return { v: input, f: null, q: false };
  if (input === null || input === undefined) return { v: null, f: null, q: false };
  const text = String(input);
  if (text === '') return { v: null, f: null, q: false };
  if (numberFormat === '@') return { v: text, f: null, q: false };
  if (text.startsWith("'")) return { v: text.slice(1) === '' ? null : text.slice(1), f: null, q: true };
  if (text.startsWith('=') && text.length > 1) return { v: null, f: text, q: false };
  const trimmed = text.trim();
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return { v: Number(trimmed), f: null, q: false };
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)%$/.test(trimmed)) return { v: Number(trimmed.slice(0, -1)) / 100, f: null, q: false };
  if (/^[+\-@]/.test(text)) return { v: null, f: `=${text.startsWith('@') ? text.slice(1) : text}`, q: false };
  if (/^(true|false)$/i.test(trimmed)) return { v: /^true$/i.test(trimmed), f: null, q: false };
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (match) return { v: dateSerial(Number(match[1]), Number(match[2]), Number(match[3])), f: null, q: false };
  match = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?$/.exec(trimmed);
  if (match) return { v: dateSerial(match[3] ? Number(match[3].length === 2 ? `20${match[3]}` : match[3]) : 2024, Number(match[1]), Number(match[2])), f: null, q: false };
  return { v: text, f: null, q: false };
}

// ---- rules on cell contents -------------------------------------------------

/** Excel keeps a merged area's content in its top-left cell: a write to any other cell of it is not kept. */
function keepsContent(sheet: SheetModel, row: number, column: number): boolean {
  return !sheet.merges.some((m) => row >= m.top && row <= m.bottom && column >= m.left && column <= m.right && (row !== m.top || column !== m.left));
}

/** Excel's limit on a formula's length (8,192 characters). */
function checkFormula(formula: string | null): void {
  if (formula !== null && formula.length > FORMULA_LIMIT) {
    throw new FakeOfficeError('FormulaLengthExceedsLimit', `The formula is ${formula.length} characters long; Excel allows ${FORMULA_LIMIT}.`);
  }
}

// ---- the request machinery -------------------------------------------------

interface OpResult {
  data: unknown;
  commit(): void;
}

/** An operation done a row at a time: the page's sliced syncs let other work in between its steps. */
type Steps = Iterator<unknown, void>;

const isSteps = (x: unknown): x is Steps => typeof x === 'object' && x !== null && typeof (x as Steps).next === 'function' && !('commit' in x);

interface QueuedOp {
  /** The wire action whose result the run's data is (a query, a method with a value, a nullable path's instantiation). */
  action: WireAction;
  run(): OpResult | Steps | void;
  /**
   * Work done before `run` that `run` would otherwise do in one go, a step
   * per item yielded: the page's sliced syncs let other work in between
   * (reading a range of formulas computes each one, and `run` then finds
   * the results kept). Changes nothing `run` reports.
   */
  prepare?(): Iterable<unknown>;
}

type LoadSpec = string | string[] | { select?: string | string[] } | undefined;

function paths(spec: LoadSpec): string[][] {
  let list: string[];
  if (spec === undefined) list = [];
  else if (typeof spec === 'string') list = spec.split(',');
  else if (Array.isArray(spec)) list = spec;
  else list = typeof spec.select === 'string' ? spec.select.split(',') : (spec.select ?? []);
  return list.map((p) => p.trim()).filter((p) => p !== '').map((p) => p.split('/').map((x) => x.trim()));
}

/** How a proxy came to be: the kind of object path, its name, its arguments; `nullable` for an *OrNullObject method. */
export interface PathSpec {
  type: PathType;
  name: string;
  args?: unknown[];
  nullable?: boolean;
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  readonly application: { suspendApiCalculationUntilNextSync(): void };
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  queue: QueuedOp[] = [];
  private created: ClientObject[] = [];
  /** Ids for paths and actions, one counter per context (office-js: context._nextId()). */
  readonly ids = new WireIds();
  /** The request being built. */
  wire: WireRequest;
  /** The workbook: the root object path, instantiated when the context is made (as office-js does). */
  readonly rootPath: WirePath;
  private applicationPath: WirePath | null = null;

  constructor(
    readonly fake: FakeExcel,
    readonly delayForCellEdit = false,
  ) {
    this.wire = new WireRequest(this.ids);
    this.rootPath = new WirePath(this.ids, 1, '', null, null);
    this.wire.ensure(this.rootPath);
    this.workbook = new FakeWorkbook(this);
    this.application = {
      suspendApiCalculationUntilNextSync: () => {
        this.applicationPath ??= this.property(this.rootPath, 'application');
        this.enqueue(this.wire.act(3, this.applicationPath, 'SuspendApiCalculationUntilNextSync', { args: [] }), () => {
          fake.requireApi('Application.suspendApiCalculationUntilNextSync');
          fake.suspendCount++;
        });
      },
    };
  }

  get model(): WorkbookModel {
    return this.fake.model;
  }

  enqueue(action: WireAction, run: () => OpResult | Steps | void, prepare?: () => Iterable<unknown>): void {
    this.queue.push({ action, run, prepare });
  }

  /** A property object (format, fill, protection…): an object path of its own, instantiated where it is first reached. */
  property(parent: WirePath, name: string): WirePath {
    const path = new WirePath(this.ids, 4, pascal(name), parent, null);
    this.wire.ensure(path);
    return path;
  }

  /** Queues an action on an object's path: 4 sets a property, 3 calls a method, 2 loads (a query). */
  act(path: WirePath, type: 2 | 3 | 4, name: string, detail: { args?: unknown[]; select?: string[] }, run: () => OpResult | Steps | void, prepare?: () => Iterable<unknown>): void {
    this.enqueue(this.wire.act(type, path, type === 2 ? '' : pascal(name), detail), run, prepare);
  }

  /** Registers a proxy (a method's or an indexer's object) whose target is resolved when its instantiation runs. */
  create<T extends ClientObject>(proxy: T, parent: WirePath, spec: PathSpec, resolve: () => unknown): T {
    const args = spec.type === 3 ? (spec.args ?? []) : (spec.args ?? null);
    const path = new WirePath(this.ids, spec.type, spec.type === 5 ? '' : pascal(spec.name), parent, args, pathsOf(args ?? []), spec.nullable === true);
    proxy.wirePath = path;
    this.created.push(proxy);
    const added = this.wire.ensure(path);
    this.enqueue(added[added.length - 1], () => {
      proxy.target = resolve();
      // An *OrNullObject method's answer tells office-js whether the object is null.
      if (spec.nullable) return { data: proxy.target === null ? null : {}, commit: () => undefined };
    });
    return proxy;
  }

  /** The JSON bytes of a request or response (see json-size.ts), counted in the page's slices. */
  private async counted(value: unknown): Promise<number> {
    const steps = jsonBytes(value);
    let since = Date.now();
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (Date.now() - since > this.fake.sliceMs) {
        await nextTask();
        since = Date.now();
      }
    }
  }

  async sync(): Promise<void> {
    const queue = this.queue;
    const created = this.created;
    this.queue = [];
    this.created = [];
    // As in Excel, where a sync is a round trip to the host, the request is handled in a later task
    // when the page asked for slices (a microtask otherwise, as the tests have always had it).
    if (this.fake.sliceMs) await nextTask();
    else await Promise.resolve();
    await this.fake.waitOutCellEdit(this.delayForCellEdit);
    const limit = this.fake.payloadLimit;
    const wire = this.wire;
    this.wire = new WireRequest(this.ids);
    // The body's bytes as office-js would send it; on the page (slices), counted a step at a time, not written out at once.
    const body = this.fake.keepBodies || !this.fake.sliceMs ? JSON.stringify(wire.body()) : null;
    const request = body !== null ? utf8Length(body) : await this.counted(wire.body());
    this.fake.lastRequest = this.fake.keepBodies ? body : null;
    if (request > this.fake.requestLimit) {
      this.fake.refused.push({ request, response: 0, actions: wire.actions.length });
      throw this.fake.oversize('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${request} > ${this.fake.requestLimit}).`);
    }
    const results: OpResult[] = [];
    const answers: WireResult[] = [];
    const slice = this.fake.sliceMs;
    let since = slice ? Date.now() : 0;
    for (const queued of queue) {
      if (slice && queued.prepare) {
        for (const _ of queued.prepare()) {
          if (Date.now() - since > slice) {
            await nextTask();
            since = Date.now();
          }
        }
      }
      const out = queued.run();
      if (isSteps(out)) {
        // Done a row at a time; with slices asked for, the page's other work comes in between.
        while (!out.next().done) {
          if (slice && Date.now() - since > slice) {
            await nextTask();
            since = Date.now();
          }
        }
      }
      const result = isSteps(out) ? undefined : out;
      if (result) {
        answers.push({ ActionId: queued.action.id, Value: result.data });
        results.push(result);
      }
      if (slice && Date.now() - since > slice) {
        await nextTask();
        since = Date.now();
      }
    }
    // On the page (slices), counted a step at a time as the request was: the same count as responseBytes.
    const response = slice && !this.fake.keepBodies ? await this.counted({ Results: answers }) : responseBytes(answers);
    this.fake.lastResponse = this.fake.keepBodies ? JSON.stringify({ Results: answers }) : null;
    if (response > limit) {
      this.fake.refused.push({ request, response, actions: wire.actions.length });
      throw this.fake.oversize('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${response} > ${limit}).`);
    }
    for (const result of results) result.commit();
    for (const proxy of created) proxy.synced = true;
    this.fake.syncCount++;
    this.fake.syncs.push({ request, response, actions: wire.actions.length });
  }
}

abstract class ClientObject {
  target: unknown = undefined;
  synced = false;
  /** Its object path on the wire (set when it is made: create(), property(), a collection's item). */
  wirePath!: WirePath;
  protected loaded = new Map<string, unknown>();
  constructor(readonly context: FakeRequestContext) {}

  get isNullObject(): boolean {
    if (!this.synced) throw notLoaded('isNullObject');
    return this.target === null;
  }

  protected get fake(): FakeExcel {
    return this.context.fake;
  }

  protected prop<T>(name: string): T {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as T;
  }

  /** The object this proxy stands for; acting on a null object is an error. */
  live<T>(): T {
    if (this.target === null || this.target === undefined) throw new FakeOfficeError('InvalidOperation', `${this.constructor.name} is a null object`);
    return this.target as T;
  }

  load(spec?: LoadSpec): this {
    const list = paths(spec);
    if (list.length === 0) throw new FakeOfficeError('InvalidArgument', 'load() without property names loads everything: name the properties (no-empty-load)');
    this.context.act(
      this.wirePath,
      2,
      '',
      { select: list.map((p) => p.join('/')) },
      () => {
        if (this.target === null) return { data: null, commit: () => undefined };
        const staged = list.map((p) => this.read(p));
        // The loaded properties by their wire names, as Range.prototype._handleResult reads them ("Values", "Address").
        return { data: Object.fromEntries(list.map((p, i) => [pascal(p.join('/')), staged[i].data])), commit: () => staged.forEach((s) => s.commit()) };
      },
      () => (this.target === null || this.target === undefined ? [] : this.prepareRead(list)),
    );
    return this;
  }

  /** What reading these paths would compute, a step at a time (see QueuedOp.prepare); nothing by default. */
  protected prepareRead(_paths: string[][]): Iterable<unknown> {
    return [];
  }

  /** Reads one load path now; commit() makes it visible on the proxy. */
  protected abstract read(path: string[]): OpResult;

  readPath(path: string[]): OpResult {
    return this.read(path);
  }

  protected scalar(name: string, value: unknown): OpResult {
    return { data: value, commit: () => void this.loaded.set(name, value) };
  }

  /** Queues setting a property of this object (ActionType 4: the value goes with it); `run` may do it a row at a time (Steps). */
  protected setProp(name: string, value: unknown, run: () => Steps | void): void {
    this.context.act(this.wirePath, 4, name, { args: [value] }, () => run() ?? undefined);
  }

  /** Queues a method of this object that returns nothing (ActionType 3). */
  protected call(name: string, args: unknown[], run: () => void): void {
    this.context.act(this.wirePath, 3, name, { args }, () => {
      run();
    });
  }

  toJSON(): unknown {
    return Object.fromEntries(this.loaded);
  }
}

class ClientResult<T> {
  private answer: T | undefined;
  private done = false;
  /** A method of the object at `path` that answers a value (getCount, getCellProperties). */
  constructor(context: FakeRequestContext, path: WirePath, method: string, args: unknown[], compute: () => T) {
    context.act(path, 3, method, { args }, () => {
      const answer = compute();
      return {
        data: answer,
        commit: () => {
          this.answer = answer;
          this.done = true;
        },
      };
    });
  }
  get value(): T {
    if (!this.done) throw notLoaded('value');
    return this.answer as T;
  }
}

/** A collection: load('items/x,items/y') (or 'x,y') loads those properties of every item. */
abstract class CollectionObject<T extends ClientObject> extends ClientObject {
  private itemsList: T[] | null = null;

  get items(): T[] {
    if (!this.itemsList) throw notLoaded('items');
    return this.itemsList;
  }

  /** The items as they are when the load runs (null: the collection's owner is a null object). */
  protected abstract make(): T[] | null;

  override load(spec?: LoadSpec): this {
    const list = paths(spec).map((p) => (p[0] === 'items' ? p.slice(1) : p));
    if (list.length === 0 || list.some((p) => p.length === 0)) throw new FakeOfficeError('InvalidArgument', 'Name the item properties to load (no-empty-load)');
    this.context.act(this.wirePath, 2, '', { select: list.map((p) => p.join('/')) }, () => {
      const items = this.make();
      if (items === null) return { data: null, commit: () => undefined };
      items.forEach((item, i) => (item.wirePath = new WirePath(this.context.ids, 5, '', this.wirePath, [i])));
      const staged = items.map((item) => list.map((p) => item.readPath(p)));
      return {
        data: { _Items: staged.map((row) => Object.fromEntries(row.map((x, i) => [pascal(list[i].join('/')), x.data]))) },
        commit: () => {
          this.itemsList = items;
          staged.forEach((row) => row.forEach((x) => x.commit()));
        },
      };
    });
    return this;
  }

  protected read(path: string[]): OpResult {
    throw new FakeOfficeError('InvalidArgument', `Load item properties of a collection, not ${path.join('/')}`);
  }
}

// ---- workbook, worksheets ----------------------------------------------------

/** A property object of `parent` (its own object path, made on first use, as office-js makes it). */
function propertyObject<T extends ClientObject>(object: T, parent: WirePath, name: string): T {
  object.wirePath = object.context.property(parent, name);
  return object;
}

class FakeWorkbook {
  private sheets: FakeWorksheetCollection | null = null;
  private guard: FakeWorkbookProtection | null = null;
  private tableList: FakeTableCollection | null = null;
  constructor(readonly context: FakeRequestContext) {}
  get worksheets(): FakeWorksheetCollection {
    this.sheets ??= propertyObject(new FakeWorksheetCollection(this.context), this.context.rootPath, 'worksheets');
    return this.sheets;
  }
  get protection(): FakeWorkbookProtection {
    this.guard ??= propertyObject(new FakeWorkbookProtection(this.context), this.context.rootPath, 'protection');
    return this.guard;
  }
  get tables(): FakeTableCollection {
    this.tableList ??= propertyObject(new FakeTableCollection(this.context, null), this.context.rootPath, 'tables');
    return this.tableList;
  }
}

class FakeWorkbookProtection extends ClientObject {
  get protected(): boolean {
    return this.prop('protected');
  }
  protected read(path: string[]): OpResult {
    this.fake.requireApi('Workbook.protection');
    if (path[0] !== 'protected') throw new FakeOfficeError('InvalidArgument', `WorkbookProtection has no ${path.join('/')}`);
    return this.scalar('protected', this.fake.model.protected_);
  }
}

class FakeWorksheetCollection extends CollectionObject<FakeWorksheet> {
  protected make(): FakeWorksheet[] {
    return this.fake.model.sheets.map((sheet) => {
      const worksheet = new FakeWorksheet(this.context);
      worksheet.target = sheet;
      worksheet.synced = true;
      return worksheet;
    });
  }

  getActiveWorksheet(): FakeWorksheet {
    return this.context.create(new FakeWorksheet(this.context), this.wirePath, { type: 3, name: 'getActiveWorksheet' }, () => this.fake.model.active);
  }

  getItem(name: string): FakeWorksheet {
    return this.context.create(new FakeWorksheet(this.context), this.wirePath, { type: 5, name: '', args: [name] }, () => {
      const sheet = this.fake.model.byName(name);
      if (!sheet) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: sheet ${name}`);
      return sheet;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return this.context.create(new FakeWorksheet(this.context), this.wirePath, { type: 3, name: 'getItemOrNullObject', args: [name], nullable: true }, () => {
      this.fake.requireApi('WorksheetCollection.getItemOrNullObject');
      return this.fake.model.byName(name) ?? null;
    });
  }

  add(name: string): FakeWorksheet {
    return this.context.create(new FakeWorksheet(this.context), this.wirePath, { type: 3, name: 'add', args: [name] }, () => {
      const model = this.fake.model;
      if (model.protected_) throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected.');
      checkSheetName(name);
      if (model.byName(name)) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${name} exists.`);
      return model.addSheet(name);
    });
  }

  getCount(): ClientResult<number> {
    return new ClientResult(this.context, this.wirePath, 'getCount', [], () => this.fake.model.sheets.length);
  }
}

class FakeWorksheetProtection extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(context);
  }
  get protected(): boolean {
    return this.prop('protected');
  }
  protected read(path: string[]): OpResult {
    this.fake.requireApi('Worksheet.protection');
    if (path[0] !== 'protected') throw new FakeOfficeError('InvalidArgument', `WorksheetProtection has no ${path.join('/')}`);
    const sheet = this.sheet.target as SheetModel | null;
    return this.scalar('protected', sheet ? sheet.protected_ : null);
  }
}

class FakeWorksheet extends ClientObject {
  private prot: FakeWorksheetProtection | null = null;
  private noteList: FakeNoteCollection | null = null;
  private chartList: FakeChartCollection | null = null;
  private tableList: FakeTableCollection | null = null;
  private freezePath: WirePath | null = null;
  private layout: FakePageLayout | null = null;
  private breaks: FakePageBreaks | null = null;

  get name(): string {
    return this.prop('name');
  }
  set name(value: string) {
    this.setProp('name', value, () => {
      const sheet = this.writable(false);
      checkSheetName(value);
      const other = this.fake.model.byName(value);
      if (other && other !== sheet) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${value} exists.`);
      this.fake.model.rename(sheet, value);
    });
  }
  get visibility(): Visibility {
    return this.prop('visibility');
  }
  set visibility(value: Visibility) {
    this.setProp('visibility', value, () => {
      this.fake.requireApi('Worksheet.visibility (set)');
      const sheet = this.live<SheetModel>();
      if (value !== 'Visible' && this.fake.model.sheets.filter((x) => x.visibility === 'Visible' && x !== sheet).length === 0) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must have at least one visible sheet.');
      }
      sheet.visibility = value;
      if (value !== 'Visible' && this.fake.model.activeId === sheet.id) this.fake.model.activeId = this.fake.model.sheets.find((x) => x.visibility === 'Visible')!.id;
    });
  }
  get position(): number {
    return this.prop('position');
  }
  get standardHeight(): number {
    return this.prop('standardHeight');
  }
  set position(value: number) {
    this.setProp('position', value, () => {
      const sheet = this.live<SheetModel>();
      const list = this.fake.model.sheets.filter((x) => x !== sheet);
      list.splice(Math.max(0, Math.min(value, list.length)), 0, sheet);
      this.fake.model.sheets = list;
    });
  }

  get freezePanes(): { freezeRows(count: number): void; unfreeze(): void; getLocationOrNullObject(): FakeRange } {
    this.freezePath ??= this.context.property(this.wirePath, 'freezePanes');
    const path = this.freezePath;
    return {
      // The frozen rows as a range ("1:5"), a null object when nothing is frozen (ExcelApi 1.7).
      getLocationOrNullObject: () =>
        this.context.create(new FakeRange(this.context, this), path, { type: 3, name: 'getLocationOrNullObject', nullable: true }, () => {
          this.fake.requireApi('Worksheet.freezePanes');
          const sheet = this.live<SheetModel>();
          return sheet.frozenRows > 0 ? { sheet: sheet, area: { top: 0, left: 0, bottom: sheet.frozenRows - 1, right: MAX_COLS - 1 } } : null;
        }),
      freezeRows: (count: number) =>
        this.context.act(path, 3, 'freezeRows', { args: [count] }, () => {
          this.fake.requireApi('Worksheet.freezePanes');
          this.live<SheetModel>().frozenRows = count;
        }),
      unfreeze: () =>
        this.context.act(path, 3, 'unfreeze', { args: [] }, () => {
          this.fake.requireApi('Worksheet.freezePanes');
          this.live<SheetModel>().frozenRows = 0;
        }),
    };
  }

  get protection(): FakeWorksheetProtection {
    this.prot ??= propertyObject(new FakeWorksheetProtection(this.context, this), this.wirePath, 'protection');
    return this.prot;
  }

  get notes(): FakeNoteCollection {
    this.noteList ??= propertyObject(new FakeNoteCollection(this.context, this), this.wirePath, 'notes');
    return this.noteList;
  }

  get charts(): FakeChartCollection {
    this.chartList ??= propertyObject(new FakeChartCollection(this.context, this), this.wirePath, 'charts');
    return this.chartList;
  }

  get tables(): FakeTableCollection {
    this.tableList ??= propertyObject(new FakeTableCollection(this.context, this), this.wirePath, 'tables');
    return this.tableList;
  }

  get pageLayout(): FakePageLayout {
    this.layout ??= new FakePageLayout(this.pageHost(), this.context.property(this.wirePath, 'pageLayout'));
    return this.layout;
  }

  get horizontalPageBreaks(): FakePageBreaks {
    this.breaks ??= new FakePageBreaks(this.pageHost(), this.context.property(this.wirePath, 'horizontalPageBreaks'));
    return this.breaks;
  }

  /** What its page layout and page breaks need of this proxy (page-layout.ts imports nothing of this file). */
  private pageHost(): PageHost {
    const sheet = () => this.live<SheetModel>();
    return {
      context: this.context,
      requireApi: (member) => this.fake.requireApi(member),
      sheet,
      parse: parseRange,
      rangeOf: (range) => {
        if (!(range instanceof FakeRange)) throw new FakeOfficeError('InvalidArgument', 'A Range or an address is expected.');
        return range.rt();
      },
      range: (parent, made, resolve) =>
        this.context.create(new FakeRange(this.context, this), parent, made, () => {
          const area = resolve();
          return area ? { sheet: sheet(), area } : null;
        }),
      areas: (parent, made, resolve) =>
        this.context.create(new FakeRangeAreas(this.context, this), parent, made, () => {
          const areas = resolve();
          return areas ? { sheet: sheet(), areas } : null;
        }),
    };
  }

  /** The sheet model, checked for protection when the change needs it. */
  writable(cells: boolean): SheetModel {
    const sheet = this.live<SheetModel>();
    if (cells && sheet.protected_) throw new FakeOfficeError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`);
    if (!cells && this.fake.model.protected_) throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected.');
    return sheet;
  }

  protected read(path: string[]): OpResult {
    const sheet = this.live<SheetModel>();
    switch (path[0]) {
      case 'name':
        return this.scalar('name', sheet.name);
      case 'visibility':
        return this.scalar('visibility', sheet.visibility);
      case 'position':
        return this.scalar('position', this.fake.model.sheets.indexOf(sheet));
      case 'id':
        return this.scalar('id', `{${sheet.id}}`);
      case 'standardHeight':
        this.fake.requireApi('Worksheet.standardHeight');
        return this.scalar('standardHeight', STANDARD_HEIGHT_POINTS);
      default:
        throw new FakeOfficeError('InvalidArgument', `Worksheet has no loadable ${path.join('/')}`);
    }
  }

  activate(): void {
    this.call('activate', [], () => {
      const sheet = this.live<SheetModel>();
      if (sheet.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'A hidden sheet cannot be activated.');
      this.fake.model.activeId = sheet.id;
      // The selection is now this sheet's cells: a chart selected on another sheet no longer is.
      if (this.fake.model.selectedChartSheet !== sheet) this.fake.model.selectedChartSheet = null;
    });
  }

  delete(): void {
    this.call('delete', [], () => {
      const sheet = this.writable(false);
      if (sheet.visibility === 'VeryHidden') {
        throw new FakeOfficeError('InvalidOperation', `The sheet ${sheet.name} is very hidden: make it hidden or visible before deleting it.`);
      }
      if (this.fake.model.sheets.filter((x) => x.visibility === 'Visible' && x !== sheet).length === 0) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must have at least one visible sheet.');
      }
      this.fake.model.remove(sheet);
    });
  }

  getRange(address?: string): FakeRange {
    return this.context.create(new FakeRange(this.context, this), this.wirePath, { type: 3, name: 'getRange', args: [address ?? null] }, () => {
      const sheet = this.live<SheetModel>();
      return { sheet: sheet, area: address ? parseRange(address) : { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 } };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return this.context.create(new FakeRange(this.context, this), this.wirePath, { type: 3, name: 'getRangeByIndexes', args: [startRow, startColumn, rowCount, columnCount] }, () => {
      this.fake.requireApi('Worksheet.getRangeByIndexes');
      if (rowCount < 1 || columnCount < 1) throw new FakeOfficeError('InvalidArgument', 'Empty range');
      return { sheet: this.live<SheetModel>(), area: { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 } };
    });
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return this.context.create(new FakeRange(this.context, this), this.wirePath, { type: 3, name: 'getUsedRange', args: [valuesOnly] }, () => {
      if (valuesOnly) this.fake.requireApi('Worksheet.getUsedRange(valuesOnly)');
      const sheet = this.live<SheetModel>();
      return { sheet: sheet, area: sheet.used(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this.context.create(new FakeRange(this.context, this), this.wirePath, { type: 3, name: 'getUsedRangeOrNullObject', args: [valuesOnly], nullable: true }, () => {
      this.fake.requireApi('Worksheet.getUsedRangeOrNullObject');
      const sheet = this.live<SheetModel>();
      const used = sheet.used(valuesOnly);
      return used ? { sheet: sheet, area: used } : null;
    });
  }
}

// ---- ranges ---------------------------------------------------------------

interface RangeTarget {
  sheet: SheetModel;
  area: Area;
}

type Grid = unknown[][];

class FakeRange extends ClientObject {
  private formatObj: FakeRangeFormat | null = null;
  private validationObj: FakeDataValidation | null = null;
  constructor(
    context: FakeRequestContext,
    readonly worksheet: FakeWorksheet,
  ) {
    super(context);
  }

  get address(): string {
    return this.prop('address');
  }
  get values(): Grid {
    return this.prop('values');
  }
  set values(grid: Grid) {
    this.write('values', grid, (cell, input, sheet, row, column) => {
      const parsed = parseInput(input, cell?.n ?? 'General');
      if (!keepsContent(sheet, row, column)) return;
      checkFormula(parsed.f);
      sheet.edit(row, column, (stored) => {
        stored.v = parsed.v;
        stored.f = parsed.f;
        stored.q = parsed.q;
      });
    });
  }
  get formulas(): Grid {
    return this.prop('formulas');
  }
  set formulas(grid: Grid) {
    this.write('formulas', grid, (cell, input, sheet, row, column) => {
      const parsed = typeof input === 'string' && input.startsWith('=') && input.length > 1 ? { v: null, f: input, q: false } : parseInput(input, cell?.n ?? 'General');
      if (!keepsContent(sheet, row, column)) return;
      checkFormula(parsed.f);
      sheet.edit(row, column, (stored) => {
        stored.v = parsed.v;
        stored.f = parsed.f;
        stored.q = parsed.q;
      });
    });
  }
  get numberFormat(): Grid {
    return this.prop('numberFormat');
  }
  set numberFormat(grid: Grid) {
    this.write('numberFormat', grid, (_cell, x, s, r, c) => s.edit(r, c, (e) => (e.n = String(x))));
  }
  get rowCount(): number {
    return this.prop('rowCount');
  }
  get columnCount(): number {
    return this.prop('columnCount');
  }
  get cellCount(): number {
    return this.prop('cellCount');
  }

  get format(): FakeRangeFormat {
    this.formatObj ??= new FakeRangeFormat(this, this.context.property(this.wirePath, 'format'));
    return this.formatObj;
  }

  get dataValidation(): FakeDataValidation {
    this.validationObj ??= new FakeDataValidation(this, this.context.property(this.wirePath, 'dataValidation'));
    return this.validationObj;
  }

  merge(across = false): void {
    this.call('merge', [across], () => {
      this.fake.requireApi('Range.merge');
      // office-js#399: "range.merge() fails with 'The current selection is invalid for this operation' if chart is currently selected".
      if (this.fake.model.selectedChartSheet) throw new FakeOfficeError('InvalidSelection', 'The current selection is invalid for this operation.');
      const { sheet, area } = this.rt();
      this.worksheet.writable(true);
      mergeArea(sheet, area, across, this.fake.model.tables);
    });
  }

  unmerge(): void {
    this.call('unmerge', [], () => {
      this.fake.requireApi('Range.unmerge');
      const { sheet, area } = this.rt();
      this.worksheet.writable(true);
      unmergeArea(sheet, area);
    });
  }

  get hyperlink(): HyperlinkInput {
    return this.prop('hyperlink');
  }
  set hyperlink(link: HyperlinkInput) {
    this.setProp('hyperlink', link, () => {
      this.fake.requireApi('Range.hyperlink');
      const { sheet, area } = this.rt();
      this.worksheet.writable(true);
      setHyperlink(sheet, area, link);
    });
  }

  /** The target, for the helper objects. */
  rt(): RangeTarget {
    return this.live<RangeTarget>();
  }

  /** Queues a 2-D write; null cells are left as they are. */
  private write(name: string, grid: Grid, put: (cell: ReturnType<SheetModel['get']>, input: unknown, sheet: SheetModel, row: number, column: number) => void): void {
    this.setProp(name, grid, () => this.writeSteps(name, grid, put));
  }

  /** The write, a row at a time. */
  private *writeSteps(name: string, grid: Grid, put: (cell: ReturnType<SheetModel['get']>, input: unknown, sheet: SheetModel, row: number, column: number) => void): Steps {
    const { sheet, area } = this.rt();
    this.worksheet.writable(true);
    const rows = area.bottom - area.top + 1;
    const cols = area.right - area.left + 1;
    if (!Array.isArray(grid) || grid.length !== rows || grid.some((r) => !Array.isArray(r) || r.length !== cols)) {
      throw new FakeOfficeError('InvalidArgument', `The ${name} array does not match the range ${areaAddress(area)} (${rows}×${cols}).`);
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
    if (!paths.some((p) => p[0] === 'values')) return;
    const { sheet, area } = this.rt();
    if (cellsIn(area) > this.fake.cellCap) return;
    const model = this.fake.model;
    for (let row = area.top; row <= area.bottom; row++) {
      for (let column = area.left; column <= area.right; column++) if (sheet.get(row, column)?.f) model.value(sheet, row, column);
      yield row;
    }
  }

  protected read(path: string[]): OpResult {
    const { sheet, area } = this.rt();
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
        return this.scalar('values', grid((r, c) => model.value(sheet, r, c) ?? ''));
      case 'formulas':
        return this.scalar(
          'formulas',
          grid((row, column) => {
            const cell = sheet.get(row, column);
            return cell?.f ?? cell?.v ?? '';
          }),
        );
      case 'numberFormat':
        return this.scalar('numberFormat', grid((r, c) => sheet.get(r, c)?.n ?? 'General'));
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
    return this.context.create(new FakeRange(this.context, this.worksheet), this.wirePath, spec, () => derive(this.rt()));
  }

  getIntersectionOrNullObject(other: FakeRange): FakeRange {
    return this.derived({ type: 3, name: 'getIntersectionOrNullObject', args: [other], nullable: true }, (source) => {
      this.fake.requireApi('Range.getIntersectionOrNullObject');
      const otherTarget = other.rt();
      if (otherTarget.sheet !== source.sheet) throw new FakeOfficeError('InvalidArgument', 'Ranges on different sheets');
      const overlap = intersect(source.area, otherTarget.area);
      return overlap ? { sheet: source.sheet, area: overlap } : null;
    });
  }

  private usedWithin(source: RangeTarget, valuesOnly: boolean): Area | null {
    let used: Area | null = null;
    for (const [key, cell] of source.sheet.cells) {
      const row = Math.floor(key / 16384);
      const column = key % 16384;
      if (row < source.area.top || row > source.area.bottom || column < source.area.left || column > source.area.right) continue;
      const hasValue = (cell.v !== null && cell.v !== '') || !!cell.f;
      if (valuesOnly && !hasValue) continue;
      used = used ? { top: Math.min(used.top, row), left: Math.min(used.left, column), bottom: Math.max(used.bottom, row), right: Math.max(used.right, column) } : { top: row, left: column, bottom: row, right: column };
    }
    return used;
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return this.derived({ type: 3, name: 'getUsedRange', args: [valuesOnly] }, (source) => {
      if (valuesOnly) this.fake.requireApi('Range.getUsedRange(valuesOnly)');
      return { sheet: source.sheet, area: this.usedWithin(source, valuesOnly) ?? { ...source.area, bottom: source.area.top, right: source.area.left } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this.derived({ type: 3, name: 'getUsedRangeOrNullObject', args: [valuesOnly], nullable: true }, (source) => {
      this.fake.requireApi('Range.getUsedRangeOrNullObject');
      const used = this.usedWithin(source, valuesOnly);
      return used ? { sheet: source.sheet, area: used } : null;
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return this.context.create(new FakeRangeAreas(this.context, this.worksheet), this.wirePath, { type: 3, name: 'getMergedAreasOrNullObject', nullable: true }, () => {
      this.fake.requireApi('Range.getMergedAreasOrNullObject');
      const source = this.rt();
      // Only areas whose top-left cell lies in the range (OfficeDev/office-js#3611).
      const areas = source.sheet.merges.filter((m) => m.top >= source.area.top && m.top <= source.area.bottom && m.left >= source.area.left && m.left <= source.area.right);
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
      const source = this.rt();
      if (cellType === 'DataValidations') {
        // The cells with a validation: the fake answers each validation's area inside the range.
        const areas = source.sheet.validations.map((v) => intersect(v.area, source.area)).filter((a): a is Area => a !== null);
        return areas.length > 0 ? { sheet: source.sheet, areas } : null;
      }
      if (cellType !== 'Formulas') throw new FakeOfficeError('NotImplemented', `Special cells ${cellType}`);
      const cells: { row: number; column: number }[] = [];
      for (const [key, cell] of source.sheet.cells) {
        const row = Math.floor(key / 16384);
        const column = key % 16384;
        if (cell.f && row >= source.area.top && row <= source.area.bottom && column >= source.area.left && column <= source.area.right) cells.push({ row, column });
      }
      if (cells.length === 0) return null;
      // Column runs of consecutive rows, as rectangles.
      cells.sort((first, second) => first.column - second.column || first.row - second.row);
      const areas: Area[] = [];
      for (const position of cells) {
        const last = areas[areas.length - 1];
        if (last && last.left === position.column && last.bottom === position.row - 1) last.bottom = position.row;
        else areas.push({ top: position.row, left: position.column, bottom: position.row, right: position.column });
      }
      return { sheet: source.sheet, areas };
    });
  }

  getCellProperties(options: CellPropertiesOptions): ClientResult<unknown[][]> {
    return new ClientResult(this.context, this.wirePath, 'getCellProperties', [options], () => {
      this.fake.requireApi('Range.getCellProperties');
      const { sheet, area } = this.rt();
      const out: unknown[][] = [];
      for (let row = area.top; row <= area.bottom; row++) {
        const rowProperties: unknown[] = [];
        for (let column = area.left; column <= area.right; column++) {
          const cell = sheet.get(row, column);
          const properties: Record<string, unknown> = {};
          if (options.address) properties.address = formatRange(sheet.name, { top: row, left: column, bottom: row, right: column });
          const formatProperties: Record<string, unknown> = {};
          if (options.format?.font?.bold) formatProperties.font = { bold: cell?.b ?? false };
          const fill: Record<string, unknown> = {};
          if (options.format?.fill?.color) fill.color = cell?.fill ?? '#FFFFFF';
          if (options.format?.fill?.pattern) fill.pattern = cell?.fill ? 'Solid' : 'None';
          if (Object.keys(fill).length > 0) formatProperties.fill = fill;
          if (options.format?.wrapText) formatProperties.wrapText = cell?.wrap ?? false;
          if (options.format?.verticalAlignment) formatProperties.verticalAlignment = cell?.vAlign ?? 'Bottom';
          if (options.format?.borders) formatProperties.borders = cellBorders(cell?.border ?? null);
          if (Object.keys(formatProperties).length > 0) properties.format = formatProperties;
          // A link to a place in the workbook is a document reference (RangeHyperlink.documentReference), not an address.
          if (options.hyperlink) properties.hyperlink = cell?.link ? (cell.link.startsWith('#') ? { documentReference: cell.link.slice(1) } : { address: cell.link }) : undefined;
          rowProperties.push(properties);
        }
        out.push(rowProperties);
      }
      return out;
    });
  }

  /** Range.getColumnProperties (ExcelApi 1.9): each column's width in points (a column never set has the standard width). */
  getColumnProperties(options: { format?: { columnWidth?: boolean } }): ClientResult<unknown[]> {
    return new ClientResult(this.context, this.wirePath, 'getColumnProperties', [options], () => {
      this.fake.requireApi('Range.getColumnProperties');
      const { sheet, area } = this.rt();
      const out: unknown[] = [];
      for (let column = area.left; column <= area.right; column++) out.push({ columnIndex: column, format: { columnWidth: sheet.widths.get(column) ?? STANDARD_WIDTH_POINTS } });
      return out;
    });
  }

  /** Range.getRowProperties (ExcelApi 1.9): each row's height in points (a row never set has the standard height). */
  getRowProperties(options: { format?: { rowHeight?: boolean } }): ClientResult<unknown[]> {
    return new ClientResult(this.context, this.wirePath, 'getRowProperties', [options], () => {
      this.fake.requireApi('Range.getRowProperties');
      const { sheet, area } = this.rt();
      const out: unknown[] = [];
      for (let row = area.top; row <= area.bottom; row++) out.push({ rowIndex: row, format: { rowHeight: sheet.heights.get(row) ?? STANDARD_HEIGHT_POINTS } });
      return out;
    });
  }

  /** Range.insert returns the new range (an object path of its own); the fake hands back this one. */
  insert(shift: string): FakeRange {
    this.context.create(new FakeRange(this.context, this.worksheet), this.wirePath, { type: 3, name: 'insert', args: [shift] }, () => {
      const { sheet, area } = this.rt();
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
      const { sheet, area } = this.rt();
      this.worksheet.writable(true);
      if (shift === 'Up' && area.left === 0 && area.right === MAX_COLS - 1) this.fake.model.deleteRows(sheet, area.top, area.bottom - area.top + 1);
      else if (shift === 'Left' && area.top === 0 && area.bottom === MAX_ROWS - 1) sheet.deleteColumns(area.left, area.right - area.left + 1);
      else throw new FakeOfficeError('NotImplemented', `delete(${shift}) on ${areaAddress(area)}: the fake deletes whole rows up or whole columns left`);
    });
  }

  clear(applyTo = 'All'): void {
    this.call('clear', [applyTo], () => {
      const { sheet, area } = this.rt();
      this.worksheet.writable(true);
      for (const [key] of [...sheet.cells]) {
        const row = Math.floor(key / 16384);
        const column = key % 16384;
        if (row < area.top || row > area.bottom || column < area.left || column > area.right) continue;
        sheet.edit(row, column, (cell) => {
          if (applyTo === 'Contents' || applyTo === 'All') {
            cell.v = null;
            cell.f = null;
            cell.q = false;
          }
          if (applyTo === 'Formats' || applyTo === 'All') {
            cell.n = 'General';
            cell.b = false;
            cell.fill = null;
            cell.wrap = false;
            cell.vAlign = null;
            cell.border = null;
          }
          if (applyTo === 'All') cell.link = null;
        });
      }
    });
  }

  select(): void {
    this.call('select', [], () => {
      const { sheet, area } = this.rt();
      if (this.fake.model.activeId !== sheet.id) throw new FakeOfficeError('InvalidSelection', 'Only a range on the active sheet can be selected.');
      this.fake.model.selection = { sheetId: sheet.id, area };
      this.fake.model.selectedChartSheet = null;
    });
  }
}

class FakeRangeFormat {
  private fillObj: { color: string; clear(): void } | null = null;
  private fontObj: { bold: boolean } | null = null;
  private bordersObj: { getItem(index: string): { style: string; weight: string } } | null = null;
  constructor(
    private readonly range: FakeRange,
    /** The format's own object path (Range.format). */
    private readonly path: WirePath,
  ) {}

  /** Every cell of the range, a row at a time (the page's sliced syncs let other work in between). */
  private *each(visit: (sheet: SheetModel, row: number, column: number) => void): Steps {
    const { sheet, area } = this.range.rt();
    this.range.worksheet.writable(true);
    for (let row = area.top; row <= area.bottom; row++) {
      for (let column = area.left; column <= area.right; column++) visit(sheet, row, column);
      yield row;
    }
  }

  get fill(): { color: string; clear(): void } {
    if (this.fillObj) return this.fillObj;
    const ctx = this.range.context;
    const path = ctx.property(this.path, 'fill');
    const each = this.each.bind(this);
    this.fillObj = {
      get color(): string {
        throw notLoaded('color');
      },
      set color(value: string) {
        ctx.act(path, 4, 'color', { args: [value] }, () => each((s, r, c) => s.edit(r, c, (e) => (e.fill = value.toUpperCase()))));
      },
      clear: () => ctx.act(path, 3, 'clear', { args: [] }, () => each((s, r, c) => s.edit(r, c, (e) => (e.fill = null)))),
    };
    return this.fillObj;
  }

  get font(): { bold: boolean } {
    if (this.fontObj) return this.fontObj;
    const ctx = this.range.context;
    const path = ctx.property(this.path, 'font');
    const each = this.each.bind(this);
    this.fontObj = {
      get bold(): boolean {
        throw notLoaded('bold');
      },
      set bold(value: boolean) {
        ctx.act(path, 4, 'bold', { args: [value] }, () => each((s, r, c) => s.edit(r, c, (e) => (e.b = value))));
      },
    };
    return this.fontObj;
  }

  set columnWidth(points: number) {
    const range = this.range;
    range.context.act(this.path, 4, 'columnWidth', { args: [points] }, () => {
      range.context.fake.requireApi('RangeFormat.columnWidth');
      const { sheet, area } = range.rt();
      range.worksheet.writable(true);
      for (let column = area.left; column <= area.right; column++) sheet.widths.set(column, points);
    });
  }
  get columnWidth(): number {
    throw notLoaded('columnWidth');
  }

  /** A cell format set on every cell of the range (a protected sheet refuses it). */
  private cells(name: string, value: unknown, check: () => void, apply: (cell: FakeCell) => void): void {
    const range = this.range;
    range.context.act(this.path, 4, name, { args: [value] }, () => {
      check();
      const { sheet, area } = range.rt();
      range.worksheet.writable(true);
      for (let row = area.top; row <= area.bottom; row++) for (let column = area.left; column <= area.right; column++) sheet.edit(row, column, apply);
    });
  }

  set wrapText(value: boolean) {
    this.cells('wrapText', value, () => undefined, (e) => (e.wrap = value === true));
  }
  get wrapText(): boolean {
    throw notLoaded('wrapText');
  }

  set verticalAlignment(value: string) {
    this.cells('verticalAlignment', value, () => checkVerticalAlignment(value), (e) => (e.vAlign = value === 'Bottom' ? null : value));
  }
  get verticalAlignment(): string {
    throw notLoaded('verticalAlignment');
  }

  set rowHeight(points: number) {
    const range = this.range;
    range.context.act(this.path, 4, 'rowHeight', { args: [points] }, () => {
      range.context.fake.requireApi('RangeFormat.rowHeight');
      const { sheet, area } = range.rt();
      range.worksheet.writable(true);
      setRowHeight(sheet, area, points);
    });
  }
  get rowHeight(): number {
    throw notLoaded('rowHeight');
  }

  get borders(): { getItem(index: string): { style: string; weight: string } } {
    if (this.bordersObj) return this.bordersObj;
    const range = this.range;
    const ctx = range.context;
    const bordersPath = ctx.property(this.path, 'borders');
    const border = (path: WirePath, index: string, prop: 'style' | 'weight', value: string) =>
      ctx.act(path, 4, prop, { args: [value] }, () => {
        const { sheet, area } = range.rt();
        range.worksheet.writable(true);
        return setBorder(sheet, area, index, prop, value);
      });
    this.bordersObj = {
      // An indexer: each getItem is an object path of its own.
      getItem: (index: string) => {
        const path = new WirePath(ctx.ids, 5, '', bordersPath, [index]);
        ctx.wire.ensure(path);
        return {
          get style(): string {
            throw notLoaded('style');
          },
          set style(value: string) {
            border(path, index, 'style', value);
          },
          get weight(): string {
            throw notLoaded('weight');
          },
          set weight(value: string) {
            border(path, index, 'weight', value);
          },
        };
      },
    };
    return this.bordersObj;
  }
}

/** Range.dataValidation (ExcelApi 1.8): write-only here (format.ts holds the rules). */
class FakeDataValidation {
  private readonly loadedValues = new Map<string, unknown>();
  constructor(
    private readonly range: FakeRange,
    private readonly path: WirePath,
  ) {}
  /**
   * type, rule, prompt, errorAlert, ignoreBlanks of the range's validation:
   * type None where it has none, Inconsistent where its cells carry
   * different ones (or only some carry one); the others then read as empty.
   */
  load(spec: string): this {
    const names = spec.split(',').map((x) => x.trim());
    const range = this.range;
    range.context.act(this.path, 2, '', { select: names }, () => {
      range.context.fake.requireApi('Range.dataValidation');
      const { sheet, area } = range.rt();
      const here = sheet.validations.filter((v) => intersect(v.area, area) !== null);
      const one = here.length === 1 && here[0].area.top <= area.top && here[0].area.left <= area.left && here[0].area.bottom >= area.bottom && here[0].area.right >= area.right ? here[0] : null;
      const ruleType = (v: ValidationModel) => Object.keys(v.rule ?? {})[0] ?? '';
      const type = here.length === 0 ? 'None' : one ? pascal(ruleType(one)) : 'Inconsistent';
      const all: Record<string, unknown> = {
        type,
        rule: one?.rule ?? {},
        prompt: one?.prompt ?? { showPrompt: false, title: '', message: '' },
        errorAlert: one?.errorAlert ?? { showAlert: true, style: 'Stop', title: '', message: '' },
        ignoreBlanks: one?.ignoreBlanks ?? true,
      };
      const values = names.map((n) => JSON.parse(JSON.stringify(all[n] ?? null)) as unknown);
      return { data: Object.fromEntries(names.map((n, i) => [pascal(n), values[i]])), commit: () => names.forEach((n, i) => this.loadedValues.set(n, values[i])) };
    });
    return this;
  }
  get type(): string {
    if (!this.loadedValues.has('type')) throw notLoaded('type');
    return this.loadedValues.get('type') as string;
  }
  private part(name: ValidationPart, value: unknown): void {
    const range = this.range;
    range.context.act(this.path, 4, name, { args: [value] }, () => {
      range.context.fake.requireApi('Range.dataValidation');
      const { sheet, area } = range.rt();
      range.worksheet.writable(true);
      setValidation(sheet, area, name, value);
    });
  }
  set rule(value: unknown) {
    this.part('rule', value);
  }
  get rule(): unknown {
    if (!this.loadedValues.has('rule')) throw notLoaded('rule');
    return this.loadedValues.get('rule');
  }
  set prompt(value: unknown) {
    this.part('prompt', value);
  }
  get prompt(): unknown {
    if (!this.loadedValues.has('prompt')) throw notLoaded('prompt');
    return this.loadedValues.get('prompt');
  }
  set errorAlert(value: unknown) {
    this.part('errorAlert', value);
  }
  get errorAlert(): unknown {
    if (!this.loadedValues.has('errorAlert')) throw notLoaded('errorAlert');
    return this.loadedValues.get('errorAlert');
  }
  set ignoreBlanks(value: boolean) {
    this.part('ignoreBlanks', value);
  }
  get ignoreBlanks(): boolean {
    if (!this.loadedValues.has('ignoreBlanks')) throw notLoaded('ignoreBlanks');
    return this.loadedValues.get('ignoreBlanks') as boolean;
  }
  clear(): void {
    const range = this.range;
    range.context.act(this.path, 3, 'clear', { args: [] }, () => {
      range.context.fake.requireApi('Range.dataValidation');
      const { sheet, area } = range.rt();
      range.worksheet.writable(true);
      clearValidation(sheet, area);
    });
  }
}

// ---- tables -------------------------------------------------------------------

/** Workbook.tables (sheet null) or Worksheet.tables (ExcelApi 1.1). */
class FakeTableCollection extends CollectionObject<FakeTable> {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: FakeWorksheet | null,
  ) {
    super(context);
  }
  protected make(): FakeTable[] {
    const owner = this.sheet ? this.sheet.live<SheetModel>() : null;
    return this.fake.model.tables
      .filter((t) => owner === null || t.sheet === owner)
      .map((table) => {
        const proxy = new FakeTable(this.context);
        proxy.target = table;
        proxy.synced = true;
        return proxy;
      });
  }
  add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
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
  private where(address: string | FakeRange): { sheet: SheetModel; area: Area } {
    if (typeof address !== 'string') {
      this.fake.requireApi('TableCollection.add(Range)');
      return address.rt();
    }
    const bang = address.lastIndexOf('!');
    const named = bang >= 0 ? this.fake.model.byName(address.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'")) : this.fake.model.active;
    if (!named) throw new FakeOfficeError('ItemNotFound', `No sheet in ${address}`);
    return { sheet: named, area: parseRange(address) };
  }
}

class FakeTable extends ClientObject {
  get name(): string {
    return this.prop('name');
  }
  set name(value: string) {
    this.setProp('name', value, () => {
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

interface AreasTarget {
  sheet: SheetModel;
  areas: Area[];
}

class FakeRangeAreas extends ClientObject {
  private areaList: FakeRangeCollection | null = null;
  constructor(
    context: FakeRequestContext,
    readonly worksheet: FakeWorksheet,
  ) {
    super(context);
  }
  get areas(): FakeRangeCollection {
    this.areaList ??= propertyObject(new FakeRangeCollection(this.context, this), this.wirePath, 'areas');
    return this.areaList;
  }
  get address(): string {
    return this.prop('address');
  }
  get areaCount(): number {
    return this.prop('areaCount');
  }
  protected read(path: string[]): OpResult {
    const source = this.live<AreasTarget>();
    if (path[0] === 'address') return this.scalar('address', source.areas.map((a) => formatRange(source.sheet.name, a)).join(','));
    if (path[0] === 'areaCount') return this.scalar('areaCount', source.areas.length);
    throw new FakeOfficeError('InvalidArgument', `RangeAreas has no loadable ${path.join('/')} (load areas/items/… on .areas)`);
  }
}

class FakeRangeCollection extends CollectionObject<FakeRange> {
  constructor(
    context: FakeRequestContext,
    private readonly parent: FakeRangeAreas,
  ) {
    super(context);
  }
  protected make(): FakeRange[] | null {
    if (this.parent.target === null || this.parent.target === undefined) return null;
    const source = this.parent.target as AreasTarget;
    return source.areas.map((area) => {
      const range = new FakeRange(this.context, this.parent.worksheet);
      range.target = { sheet: source.sheet, area: area };
      range.synced = true;
      return range;
    });
  }
}

// ---- notes ------------------------------------------------------------------

interface NoteTarget {
  sheet: SheetModel;
  row: number;
  col: number;
}

class FakeNoteCollection extends CollectionObject<FakeNote> {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(context);
  }

  /** The sheet's notes, row by row (load('items/content'); each one's cell through getLocation()). */
  protected make(): FakeNote[] {
    this.check();
    const sheet = this.sheet.live<SheetModel>();
    return [...sheet.cells.entries()]
      .filter(([, cell]) => cell.note !== null)
      .sort((a, b) => a[0] - b[0])
      .map(([key]) => {
        const note = new FakeNote(this.context, this.sheet);
        note.target = { sheet, row: Math.floor(key / 16384), col: key % 16384 } satisfies NoteTarget;
        note.synced = true;
        return note;
      });
  }

  private check(): void {
    this.fake.requireApi('Worksheet.notes');
  }

  private at(address: string): NoteTarget {
    const area = parseRange(address);
    if (area.top !== area.bottom || area.left !== area.right) throw new FakeOfficeError('InvalidCellAddress', `${address} is not a single cell`);
    return { sheet: this.sheet.live<SheetModel>() as SheetModel, row: area.top, col: area.left };
  }

  add(cellAddress: string, content: string): FakeNote {
    return this.context.create(new FakeNote(this.context, this.sheet), this.wirePath, { type: 3, name: 'add', args: [cellAddress, content] }, () => {
      this.check();
      const place = this.at(cellAddress);
      this.sheet.writable(true);
      if (place.sheet.get(place.row, place.col)?.note != null) throw new FakeOfficeError('InvalidArgument', `${cellAddress} already has a note`);
      place.sheet.edit(place.row, place.col, (e) => (e.note = String(content)));
      return place;
    });
  }

  getItem(key: string): FakeNote {
    return this.context.create(new FakeNote(this.context, this.sheet), this.wirePath, { type: 5, name: '', args: [key] }, () => {
      this.check();
      const place = this.at(key);
      if (place.sheet.get(place.row, place.col)?.note == null) throw new FakeOfficeError('ItemNotFound', `No note at ${key}`);
      return place;
    });
  }

  getItemOrNullObject(key: string): FakeNote {
    return this.context.create(new FakeNote(this.context, this.sheet), this.wirePath, { type: 3, name: 'getItemOrNullObject', args: [key], nullable: true }, () => {
      this.check();
      const place = this.at(key);
      return place.sheet.get(place.row, place.col)?.note == null ? null : place;
    });
  }

  getCount(): ClientResult<number> {
    return new ClientResult(this.context, this.wirePath, 'getCount', [], () => {
      this.check();
      return [...this.sheet.live<SheetModel>().cells.values()].filter((c) => c.note !== null).length;
    });
  }
}

class FakeNote extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(context);
  }
  get content(): string {
    return this.prop('content');
  }
  set content(value: string) {
    this.setProp('content', value, () => {
      const place = this.live<NoteTarget>();
      this.sheet.writable(true);
      place.sheet.edit(place.row, place.col, (e) => (e.note = String(value)));
    });
  }
  delete(): void {
    this.call('delete', [], () => {
      const place = this.live<NoteTarget>();
      this.sheet.writable(true);
      place.sheet.edit(place.row, place.col, (e) => (e.note = null));
    });
  }
  /** The note's cell (ExcelApi 1.18). */
  getLocation(): FakeRange {
    return this.context.create(new FakeRange(this.context, this.sheet), this.wirePath, { type: 3, name: 'getLocation' }, () => {
      const place = this.live<NoteTarget>();
      return { sheet: place.sheet, area: { top: place.row, left: place.col, bottom: place.row, right: place.col } };
    });
  }
  protected read(path: string[]): OpResult {
    const place = this.live<NoteTarget>();
    if (path[0] === 'content') return this.scalar('content', place.sheet.get(place.row, place.col)?.note ?? '');
    throw new FakeOfficeError('InvalidArgument', `Note has no loadable ${path.join('/')}`);
  }
}

// ---- charts -------------------------------------------------------------------

class FakeChartCollection extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(context);
  }
  protected read(path: string[]): OpResult {
    throw new FakeOfficeError('NotImplemented', `ChartCollection.load(${path.join('/')})`);
  }
  add(type: string, sourceData: FakeRange, seriesBy = 'Auto'): FakeChart {
    return this.context.create(new FakeChart(this.context), this.wirePath, { type: 3, name: 'add', args: [type, sourceData, seriesBy] }, () => {
      const sheet = this.sheet.writable(true);
      const source = sourceData.rt();
      const chart: ChartModel = { type, source: formatRange(source.sheet.name, source.area), seriesBy, title: null, xValues: null, legend: true, position: null };
      sheet.charts.push(chart);
      return chart;
    });
  }
  getCount(): ClientResult<number> {
    return new ClientResult(this.context, this.wirePath, 'getCount', [], () => this.sheet.live<SheetModel>().charts.length);
  }
  /** The chart at a position on the sheet (ExcelApi 1.1). */
  getItemAt(index: number): FakeChart {
    return this.context.create(new FakeChart(this.context), this.wirePath, { type: 3, name: 'getItemAt', args: [index] }, () => {
      const chart = this.sheet.live<SheetModel>().charts[index];
      if (!chart) throw new FakeOfficeError('ItemNotFound', `No chart at ${index}`);
      return chart;
    });
  }
}

class FakeChart extends ClientObject {
  private chart(): ChartModel {
    return this.live<ChartModel>();
  }

  get title(): { text: string; load(spec: string): unknown } {
    const path = this.context.property(this.wirePath, 'title');
    const context = this.context;
    const chart = () => this.chart();
    let loaded: { text: string } | null = null;
    const title = {
      get text(): string {
        if (!loaded) throw notLoaded('text');
        return loaded.text;
      },
      set text(value: string) {
        context.act(path, 4, 'text', { args: [value] }, () => void (chart().title = value));
      },
      load(spec: string) {
        context.act(path, 2, '', { select: [spec] }, () => {
          const text = chart().title ?? '';
          return { data: { Text: text }, commit: () => void (loaded = { text }) };
        });
        return title;
      },
    };
    return title;
  }

  /** Chart.delete (ExcelApi 1.1). */
  delete(): void {
    this.call('delete', [], () => {
      const chart = this.chart();
      for (const sheet of this.fake.model.sheets) sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }

  get legend(): { visible: boolean } {
    const path = this.context.property(this.wirePath, 'legend');
    const context = this.context;
    const chart = () => this.chart();
    return {
      get visible(): boolean {
        throw notLoaded('visible');
      },
      set visible(value: boolean) {
        context.act(path, 4, 'visible', { args: [value] }, () => void (chart().legend = value));
      },
    };
  }

  get series(): { getItemAt(i: number): { setXAxisValues(range: FakeRange): void; name: string } } {
    const context = this.context;
    const seriesPath = context.property(this.wirePath, 'series');
    const chart = () => this.chart();
    return {
      getItemAt: (i: number) => {
        const path = new WirePath(context.ids, 3, 'GetItemAt', seriesPath, [i]);
        context.wire.ensure(path);
        return {
          setXAxisValues: (range: FakeRange) =>
            context.act(path, 3, 'setXAxisValues', { args: [range] }, () => {
              context.fake.requireApi('ChartSeries.setXAxisValues');
              const source = range.rt();
              chart().xValues = formatRange(source.sheet.name, source.area);
            }),
          get name(): string {
            throw notLoaded('name');
          },
          set name(value: string) {
            context.act(path, 4, 'name', { args: [value] }, () => undefined);
          },
        };
      },
    };
  }

  setPosition(startCell: string | FakeRange, endCell?: string | FakeRange): void {
    this.call('setPosition', [startCell, endCell ?? null], () => {
      chartPosition(this.live<ChartModel>(), startCell);
    });
  }
  protected read(path: string[]): OpResult {
    throw new FakeOfficeError('NotImplemented', `Chart.load(${path.join('/')})`);
  }
}

function chartPosition(chart: ChartModel, start: string | FakeRange): void {
  chart.position = typeof start === 'string' ? start : areaAddress(start.rt().area);
}

// ---- the fake itself ----------------------------------------------------------

export class FakeExcel {
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
    this.load(data);
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

  private load(data: FakeWorkbookData): void {
    for (const sheetData of data.sheets) {
      const sheet = this.model.addSheet(sheetData.name, sheetData.visibility ?? 'Visible');
      sheet.protected_ = sheetData.protected ?? false;
      const firstRow = sheetData.startRow ?? 0;
      const firstColumn = sheetData.startCol ?? 0;
      sheetData.values.forEach((row, i) =>
        row.forEach((value, j) => {
          const formula = sheetData.formulas?.[i]?.[j];
          const format = sheetData.numberFormats?.[i]?.[j];
          const hasFormula = typeof formula === 'string' && formula.startsWith('=');
          if ((value === null || value === '') && !hasFormula && !format) return;
          sheet.edit(firstRow + i, firstColumn + j, (cell) => {
            cell.v = hasFormula ? null : value === '' ? null : value;
            cell.f = hasFormula ? formula : null;
            if (format) cell.n = format;
          });
        }),
      );
      sheet.merges = sheetData.merges.map(parseRange);
      for (const [address, text] of Object.entries(sheetData.notes ?? {})) {
        const area = parseRange(address);
        sheet.edit(area.top, area.left, (e) => (e.note = text));
      }
      for (const [address, color] of Object.entries(sheetData.fills ?? {})) {
        const area = parseRange(address);
        sheet.edit(area.top, area.left, (e) => (e.fill = color.toUpperCase()));
      }
      for (const address of sheetData.bold ?? []) {
        const area = parseRange(address);
        sheet.edit(area.top, area.left, (e) => (e.b = true));
      }
    }
    this.model.protected_ = data.protected ?? false;
    const active = data.activeSheet ? this.model.byName(data.activeSheet) : this.model.sheets.find((s) => s.visibility === 'Visible');
    if (active) this.model.activeId = active.id;
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
      run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => this.run({ delayForCellEdit: true }, (c) => batch(c as unknown as Excel.RequestContext)),
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
    return Math.max(0, ...this.syncs.map((s) => s.request));
  }

  get maxResponse(): number {
    return Math.max(0, ...this.syncs.map((s) => s.response));
  }

  // ---- inspection for tests ----

  /** The user clicks a chart on this sheet (one is added if it has none): the sheet is active and the chart selected. */
  selectChart(sheetName: string): void {
    const sheet = this.sheet(sheetName);
    if (sheet.charts.length === 0) sheet.charts.push({ type: 'ColumnClustered', source: formatRange(sheet.name, { top: 0, left: 0, bottom: 1, right: 1 }), seriesBy: 'Auto', title: null, xValues: null, legend: true, position: 'J2' });
    this.model.activeId = sheet.id;
    this.model.selectedChartSheet = sheet;
  }

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

  cell(sheet: string, address: string): { v: CellValue; f: string | null; n: string; b: boolean; fill: string | null; note: string | null } {
    const area = parseRange(address);
    const sheetModel = this.sheet(sheet);
    const stored = sheetModel.get(area.top, area.left);
    return { v: this.model.value(sheetModel, area.top, area.left), f: stored?.f ?? null, n: stored?.n ?? 'General', b: stored?.b ?? false, fill: stored?.fill ?? null, note: stored?.note ?? null };
  }

  /** Plain data of the whole workbook, for toEqual. */
  dump(options: { hidden?: boolean } = {}): WorkbookDump {
    const sheets = this.model.sheets.filter((s) => options.hidden !== false || s.visibility === 'Visible');
    const tables = this.model.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, area: areaAddress(t.area), columns: [...t.columns] }));
    return { active: this.model.active?.name ?? '', sheets: sheets.map(dumpSheet), tables };
  }

  /** Sheet names in order. */
  names(): string[] {
    return this.model.sheets.map((s) => s.name);
  }

  key(row: number, column: number): number {
    return KEY(row, column);
  }
}
