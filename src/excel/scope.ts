// Which sheets an action works on, and why there may be none.
//
// Scope "sheet" is the whole active sheet: the selection never narrows an
// action (a table is recognised from its header, not from where the cursor
// is). When the active sheet is the add-in's own summary, there is nothing
// to work on: the user is told which sheets have tables (selecting a
// finding's cell from the pane activates that sheet, so the next action
// applies there). Scope "workbook" is every visible sheet but the add-in's.

import { isAddinSheet, isOwnSummary, type ComputeOptions, type Sheet, type WorkbookAnalysis } from '../core';
import { sheetWords } from '../i18n/sheet-words';
import { engineOf, type HostEnv } from './env';
import { foreignLanguage, noTable, notMongolian, summaryActive } from './errors';
import { readActive, readSheets, readWorkbook, userSheets, type ScopeRead } from './read';
import type { AddinSettings } from './types';

export function analyzeOptions(settings: AddinSettings): ComputeOptions {
  return { profile: settings.profile, profileId: settings.profileId, overrides: settings.overrides, words: sheetWords(settings.lang) };
}

/**
 * Visible sheets outside the scope that may be a summary Compute made (named
 * like one, in any language): the engine decides from their contents whether
 * to replace one or pick a free name.
 */
function summaryCandidates(read: ScopeRead, settings: AddinSettings): string[] {
  const titles = sheetWords(settings.lang).signatures.map((s) => s.title.toLowerCase());
  const inScope = new Set(read.sheets.map((s) => s.sheet.name));
  return read.meta.sheets
    .filter((s) => s.visibility === 'Visible' && !inScope.has(s.name))
    .map((s) => s.name)
    .filter((n) => titles.some((t) => n.toLowerCase() === t || new RegExp(`^${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+\\)$`).test(n.toLowerCase())));
}

function readScope(context: Excel.RequestContext, settings: AddinSettings): Promise<ScopeRead> {
  return settings.scope === 'workbook' ? readWorkbook(context) : readActive(context);
}

/**
 * The scope, and the sheets outside it that may be a summary Compute made.
 * With the whole workbook in scope such a sheet is read with the others
 * (no sync of its own); with one sheet in scope the workbook facts come in
 * the same sync as the sheet, so a summary candidate, known only then,
 * takes one more sync (only when a sheet has a summary's name).
 */
export async function readScopeWithSummaries(context: Excel.RequestContext, env: HostEnv, settings: AddinSettings): Promise<{ read: ScopeRead; summaries: Sheet[] }> {
  const read = await readScopeReporting(context, env, settings);
  const candidates = summaryCandidates(read, settings);
  if (candidates.length === 0) return { read, summaries: [] };
  return { read, summaries: (await readSheets(context, read.meta, candidates)).sheets.map((s) => s.sheet) };
}

/** Other visible sheets that hold a table (read only on the way to an error message). */
async function tablesElsewhere(context: Excel.RequestContext, env: HostEnv, read: ScopeRead, settings: AddinSettings, except: string[]): Promise<string[]> {
  const names = userSheets(read.meta).filter((n) => !except.includes(n));
  const others = await readSheets(context, read.meta, names);
  const analysis = await engineOf(env).analyze(
    others.sheets.map((s) => s.sheet),
    analyzeOptions(settings),
  );
  return analysis.sheets.filter((s) => s.tables.length > 0).map((s) => s.sheet);
}

/** Throws the AddinError that explains an empty scope. */
export async function ensureScope(context: Excel.RequestContext, env: HostEnv, settings: AddinSettings, read: ScopeRead): Promise<void> {
  const active = read.sheets.find((s) => s.sheet.name === read.meta.active)?.sheet;
  const own = active !== undefined && isOwnSummary(active, sheetWords(settings.lang));
  if (settings.scope === 'sheet' && (isAddinSheet(read.meta.active) || own)) {
    throw summaryActive(read.meta.active, await tablesElsewhere(context, env, read, settings, []));
  }
}

/** Throws when no sheet in scope has a table: another language, or no table (naming sheets that have one). */
export async function ensureTables(context: Excel.RequestContext, env: HostEnv, settings: AddinSettings, read: ScopeRead, analysis: WorkbookAnalysis): Promise<void> {
  if (analysis.sheets.some((s) => s.tables.length > 0)) return;
  const sheet = settings.scope === 'sheet' ? read.meta.active : null;
  const language = foreignLanguage(read.sheets.flatMap((s) => s.sheet.values));
  if (language) throw notMongolian(sheet, language);
  if (sheet === null) throw noTable(null, []);
  throw noTable(sheet, await tablesElsewhere(context, env, read, settings, [sheet]));
}

/** Read the scope, saying so. */
export async function readScopeReporting(context: Excel.RequestContext, env: HostEnv, settings: AddinSettings): Promise<ScopeRead> {
  env.progress?.({ stage: 'read' });
  return readScope(context, settings);
}

/**
 * Read and analyse the scope, or explain why it has nothing to work on. The
 * reading is Excel's (this thread); the analysis is the engine's (a worker
 * where the environment has one).
 */
export async function analyzeScope(context: Excel.RequestContext, env: HostEnv, settings: AddinSettings): Promise<{ read: ScopeRead; analysis: WorkbookAnalysis }> {
  const read = await readScopeReporting(context, env, settings);
  await ensureScope(context, env, settings, read);
  const analysis = await engineOf(env).analyze(
    read.sheets.map((s) => s.sheet),
    analyzeOptions(settings),
    env.progress,
  );
  await ensureTables(context, env, settings, read, analysis);
  return { read, analysis };
}
