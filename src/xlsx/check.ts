// One file's bytes checked the way `validate` checks a file (the reader, the
// visible sheets, the engine), for a roll-up: its rows and findings, or why
// it could not be read. The command line's roll-up (src/cli/check-file.ts)
// and the engine service's roll-up request (src/worker/rollup.ts) both use
// it, so a file is read, and refused, in the same words everywhere.

import { analyzeWorkbook, rollupRows, type AnalyzeOptions, type Localized, type RollupRow, type Severity, type WorkbookAnalysis } from '../core';
import { XlsxError } from './errors';
import { readXlsx, visibleSheets } from './reader';

export interface CheckedFinding {
  sheet: string;
  cell: string;
  code: string;
  severity: Severity;
  message: Localized;
}

export type BytesCheck =
  | { ok: true; rows: RollupRow[]; findings: CheckedFinding[]; errors: number; analysis: WorkbookAnalysis }
  | { ok: false; reason: Localized };

/** Reads, analyses and rolls up one file; never throws: a refused file (or anything else going wrong) is `ok: false` with a reason in both languages. */
export function checkBytes(file: string, bytes: Uint8Array, options: AnalyzeOptions): BytesCheck {
  try {
    const sheets = visibleSheets(readXlsx(bytes));
    const analysis = analyzeWorkbook(sheets, options);
    return {
      ok: true,
      rows: rollupRows(file, sheets, analysis),
      findings: analysis.findings.map((f) => ({ sheet: f.sheet, cell: f.cell, code: f.code, severity: f.severity, message: f.message })),
      errors: analysis.counts.error,
      analysis,
    };
  } catch (error) {
    // The reader's own sentence; anything else (a bug) as its message, so one file never stops a roll-up.
    if (error instanceof XlsxError) return { ok: false, reason: error.text };
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: { mn: why, en: why } };
  }
}
