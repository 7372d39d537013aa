// Files around the commands: the one line for a file that cannot be read,
// outputs written whole (a temporary file beside them, renamed into place;
// never left behind by an error, Ctrl+C or a closed pipe) and only where an
// output may go (a new path in a folder that exists, or a regular file that
// may be written, whose permissions the copy keeps), the output never one of
// the inputs (device and inode), and the .xlsx files of folders, with every
// path met that is not read said why.

import { constants, promises as fs, rmSync } from 'fs';
import path from 'path';
import { CLI_TEXT } from '../i18n/cli';
import type { Lang, Localized } from '../core';
import { UnreadableFile } from './load';

export function unreadableLine(file: string, error: unknown, lang: Lang): string {
  return `unelgee: ${file}: ${CLI_TEXT.cannotRead[lang]}: ${unreadableReason(error, lang)}`;
}

function unreadableReason(error: unknown, lang: Lang): string {
  return error instanceof UnreadableFile ? error.text[lang] : error instanceof Error ? error.message : String(error);
}

/** Same device and inode: the output path is this input under another name (a symlink, a hard link, a linked folder). */
export async function sameFile(output: string, input: { dev: number; ino: number }): Promise<boolean> {
  try {
    const stats = await fs.stat(output);
    return stats.dev === input.dev && stats.ino === input.ino;
  } catch {
    return false;
  }
}

/** Temporary files being written: removed on exit (a closed pipe, an error) so none is left behind. */
const pending = new Set<string>();
let exitHook = false;

/** Removes the temporary files still being written (synchronously: this runs on process exit too). */
export function removePendingTemporaries(): void {
  for (const temporary of pending) rmSync(temporary, { force: true });
  pending.clear();
}

export class Interrupted extends Error {
  constructor() {
    super('interrupted');
  }
}

/** An output path the commands do not write to, and why (one line, in both languages). */
export class UnwritableOutput extends Error {
  readonly text: Localized;
  constructor(text: Localized) {
    super(text.en);
    this.text = text;
  }
}

/** Where an output is written, and the permissions a replaced file had. */
export interface OutputTarget {
  path: string;
  /** The permission bits of the file it replaces; null for a new file. */
  mode: number | null;
}

const fillIn = (template: string, params: Record<string, string>) => template.replace(/\{(\w+)\}/g, (whole, key: string) => params[key] ?? whole);
const fill = (text: Localized, params: Record<string, string>): Localized => ({ mn: fillIn(text.mn, params), en: fillIn(text.en, params) });

/**
 * Where `output` may be written, or UnwritableOutput: "-" is refused (a
 * workbook is binary, and standard output may be a terminal); a folder that
 * does not exist is refused, never created; a path that exists must be a
 * regular file that may be written — not a folder, a device, a FIFO, a
 * socket, nor a link (renaming the copy over a link replaces the link; a
 * link may lead to /proc/self/fd/1 or a device).
 */
export async function outputTarget(output: string): Promise<OutputTarget> {
  if (output === '-') throw new UnwritableOutput(CLI_TEXT.outputDash);
  const resolved = path.resolve(output);
  let found;
  try {
    found = await fs.lstat(resolved);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new UnwritableOutput(fill(CLI_TEXT.outputUnusable, { code: code ?? 'error' }));
    // A new file: its folder must exist.
    const dir = path.dirname(resolved);
    const folder = await fs.stat(dir).catch(() => null);
    if (!folder?.isDirectory()) throw new UnwritableOutput(fill(CLI_TEXT.outputNoFolder, { folder: dir }));
    return { path: resolved, mode: null };
  }
  if (found.isSymbolicLink()) throw new UnwritableOutput(CLI_TEXT.outputIsLink);
  if (found.isDirectory()) throw new UnwritableOutput(CLI_TEXT.outputIsFolder);
  if (!found.isFile()) throw new UnwritableOutput(CLI_TEXT.outputNotRegular);
  // Read-only: by its permission bits (root may write anything, but a read-only file is kept so), or as this user may.
  const writable = (found.mode & 0o222) !== 0 && (await fs.access(resolved, constants.W_OK).then(() => true, () => false));
  if (!writable) throw new UnwritableOutput(CLI_TEXT.outputReadOnly);
  return { path: resolved, mode: found.mode & 0o7777 };
}

/**
 * Writes beside the output and renames into place only when complete: a
 * failed or interrupted write never truncates or changes an existing output
 * and leaves no temporary file. The output is checked again first
 * (outputTarget: UnwritableOutput when it may not be written); a replaced
 * file keeps its permissions. When `signal` is aborted before the rename,
 * nothing is renamed and Interrupted is thrown.
 */
export async function writeAtomically(output: string, bytes: Uint8Array, signal?: AbortSignal): Promise<void> {
  if (!exitHook) {
    exitHook = true;
    process.on('exit', removePendingTemporaries);
  }
  const target = await outputTarget(output);
  const folder = path.dirname(target.path);
  const temporary = path.join(folder, `.${path.basename(target.path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  pending.add(temporary);
  try {
    await fs.writeFile(temporary, bytes, { flag: 'wx' });
    if (target.mode !== null) await fs.chmod(temporary, target.mode);
    if (signal?.aborted) throw new Interrupted();
    await fs.rename(temporary, target.path);
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  } finally {
    pending.delete(temporary);
  }
}

/** The extension a copy of this kind of workbook must have. */
export const KIND_EXTENSIONS = { xlsx: '.xlsx', xlsm: '.xlsm', xltx: '.xltx', xltm: '.xltm' } as const;

const KIND_NAMES: Record<keyof typeof KIND_EXTENSIONS, Localized> = {
  xlsx: CLI_TEXT.kindWorkbook,
  xlsm: CLI_TEXT.kindMacroWorkbook,
  xltx: CLI_TEXT.kindTemplate,
  xltm: CLI_TEXT.kindMacroTemplate,
};

/** Why an output name does not fit the input's kind (a macro workbook's copy named .xlsx would not open in Excel), or null. */
export function extensionProblem(output: string, kind: keyof typeof KIND_EXTENSIONS): Localized | null {
  const wanted = KIND_EXTENSIONS[kind];
  if (path.extname(output).toLowerCase() === wanted) return null;
  const template = CLI_TEXT.outputWrongExtension;
  return { mn: fillIn(template.mn, { kind: KIND_NAMES[kind].mn, ext: wanted }), en: fillIn(template.en, { kind: KIND_NAMES[kind].en, ext: wanted }) };
}

/** A file to read, as named (the path given, or found in a folder). */
interface InputFile {
  file: string;
  dev: number;
  ino: number;
}

/** A path a folder's walk met and does not read, and why. */
export interface UnreadPath {
  file: string;
  reason: Localized;
}

export interface Inputs {
  /** Files to read, in order: each argument in turn, a folder's files sorted by path. */
  files: InputFile[];
  /** Excel's lock files ("~$Тайлан.xlsx", left while a workbook is open), skipped. */
  skipped: string[];
  /** Folders that could not be listed (their files are not read; each is reported as not read). */
  unlistable: string[];
  /** Paths met in a folder that are not read: a name that is not UTF-8, a FIFO or device named like a workbook, a link to nothing. */
  unread: UnreadPath[];
  /** Arguments that do not exist (a mistyped folder): nothing is rolled up. */
  missing: string[];
}

const TAKEN = /\.(xlsx|xlsm)$/i;
const isLockFile = (file: string): boolean => path.basename(file).startsWith('~$');

/**
 * The files behind the arguments: a file as it is, a folder's .xlsx and
 * .xlsm files (recursively, sorted, each folder once however it is reached),
 * Excel's lock files skipped, a file reached twice taken once; every other
 * path a folder holds that is named like a workbook (or is a folder) either
 * read or listed in `unread` with why; arguments that do not exist listed in
 * `missing`.
 */
export async function expandInputs(args: readonly string[]): Promise<Inputs> {
  const out: Inputs = { files: [], skipped: [], unlistable: [], unread: [], missing: [] };
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();
  const take = (file: string, identity: { dev: number; ino: number }) => {
    const key = `${identity.dev}:${identity.ino}`;
    if (seenFiles.has(key)) return;
    seenFiles.add(key);
    out.files.push({ file, dev: identity.dev, ino: identity.ino });
  };
  const walk = async (folder: string, identity: { dev: number; ino: number }) => {
    const key = `${identity.dev}:${identity.ino}`;
    if (seenDirs.has(key)) return;
    seenDirs.add(key);
    let raw: Buffer[];
    try {
      // As bytes: a name that is not UTF-8 (a Cyrillic name from a CP866 zip) cannot be named by a string path.
      raw = await fs.readdir(folder, { encoding: 'buffer' });
    } catch {
      out.unlistable.push(folder);
      return;
    }
    const entries = raw.map((bytes) => ({ bytes, name: bytes.toString('utf8') })).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    for (const { bytes, name } of entries) {
      const file = path.join(folder, name);
      if (!Buffer.from(name, 'utf8').equals(bytes)) {
        const found = await fs.stat(Buffer.concat([Buffer.from(folder + path.sep), bytes])).catch(() => null);
        if (found?.isDirectory()) out.unread.push({ file, reason: CLI_TEXT.folderNameNotUtf8 });
        else if (TAKEN.test(name)) out.unread.push({ file, reason: CLI_TEXT.nameNotUtf8 });
        continue;
      }
      const found = await fs.stat(file).catch(() => null);
      if (!found) {
        if (TAKEN.test(name)) out.unread.push({ file, reason: CLI_TEXT.danglingLink });
      } else if (found.isDirectory()) await walk(file, found);
      else if (TAKEN.test(name)) {
        if (isLockFile(file)) out.skipped.push(file);
        else if (found.isFile()) take(file, found);
        else out.unread.push({ file, reason: CLI_TEXT.notRegularFile });
      }
    }
  };
  for (const arg of args) {
    let stats;
    try {
      stats = await fs.stat(arg);
    } catch {
      out.missing.push(arg);
      continue;
    }
    if (stats.isDirectory()) await walk(arg, stats);
    else if (isLockFile(arg)) out.skipped.push(arg);
    else take(arg, stats);
  }
  return out;
}

/** The link from the output's folder to a file: a relative path with forward slashes, escaped where a URI needs it. */
export function linkTarget(outputDir: string, file: string): string {
  const rel = path.relative(outputDir, path.resolve(file));
  const abs = path.isAbsolute(rel);
  const parts = rel.split(path.sep).map((seg) => seg.replace(/[%#?\s"<>[\]^`{|}\\]/g, (c) => encodeURIComponent(c)));
  return abs ? `file:///${parts.join('/').replace(/^\/+/, '')}` : parts.join('/');
}
