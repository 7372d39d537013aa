// Header words → column roles (docs/domain.md §2), tolerant of case, spaces inside
// words, Cyrillic look-alikes and a few wrong letters.

import { compact, editDistance, fuzzyFind, normalize, tolerance } from '../text';
import type { Role } from '../types';

/**
 * "Гүйцэтгэлийн түвшин" is the trap: a group header over the level columns
 * in one form, the achieved column in another, the percent column in annex 8.
 * The recogniser settles it from the sub-headers below or the column's contents.
 */
export type HeaderClass = Role | 'performance-level';

interface Phrase {
  role: Role;
  text: string;
  /** Only a whole-header match counts (short, generic words). */
  whole?: boolean;
}

// Written as people write them; compacted once below.
const PHRASES: [Role, string, boolean?][] = [
  ['action', 'Арга хэмжээ'],
  ['action', 'Зорилтыг хэрэгжүүлэх арга хэмжээ'],
  ['action', 'Гүйцэтгэлийн зорилт, арга хэмжээ'],
  ['action', 'Ажил, арга хэмжээ'],
  ['action', 'Үүрэг даалгавар'],
  ['action', 'Стратеги төлөвлөгөө'],
  ['action', 'бодлогын баримт бичиг'],
  ['action', 'Үзүүлэлт', true],
  ['action', 'Үнэлгээний үзүүлэлт', true],
  ['action', 'Ажлын нэр', true],
  ['action', 'Хийх ажил', true],
  // Annex 8 sections 3 and 4: the competencies a supervisor and colleagues rate.
  ['action', 'Хандлага, ёс зүй'],
  ['budget', 'Төсөв'],
  ['budget', 'Зарцуулах хөрөнгө'],
  ['budget', 'мян/төг'],
  ['budget', 'Санхүүжилт', true],
  ['indicator', 'Шалгуур үзүүлэлт'],
  ['indicator', 'Гүйцэтгэлийн шалгуур үзүүлэлт'],
  ['baseline', 'Суурь түвшин'],
  ['baseline', 'Суурь', true],
  ['target', 'Зорилтот түвшин'],
  ['target', 'Хүрэх түвшин'],
  ['target', 'Хүрэх үр дүн'],
  ['achieved', 'Хүрсэн түвшин'],
  ['achieved', 'Хүрсэн үр дүн'],
  ['achieved', 'Хэрэгжилт', true],
  ['achieved', 'Хэрэгжилтийн явц', true],
  ['achieved', 'Биелэлт', true],
  ['achieved', 'Гүйцэтгэл', true],
  ['responsible', 'Хариуцах эзэн'],
  ['responsible', 'Хариуцах байгууллага'],
  ['responsible', 'Хариуцах нэгж'],
  ['responsible', 'Хариуцагч'],
  ['responsible', 'Хэрэгжүүлэгч'],
];

const COMPILED: Phrase[] = PHRASES.map(([role, text, whole]) => ({ role, text: compact(text), whole }));

const INDEX_WORDS = new Set(['дд', '№', 'да', 'д№', 'no', '#', 'дугаар', 'ддугаар', '№пп', 'н', 'nо']);

const WORD_HUVI = 'хувь';
const WORD_ONOO = 'оноо';
const WORD_PERIOD = compact('Хугацаа');
const WORD_PERFORMANCE_LEVEL = compact('Гүйцэтгэлийн түвшин');
const GOAL_WORDS = ['зорилт', 'зорилго', 'зорилтууд'];

/** Headers longer than this (compacted) are sentences, not headers. */
const MAX_HEADER_LENGTH = 120;

const cache = new Map<string, HeaderClass | null>();

/** The role a header cell names, or null when it names none. Memoised: headers repeat. */
export function classifyHeader(text: string): HeaderClass | null {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const result = classify(text);
  if (cache.size > 50000) cache.clear();
  cache.set(text, result);
  return result;
}

function classify(text: string): HeaderClass | null {
  const c = compact(text);
  if (c === '' || c.length > MAX_HEADER_LENGTH) return null;
  if (/^\d+$/.test(c)) return null;
  const n = normalize(text);

  if (c.includes(WORD_ONOO)) return 'points';
  if (c.includes(WORD_HUVI) || c.endsWith('хуви') || /(^|\s)%$/.test(n)) return 'percent';
  if (INDEX_WORDS.has(c) || /^(д\s*\/\s*д|№|д\s*\/\s*а)$/.test(n)) return 'index';
  if (fuzzyFind(WORD_PERIOD, c) <= 1) return 'period';
  if (c.length <= WORD_PERFORMANCE_LEVEL.length + 3 && fuzzyFind(WORD_PERFORMANCE_LEVEL, c) <= 2) return 'performance-level';
  if (GOAL_WORDS.some((g) => editDistance(c, g) <= 1)) return 'goal';

  let best: { role: Role; score: number; len: number } | null = null;
  for (const p of COMPILED) {
    let errors: number;
    if (p.whole) {
      if (Math.abs(c.length - p.text.length) > tolerance(p.text.length)) continue;
      errors = editDistance(c, p.text);
    } else {
      if (c.length + tolerance(p.text.length) < p.text.length) continue;
      errors = fuzzyFind(p.text, c);
    }
    if (errors > tolerance(p.text.length)) continue;
    const score = p.text.length - 3 * errors;
    if (!best || score > best.score || (score === best.score && p.text.length > best.len)) {
      best = { role: p.role, score, len: p.text.length };
    }
  }
  return best ? best.role : null;
}

/** "Нийт (70 оноо)", "(15 хүртэл оноогоор)" → 70, 15 (normalize() has turned ү into у). */
export function maxPointsOf(header: string): number | undefined {
  const m = /(\d+(?:[.,]\d+)?)\s*(?:хуртэл\s*)?оноо/.exec(normalize(header));
  return m ? Number(m[1].replace(',', '.')) : undefined;
}
