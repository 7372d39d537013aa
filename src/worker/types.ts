// The engine as a service: what the Excel adapter and the web page ask of
// it (analyse sheets, plan Compute), answered with promises, so the work can
// run in a Web Worker while the page stays responsive — or in-process where
// there is no worker (tests, a ribbon command in a webview without one).
//
// Progress is real: the worker reports each stage, and each sheet as it is
// analysed (see local.ts); the host adds its own stages (reading the sheets
// from Excel, marking cells, writing the plan). Its type lives in progress.ts,
// which the roll-up and the year's cycle take it from too.

import type { AnalyzeOptions, ComputeOptions, ComputeOutcome, EvaluationSheetOptions, EvaluationSheetOutcome, Localized, Sheet, WorkbookAnalysis } from '../core';
import type { CycleAnswers, CycleKind, CycleRequest } from './cycle';
import type { Progress, ProgressListener } from './progress';
import type { RollupAnswer, RollupFile, RollupOptions } from './rollup';

export type { RollupFile, RollupOptions };
export type { Progress, ProgressListener };

export interface EngineClient {
  /** analyzeWorkbook(sheets, options), reporting each sheet. */
  analyze(sheets: Sheet[], options: AnalyzeOptions, onProgress?: ProgressListener): Promise<WorkbookAnalysis>;
  /** planCompute(sheets, options). */
  plan(sheets: Sheet[], options: ComputeOptions, onProgress?: ProgressListener): Promise<ComputeOutcome>;
  /** planEvaluationSheet(sheets, options), and which of the sheets are evaluation sheets the add-in made. */
  planEvaluation(sheets: Sheet[], options: EvaluationSheetOptions, onProgress?: ProgressListener): Promise<EvaluationPlanned>;
  /**
   * The roll-up of many files (as `unelgee rollup`), reporting each file.
   * The bytes move to the worker: the caller's arrays are emptied.
   */
  rollup(files: RollupFile[], options: RollupOptions, onProgress?: ProgressListener): Promise<RollupAnswer>;
  /** The year's cycle (src/worker/cycle.ts): the report form, next year's plan, a report held against its plan's file. */
  cycle<K extends CycleKind>(request: Extract<CycleRequest, { kind: K }>, onProgress?: ProgressListener): Promise<CycleAnswers[K]>;
}

export interface EvaluationPlanned extends EvaluationSheetOutcome {
  /** The sheets given that are evaluation sheets the add-in (or the command line) wrote. */
  ownSheets: string[];
}

// ---- the messages between a page and its worker ------------------------------

/** An error as it crosses from the worker: enough to rebuild an AddinError- or XlsxError-like object. */
export interface WireError {
  name: string;
  message: string;
  code?: string;
  text?: Localized;
}

export type WorkerReply =
  | { id: number; type: 'progress'; progress: Progress }
  | { id: number; type: 'done'; value: unknown }
  | { id: number; type: 'failed'; error: WireError };

/** A request the worker knows (the engine's, or a page worker's own kinds): `kind` plus its fields. */
export interface AnyRequest {
  id: number;
  kind: string;
  [field: string]: unknown;
}
