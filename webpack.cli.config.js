/*
 * The command line as ONE file: dist/cli/unelgee.cjs (`npm run release`
 * copies it to release/unelgee-<version>/cli/). Every dependency is inside
 * (commander, cli-progress, piscina, saxes, fflate), so `node unelgee.cjs
 * validate report.xlsx` works on Node 18 or newer in an empty folder: no
 * node_modules, no network.
 *
 * The roll-up's worker pool (piscina) starts its threads on this same file
 * (src/cli/bundle.entry.ts): piscina's own worker.js is bundled, piscina is
 * told to start it from this file rather than from a worker.js beside it,
 * and to load the task (checkFile) with Node's own require (the file's own
 * exports). Both rewrites fail the build if piscina's code moved
 * (scripts/replace-loader.js).
 */
'use strict';

const path = require('path');
const webpack = require('webpack');
const { version } = require('./package.json');

const PISCINA = path.dirname(require.resolve('piscina'));

module.exports = () => ({
  name: 'cli',
  mode: 'production',
  target: 'node18',
  devtool: false,
  entry: { unelgee: './src/cli/bundle.entry.ts' },
  output: {
    path: path.resolve(__dirname, 'dist/cli'),
    filename: '[name].cjs',
    library: { type: 'commonjs2' },
    clean: true,
  },
  // __filename and __dirname are this file's own at run time (the pool starts its threads on it).
  node: { __filename: false, __dirname: false },
  resolve: {
    extensions: ['.ts', '.js', '.json'],
    alias: { 'piscina-worker$': path.join(PISCINA, 'worker.js') },
  },
  // Optional in piscina (niceIncrement, never set here): left out; piscina catches its absence.
  externals: { '@napi-rs/nice': 'commonjs @napi-rs/nice' },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: path.resolve(__dirname, 'tsconfig.cli.json') } },
      },
      {
        test: path.join(PISCINA, 'index.js'),
        use: { loader: path.resolve(__dirname, 'scripts/replace-loader.js'), options: { replace: [["(0, node_path_1.resolve)(__dirname, 'worker.js')", '__filename']] } },
      },
      {
        test: path.join(PISCINA, 'worker.js'),
        use: { loader: path.resolve(__dirname, 'scripts/replace-loader.js'), options: { replace: [['__importStar(require(s))', '__importStar(__non_webpack_require__(s))']] } },
      },
    ],
  },
  plugins: [
    new webpack.BannerPlugin({ banner: '#!/usr/bin/env node', raw: true }),
    // What main.ts's version() and pool.ts read in this build (no package.json beside the file).
    new webpack.DefinePlugin({ __UNELGEE_RELEASE_VERSION__: JSON.stringify(version), __UNELGEE_ONE_FILE__: 'true' }),
    new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
  ],
  // Readable: a stack trace from an IT officer's machine names our functions.
  optimization: { minimize: false },
  performance: { hints: false },
  stats: 'errors-warnings',
});
