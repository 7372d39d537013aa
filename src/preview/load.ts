// The opened workbook into the fake Excel, a slice at a time: the same cells
// FakeExcel's constructor makes from FakeWorkbookData (values, formulas,
// number formats, merged areas, visibility, protection), built from the
// engine's sheets as the worker sent them, letting the page's other work
// in (input, paint) every few milliseconds — a 20,000-row sheet never holds
// the page's thread for long.

import type { CellValue } from '../core';
import { FakeExcel, type FakeExcelOptions } from '../fake/excel';
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
    const sd = opened.sheet;
    const s = fake.model.addSheet(opened.name, opened.state === 'visible' ? 'Visible' : opened.state === 'hidden' ? 'Hidden' : 'VeryHidden');
    s.protected_ = opened.protected;
    const r0 = sd.startRow;
    const c0 = sd.startCol;
    for (let i = 0; i < sd.values.length; i++) {
      const row: CellValue[] | undefined = sd.values[i];
      if (!row) continue;
      const formulas = sd.formulas?.[i];
      const formats = sd.numberFormats?.[i];
      for (let j = 0; j < row.length; j++) {
        const v = row[j];
        const f = formulas?.[j];
        const n = formats?.[j];
        const hasF = typeof f === 'string' && f.startsWith('=');
        if ((v === null || v === undefined || v === '') && !hasF && !n) continue;
        s.edit(r0 + i, c0 + j, (e) => {
          e.v = hasF ? null : v === '' || v === undefined ? null : v;
          e.f = hasF ? f : null;
          if (n) e.n = n;
        });
      }
      if ((i & 255) === 255 && Date.now() - since > sliceMs) {
        await pause();
        since = Date.now();
      }
    }
    s.merges = sd.merges.map((m) => ({ ...m }));
  }
  const active = fake.model.sheets.find((s) => s.visibility === 'Visible');
  if (active) fake.model.activeId = active.id;
  return fake;
}
