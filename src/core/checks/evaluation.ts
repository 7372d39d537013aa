// An individual evaluation (annex 8) as a whole: each section's stated
// figure against its rows, each line of section 5 against the section it
// carries, the total against the lines above it (the arithmetic of what is
// written: a total that adds up is not an error even when a line above it is
// wrong), points above a section's maximum, competencies not rated yet.

import type { Evaluation, SectionPart, SummaryPart } from '../evaluation';
import { round } from '../text';
import { cellAddress } from '../sheet';
import type { CellWrite, Localized } from '../types';
import type { FixDraft, Params, Reporter } from './report';
import { statedTolerance } from '../scoring';
import { itemName } from './vocabulary';

/** Who rates sections 3 and 4. */
const RATERS: Record<3 | 4, Localized> = {
  3: { mn: 'төсвийн шууд захирагч', en: 'the budget manager' },
  4: { mn: 'хамт олон', en: 'the colleagues' },
};

const mismatch = (stated: number, computed: number) => Math.abs(stated - computed) > statedTolerance(stated);

/** The write Compute would make at a cell (the quick fix there), if any. */
export type WriteAt = (sheet: string, row: number, col: number) => CellWrite | undefined;

function fixAt(writeAt: WriteAt, sheet: string, row: number, col: number, id: string, params: Params): FixDraft | undefined {
  const write = writeAt(sheet, row, col);
  return write ? { kind: 'safe', id, params: { ...params, cell: cellAddress(write.row, write.col) }, writes: [write] } : undefined;
}

function checkSection(part: SectionPart, report: (sheet: string) => Reporter, writeAt: WriteAt): void {
  const reporter = report(part.table.info.sheet);
  for (const [i, row] of part.rows.entries()) {
    const item = part.table.items[i];
    const name = itemName(item.number, item.row);
    const at = { row: row.row, col: part.pointsCol.col };
    if (row.written !== null && (row.written > part.max + 1e-9 || row.written < 0)) {
      reporter.add('points-over-max', 'default', at, { item: name, value: row.written, section: part.section, max: part.max }, { data: { value: row.written, max: part.max } });
    }
    if ((part.section === 3 || part.section === 4) && row.written === null) {
      reporter.add('missing-rating', 'default', at, { item: name, who: RATERS[part.section], max: part.max }, { data: { section: part.section } });
    }
  }
  const stated = part.stated;
  if (stated && stated.value !== null && part.points !== null && mismatch(stated.value, part.points)) {
    const data = { stated: stated.value, computed: part.points, section: part.section };
    const fix = fixAt(writeAt, part.table.info.sheet, stated.row, stated.col, 'formula', { stated: stated.value, computed: part.points });
    reporter.add('average-mismatch', 'section', { row: stated.row, col: stated.col }, { label: stated.label, stated: stated.value, computed: part.points, section: part.section }, { data, fix });
  }
}

function checkSummary(summary: SummaryPart, parts: SectionPart[], report: (sheet: string) => Reporter, writeAt: WriteAt): void {
  const reporter = report(summary.table.info.sheet);
  for (const line of summary.carried) {
    const part = parts.find((p) => p.section === line.carries);
    if (!part || part.points === null) continue;
    const at = { row: line.row, col: line.col };
    const params = { label: line.label, stated: line.value ?? '', expected: part.points, section: part.section };
    const fix = fixAt(writeAt, summary.table.info.sheet, line.row, line.col, 'link', { expected: part.points, section: part.section });
    if (line.value === null) reporter.add('points-mismatch', 'carriedMissing', at, params, { data: { expected: part.points, section: part.section }, fix });
    else if (mismatch(line.value, part.points)) reporter.add('points-mismatch', 'carried', at, params, { data: { stated: line.value, expected: part.points, section: part.section }, fix });
  }
  const total = summary.total;
  if (!total || total.value === null || summary.carried.some((l) => l.value === null)) return;
  // The arithmetic of what is written: the lines above, minus the changes.
  const changes = Math.abs(summary.changes?.value ?? 0);
  const sum = round(summary.carried.reduce((running, line) => running + (line.value ?? 0), 0), 1);
  const computed = round(sum - changes, 1);
  if (!mismatch(total.value, computed)) return;
  const data = { stated: total.value, computed, sum, changes };
  const fix = fixAt(writeAt, summary.table.info.sheet, total.row, total.col, 'formula', { stated: total.value, computed });
  reporter.add('average-mismatch', 'total', { row: total.row, col: total.col }, { label: total.label, stated: total.value, computed, sum, changes }, { data, fix });
}

/** The checks of one evaluation; `report` gives the reporter of the sheet a part sits on, `writeAt` the fix Compute would make at a cell. */
export function checkEvaluationParts(evaluation: Evaluation, report: (sheet: string) => Reporter, writeAt: WriteAt): void {
  for (const part of evaluation.parts) checkSection(part, report, writeAt);
  if (evaluation.summary) checkSummary(evaluation.summary, evaluation.parts, report, writeAt);
}
