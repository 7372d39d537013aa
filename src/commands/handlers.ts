// The ribbon functions: each runs the host, builds the outcome in the
// user's language and ALWAYS calls event.completed(), on success and on
// failure (Office keeps the button busy until it is called). They take
// their dependencies, so tests drive them with a fake host.
//
// Complete first, then tell: a function command's runtime ends at
// completed() or after about five minutes (Microsoft's add-in commands
// documentation), so the work alone spends that time: completed() is
// called as soon as the outcome is known, and in the same task the outcome
// is published (a listening pane shows it), kept for the pane, and the
// notice dialog asked for — never waited for.
// The settings are read again from the document first (refreshAsync): a
// choice the user saved in the pane since this runtime started applies.

import type { Localized } from '../core';
import { describeFailure } from '../excel/office-errors';
import type { AddinSettings, ComputeResult, HostActions, Lang, ValidateResult } from '../excel/types';
import { EXCEL_TEXT as T, NOUNS, counted, say } from '../i18n/excel';
import type { CommandName, Outcome } from './outcomes';

export interface CommandEvent {
  completed(options?: unknown): void;
}

export interface CommandDeps {
  host: Pick<HostActions, 'loadSettings' | 'validate' | 'compute' | 'documentId'>;
  /** Tells the outcome (called after event.completed()). */
  report(outcome: Outcome): Promise<void> | void;
  /** Longest wait for the report to be under way (a dialog Office has not answered for) before the handler's promise ends anyway. */
  reportTimeoutMs?: number;
  now?: () => Date;
}

function validateText(result: ValidateResult): Localized {
  const { error, warning, info } = result.analysis.counts;
  if (error + warning + info === 0) return say(T.validateClean);
  return say(T.validateDone, {
    errors: counted(error, NOUNS.error),
    warnings: counted(warning, NOUNS.warning),
    infos: counted(info, NOUNS.info),
    marked: counted(result.marked, NOUNS.cell),
  });
}

function computeText(result: ComputeResult): Localized {
  if (result.changed === 0) return say(T.computeNothing);
  return say(T.computeDone, { changed: counted(result.changed, NOUNS.cell), summary: result.plan.summary?.name ?? '' });
}

/** A failure's outcome text: the adapter's own words, or Excel's error in plain words with Excel's text as the detail. */
function failureText(error: unknown): { text: Localized; code: string; detail: string | null } {
  return describeFailure(error);
}

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    work.then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      (error: unknown) => {
        clearTimeout(timer);
        console.error('Unelgee: reporting the outcome failed', error);
        resolve();
      },
    );
  });
}

async function runCommand(
  event: CommandEvent,
  deps: CommandDeps,
  command: CommandName,
  work: (settings: AddinSettings) => Promise<{ text: Localized; quiet: boolean }>,
): Promise<void> {
  const at = (deps.now?.() ?? new Date()).toISOString();
  let outcome: Outcome;
  let lang: Lang = 'mn';
  let document: string | null = null;
  try {
    const settings = await deps.host.loadSettings({ fresh: true });
    lang = settings.lang;
    document = (await deps.host.documentId?.().catch(() => null)) ?? null;
    const done = await work(settings);
    outcome = { command, ok: true, lang, at, document, ...done };
  } catch (error) {
    outcome = { command, ok: false, lang, at, document, quiet: true, ...failureText(error) };
  }
  // Office waits for this: without it the ribbon button stays busy. Called first: telling the user never spends the command's time.
  event.completed();
  // In the same task as completed(): the outcome is published and kept for the pane before anything is awaited.
  await withTimeout(
    new Promise<void>((resolve, reject) => {
      try {
        Promise.resolve(deps.report(outcome)).then(resolve, reject);
      } catch (error) {
        reject(error);
      }
    }),
    deps.reportTimeoutMs ?? 10_000,
  );
}

export function validate(event: CommandEvent, deps: CommandDeps): Promise<void> {
  return runCommand(event, deps, 'validate', async (settings) => {
    const result = await deps.host.validate(settings);
    return { text: validateText(result), quiet: result.marked === 0 };
  });
}

export function computeScores(event: CommandEvent, deps: CommandDeps): Promise<void> {
  return runCommand(event, deps, 'computeScores', async (settings) => {
    const result = await deps.host.compute(settings);
    return { text: computeText(result), quiet: result.changed === 0 };
  });
}
