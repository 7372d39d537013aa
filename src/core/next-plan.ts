// Next year's plan made from a report (`unelgee plan`): what staff copy by
// hand each January. The same groups and items, in order, with their text
// exactly; this year's achieved level as the new Суурь түвшин where it is a
// number or a short quantity; Хүрэх түвшин left empty for the planner, the
// old target beside it in a column the planner deletes when done; items
// rated below the profile's "done" level (or not rated) marked to carry
// over, with the rating; renumbered only where the report's numbering had
// gaps, duplicates or unnumbered items; the title's year advanced, its
// period taken out, ТАЙЛАН made ТӨЛӨВЛӨГӨӨ.

import { evaluatedTables, type AnalyzeOptions } from './analyze';
import type { CycleFormWords, FormColumnKey } from './cycle-types';
import type { ItemEval, TableEval } from './evaluate';
import { FormSheet, freeSheetName } from './form-sheet';
import { renumberTable, type Renumbering } from './renumber';
import { getProfile, type Profile } from './profiles';
import type { FormTable } from './report-form';
import { unitFromLines } from './rollup-units';
import { cellAddress, type Sheet } from './sheet';
import { bodyRows, carriedMerges, rowKinds, sourceColumns } from './source-table';
import { cellText, fillTemplate } from './text';
import { swapWords, titleLines, withYear, withoutPeriod } from './title-lines';
import type { CellValue, EditPlan } from './types';
import { parseValue } from './values';

export interface NextPlanOptions extends AnalyzeOptions {
  form: CycleFormWords;
  /** The plan's year; by default the year after the one the report's title names. */
  year?: number;
  /** Names of the workbook's sheets not among those given (hidden ones): the new sheet never takes one. */
  takenNames?: readonly string[];
  workbookProtected?: boolean;
}

export interface NextPlanOutcome {
  /** The plan's sheet; null when the workbook holds no report or no sheet may be added. */
  plan: EditPlan | null;
  sourceSheet: string | null;
  /** The plan's year (null when neither the report nor the options name one). */
  year: number | null;
  tables: FormTable[];
  /** Per table whose numbering had gaps, duplicates or unnumbered items: what it had, and how many numbers changed. */
  renumbered: Renumbering[];
  /** Items left out: a row holding nothing but its number (a paste moved its contents elsewhere). */
  leftOut: { table: string; number: string; row: number }[];
  /** Items marked to carry over (rated below the done level, or not rated). */
  carriedOver: number;
  /** Items whose new baseline is this year's achieved level. */
  baselines: number;
  refused: 'workbook-protected' | null;
}

/** How a column of the plan is filled. */
type Fill = 'copy' | 'baseline' | 'empty' | 'note';

interface PlanColumn {
  key: FormColumnKey;
  /** The source column copied row by row (for 'copy'). */
  source: number | null;
  fill: Fill;
  header: string;
  width: number;
}

/** Longer than this, an achieved level is narrative: the planner writes the baseline. */
const SHORT_QUANTITY = 40;

/** The plan's columns: the report's (its results left out), the new baseline and an empty target where its levels were, the old target and the note at the end. */
function planLayout(table: TableEval, form: CycleFormWords): PlanColumn[] {
  const declared = (key: FormColumnKey, fill: Fill, source: number | null = null): PlanColumn => ({ key, source, fill, header: form.columns[key].header.mn, width: form.columns[key].width });
  const out: PlanColumn[] = [];
  for (const column of sourceColumns(table)) {
    const role = column.role;
    if (role === null || role === 'achieved' || role === 'percent' || role === 'points') continue;
    if (role === 'baseline') out.push(declared('baseline', 'baseline'));
    else if (role === 'target') {
      if (!out.some((x) => x.key === 'baseline')) out.push(declared('baseline', 'baseline'));
      out.push(declared('target', 'empty'));
    } else out.push({ key: role, source: column.col, fill: 'copy', header: column.header || form.columns[role].header.mn, width: form.columns[role].width });
  }
  if (!out.some((x) => x.key === 'baseline')) out.push(declared('baseline', 'baseline'));
  if (!out.some((x) => x.key === 'target')) out.push(declared('target', 'empty'));
  out.push(declared('previousTarget', 'copy', table.roleCol.target ?? null), declared('note', 'note'));
  return out;
}

/** A row with nothing but its number: not an action to plan. */
function isEmptyItem(table: TableEval, item: ItemEval): boolean {
  const { info, grid } = table;
  if (item.continuation.length > 0) return false;
  for (let col = info.firstCol; col <= info.lastCol; col++) {
    if (col === table.roleCol.index) continue;
    if (!grid.isMergedSlave(item.row, col) && !grid.isEmpty(item.row, col)) return false;
  }
  return true;
}

/** This year's achieved level as next year's baseline: a number or a short quantity ("2/65", "85 %", "1000 иргэн"), not narrative nor a rating typed in its place. */
function baselineOf(table: TableEval, item: ItemEval): { value: CellValue; format: string } | null {
  const col = table.roleCol.achieved;
  if (col === undefined || item.misplaced) return null;
  const value = table.grid.value(item.row, col);
  const format = table.grid.numberFormat(item.row, col);
  const parsed = parseValue(value, format);
  if ((parsed.kind !== 'number' && parsed.kind !== 'composite') || cellText(value).length > SHORT_QUANTITY) return null;
  return { value, format };
}

/** The note of an item to carry over ("Үргэлжлүүлэх (70%)"), null for one done: its rating, else the percent its numbers give, else a rating typed beside its column. */
function carryOverNote(item: ItemEval, profile: Profile, form: CycleFormWords): string | null {
  const rating = item.rating ?? item.computed ?? item.misplaced?.value ?? null;
  if (rating === null) return form.carryOverUnrated;
  return rating < Math.max(...profile.scale) ? fillTemplate(form.carryOver, { rating }) : null;
}

/** The title lines: ТАЙЛАН made ТӨЛӨВЛӨГӨӨ, the period taken out, the year advanced. */
function planTitle(lines: string[], from: number | null, year: number | null, form: CycleFormWords): string[] {
  const pairs = form.titleWords.map((w) => ({ from: w.report, to: w.plan }));
  let swapped = false;
  const out = lines
    .map((line) => {
      const result = swapWords(withoutPeriod(line), pairs);
      swapped ||= result.changed;
      return from !== null && year !== null ? withYear(result.text, from, year) : result.text;
    })
    .filter(Boolean);
  if (!swapped) out.push(form.planTitleLine);
  if (from === null && year !== null) out.push(fillTemplate(form.planYearLine, { year: String(year) }));
  return out;
}

interface TableWork {
  table: TableEval;
  layout: PlanColumn[];
  numbers: Map<number, CellValue>;
  leftOut: Set<number>;
  renumbering: Renumbering | null;
}

/** One table of the plan from `row` on; returns the table, its counts and the next free row. */
function writePlanTable(builder: FormSheet, work: TableWork, row: number, profile: Profile, form: CycleFormWords): { formTable: FormTable; next: number; baselines: number; carried: number } {
  const { table, layout, numbers, leftOut } = work;
  layout.forEach((c, i) => builder.widen(i, c.width));
  const header = row;
  let at = builder.tableHeader(
    header,
    layout.map((c) => ({ text: c.header })),
  );
  const { first, last } = bodyRows(table);
  const kinds = rowKinds(table);
  const items = new Map(table.items.map((item) => [item.row, item]));
  const rowAt = new Map<number, number>();
  const indexCol = layout.findIndex((c) => c.key === 'index');
  let baselines = 0;
  let carried = 0;
  const copied = layout.filter((c) => c.fill === 'copy' && c.source !== null).map((c) => c.source!);
  for (let row = first; row <= last; row++) {
    const kind = kinds.get(row);
    if (kind === 'stated' || leftOut.has(row)) continue;
    // A continuation row that held only results (the achieved narrative), or a blank row: nothing of it is planned.
    if (kind !== 'item' && kind !== 'group' && copied.every((col) => table.grid.isEmpty(row, col))) continue;
    rowAt.set(row, at);
    const item = items.get(row);
    layout.forEach((column, i) => {
      if (column.fill === 'copy' && column.source !== null) {
        const format = table.grid.numberFormat(row, column.source);
        const value = i === indexCol && numbers.has(row) ? numbers.get(row)! : table.grid.value(row, column.source);
        builder.put(at, i, value, format !== 'General' ? { numberFormat: format } : {});
      } else if (item && column.fill === 'baseline') {
        const base = baselineOf(table, item);
        if (base) {
          builder.put(at, i, base.value, base.format !== 'General' ? { numberFormat: base.format } : {});
          baselines++;
        }
      } else if (item && column.fill === 'note') {
        const note = carryOverNote(item, profile, form);
        if (note) {
          builder.put(at, i, note);
          carried++;
        }
      }
    });
    at++;
  }
  const colAt = new Map<number, number>();
  layout.forEach((c, i) => c.fill === 'copy' && c.source !== null && c.key !== 'previousTarget' && colAt.set(c.source, i));
  builder.merges.push(...carriedMerges(table, (r) => rowAt.get(r), (c) => colAt.get(c), layout.length));
  builder.wrap.push({ top: header, left: 0, bottom: Math.max(header, at - 1), right: layout.length - 1 });
  builder.borders.push({ top: header, left: 0, bottom: Math.max(header, at - 1), right: layout.length - 1 });
  const itemRows = table.items.map((item) => rowAt.get(item.row)).filter((x): x is number => x !== undefined);
  const formTable: FormTable = { source: table.info.id, headerRow: header, columns: layout.map((c, i) => ({ key: c.key, col: i })), itemRows, groups: table.info.groups.length, average: null };
  return { formTable, next: at, baselines, carried };
}

/** The report tables to build from: those on the first sheet holding one (an evaluation's parts are not a report). */
function reportTables(sheets: Sheet[], options: NextPlanOptions): TableEval[] {
  const { tables, evaluations } = evaluatedTables(sheets, options);
  const parts = new Set(evaluations.flatMap((evaluation) => [...evaluation.parts.map((part) => part.table), ...(evaluation.summary ? [evaluation.summary.table] : [])]));
  const reports = tables.filter((t) => t.info.kind === 'report' && !parts.has(t));
  return reports.filter((t) => t.info.sheet === reports[0]?.info.sheet);
}

/**
 * Next year's plan. In: the workbook's sheets (a report) and the options
 * (profile, the form's words, the year). Out: the plan's sheet (added under
 * a free name), its tables by key, what was renumbered and left out; no plan
 * when the workbook holds no report or no sheet may be added.
 */
export function planNextPlan(sheets: Sheet[], options: NextPlanOptions): NextPlanOutcome {
  const sources = reportTables(sheets, options);
  const none: NextPlanOutcome = { plan: null, sourceSheet: null, year: null, tables: [], renumbered: [], leftOut: [], carriedOver: 0, baselines: 0, refused: null };
  if (sources.length === 0) return none;
  const profile = options.profile ?? getProfile(options.profileId);
  const form = options.form;
  const first = sources[0];
  const lines = titleLines(first.grid, first.grid.firstRow, first.info.headerRows[0]);
  const from = unitFromLines(first.info.title, lines).year;
  const year = options.year ?? (from !== null ? from + 1 : null);
  const works: TableWork[] = sources.map((table) => {
    const leftOut = new Set(table.items.filter((item) => isEmptyItem(table, item)).map((item) => item.row));
    const numbering = renumberTable(table, leftOut);
    return { table, layout: planLayout(table, form), numbers: numbering.numbers, leftOut, renumbering: numbering.renumbering };
  });
  const builder = new FormSheet();
  const width = Math.max(...works.map((w) => w.layout.length));
  let row = 0;
  for (const line of planTitle(lines, from, year, form)) builder.line(row++, line, 0, width - 1, true);
  row++;
  const outcome: NextPlanOutcome = { ...none, sourceSheet: first.info.sheet, year };
  works.forEach((work, i) => {
    if (i > 0) {
      row++;
      const title = from !== null && year !== null ? withYear(work.table.info.title, from, year) : work.table.info.title;
      if (title) builder.line(row++, title, 0, work.layout.length - 1, true);
    }
    const written = writePlanTable(builder, work, row, profile, form);
    outcome.tables.push(written.formTable);
    outcome.baselines += written.baselines;
    outcome.carriedOver += written.carried;
    row = written.next;
  });
  outcome.renumbered = works.flatMap((w) => (w.renumbering ? [w.renumbering] : []));
  outcome.leftOut = works.flatMap((work) => work.table.items.filter((item) => work.leftOut.has(item.row)).map((item) => ({ table: work.table.info.id, number: item.number ?? '', row: item.row })));
  if (options.workbookProtected) return { ...outcome, refused: 'workbook-protected' };
  const base = year !== null ? fillTemplate(form.planSheetName, { year: String(year) }) : form.planSheetNameNoYear;
  const name = freeSheetName(base, [...sheets.map((s) => s.name), ...(options.takenNames ?? [])]);
  const single = works.length === 1 ? outcome.tables[0] : null;
  const titleRows = single ? { first: single.headerRow, last: single.headerRow + 1 } : undefined;
  const sheet = builder.toPlan(name, false, single ? single.headerRow + 1 : 0, { titleRows, pageNumbers: form.pageNumbers });
  outcome.plan = { sheets: [], summary: null, addedSheets: [sheet], skipped: [], writtenCells: sheet.writes.map((x) => `${name}!${cellAddress(x.row, x.col)}`) };
  return outcome;
}
