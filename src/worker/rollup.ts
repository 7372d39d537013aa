// The roll-up as the engine service's request: many files' bytes in, each
// read and checked as `unelgee rollup` checks it (checkBytes: the reader,
// the visible sheets, the engine), then planRollup's new workbook out as
// plain data. The host decides what becomes of it: Excel inserts its sheets
// (src/taskpane/excel-rollup.ts), the web page writes it as a file
// (src/preview). A file that cannot be read is listed, never fatal.

import { getProfile, planRollup, type Lang, type Profile, type RollupFinding, type RollupOutcome, type RollupRow, type UnreadFile } from '../core';
import { rollupWords } from '../i18n/rollup';
import { sheetWords } from '../i18n/sheet-words';
import { checkBytes } from '../xlsx';
import type { ProgressListener } from './types';

export interface RollupFile {
  name: string;
  bytes: Uint8Array;
}

export interface RollupOptions {
  profileId: string;
  /** The user's edits of that profile, if any. */
  profile?: Profile;
  lang: Lang;
  /** Files the host refused before reading them (too large), listed first among those not read. */
  refused?: UnreadFile[];
}

export interface RollupAnswer {
  outcome: RollupOutcome;
  /** Files read and rolled up. */
  read: number;
  notRead: UnreadFile[];
}

/** Reads and rolls up the files, telling `onProgress` each file as it starts it, then the end. */
export function rollupInSteps(files: RollupFile[], options: RollupOptions, onProgress?: ProgressListener): RollupAnswer {
  const profile = options.profile ?? getProfile(options.profileId);
  const analyze = { profile, profileId: options.profileId, words: sheetWords(options.lang) };
  const rows: RollupRow[] = [];
  const findings: RollupFinding[] = [];
  const notRead: UnreadFile[] = [...(options.refused ?? [])];
  const links: Record<string, string> = {};
  let read = 0;
  files.forEach((f, i) => {
    onProgress?.({ stage: 'open', sheet: f.name, done: i, total: files.length });
    // A browser's file has a name, no path: the link opens the file beside the roll-up.
    links[f.name] = f.name;
    const checked = checkBytes(f.name, f.bytes, analyze);
    if (!checked.ok) {
      notRead.push({ file: f.name, reason: checked.reason });
      return;
    }
    read++;
    rows.push(...checked.rows);
    const label = checked.rows[0]?.label ?? f.name;
    for (const x of checked.findings) findings.push({ file: f.name, label, ...x });
  });
  onProgress?.({ stage: 'open', done: files.length, total: files.length });
  const outcome = planRollup({ rows, findings, notRead, links }, profile, rollupWords(options.lang));
  return { outcome, read, notRead };
}
