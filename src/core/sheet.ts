// The sheet as the engine sees it: a rectangle of cells read from Excel or an
// .xlsx file, with number formats, formulas and merged areas. Hosts fill it;
// the engine only reads it.

export type CellValue = string | number | boolean | null;

/** A rectangle of cells, 0-based and inclusive. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * A sheet as hosts hand it to the engine. The arrays may be sparse: a row
 * may be missing (a hole, or undefined) and rows may differ in length;
 * whatever is missing is empty. Hosts never pad them to a rectangle, so a
 * sheet with one value at XFD1048576 costs one row, not a billion cells.
 */
export interface Sheet {
  name: string;
  /** Absolute 0-based row and column of values[0][0] (Excel's used range need not start at A1). */
  startRow: number;
  startCol: number;
  /**
   * Cell values: numbers, strings, booleans; null, '' or missing for empty.
   * Dates arrive as Excel serial numbers (with a date number format); error
   * values as their text ("#DIV/0!"). A formula cell holds its cached result,
   * or null when the file has none.
   */
  values: CellValue[][];
  /** Number formats, same layout as values; missing means "General". */
  numberFormats?: (string | null)[][];
  /** Formulas ('=…') or null/'' where the cell holds a plain value; same layout as values. */
  formulas?: (string | null)[][];
  merges: Area[];
}

export interface CellRef {
  row: number;
  col: number;
}

/** Column index (0-based) to letters: 0 → A, 27 → AB. */
export function columnLetter(col: number): string {
  let letters = '';
  let remaining = col + 1;
  while (remaining > 0) {
    const digit = (remaining - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    remaining = Math.floor((remaining - 1) / 26);
  }
  return letters;
}

/** Letters to 0-based column index: A → 0, AB → 27. */
export function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

/** 0-based row/col → "H8". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** "H8" → {row: 7, col: 7}; also accepts "$H$8" and "Sheet!H8". */
export function parseAddress(address: string): CellRef {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const match = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(bare.trim());
  if (!match) throw new Error(`Not a cell address: ${address}`);
  return { row: Number(match[2]) - 1, col: columnIndex(match[1]) };
}

/** "A1:C3" (or a single cell) → Area. */
export function parseArea(address: string): Area {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [startAddress, endAddress] = bare.split(':');
  const start = parseAddress(startAddress);
  const end = endAddress ? parseAddress(endAddress) : start;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

export function areaAddress(area: Area): string {
  const first = cellAddress(area.top, area.left);
  return area.top === area.bottom && area.left === area.right ? first : `${first}:${cellAddress(area.bottom, area.right)}`;
}

/** Quote a sheet name for a formula reference: 'Тайлан'!H8. */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Merged areas up to this many cells are indexed cell by cell; larger ones by bands of rows. */
const SMALL_MERGE = 4096;
const BAND = 1024;

/**
 * Read access to a Sheet by absolute coordinates, with merged areas resolved:
 * a cell inside a merged area reads as empty except its top-left (master)
 * cell, which is what Excel shows and what `masterOf` points to. Works on
 * sparse sheets: loops over a row should stop at `lastColIn(row)`.
 */
export class SheetGrid {
  readonly sheet: Sheet;
  readonly firstRow: number;
  readonly firstCol: number;
  readonly lastRow: number;
  readonly lastCol: number;
  private readonly mergeAt = new Map<number, Area>();
  private readonly largeMerges = new Map<number, Area[]>();

  constructor(sheet: Sheet) {
    this.sheet = sheet;
    this.firstRow = sheet.startRow;
    this.firstCol = sheet.startCol;
    // reduce skips holes: a sparse sheet costs its rows, not its extent.
    const width = sheet.values.reduce((widest, rowValues) => (rowValues ? Math.max(widest, rowValues.length) : widest), 0);
    this.lastRow = sheet.startRow + sheet.values.length - 1;
    this.lastCol = sheet.startCol + width - 1;
    for (const merge of sheet.merges) {
      if ((merge.bottom - merge.top + 1) * (merge.right - merge.left + 1) <= SMALL_MERGE) {
        for (let row = merge.top; row <= merge.bottom; row++) {
          for (let column = merge.left; column <= merge.right; column++) this.mergeAt.set(this.key(row, column), merge);
        }
      } else {
        for (let band = Math.floor(merge.top / BAND); band <= Math.floor(merge.bottom / BAND); band++) {
          const list = this.largeMerges.get(band);
          if (list) list.push(merge);
          else this.largeMerges.set(band, [merge]);
        }
      }
    }
  }

  get name(): string {
    return this.sheet.name;
  }

  private key(row: number, col: number): number {
    return row * 16384 + col;
  }

  /** The raw value stored at the cell (null when outside the used range or empty). */
  value(row: number, col: number): CellValue {
    const rowValues = this.sheet.values[row - this.firstRow];
    if (!rowValues) return null;
    const value = rowValues[col - this.firstCol];
    return value === undefined || value === '' ? null : value;
  }

  /**
   * A formula cell has a computed value stored: any value, the empty text of
   * a formula that gives "" included. False only where the host had none
   * (a file written by a generator that does not calculate).
   */
  hasCachedValue(row: number, col: number): boolean {
    const value = this.sheet.values[row - this.firstRow]?.[col - this.firstCol];
    return value !== null && value !== undefined;
  }

  /** The last column a row may hold a value in (before firstCol when the row is empty or missing). */
  lastColIn(row: number): number {
    const rowValues = this.sheet.values[row - this.firstRow];
    return this.firstCol + (rowValues ? rowValues.length : 0) - 1;
  }

  numberFormat(row: number, col: number): string {
    const rowFormats = this.sheet.numberFormats?.[row - this.firstRow];
    const format = rowFormats?.[col - this.firstCol];
    return format ?? 'General';
  }

  formula(row: number, col: number): string | null {
    const rowFormulas = this.sheet.formulas?.[row - this.firstRow];
    const formula = rowFormulas?.[col - this.firstCol];
    return typeof formula === 'string' && formula.startsWith('=') ? formula : null;
  }

  /** The merged area containing the cell, if any. */
  mergeOf(row: number, col: number): Area | undefined {
    const merge = this.mergeAt.get(this.key(row, col));
    if (merge || this.largeMerges.size === 0) return merge;
    for (const largeMerge of this.largeMerges.get(Math.floor(row / BAND)) ?? []) {
      if (row >= largeMerge.top && row <= largeMerge.bottom && col >= largeMerge.left && col <= largeMerge.right) return largeMerge;
    }
    return undefined;
  }

  /** True for a cell covered by a merged area but not its top-left cell. */
  isMergedSlave(row: number, col: number): boolean {
    const merge = this.mergeOf(row, col);
    return !!merge && (merge.top !== row || merge.left !== col);
  }

  /** The value Excel displays for the cell: a merged area shows its master's value everywhere. */
  shownValue(row: number, col: number): CellValue {
    const merge = this.mergeOf(row, col);
    return merge ? this.value(merge.top, merge.left) : this.value(row, col);
  }

  isEmpty(row: number, col: number): boolean {
    const value = this.value(row, col);
    return value === null || (typeof value === 'string' && value.trim() === '');
  }
}
