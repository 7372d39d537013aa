// `unelgee`: the command line (docs/domain.md §6), on commander. The commands
// are modules (commands/*.ts, registered in commands/index.ts); this file
// builds the program from them in the user's language (--lang, or the
// UNELGEE_LANG environment variable; Mongolian by default), turns every
// usage error into one line, the usage and exit 2, stops long commands
// cleanly on Ctrl+C, and leaves quietly when the reader of its output goes
// away (`unelgee validate *.xlsx | head -1`). Exit codes: 0 no errors,
// 1 errors found, 2 cannot read (or bad arguments), 130 interrupted.

import { existsSync, readFileSync } from 'fs';
import path from 'path';
import { Command, CommanderError, Option, type Help } from 'commander';
import { fillTemplate, type Lang } from '../core';
import { CLI_TEXT } from '../i18n/cli';
import { COMMANDS, type CommandSpec } from './commands';
import { UsageError, safeIo, type Context, type Io } from './context';
import { removePendingTemporaries } from './files';
import { EXIT_CLEAN, EXIT_ERRORS, EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_PIPE } from './exit-codes';

export { terminalSafe, type Io } from './context';

/** Set by the one-file build (webpack.cli.config.js): the release's version, where no package.json is beside the file. */
declare const __UNELGEE_RELEASE_VERSION__: string | undefined;

/** The version in package.json (found upwards from this file: the sources and the build sit at different depths). */
export function version(): string {
  if (typeof __UNELGEE_RELEASE_VERSION__ === 'string') return __UNELGEE_RELEASE_VERSION__;
  for (let dir = __dirname, i = 0; i < 6; dir = path.dirname(dir), i++) {
    const file = path.join(dir, 'package.json');
    if (!existsSync(file)) continue;
    try {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'unelgee' && pkg.version) return pkg.version;
    } catch {
      // not ours
    }
  }
  return '0.0.0';
}

let pipeGuard = false;

/** stdout and stderr of this process. A closed pipe ends the run quietly (no stack trace), leaving no temporary file. */
function processIo(): Io {
  if (!pipeGuard) {
    pipeGuard = true;
    for (const stream of [process.stdout, process.stderr]) {
      stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE') throw error;
        removePendingTemporaries();
        process.exit(EXIT_PIPE);
      });
    }
  }
  return {
    out: (text) => process.stdout.write(text + '\n'),
    err: (text) => process.stderr.write(text + '\n'),
    progressStream: process.stderr.isTTY ? process.stderr : undefined,
    outIsTTY: !!process.stdout.isTTY,
  };
}

/** The language: --lang (or --lang=…) anywhere, else UNELGEE_LANG, else Mongolian. A --lang other than mn or en is a usage error. */
function langOf(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    const value = argv[i] === '--lang' ? argv[i + 1] : argv[i].startsWith('--lang=') ? argv[i].slice(7) : undefined;
    if (value === undefined) continue;
    if (value === 'mn' || value === 'en') return value;
    throw new UsageError(`--lang ${value}: ${CLI_TEXT.unknownLang[env.UNELGEE_LANG === 'en' ? 'en' : 'mn']}`);
  }
  return env.UNELGEE_LANG === 'en' ? 'en' : 'mn';
}

/** The usage line(s) printed under a usage error: the command's, or the list of commands. */
function usageText(spec: CommandSpec | undefined, program: Command, lang: Lang): string {
  if (!spec) return program.helpInformation().trimEnd();
  return `${CLI_TEXT.usageTitle[lang]} unelgee ${spec.name} ${spec.usage[lang]}\n${fillTemplate(CLI_TEXT.moreHelp[lang], { command: spec.name })}`;
}

/** The exit codes --help explains, filled from their one home. */
const exitCodesLine = (lang: Lang) => fillTemplate(CLI_TEXT.exitCodes[lang], { clean: EXIT_CLEAN, errors: EXIT_ERRORS, failure: EXIT_FAILURE, interrupted: EXIT_INTERRUPTED });

interface RunState {
  code: number;
  spec?: CommandSpec;
}

function buildProgram(lang: Lang, io: Io, state: RunState): Command {
  const titles: Record<string, string> = {
    'Usage:': CLI_TEXT.usageTitle[lang],
    'Options:': CLI_TEXT.optionsTitle[lang],
    'Global Options:': CLI_TEXT.globalOptionsTitle[lang],
    'Commands:': CLI_TEXT.commandsTitle[lang],
    'Arguments:': CLI_TEXT.argumentsTitle[lang],
  };
  const program = new Command('unelgee');
  program
    .description(CLI_TEXT.programDescription[lang])
    .usage(`${CLI_TEXT.commandWord[lang]} ${CLI_TEXT.optionsWord[lang]}`)
    .configureOutput({
      writeOut: (text) => io.out(text.replace(/\n$/, '')),
      writeErr: (text) => io.err(text.replace(/\n$/, '')),
      // main prints usage errors itself, in the user's language.
      outputError: () => undefined,
    })
    .configureHelp({
      styleTitle: (text: string) => titles[text] ?? text,
      subcommandTerm: (command: Command) => command.name() + (command.name() === 'help' ? ` [${CLI_TEXT.commandWord[lang]}]` : ''),
      showGlobalOptions: true,
    } as Partial<Help>)
    .exitOverride()
    .version(`unelgee ${version()}`, '-v, --version', CLI_TEXT.versionOption[lang])
    .addOption(new Option('--lang <mn|en>', CLI_TEXT.optLang[lang]))
    .helpOption('-h, --help', CLI_TEXT.helpOption[lang])
    .helpCommand(`help [${CLI_TEXT.commandWord[lang]}]`, CLI_TEXT.helpCommand[lang])
    .addHelpText('after', `\n${exitCodesLine(lang)}\n${CLI_TEXT.langEnv[lang]}`)
    .hook('preSubcommand', (_program, sub) => {
      state.spec = COMMANDS.find((c) => c.name === sub.name());
    });

  for (const spec of COMMANDS) {
    const command = program
      .command(spec.name)
      .summary(spec.summary[lang])
      .description(spec.description[lang])
      .usage(spec.usage[lang])
      .argument('[files...]')
      .helpOption('-h, --help', CLI_TEXT.helpOption[lang])
      .addHelpText('after', `\n${exitCodesLine(lang)}`);
    spec.options(command, lang);
    command.action(async (files: string[], options: Record<string, unknown>) => {
      state.code = await runCommand(spec, files, options, io, lang);
    });
  }
  return program;
}

/** Runs a command; one that writes files listens for Ctrl+C meanwhile (a second Ctrl+C ends the process at once). */
async function runCommand(spec: CommandSpec, files: string[], options: Record<string, unknown>, io: Io, lang: Lang): Promise<number> {
  const controller = new AbortController();
  const context: Context = { io, lang, signal: controller.signal };
  if (!spec.interruptible) return spec.run(files, options, context);
  const onInterrupt = () => controller.abort();
  process.once('SIGINT', onInterrupt);
  try {
    return await spec.run(files, options, context);
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
}

const OPTION_IN = /'([^']+)'/;

/** One line for a usage error commander found, in the user's language. */
function commanderMessage(error: CommanderError, argv: readonly string[], lang: Lang): string {
  const quoted = OPTION_IN.exec(error.message)?.[1];
  switch (error.code) {
    case 'commander.unknownCommand':
      return `${CLI_TEXT.unknownCommand[lang]}: ${quoted ?? argv.find((argument) => !argument.startsWith('-')) ?? ''}`;
    case 'commander.unknownOption':
      return `${CLI_TEXT.unknownOption[lang]}: ${quoted ?? ''}`;
    case 'commander.optionMissingArgument':
      return `${CLI_TEXT.missingValue[lang]}: ${quoted ?? ''}`;
    default:
      return error.message.replace(/^error: /, '');
  }
}

const positional = (argv: readonly string[]) => {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang') i++;
    else if (!argv[i].startsWith('-') || argv[i] === '-') out.push(argv[i]);
  }
  return out;
};

/**
 * Runs `unelgee` with these arguments (without "node" and the script) and
 * returns the exit code. `rawIo` is where output goes (the process's stdout
 * and stderr by default; tests pass their own).
 */
export async function main(argv: string[], rawIo?: Io): Promise<number> {
  const io = safeIo(rawIo ?? processIo(), argv.includes('--json'));
  let lang: Lang;
  try {
    lang = langOf(argv, process.env);
  } catch (error) {
    io.err(`unelgee: ${(error as Error).message}`);
    return EXIT_FAILURE;
  }
  const state: RunState = { code: EXIT_CLEAN };
  const program = buildProgram(lang, io, state);
  const asksHelp = argv.some((argument) => argument === '-h' || argument === '--help' || argument === '-v' || argument === '--version');
  if (positional(argv).length === 0 && !asksHelp) {
    io.err(`unelgee: ${CLI_TEXT.noCommand[lang]}\n\n${usageText(undefined, program, lang)}`);
    return EXIT_FAILURE;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return state.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || (error.code === 'commander.help' && error.exitCode === 0)) return EXIT_CLEAN;
      if (error.code === 'commander.help') return EXIT_FAILURE;
      const spec = error.code === 'commander.unknownCommand' ? undefined : state.spec;
      io.err(`unelgee: ${commanderMessage(error, argv, lang)}\n\n${usageText(spec, program, lang)}`);
      return EXIT_FAILURE;
    }
    if (error instanceof UsageError) {
      io.err(`unelgee: ${error.message}\n\n${usageText(state.spec, program, lang)}`);
      return EXIT_FAILURE;
    }
    throw error;
  }
}
