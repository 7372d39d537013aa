// "Алдааны жагсаалт хуудас" in Excel: the checked copy's findings sheet
// ("Алдаа, дутуу") made in the open workbook, as `unelgee check` writes it —
// a line per finding with a link to its cell, the totals as formulas, A4
// landscape printing. The marks on the cells are Validate's. The whole
// workbook is read and analysed (the engine leaves a findings sheet it made
// out); the sheet is planned here (planFindingsSheet: no analysis, light)
// and written with the evaluation sheet's operations, over the one made
// before or under a free name. The one made before is rewritten in place,
// never renamed or deleted (a user's formulas may point at it): what it
// held — its cells and links, widths and heights, page setup — is read
// first and kept as data with the snapshot, and Revert writes it back
// (sheet-backup.ts, as for the summary and the evaluation sheet). One
// Revert step. Syncs: the workbook (2: facts, sheets), the store (1), the
// sheet made before when there is one (a few, in bands), write (1; more
// only past a 5 MB request).

import { findingsSheetName, planFindingsSheet, type SheetPlan } from '../core';
import { findingsSheetWords } from '../i18n/findings-sheet';
import type { FindingsSheetResult } from './action-types';
import { writeAction } from './action';
import { op, type Op } from './batch';
import { NOTES_API, engineOf, supports, type HostEnv } from './env';
import { sheetProtected, workbookProtected } from './errors';
import { hasSheet, readWorkbook } from './read';
import { HYPERLINKS_LIMIT } from './rollup';
import { analyzeOptions } from './scope';
import { prepareRewrite } from './sheet-backup';
import { activateOp, placeSheetOps, sheetContentOps } from './sheet-format';
import { STORE_SHEET, readStore } from './store';
import type { AddinSettings } from './types';

/** Each listed cell a link to the finding's cell (Range.hyperlink with a document reference, ExcelApi 1.7); at most 65,530 a sheet. */
function linkOps(plan: SheetPlan): Op[] {
  // The text each link shows, looked up once (not a search of the writes per link: 20,000 findings).
  const written = new Map(plan.writes.map((w) => [`${w.row}:${w.col}`, w.value]));
  return (plan.links ?? []).slice(0, HYPERLINKS_LIMIT).map((link) => {
    const shown = written.get(`${link.row}:${link.col}`);
    return op(link, (b) => (b.sheet(plan.name).getRangeByIndexes(link.row, link.col, 1, 1).hyperlink = { documentReference: link.location, textToDisplay: String(shown ?? link.location) }));
  });
}

export async function createFindingsSheet(context: Excel.RequestContext, env: HostEnv, settings: AddinSettings): Promise<FindingsSheetResult> {
  const read = await readWorkbook(context);
  const sheets = read.sheets.map((s) => s.sheet);
  const analysis = await engineOf(env).analyze(sheets, analyzeOptions(settings), env.progress);
  const words = findingsSheetWords(settings.lang);
  const given = new Set(sheets.map((s) => s.name));
  const name = findingsSheetName(
    sheets,
    read.meta.sheets.map((s) => s.name).filter((n) => !given.has(n)),
    words,
  );
  // Adding a sheet, or the store, changes the workbook's structure.
  if (read.meta.workbookProtected) throw workbookProtected();
  if (name.replaces && read.sheets.find((s) => s.sheet.name === name.name)?.protected) throw sheetProtected([name.name]);
  const plan = planFindingsSheet(
    analysis.findings,
    words,
    name,
    sheets.map((s) => s.name),
  );
  const notes = supports(env.office, NOTES_API);
  const store = await readStore(context, { exists: hasSheet(read.meta, STORE_SHEET) });
  // The sheet made before is rewritten in place, never renamed: what it holds goes into the snapshot.
  const rewrite = plan.replaces ? await prepareRewrite(context, plan.name, plan, notes) : null;
  await writeAction(context, {
    env,
    kind: 'findings',
    meta: read.meta,
    store,
    planned: [],
    notes,
    sheet: { name: plan.name, saved: rewrite?.saved ?? null },
    more: () => [...placeSheetOps(plan.name, { clear: rewrite?.clear ?? null, position: null }), ...sheetContentOps(plan, notes), ...linkOps(plan), activateOp(plan.name)],
  });
  return { sheet: plan.name, replaced: plan.replaces, listed: analysis.findings.length, counts: analysis.counts };
}
