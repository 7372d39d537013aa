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
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters to 0-based column index: A → 0, AB → 27. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0-based row/col → "H8". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** "H8" → {row: 7, col: 7}; also accepts "$H$8" and "Sheet!H8". */
export function parseAddress(address: string): CellRef {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(bare.trim());
  if (!m) throw new Error(`Not a cell address: ${address}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** "A1:C3" (or a single cell) → Area. */
export function parseArea(address: string): Area {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [a, b] = bare.split(':');
  const p = parseAddress(a);
  const q = b ? parseAddress(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

export function areaAddress(a: Area): string {
  const first = cellAddress(a.top, a.left);
  return a.top === a.bottom && a.left === a.right ? first : `${first}:${cellAddress(a.bottom, a.right)}`;
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
    const width = sheet.values.reduce((w, r) => (r ? Math.max(w, r.length) : w), 0);
    this.lastRow = sheet.startRow + sheet.values.length - 1;
    this.lastCol = sheet.startCol + width - 1;
    for (const m of sheet.merges) {
      if ((m.bottom - m.top + 1) * (m.right - m.left + 1) <= SMALL_MERGE) {
        for (let r = m.top; r <= m.bottom; r++) {
          for (let c = m.left; c <= m.right; c++) this.mergeAt.set(this.key(r, c), m);
        }
      } else {
        for (let b = Math.floor(m.top / BAND); b <= Math.floor(m.bottom / BAND); b++) {
          const list = this.largeMerges.get(b);
          if (list) list.push(m);
          else this.largeMerges.set(b, [m]);
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
    const r = this.sheet.values[row - this.firstRow];
    if (!r) return null;
    const v = r[col - this.firstCol];
    return v === undefined || v === '' ? null : v;
  }

  /**
   * A formula cell has a computed value stored: any value, the empty text of
   * a formula that gives "" included. False only where the host had none
   * (a file written by a generator that does not calculate).
   */
  hasCachedValue(row: number, col: number): boolean {
    const v = this.sheet.values[row - this.firstRow]?.[col - this.firstCol];
    return v !== null && v !== undefined;
  }

  /** The last column a row may hold a value in (before firstCol when the row is empty or missing). */
  lastColIn(row: number): number {
    const r = this.sheet.values[row - this.firstRow];
    return this.firstCol + (r ? r.length : 0) - 1;
  }

  numberFormat(row: number, col: number): string {
    const r = this.sheet.numberFormats?.[row - this.firstRow];
    const f = r?.[col - this.firstCol];
    return f ?? 'General';
  }

  formula(row: number, col: number): string | null {
    const r = this.sheet.formulas?.[row - this.firstRow];
    const f = r?.[col - this.firstCol];
    return typeof f === 'string' && f.startsWith('=') ? f : null;
  }

  /** The merged area containing the cell, if any. */
  mergeOf(row: number, col: number): Area | undefined {
    const m = this.mergeAt.get(this.key(row, col));
    if (m || this.largeMerges.size === 0) return m;
    for (const x of this.largeMerges.get(Math.floor(row / BAND)) ?? []) {
      if (row >= x.top && row <= x.bottom && col >= x.left && col <= x.right) return x;
    }
    return undefined;
  }

  /** True for a cell covered by a merged area but not its top-left cell. */
  isMergedSlave(row: number, col: number): boolean {
    const m = this.mergeOf(row, col);
    return !!m && (m.top !== row || m.left !== col);
  }

  /** The value Excel displays for the cell: a merged area shows its master's value everywhere. */
  shownValue(row: number, col: number): CellValue {
    const m = this.mergeOf(row, col);
    return m ? this.value(m.top, m.left) : this.value(row, col);
  }

  isEmpty(row: number, col: number): boolean {
    const v = this.value(row, col);
    return v === null || (typeof v === 'string' && v.trim() === '');
  }
}
