// Compute on an annex 8 workbook, through the command line: headless
// LibreOffice recalculates every formula it wrote to the figures it reported.
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { annex8Rows } from '../support/annex8';
import { readWorkbook } from '../support/fixtures';
import { recalculate } from '../support/libreoffice';

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'unelgee-a8-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const valueOf = (v: ExcelJS.CellValue): unknown => (v && typeof v === 'object' && 'result' in v ? (v as ExcelJS.CellFormulaValue).result : v);

it('an annex 8 sheet computed by the CLI recalculates in LibreOffice to the figures it reported', async () => {
  const input = path.join(tmp, 'annex8.xlsx');
  const output = path.join(tmp, 'annex8.computed.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('8-р хавсралт');
  const { rows, at } = annex8Rows();
  rows.forEach((r) => ws.addRow(r));
  await wb.xlsx.writeFile(input);

  let json = '';
  await main(['compute', input, '-o', output, '--json'], { out: (s) => (json = s), err: () => undefined });
  const j = JSON.parse(json);
  expect(j.after.findings).toEqual([]);
  const written: string[] = j.written.filter((c: string) => c.startsWith('8-р хавсралт!'));
  expect(written).toContain(`8-р хавсралт!C${at.total + 1}`);

  const ours = (await readWorkbook(output)).getWorksheet('8-р хавсралт')!;
  const theirs = (await readWorkbook(await recalculate(output))).getWorksheet('8-р хавсралт')!;
  for (const ref of written) {
    const cell = ref.split('!')[1];
    expect([cell, valueOf(theirs.getCell(cell).value)]).toEqual([cell, valueOf(ours.getCell(cell).value)]);
  }
  expect(valueOf(theirs.getCell(`C${at.total + 1}`).value)).toBe(89.7);
  expect(valueOf(theirs.getCell(`D${at.stated1 + 1}`).value)).toBe(69.5);
});
