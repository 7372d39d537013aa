// The engine in-process: the same calls a worker makes, on this thread. The
// default engine of the Excel adapter (tests, ribbon commands) and the code
// the workers run.

import {
  analyzeSheet,
  countSeverities,
  getProfile,
  isAddinSheet,
  isOwnSummary,
  planCompute,
  type AnalyzeOptions,
  type ComputeOptions,
  type ComputeOutcome,
  type Sheet,
  type SheetAnalysis,
  type WorkbookAnalysis,
} from '../core';
import type { EngineClient, ProgressListener } from './types';

const isBlank = (s: Sheet) => s.values.every((r) => !r || r.every((v) => v === null || v === ''));

/**
 * analyzeWorkbook, sheet by sheet, saying which sheet it is on. The same
 * result as analyzeWorkbook(sheets, options) (test/worker/engine.test.ts
 * holds them equal): the sheets it leaves out (the add-in's own, a summary
 * Compute made, empty sheets unless all are empty) and how it combines them
 * (a sheet without a table is no error when another sheet has one) follow
 * src/core/analyze.ts, which has no per-sheet hook of its own.
 */
export function analyzeInSteps(sheets: Sheet[], options: AnalyzeOptions, onProgress?: ProgressListener): WorkbookAnalysis {
  const words = options.words;
  const mine = sheets.filter((s) => !isAddinSheet(s.name) && !(words && isOwnSummary(s, words)));
  const used = mine.filter((s) => !isBlank(s));
  const todo = used.length > 0 ? used : mine.slice(0, 1);
  const analyses: SheetAnalysis[] = [];
  todo.forEach((sheet, i) => {
    onProgress?.({ stage: 'analyze', sheet: sheet.name, done: i, total: todo.length });
    analyses.push(analyzeSheet(sheet, options));
  });
  onProgress?.({ stage: 'analyze', done: todo.length, total: todo.length });
  if (analyses.some((a) => a.tables.length > 0)) {
    for (const a of analyses) if (a.tables.length === 0) a.findings = a.findings.filter((f) => f.code !== 'header-not-found');
  }
  const findings = analyses.flatMap((a) => a.findings);
  return { sheets: analyses, findings, counts: countSeverities(findings), profileId: (options.profile ?? getProfile(options.profileId)).id };
}

export function planInSteps(sheets: Sheet[], options: ComputeOptions, onProgress?: ProgressListener): ComputeOutcome {
  onProgress?.({ stage: 'plan', done: 0, total: 1 });
  const outcome = planCompute(sheets, options);
  onProgress?.({ stage: 'plan', done: 1, total: 1 });
  return outcome;
}

/** The engine on the calling thread (its promises settle after the work is done). */
export const localEngine: EngineClient = {
  analyze: async (sheets, options, onProgress) => analyzeInSteps(sheets, options, onProgress),
  plan: async (sheets, options, onProgress) => planInSteps(sheets, options, onProgress),
};
