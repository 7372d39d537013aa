// The page's side of a worker: requests with ids, progress routed to the
// caller, errors rebuilt. A worker that cannot start (no Worker, a policy
// forbidding it, its script missing) makes every call fail with
// WorkerUnavailable, and workerEngine then runs the engine in-process: slower
// to answer clicks, never wrong.

import type { AnyRequest, EngineClient, ProgressListener, WireError, WorkerReply } from './types';
import { inProcessEngine } from './inprocess';
import { isPart, PartsInbox, splitMessage, type PartMessage } from './parts';

/** What WorkerClient needs of a Worker (a stand-in in tests). */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: MessageEvent & ErrorEvent) => void): void;
  terminate(): void;
}

export class WorkerUnavailable extends Error {
  constructor(detail: string) {
    super(`The worker is not available: ${detail}`);
    this.name = 'WorkerUnavailable';
  }
}

/** An error from the worker, with the code and both languages' text it carried (AddinError and XlsxError alike). */
export class WorkerError extends Error {
  readonly code?: string;
  readonly text?: { mn: string; en: string };
  constructor(error: WireError) {
    super(error.message);
    this.name = error.name;
    if (error.code !== undefined) this.code = error.code;
    if (error.text) this.text = error.text;
  }
}

/** A new task (not a microtask), so the page can handle input and paint in between. */
export function nextTask(): Promise<void> {
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

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  onProgress?: ProgressListener;
}

export class WorkerClient {
  private worker: WorkerLike | null = null;
  private broken: string | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Long arrays of answers not yet complete (parts.ts). */
  private readonly inbox = new PartsInbox();

  constructor(private readonly create: () => WorkerLike) {}

  /** Starts the worker now (it loads its script while the page does other things). */
  start(): this {
    this.ensure();
    return this;
  }

  get available(): boolean {
    return this.broken === null;
  }

  private ensure(): WorkerLike | null {
    if (this.worker || this.broken !== null) return this.worker;
    try {
      const worker = this.create();
      worker.addEventListener('message', (event) => this.receive(event.data as WorkerReply | PartMessage));
      worker.addEventListener('error', (event) => this.fail(event.message || 'error'));
      worker.addEventListener('messageerror', () => this.fail('a message could not be read'));
      this.worker = worker;
    } catch (error) {
      this.broken = error instanceof Error ? error.message : String(error);
    }
    return this.worker;
  }

  private fail(detail: string): void {
    this.broken = detail;
    this.worker?.terminate();
    this.worker = null;
    const error = new WorkerUnavailable(detail);
    for (const pendingCall of this.pending.values()) pendingCall.reject(error);
    this.pending.clear();
  }

  private receive(reply: WorkerReply | PartMessage): void {
    const pendingCall = this.pending.get(reply.id);
    if (!pendingCall) return;
    if (isPart(reply)) this.inbox.add(reply);
    else if (reply.type === 'progress') pendingCall.onProgress?.(reply.progress);
    else {
      this.pending.delete(reply.id);
      const done = reply.type === 'done' ? this.inbox.assemble(reply.id, reply.value) : (this.inbox.drop(reply.id), undefined);
      // Reading a large answer (its structured clone) took this task: what the caller does with it starts in the next.
      void nextTask().then(() => (reply.type === 'done' ? pendingCall.resolve(done) : pendingCall.reject(new WorkerError(reply.error))));
    }
  }

  /** Sends a request of `kind` with its fields; resolves with the worker's answer. */
  call<T>(kind: string, fields: Record<string, unknown>, onProgress?: ProgressListener, transfer: Transferable[] = []): Promise<T> {
    const worker = this.ensure();
    if (!worker) return Promise.reject(new WorkerUnavailable(this.broken ?? 'not started'));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onProgress });
      const request: AnyRequest = { ...fields, id, kind };
      // Long arrays (a large sheet's rows) go first, in parts, each in a task of its own (parts.ts).
      const { message, parts } = splitMessage(id, request);
      void this.send(worker, parts, message, transfer).catch((error) => {
        this.pending.delete(id);
        reject(error);
      });
    });
  }

  private async send(worker: WorkerLike, parts: PartMessage[], message: AnyRequest, transfer: Transferable[]): Promise<void> {
    for (const part of parts) {
      worker.postMessage(part);
      await nextTask();
    }
    worker.postMessage(message, transfer);
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
    this.broken = 'terminated';
  }
}

/** The engine in the client's worker; in-process when the worker is unavailable. */
export function workerEngine(client: WorkerClient, fallback: EngineClient = inProcessEngine): EngineClient {
  const viaWorker = async <T>(kind: string, fields: Record<string, unknown>, onProgress: ProgressListener | undefined, local: () => Promise<T>, transfer: ArrayBufferLike[] = []): Promise<T> => {
    if (!client.available) return local();
    try {
      return await client.call<T>(kind, fields, onProgress, transfer as Transferable[]);
    } catch (error) {
      // Bytes already handed to a worker that then failed are gone from here: saying so beats rolling up empty files.
      if (error instanceof WorkerUnavailable && !transfer.some((b) => b.byteLength === 0)) return local();
      throw error;
    }
  };
  return {
    analyze: (sheets, options, onProgress) => viaWorker('analyze', { sheets, options }, onProgress, () => fallback.analyze(sheets, options, onProgress)),
    plan: (sheets, options, onProgress) => viaWorker('plan', { sheets, options }, onProgress, () => fallback.plan(sheets, options, onProgress)),
    planEvaluation: (sheets, options, onProgress) =>
      viaWorker('planEvaluation', { sheets, options }, onProgress, () => fallback.planEvaluation(sheets, options, onProgress)),
    rollup: (files, options, onProgress) =>
      // Each buffer once (two files may be views of one buffer; transferring it twice is an error); an empty one has nothing to move.
      viaWorker('rollup', { files, options }, onProgress, () => fallback.rollup(files, options, onProgress), [...new Set(files.map((f) => f.bytes.buffer))].filter((b) => b.byteLength > 0)),
    cycle: (request, onProgress) => viaWorker('cycle', { request }, onProgress, () => fallback.cycle(request, onProgress)),
  };
}
