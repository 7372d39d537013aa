// Files around the commands: the one line for a file that cannot be read,
// outputs written whole (a temporary file beside them, renamed into place;
// never left behind by an error, Ctrl+C or a closed pipe), the output never
// one of the inputs (device and inode), and the .xlsx files of folders.

import { promises as fs, rmSync } from 'fs';
import path from 'path';
import { CLI_TEXT } from '../i18n/cli';
import type { Lang } from '../core';
import { UnreadableFile } from './load';

export function unreadableLine(file: string, e: unknown, lang: Lang): string {
  return `unelgee: ${file}: ${CLI_TEXT.cannotRead[lang]}: ${unreadableReason(e, lang)}`;
}

export function unreadableReason(e: unknown, lang: Lang): string {
  return e instanceof UnreadableFile ? e.text[lang] : e instanceof Error ? e.message : String(e);
}

/** Same device and inode: the output path is this input under another name (a symlink, a hard link, a linked folder). */
export async function sameFile(output: string, input: { dev: number; ino: number }): Promise<boolean> {
  try {
    const st = await fs.stat(output);
    return st.dev === input.dev && st.ino === input.ino;
  } catch {
    return false;
  }
}

/** Temporary files being written: removed on exit (a closed pipe, an error) so none is left behind. */
const pending = new Set<string>();
let exitHook = false;

/** Removes the temporary files still being written (synchronously: this runs on process exit too). */
export function removePendingTemporaries(): void {
  for (const tmp of pending) rmSync(tmp, { force: true });
  pending.clear();
}

export class Interrupted extends Error {
  constructor() {
    super('interrupted');
  }
}

/**
 * Writes beside the output and renames into place only when complete: a
 * failed or interrupted write never truncates or changes an existing output
 * and leaves no temporary file. When `signal` is aborted before the rename,
 * nothing is renamed and Interrupted is thrown.
 */
export async function writeAtomically(output: string, bytes: Uint8Array, signal?: AbortSignal): Promise<void> {
  if (!exitHook) {
    exitHook = true;
    process.on('exit', removePendingTemporaries);
  }
  const target = path.resolve(output);
  const dir = path.dirname(target);
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  pending.add(tmp);
  try {
    await fs.writeFile(tmp, bytes, { flag: 'wx' });
    if (signal?.aborted) throw new Interrupted();
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  } finally {
    pending.delete(tmp);
  }
}

/** A file to read, as named (the path given, or found in a folder). */
export interface InputFile {
  file: string;
  dev: number;
  ino: number;
}

export interface Inputs {
  /** Files to read, in order: each argument in turn, a folder's files sorted by path. */
  files: InputFile[];
  /** Excel's lock files ("~$Тайлан.xlsx", left while a workbook is open), skipped. */
  skipped: string[];
  /** Folders that could not be listed (their files are not read; each is reported as not read). */
  unlistable: string[];
}

const TAKEN = /\.(xlsx|xlsm)$/i;
export const isLockFile = (file: string): boolean => path.basename(file).startsWith('~$');

/**
 * The files behind the arguments: a file as it is, a folder's .xlsx and
 * .xlsm files (recursively, sorted, each folder once however it is reached),
 * Excel's lock files skipped, a file reached twice taken once.
 */
export async function expandInputs(args: readonly string[]): Promise<Inputs> {
  const out: Inputs = { files: [], skipped: [], unlistable: [] };
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();
  const take = (file: string, st: { dev: number; ino: number }) => {
    const key = `${st.dev}:${st.ino}`;
    if (seenFiles.has(key)) return;
    seenFiles.add(key);
    out.files.push({ file, dev: st.dev, ino: st.ino });
  };
  const walk = async (dir: string, st: { dev: number; ino: number }) => {
    const key = `${st.dev}:${st.ino}`;
    if (seenDirs.has(key)) return;
    seenDirs.add(key);
    let names: string[];
    try {
      names = (await fs.readdir(dir)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    } catch {
      out.unlistable.push(dir);
      return;
    }
    for (const name of names) {
      const p = path.join(dir, name);
      let s;
      try {
        s = await fs.stat(p);
      } catch {
        continue; // a dangling link in a folder is not an input
      }
      if (s.isDirectory()) await walk(p, s);
      else if (TAKEN.test(name)) {
        if (isLockFile(p)) out.skipped.push(p);
        else if (s.isFile()) take(p, s);
      }
    }
  };
  for (const arg of args) {
    let st;
    try {
      st = await fs.stat(arg);
    } catch {
      // Read like any other, it gets its one line ("no such file").
      out.files.push({ file: arg, dev: -1, ino: -1 });
      continue;
    }
    if (st.isDirectory()) await walk(arg, st);
    else if (isLockFile(arg)) out.skipped.push(arg);
    else take(arg, st);
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
