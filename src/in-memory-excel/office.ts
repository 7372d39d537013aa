// A fake of the global `Office` the add-in touches: document settings,
// display language, requirement sets, onReady, actions.associate,
// addin.showAsTaskpane and ui.displayDialogAsync (recorded, not shown).
// Pure TypeScript, no Node APIs.
//
// One FakeOffice is one runtime of the add-in (the pane's page, or the
// ribbon's function file: without a shared runtime they are two). Each
// keeps its own in-memory copy of the document's settings, loaded when it
// starts; saveAsync writes that copy into the document and refreshAsync
// reads the document's again (Office.Settings doc comments: "Any settings
// previously saved by an add-in are loaded when it is initialized, so
// during the lifetime of the session you can just use the set and get
// methods to work with the in-memory copy"; refreshAsync "Reads all
// settings persisted in the document and refreshes the ... add-in's copy of
// those settings held in memory"). So a setting saved by the pane reaches
// the ribbon's runtime only through refreshAsync.

import { NEWEST_API, versionAtLeast } from './api';

export type ActionHandler = (event: { completed(): void; source?: { id: string } }) => unknown;

export interface DialogCall {
  url: string;
  options: unknown;
  /** Sends the dialog's "close" message to the add-in (as the page's OK button would). */
  close(): void;
}

/** The settings saved in one document, shared by every runtime of the add-in on it. */
export class FakeDocumentSettings {
  saved: Record<string, unknown>;
  constructor(initial: Record<string, unknown> = {}) {
    this.saved = JSON.parse(JSON.stringify(initial)) as Record<string, unknown>;
  }
}

export class FakeSettings {
  private data: Record<string, unknown>;
  saveCount = 0;
  refreshCount = 0;
  failSave = false;
  readonly document: FakeDocumentSettings;
  constructor(initial: Record<string, unknown> | FakeDocumentSettings = {}) {
    this.document = initial instanceof FakeDocumentSettings ? initial : new FakeDocumentSettings(initial);
    this.data = JSON.parse(JSON.stringify(this.document.saved)) as Record<string, unknown>;
  }
  /** What the document holds (saved by this runtime or another). */
  get saved(): Record<string, unknown> {
    return this.document.saved;
  }
  get(name: string): unknown {
    return name in this.data ? this.data[name] : null;
  }
  set(name: string, value: unknown): void {
    this.data[name] = value;
  }
  remove(name: string): void {
    delete this.data[name];
  }
  saveAsync(optionsOrCallback?: unknown, callbackAfterOptions?: unknown): void {
    const callback = (typeof optionsOrCallback === 'function' ? optionsOrCallback : callbackAfterOptions) as ((result: { status: string; error: { message: string } | null }) => void) | undefined;
    if (this.failSave) {
      callback?.({ status: 'failed', error: { message: 'The settings could not be saved.' } });
      return;
    }
    this.saveCount++;
    this.document.saved = JSON.parse(JSON.stringify(this.data)) as Record<string, unknown>;
    callback?.({ status: 'succeeded', error: null });
  }
  refreshAsync(callback?: (result: { status: string; value: FakeSettings; error: null }) => void): void {
    this.refreshCount++;
    this.data = JSON.parse(JSON.stringify(this.document.saved)) as Record<string, unknown>;
    callback?.({ status: 'succeeded', value: this, error: null });
  }
}

export interface FakeOfficeOptions {
  displayLanguage?: string;
  /** Highest ExcelApi version the host supports (NEWEST_API by default). */
  apiVersion?: string;
  sharedRuntime?: boolean;
  /** The document's saved settings: plain data, or the store another runtime on the same document uses. */
  settings?: Record<string, unknown> | FakeDocumentSettings;
  /**
   * How displayDialogAsync answers: 'shown' (the default), or the error code
   * Office gives when it cannot show one — 12009 (the user chose to ignore
   * the dialog), 12011 (the browser blocked it), 12007 (one is open already).
   */
  dialogResult?: 'shown' | 12007 | 12009 | 12011;
}


export class FakeOffice {
  readonly associations = new Map<string, ActionHandler>();
  readonly dialogs: DialogCall[] = [];
  dialogsRefused = 0;
  taskpaneShown = 0;
  readonly settings: FakeSettings;
  readonly AsyncResultStatus = { Succeeded: 'succeeded', Failed: 'failed' } as const;
  readonly EventType = { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' } as const;
  readonly HostType = { Excel: 'Excel' } as const;
  readonly context: {
    displayLanguage: string;
    document: { settings: FakeSettings };
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    ui: { displayDialogAsync(url: string, options: unknown, callback?: (result: unknown) => void): void };
  };
  readonly actions: { associate(name: string, handler: ActionHandler): void };
  readonly addin: { showAsTaskpane(): Promise<void> } | undefined;

  constructor(private readonly options: FakeOfficeOptions = {}) {
    this.settings = new FakeSettings(options.settings);
    const apiVersion = options.apiVersion ?? NEWEST_API;
    this.context = {
      displayLanguage: options.displayLanguage ?? 'mn-MN',
      document: { settings: this.settings },
      requirements: {
        isSetSupported: (name, minVersion = '1.1') => {
          if (name === 'ExcelApi') return versionAtLeast(apiVersion, minVersion);
          if (name === 'SharedRuntime') return options.sharedRuntime === true;
          if (name === 'DialogApi') return true;
          return false;
        },
      },
      ui: {
        displayDialogAsync: (url, dialogOptions, callback) => {
          const refusal = options.dialogResult ?? 'shown';
          if (refusal !== 'shown') {
            this.dialogsRefused++;
            callback?.({ status: 'failed', error: { code: refusal, message: `Dialog refused (${refusal})` } });
            return;
          }
          const handlers: ((arg: { message?: string; error?: number }) => void)[] = [];
          const dialog = {
            addEventHandler: (_type: string, handler: (arg: { message?: string; error?: number }) => void) => handlers.push(handler),
            close: () => undefined,
          };
          this.dialogs.push({ url, options: dialogOptions, close: () => handlers.forEach((h) => h({ message: 'close' })) });
          callback?.({ status: 'succeeded', value: dialog });
        },
      },
    };
    this.actions = { associate: (name, handler) => void this.associations.set(name, handler) };
    this.addin = {
      showAsTaskpane: () => {
        this.taskpaneShown++;
        return Promise.resolve();
      },
    };
  }

  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }> {
    const info = { host: 'Excel', platform: 'PC' };
    callback?.(info);
    return Promise.resolve(info);
  }
}
