// The commands that write a copy of one workbook (compute, fix, evaluation)
// share their file handling: one input, -o OUT required, the input never
// written over (by name or as the same file under another name), the output
// only where one may go (files.ts: outputTarget) and named for the input's
// kind (.xlsm, .xltx, .xltm kept), and the copy written whole through a
// temporary file or not at all.

import path from 'path';
import { fillTemplate, type EditPlan, type Lang } from '../core';
import { CLI_TEXT } from '../i18n/cli';
import { writeXlsx, type XlsxWorkbook } from '../xlsx';
import { UsageError, type Context } from './context';
import { Interrupted, UnwritableOutput, extensionProblem, outputTarget, sameFile, unreadableLine, writeAtomically } from './files';
import { parseWorkbook, readInputFile } from './load';
import { JSON_FORMAT_VERSION } from './report';
import { EXIT_CLEAN, EXIT_ERRORS, EXIT_FAILURE, EXIT_INTERRUPTED } from './exit-codes';

export interface CopyJob {
  input: string;
  output: string;
  book: XlsxWorkbook;
}

/** Checks the arguments and reads the input; an exit code (after its message) when it cannot. Bad arguments throw UsageError. */
export async function openForCopy(command: string, files: string[], output: string | undefined, json: boolean, { io, lang }: Context): Promise<CopyJob | number> {
  if (files.length === 0) throw new UsageError(CLI_TEXT.noFiles[lang]);
  if (!output) throw new UsageError(fillTemplate(CLI_TEXT.needOutput[lang], { command }));
  if (files.length > 1) throw new UsageError(fillTemplate(CLI_TEXT.oneInput[lang], { command }));
  const input = files[0];
  if (path.resolve(input) === path.resolve(output)) {
    io.err(`unelgee: ${output}: ${CLI_TEXT.sameFile[lang]}`);
    return EXIT_FAILURE;
  }
  let book: XlsxWorkbook;
  let source;
  try {
    source = await readInputFile(input);
    book = parseWorkbook(source.bytes);
  } catch (error) {
    io.err(unreadableLine(input, error, lang));
    if (json) io.out(JSON.stringify({ tool: 'unelgee', format: JSON_FORMAT_VERSION, command, exitCode: EXIT_FAILURE, files: [{ file: input, ok: false }] }, null, 2));
    return EXIT_FAILURE;
  }
  // The same file under another name (a symlink, a hard link, a path through a linked folder): same device and inode.
  if (await sameFile(output, source)) {
    io.err(`unelgee: ${output}: ${CLI_TEXT.sameFile[lang]}`);
    return EXIT_FAILURE;
  }
  // Where the copy may not go (standard output, a link, a device, a folder, a missing folder, a read-only file): said before any work on it.
  try {
    await outputTarget(output);
  } catch (error) {
    if (!(error instanceof UnwritableOutput)) throw error;
    io.err(`unelgee: ${output}: ${error.text[lang]}`);
    return EXIT_FAILURE;
  }
  // A copy keeps the input's kind (an .xlsm stays a macro workbook): its name must say so, or Excel will not open it.
  const wrongName = extensionProblem(output, book.kind);
  if (wrongName) {
    io.err(`unelgee: ${output}: ${wrongName[lang]}`);
    return EXIT_FAILURE;
  }
  return { input, output, book };
}

/** Writes the input with the plan applied to OUT; null when written, else the exit code after its message (130 on Ctrl+C). */
export async function writeCopy(job: CopyJob, plan: EditPlan, context: Context): Promise<number | null> {
  return writeOutput(job, () => writeXlsx(job.book, plan), context);
}

/** Writes OUT whole (through a temporary file) with the bytes `make` gives; null when written, else the exit code after its message. */
export async function writeOutput(job: CopyJob, make: () => Uint8Array, { io, lang, signal }: Context): Promise<number | null> {
  try {
    await writeAtomically(job.output, make(), signal);
    return null;
  } catch (error) {
    if (error instanceof Interrupted) {
      io.err(`unelgee: ${CLI_TEXT.interrupted[lang]}`);
      return EXIT_INTERRUPTED;
    }
    if (error instanceof UnwritableOutput) {
      io.err(`unelgee: ${job.output}: ${error.text[lang]}`);
      return EXIT_FAILURE;
    }
    io.err(`unelgee: ${job.output}: ${CLI_TEXT.cannotWrite[lang]}: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_FAILURE;
  }
}

/** The exit code of a copy's analysis: 1 while errors remain. */
export const copyExitCode = (errors: number): number => (errors > 0 ? EXIT_ERRORS : EXIT_CLEAN);

export const savedLine = (output: string, lang: Lang): string => `${CLI_TEXT.savedTo[lang]}: ${path.resolve(output)}`;
