// The word a page's worker says once it listens: until then the page sends
// it nothing (fallback.ts), so no bytes are handed to a worker that never
// started.

/** The key of the message a page's worker posts once it listens. */
export const READY = 'unelgee:ready';

/** Says, from inside the worker, that it listens: call after serve(). */
export function announceReady(scope: { postMessage(message: unknown): void }): void {
  scope.postMessage({ [READY]: true });
}

export const isReady = (data: unknown): boolean => typeof data === 'object' && data !== null && (data as Record<string, unknown>)[READY] === true;
