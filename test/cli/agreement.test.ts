// The plan agrees with its own formulas: after Compute, a spreadsheet that
// recalculates (headless LibreOffice) shows exactly the figures the tool
// reported — with ratings typed as text, an error value, a date and a
// formula with no cached value in the percent column, and a percent cell
// merged under another.
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { readWorkbook } from '../support/fixtures';
import { recalculate } from '../support/libreoffice';
import { REPORT_HEADER } from '../support/sheet-builder';
import { SUMMARY_CELLS } from '../support/layout-cells';

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'unelgee-agree-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** Rows 2–9: what staff and generators put in a percent column (column G). */
async function awkwardReport(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Тайлан');
  ws.addRow(REPORT_HEADER);
  ws.addRow([1, 'Сургалт', 'Тоо', 1, 2, 2, 100]);
  ws.addRow([2, 'Тайлан', 'Тоо', 1, 2, 'Хоёр удаа', '90 хувь']);
  ws.addRow([3, 'Зөвлөгөө', 'Тоо', 1, 2, 'Өгсөн', '95,5']);
  ws.addRow([4, 'Хурал', 'Тоо', 1, 0, 0, null]);
  ws.getCell('G5').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
  ws.addRow([5, 'Үзлэг', 'Тоо', 1, 2, 'Хийсэн', new Date(Date.UTC(2025, 1, 1))]);
  ws.getCell('G6').numFmt = 'd-mmm';
  ws.addRow([6, 'Судалгаа', 'Тоо', 1, 4, 3, null]);
  ws.getCell('G7').value = { formula: 'F7/E7*100' } as ExcelJS.CellFormulaValue;
  ws.addRow([7, 'Гэрээ', 'Тоо', 1, 2, 'Хийгдэж байна', 70]);
  ws.addRow([8, 'Хяналт', 'Тоо', 1, 4, 'Хэсэгчлэн', null]);
  ws.mergeCells('F9:G9');
  await wb.xlsx.writeFile(file);
}

interface Reported {
  average: number | null;
  written: string[];
  codes: string[];
}

async function compute(input: string, output: string): Promise<Reported> {
  let json = '';
  await main(['compute', input, '-o', output, '--json'], { out: (s) => (json = s), err: () => undefined });
  const j = JSON.parse(json);
  return { average: j.after.scores[0].average, written: j.written, codes: j.after.findings.map((f: { code: string; cell: string }) => `${f.code}@${f.cell}`) };
}

const valueOf = (v: ExcelJS.CellValue): unknown => (v && typeof v === 'object' && 'result' in v ? (v as ExcelJS.CellFormulaValue).result : v);

describe('Compute agrees with its formulas once a spreadsheet recalculates', () => {
  it('text ratings become numbers, error/date/uncached cells stay out of the ranges, merged cells are not written', async () => {
    const input = path.join(tmp, 'awkward.xlsx');
    const output = path.join(tmp, 'awkward.computed.xlsx');
    await awkwardReport(input);
    const reported = await compute(input, output);

    // Engine: 100, 90, 95.5 and 70 are rated; the error, the date and the uncached formula are not counted.
    expect(reported.average).toBe(88.9);
    expect(reported.written.filter((c) => c.startsWith('Тайлан!'))).toEqual(['Тайлан!G3', 'Тайлан!G4', 'Тайлан!A10', 'Тайлан!G10']);
    expect(reported.codes).toEqual(
      expect.arrayContaining(['percent-invalid@G5', 'percent-invalid@G6', 'percent-uncached@G7', 'percent-merged@F9']),
    );

    const ours = (await readWorkbook(output)).getWorksheet('Тайлан')!;
    expect(ours.getCell('G3').value).toBe(90);
    expect(ours.getCell('G4').value).toBe(95.5);
    expect(ours.getCell('G7').formula).toBe('F7/E7*100');
    // G9, merged away, is empty to AVERAGE: it may stay in the range (and counts once it is unmerged and rated).
    expect(ours.getCell('G10').formula).toBe('ROUND(AVERAGE(G2:G4,G8:G9),1)');

    const recalculated = await readWorkbook(await recalculate(output));
    expect(valueOf(recalculated.getWorksheet('Тайлан')!.getCell('G10').value)).toBe(88.9);
    const summary = recalculated.worksheets.find((w) => w.name.startsWith('Үнэлгээний хураангуй'))!;
    expect(valueOf(summary.getCell(SUMMARY_CELLS.address('average', 6)).value)).toBe(88.9);
    expect(valueOf(summary.getCell(SUMMARY_CELLS.address('rated', 6)).value)).toBe(4);

    // Computing the computed file changes nothing.
    const again = await compute(output, path.join(tmp, 'awkward.twice.xlsx'));
    expect(again.written).toEqual([]);
    expect(again.average).toBe(88.9);
  });
});
