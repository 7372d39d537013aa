// The page layout rules of Excel the adapter can hit when it sets how a
// sheet prints (Worksheet.pageLayout and horizontalPageBreaks, ExcelApi
// 1.9): print titles span whole rows, a header or footer holds at most 255
// characters, a sheet holds at most 1,026 manual page breaks, margins are
// not negative. Pure functions over the sheet model; src/fake/excel.ts
// queues them.

import { areaAddress, type Area } from '../core';
import { FakeOfficeError } from './errors';
import type { PageLayoutModel, SheetModel } from './model';

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

export type HeaderFooterPart = 'leftHeader' | 'centerHeader' | 'rightHeader' | 'leftFooter' | 'centerFooter' | 'rightFooter';

/** HeaderFooter.leftHeader … rightFooter (ExcelApi 1.9), at most 255 characters. */
export function setHeaderFooter(sheet: SheetModel, part: HeaderFooterPart, text: string): void {
  if (typeof text !== 'string') throw invalid(`${part} must be text.`);
  if (text.length > HEADER_FOOTER_LIMIT) throw invalid(`The text string you entered is too long (${part}: ${text.length} characters; at most ${HEADER_FOOTER_LIMIT}).`);
  sheet.pageLayout = { ...sheet.pageLayout, headerFooter: { ...sheet.pageLayout.headerFooter, [part]: text } };
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
    inches[side as keyof typeof inches] = value / perInch[unit];
  }
  sheet.pageLayout = { ...sheet.pageLayout, margins: inches };
}

/** PageBreakCollection.add: "Adds a page break before the top-left cell of the range specified"; at most 1,026 a sheet. */
export function addRowBreak(sheet: SheetModel, area: Area): void {
  const breaks = sheet.pageLayout.rowBreaks ?? [];
  if (breaks.includes(area.top)) return;
  if (breaks.length >= PAGE_BREAKS_LIMIT) throw invalid(`A sheet holds at most ${PAGE_BREAKS_LIMIT} page breaks.`);
  sheet.pageLayout = { ...sheet.pageLayout, rowBreaks: [...breaks, area.top].sort((a, b) => a - b) };
}
