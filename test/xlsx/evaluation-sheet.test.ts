// The evaluation sheet written into a file: the form's merged lines, borders,
// wrap, input rules and A4 printing reach the package, the report's parts
// stay as they were but for the percents Compute fills, and headless
// LibreOffice recalculates section 1 to the report's percents × 0.70.
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { analyzeWorkbook, planEvaluationSheet } from '../../src/core';
import { EVALUATION_FORM } from '../../src/i18n/evaluation-form';
import { computeContext, readXlsx, visibleSheets, writeXlsx } from '../../src/xlsx';
import { recalculate } from '../support/libreoffice';
import { MN } from '../support/words';
import { fixtureBytes, unzip } from './corpus';

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'unelgee-eval-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const options = { words: MN, form: EVALUATION_FORM };

describe.each(['report-2024-aimag-admin-dept', 'report-2025-h1-consulting-unit'] as const)('the evaluation sheet written into %s', (name) => {
  it('carries the form, and LibreOffice recalculates section 1 to the mean of the report percents × 0.70', async () => {
    const input = fixtureBytes(name);
    const book = readXlsx(input);
    const outcome = planEvaluationSheet(visibleSheets(book), { ...options, ...computeContext(book) });
    const bytes = writeXlsx(book, outcome.plan!);
    const parts = unzip(bytes);
    const sheetPart = [...parts.keys()].filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p)).sort().pop()!;
    const xml = new TextDecoder().decode(parts.get(sheetPart)!);
    expect(xml).toMatch(/<mergeCells count="\d+">/);
    expect(xml).toMatch(/<dataValidation type="decimal"[^>]*prompt="Төсвийн шууд захирагч 0–7[^"]*"[^>]*><formula1>0<\/formula1><formula2>7<\/formula2>/);
    expect(xml).toMatch(/<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"\/>/);
    const styles = new TextDecoder().decode(parts.get('xl/styles.xml')!);
    expect(styles).toMatch(/<alignment wrapText="1" vertical="top"\/>/);
    expect(styles).toMatch(/<border><left style="thin">/);

    const file = path.join(tmp, `${name}.evaluation.xlsx`);
    await fs.writeFile(file, bytes);
    const recalculated = readXlsx(new Uint8Array(await fs.readFile(await recalculate(file))));
    const sheets = visibleSheets(recalculated);
    const a = analyzeWorkbook(sheets, { words: MN });
    // The report's own average, from its cells as recalculated: the mean of its percents.
    const report = a.sheets.flatMap((s) => s.scores).find((s) => s.tableId === outcome.reportTable)!;
    const e = a.evaluations[0];
    expect(e.sections[0].points).toBe(Math.round((report.average! * 0.7 + 1e-9) * 10) / 10);
    expect(e.sections[0].stated).toBe(e.sections[0].points);
    expect(a.findings.filter((f) => f.sheet === EVALUATION_FORM.sheetName).map((f) => f.code)).toEqual(Array(9).fill('missing-rating'));
  });
});
