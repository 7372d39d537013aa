// How a command's outcome reaches the user. ExecuteFunction commands have
// no UI of their own in Excel (notification messages are Outlook-only):
// - the outcome is always published (outcomes.ts), so an open pane that
//   listens shows it, and a pane opened later can too;
// - Office.addin.showAsTaskpane works only for an add-in that itself uses
//   a shared runtime (SharedRuntime 1.1 being supported by Excel is not
//   enough). This manifest declares none, so the pane is shown that way
//   only when `sharedRuntime` says so;
// - otherwise, when no pane listens, a failure or a success that leaves
//   nothing visible on the sheet opens a small dialog: commands.html with
//   ?notice=… (notice.ts).

import { paneListening, publish, type Outcome, type OutcomeScope } from './outcomes';

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

/** The usual reporter: publish; then the pane (shared runtime, or a pane listening) or, when the sheet shows nothing, a dialog. */
export function officeReporter(office: OfficeForCommands, pageUrl: string, options: ReporterOptions = {}): (outcome: Outcome) => Promise<void> {
  return async (outcome) => {
    publish(outcome, options.scope);
    if (options.sharedRuntime && office.addin) {
      await office.addin.showAsTaskpane();
      return;
    }
    if (paneListening(options.scope)) return;
    if (!outcome.ok || outcome.quiet) await showDialog(office, noticeUrl(pageUrl, outcome));
  };
}
