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

export default tseslint.config(
  {
    ignores: [
      'dist/**',
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
