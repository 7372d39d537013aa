// The roll-up in Excel (PaneOptions.rollup): the files the user picked are
// read and checked in the engine's worker (EngineClient.rollup, as `unelgee
// rollup` checks them), and the new workbook's sheets are put into the open
// workbook (host.insertRollup: free names, one Revert step). The web page
// shares rollupFiles and writes a file instead (src/preview).

import { fillTemplate, type UnreadFile } from '../core';
import type { AddinSettings, HostActions, ProgressListener } from '../excel/types';
import { WEB_TEXT } from '../i18n/web';
import type { EngineClient, RollupFile } from '../worker/types';
import type { PaneOptions, RollupDone } from './actions/types';

/** The largest file a roll-up reads, as the command line and the web page (an .xlsx of 20,000 report rows is under 1 MB). */
const MAX_ROLLUP_FILE_BYTES = 100 * 1024 * 1024;

/** The picked files' bytes; a file too large is refused unread (its bytes never held). */
export async function rollupFiles(files: readonly File[], max = MAX_ROLLUP_FILE_BYTES): Promise<{ files: RollupFile[]; refused: UnreadFile[] }> {
  const limit = { limit: Math.round(max / 1048576) };
  const refused: UnreadFile[] = [];
  const read: RollupFile[] = [];
  for (const file of files) {
    if (file.size > max) refused.push({ file: file.name, reason: { mn: fillTemplate(WEB_TEXT.tooLarge.mn, limit), en: fillTemplate(WEB_TEXT.tooLarge.en, limit) } });
    else read.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  }
  return { files: read, refused };
}

/** The engine's options for a roll-up, from the pane's settings. */
export const rollupOptions = (settings: AddinSettings) => ({ profileId: settings.profileId, profile: settings.profile, lang: settings.lang });

export function excelRollup(engine: EngineClient, host: HostActions): NonNullable<PaneOptions['rollup']> {
  return async (picked: File[], settings: AddinSettings, onProgress: ProgressListener): Promise<RollupDone> => {
    const { files, refused } = await rollupFiles(picked);
    const answer = await engine.rollup(files, { ...rollupOptions(settings), refused }, onProgress);
    // Nothing read: no sheets that would only list the files not read (the pane says why each was not).
    const sheets = answer.read > 0 ? (await host.insertRollup(answer.outcome.workbook)).sheets : null;
    return { read: answer.read, notRead: answer.notRead, rows: answer.outcome.rows.length, sheets, savedAs: null };
  };
}
