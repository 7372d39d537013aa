// How a command's outcome reaches the user. ExecuteFunction commands have
// no UI of their own in Excel (notification messages are Outlook-only):
// - the outcome is always published (outcomes.ts), so an open pane that
//   listens shows it, and a pane opened later can too;
// - Office.addin.showAsTaskpane works only for an add-in that itself uses
//   a shared runtime (SharedRuntime 1.1 being supported by Excel is not
//   enough). This manifest declares none, so the pane is shown that way
//   only when `sharedRuntime` says so;
// - otherwise, when this workbook's pane does not listen, a failure or a
//   success that leaves nothing visible on the sheet opens a small dialog:
//   commands.html with ?notice=… (notice.ts). Until the dialog is shown the
//   outcome also waits for the pane (outcomes.ts keepPending): should Office
//   not show it (12009: the user chose to ignore dialogs; 12011: the
//   browser's pop-up blocker; 12007: one is open already), or should the
//   runtime end first, the pane of this workbook tells it when it opens.
//
// The command has called event.completed() before it reports (handlers.ts):
// the dialog is not waited for, so its time never counts against the
// function command's.

import { dropPending, keepPending, paneListening, publish, type Outcome, type OutcomeScope } from './outcomes';

interface Dialog {
  addEventHandler(type: unknown, handler: (arg: unknown) => void): void;
  close(): void;
}

/** The part of the global `Office` the commands use. */
export interface OfficeForCommands {
  onReady(callback?: (info: unknown) => void): Promise<unknown>;
  actions: { associate(name: string, handler: (event: { completed(options?: unknown): void }) => unknown): void };
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

export interface ReporterOptions {
  /** The add-in runs in a shared runtime (the manifest's <Runtimes>): then the pane can be shown. Ours does not. */
  sharedRuntime?: boolean;
  /** Where outcomes travel (the globals by default). */
  scope?: OutcomeScope;
}

export function noticeUrl(base: string, outcome: Outcome): string {
  const url = new URL(base);
  url.search = '';
  url.hash = '';
  url.searchParams.set('notice', outcome.text[outcome.lang]);
  url.searchParams.set('ok', outcome.ok ? '1' : '0');
  url.searchParams.set('lang', outcome.lang);
  // Excel's own words, folded under "Дэлгэрэнгүй" in the dialog (kept short: it travels in the URL).
  if (outcome.detail) url.searchParams.set('detail', outcome.detail.slice(0, 600));
  return url.toString();
}

/**
 * Opens the dialog; resolves true once Office shows it (the OK button closes
 * it later), false when Office cannot (displayDialogAsync's error 12007,
 * 12009, 12011, or a throw).
 */
function showDialog(office: OfficeForCommands, url: string): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      office.context.ui.displayDialogAsync(url, { height: 30, width: 35, displayInIframe: true }, (result) => {
        const dialog = result.value as Dialog | undefined;
        if (result.status === 'failed' || result.status === 1 || !dialog) {
          resolve(false);
          return;
        }
        dialog.addEventHandler(office.EventType.DialogMessageReceived, () => dialog.close());
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}

/** The usual reporter: publish; then the pane (shared runtime, or this workbook's pane listening) or, when the sheet shows nothing, a dialog — or, failing that, the pane when it opens. */
export function officeReporter(office: OfficeForCommands, pageUrl: string, options: ReporterOptions = {}): (outcome: Outcome) => Promise<void> {
  return async (outcome) => {
    publish(outcome, options.scope);
    if (options.sharedRuntime && office.addin) {
      await office.addin.showAsTaskpane();
      return;
    }
    if (paneListening(options.scope, Date.now(), outcome.document ?? null)) return;
    if (outcome.ok && !outcome.quiet) return;
    keepPending(outcome, options.scope);
    if (await showDialog(office, noticeUrl(pageUrl, outcome))) dropPending(outcome, options.scope);
  };
}
