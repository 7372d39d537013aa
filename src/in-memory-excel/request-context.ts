// The request context's machinery, as office-js has it: actions queued on
// object paths and sent on context.sync(), each sync counted and held to
// Excel's limits. Pure TypeScript with no Node APIs.
//
// - calls are queued and run in order on context.sync(); *OrNullObject
//   results say isNullObject after the sync;
// - every sync is counted, with the size of its request (the queued
//   actions and the data they carry) and of its response (the loaded data);
//   request and response sizes are UTF-8 bytes of the bodies office-js
//   sends and reads, built as office-js builds them (wire.ts), against
//   5,000,000 bytes (api.ts); a sync over the limit either way is refused
//   with RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded,
//   a request before any of it runs;
// - a request that fails part-way keeps what the actions before the failing
//   one did (Excel does not roll a batch back: OfficeExtension.Error's
//   traceMessages "contains all trace messages that were executed before
//   the error occurred");
// - while a cell is being edited, a request fails with
//   InvalidOperationInCellEditMode unless Excel.run was given
//   `delayForCellEdit: true`, which holds it until the edit ends
//   (Excel.RunOptions.delayForCellEdit doc comment; the fake's
//   waitOutCellEdit).
//
// The workbook and application a batch reaches are added by context.ts.

import { utf8Length } from '../core';
import type { FakeHost } from './host';
import { jsonBytes } from './json-size';
import type { WorkbookModel } from './model';
import { WireIds, WirePath, WireRequest, pascal, pathsOf, responseBytes, type PathType, type WireAction, type WireResult } from './wire';

/** A new task (not a microtask): the browser handles input and paints in between. */
function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** What an action answers: its data for the response, and how it becomes visible on the proxy after the sync. */
export interface OpResult {
  data: unknown;
  commit(): void;
}

/** An operation done a row at a time: the page's sliced syncs let other work in between its steps. */
export type Steps = Iterator<unknown, void>;

const isSteps = (value: unknown): value is Steps => typeof value === 'object' && value !== null && typeof (value as Steps).next === 'function' && !('commit' in value);

interface QueuedOp {
  /** The wire action whose result the run's data is (a query, a method with a value, a nullable path's instantiation). */
  action: WireAction;
  run(): OpResult | Steps | void;
  /**
   * Work done before `run` that `run` would otherwise do in one go, a step
   * per item yielded: the page's sliced syncs let other work in between
   * (reading a range of formulas computes each one, and `run` then finds
   * the results kept). Changes nothing `run` reports.
   */
  prepare?(): Iterable<unknown>;
}

/** What the context needs of a proxy it makes (ClientObject, client-object.ts, is one). */
export interface MadeProxy {
  wirePath: WirePath;
  target: unknown;
  synced: boolean;
}

/** How a proxy came to be: the kind of object path, its name, its arguments; `nullable` for an *OrNullObject method. */
export interface PathSpec {
  type: PathType;
  name: string;
  args?: unknown[];
  nullable?: boolean;
}

/** A request context without its workbook and application (context.ts adds them): what every proxy works through. */
export class RequestContextCore {
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  queue: QueuedOp[] = [];
  private created: MadeProxy[] = [];
  /** Ids for paths and actions, one counter per context (office-js: context._nextId()). */
  readonly ids = new WireIds();
  /** The request being built. */
  wire: WireRequest;
  /** The workbook: the root object path, instantiated when the context is made (as office-js does). */
  readonly rootPath: WirePath;

  constructor(
    readonly fake: FakeHost,
    readonly delayForCellEdit = false,
  ) {
    this.wire = new WireRequest(this.ids);
    this.rootPath = new WirePath(this.ids, 1, '', null, null);
    this.wire.ensure(this.rootPath);
  }

  get model(): WorkbookModel {
    return this.fake.model;
  }

  enqueue(action: WireAction, run: () => OpResult | Steps | void, prepare?: () => Iterable<unknown>): void {
    this.queue.push({ action, run, prepare });
  }

  /** A property object (format, fill, protection…): an object path of its own, instantiated where it is first reached. */
  property(parent: WirePath, name: string): WirePath {
    const path = new WirePath(this.ids, 4, pascal(name), parent, null);
    this.wire.ensure(path);
    return path;
  }

  /** Queues an action on an object's path: 4 sets a property, 3 calls a method, 2 loads (a query). */
  act(path: WirePath, type: 2 | 3 | 4, name: string, detail: { args?: unknown[]; select?: string[] }, run: () => OpResult | Steps | void, prepare?: () => Iterable<unknown>): void {
    this.enqueue(this.wire.act(type, path, type === 2 ? '' : pascal(name), detail), run, prepare);
  }

  /** Registers a proxy (a method's or an indexer's object) whose target is resolved when its instantiation runs. */
  create<T extends MadeProxy>(proxy: T, parent: WirePath, spec: PathSpec, resolve: () => unknown): T {
    const args = spec.type === 3 ? (spec.args ?? []) : (spec.args ?? null);
    const path = new WirePath(this.ids, spec.type, spec.type === 5 ? '' : pascal(spec.name), parent, args, pathsOf(args ?? []), spec.nullable === true);
    proxy.wirePath = path;
    this.created.push(proxy);
    const added = this.wire.ensure(path);
    this.enqueue(added[added.length - 1], () => {
      proxy.target = resolve();
      // An *OrNullObject method's answer tells office-js whether the object is null.
      if (spec.nullable) return { data: proxy.target === null ? null : {}, commit: () => undefined };
    });
    return proxy;
  }

  /** The JSON bytes of a request or response (see json-size.ts), counted in the page's slices. */
  private async counted(value: unknown): Promise<number> {
    const steps = jsonBytes(value);
    let since = Date.now();
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (Date.now() - since > this.fake.sliceMs) {
        await nextTask();
        since = Date.now();
      }
    }
  }

  async sync(): Promise<void> {
    const queue = this.queue;
    const created = this.created;
    this.queue = [];
    this.created = [];
    // As in Excel, where a sync is a round trip to the host, the request is handled in a later task
    // when the page asked for slices (a microtask otherwise, as the tests have always had it).
    if (this.fake.sliceMs) await nextTask();
    else await Promise.resolve();
    await this.fake.waitOutCellEdit(this.delayForCellEdit);
    const limit = this.fake.payloadLimit;
    const wire = this.wire;
    this.wire = new WireRequest(this.ids);
    // The body's bytes as office-js would send it; on the page (slices), counted a step at a time, not written out at once.
    const body = this.fake.keepBodies || !this.fake.sliceMs ? JSON.stringify(wire.body()) : null;
    const request = body !== null ? utf8Length(body) : await this.counted(wire.body());
    this.fake.lastRequest = this.fake.keepBodies ? body : null;
    if (request > this.fake.requestLimit) {
      this.fake.refused.push({ request, response: 0, actions: wire.actions.length });
      throw this.fake.oversize('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${request} > ${this.fake.requestLimit}).`);
    }
    const results: OpResult[] = [];
    const answers: WireResult[] = [];
    const slice = this.fake.sliceMs;
    let since = slice ? Date.now() : 0;
    for (const queued of queue) {
      if (slice && queued.prepare) {
        for (const _ of queued.prepare()) {
          if (Date.now() - since > slice) {
            await nextTask();
            since = Date.now();
          }
        }
      }
      const out = queued.run();
      if (isSteps(out)) {
        // Done a row at a time; with slices asked for, the page's other work comes in between.
        while (!out.next().done) {
          if (slice && Date.now() - since > slice) {
            await nextTask();
            since = Date.now();
          }
        }
      }
      const result = isSteps(out) ? undefined : out;
      if (result) {
        answers.push({ ActionId: queued.action.id, Value: result.data });
        results.push(result);
      }
      if (slice && Date.now() - since > slice) {
        await nextTask();
        since = Date.now();
      }
    }
    // On the page (slices), counted a step at a time as the request was: the same count as responseBytes.
    const response = slice && !this.fake.keepBodies ? await this.counted({ Results: answers }) : responseBytes(answers);
    this.fake.lastResponse = this.fake.keepBodies ? JSON.stringify({ Results: answers }) : null;
    if (response > limit) {
      this.fake.refused.push({ request, response, actions: wire.actions.length });
      throw this.fake.oversize('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${response} > ${limit}).`);
    }
    for (const result of results) result.commit();
    for (const proxy of created) proxy.synced = true;
    this.fake.syncCount++;
    this.fake.syncs.push({ request, response, actions: wire.actions.length });
  }
}
