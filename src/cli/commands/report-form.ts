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

const T = CYCLE_CLI_TEXT;

/** A form's table for JSON: its source, header row, each column's letter by key, its items, its stated average's cell. */
export function jsonFormTable(table: FormTable) {
  const columns: Record<string, string> = {};
  for (const column of table.columns) columns[column.key] ??= columnLetter(column.col);
  return { source: table.source, headerRow: table.headerRow + 1, columns, items: table.itemRows.length, groups: table.groups, average: table.average };
}

function humanLines(input: string, output: string, outcome: ReportFormOutcome, scale: string, lang: Lang): string[] {
  const sheet = outcome.plan!.addedSheets![0];
  const lines = [`${input} → ${output}`];
  const from = outcome.source === 'report' ? ` (${T.formFromReport[lang]})` : '';
  lines.push(`  ${T.formFrom[lang]}: ${outcome.tables.map((t) => t.source).join(', ')}${from} → ${sheet.name}`);
  if (outcome.followed) lines.push(`  ${T.formFollowed[lang]}: ${outcome.followed}`);
  lines.push(`  ${T.formPeriod[lang]}: ${outcome.period}`);
  for (const table of outcome.tables) {
    const letter = (key: 'achieved' | 'percent') => columnLetter(table.columns.find((c) => c.key === key)!.col);
    const params = { items: table.itemRows.length, groups: table.groups, achieved: CYCLE_FORM.columns.achieved.header.mn, percent: CYCLE_FORM.columns.percent.header.mn, achievedColumn: letter('achieved'), percentColumn: letter('percent') };
    lines.push(`    ${table.source}: ${fillTemplate(T.formItems[lang], params, lang)}`);
  }
  lines.push(`  ${fillTemplate(T.formNext[lang], { scale })}`, '', savedLine(output, lang));
  return lines;
}

export const reportForm: CommandSpec = {
  name: 'report',
  summary: T.reportSummary,
  usage: T.reportUsage,
  description: T.reportDescription,
  interruptible: true,
  options(cmd, lang) {
    outputOption(cmd, lang);
    cmd.addOption(new Option('--period <text>', T.optPeriod[lang]));
    cmd.addOption(new Option('--replace', T.optReplace[lang]));
    jsonOption(cmd, lang);
    profileOption(cmd, lang);
  },
  async run(files, opts, ctx) {
    const { io, lang } = ctx;
    const profile = getProfile(profileOf(opts, lang));
    const json = !!opts.json;
    const job = await openForCopy('report', files, opts.output as string | undefined, json, ctx);
    if (typeof job === 'number') return job;
    const { book, input, output } = job;
    const period = typeof opts.period === 'string' ? opts.period : undefined;
    const outcome = planReportForm(visibleSheets(book), { profile, words: sheetWords(lang), form: CYCLE_FORM, period, replace: !!opts.replace, ...computeContext(book) });
    const refusals = { 'sheet-protected': T.formRefusedSheet, formulas: T.formRefusedFormulas, 'workbook-protected': T.formRefusedBook } as const;
    const refusal = outcome.source === null ? T.noPlan : outcome.refused ? refusals[outcome.refused] : null;
    if (refusal || !outcome.plan) {
      // Nothing to build from, or nowhere to write it: nothing is written.
      io.err(`unelgee: ${input}: ${(refusal ?? T.noPlan)[lang]}`);
      if (json) io.out(JSON.stringify({ tool: 'unelgee', format: JSON_FORMAT_VERSION, command: 'report', exitCode: EXIT_ERRORS, input, output: null }, null, 2));
      return EXIT_ERRORS;
    }
    const failed = await writeCopy(job, outcome.plan, ctx);
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
