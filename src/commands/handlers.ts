// The ribbon functions: each runs the host, builds the outcome in the
// user's language and ALWAYS calls event.completed(), on success and on
// failure (Office keeps the button busy until it is called). They take
// their dependencies, so tests drive them with a fake host.

import type { Localized } from '../core';
import { AddinError, type AddinSettings, type ComputeResult, type HostActions, type Lang, type ValidateResult } from '../excel/types';
import { EXCEL_TEXT as T, NOUNS, counted, say } from '../i18n/excel';
import type { CommandName, Outcome } from './outcomes';

export interface CommandEvent {
  completed(options?: unknown): void;
}

export interface CommandDeps {
  host: Pick<HostActions, 'loadSettings' | 'validate' | 'compute'>;
  report(outcome: Outcome): Promise<void> | void;
  /** Longest wait for the report (a dialog the user has not closed) before completing anyway. */
  reportTimeoutMs?: number;
  now?: () => Date;
}

function validateText(r: ValidateResult): Localized {
  const { error, warning, info } = r.analysis.counts;
  if (error + warning + info === 0) return say(T.validateClean);
  return say(T.validateDone, {
    errors: counted(error, NOUNS.error),
    warnings: counted(warning, NOUNS.warning),
    infos: counted(info, NOUNS.info),
    marked: counted(r.marked, NOUNS.cell),
  });
}

function computeText(r: ComputeResult): Localized {
  if (r.changed === 0) return say(T.computeNothing);
  return say(T.computeDone, { changed: counted(r.changed, NOUNS.cell), summary: r.plan.summary?.name ?? '' });
}

function failureText(e: unknown): { text: Localized; code: string } {
  if (e instanceof AddinError) return { text: e.text, code: e.code };
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'unexpected', text: say(T.unexpected, { message }) };
}

function withTimeout(p: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    p.then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      (e: unknown) => {
        clearTimeout(timer);
        console.error('Unelgee: reporting the outcome failed', e);
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
  try {
    const settings = await deps.host.loadSettings();
    lang = settings.lang;
    const done = await work(settings);
    outcome = { command, ok: true, lang, at, ...done };
  } catch (e) {
    outcome = { command, ok: false, lang, at, quiet: true, ...failureText(e) };
  }
  try {
    await withTimeout(Promise.resolve().then(() => deps.report(outcome)), deps.reportTimeoutMs ?? 120_000);
  } finally {
    // Office waits for this: without it the ribbon button stays busy.
    event.completed();
  }
}

export function validate(event: CommandEvent, deps: CommandDeps): Promise<void> {
  return runCommand(event, deps, 'validate', async (settings) => {
    const r = await deps.host.validate(settings);
    return { text: validateText(r), quiet: r.marked === 0 };
  });
}

export function computeScores(event: CommandEvent, deps: CommandDeps): Promise<void> {
  return runCommand(event, deps, 'computeScores', async (settings) => {
    const r = await deps.host.compute(settings);
    return { text: computeText(r), quiet: r.changed === 0 };
  });
}
