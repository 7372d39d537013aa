// `unelgee fix FILE -o OUT [--only CODE,…] [--include-review]`: a copy with
// the findings' quick fixes applied — the safe ones, or also those that need
// a look — under compute's file rules (the input never modified).

import { Option } from 'commander';
import { FINDINGS, FINDING_CODES, fillTemplate, isFindingCode, planFixRounds, type Finding, type FindingCode, type Fix, type Lang } from '../../core';
import { CLI_TEXT } from '../../i18n/cli';
import { sheetWords } from '../../i18n/sheet-words';
import { computeContext, visibleSheets } from '../../xlsx';
import { UsageError } from '../context';
import { copyExitCode, openForCopy, savedLine, writeCopy } from '../copy';
import { countsLine, fixCounts, skippedLines, writtenLines } from '../human';
import { JSON_FORMAT_VERSION, jsonFile } from '../report';
import { jsonOption, outputOption, profileOf, profileOption } from './options';
import type { CommandSpec } from './types';

export const fix: CommandSpec = {
  name: 'fix',
  summary: CLI_TEXT.fixSummary,
  usage: CLI_TEXT.fixUsage,
  description: CLI_TEXT.fixDescription,
  interruptible: true,
  options(command, lang) {
    outputOption(command, lang);
    command.addOption(new Option('--only <codes>', CLI_TEXT.optOnly[lang]));
    command.addOption(new Option('--include-review', CLI_TEXT.optIncludeReview[lang]));
    jsonOption(command, lang);
    profileOption(command, lang);
  },
  async run(files, options, context) {
    const { io, lang } = context;
    const profileId = profileOf(options, lang);
    const only = onlyCodes(options.only as string | undefined, lang);
    const includeReview = !!options.includeReview;
    const json = !!options.json;
    const job = await openForCopy('fix', files, options.output as string | undefined, json, context);
    if (typeof job === 'number') return job;
    const { book, input, output } = job;
    const sheets = visibleSheets(book);
    const fixOptions = { profileId, words: sheetWords(lang), protectedSheets: computeContext(book).protectedSheets };
    const outcome = planFixRounds(sheets, fixOptions, { only, includeReview });
    const failed = await writeCopy(job, outcome.plan, context);
    if (failed !== null) return failed;
    const after = outcome.analysis;
    const code = copyExitCode(after.counts.error);
    const applied = outcome.fixes.map((f) => describe(f, outcome.sources, lang));
    const deferred = outcome.deferred.map((f) => describe(f, outcome.sources, lang));
    if (json) {
      const result = { tool: 'unelgee', format: JSON_FORMAT_VERSION, command: 'fix', exitCode: code, input, output, applied, deferred, written: outcome.plan.writtenCells, skipped: outcome.plan.skipped, after: jsonFile(output, after, lang) };
      io.out(JSON.stringify(result, null, 2));
      return code;
    }
    const lines = [`${input} → ${output}`];
    if (applied.length === 0) lines.push(`  ${CLI_TEXT.nothingToFix[lang]}`);
    else {
      lines.push(`  ${fillTemplate(CLI_TEXT.fixesApplied[lang], { n: applied.length })}:`);
      for (const fixApplied of applied) lines.push(`    ${fixApplied.cells[0] ?? ''}  ${fixApplied.codes.join(', ')}  ${fixApplied.description}${fixApplied.kind === 'review' ? ` (${CLI_TEXT.reviewKind[lang]})` : ''}`);
      lines.push(...writtenLines(outcome.plan.writtenCells, lang));
      lines.push(...skippedLines(outcome.plan.skipped, lang));
    }
    if (deferred.length > 0) lines.push(`  ${fillTemplate(CLI_TEXT.fixesDeferred[lang], { n: deferred.length })}`);
    const left = fixCounts(after.findings);
    if (!includeReview && left.review > 0) lines.push(`  ${fillTemplate(CLI_TEXT.reviewLeft[lang], { n: left.review })}`);
    lines.push('', `${CLI_TEXT.remainingAfterFix[lang]}: ${countsLine(after.counts, lang)}`, '', savedLine(output, lang));
    io.out(lines.join('\n'));
    return code;
  },
};

interface AppliedFix {
  /** The codes of the findings it settles. */
  codes: FindingCode[];
  kind: Fix['kind'];
  description: string;
  descriptions: Fix['description'];
  cells: string[];
}

function describe(fix: Fix, findings: readonly Finding[], lang: Lang): AppliedFix {
  const key = JSON.stringify(fix.edits);
  const codes = [...new Set(findings.filter((f) => f.fix && JSON.stringify(f.fix.edits) === key).map((f) => f.code))];
  return { codes, kind: fix.kind, description: fix.description[lang], descriptions: fix.description, cells: fix.cells };
}

/** "--only percent-misplaced,value-as-date" → the codes; an unknown code is a usage error naming the codes that offer fixes. */
function onlyCodes(value: string | undefined, lang: Lang): FindingCode[] | undefined {
  if (value === undefined) return undefined;
  const codes = value.split(',').map((c) => c.trim()).filter(Boolean);
  const unknown = codes.filter((c) => !isFindingCode(c));
  if (unknown.length > 0 || codes.length === 0) throw new UsageError(`${CLI_TEXT.unknownCode[lang]}: ${unknown.join(', ') || value} (${FINDING_CODES.filter((c) => FINDINGS[c].fixes).join(', ')})`);
  return codes as FindingCode[];
}
