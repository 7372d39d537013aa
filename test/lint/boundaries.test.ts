// The boundaries between src/ folders are enforced by lint (eslint.config.mjs):
// each probe below crosses one, and eslint must refuse it. One Node process
// lints every probe's text as if it were a file at that path (ESLint's
// lintText), with the project's real config; nothing is written to disk.
import { execFile } from 'child_process';
import * as path from 'path';
import { promisify } from 'util';

const exec = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');

/** Runs in a plain Node child: jest cannot load the ESM config, node can. */
const LINTER = `
const { ESLint } = require('eslint');
const probes = JSON.parse(process.argv[1]);
(async () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const out = [];
  for (const p of probes) {
    const [r] = await eslint.lintText(p.text, { filePath: p.file });
    out.push(r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message));
  }
  process.stdout.write(JSON.stringify(out));
})();
`;

interface Probe {
  /** The folder the probe file sits in (its depth decides which rule applies). */
  dir: string;
  code: string;
  /** The refusal expected, or null for an import that is allowed. */
  why: RegExp | null;
}

const PROBES: Probe[] = [
  { dir: 'src/core', code: "import { CLI_TEXT } from '../i18n/cli';", why: /imports only src\/core/ },
  { dir: 'src/core/checks', code: "import { SEVERITY_NAMES } from '../../i18n/findings';", why: /imports only src\/core/ },
  { dir: 'src/core', code: "import * as fs from 'fs';", why: /no package or Node module/ },
  { dir: 'src/i18n', code: "import { readStore } from '../excel/store';", why: /words only/ },
  { dir: 'src/excel', code: "import { parseValue } from '../core/values';", why: /public surface/ },
  { dir: 'src/taskpane/components', code: "import { parseValue } from '../../core/values';", why: /public surface/ },
  { dir: 'src/taskpane', code: "import { CLI_TEXT } from '../i18n/cli';", why: /command line's words/ },
  { dir: 'src/taskpane', code: "import { FakeExcel } from '../in-memory-excel/excel';", why: /props/ },
  { dir: 'src/preview', code: "import { sheetOf } from '../../test/support/sheet-builder';", why: /never imports test code/ },
  { dir: 'src/excel', code: "import { FakeExcel } from '../in-memory-excel/excel';", why: /talks to Excel only/ },
  { dir: 'src/xlsx', code: "import * as fs from 'fs';", why: /no Node modules/ },
  { dir: 'src/worker', code: "import { FakeExcel } from '../in-memory-excel/excel';", why: /Web Worker/ },
  { dir: 'src/worker', code: "import { createExcelHost } from '../excel/host';", why: /Web Worker/ },
  { dir: 'src/cli', code: "import ExcelJS from 'exceljs';", why: /devDependency/ },
  { dir: 'src/taskpane/components', code: "import type ExcelJS from 'exceljs';", why: /devDependency/ },
  { dir: 'src/excel', code: "import { parseArea } from '../core';", why: null },
  { dir: 'src/excel', code: "import { inProcessEngine } from '../worker/inprocess';", why: null },
  // The roll-up request reads the files it is given.
  { dir: 'src/worker', code: "import { readXlsx } from '../xlsx';", why: null },
  { dir: 'src/core/checks', code: "import { ROLE_NAMES } from './vocabulary';", why: null },
];

let results: string[][];

beforeAll(async () => {
  const probes = PROBES.map((p, i) => ({ file: path.join(ROOT, p.dir, `__probe${i}.ts`), text: `${p.code}\nexport const probe = 1;\n` }));
  const { stdout } = await exec(process.execPath, ['-e', LINTER, JSON.stringify(probes)], { cwd: ROOT, maxBuffer: 1 << 24 });
  results = JSON.parse(stdout) as string[][];
}, 120_000);

describe('lint keeps the boundaries between src/ folders', () => {
  it.each(PROBES.map((p, i) => [i, p.dir, p.code] as const))('probe %i in %s: %s', (i) => {
    const messages = results[i];
    const why = PROBES[i].why;
    if (why) expect(messages.some((m) => why.test(m))).toBe(true);
    else expect(messages).toEqual([]);
  });
});
