// `unelgee compute FILE -o OUT`: a copy with the missing percents filled,
// the averages as formulas and the summary sheet; the input never modified.

import path from 'path';
import { cellAddress, getProfile, planCompute, type Lang, type SkippedWrite } from '../../core';
import { CLI_TEXT } from '../../i18n/cli';
import { sheetWords } from '../../i18n/sheet-words';
import { computeContext, visibleSheets, writeXlsx } from '../../xlsx';
import { UsageError } from '../context';
import { Interrupted, sameFile, unreadableLine, writeAtomically } from '../files';
import { parseWorkbook, readInputFile } from '../load';
import { JSON_FORMAT_VERSION, compressCells, countsLine, jsonFile } from '../report';
import { jsonOption, outputOption, profileOf, profileOption } from './options';
import type { CommandSpec } from './types';

export const compute: CommandSpec = {
  name: 'compute',
  summary: CLI_TEXT.computeSummary,
  usage: CLI_TEXT.computeUsage,
  description: CLI_TEXT.computeDescription,
  interruptible: true,
  options(cmd, lang) {
    outputOption(cmd, lang);
    jsonOption(cmd, lang);
    profileOption(cmd, lang);
  },
  async run(files, opts, { io, lang, signal }) {
    const profileId = profileOf(opts, lang);
    if (files.length === 0) throw new UsageError(CLI_TEXT.noFiles[lang]);
    const output = opts.output as string | undefined;
    if (!output) throw new UsageError(CLI_TEXT.needOutput[lang]);
    if (files.length > 1) throw new UsageError(CLI_TEXT.oneInput[lang]);
    const json = !!opts.json;
    const input = files[0];
    if (path.resolve(input) === path.resolve(output)) {
      io.err(`unelgee: ${output}: ${CLI_TEXT.sameFile[lang]}`);
      return 2;
    }
    let book;
    let source;
    try {
      source = await readInputFile(input);
      book = parseWorkbook(source.bytes);
    } catch (e) {
      io.err(unreadableLine(input, e, lang));
      if (json) io.out(JSON.stringify({ tool: 'unelgee', format: JSON_FORMAT_VERSION, command: 'compute', exitCode: 2, files: [{ file: input, ok: false }] }, null, 2));
      return 2;
    }
    // The same file under another name (a symlink, a hard link, a path through a linked folder): same device and inode.
    if (await sameFile(output, source)) {
      io.err(`unelgee: ${output}: ${CLI_TEXT.sameFile[lang]}`);
      return 2;
    }
    const outcome = planCompute(visibleSheets(book), { profile: getProfile(profileId), words: sheetWords(lang), ...computeContext(book) });
    try {
      await writeAtomically(output, writeXlsx(book, outcome.plan), signal);
    } catch (e) {
      if (e instanceof Interrupted) {
        io.err(`unelgee: ${CLI_TEXT.interrupted[lang]}`);
        return 130;
      }
      io.err(`unelgee: ${output}: ${CLI_TEXT.cannotWrite[lang]}: ${e instanceof Error ? e.message : String(e)}`);
      return 2;
    }
    const code = outcome.analysis.counts.error > 0 ? 1 : 0;
    if (json) {
      io.out(
        JSON.stringify(
          {
            tool: 'unelgee',
            format: JSON_FORMAT_VERSION,
            command: 'compute',
            exitCode: code,
            input,
            output,
            written: outcome.plan.writtenCells,
            skipped: outcome.plan.skipped,
            after: jsonFile(output, outcome.analysis, lang),
          },
          null,
          2,
        ),
      );
      return code;
    }
    const lines = [`${input} → ${output}`];
    if (outcome.plan.writtenCells.length === 0) lines.push(`  ${CLI_TEXT.nothingChanged[lang]}`);
    else {
      lines.push(`  ${CLI_TEXT.wrote[lang]} (${outcome.plan.writtenCells.length}):`);
      for (const [sheet, ranges] of compressCells(outcome.plan.writtenCells)) lines.push(`    ${sheet}: ${ranges.join(' ')}`);
    }
    lines.push(...skippedLines(outcome.plan.skipped, lang));
    if (outcome.plan.sheets.some((e) => e.writes.some((w) => w.note))) lines.push(`  ${CLI_TEXT.notesNotWritten[lang]}`);
    lines.push('', `${CLI_TEXT.remaining[lang]}: ${countsLine(outcome.analysis.counts, lang)}`);
    for (const s of outcome.analysis.sheets) {
      for (const sc of s.scores) {
        if (sc.average === null) continue;
        lines.push(`  ${sc.tableId}: ${sc.average}% · ${sc.fivePoint} · ${sc.grade} ${sc.gradeLabel?.[lang] ?? ''}`);
      }
    }
    lines.push('', `${CLI_TEXT.savedTo[lang]}: ${path.resolve(output)}`);
    io.out(lines.join('\n'));
    return code;
  },
};

/** One line per reason a write was held back: each average left on the summary, each protected sheet, a protected workbook. */
function skippedLines(skipped: SkippedWrite[], lang: Lang): string[] {
  const lines: string[] = [];
  const locked = new Map<string, string[]>();
  for (const s of skipped) {
    if (s.reason === 'no-free-row') lines.push(`  ${s.tableId}: ${CLI_TEXT.averageElsewhere[lang]}${s.instead ? ` (${s.instead})` : ''}.`);
    else if (s.reason === 'sheet-protected') locked.set(s.sheet, [...(locked.get(s.sheet) ?? []), `${s.sheet}!${cellAddress(s.row, s.col)}`]);
    else lines.push(`  ${s.sheet}: ${CLI_TEXT.workbookProtected[lang]}.`);
  }
  for (const [sheet, cells] of locked) {
    const ranges = compressCells(cells).get(sheet) ?? [];
    lines.push(`  ${sheet}: ${CLI_TEXT.sheetProtected[lang]} (${ranges.join(' ')}).`);
  }
  return lines;
}
