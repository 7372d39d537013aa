// The evaluation command: from a civil servant's annex 6 report, the annex 8
// evaluation sheet laid out as the form. Section 1 lists every action of the
// report's performance table under its goals, its percent linked by formula
// to the report's cell and its points as a formula; section 2 likewise from
// the skills table (or rows to fill); sections 3 and 4 the competencies, with
// cells for the supervisor's and the colleagues' ratings; section 5 carries
// each section's figure by formula, the changes, and the total. Missing
// percents are computed first (the report's only cells it changes).

import { applySheetEdits } from './apply';
import { columnPositions, layoutWidths } from './layout';
import { evaluatedTables, planCompute, type ComputeOptions } from './analyze';
import type { TableEval } from './evaluate';
import { keepAgreeingFormulas } from './formula-check';
import type { Area, Sheet } from './sheet';
import { cellAddress, columnLetter, sheetRef } from './sheet';
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

/**
 * The form's columns, declared once: each line's number; its text (an
 * action, a competency, a section of the summary); its figure (a percent, a
 * rating, a section's figure); its points. The headers are each section's
 * own (EvaluationFormWords.sections), written where the section starts.
 */
export const EVALUATION_COLUMNS = [
  { key: 'number', width: 6 },
  { key: 'text', width: 58 },
  { key: 'figure', width: 16 },
  { key: 'points', width: 16 },
] as const;
const COLUMN = columnPositions(EVALUATION_COLUMNS);
const LAST_COLUMN = EVALUATION_COLUMNS.length - 1;
const WIDTHS = layoutWidths(EVALUATION_COLUMNS);
/** The figure column's letter, for the formulas over it ("C7"). */
const FIGURE = columnLetter(COLUMN.figure);
/** Percents, ratings and points: one decimal. */
const FIGURE_FORMAT = '0.0';

const isSkills = (table: TableEval) => isSkillsTitle(table.info.title);

/** A sheet the evaluation command wrote: the annex line in the first row, the form's title below, formulas that reach another sheet. */
export function isOwnEvaluationSheet(sheet: Sheet, form: EvaluationFormWords): boolean {
  const at = (row: number, col: number) => cellText(sheet.values[row - sheet.startRow]?.[col - sheet.startCol] ?? null);
  const annex = EVALUATION_COLUMNS.some((_, col) => at(0, col) === form.annexLine);
  const linked = (sheet.formulas ?? []).some((row) => row?.some((formula) => typeof formula === 'string' && formula.includes('!')));
  return annex && at(1, 0) === form.title && linked;
}

/** What the report says of who and when: the title lines, the year, the person who reported. */
function reportFacts(grid: TableEval['grid'], headerRow: number): { heading: string[]; year: string | null; person: string | null } {
  const heading: string[] = [];
  for (let row = grid.firstRow; row < headerRow && heading.length < 3; row++) {
    const text = cellText(grid.value(row, grid.firstCol)) || cellText(grid.shownValue(row, grid.firstCol));
    if (text && !DATE_LINE.test(text) && !PLACE_LINE.test(text)) heading.push(text);
  }
  const year = /\b(20\d\d)\b/.exec(heading.join(' '))?.[1] ?? null;
  let person: string | null = null;
  for (let row = headerRow; row <= grid.lastRow && person === null; row++) {
    if (!/тайлагнасан/.test(normalize(cellText(grid.value(row, grid.firstCol))))) continue;
    for (let k = row + 1; k <= Math.min(grid.lastRow, row + 6) && person === null; k++) {
      const signed = /\/([^/]{3,40})\/|([А-ЯӨҮЁ]\.\s?[А-ЯӨҮЁа-яөүё]{3,})/.exec(cellText(grid.value(k, grid.firstCol)));
      if (signed) person = (signed[1] ?? signed[2]).trim();
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
      const height = this.height(this.counted);
      if (this.breaks.includes(this.counted) || this.used + height > this.pageHeight) this.used = 0;
      this.used += height;
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
    for (let row = mark.row; row < this.row; row++) size += this.height(row);
    if (mark.used === 0 || mark.used + size <= this.pageHeight || size > this.pageHeight) return result;
    for (const write of this.writes.splice(mark.writes)) this.byRow.delete(write.row);
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
    const row = this.row++;
    this.put(row, COLUMN.number, text, bold ? { bold } : {});
    this.merges.push({ top: row, left: 0, bottom: row, right: LAST_COLUMN });
    return row;
  }

  /** A section's header row: its own words, left to right. */
  header(cells: readonly string[]): number {
    const row = this.row++;
    cells.forEach((header, col) => this.put(row, col, header, { bold: true }));
    return row;
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
function actionSection(builder: FormBuilder, table: TableEval, weight: number, header: readonly string[]): number[] {
  const lineWidth = WIDTHS.reduce((sum, width) => sum + width, 0);
  const percentColumn = table.roleCol.percent!;
  const actionColumn = table.roleCol.action;
  const rows: number[] = [];
  const groupAt = new Map(table.info.groups.map((group) => [group.id, group]));
  let current: string | undefined;
  for (const item of table.items) {
    const action = actionColumn === undefined ? '' : cellText(table.grid.shownValue(item.row, actionColumn));
    const itemPoints = LINE_POINTS * textLines(action, WIDTHS[COLUMN.text]);
    let headings: string[] = [];
    if (item.groupId !== current) {
      // Each goal the item sits in, outermost first, when entering it.
      const chain: string[] = [];
      for (let group = item.groupId ? groupAt.get(item.groupId) : undefined; group; group = group.parentId ? groupAt.get(group.parentId) : undefined) chain.unshift(group.id);
      const before = current ? new Set(chainOf(groupAt, current)) : new Set<string>();
      headings = chain.filter((id) => !before.has(id)).map((id) => groupAt.get(id)!.label);
      current = item.groupId;
    }
    // A goal's heading goes to the next page with its first action, never alone at the foot of a page.
    builder.keepHeader(header, headings.reduce((sum, label) => sum + LINE_POINTS * textLines(label, lineWidth), itemPoints));
    for (const label of headings) builder.line(label);
    const row = builder.row++;
    const percent = item.rating ?? item.computed;
    builder.put(row, COLUMN.number, item.number ?? String(rows.length + 1));
    builder.put(row, COLUMN.text, action);
    // The cached values are what the formulas give (a percent-formatted report's fraction is rounded ×100).
    const shown = percent === null ? null : table.percentFormatted ? round(percent, 1) : percent;
    builder.put(row, COLUMN.figure, shown ?? '', { formula: percentLink(table, item.row, percentColumn), numberFormat: FIGURE_FORMAT });
    builder.put(row, COLUMN.points, shown === null ? '' : round(shown * weight, 1), { formula: pointsFormula(row, weight), numberFormat: FIGURE_FORMAT });
    rows.push(row);
  }
  return rows;
}

/** A line's points: its figure × the section's weight, blank while the figure is. */
const pointsFormula = (row: number, weight: number) => `=IF(${FIGURE}${row + 1}="","",ROUND(${FIGURE}${row + 1}*${weight},1))`;

function chainOf(groupAt: Map<string, { id: string; parentId?: string }>, id: string): string[] {
  const chain: string[] = [];
  for (let group = groupAt.get(id); group; group = group.parentId ? groupAt.get(group.parentId) : undefined) chain.push(group.id);
  return chain;
}

/** The mean of a column over the given rows, blank until one of them has a number. */
function meanFormula(col: number, rows: number[]): string {
  const range = rows.length === 0 ? '' : `${cellAddress(Math.min(...rows), col)}:${cellAddress(Math.max(...rows), col)}`;
  return `=IF(COUNT(${range})=0,"",ROUND(AVERAGE(${range}),1))`;
}

/** The mean of the ratings kept in a rating section's rows (blank when none). */
function keptMean(builder: FormBuilder, rows: number[]): number | '' {
  return meanValue(rows.map((row) => writtenAt(builder, row, COLUMN.figure)).map((value) => (typeof value === 'number' ? value : null)));
}

/** The value written at a row and column of the form (undefined when none). */
const writtenAt = (builder: FormBuilder, row: number, col: number) => builder.writes.find((write) => write.row === row && write.col === col)?.value;

function meanValue(values: (number | null)[]): number | '' {
  const numbers = values.filter((value): value is number => value !== null);
  return numbers.length === 0 ? '' : round(numbers.reduce((sum, value) => sum + value, 0) / numbers.length, 1);
}

/** The stated row under a section: the label across, the figure in `col`. */
function statedRow(builder: FormBuilder, label: string, col: number, rows: number[], value: number | ''): number {
  const row = builder.row++;
  builder.put(row, COLUMN.number, label, { bold: true });
  builder.merges.push({ top: row, left: 0, bottom: row, right: col - 1 });
  builder.put(row, col, value, { formula: meanFormula(col, rows), numberFormat: FIGURE_FORMAT, bold: true });
  return row;
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
function ratingSection(builder: FormBuilder, section: 3 | 4, names: readonly string[], max: number, message: string, typed: Typed): number[] {
  const rows: number[] = [];
  names.forEach((name, index) => {
    const row = builder.row++;
    builder.put(row, COLUMN.number, index + 1);
    builder.put(row, COLUMN.text, name);
    const kept = typed.ratings.get(typedKey(section, name));
    if (kept !== undefined) builder.put(row, COLUMN.figure, kept);
    rows.push(row);
  });
  builder.input({ top: rows[0], left: COLUMN.figure, bottom: rows[rows.length - 1], right: COLUMN.figure }, max, message);
  return rows;
}

function buildForm(
  form: EvaluationFormWords,
  report: TableEval,
  skills: TableEval | undefined,
  weights: { performance: number; skills: number; supervisorMax: number; colleaguesMax: number },
  typed: Typed,
): SheetPlan & { name: string } {
  const builder = new FormBuilder(form);
  const facts = reportFacts(report.grid, report.info.headerRows[0]);
  builder.row = 0;
  builder.put(0, LAST_COLUMN, form.annexLine);
  builder.row = 1;
  builder.line(form.title, true);
  for (const heading of facts.heading) builder.line(heading);
  if (facts.person) builder.line(fillTemplate(form.personLine, { person: facts.person }));
  if (facts.year) builder.line(fillTemplate(form.yearLine, { year: facts.year }));
  builder.row++;

  // Section 1: the report's actions.
  const [section1, , section3, section4] = form.sections;
  builder.line(section1.title, true);
  const top = builder.header(section1.header);
  const rows1 = actionSection(builder, report, weights.performance, section1.header);
  const points1 = rows1.map((row) => writtenAt(builder, row, COLUMN.points) as number | '').map((value) => (value === '' ? null : value));
  const stated1 = statedRow(builder, section1.stated, COLUMN.points, rows1, meanValue(points1));
  builder.frame(top, LAST_COLUMN);
  builder.row++;

  // Section 2: the skills table, or rows to fill.
  const stated2 = builder.keepTogether(() => skillsSection(builder, form, skills, weights.skills, typed));

  // Sections 3 and 4: competencies to rate.
  const rated = (part: typeof section3, section: 3 | 4, competencies: readonly string[], max: number, input: string) =>
    builder.keepTogether(() => {
      builder.line(part.title, true);
      const first = builder.header(part.header);
      const rows = ratingSection(builder, section, competencies, max, input, typed);
      const stated = statedRow(builder, part.stated, COLUMN.figure, rows, keptMean(builder, rows));
      builder.frame(first, COLUMN.figure);
      builder.row++;
      return stated;
    });
  const stated3 = rated(section3, 3, form.competencies3, weights.supervisorMax, form.inputSupervisor);
  const stated4 = rated(section4, 4, form.competencies4, weights.colleaguesMax, form.inputColleagues);

  // Section 5: each section's figure carried by formula, the changes, the total.
  builder.keepTogether(() => summarySection(builder, form, [stated1, stated2, stated3, stated4], typed.changes));
  for (const line of form.signature) builder.line(line);
  return formPlan(builder, form);
}

/** Section 2: the skills table's actions, or rows to fill by hand (those typed before kept); returns its stated row. */
function skillsSection(builder: FormBuilder, form: EvaluationFormWords, skills: TableEval | undefined, weight: number, typed: Typed): number {
  const section2 = form.sections[1];
  builder.line(section2.title, true);
  const top = builder.header(section2.header);
  let rows2: number[];
  if (skills) rows2 = actionSection(builder, skills, weight, section2.header);
  else {
    const kept = typed.skills.length > 0 ? typed.skills : [{ text: '', percent: null }, { text: '', percent: null }];
    rows2 = kept.map(() => builder.row++);
    rows2.forEach((row, index) => {
      builder.put(row, COLUMN.number, index + 1);
      if (kept[index].text) builder.put(row, COLUMN.text, kept[index].text);
      const percent = kept[index].percent;
      if (percent !== null) builder.put(row, COLUMN.figure, percent);
      builder.put(row, COLUMN.points, percent === null ? '' : round(percent * weight, 1), { formula: pointsFormula(row, weight), numberFormat: FIGURE_FORMAT });
    });
    builder.input({ top: rows2[0], left: COLUMN.figure, bottom: rows2[rows2.length - 1], right: COLUMN.figure }, 100, form.inputSkills);
  }
  const points2 = rows2.map((row) => writtenAt(builder, row, COLUMN.points) ?? '').map((value) => (typeof value === 'number' ? value : null));
  const stated = statedRow(builder, section2.stated, COLUMN.points, rows2, meanValue(points2));
  builder.frame(top, LAST_COLUMN);
  builder.row++;
  return stated;
}

/** Section 5: each section's stated figure carried by formula, the changes (as typed before, if any), the total. */
function summarySection(builder: FormBuilder, form: EvaluationFormWords, stated: readonly number[], typedChanges: number | null): void {
  const section5 = form.sections[4];
  builder.line(section5.title, true);
  const top = builder.header(section5.header);
  // Sections 1 and 2 state their figure in the points column, 3 and 4 in the figure (rating) column.
  const carried = stated.map((row, index) => ({ stated: row, col: index < 2 ? COLUMN.points : COLUMN.figure }));
  const lines: number[] = [];
  carried.forEach((source, index) => {
    const row = builder.row++;
    builder.put(row, COLUMN.number, index + 1);
    builder.put(row, COLUMN.text, form.summaryLines[index]);
    builder.put(row, COLUMN.figure, writtenAt(builder, source.stated, source.col)!, { formula: `=${cellAddress(source.stated, source.col)}`, numberFormat: FIGURE_FORMAT });
    lines.push(row);
  });
  const changes = builder.row++;
  builder.put(changes, COLUMN.number, 5);
  builder.put(changes, COLUMN.text, form.summaryLines[4]);
  if (typedChanges !== null) builder.put(changes, COLUMN.figure, typedChanges);
  builder.input({ top: changes, left: COLUMN.figure, bottom: changes, right: COLUMN.figure }, 100, form.inputChanges);
  const total = builder.row++;
  builder.put(total, COLUMN.number, form.totalLabel, { bold: true });
  builder.merges.push({ top: total, left: 0, bottom: total, right: COLUMN.text });
  const parts = lines.map((row) => writtenAt(builder, row, COLUMN.figure)!);
  const complete = parts.every((value) => typeof value === 'number');
  const sum = lines.map((row) => `${FIGURE}${row + 1}`).join(',');
  builder.put(total, COLUMN.figure, complete ? round((parts as number[]).reduce((partial, value) => partial + value, 0) - Math.abs(typedChanges ?? 0), 1) : '', {
    formula: `=IF(COUNT(${sum})<${lines.length},"",ROUND(SUM(${sum})-ABS(${FIGURE}${changes + 1}),1))`,
    numberFormat: FIGURE_FORMAT,
    bold: true,
  });
  builder.frame(top, COLUMN.figure);
  builder.row++;
}

/** The built form as a sheet plan: tables and long merged lines wrap, rows as tall as their text (Excel does not fit them when it opens a file), how it prints. */
function formPlan(builder: FormBuilder, form: EvaluationFormWords): SheetPlan & { name: string } {
  const wrap = [...builder.borders, ...builder.merges.filter((merge) => merge.top > 0)];
  const heights = rowHeights(builder.writes, builder.merges, wrap);
  const print = printSetup(builder.breaks, form.pageNumbers);
  return { name: form.sheetName, replaces: false, frozenRows: 0, writes: builder.writes, columnWidths: [...WIDTHS], merges: builder.merges, borders: builder.borders, wrap, inputs: builder.inputs, print, rowHeights: heights };
}

/** Rows as high as their wrapped text (merged lines' widths added up). */
function rowHeights(writes: CellWrite[], merges: Area[], wrap: Area[]): { row: number; points: number }[] {
  const inside = (area: Area, row: number, col: number) => row >= area.top && row <= area.bottom && col >= area.left && col <= area.right;
  return fitRowHeights(writes, WIDTHS, (row, col) => wrap.some((area) => inside(area, row, col)), merges);
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
  const own = sheets.find((sheet) => isOwnEvaluationSheet(sheet, options.form));
  const inputs = sheets.filter((sheet) => sheet !== own);
  const computed = planCompute(inputs, options);
  // Only the items' percents (filled, or a rating rewritten as a number): the evaluation sheet links to them.
  const ratings = itemPercentCells(computed.analysis);
  const percents: SheetEdits[] = computed.plan.sheets
    .map((edits) => ({ ...edits, writes: edits.writes.filter((write) => ratings.has(`${edits.sheet}!${write.row}:${write.col}`)) }))
    .filter((edits) => edits.writes.length > 0);
  const after = inputs.map((sheet) => {
    const edits = percents.find((candidate) => candidate.sheet === sheet.name);
    return edits ? applySheetEdits(sheet, edits) : sheet;
  });
  const { tables, evaluations } = evaluatedTables(after, options);
  const inEvaluation = new Set(evaluations.flatMap((evaluation) => [...evaluation.parts.map((part) => part.table), ...(evaluation.summary ? [evaluation.summary.table] : [])]));
  const reports = tables.filter((table) => table.info.kind === 'report' && table.roleCol.percent !== undefined && !inEvaluation.has(table));
  const report = reports.find((table) => !isSkills(table));
  const skills = reports.find((table) => table !== report && isSkills(table));
  if (!report) return { plan: null, reportTable: null, skillsTable: null };

  const weights = (options.profile ?? getProfile(options.profileId)).annex8;
  const sheet = buildForm(options.form, report, skills, weights, own ? typedIn(own, options) : { ratings: new Map(), changes: null, skills: [] });
  if (own) {
    sheet.name = own.name;
    sheet.replaces = true;
  } else {
    const taken = new Set([...sheets.map((other) => other.name.toLowerCase()), ...(options.takenNames ?? []).map((name) => name.toLowerCase())]);
    for (let k = 2; taken.has(sheet.name.toLowerCase()); k++) sheet.name = `${options.form.sheetName} (${k})`;
  }
  // Excel refuses a new sheet in a workbook whose structure is protected, and any write on a protected sheet.
  const refused = own ? (options.protectedSheets?.includes(own.name) ? 'sheet-protected' : null) : options.workbookProtected ? 'workbook-protected' : null;
  const skipped = computed.plan.skipped.filter((skip) => skip.reason !== 'no-free-row');
  if (refused) skipped.push({ sheet: sheet.name, row: 0, col: 0, tableId: '', reason: refused });
  const added = refused ? [] : [sheet];
  // Each link and figure gives, recalculated, what the sheet shows; where none can (a rating the report holds as text on a protected sheet, a formula with no value yet), the figure is written as a value.
  skipped.push(...keepAgreeingFormulas(sheets, { sheets: percents, summary: null, addedSheets: added }));
  const writtenCells = [
    ...percents.flatMap((edits) => edits.writes.map((write) => `${edits.sheet}!${cellAddress(write.row, write.col)}`)),
    ...added.flatMap((plan) => plan.writes.map((write) => `${plan.name}!${cellAddress(write.row, write.col)}`)),
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
  const evaluation = evaluations[0];
  if (!evaluation) return typed;
  for (const part of evaluation.parts) {
    const action = part.table.roleCol.action;
    part.rows.forEach((row, index) => {
      const name = action === undefined ? '' : cellText(part.table.grid.value(row.row, action));
      if ((part.section === 3 || part.section === 4) && row.written !== null) typed.ratings.set(typedKey(part.section, name), row.written);
      // Section 2 typed by hand (no link to a report): keep its text and percent.
      const percentColumn = part.table.roleCol.percent;
      if (part.section === 2 && percentColumn !== undefined && !part.table.grid.formula(row.row, percentColumn)?.includes('!')) {
        const item = part.table.items[index];
        if (name || item.rating !== null) typed.skills.push({ text: name, percent: item.rating });
      }
    });
  }
  typed.changes = evaluation.summary?.changes?.value ?? null;
  return typed;
}
