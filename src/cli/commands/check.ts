// `unelgee check FILE -o OUT`: the copy an officer sends back "with the
// errors marked" — every finding on its cell (a fill by severity, a note
// with the message in the chosen language, a note already there kept) and
// the findings sheet listing them all. No cell's contents change.

import path from 'path';
import { cellAddress, fillTemplate, getProfile } from '../../core';
import { CLI_TEXT } from '../../i18n/cli';
import { findingsSheetWords } from '../../i18n/findings-sheet';
import { sheetWords } from '../../i18n/sheet-words';
import { writeCheckedCopy } from '../../xlsx';
import { copyExitCode, openForCopy, savedLine, writeOutput } from '../copy';
import { countsLine, skippedLines } from '../human';
import { JSON_FORMAT_VERSION, jsonFile } from '../report';
import { jsonOption, outputOption, profileOf, profileOption } from './options';
import type { CommandSpec } from './types';

export const check: CommandSpec = {
  name: 'check',
  summary: CLI_TEXT.checkSummary,
  usage: CLI_TEXT.checkUsage,
  description: CLI_TEXT.checkDescription,
  interruptible: true,
  options(command, lang) {
    outputOption(command, lang);
    jsonOption(command, lang);
    profileOption(command, lang);
  },
  async run(files, options, context) {
    const { io, lang } = context;
    const profile = getProfile(profileOf(options, lang));
    const json = !!options.json;
    const job = await openForCopy('check', files, options.output as string | undefined, json, context);
    if (typeof job === 'number') return job;
    const { book, input, output } = job;
    const copy = writeCheckedCopy(book, { profile, words: sheetWords(lang) }, findingsSheetWords(lang), path.basename(input));
    const failed = await writeOutput(job, () => copy.bytes, context);
    if (failed !== null) return failed;
    const { plan, analysis } = copy;
    const code = copyExitCode(analysis.counts.error);
    const sheet = plan.addedSheets?.[0]?.name ?? null;
    const marked = plan.marks?.length ?? 0;
    if (json) {
      const result = { tool: 'unelgee', format: JSON_FORMAT_VERSION, command: 'check', exitCode: code, input, output, sheet, marked: (plan.marks ?? []).map((m) => `${m.sheet}!${cellAddress(m.row, m.col)}`), skipped: plan.skipped, findings: jsonFile(input, analysis, lang) };
      io.out(JSON.stringify(result, null, 2));
      return code;
    }
    const lines = [`${input} → ${output}`, `  ${fillTemplate(CLI_TEXT.checkMarked[lang], { cells: marked }, lang)}`];
    if (sheet) lines.push(`  ${fillTemplate(CLI_TEXT.checkListed[lang], { sheet, count: analysis.findings.length }, lang)}`);
    lines.push(...skippedLines(plan.skipped, lang));
    lines.push('', countsLine(analysis.counts, lang), '', savedLine(output, lang));
    io.out(lines.join('\n'));
    return code;
  },
};
