// The worker's side: answers requests by kind, with progress on the way and
// errors as data (an AddinError's or XlsxError's code and both languages'
// text survive the crossing).

import type { AnyRequest, ProgressListener, WireError, WorkerReply } from './types';

/** A handler's answer and the buffers to hand over rather than copy. */
export class Transfer<T> {
  constructor(
    readonly value: T,
    readonly transfer: Transferable[],
  ) {}
}

export type Handler = (request: AnyRequest, onProgress: ProgressListener) => unknown;

/** The global scope of a dedicated worker, as much as serve() uses (a stand-in in tests). */
export interface WorkerScope {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

function wireError(e: unknown): WireError {
  if (e instanceof Error) {
    const x = e as Error & { code?: unknown; text?: { mn?: unknown; en?: unknown } };
    const out: WireError = { name: e.name, message: e.message };
    if (typeof x.code === 'string') out.code = x.code;
    if (x.text && typeof x.text.mn === 'string' && typeof x.text.en === 'string') out.text = { mn: x.text.mn, en: x.text.en };
    return out;
  }
  return { name: 'Error', message: String(e) };
}

/** Answers each message with a handler of its kind; one at a time, in order of arrival. */
export function serve(scope: WorkerScope, handlers: Record<string, Handler>): void {
  let queue: Promise<void> = Promise.resolve();
  scope.onmessage = (event: MessageEvent) => {
    const request = event.data as AnyRequest;
    queue = queue.then(() => answer(scope, handlers, request));
  };
}

async function answer(scope: WorkerScope, handlers: Record<string, Handler>, request: AnyRequest): Promise<void> {
  const { id } = request;
  const post = (reply: WorkerReply, transfer?: Transferable[]) => scope.postMessage(reply, transfer);
  try {
    const handler = handlers[request.kind];
    if (!handler) throw new Error(`unknown request: ${request.kind}`);
    const result = await handler(request, (progress) => post({ id, type: 'progress', progress }));
    if (result instanceof Transfer) post({ id, type: 'done', value: result.value }, result.transfer);
    else post({ id, type: 'done', value: result });
  } catch (e) {
    post({ id, type: 'failed', error: wireError(e) });
  }
}
