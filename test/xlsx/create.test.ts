// A new workbook from a plan (src/xlsx/create.ts): read back by our reader
// and by exceljs (an independent one) with its values, formulas, formats,
// frozen rows, widths, links and its table; plans Excel would refuse are
// refused here.
import ExcelJS from 'exceljs';
import type { WorkbookPlan } from '../../src/core';
import { createXlsx, readXlsx } from '../../src/xlsx';
import { text, unzip } from './corpus';

const plan: WorkbookPlan = {
  sheets: [
    {
      name: 'Нэгтгэл',
      cells: [
        { row: 0, col: 0, value: 'Гарчиг', bold: true },
        { row: 1, col: 0, value: 'нэг' },
        { row: 1, col: 1, value: 85.75, numberFormat: '0.0' },
        { row: 2, col: 0, value: 'хоёр' },
        { row: 2, col: 1, value: 90, numberFormat: '0.0' },
        { row: 3, col: 1, value: 87.9, formula: '=ROUND(AVERAGE(B2:B3),1)', numberFormat: '0.0', bold: true },
        { row: 3, col: 2, value: 'B · Сайн', formula: '=IF(B4>80,"B · Сайн","")' },
        { row: 4, col: 0, value: 'a_x0041_ & <b>\u001b' },
      ],
      columnWidths: [30, 10],
      frozenRows: 1,
      links: [{ row: 1, col: 0, target: '../тайлан 1.xlsx' }],
    },
    {
      name: 'Алдаа, дутуу',
      cells: [
        { row: 0, col: 0, value: 'Файл', bold: true },
        { row: 0, col: 1, value: 'Код', bold: true },
        { row: 1, col: 0, value: 'a.xlsx' },
        { row: 1, col: 1, value: 'missing-percent' },
        { row: 2, col: 0, value: 'a.xlsx' },
        { row: 2, col: 1, value: 'numbering-gap' },
      ],
      columnWidths: [20, 20],
      frozenRows: 1,
      links: [],
      table: { name: 'Findings', top: 0, left: 0, bottom: 2, right: 1, columns: ['Файл', 'Код'] },
    },
  ],
};

describe('createXlsx', () => {
  const bytes = createXlsx(plan, { modified: new Date(2025, 0, 2, 3, 4, 6) });

  it('reads back through our reader: values, formulas with their results, number formats', () => {
    const book = readXlsx(bytes);
    expect(book.sheets.map((s) => [s.name, s.state])).toEqual([
      ['Нэгтгэл', 'visible'],
      ['Алдаа, дутуу', 'visible'],
    ]);
    const s = book.sheets[0].sheet!;
    expect(s.values[1]).toEqual(['нэг', 85.75]);
    expect(s.values[3]).toEqual([undefined, 87.9, 'B · Сайн']);
    expect(s.formulas?.[3]?.[1]).toBe('=ROUND(AVERAGE(B2:B3),1)');
    expect(s.numberFormats?.[1]?.[1]).toBe('0.0');
    expect(s.values[4][0]).toBe('a_x0041_ & <b>\u001b');
  });

  it('reads back through exceljs: bold, widths, the frozen header, the link and the table with its filter', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Нэгтгэл')!;
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getCell('A2').value).toMatchObject({ text: 'нэг', hyperlink: '../тайлан 1.xlsx' });
    const parts = unzip(bytes);
    const table = text(parts, 'xl/tables/table2.xml');
    expect(table).toContain('ref="A1:B3"');
    expect(table).toContain('<autoFilter ref="A1:B3"/>');
    expect(table).toContain('<tableColumn id="1" name="Файл"/>');
    expect(text(parts, '[Content_Types].xml')).toContain('PartName="/xl/tables/table2.xml"');
    expect(text(parts, 'xl/worksheets/sheet2.xml')).toContain('<tableParts count="1"><tablePart r:id="rId1"/></tableParts>');
    expect(text(parts, 'xl/workbook.xml')).toContain('fullCalcOnLoad="1"');
  });

  it('refuses what Excel would refuse: a bad or repeated sheet name, a table whose header cells differ from its column names', () => {
    const sheet = plan.sheets[0];
    expect(() => createXlsx({ sheets: [{ ...sheet, name: 'a/b' }] })).toThrow(/not a sheet name/);
    expect(() => createXlsx({ sheets: [sheet, { ...sheet, name: 'НЭГТГЭЛ' }] })).toThrow(/two sheets/);
    const findings = plan.sheets[1];
    expect(() => createXlsx({ sheets: [{ ...findings, table: { ...findings.table!, columns: ['Файл', 'Kod'] } }] })).toThrow(/must hold "Kod"/);
    expect(() => createXlsx({ sheets: [{ ...findings, table: { ...findings.table!, name: 'A1' } }] })).toThrow(/not a table name/);
  });
});
