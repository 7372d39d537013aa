// A roll-up plan (planRollup's workbook) of two fixtures and a file "not
// read", for the adapter's tests of putting a roll-up into the open
// workbook; `extraFindings` more findings make its findings sheet larger.

import { analyzeWorkbook, cellAddress, getProfile, planRollup, rollupRows, type RollupFinding, type RollupRow, type WorkbookPlan } from '../../src/core';
import { rollupWords } from '../../src/i18n/rollup';
import { FIXTURE_NAMES, fixtureSheets } from './fixtures';
import { MN } from './words';

/** The roll-up of two fixtures and one file "not read". */
export async function rollupPlan(extraFindings = 0): Promise<WorkbookPlan> {
  const rows: RollupRow[] = [];
  const findings: RollupFinding[] = [];
  for (const name of FIXTURE_NAMES.slice(0, 2)) {
    const sheets = await fixtureSheets(name);
    const analysis = analyzeWorkbook(sheets, { words: MN });
    const fileRows = rollupRows(`${name}.xlsx`, sheets, analysis);
    rows.push(...fileRows);
    for (const f of analysis.findings) findings.push({ file: `${name}.xlsx`, label: fileRows[0].label, sheet: f.sheet, cell: f.cell, code: f.code, severity: f.severity, message: f.message });
  }
  for (let i = 0; i < extraFindings; i++) findings.push({ ...findings[i % findings.length], cell: cellAddress(i, 7) });
  const links = Object.fromEntries([...FIXTURE_NAMES.slice(0, 2), 'broken'].map((n) => [`${n}.xlsx`, `reports/${n}.xlsx`]));
  const notRead = [{ file: 'broken.xlsx', reason: { mn: 'эвдэрсэн файл', en: 'damaged file' } }];
  return planRollup({ rows, findings, notRead, links }, getProfile('practice'), rollupWords('mn')).workbook;
}

