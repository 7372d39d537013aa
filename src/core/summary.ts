// The scoring summary sheet: per table and per group the counts, average,
// 5-point figure, grade, annex 8 total and findings, its figures linked to
// the tables by formulas so they follow later edits.

import type { TableEval } from './evaluate';
import type { Profile } from './profiles';
import { percentRanges, rangeArgs, MAX_FORMULA_ARGS } from './ranges';
import { annex8Section } from './scoring';
import { cellAddress, columnLetter, sheetRef } from './sheet';
import type { CellValue, CellWrite, Finding, ScoreFigures, SummarySheetPlan, TableScore } from './types';

export const SUMMARY_SHEET = 'Үнэлгээний хураангуй';

const HEADERS = [
  'Хуудас',
  'Хүснэгт / бүлэг',
  'Арга хэмжээ',
  'Үнэлсэн',
  'Дундаж хувь',
  '5 онооны',
  'Үнэлгээ',
  'Хавсралт 8 оноо',
  'Алдаа',
  'Анхааруулга',
  'Мэдээлэл',
];
const COL = { sheet: 0, label: 1, items: 2, rated: 3, average: 4, five: 5, grade: 6, annex8: 7, errors: 8, warnings: 9, infos: 10 };
const FIRST_DATA_ROW = 5;
const CHART_COL = 13;

export interface SummaryInput {
  evals: TableEval[];
  scores: TableScore[];
  findings: Finding[];
}

function gradeFormula(profile: Profile, ref: string): string {
  // IF(E6>90,"A · Маш сайн",IF(E6>80,…,"F · Хангалтгүй"))
  let expr = '';
  let close = '';
  profile.grades.forEach((band, i) => {
    const text = `"${band.grade} · ${band.label.mn}"`;
    if (i === profile.grades.length - 1 || !Number.isFinite(band.above)) {
      expr += text;
    } else {
      expr += `IF(${ref}>${band.above},${text},`;
      close += ')';
    }
  });
  return `IF(${ref}="","",${expr}${close})`;
}

function counts(findings: Finding[]): [number, number, number] {
  let e = 0;
  let w = 0;
  let i = 0;
  for (const f of findings) {
    if (f.severity === 'error') e++;
    else if (f.severity === 'warning') w++;
    else i++;
  }
  return [e, w, i];
}

/** Annex 8 total as a formula: each points column's mean (or the percent × weight), minus deductions. */
function annex8Formula(te: TableEval, score: TableScore, profile: Profile, sheet: string): string | null {
  const a8 = score.annex8;
  if (!a8) return null;
  const rows = te.items.map((e) => e.item.row);
  const pieces: string[] = [];
  for (const col of te.table.info.columns.filter((c) => c.role === 'points')) {
    const section = annex8Section(col);
    const filled = te.items.every((e) => typeof te.table.grid.value(e.item.row, col.col) === 'number');
    if (filled) {
      const r = rangeOver(rows, col.col);
      pieces.push(`AVERAGE(${sheetRef(sheet)}!${r})`);
    } else if (section <= 2) {
      const ranges = percentRanges(te, rows);
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

export function planSummary(input: SummaryInput, profile: Profile): SummarySheetPlan {
  const writes: CellWrite[] = [];
  const put = (row: number, col: number, value: CellValue, extra: Partial<CellWrite> = {}) =>
    writes.push({ row, col, value, purpose: 'summary', ...extra });

  put(0, 0, SUMMARY_SHEET, { bold: true });
  put(1, 0, `Үнэлгээний шатлал: ${profile.name.mn}`);
  put(2, 0, 'Тоонууд хүснэгтийн нүднүүдтэй томьёогоор холбоотой; алдаа, анхааруулгын тоо нь тооцоолсны дараах байдлаар.');
  HEADERS.forEach((h, c) => put(FIRST_DATA_ROW - 1, c, h, { bold: true }));

  let row = FIRST_DATA_ROW;
  const chartRows: { label: string; avgRef: string }[] = [];
  const tableRows: { label: string; avgRef: string }[] = [];
  const tableAverages: SummarySheetPlan['tableAverages'] = [];

  input.evals.forEach((te, i) => {
    const score = input.scores[i];
    const info = te.table.info;
    const sheet = info.sheet;
    const tableFindings = input.findings.filter((f) => f.tableId === info.id);
    const hasPercent = te.table.roleCol.percent !== undefined;

    const line = (label: string, itemRows: number[], findings: Finding[], fig: ScoreFigures, isTable: boolean) => {
      const bold = isTable;
      const r = row++;
      put(r, COL.sheet, sheet, { bold });
      put(r, COL.label, label, { bold });
      put(r, COL.items, fig.itemCount, { bold });
      const ranges = hasPercent ? percentRanges(te, itemRows) : [];
      if (ranges.length > 0 && ranges.length <= MAX_FORMULA_ARGS) {
        const args = rangeArgs(ranges, sheet);
        const scale = te.percentFormatted ? '*100' : '';
        const avgValue = fig.average;
        put(r, COL.rated, fig.ratedCount, { formula: `=COUNT(${args})`, bold });
        put(r, COL.average, avgValue ?? '', { formula: `=IF(COUNT(${args})=0,"",ROUND(AVERAGE(${args})${scale},1))`, numberFormat: '0.0', bold });
        const avgRef = cellAddress(r, COL.average);
        put(r, COL.five, fig.fivePoint ?? '', { formula: `=IF(${avgRef}="","",ROUND(${avgRef}*${profile.fivePointFactor},2))`, numberFormat: '0.00', bold });
        const gradeValue = fig.grade ? `${fig.grade} · ${fig.gradeLabel?.mn ?? ''}` : '';
        put(r, COL.grade, gradeValue, { formula: `=${gradeFormula(profile, avgRef)}`, bold });
        (isTable ? tableRows : chartRows).push({ label: label.trim(), avgRef });
        if (isTable) tableAverages.push({ tableId: info.id, cell: avgRef });
      }
      if (isTable && score.annex8) {
        const f = annex8Formula(te, score, profile, sheet);
        put(r, COL.annex8, score.annex8.total, f ? { formula: `=${f}`, numberFormat: '0.0', bold } : { bold });
      }
      const [e, w, n] = counts(findings);
      put(r, COL.errors, e, { bold });
      put(r, COL.warnings, w, { bold });
      put(r, COL.infos, n, { bold });
    };

    line(info.title || info.id, te.items.map((e) => e.item.row), tableFindings, score, true);
    const itemAt = new Map(te.table.items.map((it) => [it.row, it]));
    info.groups.forEach((g, gi) => {
      const rows = new Set<number>([g.row, ...g.itemRows]);
      for (const r of g.itemRows) itemAt.get(r)?.continuation.forEach((c) => rows.add(c));
      const findings = tableFindings.filter((f) => rows.has(f.row));
      line(`${'  '.repeat(g.level + 1)}${g.label}`, g.itemRows, findings, score.groups[gi], false);
    });
  });

  const plan: SummarySheetPlan = { name: SUMMARY_SHEET, writes, tableAverages, columnWidths: [16, 60, 12, 10, 12, 10, 26, 16, 8, 12, 11] };

  // Chart data: the group averages (or the tables' when there are no groups), linked to the cells above.
  const bars = chartRows.length > 0 ? chartRows : tableRows;
  if (bars.length > 0) {
    const top = FIRST_DATA_ROW - 1;
    put(top, CHART_COL, 'Бүлэг', { bold: true });
    put(top, CHART_COL + 1, 'Дундаж хувь', { bold: true });
    bars.forEach((b, k) => {
      const r = FIRST_DATA_ROW + k;
      put(r, CHART_COL, b.label.length > 40 ? `${b.label.slice(0, 39)}…` : b.label);
      const v = writes.find((w) => cellAddress(w.row, w.col) === b.avgRef)?.value ?? '';
      put(r, CHART_COL + 1, v, { formula: `=${b.avgRef}`, numberFormat: '0.0' });
    });
    const last = FIRST_DATA_ROW + bars.length - 1;
    plan.chart = {
      title: 'Бүлгийн дундаж хувь',
      categories: `${columnLetter(CHART_COL)}${FIRST_DATA_ROW + 1}:${columnLetter(CHART_COL)}${last + 1}`,
      values: `${columnLetter(CHART_COL + 1)}${FIRST_DATA_ROW + 1}:${columnLetter(CHART_COL + 1)}${last + 1}`,
      anchor: `${columnLetter(CHART_COL + 3)}${FIRST_DATA_ROW}`,
    };
    plan.columnWidths.push(4, 4, 40, 12);
  }
  return plan;
}
