// The release folder (`npm run release`, scripts/release.js) as an IT officer
// receives it: every part there, the checksums right, the command line's one
// file working from a folder with nothing else in it (no node_modules, no
// package.json), its --version the release's, its roll-up on worker threads.

import { spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FIXTURE_NAMES, fixturePath } from '../support/fixtures';
import { RELEASE } from '../support/page-host';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const release = require('../../scripts/release.js') as {
  version: string;
  filesUnder(dir: string): string[];
  parseArgs(argv: string[]): { publicUrl: string | null; build: boolean };
};

let empty = '';

beforeAll(() => {
  if (!fs.existsSync(RELEASE)) throw new Error(`${RELEASE} is missing: run \`npm run release\` first (\`npm test\` runs it before jest).`);
  // A folder with the one file and the workbooks only, outside the repository (no node_modules above it).
  empty = fs.mkdtempSync(path.join(os.tmpdir(), 'unelgee-release-'));
  fs.copyFileSync(path.join(RELEASE, 'cli', 'unelgee.cjs'), path.join(empty, 'unelgee.cjs'));
  for (const name of FIXTURE_NAMES) fs.copyFileSync(fixturePath(name), path.join(empty, `${name}.xlsx`));
});

afterAll(() => {
  if (empty) fs.rmSync(empty, { recursive: true, force: true });
});

/** `node unelgee.cjs …` in the empty folder, with no NODE_PATH to find packages by. */
function run(args: string[]) {
  const env = { ...process.env };
  delete env.NODE_PATH;
  const done = spawnSync(process.execPath, ['unelgee.cjs', ...args], { cwd: empty, env, encoding: 'utf8' });
  return { code: done.status, out: done.stdout, err: done.stderr };
}

describe(`release/unelgee-${release.version}/`, () => {
  it('holds the page, the command line and its launchers, УНШИХ.md and SHA256SUMS — and no addin/ without a public URL', () => {
    expect(release.filesUnder(RELEASE)).toEqual(['SHA256SUMS', 'cli/unelgee', 'cli/unelgee.cjs', 'cli/unelgee.cmd', 'unelgee.html', 'УНШИХ.md']);
    expect(fs.statSync(path.join(RELEASE, 'cli', 'unelgee')).mode & 0o111).toBeTruthy();
    expect(fs.readFileSync(path.join(RELEASE, 'cli', 'unelgee.cmd'), 'utf8')).toMatch(/\r\nnode "%~dp0unelgee\.cjs" %\*\r\n$/);
  });

  it('SHA256SUMS lists every other file with its SHA-256, in sha256sum\'s format', () => {
    const lines = fs.readFileSync(path.join(RELEASE, 'SHA256SUMS'), 'utf8').trimEnd().split('\n');
    const listed = lines.map((line) => {
      const [, hash, file] = /^([0-9a-f]{64}) {2}(.+)$/.exec(line)!;
      return { file, hash };
    });
    expect(listed.map((entry) => entry.file)).toEqual(release.filesUnder(RELEASE).filter((file) => file !== 'SHA256SUMS'));
    for (const { file, hash } of listed) expect(crypto.createHash('sha256').update(fs.readFileSync(path.join(RELEASE, file))).digest('hex')).toBe(hash);
  });

  it('УНШИХ.md: Mongolian first, then English; says why there is no addin/', () => {
    const text = fs.readFileSync(path.join(RELEASE, 'УНШИХ.md'), 'utf8');
    expect(text.indexOf('Хэнд юу вэ')).toBeGreaterThan(0);
    expect(text.indexOf('What is for whom')).toBeGreaterThan(text.indexOf('Хэнд юу вэ'));
    expect(text).toContain(`# Үнэлгээ ${release.version}`);
    expect(text).toContain('This release has no `addin/`');
    expect(text).not.toMatch(/\{(version|addin\.\w+)\}/);
  });

  it('the page is one file within its budget of 1.5 MB', () => {
    expect(fs.statSync(path.join(RELEASE, 'unelgee.html')).size).toBeLessThanOrEqual(1_500_000);
  });

  it('--public-url must be https; other arguments are refused', () => {
    expect(release.parseArgs(['--public-url', 'https://addins.example.mn/unelgee/'])).toEqual({ publicUrl: 'https://addins.example.mn/unelgee/', build: true });
    expect(() => release.parseArgs(['--public-url', 'http://addins.example.mn/'])).toThrow(/https/);
    expect(() => release.parseArgs(['--publicurl'])).toThrow(/unknown argument/);
  });
});

describe('cli/unelgee.cjs alone in an empty folder', () => {
  it('--version prints the release\'s version', () => {
    expect(run(['--version'])).toMatchObject({ code: 0, out: `unelgee ${release.version}\n` });
  });

  it('validate checks a workbook (exit 0: no errors)', () => {
    const result = run(['validate', 'report-2025-h1-consulting-unit.xlsx']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain('Дүн: 0 алдаа');
  });

  it('validate says what is wrong (exit 1), in English with --lang en', () => {
    const result = run(['validate', 'report-2024-aimag-admin-dept.xlsx', '--lang', 'en']);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/Total: 15 errors/);
  });

  it('rollup reads the files on two worker threads (piscina\'s worker is inside the file too)', () => {
    const output = path.join(empty, '..', `${path.basename(empty)}-rollup.xlsx`);
    try {
      const result = run(['rollup', '.', '-o', output, '--jobs', '2']);
      expect(result.err).toBe('');
      expect(result.out).toMatch(/3 файл .* 2 урсгал/);
      expect(fs.existsSync(output)).toBe(true);
    } finally {
      fs.rmSync(output, { force: true });
    }
  });
});
