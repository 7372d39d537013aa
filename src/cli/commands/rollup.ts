// `unelgee rollup FILE…|FOLDER… -o ROLLUP.xlsx`: many units' files checked
// as `validate` checks them — in parallel, on a worker pool sized to the CPU
// cores, a few files in flight at a time — and one new workbook written: the
// roll-up (a row per file and table, by average, with ranks and a total
// line), every finding as a filterable table, and the files not read. The
// run never stops for a file it cannot read; inputs are never modified.

import { promises as fs } from 'fs';
import path from 'path';
import { performance } from 'perf_hooks';
import { Option } from 'commander';
import { fillTemplate, getProfile, gradeText, planRollup, type Lang, type Localized, type RollupFinding, type RollupInput, type RollupOutcome, type RollupRow, type UnreadFile } from '../../core';
import { CLI_TEXT } from '../../i18n/cli';
import { rollupWords } from '../../i18n/rollup';
import { createXlsx } from '../../xlsx';
import type { CheckResult } from '../check-file';
import { UsageError, type Context } from '../context';
import { Interrupted, UnwritableOutput, expandInputs, extensionProblem, linkTarget, outputTarget, writeAtomically, type UnreadPath } from '../files';
import { defaultJobs, IN_FLIGHT_PER_WORKER, makePool, type FilePool } from '../pool';
import { startProgress, type Progress } from '../progress';
import { countsLine } from '../human';
import { JSON_FORMAT_VERSION, type JsonFile } from '../report';
import { jsonOption, outputOption, profileOf, profileOption, quietOption } from './options';
import type { CommandSpec } from './types';
import { EXIT_CLEAN, EXIT_ERRORS, EXIT_FAILURE, EXIT_INTERRUPTED } from '../exit-codes';

export const rollup: CommandSpec = {
  name: 'rollup',
  summary: CLI_TEXT.rollupSummary,
  usage: CLI_TEXT.rollupUsage,
  description: CLI_TEXT.rollupDescription,
  interruptible: true,
  options(command, lang) {
    outputOption(command, lang);
    jsonOption(command, lang);
    profileOption(command, lang);
    quietOption(command, lang);
    command.addOption(new Option('-j, --jobs <n>', fillTemplate(CLI_TEXT.optJobs[lang], { n: defaultJobs() })));
  },
  async run(args, options, context) {
    const { io, lang } = context;
    const started = performance.now();
    const profileId = profileOf(options, lang);
    if (args.length === 0) throw new UsageError(CLI_TEXT.noFiles[lang]);
    const output = options.output as string | undefined;
    if (!output) throw new UsageError(CLI_TEXT.needOutputRollup[lang]);
    const jobs = options.jobs === undefined ? defaultJobs() : Number(options.jobs);
    if (!Number.isInteger(jobs) || jobs < 0) throw new UsageError(CLI_TEXT.badJobs[lang]);
    const json = !!options.json;

    // The roll-up is a new .xlsx, written only where an output may go (files.ts: outputTarget).
    const problem = await outputTarget(output).then(
      () => extensionProblem(output, 'xlsx'),
      (error: unknown) => {
        if (error instanceof UnwritableOutput) return error.text;
        throw error;
      },
    );
    if (problem) {
      io.err(`unelgee: ${output}: ${problem[lang]}`);
      return EXIT_FAILURE;
    }
    // The threads start now and load the engine while the folders are walked: every core busy from the first file.
    const pool = await makePool(jobs);
    try {
      return await rollupWith(pool, args, { output, jobs, profileId, json, quiet: !!options.quiet }, context, started);
    } finally {
      await pool.destroy();
    }
  },
};

/** The roll-up once its pool is there: the inputs walked and checked, the workbook written, the outcome told. */
async function rollupWith(pool: FilePool, args: string[], options: CheckOptions & { output: string }, context: Context, started: number): Promise<number> {
  const { io, lang, signal } = context;
  const { output, json } = options;
  const inputs = await expandInputs(args);
  // A mistyped folder is an error, not an empty roll-up.
  if (inputs.missing.length > 0) {
    for (const missing of inputs.missing) io.err(`unelgee: ${missing}: ${CLI_TEXT.rollupMissing[lang]}`);
    return EXIT_FAILURE;
  }
  // The output is never one of the inputs (same device and inode, as compute checks).
  const out = await fs.stat(output).catch(() => null);
  const resolvedOutput = path.resolve(output);
  if (inputs.files.some((f) => (out && f.dev === out.dev && f.ino === out.ino) || path.resolve(f.file) === resolvedOutput)) {
    io.err(`unelgee: ${output}: ${CLI_TEXT.rollupOutputIsInput[lang]}`);
    return EXIT_FAILURE;
  }
  // Folders not listed and paths met but not read: each a line, and a row on the "not read" sheet.
  const unread: UnreadPath[] = [...inputs.unlistable.map((dir) => ({ file: dir, reason: CLI_TEXT.cannotList })), ...inputs.unread];
  if (inputs.files.length === 0 && unread.length === 0) {
    io.err(`unelgee: ${args.join(' ')}: ${CLI_TEXT.rollupNothing[lang]}`);
    return EXIT_FAILURE;
  }

  const files = inputs.files.map((f) => f.file);
  const checked = await checkAll(pool, files, unread, options, context);
  if (!checked) {
    io.err(`unelgee: ${CLI_TEXT.interrupted[lang]}`);
    return EXIT_INTERRUPTED;
  }
  const collected = collect(checked.results, unread, path.dirname(resolvedOutput), lang);
  const outcome = planRollup(collected.input, getProfile(options.profileId), rollupWords(lang));
  try {
    await writeAtomically(output, createXlsx(outcome.workbook), signal);
  } catch (error) {
    if (error instanceof Interrupted) {
      io.err(`unelgee: ${CLI_TEXT.interrupted[lang]}`);
      return EXIT_INTERRUPTED;
    }
    io.err(`unelgee: ${output}: ${error instanceof UnwritableOutput ? error.text[lang] : `${CLI_TEXT.cannotWrite[lang]}: ${error instanceof Error ? error.message : String(error)}`}`);
    return EXIT_FAILURE;
  }
  const code = collected.input.notRead.length > 0 ? EXIT_FAILURE : collected.anyErrors ? EXIT_ERRORS : EXIT_CLEAN;
  if (json) {
    const rollupJson = { rows: outcome.rows, total: outcome.total, notRead: collected.input.notRead, chartData: outcome.chartData, findingsLeftOut: outcome.findingsLeftOut };
    io.out(JSON.stringify({ tool: 'unelgee', format: JSON_FORMAT_VERSION, command: 'rollup', exitCode: code, output, files: collected.jsonFiles, skipped: inputs.skipped, rollup: rollupJson }, null, 2));
    return code;
  }
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const run = { files: files.length + unread.length, notRead: collected.input.notRead.length, skipped: inputs.skipped.length, threads: checked.threads, seconds };
  io.out(humanRollup(outcome, output, run, lang).join('\n'));
  return code;
}

interface CheckOptions {
  jobs: number;
  profileId: string;
  json: boolean;
  quiet: boolean;
}

/** Reads and checks the files on the pool, a few in flight, each result in its file's place; null when interrupted. */
async function checkAll(pool: FilePool, files: string[], unread: UnreadPath[], options: CheckOptions, { io, lang, signal }: Context): Promise<{ results: CheckResult[]; threads: number } | null> {
  const results: CheckResult[] = new Array(files.length);
  const progress: Progress | null = io.progressStream && !options.quiet ? await startProgress(io.progressStream, files.length, lang) : null;
  const printError = (line: string) => (progress ? progress.log(line) : io.err(line));
  for (const unreadPath of unread) printError(`unelgee: ${unreadPath.file}: ${unreadPath.reason[lang]}`);
  let next = 0;
  /** Takes the next file until none is left: on a worker (`here` false) or on this thread, giving way after each file so the workers' results and their next files get through. */
  const lane = async (here: boolean) => {
    while (next < files.length && !signal.aborted) {
      const index = next++;
      progress?.show(files[index]);
      let result: CheckResult;
      try {
        const task = { file: files[index], lang, profileId: options.profileId, json: options.json };
        result = here ? await pool.runHere(task) : await pool.run(task, signal);
        // Files are read synchronously: give way, or Ctrl+C and the workers' messages would wait for the last file.
        if (here) await new Promise((resolve) => setImmediate(resolve));
      } catch (error) {
        if (signal.aborted) return;
        // A worker that died (out of memory on a hostile file): this file is not read; the run goes on.
        const why = error instanceof Error ? error.message : String(error);
        result = { file: files[index], ok: false, reason: { mn: why, en: why } };
      }
      results[index] = result;
      if (!result.ok) printError(`unelgee: ${result.file}: ${CLI_TEXT.cannotRead[lang]}: ${result.reason[lang]}`);
      progress?.tick(files[index]);
    }
  };
  try {
    await Promise.all([lane(true), ...Array.from({ length: pool.workers * IN_FLIGHT_PER_WORKER }, () => lane(false))]);
  } finally {
    progress?.stop();
  }
  return signal.aborted ? null : { results, threads: pool.threads };
}

/** The roll-up's input (rows, findings, files not read, links), validate's JSON per file, and whether any file has errors; in the order the files were given. */
function collect(results: CheckResult[], unread: UnreadPath[], outputDir: string, lang: Lang): { input: RollupInput; jsonFiles: JsonFile[]; anyErrors: boolean } {
  const rows: RollupRow[] = [];
  const findings: RollupFinding[] = [];
  const notRead: UnreadFile[] = unread.map((unreadPath) => ({ file: unreadPath.file, reason: unreadPath.reason }));
  const links: Record<string, string> = {};
  const jsonFiles: JsonFile[] = [];
  let anyErrors = false;
  for (const result of results) {
    links[result.file] = linkTarget(outputDir, result.file);
    if (!result.ok) {
      notRead.push({ file: result.file, reason: result.reason });
      jsonFiles.push({ file: result.file, ok: false, error: `${result.file}: ${CLI_TEXT.cannotRead[lang]}: ${result.reason[lang]}` });
      continue;
    }
    rows.push(...result.rows);
    const label = result.rows[0]?.label ?? result.file;
    for (const finding of result.findings) findings.push({ file: result.file, label, ...finding });
    if (result.errors > 0) anyErrors = true;
    if (result.json) jsonFiles.push(result.json);
  }
  return { input: { rows, findings, notRead, links }, jsonFiles, anyErrors };
}

/** What people read: each row with its rank, the mean of the units, the counts, where the chart's data is. */
function humanRollup(outcome: RollupOutcome, output: string, run: { files: number; notRead: number; skipped: number; threads: number; seconds: number }, lang: Lang): string[] {
  const total = outcome.total;
  const percent = (value: number | null) => (value === null ? '–' : `${value}%`);
  const grade = (letter: string | null, label: Localized | null) => (letter ? ` · ${gradeText(letter, label, lang)}` : '');
  const short = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);
  const lines = [`${CLI_TEXT.rollupHeading[lang]} → ${output}`];
  for (const row of outcome.rows) {
    const what = row.tableId ? ` · ${short(row.title || row.tableId)}` : '';
    lines.push(`  ${row.rank ?? '–'}. ${row.label}${what} · ${percent(row.average)}${grade(row.grade, row.gradeLabel)} (${row.file})`);
  }
  lines.push('', `${CLI_TEXT.rollupMean[lang]}: ${percent(total.average)}${grade(total.grade, total.gradeLabel)}`);
  lines.push(fillTemplate(CLI_TEXT.rollupCounts[lang], { ...run, tables: total.tables }));
  lines.push(countsLine({ error: total.errors, warning: total.warnings, info: total.infos }, lang));
  if (outcome.chartData) lines.push(fillTemplate(CLI_TEXT.rollupChart[lang], { range: outcome.chartData }));
  if (outcome.findingsLeftOut > 0) lines.push(fillTemplate(CLI_TEXT.rollupFindingsLeftOut[lang], { count: outcome.findingsLeftOut }));
  lines.push('', `${CLI_TEXT.savedTo[lang]}: ${path.resolve(output)}`);
  return lines;
}
