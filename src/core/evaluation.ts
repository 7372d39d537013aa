// The individual evaluation (annex 8, docs/domain.md §4): the sheet's five
// parts read as ONE evaluation. Sections 1–4 each carry points from their
// rows (1 and 2: percent × weight per row, 3 and 4: ratings up to 7 and 8),
// section 5 carries each section's points, the changes (deductions under
// section 6 of the methodology) and the total. The parts may sit on one
// sheet or on several, in workbook order.

import type { TableEval } from './evaluate';
import type { Profile } from './profiles';
import { cellAddress } from './sheet';
import { mean } from './scoring';
import { normalize, round } from './text';
import type { ColumnInfo, EvaluationScore, StatedFigure } from './types';
import { parseValue } from './values';

export type Section = 1 | 2 | 3 | 4;

interface SectionRow {
  row: number;
  /** The points cell as written (a number), if any. */
  written: number | null;
  /** Sections 1–2: the row's percent × the section's weight, when the row has a percent. */
  fromPercent: number | null;
}

/** One of sections 1–4. */
export interface SectionPart {
  section: Section;
  table: TableEval;
  pointsCol: ColumnInfo;
  /** The section's maximum (70, 15, 7, 8: the column's words, else the profile). */
  max: number;
  /** Sections 1–2: percent × weight per row. */
  weight: number | null;
  rows: SectionRow[];
  /** The mean of the rows' points (written, else from the percent), one decimal; null when no row has any. */
  points: number | null;
  /** The figure the sheet states under the section ("Дундаж оноо:"), if it states one. */
  stated: StatedFigure | undefined;
}

/** A line of section 5: what it carries for a section, or the changes. */
interface CarriedRow {
  carries: Section | 'changes';
  row: number;
  col: number;
  label: string;
  value: number | null;
}

/** Section 5 (Гүйцэтгэлийн үнэлгээ): the sections' points carried over, the changes, the total. */
export interface SummaryPart {
  table: TableEval;
  pointsCol: ColumnInfo;
  carried: CarriedRow[];
  changes: CarriedRow | undefined;
  total: StatedFigure | undefined;
}

export interface Evaluation {
  /** The first part's table id. */
  id: string;
  parts: SectionPart[];
  summary: SummaryPart | undefined;
}

/** Which line of section 5 a label names. Patterns run on normalize()d text (ү→у, ө→о, ё→е). */
function carriedBy(label: string): Section | 'changes' | null {
  const normalized = normalize(label);
  if (/оорчлолт|хассан|хасалт|суутгал/.test(normalized)) return 'changes';
  if (/мэдлэг/.test(normalized)) return 2;
  if (/хамт олон|хамт олны/.test(normalized)) return 4;
  if (/хандлага|ес зуй|удирдлаг|захирагч/.test(normalized)) return 3;
  if (/гуйцэтгэлийн зорилт|биелэлт/.test(normalized)) return 1;
  return null;
}

/** The action text of an item row of a table (what section 5 names its lines by). */
function actionText(table: TableEval, row: number): string {
  const col = table.roleCol.action;
  const value = col === undefined ? null : table.grid.value(row, col);
  return typeof value === 'string' ? value : '';
}

/** A table with one points column whose rows name sections: section 5. */
function asSummary(table: TableEval, pointsCol: ColumnInfo): SummaryPart | undefined {
  if (pointsCol.maxPoints !== undefined) return undefined;
  const lines: CarriedRow[] = [];
  for (const item of table.items) {
    const label = actionText(table, item.row);
    const carries = carriedBy(label);
    if (carries === null) continue;
    const parsed = parseValue(table.grid.value(item.row, pointsCol.col), table.grid.numberFormat(item.row, pointsCol.col));
    lines.push({ carries, row: item.row, col: pointsCol.col, label: label.trim(), value: parsed.kind === 'number' ? parsed.value : null });
  }
  const sections = new Set(lines.filter((l) => l.carries !== 'changes').map((l) => l.carries));
  if (sections.size < 2) return undefined;
  const total = table.info.stated.filter((s) => s.kind === 'points' || s.kind === 'sum').pop();
  return {
    table,
    pointsCol,
    carried: lines.filter((l) => l.carries !== 'changes'),
    changes: lines.find((l) => l.carries === 'changes'),
    total,
  };
}

/** Which of sections 1–4 a points column feeds: its maximum first, then its words or the table's title. */
function sectionOf(col: ColumnInfo, title: string, profile: Profile): Section | null {
  const weights = profile.annex8;
  switch (col.maxPoints) {
    case weights.performance * 100:
      return 1;
    case weights.skills * 100:
      return 2;
    case weights.supervisorMax:
      return 3;
    case weights.colleaguesMax:
      return 4;
  }
  const words = normalize(`${col.header} ${title}`);
  if (/хамт олон|хамт олны/.test(words)) return 4;
  if (/мэдлэг/.test(words)) return 2;
  if (/захирагч|хандлага/.test(words)) return 3;
  if (/гуйцэтгэлийн зорилт/.test(words)) return 1;
  return null;
}

function sectionPart(table: TableEval, pointsCol: ColumnInfo, section: Section, profile: Profile): SectionPart {
  const weights = profile.annex8;
  const weight = section === 1 ? weights.performance : section === 2 ? weights.skills : null;
  const max = pointsCol.maxPoints ?? (section === 1 ? weights.performance * 100 : section === 2 ? weights.skills * 100 : section === 3 ? weights.supervisorMax : weights.colleaguesMax);
  const rows: SectionRow[] = table.items.map((item) => {
    const parsed = parseValue(table.grid.value(item.row, pointsCol.col), table.grid.numberFormat(item.row, pointsCol.col));
    const percent = item.rating ?? item.computed;
    // Rounded per row, as the form does (66.6 % × 0.15 → 10): the figures then agree with Compute's row formulas.
    return { row: item.row, written: parsed.kind === 'number' ? parsed.value : null, fromPercent: weight !== null && percent !== null ? round(percent * weight, 1) : null };
  });
  const average = mean(rows.map((r) => r.written ?? r.fromPercent).filter((x): x is number => x !== null));
  const stated = table.info.stated.filter((s) => s.scope === 'table').pop();
  return { section, table, pointsCol, max, weight, rows, points: average === null ? null : round(average, 1), stated };
}

/**
 * The evaluations among the tables of a workbook, in workbook order. A
 * table with one points column is a section (1–4 by the column's maximum or
 * words) or section 5 (its lines name the sections); section 5 closes an
 * evaluation, and a section met twice starts a new one. An evaluation is at
 * least two parts: a lone points table stays a table of its own.
 */
export function findEvaluations(tables: TableEval[], profile: Profile): Evaluation[] {
  const out: Evaluation[] = [];
  let current: Evaluation | null = null;
  const close = () => {
    if (current && current.parts.length + (current.summary ? 1 : 0) >= 2) out.push(current);
    current = null;
  };
  for (const table of tables) {
    const points = table.info.columns.filter((c) => c.role === 'points');
    if (points.length !== 1) continue;
    const summary = asSummary(table, points[0]);
    if (summary) {
      current ??= { id: table.info.id, parts: [], summary: undefined };
      current.summary = summary;
      close();
      continue;
    }
    const section = sectionOf(points[0], table.info.title, profile);
    if (section === null) continue;
    if (current && current.parts.some((p) => p.section === section)) close();
    current ??= { id: table.info.id, parts: [], summary: undefined };
    current.parts.push(sectionPart(table, points[0], section, profile));
  }
  close();
  return out;
}

/** The evaluation's figures from its rows: each section's points, the changes, the total. */
export function evaluationFigures(evaluation: Evaluation): { sections: { section: Section; points: number | null; max: number }[]; changes: number; total: number | null } {
  const sections = evaluation.parts.map((p) => ({ section: p.section, points: p.points, max: p.max }));
  const changes = Math.abs(evaluation.summary?.changes?.value ?? 0);
  // No total until every section has points: a partial sum would read as a (low) result.
  const complete = sections.length > 0 && sections.every((s) => s.points !== null);
  const total = complete ? round(sections.reduce((sum, s) => sum + (s.points ?? 0), 0) - changes, 1) : null;
  return { sections, changes, total };
}

/** The evaluation as reported (JSON, the pane, the summary sheet). */
export function evaluationScore(evaluation: Evaluation): EvaluationScore {
  const figures = evaluationFigures(evaluation);
  const tables = [...evaluation.parts.map((p) => p.table), ...(evaluation.summary ? [evaluation.summary.table] : [])];
  return {
    id: evaluation.id,
    title: tables.find((t) => t.info.title)?.info.title ?? '',
    sheets: [...new Set(tables.map((t) => t.info.sheet))],
    sections: evaluation.parts.map((part) => ({
      section: part.section,
      tableId: part.table.info.id,
      points: part.points,
      max: part.max,
      items: part.rows.length,
      rated: part.rows.filter((r) => (r.written ?? r.fromPercent) !== null).length,
      stated: part.stated?.value ?? null,
    })),
    carried: (evaluation.summary?.carried ?? []).map((l) => ({ section: l.carries as Section, value: l.value, cell: `${evaluation.summary!.table.info.sheet}!${cellAddress(l.row, l.col)}` })),
    changes: figures.changes,
    total: figures.total,
    totalStated: evaluation.summary?.total?.value ?? null,
  };
}
