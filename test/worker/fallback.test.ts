// A page's worker that always answers (src/worker/fallback.ts): the Web
// Worker once it said it listens; where it cannot start — the constructor
// throws, the script fails before it listens, it never answers — the same
// handlers on this thread, with the same answers and progress, and no bytes
// lost in the worker that never started.

import { WorkerClient, WorkerUnavailable } from '../../src/worker/client';
import { FallbackWorker, InPageWorker } from '../../src/worker/fallback';
import { READY } from '../../src/worker/ready';
import { serve, Transfer, type Handler } from '../../src/worker/serve';
import type { Progress } from '../../src/worker/types';
import { FakeWorker } from './fake-worker';

/** Sums the bytes it is given, telling each step; says where it ran. */
const handlers = (where: string): Record<string, Handler> => ({
  sum: (request, onProgress) => {
    const bytes = request.bytes as Uint8Array;
    onProgress({ stage: 'open', done: 0, total: 2 });
    onProgress({ stage: 'analyze', done: 1, total: 2 });
    return { where, total: bytes.reduce((a, b) => a + b, 0) };
  },
  echo: (request) => {
    const bytes = new Uint8Array(request.bytes as Uint8Array);
    return new Transfer(bytes, [bytes.buffer]);
  },
});

const serveHere = async () => (scope: Parameters<typeof serve>[0]) => serve(scope, handlers('page'));

async function sumThrough(client: WorkerClient) {
  const bytes = new Uint8Array([1, 2, 3, 4]);
  const progress: Progress[] = [];
  const answer = await client.call<{ where: string; total: number }>('sum', { bytes }, (p) => progress.push(p), [bytes.buffer]);
  return { answer, progress, sentBytes: bytes.byteLength };
}

describe('FallbackWorker', () => {
  it('uses the worker once it says it listens; requests sent before wait for that', async () => {
    const real = new FakeWorker(handlers('worker'));
    const fallback = new FallbackWorker({ start: () => real, serveHere });
    const client = new WorkerClient(() => fallback).start();
    const pending = sumThrough(client);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(real.sent).toEqual([]);
    expect(fallback.mode).toBe('starting');
    real.emit('message', { data: { [READY]: true } } as MessageEvent & ErrorEvent);
    const { answer, progress, sentBytes } = await pending;
    expect(answer).toEqual({ where: 'worker', total: 10 });
    expect(progress.map((p) => p.stage)).toEqual(['open', 'analyze']);
    // The bytes moved to the worker, as they do to a real one.
    expect(sentBytes).toBe(0);
    expect(fallback.mode).toBe('worker');
    client.terminate();
  });

  it('runs the handlers on this thread when the worker cannot be made, with the same progress', async () => {
    const fallback = new FallbackWorker({
      start: () => {
        throw new Error('workers are not allowed here');
      },
      serveHere,
    });
    const client = new WorkerClient(() => fallback).start();
    const { answer, progress } = await sumThrough(client);
    expect(answer).toEqual({ where: 'page', total: 10 });
    expect(progress).toEqual([
      { stage: 'open', done: 0, total: 2 },
      { stage: 'analyze', done: 1, total: 2 },
    ]);
    expect([fallback.mode, fallback.whyInPage]).toEqual(['page', 'workers are not allowed here']);
    expect(client.available).toBe(true);
    client.terminate();
  });

  it('a worker whose script fails before it listens: nothing was sent to it, the page answers, the error is not the page\'s', async () => {
    const real = new FakeWorker(handlers('worker'));
    const fallback = new FallbackWorker({ start: () => real, serveHere });
    const client = new WorkerClient(() => fallback).start();
    const pending = sumThrough(client);
    let prevented = false;
    real.emit('error', { message: 'script failed to load', preventDefault: () => (prevented = true) } as unknown as MessageEvent & ErrorEvent);
    const { answer } = await pending;
    expect(answer).toEqual({ where: 'page', total: 10 });
    expect(real.sent).toEqual([]);
    expect(real.terminated).toBe(true);
    expect(prevented).toBe(true);
    expect(client.available).toBe(true);
    client.terminate();
  });

  it('a worker that never answers is given up after the timeout', async () => {
    const silent = new FakeWorker(handlers('worker'));
    const fallback = new FallbackWorker({ start: () => silent, serveHere, readyTimeoutMs: 20 });
    const client = new WorkerClient(() => fallback).start();
    const { answer } = await sumThrough(client);
    expect(answer.where).toBe('page');
    expect(fallback.whyInPage).toBe('the worker did not answer');
    client.terminate();
  });

  it('an error after the worker listens is the client\'s to handle (WorkerUnavailable), as before', async () => {
    const real = new FakeWorker({ slow: () => new Promise(() => undefined) });
    const fallback = new FallbackWorker({ start: () => real, serveHere });
    const client = new WorkerClient(() => fallback).start();
    real.emit('message', { data: { [READY]: true } } as MessageEvent & ErrorEvent);
    const pending = client.call('slow', {});
    await new Promise((resolve) => setTimeout(resolve, 5));
    real.crash('out of memory');
    await expect(pending).rejects.toBeInstanceOf(WorkerUnavailable);
  });

  it('neither worker nor handlers: each request fails with WorkerUnavailable (saying both)', async () => {
    const fallback = new FallbackWorker({
      start: () => {
        throw new Error('no Worker');
      },
      serveHere: () => Promise.reject(new Error('no engine script')),
    });
    const client = new WorkerClient(() => fallback).start();
    await expect(client.call('sum', { bytes: new Uint8Array(1) })).rejects.toThrow('no Worker; no engine script');
  });
});

describe('InPageWorker', () => {
  it('copies what crosses (a Transfer\'s buffer moves), answering each request in a task of its own', async () => {
    const client = new WorkerClient(() => new InPageWorker((scope) => serve(scope, handlers('page')))).start();
    const bytes = new Uint8Array([7, 8, 9]);
    const echoed = client.call<Uint8Array>('echo', { bytes }, undefined, [bytes.buffer]);
    expect(bytes.byteLength).toBe(0);
    expect([...(await echoed)]).toEqual([7, 8, 9]);
    client.terminate();
  });
});
