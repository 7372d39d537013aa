// A sheet the add-in made (the summary, the evaluation sheet) rewritten in
// place, its earlier contents kept as data in the Revert store.
//
// Excel rewrites every formula that refers to a sheet when the sheet is
// renamed, and turns the references into #REF! when it is deleted: a
// user's ='Үнэлгээний хураангуй'!E6 would follow a renamed backup and show
// the old figures, then break. So the sheet stays where it is, under its
// name: what it holds is read (readSavedSheet), recorded with the action's
// snapshot, taken off (clearSheetOps) and the new contents written; Revert
// takes the new contents off and writes the saved ones back
// (restoreSheetOps).
//
// What is kept is what the add-in's sheets carry and a user may have
// changed on them: each cell's value or formula, number format, bold,
// fill, wrapping, vertical alignment, borders and link; notes (ExcelApi
// 1.18); merged areas; column widths and row heights; frozen rows; data
// validation; how it prints (page-backup.ts: paper, orientation, zoom,
// margins, print titles and area, header and footer, page breaks); the
// add-in's chart (told by its title, its ranges from the summary's own
// layout). Reading uses ExcelApi 1.7–1.13 (getCellProperties,
// getRowProperties, getColumnProperties, pageLayout, horizontalPageBreaks
// 1.9; freezePanes.getLocationOrNullObject, standardHeight 1.7) and goes in
// row bands, so a large evaluation sheet is read in as many syncs as its
// answers need.

import { areaAddress, cellAddress, columnLetter, parseArea, summaryChartOf, type Area, type CellValue, type Sheet, type SummaryChart } from '../core';
import { chartOp, widthPoints } from './apply';
import { op, runOps, type Op } from './batch';
import { blocks, formulaOf } from './cells';
import { breakCountOf, clearPageOps, pageOf, queuePageRead, readBreakRows, restorePageOps, type PageReading, type SavedPage } from './page-backup';
import { readMerges } from './read';
import { sheetWords } from '../i18n/sheet-words';
import { fillOf, type Fill } from './state';
import { changeOps, type CellChange } from './writes';

/** Rows read per band: contents and every cell property of a few columns stay well under a 5 MB answer. */
const SAVE_BAND_ROWS = 500;
/** Expected answer per cell read with all its properties (borders weigh most). */
const SAVED_CELL_BYTES = 420;
/** A new sheet's standard column width, 8.43 characters: 48 points. */
const STANDARD_WIDTH_CHARS = 8.43;

type Edges = Partial<Record<'top' | 'bottom' | 'left' | 'right', string>>;

/** A cell as kept (short keys, like the snapshot's cells); only the aspects it has. */
interface SavedCell {
  r: number;
  c: number;
  v?: CellValue;
  f?: string;
  n?: string;
  b?: true;
  fill?: Fill;
  wrap?: true;
  va?: string;
  border?: Edges;
  link?: string;
  /** A link to a place in the workbook (RangeHyperlink.documentReference: the findings sheet's). */
  ref?: string;
  note?: string;
}

interface SavedValidation {
  area: string;
  rule: unknown;
  prompt: unknown;
  errorAlert: unknown;
  ignoreBlanks: boolean;
}

export interface SavedSheet {
  cells: SavedCell[];
  merges: string[];
  /** [column, points] for every column the earlier or the new contents use. */
  widths: [number, number][];
  /** [row, points] for rows whose height is not the standard one, or that the new contents set. */
  heights: [number, number][];
  frozenRows: number;
  validations: SavedValidation[];
  page: SavedPage | null;
  charts: SummaryChart[];
}

/** What is on a sheet now that rewriting it must take off first: its charts' titles and its notes. */
export interface SheetExtras {
  /** The sheet is protected (nothing on it can be changed). */
  protected: boolean;
  charts: string[];
  notes: { address: string; text: string }[];
  /** The standard row height (points) and column width (points). */
  standardHeight: number;
  standardWidth: number;
}

/** A method's answer, after the sync that carried it. */
const answer = <T>(result: OfficeExtension.ClientResult<T>): T => result.value;

/** Charts, notes and the standard sizes: two syncs (a count, then the titles and the notes' cells). */
export async function readExtras(context: Excel.RequestContext, name: string, notes: boolean): Promise<SheetExtras> {
  const sheets = context.workbook.worksheets;
  const facts = sheets.getItem(name);
  facts.load('standardHeight');
  const protection = sheets.getItem(name).protection;
  protection.load('protected');
  const charts = sheets.getItem(name).charts;
  const count = charts.getCount();
  const noteList = notes ? sheets.getItem(name).notes : null;
  noteList?.load('items/content');
  await context.sync();
  return extrasOf(context, { facts, protection, charts, count: answer(count), noteList });
}

/** After the first sync: the charts' titles and the notes' cells (a second sync when there are any). */
async function extrasOf(
  context: Excel.RequestContext,
  read: { facts: Excel.Worksheet; protection: Excel.WorksheetProtection; charts: Excel.ChartCollection; count: number; noteList: Excel.NoteCollection | null },
): Promise<SheetExtras> {
  const items = read.noteList?.items ?? [];
  const titles = Array.from({ length: read.count }, (_, i) => read.charts.getItemAt(i).title.load('text') as unknown as Excel.ChartTitle);
  const places = items.map((note) => note.getLocation().load('address'));
  if (titles.length > 0 || places.length > 0) await context.sync();
  const bare = (address: string) => address.slice(address.lastIndexOf('!') + 1);
  return {
    protected: read.protection.protected,
    charts: titles.map((t) => t.text),
    notes: items.map((note, i) => ({ address: bare(places[i].address), text: note.content })),
    standardHeight: read.facts.standardHeight,
    standardWidth: widthPoints(STANDARD_WIDTH_CHARS),
  };
}

interface Band {
  area: Area;
  range: Excel.Range;
  props: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
  rows: OfficeExtension.ClientResult<Excel.RowProperties[]>;
}

/** A cell's aspects from what was read; null when it holds nothing. */
function savedCell(row: number, col: number, value: unknown, formula: unknown, format: unknown, props: Excel.CellProperties | undefined): SavedCell | null {
  const out: SavedCell = { r: row, c: col };
  const written = formulaOf(value, formula);
  if (written) out.f = written;
  else if (value !== '' && value !== null && value !== undefined) out.v = value as CellValue;
  if (format !== undefined && format !== null && format !== 'General') out.n = String(format);
  const cellFormat = props?.format;
  if (cellFormat?.font?.bold) out.b = true;
  const fill = fillOf(cellFormat?.fill?.color, cellFormat?.fill?.pattern);
  if (fill) out.fill = fill;
  if (cellFormat?.wrapText) out.wrap = true;
  if (cellFormat?.verticalAlignment && cellFormat.verticalAlignment !== 'Bottom') out.va = String(cellFormat.verticalAlignment);
  const edges: Edges = {};
  for (const edge of ['top', 'bottom', 'left', 'right'] as const) {
    const line = cellFormat?.borders?.[edge];
    if (line?.style && line.style !== 'None') edges[edge] = `${line.style} ${line.weight ?? 'Thin'}`;
  }
  if (Object.keys(edges).length > 0) out.border = edges;
  if (props?.hyperlink?.address) out.link = props.hyperlink.address;
  else if (props?.hyperlink?.documentReference) out.ref = props.hyperlink.documentReference;
  return Object.keys(out).length > 2 ? out : null;
}

/** Each band's reads: contents, cell properties and row heights, as one operation. */
function bandOps(name: string, used: Area, columns: number, bands: Band[]): Op[] {
  const ops: Op[] = [];
  const right = Math.max(used.right, columns - 1);
  for (let top = 0; top <= used.bottom; top += SAVE_BAND_ROWS) {
    const area = { top, left: 0, bottom: Math.min(used.bottom, top + SAVE_BAND_ROWS - 1), right };
    const id = bands.length;
    bands.push(null as unknown as Band);
    ops.push(
      op(
        areaAddress(area),
        (batch) => {
          const range = batch.sheet(name).getRangeByIndexes(area.top, 0, area.bottom - area.top + 1, right + 1);
          range.load('values,formulas,numberFormat');
          const props = range.getCellProperties({
            format: { font: { bold: true }, fill: { color: true, pattern: true }, wrapText: true, verticalAlignment: true, borders: { style: true, weight: true } },
            hyperlink: true,
          });
          const rows = range.getRowProperties({ format: { rowHeight: true } });
          bands[id] = { area, range, props, rows };
        },
        { reads: true, response: 200 + SAVED_CELL_BYTES * (area.bottom - area.top + 1) * (right + 1) },
      ),
    );
  }
  return ops;
}

/** The sheet's own figures: used area, frozen rows, page layout, validation areas. One sync. */
async function readFrame(context: Excel.RequestContext, name: string) {
  const sheets = context.workbook.worksheets;
  const used = sheets.getItem(name).getUsedRangeOrNullObject(false);
  used.load('address');
  const frozen = sheets.getItem(name).freezePanes.getLocationOrNullObject();
  frozen.load('address');
  const page = queuePageRead(sheets.getItem(name));
  const checked = sheets.getItem(name).getRange().getSpecialCellsOrNullObject('DataValidations');
  checked.areas.load('items/address');
  await context.sync();
  return frameOf(used, frozen, page, checked);
}

/** After the sync that loaded them. */
function frameOf(used: Excel.Range, frozen: Excel.Range, page: PageReading, checked: Excel.RangeAreas) {
  const bare = (address: string) => address.slice(address.lastIndexOf('!') + 1);
  return {
    used: used.isNullObject ? null : parseArea(bare(used.address)),
    frozenRows: frozen.isNullObject ? 0 : lastRowOf(bare(frozen.address)) + 1,
    page: pageOf(page),
    pageBreaks: breakCountOf(page),
    validationAreas: checked.isNullObject ? [] : checked.areas.items.map((a) => bare(a.address)),
  };
}

/** The last row (0-based) of an address: whole rows ("1:5", "$1:$5") or cells ("A1:Z5"). */
function lastRowOf(address: string): number {
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(address);
  return rows ? Number(rows[2]) - 1 : parseArea(address).bottom;
}

/** Each validation area's rule and messages (an area whose cells carry different rules is left out: see docs/excel-api.md). */
async function readValidations(context: Excel.RequestContext, name: string, areas: string[]): Promise<SavedValidation[]> {
  if (areas.length === 0) return [];
  const reads = areas.map((address) => {
    const rules = context.workbook.worksheets.getItem(name).getRange(address).dataValidation;
    rules.load('type,rule,prompt,errorAlert,ignoreBlanks');
    return { address, rules };
  });
  await context.sync();
  return reads.map((r) => validationOf(r.address, r.rules)).filter((v): v is SavedValidation => v !== null);
}

function validationOf(area: string, rules: Excel.DataValidation): SavedValidation | null {
  if (rules.type === 'None' || rules.type === 'Inconsistent' || rules.type === 'MixedCriteria') return null;
  return { area, rule: rules.rule, prompt: rules.prompt, errorAlert: rules.errorAlert, ignoreBlanks: rules.ignoreBlanks };
}

interface SaveOptions {
  notes: boolean;
  /** Columns and rows the new contents use (their widths and heights are kept too, to be put back). */
  columns: number;
  rows: readonly number[];
  /** The titles the add-in's charts may carry (either language): those charts are the add-in's. */
  chartTitles: readonly string[];
}

/** Everything the sheet holds, as data: a few syncs, more for a large sheet. */
async function readSavedSheet(context: Excel.RequestContext, name: string, options: SaveOptions): Promise<{ saved: SavedSheet; extras: SheetExtras }> {
  const extras = await readExtras(context, name, options.notes);
  const frame = await readFrame(context, name);
  const used = frame.used ?? { top: 0, left: 0, bottom: -1, right: -1 };
  const bands: Band[] = [];
  const widthRead = options.columns > 0 || used.right >= 0 ? { columns: Math.max(used.right + 1, options.columns) } : null;
  let widths: OfficeExtension.ClientResult<Excel.ColumnProperties[]> | null = null;
  const ops = bandOps(name, used, options.columns, bands);
  if (widthRead) {
    ops.push(
      op(
        'widths',
        (batch) => {
          widths = batch.sheet(name).getRangeByIndexes(0, 0, 1, widthRead.columns).getColumnProperties({ format: { columnWidth: true } });
        },
        { reads: true, response: 60 * widthRead.columns },
      ),
    );
  }
  await runOps(context, ops);
  const merges = await readMerges(context, name, used.bottom);
  const validations = await readValidations(context, name, frame.validationAreas);
  const rowBreaks = await readBreakRows(context, name, frame.pageBreaks);

  const cells: SavedCell[] = [];
  const heights = new Map<number, number>();
  for (const band of bands) {
    const values = band.range.values;
    const formulas = band.range.formulas;
    const formats = band.range.numberFormat;
    band.props.value.forEach((row, i) =>
      row.forEach((props, j) => {
        const cell = savedCell(band.area.top + i, band.area.left + j, values[i][j], formulas[i][j], formats[i][j], props);
        if (cell) cells.push(cell);
      }),
    );
    band.rows.value.forEach((row, i) => {
      const points = row.format?.rowHeight;
      if (typeof points === 'number' && points !== extras.standardHeight) heights.set(band.area.top + i, points);
    });
  }
  const noteAt = new Map(extras.notes.map((n) => [n.address, n.text]));
  for (const cell of cells) {
    const text = noteAt.get(cellAddress(cell.r, cell.c));
    if (text !== undefined) cell.note = text;
    noteAt.delete(cellAddress(cell.r, cell.c));
  }
  for (const [address, text] of noteAt) {
    const at = parseArea(address);
    cells.push({ r: at.top, c: at.left, note: text });
  }
  // Rows the new contents make taller are put back to what they were (the standard height, where not saved).
  for (const row of options.rows) if (!heights.has(row)) heights.set(row, extras.standardHeight);
  const widthList = columnWidths(widths, extras.standardWidth);
  return {
    extras,
    saved: {
      cells,
      merges: merges.filter((m) => m.bottom > m.top || m.right > m.left).map(areaAddress),
      widths: widthList,
      heights: [...heights].sort((a, b) => a[0] - b[0]),
      frozenRows: frame.frozenRows,
      validations,
      page: { ...frame.page, rowBreaks },
      charts: chartsOf(cells, extras.charts, options.chartTitles),
    },
  };
}

/** [column, points] from getColumnProperties' answer (none when it was not asked). */
function columnWidths(read: OfficeExtension.ClientResult<Excel.ColumnProperties[]> | null, standard: number): [number, number][] {
  return (read ? answer(read) : []).map((c, i): [number, number] => [i, c.format?.columnWidth ?? standard]);
}

/** The add-in's charts on the sheet, told by their title; their ranges from the summary's layout in the saved cells. */
function chartsOf(cells: SavedCell[], titles: string[], ours: readonly string[]): SummaryChart[] {
  const mine = titles.filter((t) => ours.includes(t));
  if (mine.length === 0) return [];
  const bottom = Math.max(0, ...cells.map((c) => c.r));
  const right = Math.max(0, ...cells.map((c) => c.c));
  const values: CellValue[][] = Array.from({ length: bottom + 1 }, () => Array<CellValue>(right + 1).fill(null));
  for (const cell of cells) values[cell.r][cell.c] = cell.f ? '=' : (cell.v ?? null);
  const sheet: Sheet = { name: '', startRow: 0, startCol: 0, values, merges: [] };
  const chart = summaryChartOf(sheet, mine[0], sheetWords('mn'));
  return chart ? [chart] : [];
}

/** The titles of the add-in's charts, in either language: a chart with one of them on the add-in's sheet is the add-in's. */
export const OUR_CHART_TITLES: readonly string[] = [sheetWords('mn').chartTitle, sheetWords('en').chartTitle];

/** What an action needs to rewrite one of the add-in's sheets in place: what it holds now, and the operations that take that off. */
export interface Rewrite {
  saved: SavedSheet;
  clear: Op[];
}

/**
 * Reads the sheet about to be rewritten in place (a few syncs, more for a
 * large one) and plans taking its contents off. `plan`: the new contents'
 * columns and taller rows, whose sizes are kept too.
 */
export async function prepareRewrite(context: Excel.RequestContext, name: string, plan: { columnWidths: readonly number[]; rowHeights?: readonly { row: number }[] }, notes: boolean): Promise<Rewrite> {
  const { saved, extras } = await readSavedSheet(context, name, { notes, columns: plan.columnWidths.length, rows: (plan.rowHeights ?? []).map((h) => h.row), chartTitles: OUR_CHART_TITLES });
  return { saved, clear: clearSheetOps(name, extras, OUR_CHART_TITLES, saved) };
}

// ---- taking a sheet's contents off, and putting saved ones back ----------------------------

/**
 * Everything an earlier write put on the sheet, taken off — the sheet
 * itself stays, under its name: notes, the add-in's charts (by title,
 * last first), merged areas, validation, contents and formats, frozen
 * rows, widths and heights back to the standard ones.
 */
export function clearSheetOps(name: string, extras: SheetExtras, ourTitles: readonly string[], sizes: { widths: readonly [number, number][]; heights: readonly [number, number][] }): Op[] {
  const ops: Op[] = [];
  if (extras.notes.length > 0) {
    ops.push(...extras.notes.map((n) => op(n.address, (b) => b.sheet(name).notes.getItem(n.address).delete())));
  }
  extras.charts.forEach((title, i) => {
    if (!ourTitles.includes(title)) return;
    ops.unshift(op(`chart ${i}`, (b) => b.sheet(name).charts.getItemAt(i).delete(), { once: true }));
  });
  ops.push(
    op('clear', (batch) => {
      const all = batch.sheet(name).getRange();
      all.unmerge();
      all.dataValidation.clear();
      all.clear('All');
      batch.sheet(name).freezePanes.unfreeze();
    }),
    ...clearPageOps(name),
  );
  for (const [col] of sizes.widths) ops.push(op(col, (b) => (b.sheet(name).getRange(`${columnLetter(col)}:${columnLetter(col)}`).format.columnWidth = extras.standardWidth)));
  for (const [row] of sizes.heights) ops.push(op(row, (b) => (b.sheet(name).getRange(`${row + 1}:${row + 1}`).format.rowHeight = extras.standardHeight)));
  return ops;
}

/** Cells with the same value of one aspect, grouped into blocks (as the writes are). */
function grouped(cells: SavedCell[], key: (cell: SavedCell) => string | null): Map<string, Area[]> {
  const byKey = new Map<string, { row: number; col: number; data: true }[]>();
  for (const cell of cells) {
    const value = key(cell);
    if (value === null) continue;
    const list = byKey.get(value) ?? [];
    list.push({ row: cell.r, col: cell.c, data: true });
    byKey.set(value, list);
  }
  return new Map([...byKey].map(([key, list]) => [key, blocks(list).map((b) => b.area)]));
}

/** The saved contents written back onto the cleared sheet. */
export function restoreSheetOps(name: string, saved: SavedSheet, notes: boolean): Op[] {
  const sheet = (b: { sheet(n: string): Excel.Worksheet }) => b.sheet(name);
  const at = (b: { sheet(n: string): Excel.Worksheet }, a: Area) => sheet(b).getRangeByIndexes(a.top, a.left, a.bottom - a.top + 1, a.right - a.left + 1);
  // Contents, number formats, bold, fills and notes in 2-D blocks, as any write (the sheet was cleared: no merged area in the way).
  const changes: CellChange[] = saved.cells.map((cell) => {
    const change: CellChange = { row: cell.r, col: cell.c };
    if (cell.f !== undefined || cell.v !== undefined) change.content = { value: cell.v ?? null, formula: cell.f ?? null };
    if (cell.n !== undefined) change.numberFormat = cell.n;
    if (cell.b) change.bold = true;
    if (cell.fill) change.fill = cell.fill;
    if (cell.note !== undefined) change.note = { text: cell.note, exists: false };
    return change;
  });
  const ops: Op[] = changeOps(name, changes, notes);
  for (const [, areas] of grouped(saved.cells, (c) => (c.wrap ? 'w' : null))) for (const area of areas) ops.push(op('wrap', (b) => (at(b, area).format.wrapText = true)));
  for (const [align, areas] of grouped(saved.cells, (c) => c.va ?? null)) for (const area of areas) ops.push(op(align, (b) => (at(b, area).format.verticalAlignment = align as Excel.VerticalAlignment)));
  for (const cell of saved.cells) {
    if (!cell.border) continue;
    const edges = cell.border;
    ops.push(
      op(edges, (batch) => {
        const borders = at(batch, { top: cell.r, left: cell.c, bottom: cell.r, right: cell.c }).format.borders;
        for (const [edge, index] of [['top', 'EdgeTop'], ['bottom', 'EdgeBottom'], ['left', 'EdgeLeft'], ['right', 'EdgeRight']] as const) {
          const line = edges[edge];
          if (!line) continue;
          const [style, weight] = line.split(' ');
          const border = borders.getItem(index);
          border.style = style as Excel.BorderLineStyle;
          border.weight = weight as Excel.BorderWeight;
        }
      }),
    );
  }
  for (const cell of saved.cells) {
    const link = cell.link ? { address: cell.link } : cell.ref ? { documentReference: cell.ref } : null;
    if (link) ops.push(op(link, (b) => (at(b, { top: cell.r, left: cell.c, bottom: cell.r, right: cell.c }).hyperlink = link)));
  }
  if (saved.merges.length > 0) {
    // Range.merge fails while the user has a chart selected (office-js#399): a cell of this sheet first.
    ops.push(
      op('select', (batch) => {
        sheet(batch).activate();
        sheet(batch).getRange('A1').select();
      }),
    );
    for (const merged of saved.merges) ops.push(op(merged, (b) => sheet(b).getRange(merged).merge(false)));
  }
  for (const [col, points] of saved.widths) ops.push(op(points, (b) => (sheet(b).getRange(`${columnLetter(col)}:${columnLetter(col)}`).format.columnWidth = points)));
  for (const [row, points] of saved.heights) ops.push(op(points, (b) => (sheet(b).getRange(`${row + 1}:${row + 1}`).format.rowHeight = points)));
  for (const saving of saved.validations) {
    ops.push(
      op(saving, (batch) => {
        const rules = sheet(batch).getRange(saving.area).dataValidation;
        rules.rule = saving.rule as Excel.DataValidationRule;
        rules.ignoreBlanks = saving.ignoreBlanks;
        rules.prompt = saving.prompt as Excel.DataValidationPrompt;
        rules.errorAlert = saving.errorAlert as Excel.DataValidationErrorAlert;
      }),
    );
  }
  if (saved.page) ops.push(...restorePageOps(name, saved.page));
  if (saved.frozenRows > 0) ops.push(op('freeze', (b) => sheet(b).freezePanes.freezeRows(saved.frozenRows)));
  for (const chart of saved.charts) ops.push(chartOp(name, chart));
  return ops;
}
