// The exit codes of `unelgee`, named once (README "Exit codes"; --help says
// the first three, from these).

/** Nothing wrong found (and what was asked for was written). */
export const EXIT_CLEAN = 0;
/** Errors found; or a command that makes a sheet found nothing to make it from, and wrote nothing. */
export const EXIT_ERRORS = 1;
/** A file could not be read, an output could not be written, or the arguments are wrong. */
export const EXIT_FAILURE = 2;
/** 128 + SIGINT: stopped by Ctrl+C; an output is written whole or not at all. */
export const EXIT_INTERRUPTED = 130;
/** 128 + SIGPIPE: how a Unix tool ends when the reader of its output goes away. */
export const EXIT_PIPE = 141;
