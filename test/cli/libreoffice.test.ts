// The formulas Compute writes, recalculated by another spreadsheet program,
// give the results we cached — and follow later edits.
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { FIXTURE_NAMES, fixturePath, readWorkbook } from '../support/fixtures';
import { recalculate } from '../support/libreoffice';

const quiet = { out: () => undefined, err: () => undefined };

function resultOf(v: ExcelJS.CellValue): unknown {
  if (v && typeof v === 'object' && 'formula' in v) return (v as ExcelJS.CellFormulaValue).result ?? null;
  return v;
}
const same = (a: unknown, b: unknown) =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) < 1e-6 : (a ?? '') === (b ?? '');

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'unelgee-lo-test-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('formulas recalculated by LibreOffice', () => {
  it.each(FIXTURE_NAMES)('%s: every formula Compute wrote computes its cached result', async (name) => {
    const out = path.join(tmp, `${name}.xlsx`);
    const outcome = { written: [] as string[] };
    await main(['compute', fixturePath(name), '-o', out, '--json'], { out: (s) => (outcome.written = JSON.parse(s).written), err: () => undefined });
    const ours = await readWorkbook(out);
    const theirs = await readWorkbook(await recalculate(out));
    let formulas = 0;
    for (const ref of outcome.written) {
      const i = ref.lastIndexOf('!');
      const a = ours.getWorksheet(ref.slice(0, i))!.getCell(ref.slice(i + 1));
      if (!a.formula) continue;
      formulas++;
      const b = theirs.getWorksheet(ref.slice(0, i))!.getCell(ref.slice(i + 1));
      const expected = resultOf(a.value);
      const actual = resultOf(b.value);
      if (!same(expected, actual)) throw new Error(`${ref}: ${a.formula} → LibreOffice ${JSON.stringify(actual)}, ours ${JSON.stringify(expected)}`);
    }
    // A plan has no percents to average: its summary lists counts only.
    if (name.startsWith('plan')) expect(formulas).toBe(0);
    else expect(formulas).toBeGreaterThan(5);
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
    expect(resultOf(re.getWorksheet('Үнэлгээний хураангуй')!.getCell('E6').value)).toBeCloseTo(h99, 5);
  }, 120000);
});
