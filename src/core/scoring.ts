// Averages per group and table, the 5-point figure and grade, and annex 8
// points (docs/domain.md §4).

import type { TableEval, ItemEval } from './evaluate';
import { gradeFor, type Profile } from './profiles';
import { cellText, normalize, round } from './text';
import type { Annex8Score, ColumnInfo, GroupScore, ScoreFigures, TableScore } from './types';
import { parseValue } from './values';

export function mean(values: number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

/** A stated figure matches when it rounds to what the rows give (to its own decimals, at least one). */
export function statedTolerance(stated: number): number {
  const decimals = (String(stated).split('.')[1] ?? '').length;
  return 0.5 * 10 ** -Math.max(decimals, 1) + 0.05;
}

/** The percents that count: ratings, plus (by default) what Compute would fill. */
export function countedPercents(items: ItemEval[], withComputed = true): number[] {
  const out: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.rating !== null) out.push(item.rating);
    else if (withComputed && item.computed !== null) out.push(item.computed);
  }
  return out;
}

function figures(profile: Profile, items: ItemEval[]): ScoreFigures {
  const values = countedPercents(items);
  const unrounded = mean(values);
  const average = unrounded === null ? null : round(unrounded, 1);
  const band = average === null ? null : gradeFor(profile, average);
  let rated = 0;
  for (let i = 0; i < items.length; i++) if (items[i].rating !== null) rated++;
  return {
    itemCount: items.length,
    ratedCount: rated,
    average,
    fivePoint: average === null ? null : round(average * profile.fivePointFactor, 2),
    grade: band?.grade ?? null,
    gradeLabel: band?.label ?? null,
  };
}

/** Which annex 8 section a points column feeds, from its maximum or its words. */
export function annex8Section(col: ColumnInfo): number {
  // The maximum says item best (a supervisor rates section 2 up to 15 and section 3 up to 7).
  switch (col.maxPoints) {
    case 70:
      return 1;
    case 15:
      return 2;
    case 7:
      return 3;
    case 8:
      return 4;
  }
  const header = normalize(col.header);
  if (/хамт олон|хамт олны/.test(header)) return 4;
  if (/мэдлэг|ур чадвар/.test(header)) return 2;
  if (/захирагч/.test(header)) return 3;
  return 1;
}

const DEDUCTION = /хасагдах|хасалт|суутгал|хасах/;

function annex8(table: TableEval, profile: Profile): Annex8Score | undefined {
  const pointsCols = table.info.columns.filter((c) => c.role === 'points');
  if (pointsCols.length === 0) return undefined;
  const grid = table.grid;
  const sections: Annex8Score['sections'] = [];
  for (const col of pointsCols) {
    const section = annex8Section(col);
    const weight =
      section === 1 ? profile.annex8.performance : section === 2 ? profile.annex8.skills : undefined;
    const max =
      col.maxPoints ??
      (section === 1 ? profile.annex8.performance * 100 : section === 2 ? profile.annex8.skills * 100 : section === 3 ? profile.annex8.supervisorMax : profile.annex8.colleaguesMax);
    const perRow: number[] = [];
    for (const item of table.items) {
      const parsed = parseValue(grid.value(item.row, col.col), grid.numberFormat(item.row, col.col));
      if (parsed.kind === 'number') perRow.push(parsed.value);
      else if (weight !== undefined) {
        const percent = item.rating ?? item.computed;
        if (percent !== null) perRow.push(percent * weight);
      }
    }
    const unrounded = mean(perRow);
    if (unrounded !== null) sections.push({ section, points: round(unrounded, 1), max });
  }
  let deductions = 0;
  for (const rowInfo of table.info.rows) {
    if (rowInfo.kind === 'item') continue;
    for (let col = table.info.firstCol; col <= table.info.lastCol; col++) {
      const text = cellText(grid.value(rowInfo.row, col));
      if (!DEDUCTION.test(normalize(text))) continue;
      for (let valueCol = col + 1; valueCol <= table.info.lastCol; valueCol++) {
        const value = grid.value(rowInfo.row, valueCol);
        if (typeof value === 'number') {
          deductions += Math.abs(value);
          break;
        }
      }
    }
  }
  const total = round(sections.reduce((s, x) => s + x.points, 0) - deductions, 1);
  return { sections, deductions, total };
}

/**
 * A table's figures. In: the evaluated table, the profile and, for a part of
 * an individual evaluation, which part. Out: per table and per group the item
 * and rated counts, the simple mean of the counted percents (one decimal),
 * the 5-point figure and grade (not for an evaluation's parts); annex 8 points
 * for a points table that stands alone.
 */
export function scoreTable(table: TableEval, profile: Profile, part?: 'section' | 'summary'): TableScore {
  const info = table.info;
  const byRow = new Map<number, ItemEval>();
  for (let i = 0; i < table.items.length; i++) byRow.set(table.items[i].row, table.items[i]);
  const groups: GroupScore[] = info.groups.map((group) => {
    const items = group.itemRows.map((r) => byRow.get(r)).filter((item): item is ItemEval => item !== undefined);
    return { groupId: group.id, label: group.label, row: group.row, level: group.level, ...figures(profile, items) };
  });
  const score: TableScore = {
    tableId: info.id,
    sheet: info.sheet,
    title: info.title,
    ...figures(profile, table.items),
    computedCount: table.items.filter((i) => i.rating === null && i.computed !== null).length,
    groups,
  };
  if (part) {
    // A part of an individual evaluation: its points are the evaluation's; no rule grades a section on its own.
    score.fivePoint = null;
    score.grade = null;
    score.gradeLabel = null;
    for (const group of score.groups) Object.assign(group, { fivePoint: null, grade: null, gradeLabel: null });
    return score;
  }
  const annex8Score = annex8(table, profile);
  if (annex8Score) score.annex8 = annex8Score;
  return score;
}
