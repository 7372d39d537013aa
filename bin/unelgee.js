#!/usr/bin/env node
// The `unelgee` command: runs the compiled CLI (npm run build:cli makes it; `npm ci` does via `prepare`).
const path = require('path');
const fs = require('fs');
const entry = path.join(__dirname, '..', 'dist', 'node', 'src', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('unelgee: not built yet — run `npm run build:cli` first.\n');
  process.exit(2);
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((e) => {
    process.stderr.write(`unelgee: ${e && e.stack ? e.stack : e}\n`);
    process.exitCode = 2;
  });
