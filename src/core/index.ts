// Public surface of the engine: everything hosts (CLI, Excel adapter, task pane) use.

export { analyzeSheet, analyzeWorkbook, planCompute, isAddinSheet, ADDIN_SHEET_PREFIX } from './analyze';
export type { AnalyzeOptions, ComputeOptions, ComputeOutcome } from './analyze';
export { applySheetEdits, applyPlanToSheets } from './apply';
export { isOwnSummary, SUMMARY_FROZEN_ROWS } from './summary';
export { isOwnEvaluationSheet, planEvaluationSheet } from './evaluation-sheet';
export { planFixes, findChosenFixes, fixChoiceSelection, type ChosenFix, type ChosenFound, type FixChoice, type FixSelection, type FixesOutcome } from './fix-plan';
export { planFixRounds, type FixRoundsOutcome } from './fixes';
export type { EvaluationSheetOptions, EvaluationSheetOutcome } from './evaluation-sheet';
export { planReportForm, type ReportFormOptions, type ReportFormOutcome, type FormTable } from './report-form';
export { planNextPlan, type NextPlanOptions, type NextPlanOutcome } from './next-plan';
export type { Renumbering } from './renumber';
export { analyzeAgainstPlan, planTablesIn, type PlanCheck } from './plan-check';
export type { CycleFormWords, FormColumn, FormColumnKey } from './cycle-types';
export { fillTemplate, formatNumber, utf8Length, type TemplateParam } from './text';
export { explainHeader, HEADER_PHRASES, phraseTolerance, type HeaderClass, type HeaderExplanation, type HeaderPhrase, type PhraseMatch, type PhraseStage, type PhraseTried } from './recognize/roles';
export { PROFILES, DEFAULT_PROFILE_ID, getProfile, gradeFor, profileProblems } from './profiles';
export { gradeText } from './grade-text';
export type { Profile, GradeBand, Annex8Weights } from './profiles';
export { FINDINGS, FINDING_CODES, ROLE_NAMES, countSeverities, isFindingCode, type FindingCode, type MessageId } from './checks';
export * from './sheet';
export { cellMarks, findingsColumn, findingsSheetName, isOwnFindingsSheet, planCheckedCopy, planFindingsSheet, SEVERITY_FILLS } from './checked-copy';
export type { CheckedCopyInput, FindingsColumn, FindingsColumnKey, FindingsSheetWords } from './checked-copy';
export { A4_PORTRAIT, printSetupOf, NORMAL_MARGINS, NARROW_MARGINS, LINE_POINTS, landscapeTable, headerFooterLiteral, textUnits, textLines, fitRowHeights, pageHeightPoints, estimatedPages, onePageWhenClose } from './print';
export type { PrintSetup, PrintMargins, HeaderFooterText, TextCell } from './print';
export * from './types';
export { unitFromLines, topLines, fileLabel, rollupRows, rankRows, rollupTotal, planRollup, PERIOD_CODES, MAX_SHEET_ROWS } from './rollup';
export type {
  PeriodCode,
  UnitInfo,
  RollupRow,
  RollupTotal,
  PlannedCell,
  PlannedTable,
  PlannedSheet,
  WorkbookPlan,
  RollupWords,
  RollupFinding,
  UnreadFile,
  RollupInput,
  RollupOutcome,
} from './rollup';
