// What the adapter needs from its surroundings: Excel.run and a few Office
// calls. Injected (tests and the pane preview pass the fake), defaulting to
// the globals office.js defines.

import { inProcessEngine } from '../worker/inprocess';
import type { EngineClient, ProgressListener } from '../worker/types';
import type { Capabilities } from './types';

type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface SettingsStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message: string } | null }) => void): void;
  /** Reads the settings saved in the document again (another runtime of the add-in may have saved since this one loaded them). */
  refreshAsync?(callback?: (result: { status: unknown }) => void): void;
}

/** The part of the global `Office` the adapter and the ribbon commands use. */
export interface OfficeLike {
  context: {
    displayLanguage: string;
    document: { settings: SettingsStore };
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
  };
}

/** The part of the global `Excel` the adapter uses: run(options, batch). */
export interface ExcelLike {
  run<T>(options: { delayForCellEdit?: boolean }, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export interface HostEnv {
  run: ExcelRun;
  office: OfficeLike;
  /** Clock for snapshot times (tests pin it). */
  now?: () => Date;
  /**
   * Where recognising, checking, scoring and planning run: a Web Worker in
   * the pane and on the web page (src/worker/client.ts), in-process when
   * absent (tests, and wherever no worker is given).
   */
  engine?: EngineClient;
  /** Told each stage of an action as it starts (createExcelHost passes it to the pane). */
  progress?: ProgressListener;
}

/** The environment's engine, or the in-process one. */
export function engineOf(env: HostEnv): EngineClient {
  return env.engine ?? inProcessEngine;
}

/**
 * Every batch waits while the user is typing in a cell instead of failing
 * (Excel.RunOptions.delayForCellEdit: "When false, if the user is in cell
 * edit when the batch request is processed by the host, the batch
 * automatically fails").
 */
const RUN_OPTIONS = { delayForCellEdit: true } as const;

export function envFrom(excel: ExcelLike, office: OfficeLike, extra: Pick<HostEnv, 'engine'> = {}): HostEnv {
  return { run: (batch) => excel.run(RUN_OPTIONS, batch), office, ...extra };
}

export function globalEnv(extra: Pick<HostEnv, 'engine'> = {}): HostEnv {
  return envFrom(Excel as unknown as ExcelLike, Office as unknown as OfficeLike, extra);
}

/**
 * Requirement sets. The manifest declares REQUIRED_API (Excel hides the
 * add-in where it is not supported): every member the adapter calls
 * unconditionally is in it (merged areas, ExcelApi 1.13, being the newest).
 * Cell notes need ExcelApi 1.18 and are used only behind isSetSupported:
 * without them the add-in marks with fills only and says so in the pane.
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

/** Highest ExcelApi 1.x this host supports (probing 1.1 up), null when none. */
function highestApi(office: OfficeLike, upTo = 40): string | null {
  let found: string | null = null;
  for (let minor = 1; minor <= upTo; minor++) {
    const version = `1.${minor}`;
    if (!supports(office, version)) break;
    found = version;
  }
  return found;
}

export function capabilitiesOf(office: OfficeLike): Capabilities {
  const apiVersion = highestApi(office);
  return { apiVersion, requiredApi: REQUIRED_API, apiSufficient: supports(office, REQUIRED_API), notes: supports(office, NOTES_API) };
}
