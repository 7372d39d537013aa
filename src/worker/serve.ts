// The worker's side: answers requests by kind, with progress on the way and
// errors as data (an AddinError's or XlsxError's code and both languages'
// text survive the crossing).

import type { AnyRequest, ProgressListener, WireError, WorkerReply } from './types';
import { isPart, PartsInbox, splitMessage } from './parts';

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

function wireError(error: unknown): WireError {
  if (error instanceof Error) {
    const withFields = error as Error & { code?: unknown; text?: { mn?: unknown; en?: unknown } };
    const out: WireError = { name: error.name, message: error.message };
    if (typeof withFields.code === 'string') out.code = withFields.code;
    if (withFields.text && typeof withFields.text.mn === 'string' && typeof withFields.text.en === 'string') out.text = { mn: withFields.text.mn, en: withFields.text.en };
    return out;
  }
  return { name: 'Error', message: String(error) };
}

/** Answers each message with a handler of its kind; one at a time, in order of arrival. */
export function serve(scope: WorkerScope, handlers: Record<string, Handler>): void {
  let queue: Promise<void> = Promise.resolve();
  const inbox = new PartsInbox();
  scope.onmessage = (event: MessageEvent) => {
    // A large request's long arrays come first, in parts (parts.ts).
    if (isPart(event.data)) return inbox.add(event.data);
    const request = inbox.assemble((event.data as AnyRequest).id, event.data as AnyRequest);
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
    const value = result instanceof Transfer ? result.value : result;
    // A large answer's long arrays go first, in parts: the page reads each in a task of its own.
    const { message, parts } = splitMessage(id, { id, type: 'done' as const, value });
    for (const part of parts) scope.postMessage(part);
    post(message, result instanceof Transfer ? result.transfer : undefined);
  } catch (error) {
    post({ id, type: 'failed', error: wireError(error) });
  }
}
