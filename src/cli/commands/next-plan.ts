// `unelgee plan REPORT -o PLAN [--year 2026]`: next year's plan, made from
// the report (planNextPlan), written as a new workbook of its own (the
// report's findings stay with the report). It says what it renumbered and
// why, and what it left out. A workbook with no report writes nothing:
// one line, exit 1.

import { Option } from 'commander';
import { fillTemplate, getProfile, planNextPlan, type Lang, type NextPlanOutcome } from '../../core';
import { CYCLE_CLI_TEXT } from '../../i18n/cycle-cli';
import { CYCLE_FORM } from '../../i18n/cycle-forms';
import { sheetWords } from '../../i18n/sheet-words';
import { newWorkbookOf, visibleSheets } from '../../xlsx';
import { UsageError } from '../context';
import { openForCopy, savedLine, writeOutput } from '../copy';
import { JSON_FORMAT_VERSION } from '../report';
import { jsonOption, outputOption, profileOf, profileOption } from './options';
import { jsonFormTable } from './report-form';
import type { CommandSpec } from './types';
import { EXIT_CLEAN, EXIT_ERRORS } from '../exit-codes';

function yearOf(value: unknown, lang: Lang): number | undefined {
  if (value === undefined) return undefined;
  const year = Number(value);
  if (!Number.isInteger(year) || year < 1900 || year > 2200) throw new UsageError(CYCLE_CLI_TEXT.badYear[lang]);
  return year;
}

/** Why a table was renumbered: the report's gaps, duplicates and unnumbered rows. */
function whyLine(renumbering: NextPlanOutcome['renumbered'][number], lang: Lang): string {
  const parts: string[] = [];
  if (renumbering.gaps.length) parts.push(fillTemplate(CYCLE_CLI_TEXT.whyGap[lang], { list: renumbering.gaps.join(', ') }));
  if (renumbering.duplicates.length) parts.push(fillTemplate(CYCLE_CLI_TEXT.whyDuplicate[lang], { list: renumbering.duplicates.join(', ') }));
  if (renumbering.unnumbered.length) parts.push(fillTemplate(CYCLE_CLI_TEXT.whyUnnumbered[lang], { list: renumbering.unnumbered.join(', ') }));
  return parts.join('; ');
}

function humanLines(input: string, output: string, outcome: NextPlanOutcome, lang: Lang): string[] {
  const sheet = outcome.plan!.addedSheets![0];
  const items = outcome.tables.reduce((sum, table) => sum + table.itemRows.length, 0);
  const lines = [`${input} → ${output}`, `  ${CYCLE_CLI_TEXT.planFrom[lang]}: ${outcome.tables.map((table) => table.source).join(', ')} → ${sheet.name}`];
  lines.push(`    ${fillTemplate(CYCLE_CLI_TEXT.planItems[lang], { items, baselines: outcome.baselines, carried: outcome.carriedOver }, lang)}`);
  for (const renumbering of outcome.renumbered) lines.push(`  ${fillTemplate(CYCLE_CLI_TEXT.planRenumbered[lang], { table: renumbering.table, changed: renumbering.changed, why: whyLine(renumbering, lang) }, lang)}`);
  for (const left of outcome.leftOut) lines.push(`  ${fillTemplate(CYCLE_CLI_TEXT.planLeftOut[lang], { number: left.number, cell: `${left.table.split('!')[0]}!A${left.row + 1}` })}`);
  lines.push(`  ${CYCLE_CLI_TEXT.planNext[lang]}`, '', savedLine(output, lang));
  return lines;
}

export const nextPlan: CommandSpec = {
  name: 'plan',
  summary: CYCLE_CLI_TEXT.planSummary,
  usage: CYCLE_CLI_TEXT.planUsage,
  description: CYCLE_CLI_TEXT.planDescription,
  interruptible: true,
  options(command, lang) {
    outputOption(command, lang);
    command.addOption(new Option('--year <year>', CYCLE_CLI_TEXT.optYear[lang]));
    jsonOption(command, lang);
    profileOption(command, lang);
  },
  async run(files, options, context) {
    const { io, lang } = context;
    const profile = getProfile(profileOf(options, lang));
    const year = yearOf(options.year, lang);
    const json = !!options.json;
    const job = await openForCopy('plan', files, options.output as string | undefined, json, context);
    if (typeof job === 'number') return job;
    const { book, input, output } = job;
    // The new workbook is the plan alone: no sheet of the report's is taken, none protected.
    const outcome = planNextPlan(visibleSheets(book), { profile, words: sheetWords(lang), form: CYCLE_FORM, year });
    if (!outcome.plan) {
      io.err(`unelgee: ${input}: ${CYCLE_CLI_TEXT.noReport[lang]}`);
      if (json) io.out(JSON.stringify({ tool: 'unelgee', format: JSON_FORMAT_VERSION, command: 'plan', exitCode: EXIT_ERRORS, input, output: null }, null, 2));
      return EXIT_ERRORS;
    }
    const sheet = outcome.plan.addedSheets![0];
    const failed = await writeOutput(job, () => newWorkbookOf(sheet), context);
    if (failed !== null) return failed;
    if (json) {
      const { renumbered, leftOut, baselines, carriedOver } = outcome;
      const result = { tool: 'unelgee', format: JSON_FORMAT_VERSION, command: 'plan', exitCode: EXIT_CLEAN, input, output, sheet: sheet.name, year: outcome.year, sourceSheet: outcome.sourceSheet, tables: outcome.tables.map(jsonFormTable), baselines, carriedOver, renumbered, leftOut: leftOut.map((left) => ({ ...left, row: left.row + 1 })) };
      io.out(JSON.stringify(result, null, 2));
      return EXIT_CLEAN;
    }
    io.out(humanLines(input, output, outcome, lang).join('\n'));
    return EXIT_CLEAN;
  },
};
