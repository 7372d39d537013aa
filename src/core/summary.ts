// The scoring summary sheet: per table and per group the counts, average,
// 5-point figure, grade, annex 8 total and findings, its figures linked to
// the tables by formulas so they follow later edits.

import { countSeverities } from './checks';
import type { TableEval } from './evaluate';
import { gradeFormula, gradeText } from './grade-text';
import type { Profile } from './profiles';
import { columnRanges, percentRanges, rangeArgs, MAX_FORMULA_ARGS } from './ranges';
import { evaluationFigures, type Evaluation, type SectionPart } from './evaluation';
import { fitRowHeights, headerFooterLiteral, landscapeTable, onePageWhenClose } from './print';
import { annex8Section } from './scoring';
import { chartPlace, columnFormat, columnPositions, layoutWidths, type ChartBlock, type SheetLayout } from './layout';
import { cellAddress, columnLetter, sheetRef } from './sheet';
import { fillTemplate } from './text';
import type { Sheet } from './sheet';
import type { CellValue, CellWrite, Finding, ScoreFigures, SheetWords, SummaryChart, SummaryColumnKey, SummarySheetPlan, TableScore } from './types';

/** 0-based row of the first table line; the header row is just above it. */
const FIRST_DATA_ROW = 5;
/** Title lines and the header row stay in view. */
const SUMMARY_FROZEN_ROWS = FIRST_DATA_ROW;
/** The chart's data beside the table: two narrow empty columns, then each bar's label and figure. */
const SUMMARY_CHART: ChartBlock = { gapWidths: [4, 4], categoryWidth: 40, valueWidth: 12 };
/** The figure the chart's bars show: the average's. */
const CHART_VALUE_FORMAT = '0.0';

/** Where each of the summary's columns is, and the chart's data beside them, as the words' layout declares them. */
interface SummaryPlaces {
  column: Record<SummaryColumnKey, number>;
  widths: number[];
  format: (key: SummaryColumnKey) => string | undefined;
}

function summaryPlaces(layout: SheetLayout<SummaryColumnKey>): SummaryPlaces {
  return { column: columnPositions(layout), widths: layoutWidths(layout), format: (key) => columnFormat(layout, key) };
}

export interface SummaryInput {
  evals: TableEval[];
  scores: TableScore[];
  findings: Finding[];
  /** Individual evaluations (annex 8): their parts get points, not averages and grades. */
  evaluations: Evaluation[];
}

/** A section's points on the summary: linked to the figure the sheet states, else the mean of its points column. */
function sectionPointsFormula(part: SectionPart): string | null {
  const stated = part.stated;
  const sheet = part.table.info.sheet;
  if (stated && stated.value !== null && stated.text !== '' && !/[^\d\s.,%]/.test(stated.text.replace(/хувь|оноо/gi, ''))) return `${sheetRef(sheet)}!${cellAddress(stated.row, stated.col)}`;
  const ranges = columnRanges(part.table, part.pointsCol.col, part.rows.map((item) => item.row));
  if (ranges.length === 0 || ranges.length > MAX_FORMULA_ARGS) return null;
  return `IF(COUNT(${rangeArgs(ranges, sheet)})=0,"",ROUND(AVERAGE(${rangeArgs(ranges, sheet)}),1))`;
}

/** Annex 8 total as a formula: each points column's mean (or the percent × weight), minus deductions. */
function annex8Formula(table: TableEval, score: TableScore, profile: Profile, sheet: string): string | null {
  const annex8 = score.annex8;
  if (!annex8) return null;
  const rows = table.items.map((item) => item.row);
  const pieces: string[] = [];
  for (const column of table.info.columns.filter((candidate) => candidate.role === 'points')) {
    const section = annex8Section(column);
    const filled = table.items.every((item) => typeof table.grid.value(item.row, column.col) === 'number');
    if (filled) {
      pieces.push(`AVERAGE(${sheetRef(sheet)}!${rangeOver(rows, column.col)})`);
    } else if (section <= 2) {
      const ranges = percentRanges(table, rows);
      if (ranges.length === 0 || ranges.length > MAX_FORMULA_ARGS) return null;
      const weight = section === 1 ? profile.annex8.performance : profile.annex8.skills;
      pieces.push(`AVERAGE(${rangeArgs(ranges, sheet)})*${weight}`);
    } else return null;
  }
  if (pieces.length === 0) return null;
  const minus = annex8.deductions ? `-${annex8.deductions}` : '';
  return `ROUND(${pieces.join('+')}${minus},1)`;
}

function rangeOver(rows: number[], column: number): string {
  const top = Math.min(...rows);
  const bottom = Math.max(...rows);
  return `${cellAddress(top, column)}:${cellAddress(bottom, column)}`;
}

type Put = (row: number, col: number, value: CellValue, extra?: Partial<CellWrite>) => void;

/**
 * The summary sheet (per table and group: counts, average, 5-point figure,
 * grade, annex 8 total, findings left), its figures live formulas over the
 * tables. `input` describes the workbook as it will be after Compute, so the
 * summary of a computed workbook is the same again. Its columns are the
 * words' layout (`words.columns`), the chart's data beside them.
 */
export function planSummary(input: SummaryInput, profile: Profile, words: SheetWords, name: { name: string; replaces: boolean }): SummarySheetPlan {
  const writes: CellWrite[] = [];
  const put: Put = (row, col, value, extra = {}) => writes.push({ row, col, value, ...extra });
  const places = summaryPlaces(words.columns);
  const { column, format } = places;

  put(0, 0, words.summaryTitle, { bold: true });
  put(1, 0, fillTemplate(words.scaleLine, { scale: profile.name[words.lang] }));
  put(2, 0, words.linkedLine);
  words.columns.forEach((declared, index) => put(FIRST_DATA_ROW - 1, index, declared.header[words.lang], { bold: true }));

  let row = FIRST_DATA_ROW;
  const chartRows: { label: string; avgRef: string }[] = [];
  const tableRows: { label: string; avgRef: string }[] = [];
  const tableAverages: SummarySheetPlan['tableAverages'] = [];

  const partOf = new Map<TableEval, SectionPart | 'summary'>();
  for (const evaluation of input.evaluations) {
    for (const part of evaluation.parts) partOf.set(part.table, part);
    if (evaluation.summary) partOf.set(evaluation.summary.table, 'summary');
  }
  const sectionRefs = new Map<SectionPart, string>();

  input.evals.forEach((table, tableIndex) => {
    const score = input.scores[tableIndex];
    const info = table.info;
    const sheet = info.sheet;
    const tableFindings = input.findings.filter((finding) => finding.tableId === info.id);
    const part = partOf.get(table);
    // An evaluation's parts carry points, not averages and grades (no rule grades a section on its own).
    const hasPercent = table.roleCol.percent !== undefined && part === undefined;

    const line = (label: string, itemRows: number[], findings: Finding[], figures: ScoreFigures, isTable: boolean) => {
      const bold = isTable;
      const lineRow = row++;
      put(lineRow, column.sheet, sheet, { bold });
      put(lineRow, column.label, label, { bold });
      put(lineRow, column.items, figures.itemCount, { bold });
      const ranges = hasPercent ? percentRanges(table, itemRows) : [];
      if (ranges.length > 0 && ranges.length <= MAX_FORMULA_ARGS) {
        const args = rangeArgs(ranges, sheet);
        const scale = table.percentFormatted ? '*100' : '';
        put(lineRow, column.rated, figures.ratedCount, { formula: `=COUNT(${args})`, bold });
        put(lineRow, column.average, figures.average ?? '', { formula: `=IF(COUNT(${args})=0,"",ROUND(AVERAGE(${args})${scale},1))`, numberFormat: format('average'), bold });
        const avgRef = cellAddress(lineRow, column.average);
        put(lineRow, column.fivePoint, figures.fivePoint ?? '', { formula: `=IF(${avgRef}="","",ROUND(${avgRef}*${profile.fivePointFactor},2))`, numberFormat: format('fivePoint'), bold });
        const gradeValue = gradeText(figures.grade, figures.gradeLabel, words.lang);
        put(lineRow, column.grade, gradeValue, { formula: `=${gradeFormula(profile, avgRef, words.lang)}`, bold });
        (isTable ? tableRows : chartRows).push({ label: label.trim(), avgRef });
        if (isTable) tableAverages.push({ tableId: info.id, cell: avgRef });
      }
      if (isTable && score.annex8) {
        const formula = annex8Formula(table, score, profile, sheet);
        put(lineRow, column.annex8, score.annex8.total, formula ? { formula: `=${formula}`, numberFormat: format('annex8'), bold } : { bold });
      }
      if (isTable && part && part !== 'summary') {
        const formula = sectionPointsFormula(part);
        put(lineRow, column.annex8, part.points ?? '', formula ? { formula: `=${formula}`, numberFormat: format('annex8'), bold } : { bold });
        sectionRefs.set(part, cellAddress(lineRow, column.annex8));
      }
      const counts = countSeverities(findings);
      put(lineRow, column.errors, counts.error, { bold });
      put(lineRow, column.warnings, counts.warning, { bold });
      put(lineRow, column.infos, counts.info, { bold });
    };

    line(info.title || info.id, table.items.map((item) => item.row), tableFindings, score, true);
    const itemAt = new Map(table.items.map((item) => [item.row, item]));
    info.groups.forEach((group, groupIndex) => {
      const rows = new Set<number>([group.row, ...group.itemRows]);
      for (const itemRow of group.itemRows) itemAt.get(itemRow)?.continuation.forEach((continued) => rows.add(continued));
      const findings = tableFindings.filter((finding) => rows.has(finding.row));
      line(`${'  '.repeat(group.level + 1)}${group.label}`, group.itemRows, findings, score.groups[groupIndex], false);
    });
  });

  for (const evaluation of input.evaluations) row = evaluationLine(evaluation, row, sectionRefs, words, places, put);

  const plan: SummarySheetPlan = { name: name.name, replaces: name.replaces, frozenRows: SUMMARY_FROZEN_ROWS, writes, tableAverages, columnWidths: [...places.widths] };
  printLayout(plan, row - 1, words, places.widths, input.evals[0]?.info.title ?? '');
  chartBlock(plan, chartRows.length > 0 ? chartRows : tableRows, words, put);
  return plan;
}

/** Chart data: the group averages (or the tables' when there are no groups), linked to the cells on their lines, beside the table. */
function chartBlock(plan: SummarySheetPlan, bars: readonly { label: string; avgRef: string }[], words: SheetWords, put: Put): void {
  if (bars.length === 0) return;
  const place = chartPlace(words.columns, SUMMARY_CHART);
  const top = FIRST_DATA_ROW - 1;
  put(top, place.category, words.chartCategory, { bold: true });
  put(top, place.value, words.chartValue, { bold: true });
  // Each bar's figure is the one written at its line's average cell (looked up once, not per bar: a summary of 1,000 groups).
  const written = new Map<string, CellValue>();
  for (const write of plan.writes) if (!written.has(cellAddress(write.row, write.col))) written.set(cellAddress(write.row, write.col), write.value);
  bars.forEach((bar, barIndex) => {
    const barRow = FIRST_DATA_ROW + barIndex;
    put(barRow, place.category, bar.label.length > 40 ? `${bar.label.slice(0, 39)}…` : bar.label);
    put(barRow, place.value, written.get(bar.avgRef) ?? '', { formula: `=${bar.avgRef}`, numberFormat: CHART_VALUE_FORMAT });
  });
  plan.chart = chartOver(place.category, FIRST_DATA_ROW + bars.length - 1, words.chartTitle);
  plan.columnWidths.push(...place.widths);
}

/**
 * How the summary prints and wraps: its header words and the sheet and label
 * columns wrap (rows as high as their text); A4 landscape, one page wide,
 * the header row repeated on every page, the table (not the chart's data
 * beside it) the print area, page numbers in the footer; on top of every
 * page the report's title (who reports, for when) and the date printed.
 */
function printLayout(plan: SummarySheetPlan, lastRow: number, words: SheetWords, widths: readonly number[], reportTitle: string): void {
  const header = FIRST_DATA_ROW - 1;
  const right = widths.length - 1;
  const bottom = Math.max(lastRow, header);
  // The title lines above run on across the columns: they do not wrap.
  plan.wrap = [{ top: header, left: 0, bottom: header, right }];
  // The table's lines wrap and sit at the top of their rows (the figures beside a long label too).
  if (bottom > header) plan.wrap.push({ top: FIRST_DATA_ROW, left: 0, bottom, right });
  const wraps = (row: number, col: number) => row >= header && row <= bottom && col <= right;
  plan.rowHeights = fitRowHeights(plan.writes, widths, wraps);
  const setup = landscapeTable({ first: header, last: header }, words.pageNumbers, { area: { top: 0, left: 0, bottom, right } });
  // A header or footer holds at most 255 characters (&L, &R and the date's code among them).
  if (reportTitle) setup.header = { left: headerFooterLiteral(reportTitle.length > 160 ? `${reportTitle.slice(0, 159)}…` : reportTitle), ...setup.header };
  plan.print = onePageWhenClose(setup, widths, plan.rowHeights, bottom);
}

/** The chart over the chart block's lines (its labels in column `category`, the figures beside), from the first table line to `last` (0-based). */
function chartOver(category: number, last: number, title: string): SummaryChart {
  const labels = columnLetter(category);
  const figures = columnLetter(category + 1);
  return {
    title,
    categories: `${labels}${FIRST_DATA_ROW + 1}:${labels}${last + 1}`,
    values: `${figures}${FIRST_DATA_ROW + 1}:${figures}${last + 1}`,
    anchor: `${columnLetter(category + 3)}${FIRST_DATA_ROW}`,
  };
}

/**
 * The chart a summary sheet Compute made carries, told from its cells: the
 * chart block beside the table (its header above the first table line,
 * then a label per line); null when the sheet has none. Hosts that keep an
 * earlier summary as data use it to put its chart back.
 */
export function summaryChartOf(sheet: Sheet, title: string, words: Pick<SheetWords, 'columns'>): SummaryChart | null {
  const category = chartPlace(words.columns, SUMMARY_CHART).category;
  const at = (row: number, col: number) => sheet.values[row - sheet.startRow]?.[col - sheet.startCol];
  const filled = (value: CellValue | undefined) => value !== null && value !== undefined && value !== '';
  if (!filled(at(FIRST_DATA_ROW - 1, category))) return null;
  let last = FIRST_DATA_ROW - 1;
  while (filled(at(last + 1, category))) last++;
  return last < FIRST_DATA_ROW ? null : chartOver(category, last, title);
}

/** A summary sheet Compute made (in any language): its title in A1 and its first header above the table lines. */
export function isOwnSummary(sheet: Sheet, words: Pick<SheetWords, 'signatures'>): boolean {
  const at = (row: number, col: number) => {
    const value = sheet.values[row - sheet.startRow]?.[col - sheet.startCol];
    return typeof value === 'string' ? value.trim() : '';
  };
  return words.signatures.some((signature) => at(0, 0) === signature.title && at(FIRST_DATA_ROW - 1, 0) === signature.firstHeader);
}

/** Where the summary goes: over the summary Compute made before, else under the first free name. */
export function summaryName(sheets: Sheet[], takenNames: readonly string[], words: SheetWords): { name: string; replaces: boolean } {
  const own = sheets.find((sheet) => isOwnSummary(sheet, words));
  if (own) return { name: own.name, replaces: true };
  const taken = new Set([...sheets.map((sheet) => sheet.name.toLowerCase()), ...takenNames.map((other) => other.toLowerCase())]);
  // Excel compares sheet names without regard to case.
  let name = words.summaryTitle;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${words.summaryTitle} (${k})`;
  return { name, replaces: false };
}

/** One line per evaluation: its total, from the sections' lines above less the changes. */
function evaluationLine(evaluation: Evaluation, row: number, sectionRefs: Map<SectionPart, string>, words: SheetWords, places: SummaryPlaces, put: Put): number {
  const figures = evaluationFigures(evaluation);
  const refs = evaluation.parts.map((part) => sectionRefs.get(part)).filter((ref): ref is string => ref !== undefined);
  const changes = evaluation.summary?.changes;
  const minus = changes ? `-ABS(${sheetRef(evaluation.summary!.table.info.sheet)}!${cellAddress(changes.row, changes.col)})` : '';
  const sheets = [...new Set([...evaluation.parts.map((part) => part.table.info.sheet), ...(evaluation.summary ? [evaluation.summary.table.info.sheet] : [])])];
  put(row, places.column.sheet, sheets.join(', '), { bold: true });
  put(row, places.column.label, words.evaluationTotal, { bold: true });
  // No total until every section has points (evaluationFigures): a partial sum would read as a (low) result.
  const formula = refs.length > 0 && refs.length === evaluation.parts.length ? `=IF(COUNT(${refs.join(',')})<${refs.length},"",ROUND(SUM(${refs.join(',')})${minus},1))` : undefined;
  put(row, places.column.annex8, figures.total ?? '', formula ? { formula, numberFormat: places.format('annex8'), bold: true } : { bold: true });
  return row + 1;
}
