// Which sheets an action works on, and why there may be none.
//
// Scope "sheet" is the whole active sheet: the selection never narrows an
// action (a table is recognised from its header, not from where the cursor
// is). When the active sheet is the add-in's own summary, there is nothing
// to work on: the user is told which sheets have tables (selecting a
// finding's cell from the pane activates that sheet, so the next action
// applies there). Scope "workbook" is every visible sheet but the add-in's.

import { analyzeWorkbook, isAddinSheet, type AnalyzeOptions, type WorkbookAnalysis } from '../core';
import { foreignLanguage, noTable, notMongolian, summaryActive } from './errors';
import { readActive, readSheets, readWorkbook, userSheets, type ScopeRead } from './read';
import type { AddinSettings } from './types';

export function analyzeOptions(settings: AddinSettings): AnalyzeOptions {
  return { profile: settings.profile, profileId: settings.profileId, overrides: settings.overrides, lang: settings.lang };
}

export function readScope(context: Excel.RequestContext, settings: AddinSettings): Promise<ScopeRead> {
  return settings.scope === 'workbook' ? readWorkbook(context) : readActive(context);
}

/** Other visible sheets that hold a table (read only on the way to an error message). */
async function tablesElsewhere(context: Excel.RequestContext, read: ScopeRead, settings: AddinSettings, except: string[]): Promise<string[]> {
  const names = userSheets(read.meta).filter((n) => !except.includes(n));
  const others = await readSheets(context, read.meta, names);
  const analysis = analyzeWorkbook(
    others.sheets.map((s) => s.sheet),
    analyzeOptions(settings),
  );
  return analysis.sheets.filter((s) => s.tables.length > 0).map((s) => s.sheet);
}

/** Throws the AddinError that explains an empty scope. */
export async function ensureScope(context: Excel.RequestContext, settings: AddinSettings, read: ScopeRead): Promise<void> {
  if (settings.scope === 'sheet' && isAddinSheet(read.meta.active)) {
    throw summaryActive(await tablesElsewhere(context, read, settings, []));
  }
}

/** Throws when no sheet in scope has a table: another language, or no table (naming sheets that have one). */
export async function ensureTables(context: Excel.RequestContext, settings: AddinSettings, read: ScopeRead, analysis: WorkbookAnalysis): Promise<void> {
  if (analysis.sheets.some((s) => s.tables.length > 0)) return;
  const sheet = settings.scope === 'sheet' ? read.meta.active : null;
  const language = foreignLanguage(read.sheets.flatMap((s) => s.sheet.values));
  if (language) throw notMongolian(sheet, language);
  if (sheet === null) throw noTable(null, []);
  throw noTable(sheet, await tablesElsewhere(context, read, settings, [sheet]));
}

/** Read and analyse the scope, or explain why it has nothing to work on. */
export async function analyzeScope(context: Excel.RequestContext, settings: AddinSettings): Promise<{ read: ScopeRead; analysis: WorkbookAnalysis }> {
  const read = await readScope(context, settings);
  await ensureScope(context, settings, read);
  const analysis = analyzeWorkbook(
    read.sheets.map((s) => s.sheet),
    analyzeOptions(settings),
  );
  await ensureTables(context, settings, read, analysis);
  return { read, analysis };
}
