// The engine's entry points: analyse sheets (tables, findings, scores) and
// plan Compute (the edits, as data). Hosts read sheets in and apply plans out.

import { applySheetEdits } from './apply';
import { isOwnFindingsSheet } from './checked-copy';
import { checkEvaluation, checkTable, countSeverities, sheetFinding, type EvaluationRole } from './checks';
import { planSheetEdits } from './edits';
import { evaluateTable, type TableEval } from './evaluate';
import { keepAgreeingFormulas } from './formula-check';
import { evaluationScore, findEvaluations, type Evaluation } from './evaluation';
import { planEvaluationEdits } from './evaluation-edits';
import { getProfile, type Profile } from './profiles';
import { recognizeSheet } from './recognize';
import { scoreTable } from './scoring';
import { SheetGrid, cellAddress, type Sheet } from './sheet';
import { isOwnSummary, planSummary, summaryName } from './summary';
import type { CellValue, CellWrite, ColumnOverride, EditPlan, SheetAnalysis, SheetEdits, SheetWords, SkippedWrite, WorkbookAnalysis } from './types';

/** Hidden sheets the add-in keeps (its Revert store, earlier summaries) carry this prefix and are never analysed. */
export const ADDIN_SHEET_PREFIX = 'Unelgee_';

export function isAddinSheet(name: string): boolean {
  return name.startsWith(ADDIN_SHEET_PREFIX);
}

export interface AnalyzeOptions {
  /** A full profile (the user's edited one), or the id of a shipped one. */
  profile?: Profile;
  profileId?: string;
  overrides?: ColumnOverride[];
  /** The words Compute writes, in the user's language; with them, a summary sheet Compute made is recognised and left out of the analysis. */
  words?: SheetWords;
  /** Sheets whose cells are protected: no fix is offered there, and Compute writes nothing there (each write reported in `skipped`). */
  protectedSheets?: readonly string[];
  /**
   * Plan each finding's quick fix: its cells and its description (default).
   * False for a host that lists findings and needs only whether each has a fix
   * and of which kind (`Finding.fixKind`): the command line's validate, the
   * roll-up. Planning is a good share of the engine's time on a large table
   * (a stated average's fix is a formula over every row).
   */
  planFixes?: boolean;
  /** Told before each sheet is read (`sheet` named) and once when all are (`done` = `total`): hosts show progress. */
  onSheet?: (step: { sheet?: string; done: number; total: number }) => void;
}

export interface ComputeOptions extends AnalyzeOptions {
  words: SheetWords;
  /** Names of the workbook's sheets not among those given (hidden ones): the summary never takes one. */
  takenNames?: readonly string[];
  /** The workbook's structure is protected: no sheet can be added (a summary made earlier may still be rewritten). */
  workbookProtected?: boolean;
}

interface SheetWork {
  analysis: SheetAnalysis;
  evals: TableEval[];
}

/** The sheets in scope, analysed, and the individual evaluations found across them. */
interface Work {
  sheets: SheetWork[];
  evaluations: Evaluation[];
}

function profileOf(options: AnalyzeOptions): Profile {
  return options.profile ?? getProfile(options.profileId);
}

/** Recognise and evaluate a sheet's tables (scores and findings come once the evaluations are known). */
function prepare(sheet: Sheet, options: AnalyzeOptions, profile: Profile): SheetWork {
  try {
    const grid = new SheetGrid(sheet);
    const tables = recognizeSheet(grid, options.overrides ?? []);
    if (tables.length === 0) {
      return { analysis: { sheet: sheet.name, tables: [], findings: [sheetFinding(sheet.name, 'header-not-found')], scores: [] }, evals: [] };
    }
    const evals = tables.map((t) => evaluateTable(t, profile));
    return { analysis: { sheet: sheet.name, tables: tables.map((t) => t.info), findings: [], scores: [] }, evals };
  } catch (error) {
    // A sheet the engine cannot read is a finding, not a crash.
    const reason = error instanceof Error ? error.message : String(error);
    return { analysis: { sheet: sheet.name, tables: [], findings: [sheetFinding(sheet.name, 'sheet-unreadable', { reason })], scores: [] }, evals: [] };
  }
}

/** Scores and findings of every table, then of each evaluation as a whole (onto the sheets its findings name). */
function finish(works: SheetWork[], profile: Profile, locked: ReadonlySet<string>, planFixes = true): Evaluation[] {
  const evaluations = findEvaluations(
    works.flatMap((w) => w.evals),
    profile,
  );
  const roles = new Map<TableEval, EvaluationRole>();
  for (const evaluation of evaluations) {
    for (const part of evaluation.parts) roles.set(part.table, 'section');
    if (evaluation.summary) roles.set(evaluation.summary.table, 'summary');
  }
  // A report beside the evaluation (the annex 6 it was made from) is where item numbers are checked.
  const reportBeside = works.some((w) => w.evals.some((t) => !roles.has(t) && t.info.kind === 'report' && t.roleCol.percent !== undefined));
  for (const sheetWork of works) {
    sheetWork.analysis.scores = sheetWork.evals.map((table) => scoreTable(table, profile, roles.get(table)));
    const isLocked = locked.has(sheetWork.analysis.sheet);
    sheetWork.evals.forEach((table, i) => sheetWork.analysis.findings.push(...checkTable(table, profile, sheetWork.analysis.scores[i], { part: roles.get(table), locked: isLocked, reportBeside, planFixes })));
  }
  for (const evaluation of evaluations) {
    for (const finding of checkEvaluation(evaluation, locked, planFixes)) works.find((w) => w.analysis.sheet === finding.sheet)?.analysis.findings.push(finding);
  }
  return evaluations;
}

function combine(work: Work, profile: Profile): WorkbookAnalysis {
  const works = work.sheets;
  // A workbook whose tables sit on some sheets: the other sheets (a cover, notes) are not errors.
  if (works.some((w) => w.analysis.tables.length > 0)) {
    for (const sheetWork of works) {
      if (sheetWork.analysis.tables.length === 0) sheetWork.analysis.findings = sheetWork.analysis.findings.filter((f) => f.code !== 'header-not-found');
    }
  }
  const findings = works.flatMap((w) => w.analysis.findings);
  return {
    sheets: works.map((w) => w.analysis),
    evaluations: work.evaluations.map(evaluationScore),
    findings,
    counts: countSeverities(findings),
    profileId: profile.id,
  };
}

const isBlank = (s: Sheet) => s.values.every((r) => !r || r.every((v) => v === null || v === ''));

function workOn(sheets: Sheet[], options: AnalyzeOptions): Work {
  const words = options.words;
  const profile = profileOf(options);
  const mine = sheets.filter((s) => !isAddinSheet(s.name) && !(words && (isOwnSummary(s, words) || isOwnFindingsSheet(s, { signatures: words.findingsSignatures ?? [] }))));
  // Empty sheets say nothing, unless the whole workbook is empty.
  const used = mine.filter((s) => !isBlank(s));
  const todo = used.length > 0 ? used : mine.slice(0, 1);
  const works = todo.map((sheet, i) => {
    options.onSheet?.({ sheet: sheet.name, done: i, total: todo.length });
    return prepare(sheet, options, profile);
  });
  options.onSheet?.({ done: todo.length, total: todo.length });
  return { sheets: works, evaluations: finish(works, profile, new Set(options.protectedSheets ?? []), options.planFixes ?? true) };
}

/** The evaluated tables of the sheets in scope and the evaluations among them (for commands built on the analysis). */
export function evaluatedTables(sheets: Sheet[], options: AnalyzeOptions = {}): { tables: TableEval[]; evaluations: Evaluation[] } {
  const work = workOn(sheets, options);
  return { tables: work.sheets.flatMap((w) => w.evals), evaluations: work.evaluations };
}

/** One sheet: its tables, findings and scores (see analyzeWorkbook). */
export function analyzeSheet(sheet: Sheet, options: AnalyzeOptions = {}): SheetAnalysis {
  const profile = profileOf(options);
  const work = prepare(sheet, options, profile);
  finish([work], profile, new Set(options.protectedSheets ?? []), options.planFixes ?? true);
  return work.analysis;
}

/**
 * Validate's engine. In: the sheets in scope (the add-in's own sheets and a
 * summary Compute made are left out) and the options (profile, column
 * corrections, words). Out: per sheet the tables found, the findings and the
 * scores, and the findings of the workbook with their counts. Changes nothing.
 */
export function analyzeWorkbook(sheets: Sheet[], options: AnalyzeOptions = {}): WorkbookAnalysis {
  return combine(workOn(sheets, options), profileOf(options));
}

export interface ComputeOutcome {
  /** The workbook as it will be after the plan is applied. */
  analysis: WorkbookAnalysis;
  /** The workbook as it was read. */
  before: WorkbookAnalysis;
  plan: EditPlan;
}

/**
 * Plans Compute scores over the given sheets: fill the missing percents, write
 * averages as live formulas, and build the summary sheet, which describes the
 * workbook after those edits (so computing twice changes nothing). Sheets in:
 * the ones in scope (plus the summary Compute made earlier, if the host has
 * it). Out: the plan as plain data, and the analyses before and after it.
 */
export function planCompute(sheets: Sheet[], options: ComputeOptions): ComputeOutcome {
  const profile = profileOf(options);
  const work = workOn(sheets, options);
  const before = combine(work, profile);

  const sheetEdits: SheetEdits[] = [];
  const skipped: SkippedWrite[] = [];
  const locked = new Set(options.protectedSheets ?? []);
  const evaluationWrites = planEvaluationEdits(work.evaluations, options.words);
  for (const sheetWork of work.sheets) {
    if (sheetWork.evals.length === 0) continue;
    const planned = planSheetEdits(sheetWork.analysis.sheet, sheetWork.evals, options.words);
    planned.edits.writes.push(...(evaluationWrites.get(sheetWork.analysis.sheet) ?? []));
    skipped.push(...planned.skipped);
    // Never into the non-anchor cell of a merged area (Excel would put it elsewhere or drop it).
    const grid = sheetWork.evals[0].grid;
    planned.edits.writes = planned.edits.writes.filter((write) => {
      if (!grid.isMergedSlave(write.row, write.col)) return true;
      skipped.push({ sheet: sheetWork.analysis.sheet, row: write.row, col: write.col, tableId: tableAt(sheetWork, write.row), reason: 'merged-cell' });
      return false;
    });
    if (locked.has(sheetWork.analysis.sheet)) {
      // As in Excel: a protected sheet is not written; say which writes it held back.
      for (const write of planned.edits.writes) skipped.push({ sheet: sheetWork.analysis.sheet, row: write.row, col: write.col, tableId: tableAt(sheetWork, write.row), reason: 'sheet-protected' });
    } else if (planned.edits.writes.length > 0) sheetEdits.push(planned.edits);
  }

  // See the workbook as it will be, and describe that in the summary.
  const after = sheets.map((sheet) => {
    const edits = sheetEdits.find((x) => x.sheet === sheet.name);
    return edits ? applySheetEdits(sheet, edits) : sheet;
  });
  // The workbook as it will be: the same sheets again, not progress the user should see twice.
  const afterWork = workOn(after, { ...options, onSheet: undefined });
  const analysis = combine(afterWork, profile);
  const evals = afterWork.sheets.flatMap((w) => w.evals);
  const scores = afterWork.sheets.flatMap((w) => w.analysis.scores);
  const target = summaryName(sheets, options.takenNames ?? [], options.words);
  const summary = evals.length > 0 ? planSummary({ evals, scores, findings: analysis.findings, evaluations: afterWork.evaluations }, profile, options.words, target) : null;
  // Every formula gives, recalculated, the figure it carries; where none can, the figure is written as a value.
  const tableOf = (sheet: string, row: number) => {
    const sheetWork = work.sheets.find((candidate) => candidate.analysis.sheet === sheet);
    return sheetWork ? tableAt(sheetWork, row) : '';
  };
  skipped.push(...keepAgreeingFormulas(sheets, { sheets: sheetEdits, summary }, tableOf));

  // Drop what is already there, so computing a computed workbook changes nothing.
  const gridOf = (name: string) => {
    const sheet = sheets.find((x) => x.name === name);
    return sheet ? new SheetGrid(sheet) : undefined;
  };
  const changed = sheetEdits
    .map((edits) => {
      const grid = gridOf(edits.sheet);
      return { ...edits, writes: edits.writes.filter((w) => !sameAsSheet(grid, w)) };
    })
    .filter((e) => e.writes.length > 0);
  const existingSummary = target.replaces ? sheets.find((x) => x.name === target.name) : undefined;
  let summaryPlan = summary && existingSummary && summaryUnchanged(existingSummary, summary.writes) ? null : summary;
  const summaryBlocked: SkippedWrite['reason'] | null =
    options.workbookProtected && !target.replaces ? 'workbook-protected' : locked.has(target.name) ? 'sheet-protected' : null;
  if (summaryPlan && summaryBlocked) {
    skipped.push({ sheet: target.name, row: 0, col: 0, tableId: '', reason: summaryBlocked });
    summaryPlan = null;
  }
  for (const skippedWrite of skipped) {
    // The summary holds the figure whether or not it needs rewriting this time.
    const cell = summaryBlocked ? undefined : summary?.tableAverages.find((t) => t.tableId === skippedWrite.tableId)?.cell;
    if (cell && skippedWrite.reason === 'no-free-row') skippedWrite.instead = `${target.name}!${cell}`;
  }

  const writtenCells: string[] = [];
  for (const edits of changed) for (const write of edits.writes) writtenCells.push(`${edits.sheet}!${cellAddress(write.row, write.col)}`);
  if (summaryPlan) for (const write of summaryPlan.writes) writtenCells.push(`${summaryPlan.name}!${cellAddress(write.row, write.col)}`);
  return { analysis, before, plan: { sheets: changed, summary: summaryPlan, skipped, writtenCells } };
}

/** The table a row belongs to (or sits just under: its average row). */
function tableAt(sheetWork: SheetWork, row: number): string {
  return sheetWork.analysis.tables.find((t) => row >= t.firstRow && row <= t.lastRow + 1)?.id ?? '';
}

/**
 * The cell holds the value a write would put there: the same kind of value
 * (a number is never "the same" as the text "100": a formula counts one and
 * skips the other) and the same number or text.
 */
function sameValue(existing: CellValue, planned: CellValue): boolean {
  const existingEmpty = existing === null || existing === '';
  const plannedEmpty = planned === null || planned === '';
  if (existingEmpty || plannedEmpty) return existingEmpty && plannedEmpty;
  if (typeof existing !== typeof planned) return false;
  if (typeof existing === 'number' && typeof planned === 'number') return Math.abs(existing - planned) < 1e-9;
  return String(existing).trim() === String(planned).trim();
}

const formulaKey = (f: string) => f.replace(/^=/, '').replace(/\s+/g, '').toUpperCase();

/** The cell already holds what the write would put there. */
function sameAsSheet(grid: SheetGrid | undefined, write: CellWrite): boolean {
  if (!grid) return false;
  const formula = grid.formula(write.row, write.col);
  if (write.formula ? !formula || formulaKey(formula) !== formulaKey(write.formula) : formula !== null) return false;
  // A formula's value is only its host's cache (exceljs drops a cached 0 or ""): the formula decides.
  if (!write.formula && !sameValue(grid.value(write.row, write.col), write.value)) return false;
  return !write.numberFormat || grid.numberFormat(write.row, write.col) === write.numberFormat;
}

/** The existing summary sheet holds exactly the planned cells. */
function summaryUnchanged(sheet: Sheet, writes: CellWrite[]): boolean {
  const planned = new Set(writes.map((w) => `${w.row}:${w.col}`));
  const grid = new SheetGrid(sheet);
  if (!writes.every((w) => sameAsSheet(grid, w))) return false;
  for (let rowIndex = 0; rowIndex < sheet.values.length; rowIndex++) {
    const row = sheet.values[rowIndex];
    if (!row) continue;
    for (let colIndex = 0; colIndex < row.length; colIndex++) {
      const value = row[colIndex];
      if (value !== undefined && value !== null && value !== '' && !planned.has(`${rowIndex + sheet.startRow}:${colIndex + sheet.startCol}`)) return false;
    }
  }
  return true;
}
