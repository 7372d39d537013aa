// `unelgee report PLAN -o REPORT [--period "…"] [--replace]`: a copy of the
// plan's workbook with the report form added (or, with --replace, written
// over the plan's sheet): every group and item of the plan with the
// Хүрсэн түвшин and Хувь columns to fill (planReportForm). A workbook with
// no plan (nor report) in it writes nothing: one line, exit 1.

import { Option } from 'commander';
import { columnLetter, fillTemplate, getProfile, planReportForm, type FormTable, type Lang, type ReportFormOutcome } from '../../core';
import { CYCLE_CLI_TEXT } from '../../i18n/cycle-cli';
import { CYCLE_FORM } from '../../i18n/cycle-forms';
import { sheetWords } from '../../i18n/sheet-words';
import { computeContext, visibleSheets } from '../../xlsx';
import { openForCopy, savedLine, writeCopy } from '../copy';
import { JSON_FORMAT_VERSION } from '../report';
import { jsonOption, outputOption, profileOf, profileOption } from './options';
import type { CommandSpec } from './types';
import { EXIT_CLEAN, EXIT_ERRORS } from '../exit-codes';

/** A form's table for JSON: its source, header row, each column's letter by key, its items, its stated average's cell. */
export function jsonFormTable(table: FormTable) {
  const columns: Record<string, string> = {};
  for (const column of table.columns) columns[column.key] ??= columnLetter(column.col);
  return { source: table.source, headerRow: table.headerRow + 1, columns, items: table.itemRows.length, groups: table.groups, average: table.average };
}

function humanLines(input: string, output: string, outcome: ReportFormOutcome, scale: string, lang: Lang): string[] {
  const sheet = outcome.plan!.addedSheets![0];
  const lines = [`${input} → ${output}`];
  const from = outcome.source === 'report' ? ` (${CYCLE_CLI_TEXT.formFromReport[lang]})` : '';
  lines.push(`  ${CYCLE_CLI_TEXT.formFrom[lang]}: ${outcome.tables.map((table) => table.source).join(', ')}${from} → ${sheet.name}`);
  if (outcome.followed) lines.push(`  ${CYCLE_CLI_TEXT.formFollowed[lang]}: ${outcome.followed}`);
  lines.push(`  ${CYCLE_CLI_TEXT.formPeriod[lang]}: ${outcome.period}`);
  for (const table of outcome.tables) {
    const letter = (key: 'achieved' | 'percent') => columnLetter(table.columns.find((c) => c.key === key)!.col);
    const params = { items: table.itemRows.length, groups: table.groups, achieved: CYCLE_FORM.columns.achieved.header.mn, percent: CYCLE_FORM.columns.percent.header.mn, achievedColumn: letter('achieved'), percentColumn: letter('percent') };
    lines.push(`    ${table.source}: ${fillTemplate(CYCLE_CLI_TEXT.formItems[lang], params, lang)}`);
  }
  lines.push(`  ${fillTemplate(CYCLE_CLI_TEXT.formNext[lang], { scale })}`, '', savedLine(output, lang));
  return lines;
}

export const reportForm: CommandSpec = {
  name: 'report',
  summary: CYCLE_CLI_TEXT.reportSummary,
  usage: CYCLE_CLI_TEXT.reportUsage,
  description: CYCLE_CLI_TEXT.reportDescription,
  interruptible: true,
  options(command, lang) {
    outputOption(command, lang);
    command.addOption(new Option('--period <text>', CYCLE_CLI_TEXT.optPeriod[lang]));
    command.addOption(new Option('--replace', CYCLE_CLI_TEXT.optReplace[lang]));
    jsonOption(command, lang);
    profileOption(command, lang);
  },
  async run(files, options, context) {
    const { io, lang } = context;
    const profile = getProfile(profileOf(options, lang));
    const json = !!options.json;
    const job = await openForCopy('report', files, options.output as string | undefined, json, context);
    if (typeof job === 'number') return job;
    const { book, input, output } = job;
    const period = typeof options.period === 'string' ? options.period : undefined;
    const outcome = planReportForm(visibleSheets(book), { profile, words: sheetWords(lang), form: CYCLE_FORM, period, replace: !!options.replace, ...computeContext(book) });
    const refusals = { 'sheet-protected': CYCLE_CLI_TEXT.formRefusedSheet, formulas: CYCLE_CLI_TEXT.formRefusedFormulas, 'workbook-protected': CYCLE_CLI_TEXT.formRefusedBook } as const;
    const refusal = outcome.source === null ? CYCLE_CLI_TEXT.noPlan : outcome.refused ? refusals[outcome.refused] : null;
    if (refusal || !outcome.plan) {
      // Nothing to build from, or nowhere to write it: nothing is written.
      io.err(`unelgee: ${input}: ${(refusal ?? CYCLE_CLI_TEXT.noPlan)[lang]}`);
      if (json) io.out(JSON.stringify({ tool: 'unelgee', format: JSON_FORMAT_VERSION, command: 'report', exitCode: EXIT_ERRORS, input, output: null }, null, 2));
      return EXIT_ERRORS;
    }
    const failed = await writeCopy(job, outcome.plan, context);
    if (failed !== null) return failed;
    const sheet = outcome.plan.addedSheets![0];
    if (json) {
      const result = { tool: 'unelgee', format: JSON_FORMAT_VERSION, command: 'report', exitCode: EXIT_CLEAN, input, output, sheet: sheet.name, replaced: sheet.replaces, source: outcome.source, sourceSheet: outcome.sourceSheet, followed: outcome.followed, period: outcome.period, tables: outcome.tables.map(jsonFormTable), written: outcome.plan.writtenCells.length };
      io.out(JSON.stringify(result, null, 2));
      return EXIT_CLEAN;
    }
    io.out(humanLines(input, output, outcome, profile.scale.join(' · '), lang).join('\n'));
    return EXIT_CLEAN;
  },
};
