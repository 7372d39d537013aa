// Points columns (annex 8 "Нийт (70 оноо)"): each row's points against its percent × weight.

import { cellAddress } from '../sheet';
import { round } from '../text';
import { parseValue } from '../values';
import type { CheckContext, ItemCheck } from './context';

/** A rated row's points cells, where the column's maximum makes them percent × weight (not the 7- and 8-point ratings). */
export function checkPoints(ctx: CheckContext, check: ItemCheck, percent: number): void {
  const grid = ctx.table.grid;
  const row = check.item.row;
  for (const column of ctx.table.info.columns) {
    if (column.role !== 'points' || column.maxPoints === undefined || column.maxPoints === 7 || column.maxPoints === 8) continue;
    const parsed = parseValue(grid.value(row, column.col), grid.numberFormat(row, column.col));
    if (parsed.kind !== 'number') continue;
    const expected = round((percent * column.maxPoints) / 100, 1);
    if (Math.abs(parsed.value - expected) > 0.05 + 1e-9) {
      // The points or the percent may be the wrong one: a judgement.
      const fix = { kind: 'review' as const, id: 'points', params: { stated: parsed.value, expected, cell: cellAddress(row, column.col) }, writes: [{ row, col: column.col, value: expected }] };
      ctx.report.add('points-mismatch', 'default', { row, col: column.col }, { item: check.name(), stated: parsed.value, expected }, { data: { stated: parsed.value, expected }, fix });
    }
  }
}
