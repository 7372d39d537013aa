// Text helpers shared by the value grammar and the recogniser: normalising
// Mongolian Cyrillic as it arrives from OCR and typing, and fuzzy matching.

import type { Lang } from './types';

// Latin letters that look like Cyrillic ones (OCR and keyboard mix-ups), and
// the letters misspellings swap: ү→у, ө→о, ё→е; odd whitespace → space.
const FOLD: Record<string, string> = {
  a: 'а', b: 'в', c: 'с', e: 'е', h: 'н', k: 'к', m: 'м', o: 'о', p: 'р', t: 'т', x: 'х', y: 'у', v: 'в',
  ү: 'у', ө: 'о', ё: 'е', '\u00a0': ' ', '\t': ' ', '\n': ' ', '\r': ' ',
};
const FOLD_RE = /[abcehkmoptxyvүөё\u00a0\t\n\r]/g;

/** Lower-case, folded (see FOLD), whitespace collapsed: the form all matching works on. */
/** A table of the knowledge-and-skills part (annex 6 section 2, annex 8 section 2) by its title: "Мэдлэг, ур чадвараа дээшлүүлэх…". */
export function isSkillsTitle(title: string): boolean {
  return /мэдлэг|ур чадвар/.test(normalize(title));
}

export function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(FOLD_RE, (letter) => FOLD[letter])
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** normalize() without spaces and punctuation: "Биелэл тийн хувь" → "биелэлтийнхувь". */
export function compact(text: string): string {
  return normalize(text).replace(/[\s.,:;()\-–—/\\"'“”«»_*]+/g, '');
}

/**
 * Fewest edits (insert, delete, substitute) that turn `pattern` into some
 * substring of `text` (Sellers' algorithm). 0 means pattern occurs in text.
 */
export function fuzzyFind(pattern: string, text: string): number {
  const patternLength = pattern.length;
  if (patternLength === 0) return 0;
  if (text.includes(pattern)) return 0;
  let previousRow = new Array<number>(patternLength + 1);
  let currentRow = new Array<number>(patternLength + 1);
  for (let i = 0; i <= patternLength; i++) previousRow[i] = i;
  let best = previousRow[patternLength];
  for (let j = 1; j <= text.length; j++) {
    currentRow[0] = 0;
    const textCode = text.charCodeAt(j - 1);
    for (let i = 1; i <= patternLength; i++) {
      const cost = pattern.charCodeAt(i - 1) === textCode ? 0 : 1;
      currentRow[i] = Math.min(previousRow[i - 1] + cost, previousRow[i] + 1, currentRow[i - 1] + 1);
    }
    if (currentRow[patternLength] < best) best = currentRow[patternLength];
    const swap = previousRow;
    previousRow = currentRow;
    currentRow = swap;
  }
  return best;
}

/** Edit distance between two whole strings. */
export function editDistance(first: string, second: string): number {
  if (first === second) return 0;
  const firstLength = first.length;
  const secondLength = second.length;
  let previousRow = new Array<number>(secondLength + 1);
  let currentRow = new Array<number>(secondLength + 1);
  for (let j = 0; j <= secondLength; j++) previousRow[j] = j;
  for (let i = 1; i <= firstLength; i++) {
    currentRow[0] = i;
    for (let j = 1; j <= secondLength; j++) {
      const cost = first.charCodeAt(i - 1) === second.charCodeAt(j - 1) ? 0 : 1;
      currentRow[j] = Math.min(previousRow[j - 1] + cost, previousRow[j] + 1, currentRow[j - 1] + 1);
    }
    const swap = previousRow;
    previousRow = currentRow;
    currentRow = swap;
  }
  return previousRow[secondLength];
}

/** Errors tolerated when matching a keyword of this length: none for short words, then one per ~6 letters. */
export function tolerance(length: number): number {
  if (length <= 4) return 0;
  if (length <= 7) return 1;
  if (length <= 13) return 2;
  return 3;
}

/** Share of letters that are upper-case (0 when there are none). */
export function upperShare(text: string): number {
  let letters = 0;
  let upper = 0;
  for (const character of text) {
    const lowerCase = character.toLowerCase();
    const upperCase = character.toUpperCase();
    if (lowerCase === upperCase) continue;
    letters++;
    if (character === upperCase) upper++;
  }
  return letters === 0 ? 0 : upper / letters;
}

/** The cell as text for matching: numbers become their decimal form, null becomes ''. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value).trim();
}

/** Round half away from zero to `decimals` places, without binary surprises (85.75 → 85.8). */
export function round(value: number, decimals = 1): number {
  const scale = 10 ** decimals;
  const shifted = Math.abs(value) * scale;
  const rounded = Math.round(shifted + 1e-9 * Math.max(1, shifted));
  return (Math.sign(value) * rounded) / scale;
}

/** A template parameter: text, a number (written as people write it), or text in both languages. */
export type TemplateParam = string | number | { mn: string; en: string };

/** Numbers as people write them in these forms: at most two decimals, a decimal point. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

// Templates are split once ("{item}: …" → ['', 'item', ': …']): thousands of findings share a few.
const compiled = new Map<string, string[]>();

/** "errors#error|errors" with 1 → "1 error", with 3 → "3 errors" (English counts; Mongolian nouns do not change). */
function counted(spec: string, count: TemplateParam | undefined): string | null {
  const hash = spec.indexOf('#');
  if (hash < 0 || typeof count !== 'number') return null;
  const [one, other] = spec.slice(hash + 1).split('|');
  return `${formatNumber(count)} ${count === 1 ? one : other ?? one}`;
}

/**
 * Fills "{name}" placeholders, and "{name#one|other}" with the number and
 * the noun in its English singular or plural. The one template function of
 * the project: finding messages, sheet words and host texts all go through
 * it. A missing parameter stays visible as "{name}" rather than vanishing.
 */
export function fillTemplate(template: string, params: Record<string, TemplateParam> = {}, lang: Lang = 'mn'): string {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+(?:#[^}|]*\|?[^}]*)?)\}/);
    if (compiled.size < 2000) compiled.set(template, parts);
  }
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const spec = parts[i];
    const hash = spec.indexOf('#');
    const name = hash < 0 ? spec : spec.slice(0, hash);
    const param = params[name];
    const text =
      counted(spec, param) ?? (param === undefined ? `{${name}}` : typeof param === 'object' ? param[lang] : typeof param === 'number' ? formatNumber(param) : param);
    out += text + parts[i + 1];
  }
  return out;
}

/** UTF-8 bytes of a string, without TextEncoder (the engine runs everywhere): a Cyrillic letter is two. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
