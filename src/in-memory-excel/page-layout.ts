// The fake's page layout (ExcelApi 1.9): Worksheet.pageLayout — paper,
// orientation, zoom, margins, print titles, print area, header and footer,
// set and loaded — and Worksheet.horizontalPageBreaks (add, count, each
// break's first cell, remove all). Each call is built on the wire as
// office-js builds it (wire.ts; excel-web-16.00.debug.js: `headersFooters`
// and `defaultForAllPages` are property objects, `getPrintTitleRowsOrNullObject`
// and `getPrintAreaOrNullObject` method objects, `add` a method object and
// `getItem` an indexer on the page break collection, `setPrint…` and
// `removePageBreaks` methods), so its bytes count against the 5 MB limits
// like any other call. The rules are print.ts's and format.ts's. The
// worksheet proxy (worksheet.ts) hands in what these objects need of it
// (PageHost): this file imports nothing of worksheet.ts.

import type { Area } from '../core';
import type { ApiMember } from './api';
import { FakeOfficeError } from './errors';
import { setPageLayout } from './format';
import { PAGE_DEFAULTS, type PageLayoutModel, type SheetModel } from './model';
import {
  HEADER_FOOTER_PARTS,
  addRowBreak,
  headerFooterOf,
  marginPoints,
  removeRowBreaks,
  rowBreaksOf,
  setHeaderFooter,
  setPrintArea,
  setPrintMargins,
  setPrintTitleRows,
  type HeaderFooterPart,
} from './print';
import { WirePath, pascal, pathsOf, type PathType, type WireAction, type WireIds, type WireRequest } from './wire';

/** What a load or a method with a value answers: its data, and how it becomes visible on the proxy after the sync. */
interface Answer {
  data: unknown;
  commit(): void;
}

/** The request context, as far as page layout needs it. */
interface PageContext {
  readonly ids: WireIds;
  readonly wire: WireRequest;
  property(parent: WirePath, name: string): WirePath;
  act(path: WirePath, type: 2 | 3 | 4, name: string, detail: { args?: unknown[]; select?: string[] }, run: () => Answer | void): void;
  enqueue(action: WireAction, run: () => Answer | void): void;
}

/** How a proxy is made by its parent: a method (3) or an indexer (5), its arguments; nullable for an *OrNullObject method. */
interface MadeBy {
  type: PathType;
  name: string;
  args?: unknown[];
  nullable?: boolean;
}

/** What the worksheet proxy hands its page layout and page breaks. */
export interface PageHost {
  context: PageContext;
  requireApi(member: ApiMember): void;
  /** The sheet's model (a null object refused). */
  sheet(): SheetModel;
  /** An address on the sheet (A1 style, whole rows, $ signs) as an area. */
  parse(address: string): Area;
  /** The sheet and area a Range argument stands for. */
  rangeOf(range: unknown): { sheet: SheetModel; area: Area };
  /** A Range proxy made by `parent`, its area resolved when the request runs (null: a null object). */
  range(parent: WirePath, made: MadeBy, resolve: () => Area | null): unknown;
  /** A RangeAreas proxy alike. */
  areas(parent: WirePath, made: MadeBy, resolve: () => Area[] | null): unknown;
}

const notLoaded = (name: string) => new FakeOfficeError('PropertyNotLoaded', `The property '${name}' is not available. Load it and sync first.`);

/** Loaded values by name, read through a getter that refuses what was not loaded. */
class Loaded {
  private readonly values = new Map<string, unknown>();
  get<T>(name: string): T {
    if (!this.values.has(name)) throw notLoaded(name);
    return this.values.get(name) as T;
  }
  /** The answer of a query for `names`, from `valueOf` at run time. */
  answer(names: string[], valueOf: (name: string) => unknown): Answer {
    const values = names.map((n) => JSON.parse(JSON.stringify(valueOf(n) ?? null)) as unknown);
    return { data: Object.fromEntries(names.map((n, i) => [pascal(n), values[i]])), commit: () => names.forEach((n, i) => this.values.set(n, values[i])) };
  }
}

const namesOf = (spec: string | string[]) => (Array.isArray(spec) ? spec : spec.split(',')).map((x) => x.trim()).filter((x) => x !== '');

/** The area a Range argument or an address on this sheet stands for. */
function areaOn(host: PageHost, sheet: SheetModel, target: unknown): Area {
  if (typeof target === 'string') return host.parse(target);
  const at = host.rangeOf(target);
  if (at.sheet !== sheet) throw new FakeOfficeError('InvalidArgument', `The range is not on the sheet ${sheet.name}.`);
  return at.area;
}

/** A proxy's object path, instantiated in the request (as office-js's ClientObject does when it is made); `resolve` runs with the request. */
function instantiate(context: PageContext, parent: WirePath, made: MadeBy, resolve: () => void): WirePath {
  const args = made.type === 3 ? (made.args ?? []) : (made.args ?? null);
  const path = new WirePath(context.ids, made.type, made.type === 5 ? '' : pascal(made.name), parent, args, pathsOf(args ?? []), made.nullable === true);
  const added = context.wire.ensure(path);
  context.enqueue(added[added.length - 1], resolve);
  return path;
}

const MARGIN_SIDES = { leftMargin: 'left', rightMargin: 'right', topMargin: 'top', bottomMargin: 'bottom', headerMargin: 'header', footerMargin: 'footer' } as const;
type MarginProperty = keyof typeof MARGIN_SIDES;

/** Worksheet.pageLayout. */
export class FakePageLayout {
  private readonly loaded = new Loaded();
  private headers: FakeHeaderFooterGroup | null = null;
  constructor(
    private readonly host: PageHost,
    private readonly path: WirePath,
  ) {}

  /** paperSize, orientation, zoom, and the margins in points, as the sheet has them (a new sheet's where nothing was set). */
  load(spec: string | string[]): this {
    const names = namesOf(spec);
    const host = this.host;
    host.context.act(this.path, 2, '', { select: names }, () => {
      host.requireApi('Worksheet.pageLayout');
      const sheet = host.sheet();
      return this.loaded.answer(names, (name) => {
        if (name in MARGIN_SIDES) return marginPoints(sheet, MARGIN_SIDES[name as MarginProperty]);
        if (name === 'paperSize' || name === 'orientation' || name === 'zoom') return sheet.pageLayout[name] ?? PAGE_DEFAULTS[name];
        throw new FakeOfficeError('InvalidArgument', `PageLayout has no loadable ${name} here`);
      });
    });
    return this;
  }

  private set_(prop: keyof PageLayoutModel, value: unknown): void {
    const host = this.host;
    host.context.act(this.path, 4, prop, { args: [value] }, () => {
      host.requireApi('Worksheet.pageLayout');
      setPageLayout(host.sheet(), prop, value);
    });
  }
  set paperSize(value: string) {
    this.set_('paperSize', value);
  }
  get paperSize(): string {
    return this.loaded.get('paperSize');
  }
  set orientation(value: string) {
    this.set_('orientation', value);
  }
  get orientation(): string {
    return this.loaded.get('orientation');
  }
  set zoom(value: PageLayoutModel['zoom']) {
    this.set_('zoom', value);
  }
  get zoom(): PageLayoutModel['zoom'] {
    return this.loaded.get('zoom');
  }
  get leftMargin(): number {
    return this.loaded.get('leftMargin');
  }
  get rightMargin(): number {
    return this.loaded.get('rightMargin');
  }
  get topMargin(): number {
    return this.loaded.get('topMargin');
  }
  get bottomMargin(): number {
    return this.loaded.get('bottomMargin');
  }
  get headerMargin(): number {
    return this.loaded.get('headerMargin');
  }
  get footerMargin(): number {
    return this.loaded.get('footerMargin');
  }

  /** A method taking a Range of this sheet or an address on it. */
  private onArea(method: 'setPrintTitleRows' | 'setPrintArea', target: unknown, apply: (sheet: SheetModel, area: Area) => void): void {
    const host = this.host;
    host.context.act(this.path, 3, method, { args: [target] }, () => {
      host.requireApi(method === 'setPrintTitleRows' ? 'PageLayout.setPrintTitleRows' : 'PageLayout.setPrintArea');
      const sheet = host.sheet();
      apply(sheet, areaOn(host, sheet, target));
    });
  }
  setPrintTitleRows(rows: unknown): void {
    this.onArea('setPrintTitleRows', rows, setPrintTitleRows);
  }
  setPrintArea(area: unknown): void {
    this.onArea('setPrintArea', area, setPrintArea);
  }
  setPrintMargins(unit: string, margins: Record<string, number | undefined>): void {
    const host = this.host;
    host.context.act(this.path, 3, 'setPrintMargins', { args: [unit, margins] }, () => {
      host.requireApi('PageLayout.setPrintMargins');
      setPrintMargins(host.sheet(), unit, margins);
    });
  }

  /** The rows printed at the top of every page (whole rows), a null object when there are none. */
  getPrintTitleRowsOrNullObject(): unknown {
    const host = this.host;
    return host.range(this.path, { type: 3, name: 'getPrintTitleRowsOrNullObject', nullable: true }, () => {
      host.requireApi('PageLayout.getPrintTitleRowsOrNullObject');
      const rows = host.sheet().pageLayout.printTitleRows;
      return rows ? host.parse(`${rows.top + 1}:${rows.bottom + 1}`) : null;
    });
  }

  /** The print area, a null object when there is none ("If there is no print area, an ItemNotFound error will be thrown" by getPrintArea). */
  getPrintAreaOrNullObject(): unknown {
    const host = this.host;
    return host.areas(this.path, { type: 3, name: 'getPrintAreaOrNullObject', nullable: true }, () => {
      host.requireApi('PageLayout.getPrintAreaOrNullObject');
      const area = host.sheet().pageLayout.printArea;
      return area ? area.split(',').map((address) => host.parse(address)) : null;
    });
  }

  get headersFooters(): FakeHeaderFooterGroup {
    this.headers ??= new FakeHeaderFooterGroup(this.host, this.host.context.property(this.path, 'headersFooters'));
    return this.headers;
  }
}

/** PageLayout.headersFooters: only defaultForAllPages is used. */
class FakeHeaderFooterGroup {
  private all: FakeHeaderFooter | null = null;
  constructor(
    private readonly host: PageHost,
    private readonly path: WirePath,
  ) {}
  get defaultForAllPages(): FakeHeaderFooter {
    this.all ??= new FakeHeaderFooter(this.host, this.host.context.property(this.path, 'defaultForAllPages'));
    return this.all;
  }
}

/** HeaderFooter (ExcelApi 1.9): the six texts, in Excel's codes, set and loaded ("" where there is none). */
class FakeHeaderFooter {
  private readonly loaded = new Loaded();
  constructor(
    private readonly host: PageHost,
    private readonly path: WirePath,
  ) {}
  load(spec: string | string[]): this {
    const names = namesOf(spec);
    const host = this.host;
    host.context.act(this.path, 2, '', { select: names }, () => {
      host.requireApi('PageLayout.headersFooters');
      const sheet = host.sheet();
      return this.loaded.answer(names, (name) => {
        if (!(HEADER_FOOTER_PARTS as readonly string[]).includes(name)) throw new FakeOfficeError('InvalidArgument', `HeaderFooter has no loadable ${name} here`);
        return headerFooterOf(sheet, name as HeaderFooterPart);
      });
    });
    return this;
  }
  private put(part: HeaderFooterPart, text: string): void {
    const host = this.host;
    host.context.act(this.path, 4, part, { args: [text] }, () => {
      host.requireApi('PageLayout.headersFooters');
      setHeaderFooter(host.sheet(), part, text);
    });
  }
  set leftHeader(text: string) {
    this.put('leftHeader', text);
  }
  get leftHeader(): string {
    return this.loaded.get('leftHeader');
  }
  set centerHeader(text: string) {
    this.put('centerHeader', text);
  }
  get centerHeader(): string {
    return this.loaded.get('centerHeader');
  }
  set rightHeader(text: string) {
    this.put('rightHeader', text);
  }
  get rightHeader(): string {
    return this.loaded.get('rightHeader');
  }
  set leftFooter(text: string) {
    this.put('leftFooter', text);
  }
  get leftFooter(): string {
    return this.loaded.get('leftFooter');
  }
  set centerFooter(text: string) {
    this.put('centerFooter', text);
  }
  get centerFooter(): string {
    return this.loaded.get('centerFooter');
  }
  set rightFooter(text: string) {
    this.put('rightFooter', text);
  }
  get rightFooter(): string {
    return this.loaded.get('rightFooter');
  }
}

/** Worksheet.horizontalPageBreaks (ExcelApi 1.9): a break above a row; at most 1,026 a sheet (print.ts). */
export class FakePageBreaks {
  constructor(
    private readonly host: PageHost,
    private readonly path: WirePath,
  ) {}

  /** "Adds a page break before the top-left cell of the range specified." */
  add(at: unknown): FakePageBreak {
    const host = this.host;
    return new FakePageBreak(host, this.path, { type: 3, name: 'add', args: [at] }, () => {
      host.requireApi('Worksheet.horizontalPageBreaks');
      const sheet = host.sheet();
      const area = areaOn(host, sheet, at);
      addRowBreak(sheet, area);
      return area.top;
    });
  }

  /** The index-th break, in order down the sheet (ItemNotFound past the last). */
  getItem(index: number): FakePageBreak {
    const host = this.host;
    return new FakePageBreak(host, this.path, { type: 5, name: '', args: [index] }, () => {
      host.requireApi('Worksheet.horizontalPageBreaks');
      const rows = rowBreaksOf(host.sheet());
      if (!Number.isInteger(index) || index < 0 || index >= rows.length) throw new FakeOfficeError('ItemNotFound', `There is no page break ${index}.`);
      return rows[index];
    });
  }

  getCount(): { readonly value: number } {
    const host = this.host;
    let count: number | null = null;
    host.context.act(this.path, 3, 'getCount', { args: [] }, () => {
      host.requireApi('Worksheet.horizontalPageBreaks');
      const breaks = rowBreaksOf(host.sheet()).length;
      return { data: breaks, commit: () => (count = breaks) };
    });
    return {
      get value(): number {
        if (count === null) throw notLoaded('value');
        return count;
      },
    };
  }

  /** "Resets all manual page breaks in the collection." */
  removePageBreaks(): void {
    const host = this.host;
    host.context.act(this.path, 3, 'removePageBreaks', { args: [] }, () => {
      host.requireApi('Worksheet.horizontalPageBreaks');
      removeRowBreaks(host.sheet());
    });
  }
}

/** PageBreak: the row a new page starts at, known when the request runs. */
class FakePageBreak {
  readonly wirePath: WirePath;
  private row: number | null = null;
  constructor(
    private readonly host: PageHost,
    parent: WirePath,
    made: MadeBy,
    resolve: () => number,
  ) {
    this.wirePath = instantiate(host.context, parent, made, () => {
      this.row = resolve();
    });
  }

  /** "Gets the first cell after the page break": column A of the row it starts. */
  getCellAfterBreak(): unknown {
    return this.host.range(this.wirePath, { type: 3, name: 'getCellAfterBreak' }, () => {
      if (this.row === null) throw new FakeOfficeError('InvalidOperation', 'The page break is not there.');
      return { top: this.row, left: 0, bottom: this.row, right: 0 };
    });
  }
}
