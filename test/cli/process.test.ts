// The built command as a process: the roll-up on its worker pool finds what
// the in-process run finds; Ctrl+C (SIGINT) in the middle of a roll-up
// leaves no output and no temporary file; a reader that goes away
// (`| head -1`) ends the run quietly; a progress bar on a terminal only.
// The command is compiled into a folder of its own (dist/test-cli), so
// other suites building dist/node at the same time do not disturb it.
import { execFile, spawn } from 'child_process';
import { existsSync, promises as fs, readdirSync, readlinkSync } from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import { main } from '../../src/cli/main';
import { FIXTURE_NAMES, fixturePath } from '../support/fixtures';

const exec = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');
const BUILD = path.join(ROOT, 'dist', 'test-cli');

let tmp: string;
let runner: string;
let folder: string;

interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

/** Runs the compiled command with these arguments; `during` gets the child while it runs. */
function runChild(args: string[], during?: (child: ReturnType<typeof spawn>) => void): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [runner, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, out, err }));
    during?.(child);
  });
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'unelgee-process-'));
  await exec('npx', ['tsc', '-p', 'tsconfig.cli.json', '--outDir', BUILD], { cwd: ROOT });
  runner = path.join(tmp, 'run.js');
  await fs.writeFile(
    runner,
    `require(${JSON.stringify(path.join(BUILD, 'src', 'cli', 'main.js'))}).main(process.argv.slice(2)).then((code) => { process.exitCode = code; });\n`,
  );
  folder = path.join(tmp, 'reports');
  await fs.mkdir(folder);
  for (const name of FIXTURE_NAMES) await fs.copyFile(fixturePath(name), path.join(folder, `${name}.xlsx`));
  await fs.writeFile(path.join(folder, 'damaged.xlsx'), 'PK\u0003\u0004 not a zip');
  await fs.writeFile(path.join(folder, '~$report-2024-aimag-admin-dept.xlsx'), Buffer.alloc(165, 1));
}, 120000);
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('the built command', () => {
  it('checks the files on its worker pool and finds exactly what the in-process run finds', async () => {
    const pooled = await runChild(['rollup', folder, '-o', path.join(tmp, 'pooled.xlsx'), '--json', '--jobs', '2']);
    expect(pooled.code).toBe(2);
    // Not a terminal: one line for the damaged file, no progress bar.
    expect(pooled.err).toBe(`unelgee: ${path.join(folder, 'damaged.xlsx')}: уншиж чадсангүй: .xlsx файл эвдэрсэн байна (no central directory)\n`);
    let inProcess = '';
    await main(['rollup', folder, '-o', path.join(tmp, 'pooled.xlsx'), '--json'], { out: (s) => (inProcess = s), err: () => undefined });
    const a = JSON.parse(pooled.out);
    const b = JSON.parse(inProcess);
    expect(a.files).toEqual(b.files);
    expect(a.rollup).toEqual(b.rollup);
    expect(a.rollup.rows).toHaveLength(5);
  });

  it('Ctrl+C in the middle of a roll-up: exit 130, no output, no temporary file', async () => {
    const many = path.join(tmp, 'many');
    await fs.mkdir(many);
    // Enough files that the run is still going when Ctrl+C comes (files are read in a blink now: an input is open for microseconds).
    for (let i = 0; i < 2000; i++) await fs.copyFile(fixturePath(FIXTURE_NAMES[i % 3]), path.join(many, `unit-${String(i).padStart(4, '0')}.xlsx`));
    const outDir = path.join(tmp, 'interrupted');
    await fs.mkdir(outDir);
    const output = path.join(outDir, 'rollup.xlsx');
    let sentAt = 0;
    const ran = await runChild(['rollup', many, '-o', output, '--jobs', '1'], (child) => {
      // Mid-run: once the command has one of the inputs open, or 1.5 s after it started.
      const started = Date.now();
      const poll = setInterval(() => {
        let reading = false;
        try {
          reading = readdirSync(`/proc/${child.pid}/fd`).some((fd) => {
            try {
              return readlinkSync(`/proc/${child.pid}/fd/${fd}`).startsWith(many);
            } catch {
              return false;
            }
          });
        } catch {
          // /proc cannot tell.
        }
        reading ||= Date.now() - started > 1500;
        if (reading) {
          clearInterval(poll);
          sentAt = Date.now();
          child.kill('SIGINT');
        }
      }, 10);
      child.on('close', () => clearInterval(poll));
    });
    expect(sentAt).toBeGreaterThan(0);
    expect(ran).toMatchObject({ code: 130, signal: null, out: '' });
    expect(ran.err).toBe('unelgee: тасалсан; юу ч бичээгүй\n');
    expect(readdirSync(outDir)).toEqual([]);
  }, 60000);

  it('a reader that goes away (| head -1) ends validate quietly: no stack trace, exit 141', async () => {
    const files = Array.from({ length: 40 }, () => fixturePath('report-2024-aimag-admin-dept'));
    const ran = await runChild(['validate', ...files], (child) => {
      child.stdout!.once('data', () => child.stdout!.destroy());
    });
    expect(ran.err).toBe('');
    expect(ran.code).toBe(141);
    expect(ran.out.split('\n')[0]).toBe(files[0]);
  });

  const script = existsSync('/usr/bin/script');
  (script ? it : it.skip)('draws a progress bar on a terminal, none with --quiet', async () => {
    const cmd = (extra: string) =>
      `${JSON.stringify(process.execPath)} ${JSON.stringify(runner)} rollup ${JSON.stringify(folder)} -o ${JSON.stringify(path.join(tmp, 'tty.xlsx'))} --lang en${extra}`;
    const withBar = await exec('/usr/bin/script', ['-qec', cmd(''), '/dev/null'], { env: { ...process.env, COLUMNS: '120' } }).catch((e) => e);
    expect(withBar.stdout).toMatch(/\d\/4 · left/);
    expect(withBar.stdout).toMatch(/Roll-up → /);
    const quiet = await exec('/usr/bin/script', ['-qec', cmd(' --quiet'), '/dev/null']).catch((e) => e);
    expect(quiet.stdout).not.toMatch(/\/4 · left/);
    expect(quiet.stdout).toMatch(/Roll-up → /);
  }, 60000);
});
