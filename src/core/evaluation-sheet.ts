// The evaluation command: from a civil servant's annex 6 report, the annex 8
// evaluation sheet laid out as the form. Section 1 lists every action of the
// report's performance table under its goals, its percent linked by formula
// to the report's cell and its points as a formula; section 2 likewise from
// the skills table (or rows to fill); sections 3 and 4 the competencies, with
// cells for the supervisor's and the colleagues' ratings; section 5 carries
// each section's figure by formula, the changes, and the total. Missing
// percents are computed first (the report's only cells it changes).

import { applySheetEdits } from './apply';
import { evaluatedTables, planCompute, type ComputeOptions } from './analyze';
import type { TableEval } from './evaluate';
import { keepAgreeingFormulas } from './formula-check';
import type { Area, Sheet } from './sheet';
import { cellAddress, sheetRef } from './sheet';
import { getProfile } from './profiles';
import { A4_PORTRAIT, LINE_POINTS, fitRowHeights, pageHeightPoints, textLines, type PrintSetup } from './print';
import { DATE_LINE, PLACE_LINE } from './recognize/patterns';
import { cellText, fillTemplate, isSkillsTitle, normalize, round } from './text';
import type { CellValue, CellWrite, EditPlan, EvaluationFormWords, InputRule, SheetEdits, SheetPlan, WorkbookAnalysis } from './types';

export interface EvaluationSheetOptions extends ComputeOptions {
  form: EvaluationFormWords;
}

export interface EvaluationSheetOutcome {
  /** The percents Compute fills in the report and the evaluation sheet; null when the workbook holds no report to build from. */
  plan: EditPlan | null;
  /** The report table the sheet is built from. */
  reportTable: string | null;
  skillsTable: string | null;
}

const COLS = 4;
const WIDTHS = [6, 58, 16, 16];

const isSkills = (t: TableEval) => isSkillsTitle(t.info.title);

/** A sheet the evaluation command wrote: the annex line in the first row, the form's title below, formulas that reach another sheet. */
export function isOwnEvaluationSheet(sheet: Sheet, form: EvaluationFormWords): boolean {
  const at = (r: number, c: number) => cellText(sheet.values[r - sheet.startRow]?.[c - sheet.startCol] ?? null);
  const annex = [0, 1, 2, 3].some((c) => at(0, c) === form.annexLine);
  const linked = (sheet.formulas ?? []).some((r) => r?.some((f) => typeof f === 'string' && f.includes('!')));
  return annex && at(1, 0) === form.title && linked;
}

/** What the report says of who and when: the title lines, the year, the person who reported. */
function reportFacts(grid: TableEval['grid'], headerRow: number): { heading: string[]; year: string | null; person: string | null } {
  const heading: string[] = [];
  for (let r = grid.firstRow; r < headerRow && heading.length < 3; r++) {
    const text = cellText(grid.value(r, grid.firstCol)) || cellText(grid.shownValue(r, grid.firstCol));
    if (text && !DATE_LINE.test(text) && !PLACE_LINE.test(text)) heading.push(text);
  }
  const year = /\b(20\d\d)\b/.exec(heading.join(' '))?.[1] ?? null;
  let person: string | null = null;
  for (let r = headerRow; r <= grid.lastRow && person === null; r++) {
    if (!/тайлагнасан/.test(normalize(cellText(grid.value(r, grid.firstCol))))) continue;
    for (let k = r + 1; k <= Math.min(grid.lastRow, r + 6) && person === null; k++) {
      const m = /\/([^/]{3,40})\/|([А-ЯӨҮЁ]\.\s?[А-ЯӨҮЁа-яөүё]{3,})/.exec(cellText(grid.value(k, grid.firstCol)));
      if (m) person = (m[1] ?? m[2]).trim();
    }
  }
  return { heading, year, person };
}

/** The form, written top to bottom. */
class FormBuilder {
  readonly writes: CellWrite[] = [];
  readonly merges: Area[] = [];
  readonly borders: Area[] = [];
  readonly inputs: InputRule[] = [];
  /** Page breaks put in while building: a long section's header repeated at the top of its next page. */
  readonly breaks: number[] = [];
  row = 0;
  private readonly byRow = new Map<number, CellWrite[]>();
  private readonly pageHeight = pageHeightPoints(A4_PORTRAIT, WIDTHS);
  /** The printed page so far: the points used on it by the rows before `counted`. */
  private used = 0;
  private counted = 0;

  constructor(private readonly form: EvaluationFormWords) {}

  put(row: number, col: number, value: CellValue, extra: Partial<CellWrite> = {}): void {
    const write: CellWrite = { row, col, value, ...extra };
    this.writes.push(write);
    this.byRow.set(row, [...(this.byRow.get(row) ?? []), write]);
  }

  /** A written row's height in points: its text wrapped (every row but the annex line wraps; merged lines across their columns). */
  private height(row: number): number {
    return fitRowHeights(this.byRow.get(row) ?? [], WIDTHS, () => row > 0, this.merges)[0]?.points ?? LINE_POINTS;
  }

  /**
   * Before a row of `points` inside a section's table: when it would run over
   * the printed page's end, the next page starts here with the section's
   * header repeated (print titles cannot: each section has its own header).
   */
  keepHeader(cells: readonly string[], points: number): void {
    this.advance();
    if (this.used + points <= this.pageHeight) return;
    this.breaks.push(this.row);
    this.header(cells);
  }

  /** Counts the rows written so far onto the printed pages (a row that does not fit starts a page; so does a break). */
  private advance(): void {
    for (; this.counted < this.row; this.counted++) {
      const h = this.height(this.counted);
      if (this.breaks.includes(this.counted) || this.used + h > this.pageHeight) this.used = 0;
      this.used += h;
    }
  }

  /**
   * A section built by `build`, kept on one page: when it runs over the
   * page's end and fits on a page of its own, it is taken back and built
   * again from the top of the next page. Returns what the build returned.
   */
  keepTogether<T>(build: () => T): T {
    this.advance();
    const mark = { row: this.row, used: this.used, writes: this.writes.length, merges: this.merges.length, borders: this.borders.length, inputs: this.inputs.length, breaks: this.breaks.length };
    const result = build();
    let size = 0;
    for (let r = mark.row; r < this.row; r++) size += this.height(r);
    if (mark.used === 0 || mark.used + size <= this.pageHeight || size > this.pageHeight) return result;
    for (const w of this.writes.splice(mark.writes)) this.byRow.delete(w.row);
    this.merges.splice(mark.merges);
    this.borders.splice(mark.borders);
    this.inputs.splice(mark.inputs);
    this.breaks.splice(mark.breaks);
    this.row = mark.row;
    this.counted = mark.row;
    this.used = mark.used;
    this.breaks.push(mark.row);
    return build();
  }

  /** A line of text across the form. */
  line(text: string, bold = false): number {
    const r = this.row++;
    this.put(r, 0, text, bold ? { bold } : {});
    this.merges.push({ top: r, left: 0, bottom: r, right: COLS - 1 });
    return r;
  }

  header(cells: readonly string[]): number {
    const r = this.row++;
    cells.forEach((h, c) => this.put(r, c, h, { bold: true }));
    return r;
  }

  /** Borders around a section's table (its header to its stated row). */
  frame(top: number, right: number): void {
    this.borders.push({ top, left: 0, bottom: this.row - 1, right });
  }

  input(area: Area, max: number, message: string): void {
    this.inputs.push({ area, min: 0, max, title: this.form.inputTitle, message });
  }
}

/**
 * The link to a report cell, blank unless it holds a number from 0 to 100 %
 * (a reference to an empty cell would read as 0; a date or 120 % is no
 * rating the engine counts). Ratings are tested before they are compared, so
 * an error in the report stays out of the form.
 */
function percentLink(table: TableEval, row: number, col: number): string {
  const ref = `${sheetRef(table.info.sheet)}!${cellAddress(row, col)}`;
  const value = table.percentFormatted ? `ROUND(${ref}*100,1)` : ref;
  const most = table.percentFormatted ? 1 : 100;
  return `=IF(ISNUMBER(${ref}),IF(${ref}<0,"",IF(${ref}>${most},"",${value})),"")`;
}

/** Section 1 or 2 from a report table: its actions under their goals, percents linked, points as formulas. */
function actionSection(b: FormBuilder, table: TableEval, weight: number, header: readonly string[]): number[] {
  const lineWidth = WIDTHS.reduce((sum, w) => sum + w, 0);
  const pc = table.roleCol.percent!;
  const ac = table.roleCol.action;
  const rows: number[] = [];
  const groupAt = new Map(table.info.groups.map((g) => [g.id, g]));
  let current: string | undefined;
  for (const item of table.items) {
    const action = ac === undefined ? '' : cellText(table.grid.shownValue(item.row, ac));
    const itemPoints = LINE_POINTS * textLines(action, WIDTHS[1]);
    let headings: string[] = [];
    if (item.groupId !== current) {
      // Each goal the item sits in, outermost first, when entering it.
      const chain: string[] = [];
      for (let g = item.groupId ? groupAt.get(item.groupId) : undefined; g; g = g.parentId ? groupAt.get(g.parentId) : undefined) chain.unshift(g.id);
      const before = current ? new Set(chainOf(groupAt, current)) : new Set<string>();
      headings = chain.filter((id) => !before.has(id)).map((id) => groupAt.get(id)!.label);
      current = item.groupId;
    }
    // A goal's heading goes to the next page with its first action, never alone at the foot of a page.
    b.keepHeader(header, headings.reduce((sum, label) => sum + LINE_POINTS * textLines(label, lineWidth), itemPoints));
    for (const label of headings) b.line(label);
    const r = b.row++;
    const percent = item.rating ?? item.computed;
    b.put(r, 0, item.number ?? String(rows.length + 1));
    b.put(r, 1, action);
    // The cached values are what the formulas give (a percent-formatted report's fraction is rounded ×100).
    const shown = percent === null ? null : table.percentFormatted ? round(percent, 1) : percent;
    b.put(r, 2, shown ?? '', { formula: percentLink(table, item.row, pc), numberFormat: '0.0' });
    b.put(r, 3, shown === null ? '' : round(shown * weight, 1), { formula: `=IF(C${r + 1}="","",ROUND(C${r + 1}*${weight},1))`, numberFormat: '0.0' });
    rows.push(r);
  }
  return rows;
}

function chainOf(groupAt: Map<string, { id: string; parentId?: string }>, id: string): string[] {
  const out: string[] = [];
  for (let g = groupAt.get(id); g; g = g.parentId ? groupAt.get(g.parentId) : undefined) out.push(g.id);
  return out;
}

/** The mean of a column over the given rows, blank until one of them has a number. */
function meanFormula(col: number, rows: number[]): string {
  const range = rows.length === 0 ? '' : `${cellAddress(Math.min(...rows), col)}:${cellAddress(Math.max(...rows), col)}`;
  return `=IF(COUNT(${range})=0,"",ROUND(AVERAGE(${range}),1))`;
}

/** The mean of the ratings kept in a rating section's rows (blank when none). */
function keptMean(b: FormBuilder, rows: number[]): number | '' {
  return meanValue(rows.map((r) => b.writes.find((w) => w.row === r && w.col === 2)?.value).map((v) => (typeof v === 'number' ? v : null)));
}

function meanValue(values: (number | null)[]): number | '' {
  const xs = values.filter((v): v is number => v !== null);
  return xs.length === 0 ? '' : round(xs.reduce((s, v) => s + v, 0) / xs.length, 1);
}

/** The stated row under a section: the label across, the figure in `col`. */
function statedRow(b: FormBuilder, label: string, col: number, rows: number[], value: number | ''): number {
  const r = b.row++;
  b.put(r, 0, label, { bold: true });
  b.merges.push({ top: r, left: 0, bottom: r, right: col - 1 });
  b.put(r, col, value, { formula: meanFormula(col, rows), numberFormat: '0.0', bold: true });
  return r;
}

/** What a person typed into an evaluation sheet the command made before: kept when the sheet is written again. */
interface Typed {
  /** Ratings by section (3, 4) and competency name. */
  ratings: Map<string, number>;
  changes: number | null;
  /** Section 2 rows filled by hand when the report had no skills table: their text and percent. */
  skills: { text: string; percent: number | null }[];
}

const typedKey = (section: number, name: string) => `${section}\u0000${normalize(name)}`;

/** Rows to rate: the competencies with cells for the ratings (a rule from 0 to the maximum, and who fills them), keeping ratings typed before. */
function ratingSection(b: FormBuilder, section: 3 | 4, names: readonly string[], max: number, message: string, typed: Typed): number[] {
  const rows: number[] = [];
  names.forEach((name, i) => {
    const r = b.row++;
    b.put(r, 0, i + 1);
    b.put(r, 1, name);
    const kept = typed.ratings.get(typedKey(section, name));
    if (kept !== undefined) b.put(r, 2, kept);
    rows.push(r);
  });
  b.input({ top: rows[0], left: 2, bottom: rows[rows.length - 1], right: 2 }, max, message);
  return rows;
}

function buildForm(
  form: EvaluationFormWords,
  report: TableEval,
  skills: TableEval | undefined,
  weights: { performance: number; skills: number; supervisorMax: number; colleaguesMax: number },
  typed: Typed,
): SheetPlan & { name: string } {
  const b = new FormBuilder(form);
  const facts = reportFacts(report.grid, report.info.headerRows[0]);
  b.row = 0;
  b.put(0, COLS - 1, form.annexLine);
  b.row = 1;
  b.line(form.title, true);
  for (const h of facts.heading) b.line(h);
  if (facts.person) b.line(fillTemplate(form.personLine, { person: facts.person }));
  if (facts.year) b.line(fillTemplate(form.yearLine, { year: facts.year }));
  b.row++;

  // Section 1: the report's actions.
  const [s1, s2, s3, s4] = form.sections;
  b.line(s1.title, true);
  const top = b.header(s1.header);
  const rows1 = actionSection(b, report, weights.performance, s1.header);
  const points1 = rows1.map((r) => b.writes.find((w) => w.row === r && w.col === 3)!.value as number | '').map((v) => (v === '' ? null : v));
  const stated1 = statedRow(b, s1.stated, 3, rows1, meanValue(points1));
  b.frame(top, 3);
  b.row++;

  // Section 2: the skills table, or rows to fill.
  const stated2 = b.keepTogether(() => {
  b.line(s2.title, true);
  const top = b.header(s2.header);
  let rows2: number[];
  if (skills) rows2 = actionSection(b, skills, weights.skills, s2.header);
  else {
    const kept = typed.skills.length > 0 ? typed.skills : [{ text: '', percent: null }, { text: '', percent: null }];
    rows2 = kept.map(() => b.row++);
    rows2.forEach((r, i) => {
      b.put(r, 0, i + 1);
      if (kept[i].text) b.put(r, 1, kept[i].text);
      const p = kept[i].percent;
      if (p !== null) b.put(r, 2, p);
      b.put(r, 3, p === null ? '' : round(p * weights.skills, 1), { formula: `=IF(C${r + 1}="","",ROUND(C${r + 1}*${weights.skills},1))`, numberFormat: '0.0' });
    });
    b.input({ top: rows2[0], left: 2, bottom: rows2[rows2.length - 1], right: 2 }, 100, form.inputSkills);
  }
  const points2 = rows2.map((r) => b.writes.find((w) => w.row === r && w.col === 3)?.value ?? '').map((v) => (typeof v === 'number' ? v : null));
  const stated = statedRow(b, s2.stated, 3, rows2, meanValue(points2));
  b.frame(top, 3);
  b.row++;
  return stated;
  });

  // Sections 3 and 4: competencies to rate.
  const rated = (part: typeof s3, section: 3 | 4, competencies: readonly string[], max: number, input: string) =>
    b.keepTogether(() => {
      b.line(part.title, true);
      const first = b.header(part.header);
      const rows = ratingSection(b, section, competencies, max, input, typed);
      const stated = statedRow(b, part.stated, 2, rows, keptMean(b, rows));
      b.frame(first, 2);
      b.row++;
      return stated;
    });
  const stated3 = rated(s3, 3, form.competencies3, weights.supervisorMax, form.inputSupervisor);
  const stated4 = rated(s4, 4, form.competencies4, weights.colleaguesMax, form.inputColleagues);

  // Section 5: each section's figure carried by formula, the changes, the total.
  b.keepTogether(() => summarySection(b, form, [stated1, stated2, stated3, stated4], typed.changes));
  for (const s of form.signature) b.line(s);
  return formPlan(b, form);
}

/** Section 5: each section's stated figure carried by formula, the changes (as typed before, if any), the total. */
function summarySection(b: FormBuilder, form: EvaluationFormWords, stated: readonly number[], typedChanges: number | null): void {
  const s5 = form.sections[4];
  b.line(s5.title, true);
  const top = b.header(s5.header);
  // Sections 1 and 2 state their figure in the points column (D), 3 and 4 in the rating column (C).
  const carried = stated.map((row, i) => ({ stated: row, col: i < 2 ? 3 : 2 }));
  const lines: number[] = [];
  carried.forEach((c, i) => {
    const r = b.row++;
    const source = b.writes.find((w) => w.row === c.stated && w.col === c.col)!;
    b.put(r, 0, i + 1);
    b.put(r, 1, form.summaryLines[i]);
    b.put(r, 2, source.value, { formula: `=${cellAddress(c.stated, c.col)}`, numberFormat: '0.0' });
    lines.push(r);
  });
  const changes = b.row++;
  b.put(changes, 0, 5);
  b.put(changes, 1, form.summaryLines[4]);
  if (typedChanges !== null) b.put(changes, 2, typedChanges);
  b.input({ top: changes, left: 2, bottom: changes, right: 2 }, 100, form.inputChanges);
  const total = b.row++;
  b.put(total, 0, form.totalLabel, { bold: true });
  b.merges.push({ top: total, left: 0, bottom: total, right: 1 });
  const parts = lines.map((r) => b.writes.find((w) => w.row === r && w.col === 2)!.value);
  const complete = parts.every((v) => typeof v === 'number');
  const sum = lines.map((r) => `C${r + 1}`).join(',');
  b.put(total, 2, complete ? round((parts as number[]).reduce((s, v) => s + v, 0) - Math.abs(typedChanges ?? 0), 1) : '', {
    formula: `=IF(COUNT(${sum})<${lines.length},"",ROUND(SUM(${sum})-ABS(C${changes + 1}),1))`,
    numberFormat: '0.0',
    bold: true,
  });
  b.frame(top, 2);
  b.row++;
}

/** The built form as a sheet plan: tables and long merged lines wrap, rows as tall as their text (Excel does not fit them when it opens a file), how it prints. */
function formPlan(b: FormBuilder, form: EvaluationFormWords): SheetPlan & { name: string } {
  const wrap = [...b.borders, ...b.merges.filter((m) => m.top > 0)];
  const heights = rowHeights(b.writes, b.merges, wrap);
  const print = printSetup(b.breaks, form.pageNumbers);
  return { name: form.sheetName, replaces: false, frozenRows: 0, writes: b.writes, columnWidths: WIDTHS, merges: b.merges, borders: b.borders, wrap, inputs: b.inputs, print, rowHeights: heights };
}

/** Rows as high as their wrapped text (merged lines' widths added up). */
function rowHeights(writes: CellWrite[], merges: Area[], wrap: Area[]): { row: number; points: number }[] {
  const inside = (a: Area, r: number, c: number) => r >= a.top && r <= a.bottom && c >= a.left && c <= a.right;
  return fitRowHeights(writes, WIDTHS, (r, c) => wrap.some((a) => inside(a, r, c)), merges);
}

/**
 * A4 portrait, one page wide, the sheet's name and page numbers in the
 * footer, the breaks the form was built with: a section that would run over
 * a page's end starts the next one when it fits on one (keepTogether), a
 * longer one breaks where its header is repeated (keepHeader).
 */
function printSetup(breaks: readonly number[], pageNumbers: string): PrintSetup {
  const setup: PrintSetup = { ...A4_PORTRAIT, footer: { left: '&A', right: pageNumbers } };
  return breaks.length > 0 ? { ...setup, rowBreaks: [...breaks].sort((a, b) => a - b) } : setup;
}

/** Every item's percent cell of the tables analysed, as "Sheet!row:col". */
function itemPercentCells(analysis: WorkbookAnalysis): Set<string> {
  const cells = new Set<string>();
  for (const sheet of analysis.sheets) {
    for (const table of sheet.tables) {
      const percent = table.columns.find((column) => column.role === 'percent');
      if (!percent) continue;
      for (const row of table.rows) if (row.kind === 'item') cells.add(`${sheet.sheet}!${row.row}:${percent.col}`);
    }
  }
  return cells;
}

/**
 * The evaluation command's plan. In: the workbook's sheets (the report, and
 * an evaluation sheet it made before, if any) and the options (profile,
 * words, the form's words). Out: the percents Compute fills in the report and
 * the annex 8 sheet, replacing the one it made before or under a free name.
 */
export function planEvaluationSheet(sheets: Sheet[], options: EvaluationSheetOptions): EvaluationSheetOutcome {
  const own = sheets.find((s) => isOwnEvaluationSheet(s, options.form));
  const inputs = sheets.filter((s) => s !== own);
  const computed = planCompute(inputs, options);
  // Only the items' percents (filled, or a rating rewritten as a number): the evaluation sheet links to them.
  const ratings = itemPercentCells(computed.analysis);
  const percents: SheetEdits[] = computed.plan.sheets
    .map((e) => ({ ...e, writes: e.writes.filter((w) => ratings.has(`${e.sheet}!${w.row}:${w.col}`)) }))
    .filter((e) => e.writes.length > 0);
  const after = inputs.map((s) => {
    const e = percents.find((x) => x.sheet === s.name);
    return e ? applySheetEdits(s, e) : s;
  });
  const { tables, evaluations } = evaluatedTables(after, options);
  const inEvaluation = new Set(evaluations.flatMap((e) => [...e.parts.map((p) => p.table), ...(e.summary ? [e.summary.table] : [])]));
  const reports = tables.filter((t) => t.info.kind === 'report' && t.roleCol.percent !== undefined && !inEvaluation.has(t));
  const report = reports.find((t) => !isSkills(t));
  const skills = reports.find((t) => t !== report && isSkills(t));
  if (!report) return { plan: null, reportTable: null, skillsTable: null };

  const weights = (options.profile ?? getProfile(options.profileId)).annex8;
  const sheet = buildForm(options.form, report, skills, weights, own ? typedIn(own, options) : { ratings: new Map(), changes: null, skills: [] });
  if (own) {
    sheet.name = own.name;
    sheet.replaces = true;
  } else {
    const taken = new Set([...sheets.map((s) => s.name.toLowerCase()), ...(options.takenNames ?? []).map((n) => n.toLowerCase())]);
    for (let k = 2; taken.has(sheet.name.toLowerCase()); k++) sheet.name = `${options.form.sheetName} (${k})`;
  }
  // Excel refuses a new sheet in a workbook whose structure is protected, and any write on a protected sheet.
  const refused = own ? (options.protectedSheets?.includes(own.name) ? 'sheet-protected' : null) : options.workbookProtected ? 'workbook-protected' : null;
  const skipped = computed.plan.skipped.filter((s) => s.reason !== 'no-free-row');
  if (refused) skipped.push({ sheet: sheet.name, row: 0, col: 0, tableId: '', reason: refused });
  const added = refused ? [] : [sheet];
  // Each link and figure gives, recalculated, what the sheet shows; where none can (a rating the report holds as text on a protected sheet, a formula with no value yet), the figure is written as a value.
  skipped.push(...keepAgreeingFormulas(sheets, { sheets: percents, summary: null, addedSheets: added }));
  const writtenCells = [
    ...percents.flatMap((e) => e.writes.map((w) => `${e.sheet}!${cellAddress(w.row, w.col)}`)),
    ...added.flatMap((a) => a.writes.map((w) => `${a.name}!${cellAddress(w.row, w.col)}`)),
  ];
  return {
    plan: { sheets: percents, summary: null, addedSheets: added, skipped, writtenCells },
    reportTable: report.info.id,
    skillsTable: skills?.info.id ?? null,
  };
}

/** What a person typed into the evaluation sheet made before (its ratings, the changes, skills rows): read back as an evaluation. */
function typedIn(sheet: Sheet, options: EvaluationSheetOptions): Typed {
  const typed: Typed = { ratings: new Map(), changes: null, skills: [] };
  const { evaluations } = evaluatedTables([sheet], options);
  const e = evaluations[0];
  if (!e) return typed;
  for (const part of e.parts) {
    const action = part.table.roleCol.action;
    part.rows.forEach((row, i) => {
      const name = action === undefined ? '' : cellText(part.table.grid.value(row.row, action));
      if ((part.section === 3 || part.section === 4) && row.written !== null) typed.ratings.set(typedKey(part.section, name), row.written);
      // Section 2 typed by hand (no link to a report): keep its text and percent.
      const pc = part.table.roleCol.percent;
      if (part.section === 2 && pc !== undefined && !part.table.grid.formula(row.row, pc)?.includes('!')) {
        const item = part.table.items[i];
        if (name || item.rating !== null) typed.skills.push({ text: name, percent: item.rating });
      }
    });
  }
  typed.changes = e.summary?.changes?.value ?? null;
  return typed;
}
