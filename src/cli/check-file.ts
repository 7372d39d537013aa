// One file of a roll-up, read and checked the way `validate` does it (the
// reader, the visible sheets, the engine): its roll-up rows and findings,
// and validate's JSON for it when --json asks. Runs in a worker thread of
// the pool (rollup-worker.ts) or, where no compiled worker exists (tests
// running the TypeScript sources), in-process. What it returns is copied
// between threads, so it carries only what the roll-up prints.

import { analyzeWorkbook, rollupRows, type Lang, type Localized, type RollupRow, type Severity } from '../core';
import { sheetWords } from '../i18n/sheet-words';
import { visibleSheets } from '../xlsx';
import { parseWorkbook, readInputFile, UnreadableFile } from './load';
import { jsonFile, type JsonFile } from './report';

export interface CheckTask {
  file: string;
  lang: Lang;
  profileId: string;
  /** Return validate's JSON for the file too. */
  json: boolean;
}

export interface CheckedFinding {
  sheet: string;
  cell: string;
  code: string;
  severity: Severity;
  message: Localized;
}

export type CheckResult =
  | { file: string; ok: true; rows: RollupRow[]; findings: CheckedFinding[]; errors: number; json?: JsonFile }
  | { file: string; ok: false; reason: Localized };

export async function checkFile(task: CheckTask): Promise<CheckResult> {
  try {
    const book = parseWorkbook((await readInputFile(task.file)).bytes);
    const sheets = visibleSheets(book);
    const analysis = analyzeWorkbook(sheets, { profileId: task.profileId, words: sheetWords(task.lang) });
    return {
      file: task.file,
      ok: true,
      rows: rollupRows(task.file, sheets, analysis),
      findings: analysis.findings.map((f) => ({ sheet: f.sheet, cell: f.cell, code: f.code, severity: f.severity, message: f.message })),
      errors: analysis.counts.error,
      json: task.json ? jsonFile(task.file, analysis, task.lang) : undefined,
    };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { file: task.file, ok: false, reason: e instanceof UnreadableFile ? e.text : { mn: why, en: why } };
  }
}
