// The roll-up's worker pool: piscina, one thread per CPU core (or --jobs),
// each task one file read and checked in its worker (check-file.ts). Where
// the compiled worker is missing (tests running the TypeScript sources) the
// same function runs in-process.

import { existsSync } from 'fs';
import { availableParallelism } from 'os';
import path from 'path';
import { Piscina } from 'piscina';
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

/** Set by the one-file build (webpack.cli.config.js): its threads start on that very file (bundle.entry.ts). */
declare const __UNELGEE_ONE_FILE__: boolean | undefined;

const WORKER = typeof __UNELGEE_ONE_FILE__ === 'boolean' && __UNELGEE_ONE_FILE__ ? __filename : path.join(__dirname, 'rollup-worker.js');

/** A pool of `jobs` worker threads; 0 checks the files in this process, one after another (so does a missing compiled worker). */
export function makePool(jobs: number): FilePool {
  if (jobs === 0 || !existsSync(WORKER)) {
    return { threads: 0, inProcess: true, run: (task) => checkFile(task), destroy: async () => undefined };
  }
  const pool = new Piscina<CheckTask, CheckResult>({ filename: WORKER, name: 'checkFile', minThreads: jobs, maxThreads: jobs, idleTimeout: 60_000 });
  return {
    threads: jobs,
    inProcess: false,
    run: (task, signal) => pool.run(task, { signal }),
    destroy: () => pool.destroy(),
  };
}
