// The exit codes have one home (src/cli/exit-codes.ts): no code of the
// command line ends with a bare number, and --help says them from there.
import * as fs from 'fs';
import * as path from 'path';
import { EXIT_CLEAN, EXIT_ERRORS, EXIT_FAILURE, EXIT_INTERRUPTED } from '../../src/cli/exit-codes';
import { runCli } from '../support/cli';

const CLI_DIR = path.join(__dirname, '..', '..', 'src', 'cli');

/** Every .ts file under src/cli, but the codes' own home. */
function cliSources(dir: string = CLI_DIR): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return cliSources(full);
    return entry.name.endsWith('.ts') && entry.name !== 'exit-codes.ts' ? [full] : [];
  });
}

/** Where an exit code is given: returned by a command, put in the JSON, handed to the process. */
const BARE_EXIT = [/\breturn\s+\d+\s*;/, /\bexitCode\s*[:=]\s*\d/, /\bprocess\.exit\(\s*\d/, /\bcode\s*=\s*\d+\s*;/, /\bcode:\s*\d/];

describe('exit codes', () => {
  it('are named, never written as bare numbers, in src/cli', () => {
    const found: string[] = [];
    for (const file of cliSources()) {
      fs.readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          if (BARE_EXIT.some((pattern) => pattern.test(line))) found.push(`${path.relative(CLI_DIR, file)}:${index + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });

  it('are the ones the README promises', () => {
    expect([EXIT_CLEAN, EXIT_ERRORS, EXIT_FAILURE, EXIT_INTERRUPTED]).toEqual([0, 1, 2, 130]);
  });

  it.each([
    ['mn', 'Гарах код: 0 алдаагүй, 1 алдаатай, 2 файлыг уншиж чадаагүй (эсвэл буруу сонголт), 130 тасалсан (Ctrl+C).'],
    ['en', 'Exit codes: 0 no errors, 1 errors found, 2 a file could not be read (or bad arguments), 130 interrupted (Ctrl+C).'],
  ])('--help in %s says them, Ctrl+C included', async (lang, line) => {
    const help = await runCli('validate', '--help', '--lang', lang);
    expect(help.code).toBe(EXIT_CLEAN);
    expect(help.out).toContain(line);
  });
});
