// The opened workbook into the fake Excel, a slice at a time: the same cells
// FakeExcel's constructor makes from FakeWorkbookData (values, formulas,
// number formats, merged areas, visibility, protection), built from the
// engine's sheets as the worker sent them, letting the page's other work
// in (input, paint) every few milliseconds — a 20,000-row sheet never holds
// the page's thread for long.

import type { CellValue } from '../core';
import { FakeExcel, type FakeExcelOptions } from '../in-memory-excel/excel';
import type { OpenedBook } from './book';

export type Pause = () => Promise<void>;

/** A new task: the browser handles input and paints in between. */
const nextTask: Pause = () =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

export async function buildFake(book: OpenedBook, options: FakeExcelOptions, pause: Pause = nextTask, sliceMs = 30): Promise<FakeExcel> {
  const fake = new FakeExcel({ sheets: [], protected: book.workbookProtected }, options);
  let since = Date.now();
  for (const opened of book.sheets) {
    const sheetData = opened.sheet;
    const sheet = fake.model.addSheet(opened.name, opened.state === 'visible' ? 'Visible' : opened.state === 'hidden' ? 'Hidden' : 'VeryHidden');
    sheet.protected_ = opened.protected;
    const firstRow = sheetData.startRow;
    const firstColumn = sheetData.startCol;
    for (let i = 0; i < sheetData.values.length; i++) {
      const row: CellValue[] | undefined = sheetData.values[i];
      if (!row) continue;
      const formulas = sheetData.formulas?.[i];
      const formats = sheetData.numberFormats?.[i];
      for (let j = 0; j < row.length; j++) {
        const value = row[j];
        const formula = formulas?.[j];
        const format = formats?.[j];
        const hasFormula = typeof formula === 'string' && formula.startsWith('=');
        if ((value === null || value === undefined || value === '') && !hasFormula && !format) continue;
        sheet.edit(firstRow + i, firstColumn + j, (cell) => {
          cell.v = hasFormula ? null : value === '' || value === undefined ? null : value;
          cell.f = hasFormula ? formula : null;
          if (format) cell.n = format;
        });
      }
      if ((i & 255) === 255 && Date.now() - since > sliceMs) {
        await pause();
        since = Date.now();
      }
    }
    sheet.merges = sheetData.merges.map((m) => ({ ...m }));
  }
  const active = fake.model.sheets.find((s) => s.visibility === 'Visible');
  if (active) fake.model.activeId = active.id;
  return fake;
}
