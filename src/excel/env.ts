// What the adapter needs from its surroundings: Excel.run and a few Office
// calls. Injected (tests and the pane preview pass the fake), defaulting to
// the globals office.js defines.

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface SettingsStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message: string } | null }) => void): void;
}

/** The part of the global `Office` the adapter and the ribbon commands use. */
export interface OfficeLike {
  context: {
    displayLanguage: string;
    document: { settings: SettingsStore };
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
  };
}

export interface HostEnv {
  run: ExcelRun;
  office: OfficeLike;
  /** Clock for snapshot times (tests pin it). */
  now?: () => Date;
}

export function globalEnv(): HostEnv {
  return {
    run: (batch) => Excel.run(batch),
    office: Office as unknown as OfficeLike,
  };
}

/**
 * Requirement sets the adapter relies on. Everything but notes is in
 * ExcelApi 1.13 (merged areas) or earlier; cell notes need ExcelApi 1.18.
 * Without them the add-in marks with fills only and says so in the pane.
 */
export const REQUIRED_API = '1.13';
export const NOTES_API = '1.18';

export function supports(office: OfficeLike, version: string): boolean {
  try {
    return office.context.requirements.isSetSupported('ExcelApi', version);
  } catch {
    return false;
  }
}
