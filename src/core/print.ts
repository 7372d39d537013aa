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
const NORMAL_MARGINS: PrintMargins = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
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
export function landscapeTable(titleRows: { first: number; last: number } | undefined, pageNumbers: string, extra: Partial<PrintSetup> = {}): PrintSetup {
  return {
    paper: 'A4',
    orientation: 'landscape',
    fitToWidth: 1,
    fitToHeight: 0,
    ...(titleRows ? { titleRows } : {}),
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
 * digit): Calibri's advance widths (read from Carlito, its metric twin)
 * divided by its digit's, for the Cyrillic and Latin letters and the
 * punctuation of Mongolian reports; any other character as 1.
 */
const CYRILLIC = 'АБВГДЕЁЖЗИЙКЛМНОӨПРСТУҮФХЦЧШЩЪЫЬЭЮЯ';
const LATIN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const widthsOf = (letters: string, widths: string) => {
  const list = widths.split(',').map(Number);
  return [...letters].map((letter, i) => [letter, list[i]] as const);
};
const CHAR_UNITS = new Map<string, number>([
  ...widthsOf(CYRILLIC, '1.14,1.06,1.07,0.85,1.27,0.96,0.96,1.58,0.93,1.27,1.27,1.07,1.21,1.69,1.23,1.31,1.31,1.23,1.02,1.05,0.96,1.04,0.96,1.38,1.02,1.26,1.10,1.71,1.76,1.21,1.50,1.05,1.08,1.73,1.10'),
  ...widthsOf(CYRILLIC.toLowerCase(), '0.95,1.05,0.95,0.68,1.10,0.98,0.98,1.36,0.83,1.07,1.07,0.92,1.01,1.33,1.05,1.04,1.03,1.03,1.04,0.83,0.76,0.89,0.89,1.23,0.85,1.07,0.92,1.44,1.48,1.06,1.31,0.93,0.87,1.42,0.94'),
  ...widthsOf(LATIN, '1.14,1.07,1.05,1.21,0.96,0.91,1.24,1.23,0.50,0.63,1.03,0.83,1.69,1.27,1.31,1.02,1.33,1.07,0.91,0.96,1.27,1.12,1.76,1.02,0.96,0.92'),
  ...widthsOf(LATIN.toLowerCase(), '0.95,1.04,0.83,1.04,0.98,0.60,0.93,1.04,0.45,0.47,0.90,0.45,1.58,1.04,1.04,1.04,1.04,0.69,0.77,0.66,1.04,0.89,1.41,0.85,0.89,0.78'),
  ...widthsOf(' .,;:!?-–—()[]/"\'«»№%·', '0.45,0.5,0.49,0.53,0.53,0.64,0.91,0.6,0.98,1.79,0.6,0.6,0.61,0.61,0.76,0.79,0.44,1.01,1.01,2.02,1.41,0.5'),
]);
const charUnits = (character: string): number => CHAR_UNITS.get(character) ?? 1;

/** The width of a text on one line, in units of column width. */
export function textUnits(text: string, bold = false): number {
  let units = 0;
  for (const character of text) units += charUnits(character);
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
  for (let row = 0; row <= lastRow; row++) total += tall.get(row) ?? LINE_POINTS;
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
