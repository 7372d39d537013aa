// Ribbon commands (manifest ExecuteFunction: "validate", "computeScores").
//
// Each runs the Excel host, tells the user what happened and ALWAYS calls
// event.completed(), on success and on failure. Telling the user, since
// ExecuteFunction commands have no UI of their own in Excel (notification
// messages are Outlook-only):
// - the outcome is published (localStorage + BroadcastChannel "unelgee"),
//   so an open task pane updates and a pane opened later shows it;
// - with a shared runtime (SharedRuntime 1.1) the pane is shown
//   (Office.addin.showAsTaskpane);
// - otherwise failures, and successes with nothing visible on the sheet
//   (no findings, nothing to compute), open a small dialog: this same
//   commands.html with ?notice=…, rendered by renderNotice() below.
// The handlers take their dependencies, so tests drive them with a fake host.

import type { Localized } from '../core';
import { globalEnv } from '../excel/env';
import { createExcelHost } from '../excel/host';
import { AddinError, type AddinSettings, type ComputeResult, type HostActions, type Lang, type ValidateResult } from '../excel/types';

export interface CommandEvent {
  completed(options?: unknown): void;
}

export type CommandName = 'validate' | 'computeScores';

export interface Outcome {
  command: CommandName;
  ok: boolean;
  lang: Lang;
  text: Localized;
  /** Nothing on the sheet shows the result (no marks, nothing written). */
  quiet: boolean;
  /** AddinError code, or "unexpected". */
  code?: string;
  at: string;
}

export interface CommandDeps {
  host: Pick<HostActions, 'loadSettings' | 'validate' | 'compute'>;
  report(outcome: Outcome): Promise<void> | void;
  /** Longest wait for the report (a dialog the user has not closed) before completing anyway. */
  reportTimeoutMs?: number;
  now?: () => Date;
}

export const OUTCOME_KEY = 'unelgee.outcome';
export const OUTCOME_CHANNEL = 'unelgee';

export function validateText(r: ValidateResult): Localized {
  const { error, warning, info } = r.analysis.counts;
  if (error + warning + info === 0) return { mn: 'Шалгалт дууслаа: алдаа, анхааруулга олдсонгүй.', en: 'Validate finished: no problems found.' };
  return {
    mn: `Шалгалт дууслаа: ${error} алдаа, ${warning} анхааруулга, ${info} мэдээлэл; ${r.marked} нүдийг өнгөөр тэмдэглэж тайлбар бичлээ.`,
    en: `Validate finished: ${error} errors, ${warning} warnings, ${info} notes; ${r.marked} cells marked with a colour and a note.`,
  };
}

export function computeText(r: ComputeResult): Localized {
  if (r.changed === 0) return { mn: 'Оноо аль хэдийн тооцоологдсон: өөрчлөх зүйл алга.', en: 'Scores are already computed: nothing to change.' };
  return {
    mn: `Оноо тооцлоо: ${r.changed} нүд бичиж, хураангуйг "${r.plan.summary?.name ?? ''}" хуудсанд гаргалаа. Буцаах бол Үнэлгээний самбарын "Буцаах"-ыг дарна уу.`,
    en: `Scores computed: ${r.changed} cells written, summary on "${r.plan.summary?.name ?? ''}". To undo, use Revert in the Unelgee pane.`,
  };
}

export function failureText(e: unknown): { text: Localized; code: string } {
  if (e instanceof AddinError) return { text: e.text, code: e.code };
  const message = e instanceof Error ? e.message : String(e);
  return {
    code: 'unexpected',
    text: { mn: `Үнэлгээ ажиллаж чадсангүй: ${message}`, en: `Unelgee could not finish: ${message}` },
  };
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

// ---- how the outcome reaches the user ---------------------------------------

interface Dialog {
  addEventHandler(type: unknown, handler: (arg: unknown) => void): void;
  close(): void;
}

/** The part of the global `Office` the commands use. */
export interface OfficeForCommands {
  onReady(callback?: (info: unknown) => void): Promise<unknown>;
  actions: { associate(name: string, handler: (event: CommandEvent) => unknown): void };
  addin?: { showAsTaskpane(): Promise<void> };
  context: {
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    ui: {
      displayDialogAsync(url: string, options: unknown, callback?: (result: { status: unknown; value?: unknown }) => void): void;
      messageParent?(message: string): void;
    };
  };
  EventType: { DialogMessageReceived: unknown; DialogEventReceived: unknown };
}

/** Leaves the outcome where the task pane looks for it (best effort: storage may be blocked). */
export function publish(outcome: Outcome, scope: { localStorage?: Storage; BroadcastChannel?: typeof BroadcastChannel } = globalThis): void {
  try {
    scope.localStorage?.setItem(OUTCOME_KEY, JSON.stringify(outcome));
  } catch {
    // storage disabled: the dialog or the pane still tells the user
  }
  try {
    if (scope.BroadcastChannel) {
      const channel = new scope.BroadcastChannel(OUTCOME_CHANNEL);
      channel.postMessage(outcome);
      channel.close();
    }
  } catch {
    // no BroadcastChannel in this webview
  }
}

export function noticeUrl(base: string, outcome: Outcome): string {
  const url = new URL(base);
  url.search = '';
  url.hash = '';
  url.searchParams.set('notice', outcome.text[outcome.lang]);
  url.searchParams.set('ok', outcome.ok ? '1' : '0');
  url.searchParams.set('lang', outcome.lang);
  return url.toString();
}

function showDialog(office: OfficeForCommands, url: string): Promise<void> {
  return new Promise((resolve) => {
    office.context.ui.displayDialogAsync(url, { height: 30, width: 35, displayInIframe: true }, (result) => {
      const dialog = result.value as Dialog | undefined;
      if (result.status === 'failed' || result.status === 1 || !dialog) {
        resolve();
        return;
      }
      dialog.addEventHandler(office.EventType.DialogMessageReceived, () => {
        dialog.close();
        resolve();
      });
      // Closed with its own X (or navigation error).
      dialog.addEventHandler(office.EventType.DialogEventReceived, () => resolve());
    });
  });
}

/** The usual reporter: publish, then show the pane (shared runtime) or a dialog when the sheet shows nothing. */
export function officeReporter(office: OfficeForCommands, pageUrl: string): (outcome: Outcome) => Promise<void> {
  return async (outcome) => {
    publish(outcome);
    if (office.addin && office.context.requirements.isSetSupported('SharedRuntime', '1.1')) {
      await office.addin.showAsTaskpane();
      return;
    }
    if (!outcome.ok || outcome.quiet) await showDialog(office, noticeUrl(pageUrl, outcome));
  };
}

/**
 * Associates the manifest's FunctionNames once Office is ready. `Office` is a
 * parameter (the global in the bundle, a fake in tests) spelled like the
 * global, so the manifest test finds each `Office.actions.associate("…")`.
 */
export function register(Office: OfficeForCommands, deps: CommandDeps): Promise<void> {
  return Office.onReady().then(() => {
    Office.actions.associate('validate', (event) => validate(event, deps));
    Office.actions.associate('computeScores', (event) => computeScores(event, deps));
  });
}

/** The dialog page: the notice text and an OK button that asks the add-in to close it. */
export function renderNotice(doc: Document, search: string, office?: OfficeForCommands): boolean {
  const params = new URLSearchParams(search);
  const text = params.get('notice');
  if (text === null) return false;
  const lang = params.get('lang') === 'en' ? 'en' : 'mn';
  doc.documentElement.lang = lang;
  const main = doc.createElement('main');
  main.setAttribute('role', params.get('ok') === '1' ? 'status' : 'alert');
  main.style.cssText = 'font: 14px/1.45 "Segoe UI", system-ui, sans-serif; padding: 16px; color: #201f1e;';
  const p = doc.createElement('p');
  p.textContent = text;
  const ok = doc.createElement('button');
  ok.type = 'button';
  ok.textContent = lang === 'en' ? 'OK' : 'Болсон';
  ok.addEventListener('click', () => office?.context.ui.messageParent?.('close'));
  main.append(p, ok);
  doc.body.append(main);
  ok.focus();
  return true;
}

/** Entry point when commands.html loads this bundle inside Office. */
function boot(office: OfficeForCommands): void {
  if (renderNotice(document, window.location.search, office)) {
    void office.onReady();
    return;
  }
  const host = createExcelHost(globalEnv());
  void register(office, { host, report: officeReporter(office, window.location.href) });
}

if (typeof Office !== 'undefined' && typeof document !== 'undefined') boot(Office as unknown as OfficeForCommands);
