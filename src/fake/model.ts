// The fake workbook's state: sheets of sparse cells (value or formula,
// number format, bold, fill, note, wrap, vertical alignment, borders, a
// link), merged areas, column widths, row heights, data validations, page
// layout, charts; the workbook's tables.
// Structural edits behave as Excel's do: inserting a row shifts cells,
// merges and every formula that refers below it, and the new row takes the
// formats of the row above; renaming a sheet rewrites every formula that
// refers to it (a user's ='Үнэлгээний хураангуй'!E6 follows the sheet to
// its new name), deleting one turns those references into #REF!. Pure
// TypeScript, no Node APIs.

import { areaAddress, type Area, type CellValue } from '../core';
import { dropSheet, evaluate, renameSheet, shiftRows } from './formula';

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface FakeCell {
  /** Constant value (null for a formula cell or an empty one). */
  v: CellValue;
  f: string | null;
  n: string;
  b: boolean;
  /** Fill colour, null for none. */
  fill: string | null;
  note: string | null;
  /** Typed with a leading apostrophe. */
  q: boolean;
  /** format.wrapText. */
  wrap: boolean;
  /** format.verticalAlignment, null for Excel's default (Bottom). */
  vAlign: string | null;
  /** The cell's border edges ("Continuous Thin"), null for none. */
  border: Borders | null;
  /** Range.hyperlink's address, null for none. */
  link: string | null;
}

export type Edge = 'top' | 'bottom' | 'left' | 'right';
type Borders = Partial<Record<Edge, string>>;

/** A data validation on an area (Range.dataValidation): the rule as set, the prompt and error alert. */
export interface ValidationModel {
  area: Area;
  rule: Record<string, unknown> | null;
  prompt: { showPrompt?: boolean; title?: string; message?: string } | null;
  errorAlert: { showAlert?: boolean; style?: string; title?: string; message?: string } | null;
  ignoreBlanks: boolean;
}

export interface PageLayoutModel {
  paperSize?: string;
  orientation?: string;
  zoom?: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  /** Rows repeated at the top of every page (0-based). */
  printTitleRows?: { top: number; bottom: number };
  printArea?: string;
  headerFooter?: Partial<Record<'leftHeader' | 'centerHeader' | 'rightHeader' | 'leftFooter' | 'centerFooter' | 'rightFooter', string>>;
  /** In inches. */
  margins?: Partial<Record<'left' | 'right' | 'top' | 'bottom' | 'header' | 'footer', number>>;
  /** Manual page breaks: a new page starts at each of these rows (0-based). */
  rowBreaks?: number[];
}

/** An Excel table (ListObject): its name is unique in the workbook. */
export interface TableModel {
  name: string;
  sheet: SheetModel;
  area: Area;
  columns: string[];
}

export interface ChartModel {
  type: string;
  source: string;
  seriesBy: string;
  title: string | null;
  xValues: string | null;
  legend: boolean;
  position: string | null;
}

export const KEY = (r: number, c: number): number => r * 16384 + c;

/**
 * What a new sheet has: Excel's standard row height (15 points, the
 * default font's line) and column width (8.43 characters: 64 pixels, 48
 * points), and its page layout (Letter, portrait, 100 %, Excel's Normal
 * margins — 0.7" left and right, 0.75" top and bottom, 0.3" header and
 * footer —, no print titles, print area, header, footer or page breaks). A
 * width, height or page setting equal to these is what a sheet has anyway:
 * the dump leaves it out, so a sheet whose settings were put back to them
 * compares equal to one that never had any.
 */
export const STANDARD_HEIGHT_POINTS = 15;
export const STANDARD_WIDTH_POINTS = 48;
export const NORMAL_MARGINS: Required<NonNullable<PageLayoutModel['margins']>> = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
export const PAGE_DEFAULTS: Required<Pick<PageLayoutModel, 'paperSize' | 'orientation' | 'zoom' | 'margins'>> = { paperSize: 'Letter', orientation: 'Portrait', zoom: { scale: 100 }, margins: NORMAL_MARGINS };

/** A page setting as the dump shows it: undefined where it is what a new sheet has (the margins each side alike, texts empty, no breaks). */
function pageSettingShown(key: keyof PageLayoutModel, value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (key === 'margins') {
    const margins = { ...NORMAL_MARGINS, ...(value as PageLayoutModel['margins']) };
    return Object.entries(margins).every(([side, inches]) => inches === NORMAL_MARGINS[side as keyof typeof NORMAL_MARGINS]) ? undefined : margins;
  }
  if (key === 'headerFooter') {
    const parts = Object.entries(value as Record<string, string>).filter(([, text]) => text !== '');
    return parts.length === 0 ? undefined : Object.fromEntries(parts);
  }
  if (key === 'rowBreaks') return (value as number[]).length === 0 ? undefined : [...(value as number[])];
  const standard = (PAGE_DEFAULTS as Partial<Record<keyof PageLayoutModel, unknown>>)[key];
  return JSON.stringify(value) === JSON.stringify(standard) ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}

/**
 * Counts every change to any cell or sheet of any fake workbook: a formula's
 * value is computed once and kept until the next change (Excel keeps its
 * results too). A 20,000-row evaluation sheet links every row to the report
 * and averages them: evaluated afresh at each read, one read took seconds.
 */
let changes = 0;
const changed = () => void changes++;
const ROW = (k: number) => Math.floor(k / 16384);
const COL = (k: number) => k % 16384;

export function blankCell(): FakeCell {
  return { v: null, f: null, n: 'General', b: false, fill: null, note: null, q: false, wrap: false, vAlign: null, border: null, link: null };
}

function isBlank(c: FakeCell): boolean {
  return (c.v === null || c.v === '') && !c.f && c.n === 'General' && !c.b && !c.fill && !c.note && !c.wrap && !c.vAlign && !c.border && !c.link;
}

export class SheetModel {
  cells = new Map<number, FakeCell>();
  merges: Area[] = [];
  widths = new Map<number, number>();
  charts: ChartModel[] = [];
  frozenRows = 0;
  /** Row heights in points, by row. Heights and validations do not move with inserted or deleted rows: the adapter inserts and deletes none where they are. */
  heights = new Map<number, number>();
  validations: ValidationModel[] = [];
  pageLayout: PageLayoutModel = {};
  constructor(
    readonly id: number,
    public name: string,
    public visibility: Visibility = 'Visible',
    public protected_ = false,
  ) {}

  /** The keys of the cells that carry a link, kept as cells change (a sheet holds at most 65,530 links: counted on every link set). */
  private linked = new Set<number>();

  get(r: number, c: number): FakeCell | undefined {
    return this.cells.get(KEY(r, c));
  }

  /** How many cells carry a link. */
  get linkCount(): number {
    return this.linked.size;
  }

  /** Changes a cell, creating it if needed and dropping it when it ends up blank. */
  edit(r: number, c: number, f: (cell: FakeCell) => void): void {
    changed();
    const key = KEY(r, c);
    const cell = this.cells.get(key) ?? blankCell();
    f(cell);
    if (cell.link) this.linked.add(key);
    else this.linked.delete(key);
    if (isBlank(cell)) this.cells.delete(key);
    else this.cells.set(key, cell);
  }

  /** Bounding box of cells with content (valuesOnly) or with anything at all. */
  used(valuesOnly: boolean): Area | null {
    let a: Area | null = null;
    for (const [k, c] of this.cells) {
      const hasValue = (c.v !== null && c.v !== '') || !!c.f;
      if (valuesOnly ? !hasValue : isBlank(c)) continue;
      const r = ROW(k);
      const col = COL(k);
      if (!a) a = { top: r, left: col, bottom: r, right: col };
      else {
        a.top = Math.min(a.top, r);
        a.bottom = Math.max(a.bottom, r);
        a.left = Math.min(a.left, col);
        a.right = Math.max(a.right, col);
      }
    }
    return a;
  }

  private remap(f: (r: number, c: number) => [number, number] | null): void {
    changed();
    const next = new Map<number, FakeCell>();
    for (const [k, cell] of this.cells) {
      const to = f(ROW(k), COL(k));
      if (to) next.set(KEY(to[0], to[1]), cell);
    }
    this.cells = next;
    this.linked = new Set([...next].filter(([, cell]) => cell.link).map(([key]) => key));
  }

  insertRows(at: number, count: number): void {
    this.remap((r, c) => [r >= at ? r + count : r, c]);
    // The new rows take the formats of the row above, as in Excel.
    if (at > 0) {
      for (const [k, cell] of [...this.cells]) {
        if (ROW(k) !== at - 1) continue;
        for (let i = 0; i < count; i++) {
          this.edit(at + i, COL(k), (n) => {
            n.n = cell.n;
            n.b = cell.b;
            n.fill = cell.fill;
          });
        }
      }
    }
    this.merges = this.merges.map((m) => {
      if (m.top >= at) return { ...m, top: m.top + count, bottom: m.bottom + count };
      if (m.bottom >= at) return { ...m, bottom: m.bottom + count };
      return m;
    });
  }

  deleteRows(at: number, count: number): void {
    const last = at + count - 1;
    this.remap((r, c) => (r >= at && r <= last ? null : [r > last ? r - count : r, c]));
    this.merges = this.merges
      .filter((m) => !(m.top >= at && m.bottom <= last))
      .map((m) => {
        const top = m.top > last ? m.top - count : m.top >= at ? at : m.top;
        const bottom = m.bottom > last ? m.bottom - count : m.bottom >= at ? at - 1 : m.bottom;
        return { ...m, top, bottom };
      });
  }

  insertColumns(at: number, count: number): void {
    this.remap((r, c) => [r, c >= at ? c + count : c]);
    this.merges = this.merges.map((m) => (m.left >= at ? { ...m, left: m.left + count, right: m.right + count } : m.right >= at ? { ...m, right: m.right + count } : m));
  }

  deleteColumns(at: number, count: number): void {
    const last = at + count - 1;
    this.remap((r, c) => (c >= at && c <= last ? null : [r, c > last ? c - count : c]));
    this.merges = this.merges.filter((m) => !(m.left >= at && m.right <= last)).map((m) => (m.left > last ? { ...m, left: m.left - count, right: m.right - count } : m));
  }
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  activeId = 0;
  selection: { sheetId: number; area: Area } | null = null;
  /** The sheet whose chart is selected (the user clicked a chart), null when cells are. */
  selectedChartSheet: SheetModel | null = null;
  protected_ = false;
  tables: TableModel[] = [];
  private nextId = 1;
  private evaluating = new Set<number>();
  /** Formula results as of `valuesAt` (the count of changes). */
  private values = new Map<number, CellValue>();
  private valuesAt = -1;
  /** Circular references met so far: a result that met one is not kept (it depends on where the evaluation started). */
  private circular = 0;

  addSheet(name: string, visibility: Visibility = 'Visible'): SheetModel {
    changed();
    const s = new SheetModel(this.nextId++, name, visibility);
    this.sheets.push(s);
    if (this.sheets.length === 1) this.activeId = s.id;
    return s;
  }

  byName(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  byId(id: number): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  get active(): SheetModel {
    return this.byId(this.activeId) ?? this.sheets[0];
  }

  /** The value a cell shows: formulas evaluated when first read after a change (cycles give #REF!-like errors). */
  value(sheet: SheetModel, r: number, c: number): CellValue {
    const cell = sheet.get(r, c);
    if (!cell) return null;
    if (!cell.f) return cell.v;
    const k = sheet.id * 1e10 + KEY(r, c);
    if (this.valuesAt !== changes) {
      this.values.clear();
      this.valuesAt = changes;
    }
    const kept = this.values.get(k);
    if (kept !== undefined) return kept;
    if (this.evaluating.has(k)) {
      this.circular++;
      return '#CIRC!';
    }
    const circularBefore = this.circular;
    const v = this.evaluateCell(sheet, cell.f, k);
    if (this.circular === circularBefore) this.values.set(k, v);
    return v;
  }

  private evaluateCell(sheet: SheetModel, formula: string, k: number): CellValue {
    this.evaluating.add(k);
    try {
      return evaluate(formula, {
        read: (name, a) => {
          const target = name === null ? sheet : this.byName(name);
          if (!target) return null;
          const out: CellValue[][] = [];
          for (let i = a.top; i <= a.bottom; i++) {
            const row: CellValue[] = [];
            for (let j = a.left; j <= a.right; j++) row.push(this.value(target, i, j));
            out.push(row);
          }
          return out;
        },
      });
    } finally {
      this.evaluating.delete(k);
    }
  }

  private rewriteFormulas(f: (formula: string, home: SheetModel) => string): void {
    changed();
    for (const s of this.sheets) {
      for (const cell of s.cells.values()) if (cell.f) cell.f = f(cell.f, s);
    }
  }

  insertRows(sheet: SheetModel, at: number, count: number): void {
    sheet.insertRows(at, count);
    this.rewriteFormulas((f, home) => shiftRows(f, home.name, sheet.name, at, count));
  }

  deleteRows(sheet: SheetModel, at: number, count: number): void {
    sheet.deleteRows(at, count);
    this.rewriteFormulas((f, home) => shiftRows(f, home.name, sheet.name, at, -count));
  }

  rename(sheet: SheetModel, to: string): void {
    changed();
    const from = sheet.name;
    sheet.name = to;
    this.rewriteFormulas((f) => renameSheet(f, from, to));
  }

  remove(sheet: SheetModel): void {
    changed();
    this.sheets = this.sheets.filter((s) => s !== sheet);
    // Excel turns the other sheets' references to a deleted sheet into #REF!.
    this.rewriteFormulas((f) => dropSheet(f, sheet.name));
    // A sheet's tables go with it.
    this.tables = this.tables.filter((t) => t.sheet !== sheet);
    if (this.activeId === sheet.id) this.activeId = this.sheets.find((s) => s.visibility === 'Visible')?.id ?? 0;
  }
}

interface CellDump {
  v?: CellValue;
  f?: string;
  n?: string;
  b?: true;
  fill?: string;
  note?: string;
  wrap?: true;
  vAlign?: string;
  border?: Borders;
  link?: string;
}

interface ValidationDump {
  area: string;
  rule: Record<string, unknown> | null;
  prompt: ValidationModel['prompt'];
  errorAlert: ValidationModel['errorAlert'];
  ignoreBlanks: boolean;
}

export interface SheetDump {
  name: string;
  visibility: Visibility;
  cells: Record<string, CellDump>;
  merges: string[];
  widths: Record<string, number>;
  charts: ChartModel[];
  frozenRows: number;
  heights: Record<string, number>;
  validations: ValidationDump[];
  pageLayout: PageLayoutModel;
}

/** Plain data for toEqual comparisons (blank cells left out). */
export function dumpSheet(s: SheetModel): SheetDump {
  const cells: Record<string, CellDump> = {};
  const keys = [...s.cells.keys()].sort((a, b) => a - b);
  for (const k of keys) {
    const c = s.cells.get(k)!;
    const d: CellDump = {};
    if (c.f) d.f = c.f;
    else if (c.v !== null && c.v !== '') d.v = c.v;
    if (c.n !== 'General') d.n = c.n;
    if (c.b) d.b = true;
    if (c.fill) d.fill = c.fill;
    if (c.note !== null) d.note = c.note;
    if (c.wrap) d.wrap = true;
    if (c.vAlign) d.vAlign = c.vAlign;
    if (c.border) d.border = { ...c.border };
    if (c.link) d.link = c.link;
    cells[areaAddress({ top: ROW(k), left: COL(k), bottom: ROW(k), right: COL(k) })] = d;
  }
  const widths: Record<string, number> = {};
  for (const [c, w] of [...s.widths].sort((a, b) => a[0] - b[0])) if (w !== STANDARD_WIDTH_POINTS) widths[String(c)] = w;
  const heights: Record<string, number> = {};
  for (const [r, h] of [...s.heights].sort((a, b) => a[0] - b[0])) if (h !== STANDARD_HEIGHT_POINTS) heights[String(r)] = h;
  const pageLayout: PageLayoutModel = {};
  for (const [key, value] of Object.entries(s.pageLayout) as [keyof PageLayoutModel, unknown][]) {
    const shown = pageSettingShown(key, value);
    if (shown !== undefined) (pageLayout as Record<string, unknown>)[key] = shown;
  }
  const validations = s.validations.map((v) => ({ area: areaAddress(v.area), rule: v.rule, prompt: v.prompt, errorAlert: v.errorAlert, ignoreBlanks: v.ignoreBlanks }));
  return {
    name: s.name,
    visibility: s.visibility,
    cells,
    merges: s.merges.map(areaAddress),
    widths,
    charts: s.charts.map((c) => ({ ...c })),
    frozenRows: s.frozenRows,
    heights,
    validations,
    pageLayout,
  };
}
