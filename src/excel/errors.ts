// The problems a user must hear about (their words are in src/i18n/excel.ts).
// Each one is raised before anything is written, so the workbook is left as
// it was.

import type { Localized } from '../core';
import { EXCEL_TEXT as T, quotedList, say } from '../i18n/excel';
import { AddinError } from './types';

export function sheetProtected(names: string[]): AddinError {
  return new AddinError('sheet-protected', say(T.sheetProtected, { sheets: quotedList(names) }));
}

export function workbookProtected(): AddinError {
  return new AddinError('workbook-protected', say(T.workbookProtected));
}

function elsewhere(others: string[]): Localized {
  return others.length === 0 ? { mn: '', en: '' } : say(T.tablesElsewhere, { sheets: quotedList(others) });
}

export function noTable(sheet: string | null, others: string[]): AddinError {
  if (sheet === null) return new AddinError('no-table', say(T.noTableInWorkbook));
  return new AddinError('no-table', say(T.noTableOnSheet, { sheet, elsewhere: elsewhere(others) }));
}

export type ForeignLanguage = 'en' | 'ru';

export function notMongolian(sheet: string | null, language: ForeignLanguage): AddinError {
  const where = sheet === null ? say(T.thisWorkbook) : say(T.thisSheet, { sheet });
  return new AddinError('not-mongolian', say(T.notMongolian, { where, language: language === 'en' ? T.languageEnglish : T.languageRussian }));
}

export function summaryActive(name: string, others: string[]): AddinError {
  return new AddinError('summary-sheet-active', say(T.summaryActive, { sheet: name, elsewhere: elsewhere(others) }));
}

export function nothingToRevert(): AddinError {
  return new AddinError('nothing-to-revert', say(T.nothingToRevert));
}

export function revertSheetMissing(name: string): AddinError {
  return new AddinError('revert-sheet-missing', say(T.revertSheetMissing, { sheet: name }));
}

export function sheetMissing(name: string): AddinError {
  return new AddinError('sheet-missing', say(T.sheetMissing, { sheet: name }));
}

export function formulaTooLong(length: number, limit: number): AddinError {
  return new AddinError('formula-too-long', say(T.formulaTooLong, { length: String(length), limit: String(limit) }));
}

/** "Тайлан!H24 (percent-misplaced)", the findings a refused fix names. */
function findingsList(findings: { sheet: string; cell: string; code: string }[]): string {
  return findings.map((f) => `${f.sheet}!${f.cell} (${f.code})`).join(', ');
}

export function fixFindingGone(findings: { sheet: string; cell: string; code: string }[]): AddinError {
  return new AddinError('fix-finding-gone', say(T.fixFindingGone, { findings: findingsList(findings) }));
}

export function fixChanged(findings: { sheet: string; cell: string; code: string }[]): AddinError {
  return new AddinError('fix-changed', say(T.fixChanged, { findings: findingsList(findings) }));
}

export function noReport(): AddinError {
  return new AddinError('no-report', say(T.noReport));
}

/** Mongolian case endings and Russian function words and endings: enough to tell the two apart on a few lines. */
const MONGOLIAN_MARKS = /(ын|ийн|ний|ууд|үүд|ийг|ыг|аар|ээр|оор|өөр|даа|дээ|тай|тэй|той)(?![\p{L}])/giu;
// A word stands after the start or a non-letter, matched rather than looked behind for: Safari before 16.4 (Excel for Mac's webview) refuses lookbehind, and the whole bundle with it.
const RUSSIAN_MARKS = /((?:^|[^\p{L}])(и|в|на|по|для|от|до|не|при|о)(?![\p{L}])|(ие|ия|ий|ый|ого|ых|ать|ение|ании)(?![\p{L}]))/giu;

/**
 * Which language a sheet with no recognised table is written in: mostly
 * Latin letters → English; Cyrillic with Russian words and endings rather
 * than Mongolian ones (and no ө, ү) → Russian. Null when it looks
 * Mongolian or has too little text to tell.
 */
export function foreignLanguage(values: unknown[][]): ForeignLanguage | null {
  let latin = 0;
  let cyrillic = 0;
  let mongolian = 0;
  let russian = 0;
  for (const row of values) {
    for (const value of row) {
      if (typeof value !== 'string') continue;
      if (/[өүӨҮ]/.test(value)) return null;
      latin += (value.match(/[A-Za-z]/g) ?? []).length;
      cyrillic += (value.match(/[\u0400-\u04FF]/g) ?? []).length;
      mongolian += (value.match(MONGOLIAN_MARKS) ?? []).length;
      russian += (value.match(RUSSIAN_MARKS) ?? []).length;
    }
  }
  if (latin + cyrillic < 20) return null;
  if (latin >= cyrillic) return 'en';
  return russian > mongolian ? 'ru' : null;
}
