// Sums the recalculation-agreement checks the tests logged (test/support/agreement.ts):
//   UNELGEE_AGREEMENT_TALLY=/tmp/tally.jsonl npx jest … && node scripts/agreement-tally.js /tmp/tally.jsonl
// prints, per test file and in all, the workbooks checked, the formulas compared and the disagreements,
// and the parts the schema check validated (test/support/schema.ts).
const fs = require('fs');

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/agreement-tally.js TALLY.jsonl');
  process.exit(2);
}
const byTest = new Map();
const schema = { parts: 0, problems: 0 };
for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const r = JSON.parse(line);
  if (r.schemaParts !== undefined) {
    schema.parts += r.schemaParts;
    schema.problems += r.schemaProblems;
    continue;
  }
  const t = byTest.get(r.test) ?? { files: 0, checked: 0, differ: 0 };
  t.files++;
  t.checked += r.checked;
  t.differ += r.differ;
  byTest.set(r.test, t);
}
const all = { files: 0, checked: 0, differ: 0 };
for (const [test, t] of [...byTest].sort()) {
  console.log(`${test.padEnd(36)} ${String(t.files).padStart(5)} workbooks ${String(t.checked).padStart(7)} formulas ${String(t.differ).padStart(4)} disagreements`);
  for (const k of Object.keys(all)) all[k] += t[k];
}
console.log(`${'all'.padEnd(36)} ${String(all.files).padStart(5)} workbooks ${String(all.checked).padStart(7)} formulas ${String(all.differ).padStart(4)} disagreements`);
if (schema.parts > 0) console.log(`schema check: ${schema.parts} parts validated, ${schema.problems} problems`);
process.exit(all.differ > 0 || schema.problems > 0 ? 1 : 0);
