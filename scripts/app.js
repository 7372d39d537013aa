#!/usr/bin/env node
// npm run app: the web page (dist/web/app.html) for one person, on this
// machine only (127.0.0.1). Builds first when dist/web/app.html is missing.
// Plain Node, no package: a static server for dist/web with a Content
// Security Policy that lets the page reach nothing but this server, sending
// scripts and pages compressed (brotli or gzip, as the browser accepts: the
// copies `npm run build` writes beside them, else compressed here once).
//
//   npm run app                 http://127.0.0.1:8080/ (the next free port if taken)
//   PORT=9000 npm run app
//
// The end-to-end tests and `npm run bench:web` serve the page with the same
// function (staticServer).
'use strict';

const fs = require('fs');
const http = require('http');
const path = require('path');
const zlib = require('zlib');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..', 'dist', 'web');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Nothing but this origin: scripts, workers, fetches (the samples) and
 * images; styles inline too (Fluent UI writes its styles at run time);
 * downloads are blob: URLs of the page.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** A static server for `root`: GET and HEAD only, no directory listings, nothing outside root. */
function staticServer(root = ROOT) {
  return http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url || '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400);
      res.end();
      return;
    }
    if (pathname === '/') {
      res.writeHead(302, { location: '/app.html' });
      res.end();
      return;
    }
    const file = path.join(root, pathname);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    const type = TYPES[path.extname(file)] || 'application/octet-stream';
    const body = encoded(file, type, req.headers['accept-encoding']);
    const headers = {
      'content-type': type,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
      'content-security-policy': CSP,
      'referrer-policy': 'no-referrer',
    };
    if (body.encoding) headers['content-encoding'] = body.encoding;
    if (COMPRESSIBLE.test(type)) headers.vary = 'Accept-Encoding';
    headers['content-length'] = String(body.size);
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else if (body.bytes) res.end(body.bytes);
    else fs.createReadStream(body.file).pipe(res);
  });
}

/** Text that compresses (scripts, pages, JSON, SVG, XML); images and workbooks are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;

/** Files compressed here when the build wrote no .br or .gz beside them (the development build, a sample): by path and modification time. */
const compressedCache = new Map();

/**
 * What to send for a file: the copy the build compressed beside it (file.br
 * with brotli, file.gz with gzip — `npm run build` writes both), else one
 * compressed here once and kept, else the file itself — by what the browser
 * accepts (Accept-Encoding), brotli first.
 */
function encoded(file, type, acceptEncoding = '') {
  const size = (f) => fs.statSync(f).size;
  if (!COMPRESSIBLE.test(type)) return { file, size: size(file) };
  const accepts = (name) => new RegExp(`(^|[\\s,])${name}(?![^,]*;\\s*q=0(\\.0*)?\\s*(,|$))`).test(acceptEncoding);
  for (const [encoding, ext] of [
    ['br', '.br'],
    ['gzip', '.gz'],
  ]) {
    if (!accepts(encoding)) continue;
    if (fs.existsSync(file + ext)) return { file: file + ext, size: size(file + ext), encoding };
    const key = `${file}\n${encoding}\n${fs.statSync(file).mtimeMs}`;
    let bytes = compressedCache.get(key);
    if (!bytes) {
      const raw = fs.readFileSync(file);
      bytes = encoding === 'br' ? zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } }) : zlib.gzipSync(raw, { level: 9 });
      compressedCache.set(key, bytes);
    }
    return { bytes, size: bytes.length, encoding };
  }
  return { file, size: size(file) };
}

function listen(server, port, host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const onError = (e) => {
      server.off('listening', onListening);
      reject(e);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(server.address().port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, 'app.html'))) {
    console.log('dist/web/app.html is missing: building it (npm run build)…');
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = spawnSync(npm, ['run', 'build', '--silent'], { cwd: path.resolve(__dirname, '..'), stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status || 1);
  }
  const first = Number(process.env.PORT || 8080);
  for (let port = first; port < first + 20; port++) {
    try {
      const bound = await listen(staticServer(), port);
      console.log(`Үнэлгээ: http://127.0.0.1:${bound}/  (Ctrl+C to stop; only this computer can open it)`);
      return;
    } catch (e) {
      if (e.code !== 'EADDRINUSE' || process.env.PORT) throw e;
    }
  }
  throw new Error(`no free port from ${first}`);
}

module.exports = { staticServer, listen, CSP, ROOT };

if (require.main === module) {
  main().catch((e) => {
    console.error(`npm run app: ${e.message}`);
    process.exit(1);
  });
}
