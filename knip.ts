// knip (`npx knip`, part of `npm run lint`): no file, export, type or
// dependency that nothing uses. The entry points are the ones the builds and
// tools start from; everything else must be reached from them.
import type { KnipConfig } from 'knip';

const config: KnipConfig = {
  entry: [
    // The command line, as `npm run build:cli` compiles it (bin/unelgee.js runs it) and as
    // webpack.cli.config.js bundles it into one file; pool.ts starts each roll-up thread on rollup-worker.js by path.
    'src/cli/main.ts',
    'src/cli/bundle.entry.ts',
    'src/cli/rollup-worker.ts',
    // The web pages' entries knip's webpack plugin reads from webpack.config.js; not the modules its plugins
    // swap in or start: NormalModuleReplacementPlugin puts inprocess.web.ts (webpack.config.js) and the two
    // *.inline.ts (scripts/single-file.js) in place of their namesakes, and `new EngineScript(new URL(
    // './local.entry.ts', …))` starts local.entry.ts as webpack's worker parser is told to (webpack.config.js).
    'src/worker/inprocess.web.ts',
    'src/worker/local.entry.ts',
    'src/preview/book-worker-start.inline.ts',
    'src/preview/inprocess.inline.ts',
    'scripts/*.{js,ts}',
    'bench/*.ts',
    'bin/*.js',
    'test/**/*.test.{ts,tsx}',
  ],
  project: ['src/**/*.{ts,tsx}', 'scripts/**/*.{js,ts}', 'bench/**/*.ts', 'bin/**/*.js', 'test/**/*.{ts,tsx}'],
  ignoreDependencies: [
    // Not a package: webpack.cli.config.js aliases the name to piscina's dist/worker.js for the one-file build
    // (src/cli/bundle.entry.ts imports it there), which the piscina package does not export.
    'piscina-worker',
    // test/manifest/manifest.test.ts requires it inside a child Node process (its ESM-only dependencies
    // do not load under jest), so no import names it; ../shared/tools/validate-manifest runs it too.
    'office-addin-manifest',
    // For the release checks (the bundles parse at Safari 15's level), test/release/*.test.ts, which
    // .gitignore's `release/` keeps out of the repository: until that is fixed nothing here imports them.
    'acorn',
    'acorn-walk',
  ],
  // The test of the manifest runs Debian's xmllint (installed by scripts/install-test-deps.sh), not a package.
  ignoreBinaries: ['xmllint'],
};

export default config;
