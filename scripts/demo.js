#!/usr/bin/env node
// `npm run demo`: validates the bundled sample report and computes its scores
// into out/, then says where the result went.
const fs = require('fs');
const path = require('path');
const { main } = require('../dist/node/src/cli/main.js');

const sample = path.join('test', 'fixtures', 'report-2024-aimag-admin-dept.xlsx');
const output = path.join('out', 'report-2024-aimag-admin-dept.computed.xlsx');

(async () => {
  // The command line refuses to write into a folder that does not exist (a mistyped -o path must not be created silently);
  // the demo's own output folder is made here, as a user would make it.
  fs.mkdirSync(path.dirname(output), { recursive: true });
  console.log(`$ unelgee validate ${sample}\n`);
  const v = await main(['validate', sample]);
  console.log(`(exit code ${v}: ${v === 1 ? 'errors found, as expected for this sample' : v === 0 ? 'no errors' : 'cannot read'})\n`);
  console.log(`$ unelgee compute ${sample} -o ${output}\n`);
  const c = await main(['compute', sample, '-o', output]);
  if (c === 2) {
    console.log(`\nThe sample could not be computed (exit code 2): see the message above.`);
    process.exitCode = 2;
    return;
  }
  // compute exits 1 when the file still has errors: this sample has them on purpose, and the copy is written all the same.
  console.log(`\nOpen ${path.resolve(output)} in Excel or LibreOffice:`);
  console.log('the missing averages are live formulas and the "Үнэлгээний хураангуй" sheet summarises every table and group.');
  console.log(c === 1 ? 'Done: errors were found in the sample, as expected (compute exits 1 when errors are left; the demo succeeded).' : 'Done: no errors.');
  process.exitCode = 0;
})();
