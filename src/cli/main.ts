// `unelgee validate FILE… [--json]` and `unelgee compute FILE -o OUT`
// (docs/domain.md §6). Exit codes: 0 no errors, 1 errors found, 2 cannot read.

import { promises as fs } from 'fs';
import path from 'path';
import { PROFILES, analyzeWorkbook, cellAddress, getProfile, planCompute, type SkippedWrite } from '../core';
import { CLI_TEXT } from '../i18n/cli';
import { sheetWords } from '../i18n/sheet-words';
import { computeContext, visibleSheets, writeXlsx } from '../xlsx';
import { loadWorkbook, parseWorkbook, readInputFile, UnreadableFile } from './load';
import { JSON_FORMAT_VERSION, compressCells, countsLine, humanAnalysis, jsonFile, type JsonFile, type Lang } from './report';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
};

interface Options {
  command: 'validate' | 'compute' | 'help' | 'version';
  files: string[];
  output?: string;
  json: boolean;
  lang: Lang;
  profileId: string;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options {
  const o: Options = { command: 'help', files: [], json: false, lang: 'mn', profileId: 'practice' };
  const args = [...argv];
  const first = args.shift();
  if (first === undefined || first === 'help' || first === '--help' || first === '-h') return o;
  if (first === '--version' || first === '-v') return { ...o, command: 'version' };
  if (first !== 'validate' && first !== 'compute') throw new UsageError(`${first}`);
  o.command = first;
  // --lang first, so later errors speak the chosen language.
  const li = args.indexOf('--lang');
  if (li >= 0 && args[li + 1] === 'en') o.lang = 'en';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') o.json = true;
    else if (a === '--lang') {
      const v = args[++i];
      if (v !== 'mn' && v !== 'en') throw new UsageError(`--lang ${v ?? ''}`);
      o.lang = v;
    } else if (a === '-o' || a === '--output') o.output = args[++i];
    else if (a === '--profile') {
      const v = args[++i];
      if (!PROFILES.some((p) => p.id === v)) throw new UsageError(`${CLI_TEXT.unknownProfile[o.lang]}: ${v ?? ''}`);
      o.profileId = v;
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`${CLI_TEXT.unknownOption[o.lang]}: ${a}`);
    else o.files.push(a);
  }
  if (o.files.length === 0) throw new UsageError(CLI_TEXT.noFiles[o.lang]);
  if (o.command === 'compute') {
    if (!o.output) throw new UsageError(CLI_TEXT.needOutput[o.lang]);
    if (o.files.length > 1) throw new UsageError(CLI_TEXT.oneInput[o.lang]);
  }
  return o;
}

function unreadableLine(file: string, e: unknown, lang: Lang): string {
  const why = e instanceof UnreadableFile ? e.text[lang] : e instanceof Error ? e.message : String(e);
  return `unelgee: ${file}: ${CLI_TEXT.cannotRead[lang]}: ${why}`;
}

async function validate(o: Options, io: Io): Promise<number> {
  let code = 0;
  const files: JsonFile[] = [];
  for (const file of o.files) {
    try {
      const book = await loadWorkbook(file);
      // Hidden sheets (lookups, old versions) are not what staff hand in.
      const sheets = visibleSheets(book);
      const analysis = analyzeWorkbook(sheets, { profileId: o.profileId, words: sheetWords(o.lang) });
      if (analysis.counts.error > 0) code = Math.max(code, 1);
      if (o.json) files.push(jsonFile(file, analysis, o.lang));
      else io.out(humanAnalysis(file, analysis, o.lang) + '\n');
    } catch (e) {
      code = 2;
      const line = unreadableLine(file, e, o.lang);
      if (o.json) files.push({ file, ok: false, error: line.replace(/^unelgee: /, '') });
      io.err(line);
    }
  }
  if (o.json) io.out(JSON.stringify({ tool: 'unelgee', format: JSON_FORMAT_VERSION, command: 'validate', exitCode: code, files }, null, 2));
  return code;
}

async function compute(o: Options, io: Io): Promise<number> {
  const input = o.files[0];
  const output = o.output!;
  if (path.resolve(input) === path.resolve(output)) {
    io.err(`unelgee: ${output}: ${CLI_TEXT.sameFile[o.lang]}`);
    return 2;
  }
  let book;
  let source;
  try {
    source = await readInputFile(input);
    book = parseWorkbook(source.bytes);
  } catch (e) {
    io.err(unreadableLine(input, e, o.lang));
    if (o.json) io.out(JSON.stringify({ tool: 'unelgee', format: JSON_FORMAT_VERSION, command: 'compute', exitCode: 2, files: [{ file: input, ok: false }] }, null, 2));
    return 2;
  }
  // The same file under another name (a symlink, a hard link, a path through a linked folder): same device and inode.
  if (await sameFile(output, source)) {
    io.err(`unelgee: ${output}: ${CLI_TEXT.sameFile[o.lang]}`);
    return 2;
  }
  const outcome = planCompute(visibleSheets(book), { profile: getProfile(o.profileId), words: sheetWords(o.lang), ...computeContext(book) });
  try {
    await writeAtomically(output, writeXlsx(book, outcome.plan));
  } catch (e) {
    io.err(`unelgee: ${output}: ${CLI_TEXT.cannotWrite[o.lang]}: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const code = outcome.analysis.counts.error > 0 ? 1 : 0;
  if (o.json) {
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
          after: jsonFile(output, outcome.analysis, o.lang),
        },
        null,
        2,
      ),
    );
    return code;
  }
  const lines = [`${input} → ${output}`];
  if (outcome.plan.writtenCells.length === 0) lines.push(`  ${CLI_TEXT.nothingChanged[o.lang]}`);
  else {
    lines.push(`  ${CLI_TEXT.wrote[o.lang]} (${outcome.plan.writtenCells.length}):`);
    for (const [sheet, ranges] of compressCells(outcome.plan.writtenCells)) lines.push(`    ${sheet}: ${ranges.join(' ')}`);
  }
  lines.push(...skippedLines(outcome.plan.skipped, o.lang));
  if (outcome.plan.sheets.some((e) => e.writes.some((w) => w.note))) lines.push(`  ${CLI_TEXT.notesNotWritten[o.lang]}`);
  lines.push('', `${CLI_TEXT.remaining[o.lang]}: ${countsLine(outcome.analysis.counts, o.lang)}`);
  for (const s of outcome.analysis.sheets) {
    for (const sc of s.scores) {
      if (sc.average === null) continue;
      lines.push(`  ${sc.tableId}: ${sc.average}% · ${sc.fivePoint} · ${sc.grade} ${sc.gradeLabel?.[o.lang] ?? ''}`);
    }
  }
  lines.push('', `${CLI_TEXT.savedTo[o.lang]}: ${path.resolve(output)}`);
  io.out(lines.join('\n'));
  return code;
}

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

async function sameFile(output: string, input: { dev: number; ino: number }): Promise<boolean> {
  try {
    const st = await fs.stat(output);
    return st.dev === input.dev && st.ino === input.ino;
  } catch {
    return false;
  }
}

/**
 * Writes beside the output and renames into place only when complete: a
 * failed write never truncates or changes an existing output.
 */
async function writeAtomically(output: string, bytes: Uint8Array): Promise<void> {
  const target = path.resolve(output);
  const dir = path.dirname(target);
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    await fs.writeFile(tmp, bytes, { flag: 'wx' });
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text for a terminal: control characters (ESC and the rest, C1, bidi overrides) removed; tabs and newlines kept. */
export function terminalSafe(s: string): string {
  return s.replace(CONTROL, '');
}

/** JSON for a terminal: JSON.stringify escapes C0 already; C1 and bidi controls are escaped too (the data is unchanged). */
function jsonSafe(s: string): string {
  return s.replace(/[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export async function main(argv: string[], rawIo: Io = defaultIo): Promise<number> {
  const json = argv.includes('--json');
  const io: Io = { out: (s) => rawIo.out(json ? jsonSafe(s) : terminalSafe(s)), err: (s) => rawIo.err(terminalSafe(s)) };
  const lang: Lang = argv.includes('--lang') && argv[argv.indexOf('--lang') + 1] === 'en' ? 'en' : 'mn';
  let o: Options;
  try {
    o = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`unelgee: ${e.message}\n\n${CLI_TEXT.usage[lang]}`);
      return 2;
    }
    throw e;
  }
  if (o.command === 'help') {
    io.out(CLI_TEXT.usage[lang]);
    return 0;
  }
  if (o.command === 'version') {
    io.out('unelgee 0.1.0');
    return 0;
  }
  return o.command === 'validate' ? validate(o, io) : compute(o, io);
}
