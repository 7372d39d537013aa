// What a range reads of its cells, and clears of them, as plain functions
// over the sheet model: the used area, the formula cells as areas, the cell
// properties Range.getCellProperties answers, Range.clear. FakeRange
// (range.ts) calls them when its action runs. Pure TypeScript.

import type { Area } from '../core';
import { formatRange } from './addresses';
import type { SheetModel } from './model';

/** Range.getCellProperties' options the fake answers (ExcelApi 1.9, CellPropertiesLoadOptions). */
export interface CellPropertiesOptions {
  address?: boolean;
  hyperlink?: boolean;
  format?: {
    font?: { bold?: boolean };
    fill?: { color?: boolean; pattern?: boolean };
    wrapText?: boolean;
    verticalAlignment?: boolean;
    borders?: { style?: boolean; weight?: boolean };
  };
}

/** A cell's edges as CellBorderCollection gives them (top, bottom, left, right: style and weight). */
function cellBorders(border: Partial<Record<'top' | 'bottom' | 'left' | 'right', string>> | null): Record<string, { style: string; weight: string }> {
  const out: Record<string, { style: string; weight: string }> = {};
  for (const edge of ['top', 'bottom', 'left', 'right'] as const) {
    const [style, weight] = (border?.[edge] ?? 'None Thin').split(' ');
    out[edge] = { style, weight };
  }
  return out;
}

/** The area of the cells in `area` that hold something (with valuesOnly, a value or a formula), or null. */
export function usedWithin(sheet: SheetModel, area: Area, valuesOnly: boolean): Area | null {
  let used: Area | null = null;
  for (const [key, cell] of sheet.cells) {
    const row = Math.floor(key / 16384);
    const column = key % 16384;
    if (row < area.top || row > area.bottom || column < area.left || column > area.right) continue;
    const hasValue = (cell.v !== null && cell.v !== '') || !!cell.f;
    if (valuesOnly && !hasValue) continue;
    used = used ? { top: Math.min(used.top, row), left: Math.min(used.left, column), bottom: Math.max(used.bottom, row), right: Math.max(used.right, column) } : { top: row, left: column, bottom: row, right: column };
  }
  return used;
}

/** The formula cells of `area`, as column runs of consecutive rows (Range.getSpecialCellsOrNullObject(Formulas)). */
export function formulaAreas(sheet: SheetModel, area: Area): Area[] {
  const cells: { row: number; column: number }[] = [];
  for (const [key, cell] of sheet.cells) {
    const row = Math.floor(key / 16384);
    const column = key % 16384;
    if (cell.f && row >= area.top && row <= area.bottom && column >= area.left && column <= area.right) cells.push({ row, column });
  }
  // Column runs of consecutive rows, as rectangles.
  cells.sort((first, second) => first.column - second.column || first.row - second.row);
  const areas: Area[] = [];
  for (const position of cells) {
    const last = areas[areas.length - 1];
    if (last && last.left === position.column && last.bottom === position.row - 1) last.bottom = position.row;
    else areas.push({ top: position.row, left: position.column, bottom: position.row, right: position.column });
  }
  return areas;
}

/** Range.getCellProperties (ExcelApi 1.9): the properties `options` asks for, cell by cell. */
export function cellProperties(sheet: SheetModel, area: Area, options: CellPropertiesOptions): unknown[][] {
  const out: unknown[][] = [];
  for (let row = area.top; row <= area.bottom; row++) {
    const rowProperties: unknown[] = [];
    for (let column = area.left; column <= area.right; column++) {
      const cell = sheet.get(row, column);
      const properties: Record<string, unknown> = {};
      if (options.address) properties.address = formatRange(sheet.name, { top: row, left: column, bottom: row, right: column });
      const formatProperties: Record<string, unknown> = {};
      if (options.format?.font?.bold) formatProperties.font = { bold: cell?.b ?? false };
      const fill: Record<string, unknown> = {};
      if (options.format?.fill?.color) fill.color = cell?.fill ?? '#FFFFFF';
      if (options.format?.fill?.pattern) fill.pattern = cell?.fill ? 'Solid' : 'None';
      if (Object.keys(fill).length > 0) formatProperties.fill = fill;
      if (options.format?.wrapText) formatProperties.wrapText = cell?.wrap ?? false;
      if (options.format?.verticalAlignment) formatProperties.verticalAlignment = cell?.vAlign ?? 'Bottom';
      if (options.format?.borders) formatProperties.borders = cellBorders(cell?.border ?? null);
      if (Object.keys(formatProperties).length > 0) properties.format = formatProperties;
      // A link to a place in the workbook is a document reference (RangeHyperlink.documentReference), not an address.
      if (options.hyperlink) properties.hyperlink = cell?.link ? (cell.link.startsWith('#') ? { documentReference: cell.link.slice(1) } : { address: cell.link }) : undefined;
      rowProperties.push(properties);
    }
    out.push(rowProperties);
  }
  return out;
}

/** Range.clear: contents, formats or both (and hyperlinks with All) of the cells in `area` that hold anything. */
export function clearCells(sheet: SheetModel, area: Area, applyTo: string): void {
  for (const [key] of [...sheet.cells]) {
    const row = Math.floor(key / 16384);
    const column = key % 16384;
    if (row < area.top || row > area.bottom || column < area.left || column > area.right) continue;
    sheet.edit(row, column, (cell) => {
      if (applyTo === 'Contents' || applyTo === 'All') {
        cell.v = null;
        cell.f = null;
        cell.q = false;
      }
      if (applyTo === 'Formats' || applyTo === 'All') {
        cell.n = 'General';
        cell.b = false;
        cell.fill = null;
        cell.wrap = false;
        cell.vAlign = null;
        cell.border = null;
      }
      if (applyTo === 'All') cell.link = null;
    });
  }
}
