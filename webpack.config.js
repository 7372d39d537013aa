/*
 * Webpack for the add-in's web pages (layout of OfficeDev's
 * Office-Addin-TaskPane-React template: one entry per page, assets and
 * manifest copied by the build).
 *
 * The release build (`npm run build` = `webpack --mode production`, works
 * offline) writes dist/web/, what an HTTPS server hosts (docs/deploy.md):
 *   taskpane.html + taskpane.js   the pane (React), Office.js from Microsoft's CDN
 *   commands.html + commands.js   the ribbon function file, Office.js from the CDN
 *   app.html + app.js             the web page: the pane and a sheet view over
 *                                 the fake Excel, for any office (no Office.js,
 *                                 no network); preview.html redirects to it
 *   samples/*.xlsx                the three sample workbooks the page offers
 *   *.[hash].js                   every script carries its content's hash, the
 *                                 entries (taskpane, commands, app) as well as
 *                                 the chunks loaded on demand: the engine's Web
 *                                 Workers (engine-worker for the pane and the
 *                                 ribbon, book-worker for the page), the
 *                                 pane's later tabs (panels), the in-process
 *                                 engine (engine-local, book-local: the
 *                                 fallback where no worker starts); so a
 *                                 cached old script never asks for a chunk a
 *                                 new release deleted
 *   *.br, *.gz                    each script and page compressed (brotli, gzip) beside
 *                                 it, for servers that send precompressed files
 *   assets/                       icons + support page referenced by the manifest
 *   manifest.xml                  the production manifest (scripts/manifest.js):
 *                                 URLs rewritten to --env publicUrl=https://host/path/;
 *                                 without it the build says loudly that the
 *                                 manifest still points to localhost
 * and nothing else: no source maps or local office.js. Beside it,
 *   dist/unelgee.html             the web page as ONE file (scripts, styles,
 *                                 icon, the engine's worker and the samples
 *                                 inside), that works opened from disk
 *                                 (file://) as well as served: see
 *                                 scripts/single-file.js.
 *
 * Every web bundle is held to the browserslist in package.json (Excel for
 * Mac 16.50's Safari 15 webview included): the dependencies whose published
 * code is newer than that (TRANSPILE) go through Babel, and
 * test/release/syntax.test.ts parses each bundle at that level.
 *
 * The development build (`npm run build:dev` = the same with --env dev;
 * the tests use it) and the dev server (--mode development) add:
 *   office-js/                    the packaged office.js (dev server / --env local)
 *   *.map                         source maps
 *   manifest.dev.xml              the development manifest: its own Id and
 *                                 "(dev)" in its name, localhost URLs
 *
 * Flags (webpack --env …):
 *   dev             the development build described above.
 *   local           taskpane/commands load Office.js from this origin
 *                   (office-js/office.js, copied from @microsoft/office-js),
 *                   so nothing is fetched from the network. The dev server
 *                   (--mode development) always does this too.
 *   preview         dev server serves app.html at "/" (`npm run preview`).
 *   noSingle        leave out dist/unelgee.html (a quicker build of the rest).
 *   publicUrl=URL   production deployment: rewrite https://localhost:3000/ in
 *                   the copied manifest.
 *
 * Entries whose source file does not exist yet are skipped with a warning, so
 * the config can be built while pages are still being written.
 *
 * Type checking is not done here (ts-loader transpileOnly): `npm run
 * typecheck` runs tsc.
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CompressionPlugin = require('compression-webpack-plugin');
const { devManifest, prodManifest } = require('./scripts/manifest');
const { singleFileConfigs } = require('./scripts/single-file');
const { version } = require('./package.json');

const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const LOCAL_OFFICE_JS = 'office-js/office.js';
const OUT = path.resolve(__dirname, 'dist/web');

// What office.js needs to start outside the CDN: itself, the host→file
// table it consults, the promise polyfill, Excel's host scripts (web,
// Windows, Mac; not the 80 MB of every host, locale and debug build the
// package ships) and the en-US and mn-MN string tables.
const OFFICE_JS_DIR = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
const OFFICE_JS_FILES = [
  'office.js',
  'o15apptofilemappingtable.js',
  'es6-promise.js',
  'excel-web-16.00.js',
  'excel-web-16.00-core.js',
  'excel-win32-16.01.js',
  'excel-win32-16.01-core.js',
  'excel-mac-16.00.js',
  'excel-mac-16.00-core.js',
  'en-us/office_strings.js',
  'mn-mn/office_strings.js',
];

const exists = (file) => fs.existsSync(path.resolve(__dirname, file));

/**
 * Dependencies published with syntax newer than the browserslist allows:
 * tabster (under Fluent UI) uses class static blocks, which Safari before
 * 16.4 (Excel for Mac 16.50's webview) refuses — the whole file with them.
 */
const TRANSPILE = ['tabster'];

/** The rules every web bundle shares: our TypeScript, and Babel for TRANSPILE. */
function webRules() {
  return [
    // The engine and the words have no side effects on import: a bundle keeps only what it uses
    // of them (the pane's main bundle uses the engine's types and helpers; its work runs in the worker).
    { test: /[\\/]src[\\/](core|i18n)[\\/]/, sideEffects: false },
    {
      test: /\.tsx?$/,
      exclude: /node_modules/,
      use: {
        loader: 'ts-loader',
        options: {
          transpileOnly: true,
          configFile: path.resolve(__dirname, 'tsconfig.json'),
          // tsconfig.json targets Node (CommonJS); ES modules here let
          // webpack tree-shake Fluent UI.
          compilerOptions: { module: 'es2020', sourceMap: true },
        },
      },
    },
    {
      test: /\.m?js$/,
      include: TRANSPILE.map((name) => path.join(__dirname, 'node_modules', name)),
      use: {
        loader: 'babel-loader',
        // The targets are package.json's browserslist; the code stays ES modules for webpack.
        options: { babelrc: false, configFile: false, cacheDirectory: true, presets: [['@babel/preset-env', { modules: false, bugfixes: true }]] },
      },
    },
  ];
}

/** https only if office-addin-dev-certs has installed its localhost certificate. */
function devServerTransport() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const cert = path.join(dir, 'localhost.crt');
  const key = path.join(dir, 'localhost.key');
  const ca = path.join(dir, 'ca.crt');
  if (fs.existsSync(cert) && fs.existsSync(key)) {
    const options = { cert: fs.readFileSync(cert), key: fs.readFileSync(key) };
    if (fs.existsSync(ca)) options.ca = fs.readFileSync(ca);
    return { type: 'https', options };
  }
  // No certificate: plain http, so `npm run dev-server` still starts
  // (sideloading into Office needs https: run `npx office-addin-dev-certs install`).
  return 'http';
}

/** Said at the end of a release build without publicUrl: the manifest would send Excel to localhost. */
function warnLocalhost() {
  const line = '='.repeat(78);
  console.warn(
    [
      '',
      line,
      ' WARNING: dist/web/manifest.xml still points to https://localhost:3000/.',
      ' Installed anywhere but this machine, Excel would find no add-in there.',
      ' Build for your server with:',
      '   npm run build -- --env publicUrl=https://your-server/unelgee/',
      ' (docs/deploy.md).',
      line,
      '',
    ].join('\n'),
  );
}

module.exports = (env = {}, argv = {}) => {
  const addin = addinConfig(env, argv);
  // The dev server serves the pages as they are built; the single file is for builds.
  if (argv.mode === 'development' || env.noSingle || !exists('src/preview/index.ts')) return addin;
  return [addin, ...singleFileConfigs({ env, webRules: webRules() })];
};

/** dist/web: the add-in's pages and the served web page. */
function addinConfig(env, argv) {
  const dev = argv.mode === 'development';
  // The release build leaves out what only development and the tests use.
  const release = !dev && !env.dev;
  const localOffice = Boolean(env.local) || dev;
  const officeJs = localOffice ? LOCAL_OFFICE_JS : CDN_OFFICE_JS;

  const pages = [
    { name: 'taskpane', entry: './src/taskpane/index.tsx', template: './src/taskpane/taskpane.html', officeJs },
    { name: 'commands', entry: './src/commands/entry.ts', template: './src/commands/commands.html', officeJs },
    // The web page: no Office.js at all (it installs its own fake Excel and Office).
    { name: 'app', entry: './src/preview/index.ts', template: './src/preview/app.html', officeJs: null },
  ].filter((page) => {
    const missing = [page.entry, page.template].filter((f) => !exists(f));
    if (missing.length) console.warn(`webpack: skipping ${page.name}.html (missing ${missing.join(', ')})`);
    return missing.length === 0;
  });
  const hasApp = pages.some((p) => p.name === 'app');
  if (env.preview && !hasApp) {
    throw new Error('--env preview: src/preview/index.tsx and src/preview/app.html are needed');
  }

  const copy = [
    { from: 'assets/*', to: 'assets/[name][ext]' },
    {
      from: 'manifest.xml',
      to: 'manifest.xml',
      transform: (content) => prodManifest(content.toString(), version, dev ? undefined : env.publicUrl),
    },
  ];
  if (!release) {
    copy.push({ from: 'manifest.xml', to: 'manifest.dev.xml', transform: (content) => devManifest(content.toString(), version) });
  }
  if ((!release || env.local) && localOffice) {
    for (const file of OFFICE_JS_FILES) {
      copy.push({ from: path.join(OFFICE_JS_DIR, file), to: `office-js/${file}` });
    }
  }
  if (hasApp) {
    copy.push({ from: 'test/fixtures/*.xlsx', to: 'samples/[name][ext]' });
    // The old preview's address, kept: it sends its visitors (and their ?sample=) to app.html.
    copy.push({ from: 'src/preview/preview.html', to: 'preview.html' });
  }
  // Copied files ship byte for byte: without this, production mode would run
  // Terser over office.js and an HTML minimizer over assets/support.html.
  for (const pattern of copy) pattern.info = { minimized: true };

  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'eval-cheap-module-source-map' : release ? false : 'source-map',
    entry: Object.fromEntries(pages.map((p) => [p.name, p.entry])),
    output: {
      path: OUT,
      // Entries and chunks alike carry their content's hash: a page never gets a stale one from a
      // cache, and a cached old entry never asks for a chunk a new release no longer has.
      // (The dev server rebuilds in place: plain names there.)
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.jsx', '.json'],
    },
    module: {
      rules: webRules(),
      // new EngineScript(new URL(…)) starts an entry of its own, as new Worker(new URL(…)) does (src/worker/engine-script.ts).
      parser: { javascript: { worker: ['...', 'EngineScript from ./engine-script'] } },
    },
    plugins: [
      ...pages.map(
        (p) =>
          new HtmlWebpackPlugin({
            filename: `${p.name}.html`,
            template: p.template,
            chunks: [p.name],
            templateParameters: { officeJs: p.officeJs },
          }),
      ),
      new CopyWebpackPlugin({ patterns: copy }),
      // Each script and page also as .br and .gz beside it, for a server to send as they are
      // (scripts/app.js does; docs/deploy.md says how for others): a fifth of the bytes on the wire.
      ...(dev
        ? []
        : [
            new CompressionPlugin({ filename: '[path][base].br', algorithm: 'brotliCompress', test: /\.(js|html|svg|json|xml|txt)$/, compressionOptions: { level: 11 }, threshold: 1024, minRatio: 0.9 }),
            new CompressionPlugin({ filename: '[path][base].gz', algorithm: 'gzip', test: /\.(js|html|svg|json|xml|txt)$/, compressionOptions: { level: 9 }, threshold: 1024, minRatio: 0.9 }),
          ]),
      // The pages' engine runs in a worker: their bundles get the loader of the engine-local chunk
      // where the adapter's default (in-process) engine would be.
      new webpack.NormalModuleReplacementPlugin(/[\\/]inprocess$/, path.resolve(__dirname, 'src/worker/inprocess.web.ts')),
      {
        apply(compiler) {
          if (release && !env.publicUrl) compiler.hooks.done.tap('unelgee-localhost-warning', warnLocalhost);
        },
      },
    ],
    // One file per worker (the engine's chunk is not split out and shared between them).
    optimization: { splitChunks: false },
    // React + Fluent UI make a pane bundle of ~1 MB minified; warn only
    // well past that.
    performance: { hints: dev ? false : 'warning', maxAssetSize: 2_000_000, maxEntrypointSize: 2_000_000 },
    devServer: {
      port: 3000,
      server: devServerTransport(),
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: { directory: OUT },
      open: false,
      client: { overlay: { warnings: false } },
      // "/" opens the web page with --env preview, the pane otherwise.
      devMiddleware: { index: env.preview ? 'app.html' : 'taskpane.html' },
    },
  };
}
