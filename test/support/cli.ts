// The command line in the test's own process (src/cli/main with captured
// output), and a file's digest to prove an input was not touched.

import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import { main, type Io } from '../../src/cli/main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** `unelgee …argv`: its exit code and what it printed to stdout and stderr. */
export async function runCli(...argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (s) => out.push(s), err: (s) => err.push(s) };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

export async function sha256(file: string): Promise<string> {
  return createHash('sha256').update(await fs.readFile(file)).digest('hex');
}
