// The roll-up workbook: a NEW workbook planned as plain data — its sheets as
// cells, column widths, frozen rows, hyperlinks and one filterable table —
// which a host writes (src/xlsx/create.ts, the Excel adapter). Three sheets:
// the roll-up (a line per row of rollup-rows.ts, ranked, the total line and
// the chart's data beside it), the findings and the files not read, each
// laid out by the columns its words declare (src/i18n/rollup.ts).

import { gradeFormula, gradeText } from './grade-text';
import { chartPlace, columnFormat, columnPositions, headerTexts, layoutWidths, type ChartBlock, type SheetLayout } from './layout';
import { fitRowHeights, landscapeTable, onePageWhenClose, type PrintSetup } from './print';
import type { Profile } from './profiles';
import { rankRows, rollupTotal, type RollupRow, type RollupTotal } from './rollup-rows';
import type { PeriodCode } from './rollup-units';
import { cellAddress, columnLetter, type Area } from './sheet';
import { fillTemplate } from './text';
import type { CellValue, Lang, Localized, Severity, SummaryChart, TableKind } from './types';

/** The roll-up sheet's columns, by key (laid out by RollupWords.columns). */
export type RollupColumnKey =
  | 'rank'
  | 'label'
  | 'organisation'
  | 'year'
  | 'period'
  | 'file'
  | 'table'
  | 'kind'
  | 'items'
  | 'rated'
  | 'average'
  | 'statedAverage'
  | 'fivePoint'
  | 'grade'
  | 'annex8'
  | 'errors'
  | 'warnings'
  | 'infos';
/** The roll-up's findings sheet's columns, by key. */
export type RollupFindingsColumnKey = 'file' | 'unit' | 'sheet' | 'cell' | 'code' | 'severity' | 'message';
/** The columns of the sheet of files not read, by key. */
export type NotReadColumnKey = 'file' | 'reason';

/** A cell of a new sheet (0-based), as CellWrite without a note: a value, or a formula with its computed result. */
export interface PlannedCell {
  row: number;
  col: number;
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
}

/** A filterable Excel table (a ListObject with an autoFilter) over a rectangle whose first row holds the column names. */
export interface PlannedTable {
  /** Its name (letters, digits and underscores; unique in the workbook). */
  name: string;
  /** 0-based, inclusive; the header row is `top`. */
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** Column names: the header cells' text, unique. */
  columns: string[];
}

export interface PlannedSheet {
  name: string;
  cells: PlannedCell[];
  /** Widths in characters, from column A. */
  columnWidths: number[];
  /** Rows kept in view at the top. */
  frozenRows: number;
  /** Cells that link to a file (a relative path or a URI). */
  links: { row: number; col: number; target: string }[];
  /**
   * Where each file's name is written, linked or not: a host that holds the
   * files itself (the web page) can open them from these cells, where a
   * file written for elsewhere has no location to link to.
   */
  fileCells?: { row: number; col: number; file: string }[];
  table?: PlannedTable;
  /** A chart a host that can draw one should draw (its data is on the sheet). */
  chart?: SummaryChart;
  /** Areas whose text wraps, aligned to the top. */
  wrap?: Area[];
  /** Rows taller than one line, in points (their wrapped text). */
  rowHeights?: { row: number; points: number }[];
  /** How the sheet prints. */
  print?: PrintSetup;
}

/** A new workbook: its sheets in tab order; the first is the active one. */
export interface WorkbookPlan {
  sheets: PlannedSheet[];
}

/** The words of the roll-up workbook, in the user's language (src/i18n/rollup.ts). */
export interface RollupWords {
  lang: Lang;
  sheetNames: { rollup: string; findings: string; notRead: string };
  title: string;
  /** "Scale: {scale}". */
  scaleLine: string;
  /** "{files} files, {tables} tables; {notRead} not read". */
  countsLine: string;
  /** What is a formula and what a link. */
  linkedLine: string;
  /** The roll-up sheet's columns, left to right, each with its width, header and number format. */
  columns: SheetLayout<RollupColumnKey>;
  totalLabel: string;
  kinds: Record<TableKind, string>;
  periods: Record<PeriodCode, string>;
  /** The findings sheet's columns (a filterable table: each header unique). */
  findingsColumns: SheetLayout<RollupFindingsColumnKey>;
  severities: Record<Severity, string>;
  /** The columns of the sheet of files not read. */
  notReadColumns: SheetLayout<NotReadColumnKey>;
  allRead: string;
  /** Under the findings when there were more than a sheet holds: "{count} more findings are in the JSON output". */
  findingsTruncated: string;
  chartCategory: string;
  chartValue: string;
  chartTitle: string;
  /** The printed page's number in the footer, in Excel's codes: "Хуудас &P / &N". */
  pageNumbers: string;
}

/** A finding of one file, for the findings sheet. */
export interface RollupFinding {
  file: string;
  /** The unit, as on the roll-up sheet. */
  label: string;
  sheet: string;
  cell: string;
  code: string;
  severity: Severity;
  message: Localized;
}

/** A file that could not be read, and why (one line, both languages). */
export interface UnreadFile {
  file: string;
  reason: Localized;
}

export interface RollupInput {
  /** The rows of every readable file, in the order the files were given (rollupRows). */
  rows: readonly RollupRow[];
  findings: readonly RollupFinding[];
  notRead: readonly UnreadFile[];
  /** The link target of each file (a path relative to the roll-up workbook), by its name in the rows. */
  links: Readonly<Record<string, string>>;
}

export interface RollupOutcome {
  workbook: WorkbookPlan;
  /** The rows as the sheet lists them: by average, with their ranks. */
  rows: RollupRow[];
  total: RollupTotal;
  /** Where the chart's data is ("Нэгтгэл!T5:U9"), when any row has an average. */
  chartData: string | null;
  /** Findings left off the findings sheet (more than a sheet holds). */
  findingsLeftOut: number;
}

const HEADER_ROW = 4;
const FIRST_ROW = HEADER_ROW + 1;
/** The chart's data beside the roll-up: one narrow empty column, then each unit's label and average. */
const ROLLUP_CHART: ChartBlock = { gapWidths: [3], categoryWidth: 40, valueWidth: 10 };
/** Rows a sheet holds (Excel's last row is 1,048,576). */
const MAX_SHEET_ROWS = 1048576;

/** Cells of a planned sheet; an empty value is left out unless it is a formula's result. */
class PlannedCells {
  readonly cells: PlannedCell[] = [];
  put(row: number, col: number, value: CellValue, extra: Partial<PlannedCell> = {}): void {
    if ((value === null || value === '') && !extra.formula) return;
    this.cells.push({ row, col, value, ...extra });
  }
}

/** The roll-up sheet's columns by key, and each key's number format, from the words' layout. */
interface RollupPlaces {
  column: Record<RollupColumnKey, number>;
  format: (key: RollupColumnKey) => string | undefined;
}

/**
 * The roll-up workbook. In: every readable file's rows and findings, the
 * files that could not be read, the link to each file, the profile and the
 * words. Out: three sheets — the roll-up (one row per file and table, the
 * units' figures first by average with their ranks as formulas, the total
 * line's mean, counts and sums as formulas, the file names linked to the
 * files, and the chart's data beside it), the findings (every finding as a
 * filterable table) and the files not read — plus the ranked rows and the
 * total, for hosts to print.
 */
export function planRollup(input: RollupInput, profile: Profile, words: RollupWords): RollupOutcome {
  const rows = rankRows(input.rows);
  const total = rollupTotal(rows, profile);
  const { sheet: rollupSheet, chartData } = rollupSheetOf(rows, total, input, profile, words);
  const { sheet: findingsSheet, findingsLeftOut } = findingsSheetOf(input.findings, words);
  return { workbook: { sheets: [rollupSheet, findingsSheet, notReadSheetOf(input, words)] }, rows, total, chartData, findingsLeftOut };
}

/** The header row of a layout, bold. */
function headerCells(cells: PlannedCell[], row: number, layout: SheetLayout, lang: Lang): void {
  headerTexts(layout, lang).forEach((header, col) => cells.push({ row, col, value: header, bold: true }));
}

/** The roll-up sheet: title lines, a line per row, the total line and the chart's data. */
function rollupSheetOf(rows: RollupRow[], total: RollupTotal, input: RollupInput, profile: Profile, words: RollupWords): { sheet: PlannedSheet; chartData: string | null } {
  const lang = words.lang;
  const places: RollupPlaces = { column: columnPositions(words.columns), format: (key) => columnFormat(words.columns, key) };
  const { column } = places;
  const out = new PlannedCells();
  const links: PlannedSheet['links'] = [];
  const fileCells: NonNullable<PlannedSheet['fileCells']> = [];
  out.put(0, 0, words.title, { bold: true });
  out.put(1, 0, fillTemplate(words.scaleLine, { scale: profile.name[lang] }));
  out.put(2, 0, fillTemplate(words.countsLine, { files: total.files + input.notRead.length, tables: total.tables, notRead: input.notRead.length }));
  out.put(3, 0, words.linkedLine);
  headerCells(out.cells, HEADER_ROW, words.columns, lang);
  // The units' figures come first (rankRows): their rows are the ones ranked and averaged.
  const unitsEnd = FIRST_ROW + Math.max(rows.filter((row) => row.unitFigure).length, 1);
  const absUnitRange = (col: number) => `${columnLetter(col)}$${FIRST_ROW + 1}:${columnLetter(col)}$${unitsEnd}`;
  rows.forEach((rollupRow, index) => {
    const row = FIRST_ROW + index;
    const average = cellAddress(row, column.average);
    if (rollupRow.unitFigure) out.put(row, column.rank, rollupRow.rank ?? '', { formula: `=IF(${average}="","",RANK(${average},${absUnitRange(column.average)}))` });
    rowCells(out, row, rollupRow, words, places);
    fileCells.push({ row, col: column.file, file: rollupRow.file });
    const link = input.links[rollupRow.file];
    if (link) links.push({ row, col: column.file, target: link });
  });
  totalCells(out, rows, total, profile, words, places);
  const tableWidths = layoutWidths(words.columns);
  const columnWidths = [...tableWidths];
  const charted = chartCells(out, rows, words, column.average);
  if (charted) columnWidths.push(...charted.widths);
  const sheet: PlannedSheet = { name: words.sheetNames.rollup, cells: out.cells, columnWidths, frozenRows: FIRST_ROW, links, fileCells, chart: charted?.chart };
  fitForPrint(sheet, HEADER_ROW, tableWidths.length - 1, words);
  return { sheet, chartData: charted?.chartData ?? null };
}

/**
 * How a table sheet prints and wraps: the header row and the rows below it
 * wrap their text at the top of the cell (rows as high as their text; the
 * title lines above run on); A4 landscape, one page wide, the header row
 * repeated on every page, the columns up to `right` printed (not a chart's
 * data beside them), page numbers in the footer.
 */
function fitForPrint(sheet: PlannedSheet, header: number, right: number, words: Pick<RollupWords, 'pageNumbers'>): void {
  const bottom = sheet.cells.reduce((max, cell) => (cell.col <= right ? Math.max(max, cell.row) : max), header);
  sheet.wrap = [{ top: header, left: 0, bottom, right }];
  sheet.rowHeights = fitRowHeights(sheet.cells, sheet.columnWidths, (row, col) => row >= header && col <= right);
  const setup = landscapeTable({ first: header, last: header }, words.pageNumbers, { area: { top: 0, left: 0, bottom, right } });
  sheet.print = onePageWhenClose(setup, sheet.columnWidths.slice(0, right + 1), sheet.rowHeights, bottom);
}

function rowCells(out: PlannedCells, row: number, rollupRow: RollupRow, words: RollupWords, places: RollupPlaces): void {
  const { column, format } = places;
  out.put(row, column.label, rollupRow.label);
  out.put(row, column.organisation, rollupRow.organisation ?? '');
  out.put(row, column.year, rollupRow.year ?? '');
  out.put(row, column.period, rollupRow.period ? words.periods[rollupRow.period] : '');
  out.put(row, column.file, rollupRow.file);
  out.put(row, column.table, rollupRow.tableId ? rollupRow.title || rollupRow.tableId : '');
  out.put(row, column.kind, rollupRow.kind ? words.kinds[rollupRow.kind] : '');
  out.put(row, column.items, rollupRow.items);
  out.put(row, column.rated, rollupRow.rated);
  out.put(row, column.average, rollupRow.average ?? '', { numberFormat: format('average') });
  out.put(row, column.statedAverage, rollupRow.statedAverage ?? '', { numberFormat: format('statedAverage') });
  out.put(row, column.fivePoint, rollupRow.fivePoint ?? '', { numberFormat: format('fivePoint') });
  out.put(row, column.grade, gradeText(rollupRow.grade, rollupRow.gradeLabel, words.lang));
  out.put(row, column.annex8, rollupRow.annex8 ?? '', { numberFormat: format('annex8') });
  out.put(row, column.errors, rollupRow.errors);
  out.put(row, column.warnings, rollupRow.warnings);
  out.put(row, column.infos, rollupRow.infos);
}

/** The total line: counts, sums and the mean of the units as formulas over the rows above. */
function totalCells(out: PlannedCells, rows: RollupRow[], total: RollupTotal, profile: Profile, words: RollupWords, places: RollupPlaces): void {
  const { column, format } = places;
  const totalRow = FIRST_ROW + rows.length;
  out.put(totalRow, column.label, words.totalLabel, { bold: true });
  if (rows.length === 0) {
    for (const col of [column.file, column.table, column.items, column.rated, column.errors, column.warnings, column.infos]) out.put(totalRow, col, 0, { bold: true });
    return;
  }
  const range = (col: number, end = totalRow) => `${columnLetter(col)}${FIRST_ROW + 1}:${columnLetter(col)}${end}`;
  const unitRange = (col: number) => range(col, FIRST_ROW + Math.max(rows.filter((row) => row.unitFigure).length, 1));
  const avgRef = cellAddress(totalRow, column.average);
  out.put(totalRow, column.file, total.files, { formula: `=ROUND(SUMPRODUCT(1/COUNTIF(${range(column.file)},${range(column.file)})),0)`, bold: true });
  out.put(totalRow, column.table, total.tables, { formula: `=COUNTA(${range(column.table)})`, bold: true });
  const sums = ['items', 'rated', 'errors', 'warnings', 'infos'] as const;
  for (const key of sums) out.put(totalRow, column[key], total[key], { formula: `=SUM(${range(column[key])})`, bold: true });
  out.put(totalRow, column.average, total.average ?? '', { formula: `=IF(COUNT(${unitRange(column.average)})=0,"",ROUND(AVERAGE(${unitRange(column.average)}),1))`, numberFormat: format('average'), bold: true });
  out.put(totalRow, column.fivePoint, total.fivePoint ?? '', { formula: `=IF(${avgRef}="","",ROUND(${avgRef}*${profile.fivePointFactor},2))`, numberFormat: format('fivePoint'), bold: true });
  out.put(totalRow, column.grade, gradeText(total.grade, total.gradeLabel, words.lang), { formula: `=${gradeFormula(profile, avgRef, words.lang)}`, bold: true });
  out.put(totalRow, column.annex8, total.annex8 ?? '', { formula: `=IF(COUNT(${range(column.annex8)})=0,"",ROUND(AVERAGE(${range(column.annex8)}),1))`, numberFormat: format('annex8'), bold: true });
}

/** The chart's data: each ranked unit and its average, linked to the average; null when no unit has one. */
function chartCells(out: PlannedCells, rows: RollupRow[], words: RollupWords, averageColumn: number): { chart: SummaryChart; chartData: string; widths: number[] } | null {
  const ranked = rows.map((rollupRow, index) => ({ rollupRow, row: FIRST_ROW + index })).filter((line) => line.rollupRow.unitFigure && line.rollupRow.average !== null);
  if (ranked.length === 0) return null;
  const place = chartPlace(words.columns, ROLLUP_CHART);
  const tablesOf = new Map<string, number>();
  for (const line of ranked) tablesOf.set(line.rollupRow.file, (tablesOf.get(line.rollupRow.file) ?? 0) + 1);
  out.put(HEADER_ROW, place.category, words.chartCategory, { bold: true });
  out.put(HEADER_ROW, place.value, words.chartValue, { bold: true });
  ranked.forEach(({ rollupRow, row }, index) => {
    const barRow = FIRST_ROW + index;
    // A file with several units' tables: each bar says which.
    const label = rollupRow.tableId && tablesOf.get(rollupRow.file)! > 1 ? `${rollupRow.label} (${rollupRow.title || rollupRow.tableId})` : rollupRow.label;
    out.put(barRow, place.category, label.length > 40 ? `${label.slice(0, 39)}…` : label);
    out.put(barRow, place.value, rollupRow.average, { formula: `=${cellAddress(row, averageColumn)}`, numberFormat: columnFormat(words.columns, 'average') });
  });
  const end = FIRST_ROW + ranked.length;
  const labels = columnLetter(place.category);
  const figures = columnLetter(place.value);
  const chart = {
    title: words.chartTitle,
    categories: `${labels}${FIRST_ROW + 1}:${labels}${end}`,
    values: `${figures}${FIRST_ROW + 1}:${figures}${end}`,
    anchor: `${columnLetter(place.anchor)}${FIRST_ROW}`,
  };
  return { chart, chartData: `${words.sheetNames.rollup}!${labels}${HEADER_ROW + 1}:${figures}${end}`, widths: place.widths };
}

/** The findings, as a filterable table (as many as a sheet holds; the rest counted). */
function findingsSheetOf(findings: readonly RollupFinding[], words: RollupWords): { sheet: PlannedSheet; findingsLeftOut: number } {
  const layout = words.findingsColumns;
  const column = columnPositions(layout);
  // Every cell is written, an empty one too: the table's rows stay whole.
  const cells: PlannedCell[] = [];
  const put = (row: number, col: number, value: CellValue) => cells.push({ row, col, value });
  headerCells(cells, 0, layout, words.lang);
  const room = MAX_SHEET_ROWS - 1;
  const shown = findings.length > room ? findings.slice(0, room - 1) : findings;
  shown.forEach((finding, index) => {
    const row = index + 1;
    put(row, column.file, finding.file);
    put(row, column.unit, finding.label);
    put(row, column.sheet, finding.sheet);
    put(row, column.cell, finding.cell);
    put(row, column.code, finding.code);
    put(row, column.severity, words.severities[finding.severity]);
    put(row, column.message, finding.message[words.lang]);
  });
  const findingsLeftOut = findings.length - shown.length;
  const bottom = Math.max(1, shown.length);
  if (findingsLeftOut > 0) put(bottom + 1, 0, fillTemplate(words.findingsTruncated, { count: findingsLeftOut }));
  const table = { name: 'Findings', top: 0, left: 0, bottom, right: layout.length - 1, columns: headerTexts(layout, words.lang) };
  const sheet: PlannedSheet = { name: words.sheetNames.findings, cells, columnWidths: layoutWidths(layout), frozenRows: 1, links: [], table };
  fitForPrint(sheet, 0, layout.length - 1, words);
  return { sheet, findingsLeftOut };
}

/** The files not read, and why. */
function notReadSheetOf(input: RollupInput, words: RollupWords): PlannedSheet {
  const layout = words.notReadColumns;
  const column = columnPositions(layout);
  const cells: PlannedCell[] = [];
  const links: PlannedSheet['links'] = [];
  const fileCells: NonNullable<PlannedSheet['fileCells']> = [];
  headerCells(cells, 0, layout, words.lang);
  if (input.notRead.length === 0) cells.push({ row: 1, col: 0, value: words.allRead });
  input.notRead.forEach((unread, index) => {
    const row = index + 1;
    cells.push({ row, col: column.file, value: unread.file });
    fileCells.push({ row, col: column.file, file: unread.file });
    cells.push({ row, col: column.reason, value: unread.reason[words.lang] });
    const link = input.links[unread.file];
    if (link) links.push({ row, col: column.file, target: link });
  });
  const sheet: PlannedSheet = { name: words.sheetNames.notRead, cells, columnWidths: layoutWidths(layout), frozenRows: 1, links, fileCells };
  fitForPrint(sheet, 0, layout.length - 1, words);
  return sheet;
}
