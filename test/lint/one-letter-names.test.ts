// house/one-letter-names (eslint-rules/one-letter-names.mjs) counts what the
// house figure counts: probes it must refuse and let through, and the same
// total as ../shared/tools/structure-figures.cjs over src/ (none today: lint
// refuses every one).
import { execFile } from 'child_process';
import * as path from 'path';
import { promisify } from 'util';

const exec = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');

/** Runs in a plain Node child (jest cannot load the ESM rule): lints texts, or every src/ file, with the rule alone. */
const LINTER = `
const { ESLint } = require('eslint');
const tseslint = require('typescript-eslint');
const path = require('path');
(async () => {
  const { default: rule } = await import(path.resolve('eslint-rules/one-letter-names.mjs'));
  const eslint = new ESLint({
    cwd: process.cwd(),
    overrideConfigFile: true,
    overrideConfig: [{
      files: ['**/*.ts', '**/*.tsx'],
      languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
      plugins: { house: { rules: { 'one-letter-names': rule } } },
      rules: { 'house/one-letter-names': 'error' },
    }],
  });
  const request = JSON.parse(process.argv[1]);
  const results = request.texts
    ? await Promise.all(request.texts.map((text) => eslint.lintText(text, { filePath: 'src/probe.ts' }).then(([r]) => r)))
    : await eslint.lintFiles(['src/**/*.ts', 'src/**/*.tsx']);
  process.stdout.write(JSON.stringify(results.map((r) => ({ file: path.relative(process.cwd(), r.filePath), names: r.messages.filter((m) => m.ruleId === 'house/one-letter-names').map((m) => m.message.match(/^'(.)'/)[1]) }))));
})();
`;

async function lint(request: { texts?: string[] }): Promise<{ file: string; names: string[] }[]> {
  const { stdout } = await exec(process.execPath, ['-e', LINTER, JSON.stringify(request)], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout);
}

const PROBES: { code: string; refused: string[] }[] = [
  { code: 'export function total(a: number) { return a; }', refused: ['a'] },
  { code: 'export const value = () => { const b = 1; return b; };', refused: ['b'] },
  { code: 'try { JSON.parse("") } catch (e) { console.log(e); }', refused: ['e'] },
  { code: 'const { c, d: x } = { c: 1, d: 2 }; console.log(c, x);', refused: ['c', 'x'] },
  { code: 'export class Sheet { name(s: string) { return s; } }', refused: ['s'] },
  { code: 'export const font = { size: 1, set color(v: string) { this.size = v.length; } };', refused: ['v'] },
  { code: 'export const read = (w: number) => {\n  const width = w;\n  console.log(width);\n  return width;\n};', refused: ['w'] },
  // Let through: loop counters, `_`, parameters of short lambdas, names of two letters or more.
  { code: 'for (let i = 0; i < 3; i++) { for (const [j, k] of [[1, 2]]) console.log(i, j, k); }', refused: [] },
  { code: 'export const ids = [1].map((r) => r + 1).filter((_, i) => i > 0);', refused: [] },
  { code: 'export function row(index: number, at: number) { return index + at; }', refused: [] },
  { code: 'export const pick = (values: number[]) =>\n  values\n    .filter((v) => v > 0);', refused: [] },
];

it('refuses one-letter declarations, parameters and destructured names, and lets counters, `_` and short lambdas through', async () => {
  const results = await lint({ texts: PROBES.map((probe) => probe.code) });
  expect(results.map((result) => result.names)).toEqual(PROBES.map((probe) => probe.refused));
}, 60_000);

it('counts over src/ what the house figure counts', async () => {
  const results = await lint({});
  const counted = results.reduce((sum, result) => sum + result.names.length, 0);
  const figures = await exec(process.execPath, [path.join(ROOT, '..', 'shared', 'tools', 'structure-figures.cjs'), ROOT], {
    cwd: ROOT,
    env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
  }).catch((failure) => failure);
  const house = Number(/one-letter names [\d.]+ per 1,000 lines \((\d+) in/.exec(figures.stdout)?.[1]);
  expect(counted).toBe(house);
}, 120_000);
