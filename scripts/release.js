#!/usr/bin/env node
/*
 * npm run release [-- --public-url https://server/path/]
 *
 * Writes release/unelgee-<version>/, the folder an IT officer copies to a
 * share or a USB stick, checks and hands on:
 *
 *   unelgee.html      the web page as one file (dist/unelgee.html): open it
 *   cli/unelgee.cjs   the command line as one file, every dependency inside
 *                     (webpack.cli.config.js): Node 18+, no node_modules
 *   cli/unelgee.cmd   launchers beside it (Windows, and sh)
 *   cli/unelgee
 *   addin/            the add-in's static site for --public-url (dist/web,
 *                     its manifest pointing there); without a URL none, and
 *                     a line saying why
 *   УНШИХ.md          what each part is, for whom, how to start it
 *                     (Mongolian, then English; scripts/release-readme.md)
 *   SHA256SUMS        every file's SHA-256 (`sha256sum -c SHA256SUMS`)
 *
 * It builds first (webpack: the add-in and the page, then the command
 * line); `--no-build` assembles from dist/ as it is.
 */
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const { version } = require('../package.json');

const releaseDir = (v = version) => path.join(ROOT, 'release', `unelgee-${v}`);

/** The Windows launcher (CRLF): Node from the PATH runs the file beside it. */
const LAUNCHER_CMD = [
  '@echo off',
  'rem Unelgee: the command line. Needs Node.js 18 or newer on the PATH.',
  'where node >nul 2>nul || (echo unelgee: Node.js 18 or newer is needed: https://nodejs.org 1>&2 & exit /b 2)',
  'node "%~dp0unelgee.cjs" %*',
  '',
].join('\r\n');

/** The sh launcher: Node from the PATH runs the file beside it (through a symlink too). */
const LAUNCHER_SH = [
  '#!/bin/sh',
  '# Үнэлгээ: the command line. Needs Node.js 18 or newer on the PATH.',
  'command -v node >/dev/null 2>&1 || { echo "unelgee: Node.js 18 or newer is needed: https://nodejs.org" >&2; exit 2; }',
  'here=$(dirname "$(readlink -f "$0" 2>/dev/null || echo "$0")")',
  'exec node "$here/unelgee.cjs" "$@"',
  '',
].join('\n');

function parseArgs(argv) {
  const options = { publicUrl: null, build: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--public-url') options.publicUrl = argv[++i] ?? '';
    else if (arg.startsWith('--public-url=')) options.publicUrl = arg.slice('--public-url='.length);
    else if (arg === '--no-build') options.build = false;
    else throw new Error(`unknown argument: ${arg} (npm run release -- [--public-url https://server/path/] [--no-build])`);
  }
  if (options.publicUrl !== null && !/^https:\/\/[^/]+/.test(options.publicUrl)) {
    throw new Error(`--public-url must be an https:// address (Office loads add-ins over https only), not "${options.publicUrl}"`);
  }
  return options;
}

function webpack(args) {
  const cli = require.resolve('webpack-cli/bin/cli.js');
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`webpack ${args.join(' ')} failed (exit ${run.status})`);
}

function build(publicUrl) {
  webpack(['--mode', 'production', ...(publicUrl ? ['--env', `publicUrl=${publicUrl}`] : [])]);
  webpack(['--config', 'webpack.cli.config.js']);
}

/** Every file under dir, relative, with forward slashes, sorted. */
function filesUnder(dir, base = dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name), base) : [path.relative(base, path.join(dir, entry.name)).split(path.sep).join('/')]))
    .sort();
}

/** sha256sum's format: "<hex>  <path>" per file. */
function sha256sums(dir) {
  return filesUnder(dir)
    .filter((file) => file !== 'SHA256SUMS')
    .map((file) => `${crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, file))).digest('hex')}  ${file}`)
    .join('\n')
    .concat('\n');
}

function readme(publicUrl) {
  const template = fs.readFileSync(path.join(__dirname, 'release-readme.md'), 'utf8');
  const addin = publicUrl
    ? { mn: `\`addin/\` — ${publicUrl} хаягт байрлуулах нэмэлтийн сайт (manifest.xml нь тэр хаягийг заана).`, en: `\`addin/\` — the add-in's site for ${publicUrl} (its manifest.xml points there).` }
    : {
        mn: 'Энэ хувилбарт `addin/` алга: нэмэлтийн сайтыг байрлуулах https хаяг өгөөгүй. `npm run release -- --public-url https://…/` гэж гаргана.',
        en: 'This release has no `addin/`: it was made without the https address the add-in would be served from (`npm run release -- --public-url https://…/`).',
      };
  return template.replace(/\{version\}/g, version).replace('{addin.mn}', addin.mn).replace('{addin.en}', addin.en);
}

/** Assembles the folder from dist/ (built before); returns its path. */
function assemble({ publicUrl, out = releaseDir(), log = console.log }) {
  const need = [path.join(DIST, 'unelgee.html'), path.join(DIST, 'cli', 'unelgee.cjs')];
  for (const file of need) if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: build first (npm run release without --no-build)`);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(path.join(out, 'cli'), { recursive: true });
  fs.copyFileSync(path.join(DIST, 'unelgee.html'), path.join(out, 'unelgee.html'));
  fs.copyFileSync(path.join(DIST, 'cli', 'unelgee.cjs'), path.join(out, 'cli', 'unelgee.cjs'));
  fs.writeFileSync(path.join(out, 'cli', 'unelgee.cmd'), LAUNCHER_CMD);
  fs.writeFileSync(path.join(out, 'cli', 'unelgee'), LAUNCHER_SH, { mode: 0o755 });
  fs.chmodSync(path.join(out, 'cli', 'unelgee'), 0o755);
  if (publicUrl) {
    // The site's manifest must name this address (built with it): a --no-build over another build would ship the wrong one.
    const manifest = fs.readFileSync(path.join(DIST, 'web', 'manifest.xml'), 'utf8');
    if (!manifest.includes(`DefaultValue="${publicUrl.replace(/\/?$/, '/')}taskpane.html"`)) {
      throw new Error(`dist/web/manifest.xml was not built for ${publicUrl}: run npm run release -- --public-url ${publicUrl} (without --no-build)`);
    }
    fs.cpSync(path.join(DIST, 'web'), path.join(out, 'addin'), { recursive: true });
    log(`addin/: the add-in's site for ${publicUrl}`);
  } else {
    log('addin/: not made — no --public-url given; the add-in must be served over https from an address its manifest names (npm run release -- --public-url https://server/path/).');
  }
  fs.writeFileSync(path.join(out, 'УНШИХ.md'), readme(publicUrl));
  fs.writeFileSync(path.join(out, 'SHA256SUMS'), sha256sums(out));
  return out;
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.build) build(options.publicUrl);
  const out = assemble({ publicUrl: options.publicUrl });
  const size = (file) => `${(fs.statSync(path.join(out, file)).size / 1e6).toFixed(2)} MB`;
  console.log(`\n${path.relative(ROOT, out)}/: unelgee.html ${size('unelgee.html')}, cli/unelgee.cjs ${size('cli/unelgee.cjs')}; ${filesUnder(out).length} files, listed in SHA256SUMS`);
}

module.exports = { assemble, sha256sums, filesUnder, parseArgs, releaseDir, version };

if (require.main === module) {
  try {
    main();
  } catch (e) {
    console.error(`npm run release: ${e.message}`);
    process.exit(1);
  }
}
