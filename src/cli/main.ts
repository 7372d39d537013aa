// `unelgee validate FILE… [--json]` and `unelgee compute FILE -o OUT`
// (docs/domain.md §6). Exit codes: 0 no errors, 1 errors found, 2 cannot read.

import { promises as fs } from 'fs';
import path from 'path';
import { PROFILES, analyzeWorkbook, getProfile, planCompute } from '../core';
import { CLI_TEXT } from '../i18n/cli';
import { sheetWords } from '../i18n/sheet-words';
import { applyPlanToWorkbook } from '../xlsx/apply';
import { workbookToSheets } from '../xlsx/read';
import { loadWorkbook, UnreadableFile } from './load';
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
      const wb = await loadWorkbook(file);
      // Hidden sheets (lookups, old versions) are not what staff hand in.
      const sheets = workbookToSheets(wb).filter((s) => !s.hidden).map((s) => s.sheet);
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
  let wb;
  try {
    wb = await loadWorkbook(input);
  } catch (e) {
    io.err(unreadableLine(input, e, o.lang));
    if (o.json) io.out(JSON.stringify({ tool: 'unelgee', format: JSON_FORMAT_VERSION, command: 'compute', exitCode: 2, files: [{ file: input, ok: false }] }, null, 2));
    return 2;
  }
  const all = workbookToSheets(wb);
  const sheets = all.filter((s) => !s.hidden).map((s) => s.sheet);
  const takenNames = all.filter((s) => s.hidden).map((s) => s.sheet.name);
  const outcome = planCompute(sheets, { profile: getProfile(o.profileId), words: sheetWords(o.lang), takenNames });
  applyPlanToWorkbook(wb, outcome.plan);
  try {
    await fs.mkdir(path.dirname(path.resolve(output)), { recursive: true });
    await wb.xlsx.writeFile(output);
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
  for (const s of outcome.plan.skipped) {
    lines.push(`  ${s.tableId}: ${CLI_TEXT.averageElsewhere[o.lang]}${s.instead ? ` (${s.instead})` : ''}.`);
  }
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

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
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
