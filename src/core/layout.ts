// A generated sheet's columns, declared once: each column's key, width,
// header in both languages and number format, left to right (as exceljs
// declares `worksheet.columns`). Positions, widths, header rows and the place
// of a chart's data beside the table are derived from the list, so adding a
// column moves everything after it. The lists themselves live with their
// words (src/i18n), which reach the engine as data.

import type { Lang, Localized } from './localized';

/** One column of a generated sheet. */
export interface SheetColumn<Key extends string = string> {
  key: Key;
  /** In characters of the default font. */
  width: number;
  header: Localized;
  /** A number format for the column's cells, when they hold numbers. */
  format?: string;
}

/** A sheet's columns, left to right. */
export type SheetLayout<Key extends string = string> = readonly SheetColumn<Key>[];

/** Columns known by key (a layout, or a form's columns whose headers vary by section). */
type Keyed<Key extends string> = readonly { key: Key }[];

/** The 0-based column of a key. */
export function columnOf<Key extends string>(layout: Keyed<Key>, key: Key): number {
  const index = layout.findIndex((column) => column.key === key);
  if (index < 0) throw new Error(`the layout has no column "${key}"`);
  return index;
}

/** The 0-based column of every key. */
export function columnPositions<Key extends string>(layout: Keyed<Key>): Record<Key, number> {
  const positions = {} as Record<Key, number>;
  layout.forEach((column, index) => (positions[column.key] = index));
  return positions;
}

/** The number format a key's column declares (undefined when none). */
export function columnFormat<Key extends string>(layout: SheetLayout<Key>, key: Key): string | undefined {
  return layout[columnOf(layout, key)].format;
}

/** The columns' widths, from column A. */
export const layoutWidths = (layout: readonly { width: number }[]): number[] => layout.map((column) => column.width);

/** The header row's texts in a language. */
export const headerTexts = (layout: SheetLayout, lang: Lang): string[] => layout.map((column) => column.header[lang]);

/**
 * A chart's data beside a table: a few narrow empty columns after the
 * table's last, then the category (label) and value columns; the chart
 * itself is anchored one column after the values.
 */
export interface ChartBlock {
  /** Widths of the empty columns between the table and the chart's data. */
  gapWidths: readonly number[];
  categoryWidth: number;
  valueWidth: number;
}

/** Where a chart's data goes beside a layout (0-based columns), and the widths of the columns after the table's. */
export interface ChartPlace {
  category: number;
  value: number;
  /** The chart's top-left column. */
  anchor: number;
  /** Widths of the gap and the chart's data columns, to follow the table's. */
  widths: number[];
}

/** The chart's place beside a table laid out by `layout`. */
export function chartPlace(layout: SheetLayout, block: ChartBlock): ChartPlace {
  const category = layout.length + block.gapWidths.length;
  return { category, value: category + 1, anchor: category + 3, widths: [...block.gapWidths, block.categoryWidth, block.valueWidth] };
}
