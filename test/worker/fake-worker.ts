// A Worker stand-in for Node: serve() runs on this thread, and every message
// crosses by structuredClone, as it does between a page and a worker (so a
// value that would not survive the crossing fails here too). Buffers in the
// transfer list move as they do in a browser: the sender's copy is emptied
// (and a buffer listed twice is an error).

import type { WorkerLike } from '../../src/worker/client';
import { serve, type Handler, type WorkerScope } from '../../src/worker/serve';

type Listener = (event: MessageEvent & ErrorEvent) => void;

export class FakeWorker implements WorkerLike {
  readonly sent: unknown[] = [];
  terminated = false;
  private listeners = new Map<string, Listener[]>();
  private scope: WorkerScope;

  constructor(handlers: Record<string, Handler>) {
    this.scope = {
      onmessage: null,
      postMessage: (message, transfer) => {
        const data = structuredClone(message, { transfer: transfer as Transferable[] | undefined });
        setTimeout(() => this.emit('message', { data } as MessageEvent & ErrorEvent), 0);
      },
    };
    serve(this.scope, handlers);
  }

  postMessage(message: unknown, transfer?: Transferable[]): void {
    if (this.terminated) return;
    const data = structuredClone(message, { transfer });
    this.sent.push(data);
    setTimeout(() => this.scope.onmessage?.({ data } as MessageEvent), 0);
  }

  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  /** As a browser does when the worker's script fails to load. */
  crash(message = 'script failed to load'): void {
    this.emit('error', { message } as MessageEvent & ErrorEvent);
  }

  emit(type: string, event: MessageEvent & ErrorEvent): void {
    if (this.terminated) return;
    for (const l of this.listeners.get(type) ?? []) l(event);
  }

  terminate(): void {
    this.terminated = true;
  }
}
