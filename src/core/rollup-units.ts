// Who reports, and for which period, as a report's title lines say it: the
// grammar of units' names (an organisation's and a unit's name ends, in the
// genitive as titles write them, and the nominative), of years and periods,
// and of the person an evaluation sheet is about. The roll-up reads each
// table's unit with it (rollup-rows.ts); the report form and next year's
// plan read their title from it.

import type { Sheet } from './sheet';
import { cellText, normalize } from './text';

/** The period a report covers: the year, a half, nine months, a quarter. */
export type PeriodCode = 'year' | 'h1' | 'h2' | 'm9' | 'q1' | 'q2' | 'q3' | 'q4';

/** What a sheet's title lines say about who reports (organisation, unit or person) and for when. */
export interface UnitInfo {
  organisation: string | null;
  /** The unit (a department, an agency) or, on an evaluation sheet, the person evaluated. */
  unit: string | null;
  period: PeriodCode | null;
  year: number | null;
}

/**
 * Words that end the name of an organisation or a unit, in the genitive (as
 * titles write them: "…ХЭЛТСИЙН 2024 ОНЫ ТАЙЛАН") and the nominative; `org`
 * marks those that close an organisation's name, so that "…ТАМГЫН ГАЗРЫН
 * ТӨРИЙН ЗАХИРГААНЫ УДИРДЛАГЫН ХЭЛТСИЙН" splits after "ГАЗРЫН".
 */
const NAME_ENDS: readonly { genitive: string; nominative: string; org: boolean }[] = [
  { genitive: 'газрын', nominative: 'газар', org: true },
  { genitive: 'яамны', nominative: 'яам', org: true },
  { genitive: 'агентлагийн', nominative: 'агентлаг', org: true },
  { genitive: 'хорооны', nominative: 'хороо', org: true },
  { genitive: 'зөвлөлийн', nominative: 'зөвлөл', org: true },
  { genitive: 'байгууллагын', nominative: 'байгууллага', org: true },
  { genitive: 'сургуулийн', nominative: 'сургууль', org: true },
  { genitive: 'эмнэлгийн', nominative: 'эмнэлэг', org: true },
  { genitive: 'хүрээлэнгийн', nominative: 'хүрээлэн', org: true },
  { genitive: 'корпорацийн', nominative: 'корпораци', org: true },
  { genitive: 'хэлтсийн', nominative: 'хэлтэс', org: false },
  { genitive: 'албаны', nominative: 'алба', org: false },
  { genitive: 'тасгийн', nominative: 'тасаг', org: false },
  { genitive: 'нэгжийн', nominative: 'нэгж', org: false },
  { genitive: 'хэсгийн', nominative: 'хэсэг', org: false },
  { genitive: 'төвийн', nominative: 'төв', org: false },
  { genitive: 'салбарын', nominative: 'салбар', org: false },
  // "СУМЫН ЗАСАГ ДАРГЫН 2024 ОНЫ …": the governor (or a head) reports; inside "ЗАСАГ ДАРГЫН ТАМГЫН ГАЗРЫН" the name runs on to its last end.
  { genitive: 'даргын', nominative: 'дарга', org: false },
];
const ENDS_BY_FORM = new Map<string, { nominative: string; org: boolean }>();
for (const nameEnd of NAME_ENDS) {
  ENDS_BY_FORM.set(normalize(nameEnd.genitive), nameEnd);
  ENDS_BY_FORM.set(normalize(nameEnd.nominative), nameEnd);
}

/**
 * Words that end a name for certain: the title's own nouns ("… ГҮЙЦЭТГЭЛИЙН
 * ТАЙЛАН", "… ТӨЛӨВЛӨГӨӨ", "… ҮНЭЛГЭЭНИЙ ХУУДАС"). Other title words
 * (ҮНЭЛГЭЭНИЙ, АЖЛЫН, ҮЙЛ, ЖИЛИЙН…) may be part of a unit's name
 * ("ХЯНАЛТ-ШИНЖИЛГЭЭ, ҮНЭЛГЭЭНИЙ ХЭЛТЭС", "ХУРЛЫН АЖЛЫН АЛБА"): the name runs
 * to the last word that closes a name before the year or one of these.
 */
const TITLE_NOUNS = /^(гуйцэтгэл|тайлан|толовлогоо|хуудас)/;
/**
 * An order's or annex's line ("…-ын 2023 оны 98 дугаар тушаалын 6 дугаар
 * хавсралт", "… тогтоолын хавсралт"): its year is the order's, its name the
 * issuer's, neither the report's. Everything up to the word "хавсралт" is
 * left out (a title the engine joined may go on after it).
 */
const ANNEX = /^.*?хавсралт\S*\s*/iu;
/** A date line ("2025 оны 06 дугаар сарын 10"): the day it was signed, whose year is the report's only when nothing else says. */
const DATE_LINE = /(?:19|20)\d{2}\s*оны\s+\d{1,2}\s*(?:-?р|дугаар|дүгээр)?\s*сар/iu;
const YEAR = /(?:^|[^\d])((?:19|20)\d{2})\s*-?\s*(?:оны|онд|он)(?![а-яөүё])/iu;

/** Periods as titles write them, on normalize()d text (ү→у, ө→о). */
const PERIODS: readonly [PeriodCode, RegExp][] = [
  ['h1', /(эхний|нэгдугээр|1-р|i) хагас жил/],
  ['h2', /(суулийн|хоердугаар|2-р|ii) хагас жил/],
  ['m9', /(эхний )?(9|есон) сар/],
  // normalize() reads a Latin "v" as "в": IV is "iв".
  ['q4', /(^|[\s(])(iв|4|доровдугээр)\s*(-?р|-?дугээр)?\s*улир(ал|лын|алд)/],
  ['q3', /(^|[\s(])(iii|3|гуравдугаар)\s*(-?р|-?дугаар)?\s*улир(ал|лын|алд)/],
  ['q2', /(^|[\s(])(ii|2|хоердугаар)\s*(-?р|-?дугаар)?\s*улир(ал|лын|алд)/],
  ['q1', /(^|[\s(])(i|1|нэгдугээр|эхний)\s*(-?р|-?дугээр)?\s*улир(ал|лын|алд)/],
  ['year', /жилийн эцс|бутэн жил|жилийн (гуйцэтгэл|тайлан|ажлын)|оны (гуйцэтгэл|тайлан|толовлогоо|уйл ажиллагаа|ажлын)/],
];

/** "Овог, нэр: Б.Болд", "Албан хаагчийн нэр: …": the person an evaluation sheet is about. */
const PERSON = /(?:овог,?\s*нэр|албан хаагчийн нэр|ажилтны нэр|нэр)\s*[:：]\s*(\S.*)$/iu;

const trimPunct = (word: string) => word.replace(/^[\s"'“”«»(]+|[\s"'“”«»),.:;]+$/g, '');

/** The word in the nominative, in the case it was written in ("ХЭЛТСИЙН" → "ХЭЛТЭС"). */
function nominative(word: string): string {
  const end = ENDS_BY_FORM.get(normalize(trimPunct(word)));
  if (!end) return trimPunct(word);
  const written = trimPunct(word);
  const upper = written === written.toUpperCase() && written !== written.toLowerCase();
  const capital = !upper && written[0] === written[0].toUpperCase() && written[0] !== written[0].toLowerCase();
  if (upper) return end.nominative.toUpperCase();
  return capital ? end.nominative[0].toUpperCase() + end.nominative.slice(1) : end.nominative;
}

const isNameEnd = (word: string) => ENDS_BY_FORM.has(normalize(trimPunct(word)));

/**
 * The name at the start of a title line, split into organisation and unit
 * where the words allow: the words up to the last one that closes a name,
 * before the year and the title's own nouns.
 */
function nameIn(line: string): { organisation: string | null; unit: string | null } {
  const none = { organisation: null, unit: null };
  // "Хянасан: …", "Овог, нэр: …": a label and a value, not a title.
  if (line.includes(':')) return none;
  const words = line.split(/\s+/).filter(Boolean);
  let end = -1;
  for (let i = 0; i < words.length; i++) {
    const normal = normalize(trimPunct(words[i]));
    if (/^(19|20)\d{2}$/.test(normal) || TITLE_NOUNS.test(normal)) break;
    if (isNameEnd(words[i])) end = i;
  }
  if (end < 0) return none;
  const name = words.slice(0, end + 1);
  const last = ENDS_BY_FORM.get(normalize(trimPunct(name[end])))!;
  const text = (part: string[]) => [...part.slice(0, -1), nominative(part[part.length - 1])].join(' ');
  // The last organisation word before the final one splits "organisation | unit".
  let split = -1;
  for (let i = name.length - 2; i >= 0; i--) {
    if (ENDS_BY_FORM.get(normalize(trimPunct(name[i])))?.org) {
      split = i;
      break;
    }
  }
  if (split >= 0) return { organisation: text(name.slice(0, split + 1)), unit: text(name.slice(split + 1)) };
  return last.org ? { organisation: text(name), unit: null } : { organisation: null, unit: text(name) };
}

/**
 * Who reports and for when, from a table's title and the lines above it:
 * the organisation and unit (the words up to the last that closes a name,
 * before the year or "ГҮЙЦЭТГЭЛИЙН ТАЙЛАН", split where an organisation's
 * name ends; the title first, then each line; an organisation line above a
 * title that names only its unit gives the organisation), the person on an
 * evaluation sheet ("Овог, нэр: …"), the year ("2024 ОНЫ") and the period
 * ("ЭХНИЙ ХАГАС ЖИЛИЙН", "I УЛИРЛЫН", "ЖИЛИЙН ЭЦСИЙН"). An order's or annex's
 * words ("…2023 оны 98 дугаар тушаалын 6 дугаар хавсралт") say nothing of
 * the report; a date line's year counts only when no other line has one.
 * Null where the lines do not say.
 */
export function unitFromLines(title: string, lines: readonly string[]): UnitInfo {
  const texts = [title, ...lines].map((text) => text.replace(/\s+/g, ' ').trim().replace(ANNEX, '')).filter(Boolean);
  const info: UnitInfo = { organisation: null, unit: null, period: null, year: null };
  const undated = texts.filter((text) => !DATE_LINE.test(text));
  for (const text of [...undated, ...texts.filter((dated) => DATE_LINE.test(dated))]) {
    const year = YEAR.exec(text);
    if (year) {
      info.year = Number(year[1]);
      break;
    }
  }
  for (const text of undated) {
    const normal = normalize(text);
    const period = PERIODS.find(([, pattern]) => pattern.test(normal));
    if (period) {
      info.period = period[0];
      break;
    }
  }
  let person: string | null = null;
  for (const text of texts) {
    const personLine = PERSON.exec(text);
    if (personLine && personLine[1].trim().length >= 3) {
      person = personLine[1].trim().slice(0, 80);
      break;
    }
  }
  // The title first (the engine joined its lines); then each line above the table on its own.
  const names = texts.map(nameIn);
  const named = names.findIndex((name) => name.organisation || name.unit);
  if (named >= 0) {
    info.organisation = names[named].organisation;
    info.unit = names[named].unit;
  }
  if (info.unit && !info.organisation) info.organisation = names.find((name, index) => index !== named && name.organisation && !name.unit)?.organisation ?? null;
  if (person) {
    // An evaluation sheet: the person is who reports; the unit they belong to stands as the organisation.
    info.organisation = [info.organisation, info.unit].filter(Boolean).join(', ') || null;
    info.unit = person;
  }
  return info;
}

/** The text of each non-empty row of a sheet from its top down to (not including) `beforeRow`, at most `max` lines. */
export function topLines(sheet: Sheet, beforeRow: number, max = 10): string[] {
  const lines: string[] = [];
  for (let rowIndex = sheet.startRow; rowIndex < beforeRow && lines.length < max; rowIndex++) {
    const row = sheet.values[rowIndex - sheet.startRow];
    if (!row) continue;
    const parts: string[] = [];
    for (const value of row) {
      const text = cellText(value);
      if (text) parts.push(text);
    }
    if (parts.length) lines.push(parts.join(' '));
  }
  return lines;
}

/** The year a file's name gives ("Тайлан 2024", "plan-2023-soum"), where the title lines give none; null for none or several. */
export function yearOfFileName(label: string): number | null {
  const years = [...label.matchAll(/(?:^|\D)((?:19|20)\d{2})(?=\D|$)/g)].map((match) => Number(match[1]));
  return new Set(years).size === 1 ? years[0] : null;
}

/** "reports/Тайлан 2024.xlsx" → "Тайлан 2024". */
export function fileLabel(file: string): string {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}
