// `unelgee explain-header "Хүрсэн төвшин"…`: what each header text is read
// as — the role, the phrase matched, how many letters it let be wrong, and
// the other phrases considered (the engine's explainHeader) — because the
// tolerance rule is not guessable.

import { explainHeader, fillTemplate, ROLE_NAMES, type HeaderClass, type HeaderExplanation, type Lang, type PhraseTried } from '../../core';
import { EXPLAIN_TEXT, MATCH_TEXT, REFUSED_TEXT, STAGE_TEXT } from '../../i18n/explain-header';
import { UsageError } from '../context';
import { EXIT_CLEAN, EXIT_ERRORS } from '../exit-codes';
import { JSON_FORMAT_VERSION } from '../report';
import { jsonOption } from './options';
import type { CommandSpec } from './types';

const quoted = (text: string, lang: Lang) => (lang === 'mn' ? `«${text}»` : `"${text}"`);

/** "Хүрсэн түвшин (achieved)": the role's name, and the id --json and the column settings use. */
function roleName(role: HeaderClass, lang: Lang): string {
  if (role === 'performance-level') return `${EXPLAIN_TEXT.performanceLevel[lang]} (${role})`;
  const name = ROLE_NAMES[role][lang];
  return name === role ? role : `${name} (${role})`;
}

/** How a phrase was held against the header: how it is looked for, and the letters wrong where some may be. */
function howLine(tried: PhraseTried, lang: Lang): string {
  const { match, longerAtMost } = tried.phrase;
  const parts = [MATCH_TEXT[match][lang]];
  if (match === 'holds-about' || match === 'is-about') parts.push(fillTemplate(EXPLAIN_TEXT.lettersWrong[lang], { errors: tried.errors, tolerance: tried.tolerance }, lang));
  if (longerAtMost !== undefined) parts.push(fillTemplate(EXPLAIN_TEXT.longerAtMost[lang], { letters: longerAtMost }, lang));
  return parts.join('; ');
}

/** What people read about one header. */
function explanationLines(explained: HeaderExplanation, lang: Lang): string[] {
  const header = quoted(explained.header, lang);
  if (explained.refused) return [`${header} → ${EXPLAIN_TEXT.noRole[lang]}: ${REFUSED_TEXT[explained.refused][lang]}`];
  const lines = [`${header} → ${explained.role ? roleName(explained.role, lang) : EXPLAIN_TEXT.noRole[lang]}`];
  if (explained.role === 'performance-level') lines.push(`  ${EXPLAIN_TEXT.performanceLevelNote[lang]}`);
  lines.push(`  ${EXPLAIN_TEXT.comparedAs[lang]}: ${explained.compacted}`);
  const matched = explained.matched;
  if (matched) {
    lines.push(`  ${EXPLAIN_TEXT.matched[lang]}: ${quoted(matched.phrase.text, lang)} — ${howLine(matched, lang)}`);
    lines.push(`    ${STAGE_TEXT[matched.phrase.stage][lang]}`);
  }
  if (explained.alternatives.length > 0) {
    lines.push(`  ${EXPLAIN_TEXT.alternatives[lang]}:`);
    for (const other of explained.alternatives) {
      const verdict =
        other.longer !== undefined
          ? fillTemplate(EXPLAIN_TEXT.tooLong[lang], { letters: other.longer }, lang)
          : other.errors <= other.tolerance
            ? EXPLAIN_TEXT.alsoMatches[lang]
            : EXPLAIN_TEXT.tooFar[lang];
      lines.push(`    ${roleName(other.phrase.role, lang)} ${quoted(other.phrase.text, lang)}: ${howLine(other, lang)} — ${verdict}`);
    }
  }
  return lines;
}

/** One phrase tried, for --json. */
const jsonTried = (tried: PhraseTried) => ({
  role: tried.phrase.role,
  phrase: tried.phrase.text,
  match: tried.phrase.match,
  stage: tried.phrase.stage,
  errors: tried.errors,
  tolerance: tried.tolerance,
  ...(tried.score !== undefined ? { score: tried.score } : {}),
  ...(tried.longer !== undefined ? { longer: tried.longer } : {}),
});

export const explainHeaderCommand: CommandSpec = {
  name: 'explain-header',
  summary: EXPLAIN_TEXT.summary,
  usage: EXPLAIN_TEXT.usage,
  description: EXPLAIN_TEXT.description,
  options(command, lang) {
    jsonOption(command, lang);
  },
  async run(headers, options, { io, lang }) {
    if (headers.length === 0) throw new UsageError(EXPLAIN_TEXT.noHeaders[lang]);
    const explained = headers.map(explainHeader);
    const code = explained.every((one) => one.role !== null) ? EXIT_CLEAN : EXIT_ERRORS;
    if (options.json) {
      const results = explained.map((one) => ({ header: one.header, compacted: one.compacted, role: one.role, refused: one.refused, matched: one.matched ? jsonTried(one.matched) : null, alternatives: one.alternatives.map(jsonTried) }));
      io.out(JSON.stringify({ tool: 'unelgee', format: JSON_FORMAT_VERSION, command: 'explain-header', exitCode: code, headers: results }, null, 2));
      return code;
    }
    io.out(explained.map((one) => explanationLines(one, lang).join('\n')).join('\n\n'));
    return code;
  },
};
