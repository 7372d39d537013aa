// A progress bar on the terminal for long runs (cli-progress): files done of
// the total, the current file, the time left. Only on a terminal, never with
// --quiet; lines printed while it runs go above it.

import type { SingleBar } from 'cli-progress';
import type { Lang } from '../core';
import { CLI_TEXT } from '../i18n/cli';
import { terminalSafe } from './context';

export interface Progress {
  /** One more file done (`file` is the one now shown). */
  tick(file: string): void;
  /** Shows the file being worked on without counting it. */
  show(file: string): void;
  /** A line on the terminal above the bar (stderr). */
  log(line: string): void;
  /** Removes the bar. */
  stop(): void;
}

/** The middle of a long file name, so the bar keeps to one line. */
function shorten(file: string, max: number): string {
  return file.length <= max ? file : `…${file.slice(file.length - max + 1)}`;
}

/** A bar on `stream` (cli-progress is loaded now, not when the command line starts: most runs draw none). */
export async function startProgress(stream: NodeJS.WriteStream, total: number, lang: Lang): Promise<Progress> {
  const { MultiBar } = await import('cli-progress');
  const width = Math.max(20, (stream.columns ?? 80) - 52);
  const multi = new MultiBar({
    stream,
    format: `{bar} {value}/{total} · ${CLI_TEXT.progressLeft[lang]} {eta_formatted} · {file}`,
    barsize: 24,
    hideCursor: false,
    clearOnComplete: true,
    gracefulExit: false,
    linewrap: false,
    fps: 8,
    etaBuffer: 50,
    autopadding: true,
  });
  const bar: SingleBar = multi.create(total, 0, { file: '' });
  let stopped = false;
  return {
    tick(file) {
      bar.increment(1, { file: shorten(terminalSafe(file), width) });
    },
    show(file) {
      bar.update({ file: shorten(terminalSafe(file), width) });
    },
    log(line) {
      multi.log(`${terminalSafe(line)}\n`);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      multi.stop();
    },
  };
}
