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

export const KEY = (row: number, column: number): number => row * 16384 + column;

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
const rowOf = (key: number) => Math.floor(key / 16384);
const columnOf = (key: number) => key % 16384;

export function blankCell(): FakeCell {
  return { v: null, f: null, n: 'General', b: false, fill: null, note: null, q: false, wrap: false, vAlign: null, border: null, link: null };
}

function isBlank(cell: FakeCell): boolean {
  return (cell.v === null || cell.v === '') && !cell.f && cell.n === 'General' && !cell.b && !cell.fill && !cell.note && !cell.wrap && !cell.vAlign && !cell.border && !cell.link;
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

  get(row: number, column: number): FakeCell | undefined {
    return this.cells.get(KEY(row, column));
  }

  /** How many cells carry a link. */
  get linkCount(): number {
    return this.linked.size;
  }

  /** Changes a cell, creating it if needed and dropping it when it ends up blank. */
  edit(row: number, column: number, change: (cell: FakeCell) => void): void {
    changed();
    const key = KEY(row, column);
    const cell = this.cells.get(key) ?? blankCell();
    change(cell);
    if (cell.link) this.linked.add(key);
    else this.linked.delete(key);
    if (isBlank(cell)) this.cells.delete(key);
    else this.cells.set(key, cell);
  }

  /** Bounding box of cells with content (valuesOnly) or with anything at all. */
  used(valuesOnly: boolean): Area | null {
    let box: Area | null = null;
    for (const [key, cell] of this.cells) {
      const hasValue = (cell.v !== null && cell.v !== '') || !!cell.f;
      if (valuesOnly ? !hasValue : isBlank(cell)) continue;
      const row = rowOf(key);
      const column = columnOf(key);
      if (!box) box = { top: row, left: column, bottom: row, right: column };
      else {
        box.top = Math.min(box.top, row);
        box.bottom = Math.max(box.bottom, row);
        box.left = Math.min(box.left, column);
        box.right = Math.max(box.right, column);
      }
    }
    return box;
  }

  private remap(move: (row: number, column: number) => [number, number] | null): void {
    changed();
    const next = new Map<number, FakeCell>();
    for (const [key, cell] of this.cells) {
      const to = move(rowOf(key), columnOf(key));
      if (to) next.set(KEY(to[0], to[1]), cell);
    }
    this.cells = next;
    this.linked = new Set([...next].filter(([, cell]) => cell.link).map(([key]) => key));
  }

  insertRows(at: number, count: number): void {
    this.remap((row, column) => [row >= at ? row + count : row, column]);
    // The new rows take the formats of the row above, as in Excel.
    if (at > 0) {
      for (const [key, cell] of [...this.cells]) {
        if (rowOf(key) !== at - 1) continue;
        for (let i = 0; i < count; i++) {
          this.edit(at + i, columnOf(key), (added) => {
            added.n = cell.n;
            added.b = cell.b;
            added.fill = cell.fill;
          });
        }
      }
    }
    this.merges = this.merges.map((merge) => {
      if (merge.top >= at) return { ...merge, top: merge.top + count, bottom: merge.bottom + count };
      if (merge.bottom >= at) return { ...merge, bottom: merge.bottom + count };
      return merge;
    });
  }

  deleteRows(at: number, count: number): void {
    const last = at + count - 1;
    this.remap((row, column) => (row >= at && row <= last ? null : [row > last ? row - count : row, column]));
    this.merges = this.merges
      .filter((merge) => !(merge.top >= at && merge.bottom <= last))
      .map((merge) => {
        const top = merge.top > last ? merge.top - count : merge.top >= at ? at : merge.top;
        const bottom = merge.bottom > last ? merge.bottom - count : merge.bottom >= at ? at - 1 : merge.bottom;
        return { ...merge, top, bottom };
      });
  }

  insertColumns(at: number, count: number): void {
    this.remap((row, column) => [row, column >= at ? column + count : column]);
    this.merges = this.merges.map((merge) => (merge.left >= at ? { ...merge, left: merge.left + count, right: merge.right + count } : merge.right >= at ? { ...merge, right: merge.right + count } : merge));
  }

  deleteColumns(at: number, count: number): void {
    const last = at + count - 1;
    this.remap((row, column) => (column >= at && column <= last ? null : [row, column > last ? column - count : column]));
    this.merges = this.merges.filter((merge) => !(merge.left >= at && merge.right <= last)).map((merge) => (merge.left > last ? { ...merge, left: merge.left - count, right: merge.right - count } : merge));
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
    const sheet = new SheetModel(this.nextId++, name, visibility);
    this.sheets.push(sheet);
    if (this.sheets.length === 1) this.activeId = sheet.id;
    return sheet;
  }

  byName(name: string): SheetModel | undefined {
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
  }

  byId(id: number): SheetModel | undefined {
    return this.sheets.find((sheet) => sheet.id === id);
  }

  get active(): SheetModel {
    return this.byId(this.activeId) ?? this.sheets[0];
  }

  /** The value a cell shows: formulas evaluated when first read after a change (cycles give #REF!-like errors). */
  value(sheet: SheetModel, row: number, column: number): CellValue {
    const cell = sheet.get(row, column);
    if (!cell) return null;
    if (!cell.f) return cell.v;
    const key = sheet.id * 1e10 + KEY(row, column);
    if (this.valuesAt !== changes) {
      this.values.clear();
      this.valuesAt = changes;
    }
    const kept = this.values.get(key);
    if (kept !== undefined) return kept;
    if (this.evaluating.has(key)) {
      this.circular++;
      return '#CIRC!';
    }
    const circularBefore = this.circular;
    const result = this.evaluateCell(sheet, cell.f, key);
    if (this.circular === circularBefore) this.values.set(key, result);
    return result;
  }

  private evaluateCell(sheet: SheetModel, formula: string, key: number): CellValue {
    this.evaluating.add(key);
    try {
      return evaluate(formula, {
        read: (name, area) => {
          const target = name === null ? sheet : this.byName(name);
          if (!target) return null;
          const out: CellValue[][] = [];
          for (let rowIndex = area.top; rowIndex <= area.bottom; rowIndex++) {
            const row: CellValue[] = [];
            for (let columnIndex = area.left; columnIndex <= area.right; columnIndex++) row.push(this.value(target, rowIndex, columnIndex));
            out.push(row);
          }
          return out;
        },
      });
    } finally {
      this.evaluating.delete(key);
    }
  }

  private rewriteFormulas(rewrite: (formula: string, home: SheetModel) => string): void {
    changed();
    for (const sheet of this.sheets) {
      for (const cell of sheet.cells.values()) if (cell.f) cell.f = rewrite(cell.f, sheet);
    }
  }

  insertRows(sheet: SheetModel, at: number, count: number): void {
    sheet.insertRows(at, count);
    this.rewriteFormulas((formula, home) => shiftRows(formula, home.name, sheet.name, at, count));
  }

  deleteRows(sheet: SheetModel, at: number, count: number): void {
    sheet.deleteRows(at, count);
    this.rewriteFormulas((formula, home) => shiftRows(formula, home.name, sheet.name, at, -count));
  }

  rename(sheet: SheetModel, to: string): void {
    changed();
    const from = sheet.name;
    sheet.name = to;
    this.rewriteFormulas((formula) => renameSheet(formula, from, to));
  }

  remove(sheet: SheetModel): void {
    changed();
    this.sheets = this.sheets.filter((other) => other !== sheet);
    // Excel turns the other sheets' references to a deleted sheet into #REF!.
    this.rewriteFormulas((formula) => dropSheet(formula, sheet.name));
    // A sheet's tables go with it.
    this.tables = this.tables.filter((table) => table.sheet !== sheet);
    if (this.activeId === sheet.id) this.activeId = this.sheets.find((other) => other.visibility === 'Visible')?.id ?? 0;
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
export function dumpSheet(sheet: SheetModel): SheetDump {
  const cells: Record<string, CellDump> = {};
  const keys = [...sheet.cells.keys()].sort((a, b) => a - b);
  for (const key of keys) {
    const cell = sheet.cells.get(key)!;
    const dumped: CellDump = {};
    if (cell.f) dumped.f = cell.f;
    else if (cell.v !== null && cell.v !== '') dumped.v = cell.v;
    if (cell.n !== 'General') dumped.n = cell.n;
    if (cell.b) dumped.b = true;
    if (cell.fill) dumped.fill = cell.fill;
    if (cell.note !== null) dumped.note = cell.note;
    if (cell.wrap) dumped.wrap = true;
    if (cell.vAlign) dumped.vAlign = cell.vAlign;
    if (cell.border) dumped.border = { ...cell.border };
    if (cell.link) dumped.link = cell.link;
    cells[areaAddress({ top: rowOf(key), left: columnOf(key), bottom: rowOf(key), right: columnOf(key) })] = dumped;
  }
  const widths: Record<string, number> = {};
  for (const [column, width] of [...sheet.widths].sort((a, b) => a[0] - b[0])) if (width !== STANDARD_WIDTH_POINTS) widths[String(column)] = width;
  const heights: Record<string, number> = {};
  for (const [row, height] of [...sheet.heights].sort((a, b) => a[0] - b[0])) if (height !== STANDARD_HEIGHT_POINTS) heights[String(row)] = height;
  const pageLayout: PageLayoutModel = {};
  for (const [key, value] of Object.entries(sheet.pageLayout) as [keyof PageLayoutModel, unknown][]) {
    const shown = pageSettingShown(key, value);
    if (shown !== undefined) (pageLayout as Record<string, unknown>)[key] = shown;
  }
  const validations = sheet.validations.map((validation) => ({ area: areaAddress(validation.area), rule: validation.rule, prompt: validation.prompt, errorAlert: validation.errorAlert, ignoreBlanks: validation.ignoreBlanks }));
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    cells,
    merges: sheet.merges.map(areaAddress),
    widths,
    charts: sheet.charts.map((chart) => ({ ...chart })),
    frozenRows: sheet.frozenRows,
    heights,
    validations,
    pageLayout,
  };
}
