// The formulas Compute writes, recalculated by another spreadsheet program,
// give the results we cached — and follow later edits.
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { FIXTURE_NAMES, fixturePath, readWorkbook } from '../support/fixtures';
import { recalculate } from '../support/libreoffice';
import { checkAgreement } from '../support/agreement';
import { SUMMARY_CELLS } from '../support/layout-cells';

const quiet = { out: () => undefined, err: () => undefined };

function resultOf(v: ExcelJS.CellValue): unknown {
  if (v && typeof v === 'object' && 'formula' in v) return (v as ExcelJS.CellFormulaValue).result ?? null;
  return v;
}

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'unelgee-lo-test-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('formulas recalculated by LibreOffice', () => {
  it('each fixture: every formula Compute wrote computes its cached result (the three in one LibreOffice run)', async () => {
    const outputs = [];
    for (const name of FIXTURE_NAMES) {
      const file = path.join(tmp, `${name}.xlsx`);
      let written: string[] = [];
      await main(['compute', fixturePath(name), '-o', file, '--json'], { out: (s) => (written = JSON.parse(s).written), err: () => undefined });
      outputs.push({ file, cells: written });
    }
    const results = await checkAgreement(outputs);
    for (const [i, name] of FIXTURE_NAMES.entries()) {
      expect([name, results[i].disagreements]).toEqual([name, []]);
      // A plan has no percents to average: its summary lists counts only.
      if (name.startsWith('plan')) expect(results[i].checked).toBe(0);
      else expect(results[i].checked).toBeGreaterThan(5);
    }
  }, 120000);

  it('the averages are live: changing a rating changes the stated average and the summary', async () => {
    const out = path.join(tmp, 'live.xlsx');
    await main(['compute', fixturePath('report-2024-aimag-admin-dept'), '-o', out], quiet);
    const wb = await readWorkbook(out);
    wb.getWorksheet('Тайлан')!.getCell('H8').value = 0; // was 100: 42 ratings, sum drops by 100
    const edited = path.join(tmp, 'live-edited.xlsx');
    await wb.xlsx.writeFile(edited);
    const re = await readWorkbook(await recalculate(edited));
    const h99 = resultOf(re.getWorksheet('Тайлан')!.getCell('H99').value) as number;
    expect(h99).toBeCloseTo(Math.round(((95.6 * 42 - 100) / 42) * 10) / 10, 1);
    expect(resultOf(re.getWorksheet('Үнэлгээний хураангуй')!.getCell(SUMMARY_CELLS.address('average', 6)).value)).toBeCloseTo(h99, 5);
  }, 120000);
});
