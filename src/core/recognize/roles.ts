// Header words → column roles (docs/domain.md §2, generated from HEADER_PHRASES
// below by `npm run docs:domain`), tolerant of case, spaces inside words,
// Cyrillic look-alikes and a few wrong letters. `unelgee explain-header`
// prints what explainHeader finds for a header.

import { compact, editDistance, fuzzyFind, normalize, tolerance } from '../text';
import type { Role } from '../types';

/**
 * "Гүйцэтгэлийн түвшин" is the trap: a group header over the level columns
 * in one form, the achieved column in another, the percent column in annex 8.
 * The recogniser settles it from the sub-headers below or the column's contents.
 */
export type HeaderClass = Role | 'performance-level';

/**
 * How a phrase is looked for in a header. Headers and phrases are compared
 * compacted: lower-case, Latin look-alikes and ү/ө/ё folded, without spaces
 * and punctuation ("Биелэл тийн хувь" → "биелэлтийнхувь").
 */
export type PhraseMatch =
  /** The header holds the phrase, letter for letter. */
  | 'holds'
  /** The header ends with it, letter for letter. */
  | 'ends'
  /** The header's last word (spaces kept) is it: "%", "Гүйцэтгэл %". */
  | 'last-word'
  /** The whole header is the phrase, letter for letter. */
  | 'is'
  /** The header holds the phrase with up to `tolerance` letters wrong, missing or added. */
  | 'holds-about'
  /** The whole header is the phrase with up to `tolerance` letters wrong, missing or added. */
  | 'is-about';

/**
 * How a phrase decides. `rule`: checked in the order written, before any
 * other, and the first that matches decides ("хувь" anywhere makes a percent
 * column). `weighed`: every weighed phrase that matches is scored (its
 * length less three per wrong letter) and the best wins, the longer on a tie.
 */
export type PhraseStage = 'rule' | 'weighed';

export interface HeaderPhrase {
  role: HeaderClass;
  /** As people write it. */
  text: string;
  match: PhraseMatch;
  stage: PhraseStage;
  /** Letters that may be wrong for the "-about" matches (text.ts's tolerance for the phrase's length when not given). */
  tolerance?: number;
  /** For "holds-about": the header may be at most this many letters longer than the phrase. */
  longerAtMost?: number;
}

const rule = (role: HeaderClass, text: string, match: PhraseMatch, more: Partial<HeaderPhrase> = {}): HeaderPhrase => ({ role, text, match, stage: 'rule', ...more });
const inside = (role: Role, text: string): HeaderPhrase => ({ role, text, match: 'holds-about', stage: 'weighed' });
/** Short, generic words: only a whole-header match counts. */
const whole = (role: Role, text: string): HeaderPhrase => ({ role, text, match: 'is-about', stage: 'weighed' });

/** Every phrase a header is read by, as people write them; rules first, in the order they are checked. */
export const HEADER_PHRASES: readonly HeaderPhrase[] = [
  rule('points', 'оноо', 'holds'),
  rule('percent', 'хувь', 'holds'),
  rule('percent', 'хуви', 'ends'),
  rule('percent', '%', 'last-word'),
  rule('index', 'Д/д', 'is'),
  rule('index', 'Д/А', 'is'),
  rule('index', '№', 'is'),
  rule('index', 'Д№', 'is'),
  rule('index', '№ п/п', 'is'),
  rule('index', 'No', 'is'),
  rule('index', '#', 'is'),
  rule('index', 'Н', 'is'),
  rule('index', 'Дугаар', 'is'),
  rule('index', 'Д/дугаар', 'is'),
  rule('period', 'Хугацаа', 'holds-about'),
  rule('performance-level', 'Гүйцэтгэлийн түвшин', 'holds-about', { tolerance: 2, longerAtMost: 3 }),
  rule('goal', 'Зорилт', 'is-about', { tolerance: 1 }),
  rule('goal', 'Зорилго', 'is-about', { tolerance: 1 }),
  rule('goal', 'Зорилтууд', 'is-about', { tolerance: 1 }),
  inside('action', 'Арга хэмжээ'),
  inside('action', 'Зорилтыг хэрэгжүүлэх арга хэмжээ'),
  inside('action', 'Гүйцэтгэлийн зорилт, арга хэмжээ'),
  inside('action', 'Ажил, арга хэмжээ'),
  inside('action', 'Үүрэг даалгавар'),
  inside('action', 'Стратеги төлөвлөгөө'),
  inside('action', 'бодлогын баримт бичиг'),
  whole('action', 'Үзүүлэлт'),
  whole('action', 'Үнэлгээний үзүүлэлт'),
  whole('action', 'Ажлын нэр'),
  whole('action', 'Хийх ажил'),
  // Annex 8 sections 3 and 4: the competencies a supervisor and colleagues rate.
  inside('action', 'Хандлага, ёс зүй'),
  inside('budget', 'Төсөв'),
  inside('budget', 'Зарцуулах хөрөнгө'),
  inside('budget', 'мян/төг'),
  whole('budget', 'Санхүүжилт'),
  inside('indicator', 'Шалгуур үзүүлэлт'),
  inside('indicator', 'Гүйцэтгэлийн шалгуур үзүүлэлт'),
  inside('baseline', 'Суурь түвшин'),
  whole('baseline', 'Суурь'),
  inside('target', 'Зорилтот түвшин'),
  inside('target', 'Хүрэх түвшин'),
  inside('target', 'Хүрэх үр дүн'),
  inside('achieved', 'Хүрсэн түвшин'),
  inside('achieved', 'Хүрсэн үр дүн'),
  whole('achieved', 'Хэрэгжилт'),
  whole('achieved', 'Хэрэгжилтийн явц'),
  whole('achieved', 'Биелэлт'),
  whole('achieved', 'Гүйцэтгэл'),
  inside('responsible', 'Хариуцах эзэн'),
  inside('responsible', 'Хариуцах байгууллага'),
  inside('responsible', 'Хариуцах нэгж'),
  inside('responsible', 'Хариуцагч'),
  inside('responsible', 'Хэрэгжүүлэгч'),
];

/** A phrase as matching sees it: compacted (the last word of a "last-word" phrase only normalised), its tolerance settled. */
interface CompiledPhrase {
  phrase: HeaderPhrase;
  key: string;
  tolerance: number;
}

const isAbout = (match: PhraseMatch) => match === 'holds-about' || match === 'is-about';

/** The phrase as headers are compared with it. */
const keyOf = (phrase: HeaderPhrase) => (phrase.match === 'last-word' ? normalize(phrase.text) : compact(phrase.text));

/** Letters that may be wrong when matching this phrase: its own tolerance, else text.ts's for its compacted length; none for a letter-for-letter match. */
export function phraseTolerance(phrase: HeaderPhrase): number {
  return isAbout(phrase.match) ? phrase.tolerance ?? tolerance(keyOf(phrase).length) : 0;
}

const COMPILED: CompiledPhrase[] = HEADER_PHRASES.map((phrase) => ({ phrase, key: keyOf(phrase), tolerance: phraseTolerance(phrase) }));
const RULES = COMPILED.filter((compiled) => compiled.phrase.stage === 'rule');
const WEIGHED = COMPILED.filter((compiled) => compiled.phrase.stage === 'weighed');

/** Headers longer than this (compacted) are sentences, not headers. */
const MAX_HEADER_LENGTH = 120;

/** A header as matching reads it. */
interface HeaderForms {
  compacted: string;
  normalized: string;
}

/** Letters wrong between the phrase and the header, or null when it cannot match at all (a letter-for-letter match missed, or lengths too far apart). */
function errorsOf(compiled: CompiledPhrase, header: HeaderForms): number | null {
  const { key, tolerance: allowed, phrase } = compiled;
  const text = header.compacted;
  switch (phrase.match) {
    case 'holds':
      return text.includes(key) ? 0 : null;
    case 'ends':
      return text.endsWith(key) ? 0 : null;
    case 'last-word':
      return header.normalized === key || header.normalized.endsWith(` ${key}`) ? 0 : null;
    case 'is':
      return text === key ? 0 : null;
    case 'holds-about':
      if (text.length + allowed < key.length) return null;
      if (phrase.longerAtMost !== undefined && text.length > key.length + phrase.longerAtMost) return null;
      return fuzzyFind(key, text);
    case 'is-about':
      if (Math.abs(text.length - key.length) > allowed) return null;
      return editDistance(text, key);
  }
}

/** A weighed phrase's score: its length less three per wrong letter. */
const scoreOf = (compiled: CompiledPhrase, errors: number) => compiled.key.length - 3 * errors;

/** Why a header is read as no role before any phrase is tried, or null when phrases are tried. */
function refusalOf(header: HeaderForms): 'empty' | 'number' | 'sentence' | null {
  if (header.compacted === '') return 'empty';
  if (header.compacted.length > MAX_HEADER_LENGTH) return 'sentence';
  if (/^\d+$/.test(header.compacted)) return 'number';
  return null;
}

const formsOf = (text: string): HeaderForms => ({ compacted: compact(text), normalized: normalize(text) });

const cache = new Map<string, HeaderClass | null>();

/** The role a header cell names, or null when it names none. Memoised: headers repeat. */
export function classifyHeader(text: string): HeaderClass | null {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const result = classify(formsOf(text));
  if (cache.size > 50000) cache.clear();
  cache.set(text, result);
  return result;
}

/** The recogniser's hot path: stops at the first rule that matches. explainHeader decides the same way and says why. */
function classify(header: HeaderForms): HeaderClass | null {
  if (refusalOf(header)) return null;
  for (const compiled of RULES) {
    const errors = errorsOf(compiled, header);
    if (errors !== null && errors <= compiled.tolerance) return compiled.phrase.role;
  }
  let best: { compiled: CompiledPhrase; score: number } | null = null;
  for (const compiled of WEIGHED) {
    const errors = errorsOf(compiled, header);
    if (errors === null || errors > compiled.tolerance) continue;
    const score = scoreOf(compiled, errors);
    if (!best || score > best.score || (score === best.score && compiled.key.length > best.compiled.key.length)) best = { compiled, score };
  }
  return best ? best.compiled.phrase.role : null;
}

/** One phrase held against a header. */
export interface PhraseTried {
  phrase: HeaderPhrase;
  /** Letters wrong (0 for a letter-for-letter match). */
  errors: number;
  /** Letters that may be wrong. */
  tolerance: number;
  /** Weighed phrases: length less three per wrong letter (the best wins). */
  score?: number;
  /** Letters the header is longer than the phrase, when more than the phrase's `longerAtMost` ruled it out whatever its letters. */
  longer?: number;
}

export interface HeaderExplanation {
  header: string;
  /** The header as phrases are compared with it. */
  compacted: string;
  /** The role it is read as (as classifyHeader says), or null. */
  role: HeaderClass | null;
  /** Why no phrase was tried: nothing written, a number (the column-number row), a sentence. */
  refused: 'empty' | 'number' | 'sentence' | null;
  /** The phrase that decided. */
  matched: PhraseTried | null;
  /** The other phrases that match, and those a few letters too far, best first. */
  alternatives: PhraseTried[];
}

/** How many letters the header is longer than a "holds-about" phrase, when more than the phrase allows (errorsOf then rules it out). */
function tooLongBy(compiled: CompiledPhrase, header: HeaderForms): number | undefined {
  const { phrase, key } = compiled;
  if (phrase.match !== 'holds-about' || phrase.longerAtMost === undefined) return undefined;
  const longer = header.compacted.length - key.length;
  return longer > phrase.longerAtMost ? longer : undefined;
}

/** How many letters beyond its tolerance a phrase may be and still be listed among the alternatives. */
const NEAR_MISS = 2;
/** At most this many alternatives are listed. */
const MAX_ALTERNATIVES = 8;

/**
 * What a header is read as, and why: the phrase that decided, how many
 * letters it let be wrong, and the other phrases that matched or nearly
 * did. Decides as classifyHeader does (rules in order, then the best of the
 * weighed phrases).
 */
export function explainHeader(text: string): HeaderExplanation {
  const header = formsOf(text);
  const refused = refusalOf(header);
  const explanation: HeaderExplanation = { header: text, compacted: header.compacted, role: null, refused, matched: null, alternatives: [] };
  if (refused) return explanation;
  const tried: PhraseTried[] = [];
  for (const compiled of COMPILED) {
    const longer = tooLongBy(compiled, header);
    const errors = longer === undefined ? errorsOf(compiled, header) : fuzzyFind(compiled.key, header.compacted);
    if (errors === null || errors > compiled.tolerance + NEAR_MISS) continue;
    const score = compiled.phrase.stage === 'weighed' ? { score: scoreOf(compiled, errors) } : {};
    tried.push({ phrase: compiled.phrase, errors, tolerance: compiled.tolerance, ...score, ...(longer === undefined ? {} : { longer }) });
  }
  const matches = (phrase: PhraseTried) => phrase.errors <= phrase.tolerance && phrase.longer === undefined;
  const keyLength = (phrase: PhraseTried) => compact(phrase.phrase.text).length;
  // The deciding phrase: the first rule that matches, else the best weighed one (the longer on a tie, the earlier on a full tie).
  let matched = tried.find((phrase) => phrase.phrase.stage === 'rule' && matches(phrase)) ?? null;
  if (!matched) {
    for (const phrase of tried) {
      if (phrase.phrase.stage !== 'weighed' || !matches(phrase)) continue;
      if (!matched || phrase.score! > matched.score! || (phrase.score === matched.score && keyLength(phrase) > keyLength(matched))) matched = phrase;
    }
  }
  // Alternatives: the other matches first (rules in order, then by score), then the near misses by letters wrong.
  const rank = (phrase: PhraseTried) => (matches(phrase) ? 0 : 1);
  const alternatives = tried
    .filter((phrase) => phrase !== matched)
    .sort((x, y) => rank(x) - rank(y) || (x.phrase.stage === y.phrase.stage ? 0 : x.phrase.stage === 'rule' ? -1 : 1) || (y.score ?? 0) - (x.score ?? 0) || x.errors - x.tolerance - (y.errors - y.tolerance));
  return { ...explanation, role: matched ? matched.phrase.role : null, matched, alternatives: alternatives.slice(0, MAX_ALTERNATIVES) };
}

/** "Нийт (70 оноо)", "(15 хүртэл оноогоор)" → 70, 15 (normalize() has turned ү into у). */
export function maxPointsOf(header: string): number | undefined {
  const match = /(\d+(?:[.,]\d+)?)\s*(?:хуртэл\s*)?оноо/.exec(normalize(header));
  return match ? Number(match[1].replace(',', '.')) : undefined;
}
