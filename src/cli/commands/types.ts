// A command of `unelgee`: one module per command (validate.ts, compute.ts,
// rollup.ts…), registered in index.ts. main.ts builds the commander program
// from them: each gets its usage, description and options in the user's
// language, the files as arguments, and --lang and --help.

import type { Command, OptionValues } from 'commander';
import type { Lang, Localized } from '../../core';
import type { Context } from '../context';

export interface CommandSpec {
  name: string;
  /** One line in the list of commands. */
  summary: Localized;
  /** What follows "unelgee NAME" in the usage line ("ФАЙЛ… [--json] …"). */
  usage: Localized;
  /** The paragraph under the usage line in the command's --help. */
  description: Localized;
  /** Ctrl+C aborts `context.signal` (the command stops, writes nothing and exits 130) instead of ending the process at once. */
  interruptible?: boolean;
  /** Declares the command's own options (main adds the files argument, --lang and --help). */
  options(command: Command, lang: Lang): void;
  /** Runs the command; the exit code (0 no errors, 1 errors found, 2 cannot read). Bad arguments: throw UsageError. */
  run(files: string[], options: OptionValues, context: Context): Promise<number>;
}
