// The command line's start-up: `unelgee validate` on a small report (a
// fixture of about a hundred rows), the whole process from spawn to exit,
// against a bare Node start (`node -e 0`) run right before it — paired runs,
// so a busy moment of a shared machine weighs on both; the figure is the
// median of the per-pair ratios.

import { spawnSync } from 'child_process';
import path from 'path';
import { performance } from 'perf_hooks';

export interface Startup {
  /** Median wall times, ms. */
  cliMs: number;
  nodeMs: number;
  /** Median of cli / node over the pairs. */
  ratio: number;
  pairs: number;
  command: string;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function wall(args: string[], cwd: string): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  return ms;
}

/** `pairs` pairs (after two uncounted ones that warm the file cache). */
export function measureStartup(root: string, pairs: number): Startup {
  const args = [path.join('bin', 'unelgee.js'), 'validate', path.join('test', 'fixtures', 'report-2025-h1-consulting-unit.xlsx'), '--lang', 'en'];
  const cli: number[] = [];
  const node: number[] = [];
  for (let i = -2; i < pairs; i++) {
    const n = wall(['-e', '0'], root);
    const c = wall(args, root);
    if (i < 0) continue;
    node.push(n);
    cli.push(c);
  }
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return { cliMs: Math.round(median(cli)), nodeMs: Math.round(median(node)), ratio: r2(median(cli.map((c, i) => c / node[i]))), pairs, command: `node ${args.join(' ')}` };
}
