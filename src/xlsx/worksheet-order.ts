// A worksheet's top-level elements in the order CT_Worksheet requires
// (ECMA-376 Part 1, §18.3.1.99): where to put an element the writer adds
// (a page setup, a legacy drawing for notes) so that the part stays valid,
// as splices of its text.

import type { Splice } from './edit';
import type { WorksheetScan } from './worksheet-edit';

/** CT_Worksheet's children, in schema order. */
const WORKSHEET_ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
] as const;

export type WorksheetChild = (typeof WORKSHEET_ORDER)[number];

/**
 * The splice that puts `xml` in as the worksheet's `name` element: over the
 * one there (when `replace`), else before the first element that follows it
 * in schema order, else before the root's end tag. Several splices at one
 * place keep the order they are given in (applySplices), so give them in
 * schema order.
 */
export function placeChild(text: string, scan: WorksheetScan, name: WorksheetChild, xml: string, replace = true): Splice {
  const existing = scan.top.get(name);
  if (existing && replace) return { start: existing.start, end: existing.end, text: xml };
  const after = WORKSHEET_ORDER.slice(WORKSHEET_ORDER.indexOf(name) + 1);
  let at: number | null = null;
  for (const next of after) {
    const el = scan.top.get(next);
    if (el && (at === null || el.start < at)) at = el.start;
  }
  if (at === null) at = text.lastIndexOf('</');
  return { start: at, end: at, text: xml };
}
