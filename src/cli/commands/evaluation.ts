// `unelgee evaluation REPORT -o OUT`: a copy of the individual report (annex
// 6) with the annex 8 evaluation sheet added — section 1 linked to the
// report's percents, the sections and the total as live formulas, ready
// for the supervisor's and colleagues' ratings. Made again, it replaces its
// own sheet and keeps what people typed in it.

import { analyzeWorkbook, applyPlanToSheets, getProfile, planEvaluationSheet } from '../../core';
import { EVALUATION_FORM } from '../../i18n/evaluation-form';
import { CLI_TEXT } from '../../i18n/cli';
import { sheetWords } from '../../i18n/sheet-words';
import { computeContext, visibleSheets } from '../../xlsx';
import { copyExitCode, openForCopy, savedLine, writeCopy } from '../copy';
import { countsLine, evaluationLines, skippedLines, writtenLines } from '../human';
import { JSON_FORMAT_VERSION, jsonFile } from '../report';
import { jsonOption, outputOption, profileOf, profileOption } from './options';
import type { CommandSpec } from './types';
import { EXIT_ERRORS } from '../exit-codes';

export const evaluation: CommandSpec = {
  name: 'evaluation',
  summary: CLI_TEXT.evaluationSummary,
  usage: CLI_TEXT.evaluationUsage,
  description: CLI_TEXT.evaluationDescription,
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
    const job = await openForCopy('evaluation', files, options.output as string | undefined, json, context);
    if (typeof job === 'number') return job;
    const { book, input, output } = job;
    const sheets = visibleSheets(book);
    const engineOptions = { profile, words: sheetWords(lang), form: EVALUATION_FORM, ...computeContext(book) };
    const outcome = planEvaluationSheet(sheets, engineOptions);
    if (!outcome.plan) {
      // Nothing to build from: nothing is written.
      io.err(`unelgee: ${input}: ${CLI_TEXT.noReportForEvaluation[lang]}`);
      if (json) io.out(JSON.stringify({ tool: 'unelgee', format: JSON_FORMAT_VERSION, command: 'evaluation', exitCode: EXIT_ERRORS, input, output: null }, null, 2));
      return EXIT_ERRORS;
    }
    const failed = await writeCopy(job, outcome.plan, context);
    if (failed !== null) return failed;
    const after = analyzeWorkbook(applyPlanToSheets(sheets, outcome.plan), engineOptions);
    const code = copyExitCode(after.counts.error);
    const sheet = outcome.plan.addedSheets?.[0]?.name ?? null;
    if (json) {
      const result = { tool: 'unelgee', format: JSON_FORMAT_VERSION, command: 'evaluation', exitCode: code, input, output, sheet, reportTable: outcome.reportTable, skillsTable: outcome.skillsTable, written: outcome.plan.writtenCells, skipped: outcome.plan.skipped, after: jsonFile(output, after, lang) };
      io.out(JSON.stringify(result, null, 2));
      return code;
    }
    const lines = [`${input} → ${output}`];
    if (sheet) lines.push(`  ${CLI_TEXT.evaluationSheetFrom[lang]}: ${outcome.reportTable}${outcome.skillsTable ? `, ${outcome.skillsTable}` : ''} → ${sheet}`);
    // The report's cells one by one (the percents filled in); the new sheet as a whole.
    const inReport = outcome.plan.writtenCells.filter((cell) => !sheet || !cell.startsWith(`${sheet}!`));
    if (inReport.length > 0) lines.push(...writtenLines(inReport, lang));
    lines.push(...skippedLines(outcome.plan.skipped, lang));
    for (const evaluation of after.evaluations) lines.push(...evaluationLines(evaluation, lang));
    if (sheet) lines.push(`  ${CLI_TEXT.evaluationNext[lang]}`);
    lines.push('', `${CLI_TEXT.remainingFindings[lang]}: ${countsLine(after.counts, lang)}`, '', savedLine(output, lang));
    io.out(lines.join('\n'));
    return code;
  },
};
