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
import { cellAddress, columnLetter, sheetRef } from './sheet';
import { fillTemplate } from './text';
import type { Sheet } from './sheet';
import type { CellValue, CellWrite, Finding, ScoreFigures, SheetWords, SummaryChart, SummarySheetPlan, TableScore } from './types';

const COL = { sheet: 0, label: 1, items: 2, rated: 3, average: 4, five: 5, grade: 6, annex8: 7, errors: 8, warnings: 9, infos: 10 };
/** 0-based row of the first table line; the header row is just above it. */
const FIRST_DATA_ROW = 5;
/** Title lines and the header row stay in view. */
const SUMMARY_FROZEN_ROWS = FIRST_DATA_ROW;
const CHART_COL = 13;
/**
 * Widths of the summary's columns A:K, in characters: narrow enough that the
 * table prints one A4 landscape page wide at almost full size, the sheet and
 * label columns wrapping their text, each header word whole on its line.
 */
const WIDTHS = [14, 54, 9, 9, 9, 9, 15, 10, 8, 13, 10];

export interface SummaryInput {
  evals: TableEval[];
  scores: TableScore[];
  findings: Finding[];
  /** Individual evaluations (annex 8): their parts get points, not averages and grades. */
  evaluations: Evaluation[];
}

/** A section's points on the summary: linked to the figure the sheet states, else the mean of its points column. */
function sectionPointsFormula(part: SectionPart): string | null {
  const s = part.stated;
  const sheet = part.table.info.sheet;
  if (s && s.value !== null && s.text !== '' && !/[^\d\s.,%]/.test(s.text.replace(/хувь|оноо/gi, ''))) return `${sheetRef(sheet)}!${cellAddress(s.row, s.col)}`;
  const ranges = columnRanges(part.table, part.pointsCol.col, part.rows.map((r) => r.row));
  if (ranges.length === 0 || ranges.length > MAX_FORMULA_ARGS) return null;
  return `IF(COUNT(${rangeArgs(ranges, sheet)})=0,"",ROUND(AVERAGE(${rangeArgs(ranges, sheet)}),1))`;
}

/** Annex 8 total as a formula: each points column's mean (or the percent × weight), minus deductions. */
function annex8Formula(table: TableEval, score: TableScore, profile: Profile, sheet: string): string | null {
  const a8 = score.annex8;
  if (!a8) return null;
  const rows = table.items.map((e) => e.row);
  const pieces: string[] = [];
  for (const col of table.info.columns.filter((c) => c.role === 'points')) {
    const section = annex8Section(col);
    const filled = table.items.every((e) => typeof table.grid.value(e.row, col.col) === 'number');
    if (filled) {
      const r = rangeOver(rows, col.col);
      pieces.push(`AVERAGE(${sheetRef(sheet)}!${r})`);
    } else if (section <= 2) {
      const ranges = percentRanges(table, rows);
      if (ranges.length === 0 || ranges.length > MAX_FORMULA_ARGS) return null;
      const weight = section === 1 ? profile.annex8.performance : profile.annex8.skills;
      pieces.push(`AVERAGE(${rangeArgs(ranges, sheet)})*${weight}`);
    } else return null;
  }
  if (pieces.length === 0) return null;
  const minus = a8.deductions ? `-${a8.deductions}` : '';
  return `ROUND(${pieces.join('+')}${minus},1)`;
}

function rangeOver(rows: number[], col: number): string {
  const a = Math.min(...rows);
  const b = Math.max(...rows);
  return `${cellAddress(a, col)}:${cellAddress(b, col)}`;
}

/**
 * The summary sheet (per table and group: counts, average, 5-point figure,
 * grade, annex 8 total, findings left), its figures live formulas over the
 * tables. `input` describes the workbook as it will be after Compute, so the
 * summary of a computed workbook is the same again.
 */
export function planSummary(input: SummaryInput, profile: Profile, words: SheetWords, name: { name: string; replaces: boolean }): SummarySheetPlan {
  const writes: CellWrite[] = [];
  const put = (row: number, col: number, value: CellValue, extra: Partial<CellWrite> = {}) =>
    writes.push({ row, col, value, ...extra });

  put(0, 0, words.summaryTitle, { bold: true });
  put(1, 0, fillTemplate(words.scaleLine, { scale: profile.name[words.lang] }));
  put(2, 0, words.linkedLine);
  words.headers.forEach((h, c) => put(FIRST_DATA_ROW - 1, c, h, { bold: true }));

  let row = FIRST_DATA_ROW;
  const chartRows: { label: string; avgRef: string }[] = [];
  const tableRows: { label: string; avgRef: string }[] = [];
  const tableAverages: SummarySheetPlan['tableAverages'] = [];

  const partOf = new Map<TableEval, SectionPart | 'summary'>();
  for (const e of input.evaluations) {
    for (const p of e.parts) partOf.set(p.table, p);
    if (e.summary) partOf.set(e.summary.table, 'summary');
  }
  const sectionRefs = new Map<SectionPart, string>();

  input.evals.forEach((table, i) => {
    const score = input.scores[i];
    const info = table.info;
    const sheet = info.sheet;
    const tableFindings = input.findings.filter((f) => f.tableId === info.id);
    const part = partOf.get(table);
    // An evaluation's parts carry points, not averages and grades (no rule grades a section on its own).
    const hasPercent = table.roleCol.percent !== undefined && part === undefined;

    const line = (label: string, itemRows: number[], findings: Finding[], fig: ScoreFigures, isTable: boolean) => {
      const bold = isTable;
      const r = row++;
      put(r, COL.sheet, sheet, { bold });
      put(r, COL.label, label, { bold });
      put(r, COL.items, fig.itemCount, { bold });
      const ranges = hasPercent ? percentRanges(table, itemRows) : [];
      if (ranges.length > 0 && ranges.length <= MAX_FORMULA_ARGS) {
        const args = rangeArgs(ranges, sheet);
        const scale = table.percentFormatted ? '*100' : '';
        const avgValue = fig.average;
        put(r, COL.rated, fig.ratedCount, { formula: `=COUNT(${args})`, bold });
        put(r, COL.average, avgValue ?? '', { formula: `=IF(COUNT(${args})=0,"",ROUND(AVERAGE(${args})${scale},1))`, numberFormat: '0.0', bold });
        const avgRef = cellAddress(r, COL.average);
        put(r, COL.five, fig.fivePoint ?? '', { formula: `=IF(${avgRef}="","",ROUND(${avgRef}*${profile.fivePointFactor},2))`, numberFormat: '0.00', bold });
        const gradeValue = gradeText(fig.grade, fig.gradeLabel, words.lang);
        put(r, COL.grade, gradeValue, { formula: `=${gradeFormula(profile, avgRef, words.lang)}`, bold });
        (isTable ? tableRows : chartRows).push({ label: label.trim(), avgRef });
        if (isTable) tableAverages.push({ tableId: info.id, cell: avgRef });
      }
      if (isTable && score.annex8) {
        const f = annex8Formula(table, score, profile, sheet);
        put(r, COL.annex8, score.annex8.total, f ? { formula: `=${f}`, numberFormat: '0.0', bold } : { bold });
      }
      if (isTable && part && part !== 'summary') {
        const f = sectionPointsFormula(part);
        put(r, COL.annex8, part.points ?? '', f ? { formula: `=${f}`, numberFormat: '0.0', bold } : { bold });
        sectionRefs.set(part, cellAddress(r, COL.annex8));
      }
      const counts = countSeverities(findings);
      put(r, COL.errors, counts.error, { bold });
      put(r, COL.warnings, counts.warning, { bold });
      put(r, COL.infos, counts.info, { bold });
    };

    line(info.title || info.id, table.items.map((e) => e.row), tableFindings, score, true);
    const itemAt = new Map(table.items.map((it) => [it.row, it]));
    info.groups.forEach((g, gi) => {
      const rows = new Set<number>([g.row, ...g.itemRows]);
      for (const r of g.itemRows) itemAt.get(r)?.continuation.forEach((c) => rows.add(c));
      const findings = tableFindings.filter((f) => rows.has(f.row));
      line(`${'  '.repeat(g.level + 1)}${g.label}`, g.itemRows, findings, score.groups[gi], false);
    });
  });

  for (const e of input.evaluations) row = evaluationLine(e, row, sectionRefs, words, put);

  const plan: SummarySheetPlan = { name: name.name, replaces: name.replaces, frozenRows: SUMMARY_FROZEN_ROWS, writes, tableAverages, columnWidths: [...WIDTHS] };
  printLayout(plan, row - 1, words, input.evals[0]?.info.title ?? '');

  // Chart data: the group averages (or the tables' when there are no groups), linked to the cells above.
  const bars = chartRows.length > 0 ? chartRows : tableRows;
  if (bars.length > 0) {
    const top = FIRST_DATA_ROW - 1;
    put(top, CHART_COL, words.chartCategory, { bold: true });
    put(top, CHART_COL + 1, words.chartValue, { bold: true });
    // Each bar's figure is the one written at its line's average cell (looked up once, not per bar: a summary of 1,000 groups).
    const written = new Map<string, CellValue>();
    for (const write of writes) if (!written.has(cellAddress(write.row, write.col))) written.set(cellAddress(write.row, write.col), write.value);
    bars.forEach((b, k) => {
      const r = FIRST_DATA_ROW + k;
      put(r, CHART_COL, b.label.length > 40 ? `${b.label.slice(0, 39)}…` : b.label);
      const figure = written.get(b.avgRef) ?? '';
      put(r, CHART_COL + 1, figure, { formula: `=${b.avgRef}`, numberFormat: '0.0' });
    });
    plan.chart = chartOver(FIRST_DATA_ROW + bars.length - 1, words.chartTitle);
    plan.columnWidths.push(4, 4, 40, 12);
  }
  return plan;
}

/**
 * How the summary prints and wraps: its header words and the sheet and label
 * columns wrap (rows as high as their text); A4 landscape, one page wide,
 * the header row repeated on every page, the table (not the chart's data
 * beside it) the print area, page numbers in the footer; on top of every
 * page the report's title (who reports, for when) and the date printed.
 */
function printLayout(plan: SummarySheetPlan, lastRow: number, words: SheetWords, reportTitle: string): void {
  const header = FIRST_DATA_ROW - 1;
  const right = WIDTHS.length - 1;
  const bottom = Math.max(lastRow, header);
  // The title lines above run on across the columns: they do not wrap.
  plan.wrap = [{ top: header, left: 0, bottom: header, right }];
  // The table's lines wrap and sit at the top of their rows (the figures beside a long label too).
  if (bottom > header) plan.wrap.push({ top: FIRST_DATA_ROW, left: 0, bottom, right });
  const wraps = (r: number, c: number) => r >= header && r <= bottom && c <= right;
  plan.rowHeights = fitRowHeights(plan.writes, WIDTHS, wraps);
  const setup = landscapeTable({ first: header, last: header }, words.pageNumbers, { area: { top: 0, left: 0, bottom, right } });
  // A header or footer holds at most 255 characters (&L, &R and the date's code among them).
  if (reportTitle) setup.header = { left: headerFooterLiteral(reportTitle.length > 160 ? `${reportTitle.slice(0, 159)}…` : reportTitle), ...setup.header };
  plan.print = onePageWhenClose(setup, WIDTHS, plan.rowHeights, bottom);
}

/** The chart over the chart block's lines, from the first table line to `last` (0-based). */
function chartOver(last: number, title: string): SummaryChart {
  return {
    title,
    categories: `${columnLetter(CHART_COL)}${FIRST_DATA_ROW + 1}:${columnLetter(CHART_COL)}${last + 1}`,
    values: `${columnLetter(CHART_COL + 1)}${FIRST_DATA_ROW + 1}:${columnLetter(CHART_COL + 1)}${last + 1}`,
    anchor: `${columnLetter(CHART_COL + 3)}${FIRST_DATA_ROW}`,
  };
}

/**
 * The chart a summary sheet Compute made carries, told from its cells: the
 * chart block beside the table (its header above the first table line,
 * then a label per line); null when the sheet has none. Hosts that keep an
 * earlier summary as data use it to put its chart back.
 */
export function summaryChartOf(sheet: Sheet, title: string): SummaryChart | null {
  const at = (r: number, c: number) => sheet.values[r - sheet.startRow]?.[c - sheet.startCol];
  const filled = (v: CellValue | undefined) => v !== null && v !== undefined && v !== '';
  if (!filled(at(FIRST_DATA_ROW - 1, CHART_COL))) return null;
  let last = FIRST_DATA_ROW - 1;
  while (filled(at(last + 1, CHART_COL))) last++;
  return last < FIRST_DATA_ROW ? null : chartOver(last, title);
}

/** A summary sheet Compute made (in any language): its title in A1 and its first header above the table lines. */
export function isOwnSummary(sheet: Sheet, words: Pick<SheetWords, 'signatures'>): boolean {
  const at = (r: number, c: number) => {
    const v = sheet.values[r - sheet.startRow]?.[c - sheet.startCol];
    return typeof v === 'string' ? v.trim() : '';
  };
  return words.signatures.some((s) => at(0, 0) === s.title && at(FIRST_DATA_ROW - 1, 0) === s.firstHeader);
}

/** Where the summary goes: over the summary Compute made before, else under the first free name. */
export function summaryName(sheets: Sheet[], takenNames: readonly string[], words: SheetWords): { name: string; replaces: boolean } {
  const own = sheets.find((s) => isOwnSummary(s, words));
  if (own) return { name: own.name, replaces: true };
  const taken = new Set([...sheets.map((s) => s.name.toLowerCase()), ...takenNames.map((n) => n.toLowerCase())]);
  // Excel compares sheet names without regard to case.
  let name = words.summaryTitle;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${words.summaryTitle} (${k})`;
  return { name, replaces: false };
}

/** One line per evaluation: its total, from the sections' lines above less the changes. */
function evaluationLine(
  e: Evaluation,
  row: number,
  sectionRefs: Map<SectionPart, string>,
  words: SheetWords,
  put: (row: number, col: number, value: CellValue, extra?: Partial<CellWrite>) => void,
): number {
  const figures = evaluationFigures(e);
  const refs = e.parts.map((p) => sectionRefs.get(p)).filter((x): x is string => x !== undefined);
  const changes = e.summary?.changes;
  const minus = changes ? `-ABS(${sheetRef(e.summary!.table.info.sheet)}!${cellAddress(changes.row, changes.col)})` : '';
  const sheets = [...new Set([...e.parts.map((p) => p.table.info.sheet), ...(e.summary ? [e.summary.table.info.sheet] : [])])];
  put(row, COL.sheet, sheets.join(', '), { bold: true });
  put(row, COL.label, words.evaluationTotal, { bold: true });
  // No total until every section has points (evaluationFigures): a partial sum would read as a (low) result.
  const formula = refs.length > 0 && refs.length === e.parts.length ? `=IF(COUNT(${refs.join(',')})<${refs.length},"",ROUND(SUM(${refs.join(',')})${minus},1))` : undefined;
  put(row, COL.annex8, figures.total ?? '', formula ? { formula, numberFormat: '0.0', bold: true } : { bold: true });
  return row + 1;
}
