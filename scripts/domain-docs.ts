// Generates the parts of the docs that list a registry of the engine, so no
// list is kept by hand: docs/domain.md §2's header-phrase table from
// HEADER_PHRASES (src/core/recognize/roles.ts), and every list of rating
// profiles (README.md, docs/domain.md §4) from PROFILES
// (src/core/profiles.ts), each between its markers. `npm run docs:domain`
// writes them; test/core/domain-docs.test.ts fails when one is stale.

import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_PROFILE_ID, HEADER_PHRASES, PROFILES, fillTemplate, phraseTolerance, type HeaderPhrase } from '../src/core';
import { tolerance } from '../src/core/text';
import { EXPLAIN_TEXT, MATCH_TEXT } from '../src/i18n/explain-header';

/** A region of a document the script writes: what sits between its markers. */
export interface GeneratedRegion {
  /** The file, from the project's root. */
  file: string;
  start: string;
  end: string;
  text: () => string;
}

const PHRASES_START = '<!-- header-phrases:start (generated from HEADER_PHRASES by npm run docs:domain) -->';
const PHRASES_END = '<!-- header-phrases:end -->';
const PROFILES_START = '<!-- profiles:start (generated from PROFILES by npm run docs:domain) -->';
const PROFILES_END = '<!-- profiles:end -->';

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** "up to 4 letters: none; 5–7: 1; 8–13: 2; longer: 3", read off text.ts's tolerance. */
function toleranceRule(): string {
  const bands: { from: number; to: number; allowed: number }[] = [];
  const longest = 60;
  for (let length = 1; length <= longest; length++) {
    const allowed = tolerance(length);
    const last = bands[bands.length - 1];
    if (last && last.allowed === allowed) last.to = length;
    else bands.push({ from: length, to: length, allowed });
  }
  return bands
    .map((band, i) => {
      const letters = i === 0 ? `up to ${band.to} letters` : band.to === longest ? 'longer' : `${band.from}–${band.to}`;
      return `${letters}: ${band.allowed === 0 ? 'none' : band.allowed}`;
    })
    .join('; ');
}

/** How one phrase is matched, as `unelgee explain-header` says it. */
function howMatched(phrase: HeaderPhrase): string {
  const parts = [MATCH_TEXT[phrase.match].en];
  if (phrase.longerAtMost !== undefined) parts.push(fillTemplate(EXPLAIN_TEXT.longerAtMost.en, { letters: phrase.longerAtMost }, 'en'));
  return parts.join('; ');
}

const phraseRow = (phrase: HeaderPhrase) => `| \`${phrase.role}\` | ${cell(phrase.text)} | ${cell(howMatched(phrase))} | ${phraseTolerance(phrase)} |`;

/** docs/domain.md §2: every phrase, rules first in the order they are checked, then the weighed phrases. */
export function headerPhrasesTable(): string {
  const rules = HEADER_PHRASES.filter((phrase) => phrase.stage === 'rule');
  const weighed = HEADER_PHRASES.filter((phrase) => phrase.stage === 'weighed');
  const head = ['| role | phrase | matched when | letters that may be wrong |', '| --- | --- | --- | --- |'];
  return [
    PHRASES_START,
    '',
    `Headers and phrases are compared lower-case, with Latin look-alikes and ү/ө/ё folded, without spaces and punctuation. Letters that may be wrong, by the phrase's length so compared: ${toleranceRule()} (a phrase may set its own).`,
    '',
    '**Rules**, checked first, in this order: the first that matches decides.',
    '',
    ...head,
    ...rules.map(phraseRow),
    '',
    "**Weighed phrases**, when no rule matches: every one that matches is scored, its length (compared as above) less three per wrong letter, and the best wins, the longer on a tie.",
    '',
    ...head,
    ...weighed.map(phraseRow),
    '',
    PHRASES_END,
  ].join('\n');
}

/** "`practice`: Units' practice (100·90·70·50·30·0), the default; `zg206`: …", markers included. */
export function profilesList(): string {
  const entries = PROFILES.map((profile) => `\`${profile.id}\`: ${profile.name.en}${profile.id === DEFAULT_PROFILE_ID ? ', the default' : ''}`);
  return `${PROFILES_START}${entries.join('; ')}${PROFILES_END}`;
}

export const REGIONS: readonly GeneratedRegion[] = [
  { file: 'docs/domain.md', start: PHRASES_START, end: PHRASES_END, text: headerPhrasesTable },
  { file: 'docs/domain.md', start: PROFILES_START, end: PROFILES_END, text: profilesList },
  { file: 'README.md', start: PROFILES_START, end: PROFILES_END, text: profilesList },
];

/** Each occurrence of the region's markers in the text, start to end inclusive. */
export function regionSpans(text: string, region: GeneratedRegion): { from: number; to: number }[] {
  const spans: { from: number; to: number }[] = [];
  for (let from = text.indexOf(region.start); from >= 0; from = text.indexOf(region.start, from + 1)) {
    const end = text.indexOf(region.end, from);
    if (end < 0) throw new Error(`${region.file}: ${region.start} without ${region.end}`);
    spans.push({ from, to: end + region.end.length });
  }
  return spans;
}

/** The text with every occurrence of the region regenerated. */
export function regenerate(text: string, region: GeneratedRegion): string {
  const spans = regionSpans(text, region);
  if (spans.length === 0) throw new Error(`${region.file} needs the markers ${region.start} … ${region.end}`);
  let out = text;
  for (const span of spans.reverse()) out = out.slice(0, span.from) + region.text() + out.slice(span.to);
  return out;
}

if (require.main === module) {
  const root = path.join(__dirname, '..');
  for (const region of REGIONS) {
    const file = path.join(root, region.file);
    fs.writeFileSync(file, regenerate(fs.readFileSync(file, 'utf8'), region));
  }
  console.log(`${[...new Set(REGIONS.map((region) => region.file))].join(' and ')} updated`);
}
