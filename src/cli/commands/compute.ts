// `unelgee compute FILE -o OUT`: a copy with the missing percents filled,
// the averages as formulas and the summary sheet; the input never modified.

import { getProfile, planCompute } from '../../core';
import { CLI_TEXT } from '../../i18n/cli';
import { sheetWords } from '../../i18n/sheet-words';
import { computeContext, visibleSheets } from '../../xlsx';
import { copyExitCode, openForCopy, savedLine, writeCopy } from '../copy';
import { countsLine, scoreLines, skippedLines, writtenLines } from '../human';
import { JSON_FORMAT_VERSION, jsonFile } from '../report';
import { jsonOption, outputOption, profileOf, profileOption } from './options';
import type { CommandSpec } from './types';

export const compute: CommandSpec = {
  name: 'compute',
  summary: CLI_TEXT.computeSummary,
  usage: CLI_TEXT.computeUsage,
  description: CLI_TEXT.computeDescription,
  interruptible: true,
  options(command, lang) {
    outputOption(command, lang);
    jsonOption(command, lang);
    profileOption(command, lang);
  },
  async run(files, options, context) {
    const { io, lang } = context;
    const profileId = profileOf(options, lang);
    const json = !!options.json;
    const job = await openForCopy('compute', files, options.output as string | undefined, json, context);
    if (typeof job === 'number') return job;
    const { book, input, output } = job;
    const outcome = planCompute(visibleSheets(book), { profile: getProfile(profileId), words: sheetWords(lang), ...computeContext(book) });
    const failed = await writeCopy(job, outcome.plan, context);
    if (failed !== null) return failed;
    const code = copyExitCode(outcome.analysis.counts.error);
    if (json) {
      const result = { tool: 'unelgee', format: JSON_FORMAT_VERSION, command: 'compute', exitCode: code, input, output, written: outcome.plan.writtenCells, skipped: outcome.plan.skipped, after: jsonFile(output, outcome.analysis, lang) };
      io.out(JSON.stringify(result, null, 2));
      return code;
    }
    const lines = [`${input} → ${output}`];
    if (outcome.plan.writtenCells.length === 0) lines.push(`  ${CLI_TEXT.nothingChanged[lang]}`);
    else lines.push(...writtenLines(outcome.plan.writtenCells, lang));
    lines.push(...skippedLines(outcome.plan.skipped, lang));
    if (outcome.plan.sheets.some((e) => e.writes.some((w) => w.note))) lines.push(`  ${CLI_TEXT.notesNotWritten[lang]}`);
    lines.push('', `${CLI_TEXT.remaining[lang]}: ${countsLine(outcome.analysis.counts, lang)}`);
    lines.push(...scoreLines(outcome.analysis, lang));
    lines.push('', savedLine(output, lang));
    io.out(lines.join('\n'));
    return code;
  },
};
