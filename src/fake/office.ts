// A fake of the global `Office` the add-in touches: document settings,
// display language, requirement sets, onReady, actions.associate,
// addin.showAsTaskpane and ui.displayDialogAsync (recorded, not shown).
// Pure TypeScript, no Node APIs.

import { NEWEST_API, versionAtLeast } from './api';

export type ActionHandler = (event: { completed(): void; source?: { id: string } }) => unknown;

export interface DialogCall {
  url: string;
  options: unknown;
  /** Sends the dialog's "close" message to the add-in (as the page's OK button would). */
  close(): void;
}

export class FakeSettings {
  private data: Record<string, unknown>;
  saved: Record<string, unknown>;
  saveCount = 0;
  failSave = false;
  constructor(initial: Record<string, unknown> = {}) {
    this.data = { ...initial };
    this.saved = { ...initial };
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
  saveAsync(a?: unknown, b?: unknown): void {
    const cb = (typeof a === 'function' ? a : b) as ((r: { status: string; error: { message: string } | null }) => void) | undefined;
    if (this.failSave) {
      cb?.({ status: 'failed', error: { message: 'The settings could not be saved.' } });
      return;
    }
    this.saveCount++;
    this.saved = JSON.parse(JSON.stringify(this.data)) as Record<string, unknown>;
    cb?.({ status: 'succeeded', error: null });
  }
}

export interface FakeOfficeOptions {
  displayLanguage?: string;
  /** Highest ExcelApi version the host supports (NEWEST_API by default). */
  apiVersion?: string;
  sharedRuntime?: boolean;
  settings?: Record<string, unknown>;
}


export class FakeOffice {
  readonly associations = new Map<string, ActionHandler>();
  readonly dialogs: DialogCall[] = [];
  taskpaneShown = 0;
  readonly settings: FakeSettings;
  readonly AsyncResultStatus = { Succeeded: 'succeeded', Failed: 'failed' } as const;
  readonly EventType = { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' } as const;
  readonly HostType = { Excel: 'Excel' } as const;
  readonly context: {
    displayLanguage: string;
    document: { settings: FakeSettings };
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    ui: { displayDialogAsync(url: string, options: unknown, callback?: (r: unknown) => void): void };
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
          const handlers: ((arg: { message?: string; error?: number }) => void)[] = [];
          const dialog = {
            addEventHandler: (_type: string, h: (arg: { message?: string; error?: number }) => void) => handlers.push(h),
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
