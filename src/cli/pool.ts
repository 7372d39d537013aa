// The roll-up's threads: one per CPU core (or --jobs) — this thread and, for
// the others, a piscina pool of worker threads; each task one file read and
// checked (check-file.ts). This thread checks files too: it has loaded the
// engine already and would otherwise wait, and a worker costs its own start
// (loading and compiling the engine again). Where the compiled worker is
// missing (tests running the TypeScript sources) every file is checked here.

import { existsSync } from 'fs';
import { availableParallelism } from 'os';
import path from 'path';
import { checkFile, type CheckResult, type CheckTask } from './check-file';

export interface FilePool {
  /** Threads checking files, this one included (1: only this one, one file after another). */
  readonly threads: number;
  /** Worker threads besides this one (0: none). */
  readonly workers: number;
  /** Checks a file on a worker thread (on this one when there is none). */
  run(task: CheckTask, signal?: AbortSignal): Promise<CheckResult>;
  /** Checks a file on this thread. */
  runHere(task: CheckTask): Promise<CheckResult>;
  /** Stops the threads (tasks still running are abandoned). */
  destroy(): Promise<void>;
}

export const defaultJobs = (): number => Math.max(1, availableParallelism());

/** Set by the one-file build (webpack.cli.config.js): its threads start on that very file (bundle.entry.ts). */
declare const __UNELGEE_ONE_FILE__: boolean | undefined;

const WORKER = typeof __UNELGEE_ONE_FILE__ === 'boolean' && __UNELGEE_ONE_FILE__ ? __filename : path.join(__dirname, 'rollup-worker.js');

/** Files in flight per worker: enough that a worker never waits for its next file, few enough to bound memory (a file's bytes and sheets while it is checked). */
export const IN_FLIGHT_PER_WORKER = 4;

/** `jobs` threads at work: this one and jobs − 1 workers (0 or 1: this thread alone; so too without a compiled worker). */
export async function makePool(jobs: number): Promise<FilePool> {
  const here = (task: CheckTask) => checkFile(task);
  if (jobs <= 1 || !existsSync(WORKER)) {
    return { threads: 1, workers: 0, run: here, runHere: here, destroy: async () => undefined };
  }
  // piscina is loaded by the roll-up that uses it, not by every command.
  const { default: Piscina } = await import('piscina');
  const workers = jobs - 1;
  // Several files handed to a worker at once: it starts the next as soon as one is done, not when this thread,
  // busy with a file of its own, gets round to sending it (a worker waited almost half the time so).
  const pool = new Piscina<CheckTask, CheckResult>({
    filename: WORKER,
    name: 'checkFile',
    minThreads: workers,
    maxThreads: workers,
    concurrentTasksPerWorker: IN_FLIGHT_PER_WORKER,
    idleTimeout: 60_000,
  });
  return {
    threads: jobs,
    workers,
    run: (task, signal) => pool.run(task, { signal }),
    runHere: here,
    destroy: () => pool.destroy(),
  };
}
