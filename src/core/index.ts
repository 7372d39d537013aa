// Public surface of the engine: everything hosts (CLI, Excel adapter, task pane) use.

export { analyzeSheet, analyzeWorkbook, planCompute, isAddinSheet, ADDIN_SHEET_PREFIX } from './analyze';
export type { AnalyzeOptions, ComputeOutcome } from './analyze';
export { applySheetEdits, applyPlanToSheets } from './apply';
export { SUMMARY_SHEET } from './summary';
export { AVERAGE_ROW_LABEL } from './edits';
export { PROFILES, DEFAULT_PROFILE_ID, getProfile, gradeFor, profileProblems } from './profiles';
export type { Profile, GradeBand, Annex8Weights } from './profiles';
export { SEVERITY } from './checks';
export * from './sheet';
export * from './types';
