// Compute on an individual evaluation (annex 8): what is missing or wrong
// becomes a live formula — each row's points from its percent (sections 1
// and 2), each section's figure as the mean of its rows, each line of section
// 5 linked to the section it carries, the total as those lines less the
// changes. What already agrees with the rows is left as written.

import type { Evaluation, SectionPart } from './evaluation';
import { columnRanges, MAX_FORMULA_ARGS, rangeArgs } from './ranges';
import { cellAddress, sheetRef } from './sheet';
import { statedTolerance } from './scoring';
import { round } from './text';
import type { CellWrite, SheetWords, StatedFigure } from './types';

const note = (words: SheetWords | undefined): string | undefined => words?.averageNote;

const disagrees = (written: number | null, expected: number) => written === null || Math.abs(written - expected) > statedTolerance(written);

/** A reference to a cell, with its sheet when the formula lives on another. */
const ref = (sheet: string, row: number, col: number, from: string) => `${sheet === from ? '' : `${sheetRef(sheet)}!`}${cellAddress(row, col)}`;

/** A stated figure written as a formula: a label cell keeps its words around the number. */
function figureWrite(stated: StatedFigure, col: number, expr: string, value: number, note: string | undefined): CellWrite {
  const labelCell = stated.text !== '' && /[^\d\s.,%]/.test(stated.text.replace(/хувь|оноо/gi, ''));
  if (!labelCell) return { row: stated.row, col, value, formula: `=${expr}`, numberFormat: '0.0', note };
  const match = /(\d+(?:[.,]\d+)?)(?!.*\d)/.exec(stated.text);
  const before = match ? stated.text.slice(0, match.index) : `${stated.text.replace(/\s+$/, '')} `;
  const after = match ? stated.text.slice(match.index + match[1].length) : '';
  const quote = (x: string) => `"${x.replace(/"/g, '""')}"`;
  return { row: stated.row, col: stated.col, value: `${before}${value}${after}`, formula: `=${quote(before)}&${expr}&${quote(after)}`, note };
}

/** Where a section's figure is (its stated cell, or the points column on the stated row), and whether a formula elsewhere may link to it. */
function figureAt(part: SectionPart): { row: number; col: number; linkable: boolean } | null {
  const stated = part.stated;
  if (!stated) return null;
  const inText = stated.text !== '' && /[^\d\s.,%]/.test(stated.text.replace(/хувь|оноо/gi, ''));
  return { row: stated.row, col: stated.value !== null ? stated.col : part.pointsCol.col, linkable: !inText };
}

/** The mean of a section's points column over its item rows, as an expression (null past AVERAGE's 255 arguments). */
function sectionMean(part: SectionPart, from: string): string | null {
  const ranges = columnRanges(
    part.table,
    part.pointsCol.col,
    part.rows.map((r) => r.row),
  );
  if (ranges.length === 0 || ranges.length > MAX_FORMULA_ARGS) return null;
  return `ROUND(AVERAGE(${rangeArgs(ranges, part.table.info.sheet === from ? undefined : part.table.info.sheet)}),1)`;
}

function sectionWrites(part: SectionPart, words: SheetWords | undefined, add: (sheet: string, write: CellWrite) => void): void {
  const sheet = part.table.info.sheet;
  const percentCol = part.table.roleCol.percent;
  if (part.weight !== null && percentCol !== undefined) {
    // Row points from the row's percent (a percent-formatted cell holds the fraction).
    const factor = part.table.percentFormatted ? part.weight * 100 : part.weight;
    for (const row of part.rows) {
      if (row.written !== null || row.fromPercent === null) continue;
      add(sheet, { row: row.row, col: part.pointsCol.col, value: row.fromPercent, formula: `=ROUND(${cellAddress(row.row, percentCol)}*${round(factor, 6)},1)`, numberFormat: '0.0', note: note(words) });
    }
  }
  const stated = part.stated;
  const expr = sectionMean(part, sheet);
  if (stated && part.points !== null && expr && disagrees(stated.value, part.points)) add(sheet, figureWrite(stated, figureAt(part)!.col, expr, part.points, note(words)));
}

/** The plan's writes for the evaluations, by sheet (without `words`, the writes carry no notes: quick fixes). */
export function planEvaluationEdits(evaluations: Evaluation[], words?: SheetWords): Map<string, CellWrite[]> {
  const out = new Map<string, CellWrite[]>();
  const add = (sheet: string, write: CellWrite) => {
    const list = out.get(sheet) ?? [];
    list.push(write);
    out.set(sheet, list);
  };
  for (const evaluation of evaluations) {
    for (const part of evaluation.parts) sectionWrites(part, words, add);
    const summary = evaluation.summary;
    if (!summary) continue;
    const home = summary.table.info.sheet;
    // Section 5: each line as the section it carries, then the total over those lines.
    const lineExprs: string[] = [];
    let expectedSum = 0;
    let complete = true;
    for (const line of summary.carried) {
      const part = evaluation.parts.find((p) => p.section === line.carries);
      lineExprs.push(cellAddress(line.row, line.col));
      if (!part || part.points === null) {
        complete = complete && line.value !== null;
        expectedSum += line.value ?? 0;
        continue;
      }
      expectedSum += part.points;
      if (!disagrees(line.value, part.points)) continue;
      const at = figureAt(part);
      const expr = at && at.linkable ? ref(part.table.info.sheet, at.row, at.col, home) : sectionMean(part, home);
      if (expr) add(home, { row: line.row, col: line.col, value: part.points, formula: `=${expr}`, numberFormat: '0.0', note: note(words) });
    }
    const total = summary.total;
    if (!total || !complete || lineExprs.length === 0) continue;
    const changes = summary.changes ? `-ABS(${cellAddress(summary.changes.row, summary.changes.col)})` : '';
    const expected = round(expectedSum - Math.abs(summary.changes?.value ?? 0), 1);
    if (disagrees(total.value, expected)) add(home, figureWrite(total, total.value !== null ? total.col : summary.pointsCol.col, `ROUND(${lineExprs.join('+')}${changes},1)`, expected, note(words)));
  }
  return out;
}
