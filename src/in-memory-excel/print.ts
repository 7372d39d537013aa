// The page layout rules of Excel the adapter can hit when it sets how a
// sheet prints (Worksheet.pageLayout and horizontalPageBreaks, ExcelApi
// 1.9): print titles span whole rows, a header or footer holds at most 255
// characters, a sheet holds at most 1,026 manual page breaks, margins are
// not negative. Pure functions over the sheet model; src/in-memory-excel/page-layout.ts
// queues them.

import { areaAddress, type Area } from '../core';
import { FakeOfficeError } from './errors';
import { NORMAL_MARGINS, type PageLayoutModel, type SheetModel } from './model';

/** The last column's index (XFD) and the last row's (1,048,576), 0-based. */
const LAST_COLUMN = 16383;
const LAST_ROW = 1048575;

/**
 * A header or footer string: "The length of the string MUST be less than or
 * equal to 255" ([MS-XLSB] 2.5.73 HeaderFooterString; [MS-OI29500] 2.1.651:
 * "Office requires that the length of the value for this element be less
 * than or equal to 255"). The fake counts each section on its own, the
 * file format counts all three with their &L &C &R codes: the adapter keeps
 * the whole under the limit.
 */
const HEADER_FOOTER_LIMIT = 255;

/** Excel's specifications and limits: "Page breaks: 1,026 horizontal and vertical". */
const PAGE_BREAKS_LIMIT = 1026;

const invalid = (message: string) => new FakeOfficeError('InvalidArgument', message);

/**
 * PageLayout.setPrintTitleRows: "The range must span the entire row to be
 * valid" (its doc comment). Whole rows only ("$5:$5", or a Range over every
 * column of its rows).
 */
export function setPrintTitleRows(sheet: SheetModel, area: Area): void {
  if (area.left !== 0 || area.right !== LAST_COLUMN) throw invalid(`Print titles must be whole rows, not ${areaAddress(area)}.`);
  sheet.pageLayout = { ...sheet.pageLayout, printTitleRows: { top: area.top, bottom: area.bottom } };
}

/** PageLayout.setPrintArea (ExcelApi 1.9): the range to print, on this sheet. */
export function setPrintArea(sheet: SheetModel, area: Area): void {
  if (area.bottom > LAST_ROW || area.right > LAST_COLUMN) throw invalid(`The print area ${areaAddress(area)} is outside the sheet.`);
  sheet.pageLayout = { ...sheet.pageLayout, printArea: areaAddress(area) };
}

export const HEADER_FOOTER_PARTS = ['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter'] as const;
export type HeaderFooterPart = (typeof HEADER_FOOTER_PARTS)[number];

/** HeaderFooter.leftHeader … rightFooter (ExcelApi 1.9), at most 255 characters; an empty one is no text there. */
export function setHeaderFooter(sheet: SheetModel, part: HeaderFooterPart, text: string): void {
  if (typeof text !== 'string') throw invalid(`${part} must be text.`);
  if (text.length > HEADER_FOOTER_LIMIT) throw invalid(`The text string you entered is too long (${part}: ${text.length} characters; at most ${HEADER_FOOTER_LIMIT}).`);
  const parts = { ...sheet.pageLayout.headerFooter, [part]: text };
  if (text === '') delete parts[part];
  sheet.pageLayout = { ...sheet.pageLayout, headerFooter: parts };
}

/** HeaderFooter's texts as loaded: each part, empty where none is set. */
export function headerFooterOf(sheet: SheetModel, part: HeaderFooterPart): string {
  return sheet.pageLayout.headerFooter?.[part] ?? '';
}

/** PageLayout.setPrintMargins (ExcelApi 1.9): the unit one of Points, Inches, Centimeters; margins not negative. Kept in inches. */
export function setPrintMargins(sheet: SheetModel, unit: string, margins: Record<string, number | undefined>): void {
  const perInch: Record<string, number> = { Points: 72, Inches: 1, Centimeters: 2.54 };
  if (!(unit in perInch)) throw invalid(`Margin unit ${unit}`);
  const inches: NonNullable<PageLayoutModel['margins']> = { ...sheet.pageLayout.margins };
  for (const [side, value] of Object.entries(margins)) {
    if (value === undefined) continue;
    if (!['left', 'right', 'top', 'bottom', 'header', 'footer'].includes(side)) throw invalid(`Margin ${side}`);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw invalid(`Margin ${side} ${String(value)}`);
    // Kept to a millionth of an inch, so a margin read in points and set again is the same margin.
    inches[side as keyof typeof inches] = Math.round((value / perInch[unit]) * 1e6) / 1e6;
  }
  sheet.pageLayout = { ...sheet.pageLayout, margins: inches };
}

/** PageLayout.leftMargin … footerMargin (ExcelApi 1.9): "in points"; Excel's Normal margins where none were set. */
export function marginPoints(sheet: SheetModel, side: keyof typeof NORMAL_MARGINS): number {
  const inches = sheet.pageLayout.margins?.[side] ?? NORMAL_MARGINS[side];
  return Math.round(inches * 72 * 1e6) / 1e6;
}

/** PageBreakCollection.removePageBreaks: "Resets all manual page breaks in the collection." */
export function removeRowBreaks(sheet: SheetModel): void {
  const rest = { ...sheet.pageLayout };
  delete rest.rowBreaks;
  sheet.pageLayout = rest;
}

/** The manual page breaks, in order: each the row (0-based) a new page starts at. */
export function rowBreaksOf(sheet: SheetModel): number[] {
  return [...(sheet.pageLayout.rowBreaks ?? [])];
}

/** PageBreakCollection.add: "Adds a page break before the top-left cell of the range specified"; at most 1,026 a sheet. */
export function addRowBreak(sheet: SheetModel, area: Area): void {
  const breaks = sheet.pageLayout.rowBreaks ?? [];
  if (breaks.includes(area.top)) return;
  if (breaks.length >= PAGE_BREAKS_LIMIT) throw invalid(`A sheet holds at most ${PAGE_BREAKS_LIMIT} page breaks.`);
  sheet.pageLayout = { ...sheet.pageLayout, rowBreaks: [...breaks, area.top].sort((a, b) => a - b) };
}
