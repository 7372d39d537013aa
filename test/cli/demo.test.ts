// `npm run demo` (scripts/demo.js) as a new user runs it: it exits 0, and its
// last line says the sample's errors were expected — compute exits 1 on a
// file with errors left, which the demo must not print as its own outcome.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');

it('npm run demo: exit 0, the computed copy written, and a last line that says the errors were expected', () => {
  // The built command (npm test builds it before jest).
  expect(fs.existsSync(path.join(ROOT, 'dist', 'node', 'src', 'cli', 'main.js'))).toBe(true);
  // As on a clean clone: no out/ folder yet (the demo's copy is removed, and the folder with it when nothing else is in it).
  const outFolder = path.join(ROOT, 'out');
  fs.rmSync(path.join(outFolder, 'report-2024-aimag-admin-dept.computed.xlsx'), { force: true });
  if (fs.existsSync(outFolder) && fs.readdirSync(outFolder).length === 0) fs.rmdirSync(outFolder);
  const run = spawnSync(process.execPath, [path.join('scripts', 'demo.js')], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  expect(run.status).toBe(0);
  const lines = run.stdout.trim().split('\n');
  expect(lines[lines.length - 1]).toMatch(/^Done: errors were found in the sample, as expected/);
  expect(run.stdout).not.toMatch(/Done \(exit code/);
  expect(fs.existsSync(path.join(ROOT, 'out', 'report-2024-aimag-admin-dept.computed.xlsx'))).toBe(true);
}, 90_000);
