// The roll-up's worker pool: piscina, one thread per CPU core (or --jobs),
// each task one file read and checked in its worker (check-file.ts). Where
// the compiled worker is missing (tests running the TypeScript sources) the
// same function runs in-process.

import { existsSync } from 'fs';
import { availableParallelism } from 'os';
import path from 'path';
import { checkFile, type CheckResult, type CheckTask } from './check-file';

export interface FilePool {
  /** Worker threads (0: the files are checked in this process). */
  readonly threads: number;
  readonly inProcess: boolean;
  run(task: CheckTask, signal?: AbortSignal): Promise<CheckResult>;
  /** Stops the threads (tasks still running are abandoned). */
  destroy(): Promise<void>;
}

export const defaultJobs = (): number => Math.max(1, availableParallelism());

const WORKER = path.join(__dirname, 'rollup-worker.js');

/** A pool of `jobs` worker threads; 0 checks the files in this process, one after another (so does a missing compiled worker). */
export async function makePool(jobs: number): Promise<FilePool> {
  if (jobs === 0 || !existsSync(WORKER)) {
    return { threads: 0, inProcess: true, run: (task) => checkFile(task), destroy: async () => undefined };
  }
  // piscina is loaded by the roll-up that uses it, not by every command.
  const { default: Piscina } = await import('piscina');
  const pool = new Piscina<CheckTask, CheckResult>({ filename: WORKER, name: 'checkFile', minThreads: jobs, maxThreads: jobs, idleTimeout: 60_000 });
  return {
    threads: jobs,
    inProcess: false,
    run: (task, signal) => pool.run(task, { signal }),
    destroy: () => pool.destroy(),
  };
}
