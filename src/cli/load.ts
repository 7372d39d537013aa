// Opens an .xlsx for the command line, turning every way a file can be
// unreadable into one clear sentence instead of a stack trace. Only regular
// files are read (a FIFO would block, /dev/zero never ends), and only up to
// MAX_INPUT_BYTES; the bytes then go to the host-neutral reader.

import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'fs';
import type { Localized } from '../core';
import { CLI_TEXT } from '../i18n/cli';
import { readXlsx, useZipCodec, XlsxError, type XlsxWorkbook } from '../xlsx';
import { nodeZip } from './zlib';

// Every file the command line reads (here and in the roll-up's worker threads, which load this module) is inflated by zlib.
useZipCodec(nodeZip);

export class UnreadableFile extends Error {
  readonly text: Localized;
  constructor(text: Localized) {
    super(text.en);
    this.text = text;
  }
}

/** The largest file the command line reads (an .xlsx of 20,000 report rows is under 1 MB). */
const MAX_INPUT_BYTES = 100 * 1024 * 1024;

const fill = (text: Localized, key: string, value: string | number): Localized => ({ mn: text.mn.replace(`{${key}}`, String(value)), en: text.en.replace(`{${key}}`, String(value)) });

function errnoText(error: unknown): Localized {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return CLI_TEXT.noSuchFile;
  if (code === 'EACCES' || code === 'EPERM') return CLI_TEXT.permissionDenied;
  if (code === 'EISDIR') return CLI_TEXT.isDirectory;
  return fill(CLI_TEXT.readError, 'code', code ?? 'error');
}

export interface InputFile {
  bytes: Uint8Array;
  /** Device and inode, to tell whether an output path is this same file. */
  dev: number;
  ino: number;
}

/**
 * Reads a regular file of at most `max` bytes; anything else is an
 * UnreadableFile. Synchronous calls: a file is six system calls (stat, open,
 * fstat, two reads, close), and on a busy machine each asynchronous one waits
 * its turn for a thread of libuv's pool and then for the event loop — a
 * roll-up of 1,000 files spent seconds waiting so. Nothing else runs while a
 * command reads its input.
 */
function readInputFileSync(file: string, max = MAX_INPUT_BYTES): InputFile {
  let descriptor: number | undefined;
  try {
    // stat first: opening a FIFO would block until a writer comes.
    const stats = statSync(file);
    if (stats.isDirectory()) throw new UnreadableFile(CLI_TEXT.isDirectory);
    if (!stats.isFile()) throw new UnreadableFile(CLI_TEXT.notRegularFile);
    if (stats.size > max) throw new UnreadableFile(fill(CLI_TEXT.tooLarge, 'limit', Math.round(max / 1048576)));
    // O_NONBLOCK: if the path was swapped for a FIFO since the stat, open does not wait; fstat then refuses it.
    descriptor = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const openedStats = fstatSync(descriptor);
    if (!openedStats.isFile() || openedStats.dev !== stats.dev || openedStats.ino !== stats.ino) throw new UnreadableFile(CLI_TEXT.notRegularFile);
    // Read at most max + 1 bytes: a file that grew past the limit is refused, not read to its end.
    const buffer = new Uint8Array(Math.min(openedStats.size, max) + 1);
    let filled = 0;
    for (;;) {
      const bytesRead = readSync(descriptor, buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled === buffer.length) break;
    }
    if (filled > max) throw new UnreadableFile(fill(CLI_TEXT.tooLarge, 'limit', Math.round(max / 1048576)));
    return { bytes: buffer.subarray(0, filled), dev: openedStats.dev, ino: openedStats.ino };
  } catch (error) {
    if (error instanceof UnreadableFile) throw error;
    throw new UnreadableFile(errnoText(error));
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/** readInputFileSync for callers that await. */
export async function readInputFile(file: string, max = MAX_INPUT_BYTES): Promise<InputFile> {
  return readInputFileSync(file, max);
}

/** Parses the bytes of an .xlsx; a refused file is an UnreadableFile with the reader's sentence. */
export function parseWorkbook(bytes: Uint8Array): XlsxWorkbook {
  try {
    return readXlsx(bytes);
  } catch (error) {
    if (error instanceof XlsxError) throw new UnreadableFile(error.text);
    throw error;
  }
}

/** Reads and parses an .xlsx file. */
export async function loadWorkbook(file: string): Promise<XlsxWorkbook> {
  return parseWorkbook((await readInputFile(file)).bytes);
}
