// The edit plan for the tables themselves: percents to fill, and each
// table's (and stated group's) average as a live formula.

import type { TableEval } from './evaluate';
import { mean, countedPercents } from './scoring';
import { percentRanges, rangeArgs, MAX_FORMULA_ARGS } from './ranges';
import { cellText, fillTemplate, round } from './text';
import { isPercentFormat } from './values';
import { ratingWrite } from './checks/fix-writes';
import type { CellWrite, SheetEdits, SheetWords, SkippedWrite, StatedFigure } from './types';

function statedMatches(s: StatedFigure, expected: number): boolean {
  if (s.value === null) return false;
  const decimals = (String(s.value).split('.')[1] ?? '').length;
  return Math.abs(s.value - expected) <= 0.5 * 10 ** -Math.max(decimals, 1) + 1e-9;
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
  const m = mean(values);
  if (m === null) return null;
  const ranges = percentRanges(table, rows);
  if (ranges.length === 0 || ranges.length > MAX_FORMULA_ARGS) return null;
  const percent = round(m, 1);
  if (table.percentFormatted) {
    return { formula: `ROUND(AVERAGE(${rangeArgs(ranges)}),3)`, value: round(m / 100, 3), percent };
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
export function statedFixWrites(table: TableEval, s: StatedFigure): CellWrite[] | null {
  if (s.kind !== 'average') return null;
  const rows = s.scope === 'group' ? table.info.groups.find((g) => g.id === s.groupId)?.itemRows ?? [] : table.items.map((e) => e.row);
  const avg = averageFormula(table, rows, false);
  const pc = table.roleCol.percent;
  if (!avg || pc === undefined) return null;
  const wanted = new Set(rows);
  const converted: CellWrite[] = [];
  for (const item of table.items) {
    if (!wanted.has(item.row) || !item.needsConversion || item.rating === null) continue;
    if (table.grid.formula(item.row, pc) !== null) return null;
    converted.push(ratingWrite(table, item.row, pc, item.rating));
  }
  const w = statedWrite(table, s, avg, '');
  delete w.note;
  return [w, ...converted];
}

/** Rewrites a stated figure in place: a label cell keeps its words around a live number. */
function statedWrite(table: TableEval, s: StatedFigure, avg: AverageFormula, note: string): CellWrite {
  const row = s.row;
  const labelCell = s.text !== '' && /[^\d\s.,%]/.test(s.text.replace(/хувь|оноо/gi, ''));
  if (labelCell) {
    const m = /(\d+(?:[.,]\d+)?)(?!.*\d)/.exec(s.text);
    const before = m ? s.text.slice(0, m.index) : `${s.text.replace(/\s+$/, '')} `;
    const after = m ? s.text.slice(m.index + m[1].length) : '';
    const inner = table.percentFormatted ? `ROUND(${avg.formula.replace(/^ROUND\((.*),3\)$/, '$1')}*100,1)` : avg.formula;
    const q = (x: string) => `"${x.replace(/"/g, '""')}"`;
    return {
      row,
      col: s.col,
      value: `${before}${avg.percent}${after}`,
      formula: `=${q(before)}&${inner}&${q(after)}`,
      note,
    };
  }
  const withWord = /хувь/i.test(s.text);
  const w: CellWrite = { row, col: s.col, value: avg.value, formula: `=${avg.formula}`, note };
  if (table.percentFormatted) w.numberFormat = table.percentFormat ?? '0.0%';
  else if (withWord) w.numberFormat = '0.0" хувь"';
  return w;
}

function rowIsEmpty(table: TableEval, row: number): boolean {
  const g = table.grid;
  if (row > g.lastRow) return true;
  for (let c = table.info.firstCol; c <= table.info.lastCol; c++) if (g.mergeOf(row, c)) return false;
  for (let c = table.info.firstCol, end = g.lastColIn(row); c <= end; c++) if (cellText(g.value(row, c)) !== '') return false;
  return true;
}

/**
 * Ratings AVERAGE would not count as the engine does (typed as text, or a
 * number on the other scale), rewritten as numbers on the table's scale:
 * visible, listed and revertible, so the formulas agree with the figures.
 */
function conversions(table: TableEval, pc: number, words: SheetWords, skipped: SkippedWrite[]): CellWrite[] {
  const out: CellWrite[] = [];
  const grid = table.grid;
  for (const item of table.items) {
    if (!item.needsConversion || item.rating === null) continue;
    const row = item.row;
    // A formula is never replaced by a constant: the finding percent-formula says so, and its fix (to look at) may.
    const formula = grid.formula(row, pc);
    if (formula !== null) {
      skipped.push({ sheet: table.info.sheet, row, col: pc, tableId: table.info.id, reason: 'formula-kept', formula });
      continue;
    }
    const was = grid.value(row, pc);
    const format = grid.numberFormat(row, pc);
    const w: CellWrite = {
      row,
      col: pc,
      value: table.percentFormatted ? round(item.rating / 100, 6) : item.rating,
      note: fillTemplate(words.convertedNote, { text: typeof was === 'string' ? was : displayPercent(item.rating) }),
    };
    // The cell keeps the table's look: fractions shown as percents, or plain numbers (a Text or % format would hide them).
    if (table.percentFormatted) w.numberFormat = table.percentFormat ?? '0%';
    else if (format === '@' || isPercentFormat(format)) w.numberFormat = 'General';
    out.push(w);
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
    const pc = table.roleCol.percent;
    if (pc === undefined) continue;
    for (const item of table.items) {
      if (item.computed === null || item.percent?.kind !== 'empty' || !item.fromNumbers?.ok || table.grid.formula(item.row, pc) !== null) continue;
      const w: CellWrite = {
        row: item.row,
        col: pc,
        value: table.percentFormatted ? round(item.computed / 100, 3) : item.computed,
        note: fillTemplate(words.computedNote, { how: item.fromNumbers.how }),
      };
      if (table.percentFormatted) w.numberFormat = table.percentFormat ?? '0%';
      writes.push(w);
    }

    writes.push(...conversions(table, pc, words, skipped));
    const allRows = table.items.map((e) => e.row);
    const tableAvg = averageFormula(table, allRows);
    for (const s of table.info.stated) {
      if (s.kind !== 'average') continue;
      const rows = s.scope === 'group' ? table.info.groups.find((g) => g.id === s.groupId)?.itemRows ?? [] : allRows;
      const avg = s.scope === 'group' ? averageFormula(table, rows) : tableAvg;
      if (!avg || statedMatches(s, avg.percent)) continue;
      writes.push(statedWrite(table, s, avg, words.averageNote));
    }

    if (!tableAvg || table.info.stated.some((s) => s.scope === 'table')) continue;
    const row = table.info.lastRow + 1;
    if (!rowIsEmpty(table, row)) {
      skipped.push({ sheet, row, col: pc, tableId: table.info.id, reason: 'no-free-row' });
      continue;
    }
    writes.push({ row, col: table.info.firstCol, value: words.averageRowLabel, bold: true });
    const w: CellWrite = { row, col: pc, value: tableAvg.value, formula: `=${tableAvg.formula}`, bold: true, note: words.averageNote };
    if (table.percentFormatted) w.numberFormat = table.percentFormat ?? '0.0%';
    writes.push(w);
  }
  return { edits: { sheet, writes }, skipped };
}
