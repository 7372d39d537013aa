// Points columns (annex 8 "Нийт (70 оноо)"): each row's points against its percent × weight.

import { cellAddress } from '../sheet';
import { round } from '../text';
import { parseValue } from '../values';
import type { CheckContext, ItemCheck } from './context';

/** A rated row's points cells, where the column's maximum makes them percent × weight (not the 7- and 8-point ratings). */
export function checkPoints(ctx: CheckContext, check: ItemCheck, percent: number): void {
  const grid = ctx.table.grid;
  const row = check.item.row;
  for (const c of ctx.table.info.columns) {
    if (c.role !== 'points' || c.maxPoints === undefined || c.maxPoints === 7 || c.maxPoints === 8) continue;
    const v = parseValue(grid.value(row, c.col), grid.numberFormat(row, c.col));
    if (v.kind !== 'number') continue;
    const expected = round((percent * c.maxPoints) / 100, 1);
    if (Math.abs(v.value - expected) > 0.05 + 1e-9) {
      // The points or the percent may be the wrong one: a judgement.
      const fix = { kind: 'review' as const, id: 'points', params: { stated: v.value, expected, cell: cellAddress(row, c.col) }, writes: [{ row, col: c.col, value: expected }] };
      ctx.report.add('points-mismatch', 'default', { row, col: c.col }, { item: check.name(), stated: v.value, expected }, { data: { stated: v.value, expected }, fix });
    }
  }
}
