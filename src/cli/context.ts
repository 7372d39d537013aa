// What every command gets: where its output goes (with control characters
// kept off the terminal), the language, a signal for Ctrl+C, and the usage
// error a command throws for bad arguments.

import type { Lang } from '../core';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** A terminal a progress bar may draw on (stderr, when it is one); absent for pipes, files and tests. */
  progressStream?: NodeJS.WriteStream;
  /** stdout is a terminal (the results themselves then show a run's progress). */
  outIsTTY?: boolean;
}

export interface Context {
  io: Io;
  lang: Lang;
  /** Aborted on Ctrl+C (SIGINT) while a command that writes files runs. */
  signal: AbortSignal;
}

/** Bad arguments: main prints `unelgee: <message>`, the command's usage, and exits 2. */
export class UsageError extends Error {}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text for a terminal: control characters (ESC and the rest, C1, bidi overrides) removed; tabs and newlines kept. */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, '');
}

/** JSON for a terminal: JSON.stringify escapes C0 already; C1 and bidi controls are escaped too (the data is unchanged). */
function jsonSafe(text: string): string {
  return text.replace(/[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The Io a command writes through: JSON escaped, everything else stripped of control characters. */
export function safeIo(raw: Io, json: boolean): Io {
  return { ...raw, out: (s) => raw.out(json ? jsonSafe(s) : terminalSafe(s)), err: (s) => raw.err(terminalSafe(s)) };
}
