// A new workbook holding one whole sheet the engine planned (next year's
// plan, made from a report, is a file of its own): the smallest new package
// (createXlsx) with its one sheet, then that sheet written over as every
// whole sheet is (writeXlsx: merged areas, borders, wrap, input rules, A4).

import type { SheetPlan } from '../core';
import { createXlsx } from './create';
import { readXlsx } from './reader';
import { writeXlsx } from './writer';

/** The bytes of a new .xlsx whose only sheet is `sheet`. `modified` stamps its parts (the same day, the same bytes). */
export function newWorkbookOf(sheet: SheetPlan, options: { modified?: Date } = {}): Uint8Array {
  const empty = createXlsx({ sheets: [{ name: sheet.name, cells: [], columnWidths: [], frozenRows: 0, links: [] }] }, options);
  return writeXlsx(readXlsx(empty), { sheets: [], summary: null, addedSheets: [{ ...sheet, replaces: true }], skipped: [], writtenCells: [] });
}
