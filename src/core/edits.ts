// The edit plan for the tables themselves: percents to fill, and each
// table's (and stated group's) average as a live formula.

import type { TableEval } from './evaluate';
import { mean, countedPercents } from './scoring';
import { percentRanges, rangeArgs, MAX_FORMULA_ARGS } from './ranges';
import { cellText, fillTemplate, round } from './text';
import { isPercentFormat } from './values';
import { ratingWrite } from './checks/fix-writes';
import type { CellWrite, SheetEdits, SheetWords, SkippedWrite, StatedFigure } from './types';

function statedMatches(stated: StatedFigure, expected: number): boolean {
  if (stated.value === null) return false;
  const decimals = (String(stated.value).split('.')[1] ?? '').length;
  return Math.abs(stated.value - expected) <= 0.5 * 10 ** -Math.max(decimals, 1) + 1e-9;
}

interface AverageFormula {
  formula: string;
  value: number;
  /** The figure in percent units, for messages. */
  percent: number;
}

/** The mean of the rows as a formula; `withComputed`: counting the percents Compute fills (false: the cells as they are). */
function averageFormula(table: TableEval, rows: number[], withComputed = true): AverageFormula | null {
  const wanted = new Set(rows);
  const values = countedPercents(
    table.items.filter((e) => wanted.has(e.row)),
    withComputed,
  );
  const average = mean(values);
  if (average === null) return null;
  const ranges = percentRanges(table, rows);
  if (ranges.length === 0 || ranges.length > MAX_FORMULA_ARGS) return null;
  const percent = round(average, 1);
  if (table.percentFormatted) {
    return { formula: `ROUND(AVERAGE(${rangeArgs(ranges)}),3)`, value: round(average / 100, 3), percent };
  }
  return { formula: `ROUND(AVERAGE(${rangeArgs(ranges)}),1)`, value: percent, percent };
}

/**
 * A stated average rewritten as the live formula Compute would write, with
 * the mean of the ratings as they are now (the quick fix of an
 * average-mismatch), and the ratings in its rows that AVERAGE would count
 * otherwise than the engine (typed as text, or on the other scale)
 * rewritten as numbers, so the formula gives that mean; null when no
 * formula can (a rating held by a formula on the other scale).
 */
export function statedFixWrites(table: TableEval, stated: StatedFigure): CellWrite[] | null {
  if (stated.kind !== 'average') return null;
  const rows = stated.scope === 'group' ? table.info.groups.find((g) => g.id === stated.groupId)?.itemRows ?? [] : table.items.map((e) => e.row);
  const average = averageFormula(table, rows, false);
  const percentCol = table.roleCol.percent;
  if (!average || percentCol === undefined) return null;
  const wanted = new Set(rows);
  const converted: CellWrite[] = [];
  for (const item of table.items) {
    if (!wanted.has(item.row) || !item.needsConversion || item.rating === null) continue;
    if (table.grid.formula(item.row, percentCol) !== null) return null;
    converted.push(ratingWrite(table, item.row, percentCol, item.rating));
  }
  const write = statedWrite(table, stated, average, '');
  delete write.note;
  return [write, ...converted];
}

/** Rewrites a stated figure in place: a label cell keeps its words around a live number. */
function statedWrite(table: TableEval, stated: StatedFigure, average: AverageFormula, note: string): CellWrite {
  const row = stated.row;
  const labelCell = stated.text !== '' && /[^\d\s.,%]/.test(stated.text.replace(/хувь|оноо/gi, ''));
  if (labelCell) {
    const match = /(\d+(?:[.,]\d+)?)(?!.*\d)/.exec(stated.text);
    const before = match ? stated.text.slice(0, match.index) : `${stated.text.replace(/\s+$/, '')} `;
    const after = match ? stated.text.slice(match.index + match[1].length) : '';
    const inner = table.percentFormatted ? `ROUND(${average.formula.replace(/^ROUND\((.*),3\)$/, '$1')}*100,1)` : average.formula;
    const quote = (x: string) => `"${x.replace(/"/g, '""')}"`;
    return {
      row,
      col: stated.col,
      value: `${before}${average.percent}${after}`,
      formula: `=${quote(before)}&${inner}&${quote(after)}`,
      note,
    };
  }
  const withWord = /хувь/i.test(stated.text);
  const write: CellWrite = { row, col: stated.col, value: average.value, formula: `=${average.formula}`, note };
  if (table.percentFormatted) write.numberFormat = table.percentFormat ?? '0.0%';
  else if (withWord) write.numberFormat = '0.0" хувь"';
  return write;
}

function rowIsEmpty(table: TableEval, row: number): boolean {
  const grid = table.grid;
  if (row > grid.lastRow) return true;
  for (let col = table.info.firstCol; col <= table.info.lastCol; col++) if (grid.mergeOf(row, col)) return false;
  for (let col = table.info.firstCol, end = grid.lastColIn(row); col <= end; col++) if (cellText(grid.value(row, col)) !== '') return false;
  return true;
}

/**
 * Ratings AVERAGE would not count as the engine does (typed as text, or a
 * number on the other scale), rewritten as numbers on the table's scale:
 * visible, listed and revertible, so the formulas agree with the figures.
 */
function conversions(table: TableEval, percentCol: number, words: SheetWords, skipped: SkippedWrite[]): CellWrite[] {
  const out: CellWrite[] = [];
  const grid = table.grid;
  for (const item of table.items) {
    if (!item.needsConversion || item.rating === null) continue;
    const row = item.row;
    // A formula is never replaced by a constant: the finding percent-formula says so, and its fix (to look at) may.
    const formula = grid.formula(row, percentCol);
    if (formula !== null) {
      skipped.push({ sheet: table.info.sheet, row, col: percentCol, tableId: table.info.id, reason: 'formula-kept', formula });
      continue;
    }
    const was = grid.value(row, percentCol);
    const format = grid.numberFormat(row, percentCol);
    const write: CellWrite = {
      row,
      col: percentCol,
      value: table.percentFormatted ? round(item.rating / 100, 6) : item.rating,
      note: fillTemplate(words.convertedNote, { text: typeof was === 'string' ? was : displayPercent(item.rating) }),
    };
    // The cell keeps the table's look: fractions shown as percents, or plain numbers (a Text or % format would hide them).
    if (table.percentFormatted) write.numberFormat = table.percentFormat ?? '0%';
    else if (format === '@' || isPercentFormat(format)) write.numberFormat = 'General';
    out.push(write);
  }
  return out;
}

const displayPercent = (v: number) => `${v}%`;

/**
 * Edits for one sheet's tables: the percents Compute fills, stated averages
 * rewritten as live formulas, and a labelled average row directly below a
 * table that states none. Rows are never inserted (docs/decisions.md):
 * where the row below a table is taken, its average stays on the summary
 * sheet and the plan says so in `skipped`.
 */
export function planSheetEdits(sheet: string, evals: TableEval[], words: SheetWords): { edits: SheetEdits; skipped: SkippedWrite[] } {
  const writes: CellWrite[] = [];
  const skipped: SkippedWrite[] = [];

  for (const table of evals) {
    const percentCol = table.roleCol.percent;
    if (percentCol === undefined) continue;
    for (const item of table.items) {
      if (item.computed === null || item.percent?.kind !== 'empty' || !item.fromNumbers?.ok || table.grid.formula(item.row, percentCol) !== null) continue;
      const write: CellWrite = {
        row: item.row,
        col: percentCol,
        value: table.percentFormatted ? round(item.computed / 100, 3) : item.computed,
        note: fillTemplate(words.computedNote, { how: item.fromNumbers.how }),
      };
      if (table.percentFormatted) write.numberFormat = table.percentFormat ?? '0%';
      writes.push(write);
    }

    writes.push(...conversions(table, percentCol, words, skipped));
    const allRows = table.items.map((e) => e.row);
    const tableAverage = averageFormula(table, allRows);
    for (const stated of table.info.stated) {
      if (stated.kind !== 'average') continue;
      const rows = stated.scope === 'group' ? table.info.groups.find((g) => g.id === stated.groupId)?.itemRows ?? [] : allRows;
      const average = stated.scope === 'group' ? averageFormula(table, rows) : tableAverage;
      if (!average || statedMatches(stated, average.percent)) continue;
      writes.push(statedWrite(table, stated, average, words.averageNote));
    }

    if (!tableAverage || table.info.stated.some((s) => s.scope === 'table')) continue;
    const row = table.info.lastRow + 1;
    if (!rowIsEmpty(table, row)) {
      skipped.push({ sheet, row, col: percentCol, tableId: table.info.id, reason: 'no-free-row' });
      continue;
    }
    writes.push({ row, col: table.info.firstCol, value: words.averageRowLabel, bold: true });
    const averageWrite: CellWrite = { row, col: percentCol, value: tableAverage.value, formula: `=${tableAverage.formula}`, bold: true, note: words.averageNote };
    if (table.percentFormatted) averageWrite.numberFormat = table.percentFormat ?? '0.0%';
    writes.push(averageWrite);
  }
  return { edits: { sheet, writes }, skipped };
}
