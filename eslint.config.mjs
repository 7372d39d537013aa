// ESLint 9 flat config (`npm run lint` = `eslint .`).
//
// - every .ts/.tsx: @eslint/js recommended + typescript-eslint recommended
// - src/excel/** and src/commands/** (the only code that calls Excel.run):
//   eslint-plugin-office-addins' Excel API rules, as errors. We take its
//   rules, not its `configs.recommended`, which also switches on prettier
//   formatting and an ES6-only parser for the whole tree.
// - plain .js/.cjs/.mjs (webpack config, scripts, bin): Node globals.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';
import oneLetterNames from './eslint-rules/one-letter-names.mjs';

// The few Node globals our JS files use (the `globals` package is not a
// direct dependency, so they are listed here).
const nodeGlobals = Object.fromEntries(
  [
    'require', 'module', 'exports', '__dirname', '__filename', 'process', 'console',
    'Buffer', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval',
    'setImmediate', 'URL', 'TextEncoder', 'TextDecoder', 'performance', 'global', 'globalThis',
  ].map((name) => [name, 'readonly']),
);

const TS = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

// ---- Boundaries between the folders of src/ (docs/architecture.md) ----------
// Import paths are matched as written, so each rule names the depth it
// applies to. A boundary broken by mistake fails `npm run lint`
// (test/lint/boundaries.test.ts proves each one bites).

/** The engine's internals, for hosts: they use src/core/index.ts only. */
const coreInternals = (depth) => ({
  regex: `^${'\\.\\./'.repeat(depth)}core/`,
  message: "Import the engine from its public surface ('../core'), not its internal modules.",
});
const forbid = (depth, names, why) => ({ regex: `^${'\\.\\./'.repeat(depth)}(${names.join('|')})(/|$)`, message: why });
const noTestCode = (depth) => ({ regex: `^${'\\.\\./'.repeat(depth + 1)}test/`, message: 'Shipped code never imports test code.' });

/** Packages only the tests and the benchmark install (devDependencies): nothing shipped imports them. */
const devOnlyPackages = {
  regex: '^exceljs(/|$)',
  message: 'exceljs is a devDependency (tests and the benchmark read with it): shipped code reads packages with src/xlsx.',
};

/** The rules for one src/ folder at both depths its files sit at (src/x/a.ts, src/x/y/b.ts). */
function boundary(dir, patterns) {
  return [1, 2].map((depth) => ({
    files: [depth === 1 ? `src/${dir}/*.{ts,tsx}` : `src/${dir}/*/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns: [...patterns(depth), devOnlyPackages] }] },
  }));
}

const HOSTS = ['cli', 'xlsx', 'excel', 'commands', 'taskpane', 'preview', 'in-memory-excel', 'worker'];

const boundaries = [
  // The engine: pure TypeScript, imports nothing outside src/core (no package, no Node or DOM module).
  ...boundary('core', (d) => [
    { regex: `^${'\\.\\./'.repeat(d)}`, message: 'src/core imports only src/core: it is the pure engine.' },
    { regex: '^[^.]', message: 'src/core uses no package or Node module: it runs in every host.' },
  ]),
  // Texts: read the engine's public types, nothing else.
  ...boundary('i18n', (d) => [
    coreInternals(d),
    forbid(d, HOSTS, 'src/i18n holds words only; it may import the engine (../core), no host.'),
    { regex: '^[^.]', message: 'src/i18n uses no package.' },
  ]),
  // Hosts: the engine through its public surface; none imports another's internals.
  ...boundary('cli', (d) => [coreInternals(d), noTestCode(d), forbid(d, ['excel', 'commands', 'taskpane', 'preview', 'in-memory-excel'], 'The command line runs in Node: no Office, pane or in-memory Excel code.')]),
  ...boundary('xlsx', (d) => [
    coreInternals(d),
    noTestCode(d),
    forbid(d, ['cli', 'excel', 'commands', 'taskpane', 'preview', 'in-memory-excel'], 'src/xlsx reads and writes packages; hosts use it, not the other way.'),
    { regex: '^(fs|path|os|child_process|node:.*)$', message: 'src/xlsx runs in browsers and workers too: no Node modules.' },
  ]),
  ...boundary('excel', (d) => [coreInternals(d), noTestCode(d), forbid(d, ['cli', 'xlsx', 'taskpane', 'preview', 'in-memory-excel'], 'The Excel adapter talks to Excel only (the in-memory Excel is injected in tests and on the web page).')]),
  ...boundary('commands', (d) => [coreInternals(d), noTestCode(d), forbid(d, ['cli', 'xlsx', 'taskpane', 'preview', 'in-memory-excel'], 'Ribbon commands use the Excel adapter only.')]),
  ...boundary('taskpane', (d) => [
    coreInternals(d),
    noTestCode(d),
    forbid(d, ['cli', 'xlsx', 'preview', 'in-memory-excel'], 'The pane receives its host as props: no file, web-page or in-memory Excel code.'),
    { regex: `^${'\\.\\./'.repeat(d)}i18n/cli$`, message: 'The pane does not use the command line\'s words.' },
  ]),
  ...boundary('preview', (d) => [coreInternals(d), noTestCode(d), forbid(d, ['cli'], 'The web page does not use the command line.')]),
  // The engine's worker and its client: run in a Web Worker (or beside one), so no Office, pane, page, fake or CLI code.
  // The package reader (src/xlsx, host-neutral) is allowed: the roll-up request reads the files it is given.
  ...boundary('worker', (d) => [
    coreInternals(d),
    noTestCode(d),
    forbid(d, ['cli', 'excel', 'commands', 'taskpane', 'preview', 'in-memory-excel'], 'src/worker runs the engine in a Web Worker: the engine, words and the package reader only.'),
  ]),
  ...boundary('in-memory-excel', (d) => [coreInternals(d), noTestCode(d), forbid(d, ['cli', 'xlsx', 'excel', 'commands', 'taskpane', 'preview'], 'The in-memory Excel stands alone: it depends on the engine only.')]),
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      'out/**',
      'bench/out/**',
      'bench/results/**',
      'bench/**/*.json',
      '**/*.min.js',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', ecmaVersion: 2022, globals: nodeGlobals },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', ecmaVersion: 2022, globals: nodeGlobals },
  },
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: TS })),
  {
    files: TS,
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // typescript-eslint 8.8 + ESLint >= 9.15 crash on this rule without
      // explicit options ("Cannot read properties of undefined (reading
      // 'allowShortCircuit')", typescript-eslint#10342, fixed in 8.15).
      // These are the core rule's defaults.
      '@typescript-eslint/no-unused-expressions': [
        'error',
        { allowShortCircuit: false, allowTernary: false, allowTaggedTemplates: false, enforceForJSX: false },
      ],
    },
  },
  ...boundaries,
  // Names a reader understands (house/one-letter-names, eslint-rules/): across src/.
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { house: { rules: { 'one-letter-names': oneLetterNames } } },
    rules: { 'house/one-letter-names': 'error' },
  },
  {
    files: ['src/excel/**/*.{ts,tsx}', 'src/commands/**/*.{ts,tsx}'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-office-initialize': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/call-sync-after-load': 'error',
      'office-addins/no-navigational-load': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
      'office-addins/no-empty-load': 'error',
    },
  },
);
