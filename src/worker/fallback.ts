// A page's worker that always answers: the Web Worker where the browser runs
// it, and otherwise the very same handlers on the page's own thread — a
// browser that refuses the worker (a policy, a page opened from disk in a
// browser that will not start workers there, no Worker at all) gets the same
// answers and the same progress, a little slower, and no error.
//
// Nothing is sent to a worker before it says it is listening (READY), so
// bytes handed over (transferred) are never lost in a worker that never
// started (ready.ts): until then requests wait here, and go to whichever
// answers them.

import { nextTask, type WorkerLike } from './client';
import { isReady } from './ready';
import type { WorkerScope } from './serve';

type Listener = (event: MessageEvent & ErrorEvent) => void;
type EventType = 'message' | 'error' | 'messageerror';

/** A copy of what crosses, as between two threads (the transferred buffers move); as is where structuredClone is missing. */
function crossing(message: unknown, transfer?: Transferable[]): unknown {
  return typeof structuredClone === 'function' ? structuredClone(message, transfer && transfer.length > 0 ? { transfer } : undefined) : message;
}

class Listeners {
  private readonly byType = new Map<EventType, Listener[]>();
  add(type: EventType, listener: Listener): void {
    this.byType.set(type, [...(this.byType.get(type) ?? []), listener]);
  }
  emit(type: EventType, event: MessageEvent & ErrorEvent): void {
    for (const listener of this.byType.get(type) ?? []) listener(event);
  }
}

/**
 * Serves requests that arrive on the scope (serve(scope, handlers), called by
 * the code that owns the handlers: a Transfer is recognised by the serve()
 * of its own bundle).
 */
export type ServeOn = (scope: WorkerScope) => void;

/**
 * The handlers on this thread behind a worker's interface: each request is
 * answered in a task of its own and each reply (progress too) arrives in a
 * task of its own, in order, so the page paints between them; messages are
 * copied as they would be between threads.
 */
export class InPageWorker implements WorkerLike {
  private readonly listeners = new Listeners();
  private readonly scope: WorkerScope;
  private delivery: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(serveOn: ServeOn) {
    this.scope = {
      onmessage: null,
      postMessage: (message, transfer) => this.later((data) => this.listeners.emit('message', { data } as MessageEvent & ErrorEvent), message, transfer),
    };
    serveOn(this.scope);
  }

  /** Runs `then` with the message's copy in a task of its own, after everything queued before it. */
  private later(then: (data: unknown) => void, message: unknown, transfer?: Transferable[]): void {
    if (this.stopped) return;
    const data = crossing(message, transfer);
    this.delivery = this.delivery
      .then(nextTask)
      .then(() => {
        if (!this.stopped) then(data);
      });
  }

  postMessage(message: unknown, transfer?: Transferable[]): void {
    this.later((data) => this.scope.onmessage?.({ data } as MessageEvent), message, transfer);
  }

  addEventListener(type: EventType, listener: Listener): void {
    this.listeners.add(type, listener);
  }

  terminate(): void {
    this.stopped = true;
  }
}

export interface FallbackOptions {
  /** Starts the Web Worker (it may throw: no Worker, a policy refusing it). */
  start: () => WorkerLike;
  /** The same handlers on this thread, loaded only if the worker does not start. */
  serveHere: () => Promise<ServeOn>;
  /** How long a worker may take to say it listens before the page stops waiting for it. */
  readyTimeoutMs?: number;
}

export type WorkerMode = 'starting' | 'worker' | 'page';

/** A WorkerLike that is the Web Worker once it said READY, or an InPageWorker when it could not start. */
export class FallbackWorker implements WorkerLike {
  private readonly listeners = new Listeners();
  private target: WorkerLike | null = null;
  private real: WorkerLike | null = null;
  private queue: { message: unknown; transfer?: Transferable[] }[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private fallingBack = false;
  private stopped = false;
  /** Why the page runs the handlers itself (null while the worker does): for devtools and the tests, never shown to the user. */
  whyInPage: string | null = null;

  constructor(private readonly options: FallbackOptions) {
    let real: WorkerLike;
    try {
      real = options.start();
    } catch (error) {
      this.fallBack(error instanceof Error ? error.message : String(error));
      return;
    }
    this.real = real;
    real.addEventListener('message', (event) => {
      if (this.target === real) this.listeners.emit('message', event);
      else if (this.target === null && !this.fallingBack && isReady(event.data)) this.settle(real);
    });
    real.addEventListener('error', (event) => {
      if (this.target === real) this.listeners.emit('error', event);
      else if (this.target === null) {
        // Not the page's error to show: the same work runs here instead.
        event.preventDefault?.();
        this.fallBack(event.message || 'the worker did not start');
      }
    });
    real.addEventListener('messageerror', (event) => {
      if (this.target === real) this.listeners.emit('messageerror', event);
    });
    this.timer = setTimeout(() => this.fallBack('the worker did not answer'), options.readyTimeoutMs ?? 10_000);
  }

  get mode(): WorkerMode {
    return this.target === null ? 'starting' : this.target === this.real ? 'worker' : 'page';
  }

  private settle(target: WorkerLike): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.target = target;
    const waiting = this.queue;
    this.queue = [];
    for (const { message, transfer } of waiting) target.postMessage(message, transfer);
  }

  private fallBack(why: string): void {
    if (this.fallingBack || this.target !== null || this.stopped) return;
    this.fallingBack = true;
    this.whyInPage = why;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.real?.terminate();
    this.options.serveHere().then(
      (serveOn) => {
        if (this.stopped) return;
        const inPage = new InPageWorker(serveOn);
        inPage.addEventListener('message', (event) => this.listeners.emit('message', event));
        inPage.addEventListener('error', (event) => this.listeners.emit('error', event));
        this.settle(inPage);
      },
      // Neither the worker nor the handlers: the client says so (WorkerUnavailable) to each request.
      (error: unknown) => this.listeners.emit('error', { message: `${why}; ${error instanceof Error ? error.message : String(error)}` } as MessageEvent & ErrorEvent),
    );
  }

  postMessage(message: unknown, transfer?: Transferable[]): void {
    if (this.stopped) return;
    if (this.target) this.target.postMessage(message, transfer);
    else this.queue.push({ message, transfer });
  }

  addEventListener(type: EventType, listener: Listener): void {
    this.listeners.add(type, listener);
  }

  terminate(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.queue = [];
    this.real?.terminate();
    if (this.target && this.target !== this.real) this.target.terminate();
  }
}
