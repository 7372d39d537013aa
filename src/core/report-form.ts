// The report form made from a plan (`unelgee report`): what staff copy by
// hand at the half year and the year's end. Every group row and item of the
// plan, in order, with its text exactly and its merged cells; the plan's own
// columns kept; two columns added, Хүрсэн түвшин and Хувь (the percent cells
// take the profile's scale as an input rule, the header a note explaining
// it) — or, when the workbook holds a report already, that report's columns
// followed. Under each table the stated average as a live formula; the
// signature block at the end; A4. A report given instead of a plan is a
// plan with results: its own layout is kept and its results left out.

import { evaluatedTables, type AnalyzeOptions } from './analyze';
import type { CycleFormWords, FormColumnKey } from './cycle-types';
import type { TableEval } from './evaluate';
import { FormSheet, freeSheetName } from './form-sheet';
import { getProfile, type Profile } from './profiles';
import { PLACE_LINE } from './recognize/patterns';
import { unitFromLines } from './rollup-units';
import { cellAddress, type Sheet } from './sheet';
import { bodyRows, carriedMerges, rowKinds, sourceColumns, type SourceColumn } from './source-table';
import { fillTemplate } from './text';
import { swapWords, titleLines, withoutPeriod } from './title-lines';
import type { EditPlan, SheetPlan } from './types';

export interface ReportFormOptions extends AnalyzeOptions {
  form: CycleFormWords;
  /** The period line under the title ("2025 оны эхний хагас жил"); by default the year's end. */
  period?: string;
  /** Write the form over the plan's own sheet (in a copy) instead of adding a sheet. */
  replace?: boolean;
  /** Names of the workbook's sheets not among those given (hidden ones): the new sheet never takes one. */
  takenNames?: readonly string[];
  workbookProtected?: boolean;
}

/** A table of a form: where it is, its columns by key, its item rows. */
export interface FormTable {
  /** The source table's id ("Төлөвлөгөө!A3"). */
  source: string;
  headerRow: number;
  /** Each column by key, left to right (a key may come twice: 'other'). */
  columns: { key: FormColumnKey; col: number }[];
  /** The form's item rows, in order. */
  itemRows: number[];
  /** The group rows carried (each group heading of the source table). */
  groups: number;
  /** The stated average's cell ("J94"), when the table has items. */
  average: string | null;
}

export interface ReportFormOutcome {
  /** The sheet (added, or written over the plan's with `replace`); null when the workbook holds no plan or report, or the sheet may not be written. */
  plan: EditPlan | null;
  /** What the form was made from: a plan, or a report (its results left out). */
  source: 'plan' | 'report' | null;
  sourceSheet: string | null;
  /** A report table whose columns the form follows (the unit's chosen form), when the workbook holds one beside the plan. */
  followed: string | null;
  tables: FormTable[];
  /** The period line written under the title. */
  period: string | null;
  /**
   * Why the form was not written: the plan's sheet is protected, or holds
   * formulas the form would turn into values (replace); no sheet can be added.
   */
  refused: 'sheet-protected' | 'formulas' | 'workbook-protected' | null;
}

/** A column of the form: its key, where its cells come from, its header, width and whether it only looks like the source (results left out). */
interface LayoutColumn {
  key: FormColumnKey;
  source: number | null;
  header: string;
  width: number;
  /** The source's cells are results, left out of the form. */
  cleared?: boolean;
}

const RESULT_ROLES = new Set<FormColumnKey>(['achieved', 'percent', 'points']);

const keyOf = (column: SourceColumn): FormColumnKey => column.role ?? 'other';

/** The form's columns for a source table: its own, the two new ones after them — or the followed report's, then the plan's others. */
function layoutFor(table: TableEval, form: CycleFormWords, followed: TableEval | null): LayoutColumn[] {
  const own = sourceColumns(table);
  const declared = (key: FormColumnKey) => form.columns[key];
  const carried = (column: SourceColumn): LayoutColumn => {
    const key = keyOf(column);
    return { key, source: column.col, header: column.header || declared(key).header.mn, width: declared(key).width, cleared: RESULT_ROLES.has(key) };
  };
  const fresh = (key: FormColumnKey): LayoutColumn => ({ key, source: null, header: declared(key).header.mn, width: declared(key).width });
  if (followed) {
    const theirs = sourceColumns(followed).filter((column) => column.role !== null);
    const out = theirs.map((column): LayoutColumn => {
      const key = keyOf(column);
      const mine = own.find((x) => x.role === column.role);
      return { key, source: mine && !RESULT_ROLES.has(key) ? mine.col : null, header: column.header || declared(key).header.mn, width: declared(key).width };
    });
    // The plan's columns the report has no place for still come along (nothing of the plan is lost).
    const placed = new Set(out.map((c) => c.key));
    for (const column of own) if (!(column.role !== null && placed.has(keyOf(column))) && kept(table, column)) out.push(carried(column));
    for (const key of ['achieved', 'percent'] as const) if (!out.some((c) => c.key === key)) out.push(fresh(key));
    return out;
  }
  const out = own.filter((c) => kept(table, c)).map(carried);
  for (const key of ['achieved', 'percent'] as const) if (!out.some((c) => c.key === key)) out.push(fresh(key));
  return out;
}

/**
 * A column of the source the form keeps: one with a role, something under
 * its header, or a header of its own. Not kept: the reach of a merged row
 * (nothing in it), and a header a Word paste shifted away from its data
 * (the recogniser gave its words to the column that holds the data).
 */
function kept(table: TableEval, column: SourceColumn): boolean {
  if (column.role !== null) return true;
  const { first, last } = bodyRows(table);
  for (let row = first; row <= last; row++) if (!table.grid.isEmpty(row, column.col) && !table.grid.isMergedSlave(row, column.col)) return true;
  return column.header !== '' && !table.info.columns.some((c) => c.header === column.header);
}

/** The tables to build from: the plan's (on its sheet), or a report's when there is no plan; and a report whose layout to follow. */
function sourcesOf(tables: TableEval[], evaluationParts: Set<TableEval>): { source: 'plan' | 'report'; tables: TableEval[]; followed: TableEval | null } | null {
  const plans = tables.filter((t) => t.info.kind === 'plan');
  const reports = tables.filter((t) => t.info.kind === 'report' && !evaluationParts.has(t) && t.roleCol.percent !== undefined && t.roleCol.achieved !== undefined);
  if (plans.length > 0) {
    const sheet = plans[0].info.sheet;
    return { source: 'plan', tables: plans.filter((t) => t.info.sheet === sheet), followed: reports.find((t) => t.info.sheet !== sheet) ?? null };
  }
  const anyReport = tables.find((t) => t.info.kind === 'report' && !evaluationParts.has(t));
  if (!anyReport) return null;
  const sheet = anyReport.info.sheet;
  return { source: 'report', tables: tables.filter((t) => t.info.kind === 'report' && t.info.sheet === sheet && !evaluationParts.has(t)), followed: null };
}

/** The title lines of the form: the plan's, ТӨЛӨВЛӨГӨӨ made ТАЙЛАН (or the report's own, its old period taken out), then the period. */
function formTitle(table: TableEval, source: 'plan' | 'report', options: ReportFormOptions): { lines: string[]; period: string } {
  const form = options.form;
  const lines = titleLines(table.grid, table.grid.firstRow, table.info.headerRows[0]);
  const pairs = form.titleWords.map((w) => ({ from: w.plan, to: w.report }));
  let swapped = false;
  const out = lines.map((line) => {
    const result = swapWords(source === 'report' ? withoutPeriod(line) : line, pairs);
    swapped ||= result.changed;
    return result.text;
  }).filter(Boolean);
  if (source === 'plan' && !swapped && !out.some((l) => /тайлан/i.test(l))) out.push(form.reportTitleLine);
  const year = unitFromLines(table.info.title, lines).year;
  const period = options.period?.trim() || (year ? fillTemplate(form.periodDefault, { year: String(year) }) : form.periodDefaultNoYear);
  // Under the title, before the place ("Улаанбаатар хот").
  const place = out.findIndex((l) => PLACE_LINE.test(l));
  out.splice(place < 0 ? out.length : place, 0, period);
  return { lines: out, period };
}

/** One table of the form from `row` on: its header, the source's rows, the stated average; returns the table and the next free row. */
function writeTable(builder: FormSheet, table: TableEval, layout: LayoutColumn[], row: number, profile: Profile, form: CycleFormWords): { formTable: FormTable; next: number } {
  const width = layout.length;
  layout.forEach((c, i) => builder.widen(i, c.width));
  const header = row;
  const percentCol = layout.findIndex((c) => c.key === 'percent');
  const scale = profile.scale.join(' · ');
  const note = fillTemplate(form.percentNote, { scale, done: Math.max(...profile.scale) });
  let at = builder.tableHeader(
    header,
    layout.map((c, i) => (i === percentCol ? { text: c.header, note } : { text: c.header })),
  );
  const firstBody = at;
  const { first, last } = bodyRows(table);
  const kinds = rowKinds(table);
  const rowAt = new Map<number, number>();
  const carried = layout.filter((c) => c.source !== null && !c.cleared).map((c) => c.source!);
  for (let row = first; row <= last; row++) {
    const kind = kinds.get(row);
    // A report's stated figures are its results: left out (the form states its own average below).
    if (kind === 'stated') continue;
    // A row with nothing carried (a blank row; a report's row that held only results) is not written.
    if (kind !== 'item' && kind !== 'group' && carried.every((col) => table.grid.isEmpty(row, col))) continue;
    rowAt.set(row, at);
    layout.forEach((column, i) => {
      if (column.source === null || column.cleared) return;
      const value = table.grid.value(row, column.source);
      const format = table.grid.numberFormat(row, column.source);
      builder.put(at, i, value, format !== 'General' ? { numberFormat: format } : {});
    });
    at++;
  }
  const colAt = new Map<number, number>();
  layout.forEach((c, i) => c.source !== null && colAt.set(c.source, i));
  builder.merges.push(...carriedMerges(table, (r) => rowAt.get(r), (c) => colAt.get(c), width));
  const itemRows = table.items.map((item) => rowAt.get(item.row)).filter((r): r is number => r !== undefined);
  const lastBody = at - 1;
  builder.wrap.push({ top: header, left: 0, bottom: Math.max(header, lastBody), right: width - 1 });
  let average: string | null = null;
  if (itemRows.length > 0 && percentCol >= 0) {
    const range = `${cellAddress(itemRows[0], percentCol)}:${cellAddress(itemRows[itemRows.length - 1], percentCol)}`;
    builder.inputs.push({
      area: { top: firstBody, left: percentCol, bottom: lastBody, right: percentCol },
      min: 0,
      max: 100,
      list: [...profile.scale],
      title: form.percentInputTitle,
      message: fillTemplate(form.percentInputMessage, { scale }),
    });
    builder.put(at, 0, form.averageLabel, { bold: true });
    if (percentCol > 0) builder.merges.push({ top: at, left: 0, bottom: at, right: percentCol - 1 });
    builder.put(at, percentCol, '', { formula: `=IF(COUNT(${range})=0,"",ROUND(AVERAGE(${range}),1))`, bold: true });
    average = cellAddress(at, percentCol);
    at++;
  }
  builder.borders.push({ top: header, left: 0, bottom: at - 1, right: width - 1 });
  const columns = layout.map((c, i) => ({ key: c.key, col: i }));
  return { formTable: { source: table.info.id, headerRow: header, columns, itemRows, groups: table.info.groups.length, average }, next: at };
}

/** Why the plan's own sheet may not be written over: protected, or holding a formula (a formula is never replaced by a value). */
function replaceRefusal(sheet: Sheet, options: ReportFormOptions): ReportFormOutcome['refused'] {
  if (options.protectedSheets?.includes(sheet.name)) return 'sheet-protected';
  return (sheet.formulas ?? []).some((row) => row?.some((f) => typeof f === 'string' && f.startsWith('='))) ? 'formulas' : null;
}

/**
 * The report form's plan. In: the workbook's sheets (a plan; or a report,
 * taken as a plan with results) and the options (profile, the form's words,
 * the period, replace). Out: the sheet to add (or to write over the plan's),
 * the tables on it by key; no plan when the workbook holds nothing to build
 * from or the sheet may not be written.
 */
export function planReportForm(sheets: Sheet[], options: ReportFormOptions): ReportFormOutcome {
  const none: ReportFormOutcome = { plan: null, source: null, sourceSheet: null, followed: null, tables: [], period: null, refused: null };
  const { tables, evaluations } = evaluatedTables(sheets, options);
  const parts = new Set(evaluations.flatMap((evaluation) => [...evaluation.parts.map((part) => part.table), ...(evaluation.summary ? [evaluation.summary.table] : [])]));
  const found = sourcesOf(tables, parts);
  if (!found) return none;
  const profile = options.profile ?? getProfile(options.profileId);
  const sourceSheet = found.tables[0].info.sheet;
  const builder = new FormSheet();
  const layouts = found.tables.map((t) => layoutFor(t, options.form, found.followed));
  const width = Math.max(...layouts.map((l) => l.length));
  let row = 0;
  const title = formTitle(found.tables[0], found.source, options);
  for (const line of title.lines) builder.line(row++, line, 0, width - 1, true);
  row++;
  const formTables: FormTable[] = [];
  found.tables.forEach((table, i) => {
    if (i > 0) {
      row++;
      if (table.info.title) builder.line(row++, table.info.title, 0, layouts[i].length - 1, true);
    }
    const written = writeTable(builder, table, layouts[i], row, profile, options.form);
    formTables.push(written.formTable);
    row = written.next;
  });
  row++;
  for (const line of options.form.signature) builder.line(row++, line, 0, width - 1);
  const frozen = formTables.length === 1 ? formTables[0].headerRow + 1 : 0;
  // One table: its header and the row of column numbers under it print on every page.
  const titleRows = formTables.length === 1 ? { first: formTables[0].headerRow, last: formTables[0].headerRow + 1 } : undefined;
  const name = options.replace ? sourceSheet : freeSheetName(options.form.reportSheetName, [...sheets.map((s) => s.name), ...(options.takenNames ?? [])]);
  const sheet: SheetPlan = builder.toPlan(name, !!options.replace, frozen, { titleRows, pageNumbers: options.form.pageNumbers });
  const refused = options.replace ? replaceRefusal(sheets.find((s) => s.name === sourceSheet)!, options) : options.workbookProtected ? 'workbook-protected' : null;
  const outcome: ReportFormOutcome = { plan: null, source: found.source, sourceSheet, followed: found.followed?.info.id ?? null, tables: formTables, period: title.period, refused };
  if (refused) return outcome;
  outcome.plan = { sheets: [], summary: null, addedSheets: [sheet], skipped: [], writtenCells: sheet.writes.map((w) => `${name}!${cellAddress(w.row, w.col)}`) };
  return outcome;
}

