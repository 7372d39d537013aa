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
import type { ProgressListener } from './progress';

export interface RollupFile {
  name: string;
  bytes: Uint8Array;
  /**
   * Where the file is, relative to where the roll-up is written ("sub/a.xlsx"),
   * or absolute ("/home/x/a.xlsx", "C:/x/a.xlsx"), when the host knows it. A
   * browser's file has a name and no location: its name is written as text,
   * not as a link (a bare name opens only a file that happens to sit beside the
   * workbook).
   */
  location?: string;
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

/**
 * A link target for a known location, escaped as the command line escapes
 * its links (src/cli/files.ts linkTarget): each path segment's characters a
 * URI cannot carry as they are (%, #, ?, spaces, quotes, brackets…)
 * percent-encoded, forward slashes between segments, an absolute path as a
 * file:/// URI.
 */
export function linkTo(location: string): string {
  const absolute = /^([A-Za-z]:)?[\\/]/.test(location);
  const parts = location.split(/[\\/]/).map((segment) => segment.replace(/[%#?\s"<>[\]^`{|}\\]/g, (c) => encodeURIComponent(c)));
  return absolute ? `file:///${parts.join('/').replace(/^\/+/, '')}` : parts.join('/');
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
  files.forEach((file, i) => {
    onProgress?.({ stage: 'open', sheet: file.name, done: i, total: files.length });
    if (file.location) links[file.name] = linkTo(file.location);
    const checked = checkBytes(file.name, file.bytes, analyze);
    if (!checked.ok) {
      notRead.push({ file: file.name, reason: checked.reason });
      return;
    }
    read++;
    rows.push(...checked.rows);
    const label = checked.rows[0]?.label ?? file.name;
    for (const finding of checked.findings) findings.push({ file: file.name, label, ...finding });
  });
  onProgress?.({ stage: 'open', done: files.length, total: files.length });
  const outcome = planRollup({ rows, findings, notRead, links }, profile, rollupWords(options.lang));
  return { outcome, read, notRead };
}
