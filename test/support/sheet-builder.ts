// Small sheets built in code for engine tests.
import { parseAddress, parseArea, type CellValue, type Sheet } from '../../src/core/sheet';

export interface BuildOptions {
  name?: string;
  merges?: string[];
  /** Number formats by A1 address. */
  formats?: Record<string, string>;
  /** Formulas by A1 address. */
  formulas?: Record<string, string>;
}

export function sheetOf(rows: CellValue[][], opts: BuildOptions = {}): Sheet {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const values = rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]);
  const numberFormats = values.map((r) => r.map(() => null as string | null));
  const formulas = values.map((r) => r.map(() => null as string | null));
  for (const [addr, fmt] of Object.entries(opts.formats ?? {})) {
    const { row, col } = parseAddress(addr);
    numberFormats[row][col] = fmt;
  }
  for (const [addr, f] of Object.entries(opts.formulas ?? {})) {
    const { row, col } = parseAddress(addr);
    formulas[row][col] = f;
  }
  return {
    name: opts.name ?? 'Sheet1',
    startRow: 0,
    startCol: 0,
    values,
    numberFormats,
    formulas,
    merges: (opts.merges ?? []).map(parseArea),
  };
}

/** The header of the common report form (domain.md §1). */
export const REPORT_HEADER: CellValue[] = [
  'Д/д',
  'Арга хэмжээ',
  'Шалгуур үзүүлэлт',
  'Суурь түвшин',
  'Зорилтот түвшин',
  'Хүрсэн түвшин',
  'Хувь',
];
