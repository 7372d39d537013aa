// Public surface of the engine: everything hosts (CLI, Excel adapter, task pane) use.

export { analyzeSheet, analyzeWorkbook, planCompute, isAddinSheet, ADDIN_SHEET_PREFIX } from './analyze';
export type { AnalyzeOptions, ComputeOptions, ComputeOutcome } from './analyze';
export { applySheetEdits, applyPlanToSheets } from './apply';
export { isOwnSummary, summaryChartOf } from './summary';
export { columnOf, chartPlace, type SheetColumn, type SheetLayout } from './layout';
export { EVALUATION_COLUMNS, isOwnEvaluationSheet, planEvaluationSheet } from './evaluation-sheet';
export { planFixes, fixChoiceSelection, type ChosenFix, type FixChoice, type FixSelection } from './fix-plan';
export { planFixRounds } from './fixes';
export type { EvaluationSheetOptions, EvaluationSheetOutcome } from './evaluation-sheet';
export { planReportForm, type ReportFormOptions, type ReportFormOutcome, type FormTable } from './report-form';
export { planNextPlan, type NextPlanOptions, type NextPlanOutcome } from './next-plan';
export type { Renumbering } from './renumber';
export { analyzeAgainstPlan, planTablesIn, type PlanCheck } from './plan-check';
export type { CycleFormWords, FormColumn, FormColumnKey } from './cycle-types';
export { fillTemplate, utf8Length, type TemplateParam } from './text';
export { explainHeader, HEADER_PHRASES, phraseTolerance, type HeaderClass, type HeaderExplanation, type HeaderPhrase, type PhraseMatch, type PhraseStage, type PhraseTried } from './recognize/roles';
export { PROFILES, DEFAULT_PROFILE_ID, getProfile, gradeFor, profileProblems } from './profiles';
export { gradeText } from './grade-text';
export type { Profile } from './profiles';
export { FINDINGS, FINDING_CODES, ROLE_NAMES, countSeverities, isFindingCode, type FindingCode } from './checks';
export * from './sheet';
export { findingsColumn, findingsSheetName, planCheckedCopy, planFindingsSheet } from './checked-copy';
export type { FindingsColumn, FindingsColumnKey, FindingsSheetWords } from './checked-copy';
export { A4_PORTRAIT, printSetupOf, NARROW_MARGINS, LINE_POINTS, landscapeTable, textUnits, textLines, fitRowHeights, pageHeightPoints, estimatedPages, onePageWhenClose } from './print';
export type { PrintSetup, HeaderFooterText } from './print';
export * from './types';
export { unitFromLines } from './rollup-units';
export { rollupRows, rankRows, rollupTotal } from './rollup-rows';
export type { RollupRow } from './rollup-rows';
export { planRollup } from './rollup-workbook';
export type {
  RollupColumnKey,
  RollupFindingsColumnKey,
  NotReadColumnKey,
  PlannedCell,
  PlannedTable,
  PlannedSheet,
  WorkbookPlan,
  RollupWords,
  RollupFinding,
  UnreadFile,
  RollupInput,
  RollupOutcome,
} from './rollup-workbook';
