// Plain data the engine returns: tables it recognised, findings, scores.
// Everything here is serialisable (the CLI prints it as JSON; the task pane
// receives it from the Excel adapter).

import type { FindingCode } from './findings/registry';
import type { Severity } from './findings/define';
import type { SheetLayout } from './layout';
import type { Lang, Localized } from './localized';
import type { PrintSetup } from './print';
import type { Area, CellValue } from './sheet';

export const ROLES = [
  'index',
  'goal',
  'action',
  'budget',
  'indicator',
  'baseline',
  'target',
  'achieved',
  'period',
  'percent',
  'points',
  'responsible',
] as const;

export type Role = (typeof ROLES)[number];

/** What a user may give a column in the mapping editor: a role, or "ignore". */
export type RoleChoice = Role | 'ignore';

export type { Lang, Localized } from './localized';
export type { Severity } from './findings/define';

export interface Finding {
  /** Stable public code (the registry in src/core/findings/registry.ts), e.g. "missing-percent". */
  code: FindingCode;
  severity: Severity;
  sheet: string;
  /** A1 address of the cell the finding is about. */
  cell: string;
  /** 0-based row and column of that cell. */
  row: number;
  col: number;
  /** Id of the table the finding belongs to, when it belongs to one. */
  tableId?: string;
  message: Localized;
  /** Figures behind the message, for machines (stated, computed, expected…). */
  data?: Record<string, string | number | boolean | null>;
  /** What would fix it, as an edit plan the hosts apply like Compute's (when the engine knows one). */
  fix?: Fix;
  /**
   * When fixes were not planned (AnalyzeOptions.planFixes false): the kind of
   * the fix the engine offers here, which `fix` would hold once planned.
   */
  fixKind?: Fix['kind'];
  /** With `fixKind`: the key of a fix several findings share (one renumbering per table), the same on each. */
  sharedFix?: string;
}

/**
 * A finding's fix: the cells to write, as Compute's plan gives them. `safe`
 * fixes need no judgement (the result is what the person evidently meant);
 * `review` fixes are a judgement the user confirms one by one.
 */
export interface Fix {
  kind: 'safe' | 'review';
  /** What it will do, short: "Move 100 to H24". */
  description: Localized;
  edits: SheetEdits[];
  /** "Sheet!A1" of every cell it writes. */
  cells: string[];
}

export interface ColumnInfo {
  col: number;
  /** Column letter, for people and JSON. */
  letter: string;
  role: Role;
  /** Header text the role came from (may be empty when the role came from the contents). */
  header: string;
  /** How the role was decided. */
  source: 'header' | 'content' | 'user';
  /** For a points column: the most points it can hold ("(15 хүртэл оноогоор)" → 15). */
  maxPoints?: number;
}

export type RowKind = 'item' | 'continuation' | 'group' | 'stated' | 'blank' | 'numbers' | 'note';

export interface RowInfo {
  row: number;
  kind: RowKind;
  /** For item rows: the number as written ("1.1", "12", "1."). */
  number?: string;
  /** For continuation rows: the item row they belong to. */
  itemRow?: number;
  /** Innermost group this row belongs to. */
  groupId?: string;
}

export interface GroupInfo {
  id: string;
  /** Row of the group heading (or the first row of a merged goal cell). */
  row: number;
  col: number;
  label: string;
  /** 0 for outermost. */
  level: number;
  parentId?: string;
  /** Number parsed from the label ("Зорилт 1.2" → "1.2", "3. Боловсрол" → "3"). */
  number?: string;
  /** Item rows directly or indirectly inside this group. */
  itemRows: number[];
}

export interface StatedFigure {
  /** Row of the label/number. */
  row: number;
  /** Cell holding the number (may be the label cell itself: "Үнэлгээ: 85.8 хувь"). */
  col: number;
  label: string;
  value: number | null;
  /** Text as written (to rewrite it keeping its words). */
  text: string;
  /** Formula already in the cell, if any. */
  formula: string | null;
  kind: 'average' | 'sum' | 'points';
  /** A stated figure closes a group when more items follow it, else the table. */
  scope: 'table' | 'group';
  groupId?: string;
}

export type TableKind = 'report' | 'plan' | 'score';

export interface TableInfo {
  /** Stable id: "Sheet!A5" (sheet and top-left header cell). */
  id: string;
  sheet: string;
  title: string;
  kind: TableKind;
  /** 0-based rows of the header (one or two) and the optional column-number row. */
  headerRows: number[];
  numberRow?: number;
  firstRow: number;
  lastRow: number;
  firstCol: number;
  lastCol: number;
  columns: ColumnInfo[];
  rows: RowInfo[];
  groups: GroupInfo[];
  stated: StatedFigure[];
}

export interface ScoreFigures {
  itemCount: number;
  /** Rows with a usable percent (rated by a person, or computed when `computed` counts them). */
  ratedCount: number;
  average: number | null;
  fivePoint: number | null;
  grade: string | null;
  gradeLabel: Localized | null;
}

export interface GroupScore extends ScoreFigures {
  groupId: string;
  label: string;
  row: number;
  level: number;
}

export interface Annex8Score {
  /** Points per section present (1: performance, 2: skills, 3: supervisor, 4: colleagues). */
  sections: { section: number; points: number; max: number }[];
  deductions: number;
  total: number;
}

export interface TableScore extends ScoreFigures {
  tableId: string;
  sheet: string;
  title: string;
  /** Percents Compute would fill (row → value). */
  computedCount: number;
  groups: GroupScore[];
  annex8?: Annex8Score;
}

/** A user's correction of a column role, remembered with the workbook. */
export interface ColumnOverride {
  sheet: string;
  /** First header row (0-based) of the table, which identifies it on its sheet. */
  headerRow: number;
  col: number;
  role: RoleChoice;
}

export interface SheetAnalysis {
  sheet: string;
  tables: TableInfo[];
  findings: Finding[];
  scores: TableScore[];
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

/** An individual evaluation (annex 8) read as one: its sections' points from their rows, the changes, the total. */
export interface EvaluationScore {
  /** The first part's table id. */
  id: string;
  title: string;
  sheets: string[];
  sections: {
    section: 1 | 2 | 3 | 4;
    tableId: string;
    /** From the section's rows (mean, one decimal); null when none is rated yet. */
    points: number | null;
    max: number;
    items: number;
    /** Rows with points (written, or from a percent). */
    rated: number;
    /** The figure the sheet states under the section. */
    stated: number | null;
  }[];
  /** What section 5 carries for each section, as written. */
  carried: { section: 1 | 2 | 3 | 4; value: number | null; cell: string }[];
  /** Points deducted (section 5's changes row), as a positive number. */
  changes: number;
  /** The sections' points from their rows, minus the changes. */
  total: number | null;
  /** The total the sheet states. */
  totalStated: number | null;
}

export interface WorkbookAnalysis {
  sheets: SheetAnalysis[];
  /** Individual evaluations (annex 8) found in the workbook, each read as one. */
  evaluations: EvaluationScore[];
  findings: Finding[];
  counts: SeverityCounts;
  profileId: string;
}

// ---- Edit plans ---------------------------------------------------------

export interface CellWrite {
  row: number;
  col: number;
  /** The value, or for a formula its computed result (hosts that cannot calculate show it). */
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  /** A note explaining the write, in the user's language. */
  note?: string;
  bold?: boolean;
  /**
   * The cell holds a formula and this write replaces it with a value, on
   * purpose: only a fix the user looks at does that. Without it, hosts
   * refuse to put a value over a formula (a formula is never replaced by a
   * constant behind the user's back).
   */
  replacesFormula?: true;
}

export interface SheetEdits {
  sheet: string;
  /** Cell writes; Compute never inserts or deletes rows, so these are the sheet's own coordinates. */
  writes: CellWrite[];
}

/** A write the plan wanted but does not make, and why (hosts tell the user where the figure is instead). */
export interface SkippedWrite {
  sheet: string;
  row: number;
  col: number;
  /** The table the write was for ('' for the summary sheet). */
  tableId: string;
  /**
   * no-free-row: the row below the table is taken, so its average is on the summary sheet only;
   * sheet-protected: the sheet is protected, so nothing is written on it;
   * workbook-protected: the workbook's structure is protected, so no summary sheet can be added;
   * merged-cell: the cell is covered by a merged area it does not start, where Excel keeps no value;
   * formula-as-value: no formula there would show the figure the tool reports (a cell it reads holds what
   * the engine reads differently, or a sheet name a formula reads as another workbook), so the figure is
   * written as a value (the write is made, without `formula`);
   * formula-kept: the cell holds a formula, which Compute never replaces (the figure it would write is not written).
   */
  reason: 'no-free-row' | 'sheet-protected' | 'workbook-protected' | 'merged-cell' | 'formula-as-value' | 'formula-kept';
  /** Where the figure is instead ("Sheet!E6"), when it is somewhere. */
  instead?: string;
  /** formula-as-value: the formula that was not written; formula-kept: the formula the cell keeps. */
  formula?: string;
}

/** The summary sheet's columns, by key (laid out by SheetWords.columns). */
export type SummaryColumnKey = 'sheet' | 'label' | 'items' | 'rated' | 'average' | 'fivePoint' | 'grade' | 'annex8' | 'errors' | 'warnings' | 'infos';

export interface SummaryChart {
  title: string;
  /** A1 ranges on the summary sheet. */
  categories: string;
  values: string;
  /** Where to put it (top-left cell on the summary sheet). */
  anchor: string;
}

/**
 * The words Compute writes into cells (the summary sheet, the average row,
 * the notes on filled cells), in the user's language. Hosts pass them in
 * (src/i18n/sheet-words.ts): the engine keeps no user-facing sentences of
 * its own besides the finding registry.
 */
export interface SheetWords {
  lang: Lang;
  /** Title of the summary sheet, and its name when that name is free. */
  summaryTitle: string;
  /** "Scale: {scale}". */
  scaleLine: string;
  /** Under the title: the figures are formulas linked to the tables. */
  linkedLine: string;
  /** The summary's columns, left to right, each with its width, header and number format (src/i18n/sheet-words.ts). */
  columns: SheetLayout<SummaryColumnKey>;
  chartCategory: string;
  chartValue: string;
  chartTitle: string;
  /** Label of the average row under a table that states none (read back as a stated average). */
  averageRowLabel: string;
  /** Note on a percent Compute filled: "… ({how})". */
  computedNote: string;
  /** Note on an average Compute wrote as a formula. */
  averageNote: string;
  /** Note on a rating Compute rewrote as a number on the table's scale: "… ({text})". */
  convertedNote: string;
  /** The summary's line for an individual evaluation (annex 8): its total points. */
  evaluationTotal: string;
  /** Every language's summary title and first header: how the engine knows a summary sheet it made. */
  signatures: readonly { title: string; firstHeader: string }[];
  /** The printed page's number in the footer, in Excel's codes: "Хуудас &P / &N". */
  pageNumbers: string;
  /** Every language's findings sheet title and first header (the checked copy's list): such a sheet is left out of the analysis. */
  findingsSignatures?: readonly { title: string; firstHeader: string }[];
}

/**
 * The fixed words of the annex 8 form (8 дугаар хавсралт) the evaluation
 * command writes: an official Mongolian form, given by the host
 * (src/i18n/evaluation-form.ts) like the other sheet words.
 */
export interface EvaluationFormWords {
  sheetName: string;
  annexLine: string;
  title: string;
  /** "Албан хаагч: {person}" / "{year} он": lines under the title when the report names them. */
  personLine: string;
  yearLine: string;
  sections: {
    title: string;
    header: readonly string[];
    /** The figure stated under the section. */
    stated: string;
  }[];
  /** Sections 3 and 4: the competencies rated. */
  competencies3: readonly string[];
  competencies4: readonly string[];
  /** Section 5's lines: sections 1–4 carried, then the changes. */
  summaryLines: readonly string[];
  totalLabel: string;
  inputTitle: string;
  /** Shown when a cell to fill is selected: sections 2 (a percent), 3, 4, and the changes. */
  inputSkills: string;
  inputSupervisor: string;
  inputColleagues: string;
  inputChanges: string;
  signature: readonly string[];
  /** The printed page's number in the footer, in Excel's codes: "Хуудас &P / &N". */
  pageNumbers: string;
}

/** A cell range a person fills in: a number from `min` to `max`, with the message shown when a cell is selected. */
export interface InputRule {
  area: Area;
  min: number;
  max: number;
  /** The values offered (a drop-down, a rating scale): another number is warned of, not refused. Absent: any number from min to max. */
  list?: number[];
  title: string;
  message: string;
}

/** A whole sheet a command writes (the summary, the evaluation sheet): added, or rewritten over one it made before. */
export interface SheetPlan {
  /** The sheet to write: one the command made before (replaced), or a free name. */
  name: string;
  /** True when `name` is a sheet the command made earlier: hosts replace it. False: hosts add a new sheet. */
  replaces: boolean;
  /** Rows kept in view (title lines and the header row); 0 for none. */
  frozenRows: number;
  writes: CellWrite[];
  /** Widths in characters of the default font, from column A. */
  columnWidths: number[];
  chart?: SummaryChart;
  /** Areas merged into one cell (title lines, group rows). */
  merges?: Area[];
  /** Thin borders on every cell of these areas (a form's tables). */
  borders?: Area[];
  /** Columns (0-based) whose text wraps. */
  wrapColumns?: number[];
  /** Areas whose text wraps (a form's tables, long merged lines). */
  wrap?: Area[];
  /** Rows taller than one line, in points (wrapped text; hosts that can fit rows to their text may do that instead). */
  rowHeights?: { row: number; points: number }[];
  /** Cells a person fills in, with a rule and a message. */
  inputs?: InputRule[];
  /** Printed on A4 portrait, fitted to the page's width (the same as `print: A4_PORTRAIT`; `print` wins when both are given). */
  printA4?: boolean;
  /** How the sheet prints (src/core/print.ts). */
  print?: PrintSetup;
  /** Cells that link to a place in the workbook ("'Тайлан'!H24"). */
  links?: { row: number; col: number; location: string }[];
}

export interface SummarySheetPlan extends SheetPlan {
  /** The cell holding each table's average on the summary sheet (A1 address). */
  tableAverages: { tableId: string; cell: string }[];
}

/** A finding shown on its cell (a checked copy): the cell filled by its severity, and a note with the messages. */
export interface CellMark {
  sheet: string;
  row: number;
  col: number;
  severity: Severity;
  /** The fill, as RRGGBB. */
  fill: string;
  /** The note's text, in the user's language; appended below a line when the cell has a note already. */
  note: string;
}

export interface EditPlan {
  sheets: SheetEdits[];
  summary: SummarySheetPlan | null;
  /** Further sheets the command writes whole (the evaluation sheet); absent when there are none. */
  addedSheets?: SheetPlan[];
  /** Findings marked on their cells, the cells' contents untouched (the checked copy); absent when there are none. */
  marks?: CellMark[];
  /** Writes left out on purpose (see SkippedWrite). */
  skipped: SkippedWrite[];
  /** "Sheet!A1" for every cell written, in order. */
  writtenCells: string[];
}

export type { CellValue };
