// How a sheet the tool writes prints (PrintSetup, plain data in the plans:
// the file writer, createXlsx and the Excel adapter apply the same), and
// the text-fitting the plans need for it: how many lines a wrapped text
// takes in a column, rows as high as their text, and manual page breaks
// that keep a form's section on one page when it fits on one.

import type { Area } from './sheet';

/** A header or footer: its three parts, in Excel's codes (&P page, &N pages, &A sheet, &D date; && is a literal &). */
export interface HeaderFooterText {
  left?: string;
  center?: string;
  right?: string;
}

/** Page margins in inches (Excel's "Normal" margins unless a plan says otherwise). */
export interface PrintMargins {
  left: number;
  right: number;
  top: number;
  bottom: number;
  header: number;
  footer: number;
}

/**
 * How a sheet prints: on A4, in an orientation, fitted to pages wide and
 * tall (0 tall: as many pages as it takes), rows repeated at the top of every
 * page (print titles), the area that prints, a header and a footer, manual
 * page breaks.
 */
export interface PrintSetup {
  paper: 'A4';
  orientation: 'portrait' | 'landscape';
  fitToWidth: number;
  fitToHeight: number;
  /** Rows (0-based, inclusive) printed at the top of every page. */
  titleRows?: { first: number; last: number };
  /** What prints (the print area); absent: everything on the sheet. */
  area?: Area;
  header?: HeaderFooterText;
  footer?: HeaderFooterText;
  /** A new page starts at each of these rows (0-based). */
  rowBreaks?: number[];
  margins: PrintMargins;
}

/** Excel's "Normal" margins (the file format's defaults: 0.7 in at the sides, 0.75 top and bottom). */
export const NORMAL_MARGINS: PrintMargins = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
/** Excel's "Narrow" margins: wide sheets on landscape pages. */
export const NARROW_MARGINS: PrintMargins = { left: 0.25, right: 0.25, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

/** A4 portrait, one page wide, as many long as it takes: the annex 8 form (and what `printA4` meant). */
export const A4_PORTRAIT: PrintSetup = { paper: 'A4', orientation: 'portrait', fitToWidth: 1, fitToHeight: 0, margins: NORMAL_MARGINS };

/** How a planned sheet prints: its `print`, else A4 portrait when it asks for `printA4`, else nothing set. */
export const printSetupOf = (plan: { print?: PrintSetup; printA4?: boolean }): PrintSetup | undefined => plan.print ?? (plan.printA4 ? A4_PORTRAIT : undefined);

/** Excel's header and footer codes need a literal & doubled. */
export const headerFooterLiteral = (text: string): string => text.replace(/&/g, '&&');

/**
 * A wide table on A4 landscape: one page wide, its header rows repeated on
 * every page, the sheet's name and the page numbers ("Хуудас &P / &N") in
 * the footer, the date printed in the header.
 */
export function landscapeTable(titleRows: { first: number; last: number }, pageNumbers: string, extra: Partial<PrintSetup> = {}): PrintSetup {
  return {
    paper: 'A4',
    orientation: 'landscape',
    fitToWidth: 1,
    fitToHeight: 0,
    titleRows,
    header: { right: '&D' },
    footer: { left: '&A', right: pageNumbers },
    margins: NARROW_MARGINS,
    ...extra,
  };
}

// ---- text in cells ---------------------------------------------------------------

/** One line of 11-point text is 15 points high (Excel's default row). */
export const LINE_POINTS = 15;

/**
 * How wide a character is in units of column width (the default font's
 * digit), from Calibri's advance widths (Carlito, its metric twin: Cyrillic
 * capitals 1.21 digits on average, small letters 1.04, bold 3 % wider; a
 * space 0.45; Latin letters 0.9 and 1.1).
 */
function charUnits(ch: string): number {
  if (ch === ' ') return 0.45;
  if (/[0-9]/.test(ch)) return 1;
  if (/[А-ЯЁӨҮ]/.test(ch)) return 1.21;
  if (/[а-яёөү]/.test(ch)) return 1.04;
  if (/[A-Z]/.test(ch)) return 1.1;
  if (/[a-z]/.test(ch)) return 0.9;
  if (/[.,;:!'|]/.test(ch)) return 0.5;
  return 0.65;
}

/** The width of a text on one line, in units of column width. */
export function textUnits(text: string, bold = false): number {
  let units = 0;
  for (const ch of text) units += charUnits(ch);
  return bold ? units * 1.03 : units;
}

/** A cell's text area is its width less its padding (Excel draws 7 pixels a unit and pads a column with 5). */
const usableUnits = (width: number) => Math.max(1, width - 0.3);

/** Lines a text takes when wrapped at whole words in a column `width` units wide (a word wider than the column takes the lines it needs). */
export function textLines(text: string, width: number, bold = false): number {
  const room = usableUnits(width);
  const space = textUnits(' ', bold);
  let total = 0;
  for (const paragraph of text.split('\n')) {
    let lines = 1;
    let used = -1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const size = textUnits(word, bold);
      if (used < 0) used = size;
      else if (used + space + size <= room) used += space + size;
      else {
        lines++;
        used = size;
      }
      if (used > room) {
        // A word wider than the column breaks where it must.
        lines += Math.ceil(used / room) - 1;
        used = used % room;
      }
    }
    total += lines;
  }
  return total;
}

/** A text cell of a planned sheet, for fitting rows to their text. */
export interface TextCell {
  row: number;
  col: number;
  value: unknown;
  bold?: boolean;
}

/**
 * Rows as high as their wrapped text: for each row holding a wrapping text
 * longer than one line, its height in points (merged areas count their
 * columns' widths together). Rows of one line are left at the default.
 */
export function fitRowHeights(cells: readonly TextCell[], widths: readonly number[], wraps: (row: number, col: number) => boolean, merges: readonly Area[] = []): { row: number; points: number }[] {
  const lines = new Map<number, number>();
  for (const cell of cells) {
    if (typeof cell.value !== 'string' || !wraps(cell.row, cell.col)) continue;
    const merged = merges.find((a) => a.top === cell.row && a.left === cell.col);
    // A merged area over several rows shares its text among them: not fitted here.
    if (merged && merged.bottom > merged.top) continue;
    const width = merged ? widths.slice(merged.left, merged.right + 1).reduce((sum, w) => sum + w, 0) : widths[cell.col] ?? 8.43;
    const count = textLines(cell.value, width, cell.bold);
    if (count > (lines.get(cell.row) ?? 1)) lines.set(cell.row, count);
  }
  return [...lines].sort((a, b) => a[0] - b[0]).map(([row, count]) => ({ row, points: count * LINE_POINTS }));
}

// ---- pages ----------------------------------------------------------------------

/** A4 in points (210 × 297 mm). */
const A4_POINTS = { short: 595.3, long: 841.9 } as const;

/** Pixels of a column `width` units wide (the default font's digit is 7 px, plus 5 px of padding), as points. */
const columnPoints = (width: number) => (width * 7 + 5) * 0.75;

/**
 * The height of one printed page in the sheet's own points: the page less
 * its margins, divided by the scale that fits the columns to the page's
 * width.
 */
export function pageHeightPoints(setup: PrintSetup, widths: readonly number[]): number {
  const landscape = setup.orientation === 'landscape';
  const pageWidth = (landscape ? A4_POINTS.long : A4_POINTS.short) - (setup.margins.left + setup.margins.right) * 72;
  const pageHeight = (landscape ? A4_POINTS.short : A4_POINTS.long) - (setup.margins.top + setup.margins.bottom) * 72;
  const sheetWidth = widths.reduce((sum, w) => sum + columnPoints(w), 0);
  const scale = setup.fitToWidth > 0 && sheetWidth > pageWidth ? pageWidth / sheetWidth : 1;
  return pageHeight / scale;
}

/** Pages the rows up to `lastRow` take at the scale that fits the columns to the page's width. */
export function estimatedPages(setup: PrintSetup, widths: readonly number[], heights: readonly { row: number; points: number }[], lastRow: number): number {
  const tall = new Map(heights.map((h) => [h.row, h.points]));
  let total = 0;
  for (let r = 0; r <= lastRow; r++) total += tall.get(r) ?? LINE_POINTS;
  return total / pageHeightPoints(setup, widths);
}

/**
 * A sheet that runs a little over one page is printed on one (fitted tall
 * as well as wide: at most a quarter smaller); a longer one runs on over as
 * many pages as it takes, at the width's scale.
 */
export function onePageWhenClose(setup: PrintSetup, widths: readonly number[], heights: readonly { row: number; points: number }[], lastRow: number): PrintSetup {
  return estimatedPages(setup, widths, heights, lastRow) <= 1.33 ? { ...setup, fitToHeight: 1 } : setup;
}

/**
 * Manual page breaks that keep each block of rows (a form's section: its
 * title, header and rows) on one page: a block that would run over the
 * page's end starts a new page, unless it is longer than a page itself (it
 * then runs on from where it is). `heightOf` gives a row's height in points.
 */
export function keepTogetherBreaks(blocks: readonly { first: number; last: number }[], heightOf: (row: number) => number, pageHeight: number): number[] {
  const breaks: number[] = [];
  let used = 0;
  let row = 0;
  const advance = (to: number) => {
    for (; row < to; row++) {
      const h = heightOf(row);
      if (used + h > pageHeight) used = 0;
      used += h;
    }
  };
  for (const block of [...blocks].sort((a, b) => a.first - b.first)) {
    advance(block.first);
    let size = 0;
    for (let r = block.first; r <= block.last; r++) size += heightOf(r);
    if (used > 0 && used + size > pageHeight && size <= pageHeight) {
      breaks.push(block.first);
      used = 0;
    }
    advance(block.last + 1);
  }
  return breaks;
}
