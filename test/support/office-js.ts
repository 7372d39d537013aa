// office-js's own request builder, to size what the adapter puts on the
// wire: excel-web-16.00.debug.js from @microsoft/office-js (the Excel on the
// web build) run in a jsdom window, its request executor replaced by one
// that keeps each request body (JSON.stringify(requestMessage.Body), as
// RichApiMessageUtility sends it) and answers with a given response body.
//
// tee(): a request context that forwards every call the adapter makes to
// the fake Excel AND to an office-js context, so one run of a real action
// gives the fake's outcome and, for each sync, the body office-js would
// have sent. Reads come from the fake.
//
// The package's build predates ExcelApi 1.18, which brings Worksheet.notes:
// notes are stood in for by comments, whose collection has the same shape
// (Comments/Add/indexer getItem/GetItemOrNullObject, Comment.content, delete):
// a few bytes more per request ("Comments" for "Notes", a third argument to Add).

import * as fs from 'fs';
import * as path from 'path';
import { utf8Length } from '../../src/core';
import type { FakeExcel, FakeRequestContext } from '../../src/in-memory-excel/excel';

const SCRIPT = path.join(__dirname, '../../node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js');

interface OfficeWindow {
  Excel: { RequestContext: new () => OfficeContext; Worksheet: { prototype: object } };
}

/** The office-js request context, as loosely as the tee needs it. */
export interface OfficeContext {
  sync(): Promise<void>;
  _requestExecutor: { executeAsync(customData: unknown, flags: unknown, message: { Body: unknown }): Promise<unknown> };
  [key: string]: unknown;
}

let loaded: OfficeWindow | null = null;

/** The office-js window, loaded once per test file (about a third of a second). */
function officeJs(): OfficeWindow {
  if (loaded) return loaded;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { JSDOM } = require('jsdom') as { JSDOM: new (html: string, options: Record<string, unknown>) => { window: OfficeWindow & { eval(code: string): void } } };
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { runScripts: 'outside-only', url: 'https://localhost/' });
  dom.window.eval(fs.readFileSync(SCRIPT, 'utf8'));
  Object.defineProperty(dom.window.Excel.Worksheet.prototype, 'notes', {
    configurable: true,
    get(this: { comments: unknown }) {
      return this.comments;
    },
  });
  loaded = dom.window;
  return loaded;
}

export interface OfficeSent {
  /** Each request body, as sent. */
  bodies: string[];
  /** Their UTF-8 bytes. */
  bytes: number[];
}

/**
 * A new office-js context whose requests are kept in `sent`; `respond`
 * gives the response body for a request (no results by default).
 */
export function officeContext(sent: OfficeSent, respond: (request: string) => unknown = () => ({ Results: [] })): OfficeContext {
  const window = officeJs();
  const context = new window.Excel.RequestContext();
  context._requestExecutor = {
    executeAsync(_customData, _flags, message) {
      const body = JSON.stringify(message.Body);
      sent.bodies.push(body);
      sent.bytes.push(utf8Length(body));
      return Promise.resolve({ HttpStatusCode: 200, ErrorCode: '', ErrorMessage: '', Headers: {}, Body: respond(body) });
    },
  };
  return context;
}

const TEE = Symbol('tee');

interface Teed {
  [TEE]: { fake: unknown; office: unknown };
}

const isObject = (x: unknown): x is object => (typeof x === 'object' || typeof x === 'function') && x !== null;

function sideOf(x: unknown, side: 'fake' | 'office'): unknown {
  return isObject(x) && TEE in x ? (x as Teed)[TEE][side] : x;
}

/**
 * An object of the fake and its twin in office-js, as one: property reads
 * come from the fake (an object read is teed again), sets and method calls
 * go to both (teed arguments unwrapped for each side).
 */
function teeOf(fake: unknown, office: unknown): unknown {
  if (!isObject(fake) || !isObject(office)) return fake;
  const both = { fake, office };
  const officeSide = office as Record<PropertyKey, unknown>;
  const proxy: object = new Proxy(fake, {
    has(target, key) {
      return key === TEE || Reflect.has(target, key);
    },
    get(target, key) {
      if (key === TEE) return both;
      const value = Reflect.get(target, key, target) as unknown;
      if (typeof value === 'function') {
        return (...args: unknown[]) => {
          const officeMethod = officeSide[key];
          const officeResult = typeof officeMethod === 'function' ? (officeMethod as (...a: unknown[]) => unknown).apply(office, args.map((a) => sideOf(a, 'office'))) : undefined;
          const fakeResult = (value as (...a: unknown[]) => unknown).apply(target, args.map((a) => sideOf(a, 'fake')));
          // load() returns its own object: keep the tee.
          return fakeResult === target ? proxy : teeOf(fakeResult, officeResult);
        };
      }
      // Collections' items and loaded values are the fake's (the adapter only reads them).
      if (key === 'items' || !isObject(value) || Array.isArray(value)) return value;
      let twin: unknown;
      try {
        twin = officeSide[key];
      } catch {
        // A loaded value office-js was not answered for (zoom, a rule): the fake's is what the adapter reads.
        return value;
      }
      return teeOf(value, twin);
    },
    set(target, key, value) {
      officeSide[key] = sideOf(value, 'office');
      return Reflect.set(target, key, sideOf(value, 'fake'), target);
    },
  });
  return proxy;
}

/** One sync as both built it: office-js's request, the fake's request and response (bytes), and whether the fake refused it. */
export interface SyncPair {
  office: number;
  fake: number;
  response: number;
  refused: boolean;
}

/** Tees a whole context: workbook and application calls go to both; sync sends office-js's request (kept) and then the fake's. */
function teeContext(fake: FakeRequestContext, office: OfficeContext, pairs: SyncPair[], sent: OfficeSent): unknown {
  // Made when first used: office-js makes context.application's object path on first access.
  let workbook: unknown = null;
  let application: unknown = null;
  return new Proxy(fake, {
    get(target, key) {
      if (key === 'workbook') return (workbook ??= teeOf(fake.workbook, office.workbook));
      if (key === 'application') return (application ??= teeOf(fake.application, office.application));
      if (key === 'sync') {
        return async () => {
          await office.sync();
          const officeBytes = sent.bytes[sent.bytes.length - 1];
          const excel = target.fake;
          const [syncs, refused] = [excel.syncs.length, excel.refused.length];
          try {
            await target.sync();
          } finally {
            const record = excel.syncs.length > syncs ? excel.syncs[excel.syncs.length - 1] : excel.refused.length > refused ? excel.refused[excel.refused.length - 1] : null;
            if (record) pairs.push({ office: officeBytes, fake: record.request, response: record.response, refused: excel.syncs.length === syncs });
          }
        };
      }
      return Reflect.get(target, key, target) as unknown;
    },
  });
}

export interface TeeRun {
  /** HostEnv.run over the fake, every batch also built by office-js. */
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  /** What office-js sent, sync by sync (refused ones included). */
  sent: OfficeSent;
  /** Sync by sync, both sizes. */
  pairs: SyncPair[];
}

/** Runs batches on the fake and, call for call, on office-js. */
export function tee(fake: FakeExcel): TeeRun {
  const sent: OfficeSent = { bodies: [], bytes: [] };
  const pairs: SyncPair[] = [];
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    fake.run({ delayForCellEdit: true }, (context) => batch(teeContext(context, officeContext(sent), pairs, sent) as Excel.RequestContext));
  return { run, sent, pairs };
}
