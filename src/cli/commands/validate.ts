// `unelgee validate FILE… [--json]`: every table of every file checked and
// scored, one file after another, in the order given.

import { analyzeWorkbook } from '../../core';
import { CLI_TEXT } from '../../i18n/cli';
import { sheetWords } from '../../i18n/sheet-words';
import { visibleSheets } from '../../xlsx';
import { UsageError } from '../context';
import { unreadableLine } from '../files';
import { loadWorkbook } from '../load';
import { startProgress, type Progress } from '../progress';
import { humanAnalysis } from '../human';
import { JSON_FORMAT_VERSION, jsonFile, type JsonFile } from '../report';
import { jsonOption, profileOf, profileOption, quietOption } from './options';
import type { CommandSpec } from './types';

export const validate: CommandSpec = {
  name: 'validate',
  summary: CLI_TEXT.validateSummary,
  usage: CLI_TEXT.validateUsage,
  description: CLI_TEXT.validateDescription,
  options(cmd, lang) {
    jsonOption(cmd, lang);
    profileOption(cmd, lang);
    quietOption(cmd, lang);
  },
  async run(files, opts, { io, lang }) {
    const profileId = profileOf(opts, lang);
    if (files.length === 0) throw new UsageError(CLI_TEXT.noFiles[lang]);
    const json = !!opts.json;
    // On a terminal the results themselves show how far the run is; a bar is drawn when they go to a file or a pipe.
    const progress: Progress | null = io.progressStream && !io.outIsTTY && !opts.quiet && files.length > 1 ? await startProgress(io.progressStream, files.length, lang) : null;
    const err = (line: string) => (progress ? progress.log(line) : io.err(line));
    let code = 0;
    const results: JsonFile[] = [];
    try {
      for (const file of files) {
        progress?.show(file);
        try {
          const book = await loadWorkbook(file);
          // Hidden sheets (lookups, old versions) are not what staff hand in. The text lists how many fixes there are; the JSON describes each.
          const analysis = analyzeWorkbook(visibleSheets(book), { profileId, words: sheetWords(lang), planFixes: json });
          if (analysis.counts.error > 0) code = Math.max(code, 1);
          if (json) results.push(jsonFile(file, analysis, lang));
          else io.out(humanAnalysis(file, analysis, lang) + '\n');
        } catch (e) {
          code = 2;
          const line = unreadableLine(file, e, lang);
          if (json) results.push({ file, ok: false, error: line.replace(/^unelgee: /, '') });
          err(line);
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
