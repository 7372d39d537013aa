// The engine's edit plan → Excel operations: the writes (2-D blocks), then
// the summary sheet (a new one added, or the one Compute made before
// rewritten in place — its earlier contents kept as data for Revert,
// sheet-backup.ts — with column widths and a chart).

import { columnLetter, type Area, type CellWrite, type SheetEdits, type SummaryChart, type SummarySheetPlan } from '../core';
import { op, type Op } from './batch';
import { cellKey } from './state';
import { changeOps, type CellChange } from './writes';

export function writeChanges(writes: CellWrite[], noteExists: (row: number, col: number) => boolean): CellChange[] {
  return writes.map((write) => {
    const change: CellChange = { row: write.row, col: write.col, content: { value: write.value, formula: write.formula ?? null } };
    if (write.numberFormat) change.numberFormat = write.numberFormat;
    if (write.bold) change.bold = true;
    if (write.note) change.note = { text: write.note, exists: noteExists(write.row, write.col) };
    return change;
  });
}

export function sheetEditOps(edits: SheetEdits, noteExists: (row: number, col: number) => boolean, notes: boolean, merges: readonly Area[] = []): Op[] {
  return changeOps(edits.sheet, writeChanges(edits.writes, noteExists), notes, merges);
}

/** Excel column widths are in points; the plan's are in characters of the default font (about 7 px each). */
export function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

export interface SummaryTarget {
  /**
   * The operations that take the earlier summary's contents off its sheet
   * (sheet-backup.ts clearSheetOps), when the sheet stays and is rewritten in
   * place; null: the sheet is new, and added.
   */
  clear: Op[] | null;
}

export function summaryOps(plan: SummarySheetPlan, target: SummaryTarget, notes: boolean): Op[] {
  const ops: Op[] = [];
  // Never renamed or deleted: a user's formulas may point at it.
  if (target.clear) ops.push(...target.clear);
  else ops.push(op(plan.name, (b) => void b.context.workbook.worksheets.add(plan.name), { once: true }));
  ops.push(...changeOps(plan.name, writeChanges(plan.writes, () => false), notes));
  // Title lines and the header stay in view, as in the command line's copy (the plan says how many rows).
  ops.push(op('freeze', (b) => b.sheet(plan.name).freezePanes.freezeRows(plan.frozenRows)));
  plan.columnWidths.forEach((width, i) => {
    const col = columnLetter(i);
    ops.push(op(width, (b) => (b.sheet(plan.name).getRange(`${col}:${col}`).format.columnWidth = widthPoints(width))));
  });
  if (plan.chart) ops.push(chartOp(plan.name, plan.chart));
  return ops;
}

/** A column chart of the sheet's data, without a legend, at its anchor cell. */
export function chartOp(sheet: string, chart: SummaryChart): Op {
  return op(
    chart,
    (batch) => {
      const worksheet = batch.sheet(sheet);
      const columnChart = worksheet.charts.add('ColumnClustered', worksheet.getRange(chart.values), 'Columns');
      columnChart.title.text = chart.title;
      columnChart.series.getItemAt(0).setXAxisValues(worksheet.getRange(chart.categories));
      columnChart.legend.visible = false;
      columnChart.setPosition(chart.anchor);
    },
    { once: true },
  );
}

/** The summary sheet as read, to tell whether the planned one would be the same. */
export interface SummaryRead {
  values: unknown[][];
  formulas: unknown[][];
  formats: unknown[][];
  startRow: number;
  startCol: number;
  charts: number;
}

export function sameSummary(plan: SummarySheetPlan, read: SummaryRead, formulaOf: (value: unknown, formula: unknown) => string | null): boolean {
  if ((plan.chart ? 1 : 0) !== Math.min(read.charts, 1)) return false;
  const planned = new Map<number, CellWrite>();
  for (const write of plan.writes) planned.set(cellKey(write.row, write.col), write);
  const seen = new Set<number>();
  for (let i = 0; i < read.values.length; i++) {
    for (let j = 0; j < read.values[i].length; j++) {
      const row = read.startRow + i;
      const col = read.startCol + j;
      const value = read.values[i][j];
      const formula = formulaOf(value, read.formulas[i][j]);
      const format = String(read.formats[i]?.[j] ?? 'General');
      const write = planned.get(cellKey(row, col));
      if (!write) {
        if ((value !== '' && value !== null) || formula) return false;
        continue;
      }
      seen.add(cellKey(row, col));
      if ((write.formula ?? null) !== formula) return false;
      if (!write.formula && !sameValue(write.value, value)) return false;
      if ((write.numberFormat ?? 'General') !== format) return false;
    }
  }
  // Every planned cell with something in it must have been on the sheet.
  return plan.writes.every((w) => seen.has(cellKey(w.row, w.col)) || ((w.value === '' || w.value === null) && !w.formula));
}

function sameValue(first: unknown, second: unknown): boolean {
  const empty = (x: unknown) => x === null || x === undefined || x === '';
  if (empty(first) || empty(second)) return empty(first) && empty(second);
  return first === second;
}

