// `unelgee validate FILE… [--json]`: every table of every file checked and
// scored, one file after another, in the order given.

import { Option } from 'commander';
import { analyzeAgainstPlan, analyzeWorkbook, fillTemplate, planTablesIn, type Sheet } from '../../core';
import { CLI_TEXT } from '../../i18n/cli';
import { CYCLE_CLI_TEXT } from '../../i18n/cycle-cli';
import { sheetWords } from '../../i18n/sheet-words';
import { visibleSheets } from '../../xlsx';
import { UsageError } from '../context';
import { unreadableLine } from '../files';
import { loadWorkbook } from '../load';
import { startProgress, type Progress } from '../progress';
import { humanAnalysis } from '../human';
import { JSON_FORMAT_VERSION, jsonFile, type JsonFile } from '../report';
import { jsonOption, profileOf, profileOption, quietOption, usageWithProfiles } from './options';
import type { CommandSpec } from './types';
import { EXIT_CLEAN, EXIT_ERRORS, EXIT_FAILURE } from '../exit-codes';

export const validate: CommandSpec = {
  name: 'validate',
  summary: CLI_TEXT.validateSummary,
  // Read when --help is built: the profiles as PROFILES has them.
  get usage() {
    return usageWithProfiles(CLI_TEXT.validateUsage);
  },
  description: CLI_TEXT.validateDescription,
  options(command, lang) {
    jsonOption(command, lang);
    profileOption(command, lang);
    quietOption(command, lang);
    command.addOption(new Option('--plan <file>', CYCLE_CLI_TEXT.optPlan[lang]));
  },
  async run(files, options, { io, lang }) {
    const profileId = profileOf(options, lang);
    if (files.length === 0) throw new UsageError(CLI_TEXT.noFiles[lang]);
    const json = !!options.json;
    // --plan: every file is held against this plan too (read once; one that cannot be used stops the run before it starts).
    const planFile = typeof options.plan === 'string' ? options.plan : null;
    let planSheets: Sheet[] | null = null;
    if (planFile !== null) {
      try {
        planSheets = visibleSheets(await loadWorkbook(planFile));
      } catch (error) {
        io.err(unreadableLine(planFile, error, lang));
        return EXIT_FAILURE;
      }
      if (planTablesIn(planSheets, { profileId }).length === 0) {
        io.err(`unelgee: ${planFile}: ${CYCLE_CLI_TEXT.planNotFound[lang]}`);
        return EXIT_FAILURE;
      }
    }
    // On a terminal the results themselves show how far the run is; a bar is drawn when they go to a file or a pipe.
    const progress: Progress | null = io.progressStream && !io.outIsTTY && !options.quiet && files.length > 1 ? await startProgress(io.progressStream, files.length, lang) : null;
    const printError = (line: string) => (progress ? progress.log(line) : io.err(line));
    let code = EXIT_CLEAN;
    const results: JsonFile[] = [];
    try {
      for (const file of files) {
        progress?.show(file);
        try {
          const book = await loadWorkbook(file);
          // Hidden sheets (lookups, old versions) are not what staff hand in. The text lists how many fixes there are; the JSON describes each.
          const analysisOptions = { profileId, words: sheetWords(lang), planFixes: json };
          const check = planSheets ? analyzeAgainstPlan(visibleSheets(book), planSheets, analysisOptions) : null;
          const analysis = check ? check.analysis : analyzeWorkbook(visibleSheets(book), analysisOptions);
          if (analysis.counts.error > 0) code = Math.max(code, EXIT_ERRORS);
          const held = check ? fillTemplate(CYCLE_CLI_TEXT.heldAgainst[lang], { plan: planFile!, matched: check.matched, missing: check.missing, extra: check.extra }) : null;
          if (json) results.push(check ? { ...jsonFile(file, analysis, lang), plan: { file: planFile!, tables: check.planTables, matched: check.matched, missing: check.missing, extra: check.extra } } : jsonFile(file, analysis, lang));
          else io.out(humanAnalysis(file, analysis, lang) + (held ? `\n  ${held}` : '') + '\n');
        } catch (error) {
          code = EXIT_FAILURE;
          const line = unreadableLine(file, error, lang);
          if (json) results.push({ file, ok: false, error: line.replace(/^unelgee: /, '') });
          printError(line);
        }
        progress?.tick(file);
      }
    } finally {
      progress?.stop();
    }
    if (json) io.out(JSON.stringify({ tool: 'unelgee', format: JSON_FORMAT_VERSION, command: 'validate', exitCode: code, files: results }, null, 2));
    return code;
  },
};
