// One file of a roll-up, read and checked the way `validate` does it (the
// reader, the visible sheets, the engine): its roll-up rows and findings,
// and validate's JSON for it when --json asks. Runs in a worker thread of
// the pool (rollup-worker.ts) or, where no compiled worker exists (tests
// running the TypeScript sources), in-process. What it returns is copied
// between threads, so it carries only what the roll-up prints. The bytes
// are checked by checkBytes (src/xlsx), as the web page's and the pane's
// roll-up check them.

import type { Lang, Localized, RollupRow } from '../core';
import { sheetWords } from '../i18n/sheet-words';
import { checkBytes, type CheckedFinding } from '../xlsx';
import { readInputFile, UnreadableFile } from './load';
import { jsonFile, type JsonFile } from './report';

export interface CheckTask {
  file: string;
  lang: Lang;
  profileId: string;
  /** Return validate's JSON for the file too. */
  json: boolean;
}

export type CheckResult =
  | { file: string; ok: true; rows: RollupRow[]; findings: CheckedFinding[]; errors: number; json?: JsonFile }
  | { file: string; ok: false; reason: Localized };

export async function checkFile(task: CheckTask): Promise<CheckResult> {
  try {
    // The roll-up prints findings, not their fixes: those are planned only for validate's JSON.
    const options = { profileId: task.profileId, words: sheetWords(task.lang), planFixes: task.json };
    const checked = checkBytes(task.file, (await readInputFile(task.file)).bytes, options);
    if (!checked.ok) return { file: task.file, ok: false, reason: checked.reason };
    const { rows, findings, errors, analysis } = checked;
    return { file: task.file, ok: true, rows, findings, errors, json: task.json ? jsonFile(task.file, analysis, task.lang) : undefined };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { file: task.file, ok: false, reason: error instanceof UnreadableFile ? error.text : { mn: why, en: why } };
  }
}
