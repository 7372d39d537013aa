// Range.hyperlink in the fake Excel: a plain function over the model, called
// by the range proxy (range.ts) when its action runs. Pure TypeScript.

import type { Area } from '../core';
import { HYPERLINKS_LIMIT } from './api';
import { FakeOfficeError } from './errors';
import type { SheetModel } from './model';

/** What Range.hyperlink takes (Excel.RangeHyperlink): an address or a place in the workbook, and the text to show. */
export interface HyperlinkInput {
  address?: string;
  documentReference?: string;
  textToDisplay?: string;
  screenTip?: string;
}

/**
 * Range.hyperlink (ExcelApi 1.7): every cell of the range links to the
 * address (or a place in the workbook); textToDisplay becomes the text of
 * its top-left cell. A sheet holds at most 65,530 hyperlinks (Excel specifications and
 * limits, api.ts HYPERLINKS_LIMIT).
 */
export function setHyperlink(sheet: SheetModel, area: Area, link: HyperlinkInput): void {
  const target = link?.address ?? (link?.documentReference ? `#${link.documentReference}` : '');
  if (!target) throw new FakeOfficeError('InvalidArgument', 'A hyperlink needs an address or a document reference.');
  let count = sheet.linkCount;
  for (let row = area.top; row <= area.bottom; row++) for (let column = area.left; column <= area.right; column++) if (!sheet.get(row, column)?.link) count++;
  if (count > HYPERLINKS_LIMIT) throw new FakeOfficeError('InvalidOperation', `A worksheet holds at most ${HYPERLINKS_LIMIT} hyperlinks.`);
  for (let row = area.top; row <= area.bottom; row++) {
    for (let column = area.left; column <= area.right; column++) {
      sheet.edit(row, column, (cell) => {
        cell.link = target;
        // "the string that is displayed in the top left most cell in the range" (RangeHyperlink.textToDisplay).
        if (link.textToDisplay !== undefined && row === area.top && column === area.left) {
          cell.v = link.textToDisplay;
          cell.f = null;
        }
      });
    }
  }
}
