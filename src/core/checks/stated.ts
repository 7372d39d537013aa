// Stated figures ("Үнэлгээ: 85.8 хувь", "Дундаж оноо:", "Нийт оноо") against what the rows give.

import { statedFixWrites } from '../edits';
import { formulasAgree } from '../formula-check';
import { countedPercents, mean, statedTolerance } from '../scoring';
import { cellAddress } from '../sheet';
import { round } from '../text';
import type { StatedFigure } from '../types';
import type { CheckContext } from './context';
import type { FixDraft, LazyFix } from './report';

/** Each stated figure against the rated rows of its scope (group or table), or the annex 8 total for points. */
export function checkStated(ctx: CheckContext): void {
  const info = ctx.table.info;
  for (const stated of info.stated) checkOne(ctx, stated, info.groups.find((g) => g.id === stated.groupId)?.itemRows);
}

function checkOne(ctx: CheckContext, stated: StatedFigure, groupRows: number[] | undefined): void {
  if (stated.value === null) return;
  const grouped = stated.scope === 'group' && stated.groupId !== undefined;
  const inGroup = new Set(groupRows ?? []);
  const items = grouped ? ctx.table.items.filter((e) => inGroup.has(e.row)) : ctx.table.items;
  let computed: number | null;
  let count = 0;
  if (stated.kind === 'points') computed = ctx.score.annex8?.total ?? null;
  else {
    const rated = countedPercents(items, false);
    count = rated.length;
    computed = mean(rated);
  }
  if (computed === null || Math.abs(stated.value - computed) <= statedTolerance(stated.value)) return;
  const data = { stated: stated.value, computed: round(computed, 1), count };
  // The formula Compute would write, over the cells as they are (ratings it would not count as the engine does rewritten as numbers),
  // offered only when it gives the mean; a formula over every row, recalculated: planned when asked for.
  const params = { stated: stated.value, computed: data.computed, cell: cellAddress(stated.row, stated.col) };
  const plan = (): FixDraft | undefined => {
    const writes = statedFixWrites(ctx.table, stated);
    return writes !== null && formulasAgree(ctx.table.grid.sheet, writes) ? { kind: 'safe', id: 'formula', params, writes } : undefined;
  };
  const fix: LazyFix | undefined = stated.kind === 'average' ? { kind: 'safe', plan } : undefined;
  ctx.report.add('average-mismatch', stated.kind === 'points' ? 'points' : 'average', { row: stated.row, col: stated.col }, { label: stated.label, ...data }, { data, fix });
}
