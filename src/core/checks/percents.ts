// The percent column: a rating missing, invalid, off the scale, contradicted
// by the numbers, or left outside its column by a shifted row.

import { levelDistance, snapDown } from '../percent';
import { clearWrite, ratingWrite } from './fix-writes';
import { cellAddress, columnLetter } from '../sheet';
import { describe, type PercentCell } from '../values';
import type { CellWrite } from '../types';
import type { CheckContext, ItemCheck } from './context';
import { REASONS } from './vocabulary';

/** An item's percent cell: empty (what Compute will do, or who must rate it), invalid, off the scale, contradicted. */
export function checkPercent(ctx: CheckContext, check: ItemCheck): void {
  const { item, name } = check;
  const from = item.fromNumbers;
  if (!item.percentCell || !item.percent) {
    // A report without a percent column: say which rows a person must rate.
    const achievedCol = ctx.col('achieved');
    if (ctx.isReport && from && !from.ok && achievedCol !== undefined && item.parsed.target.kind !== 'unmeasurable') {
      ctx.report.add('not-computable', 'default', { row: item.row, col: achievedCol }, { item: name(), reason: REASONS[from.reason] });
    }
    return;
  }
  const cell = item.percentCell;
  const percent = item.percent;
  // An evaluation's percent linked to the report's cell is rated in the report, which reports it.
  if (ctx.part && (percent.kind === 'empty' || percent.kind === 'uncached' || percent.kind === 'formula') && ctx.table.grid.formula(cell.row, cell.col)?.includes('!')) return;
  if (percent.kind === 'empty') {
    const misplaced = item.misplaced;
    if (misplaced) {
      const from = cellAddress(item.row, misplaced.col);
      const to = cellAddress(cell.row, cell.col);
      ctx.report.add(
        'percent-misplaced',
        'default',
        { row: item.row, col: misplaced.col },
        { item: name(), value: misplaced.value, column: columnLetter(misplaced.col), percentColumn: columnLetter(cell.col) },
        {
          data: { value: misplaced.value, percentCell: to },
          // The percent cell is empty (that is why the rating is misplaced): moving it needs no judgement.
          fix: { kind: 'safe', id: 'move', params: { value: misplaced.value, from, to }, writes: [ratingWrite(ctx.table, cell.row, cell.col, misplaced.value), clearWrite(item.row, misplaced.col)] },
        },
      );
    } else if (item.computed !== null && from?.ok) {
      const value = item.computed;
      ctx.report.add(
        'missing-percent',
        'computable',
        cell,
        { item: name(), value, how: from.how },
        {
          data: { computed: value, computable: true },
          fix: { kind: 'safe', plan: () => ({ kind: 'safe', id: 'fill', params: { value, cell: cellAddress(cell.row, cell.col) }, writes: [ratingWrite(ctx.table, cell.row, cell.col, value)] }) },
        },
      );
    } else {
      const reason = from && !from.ok ? from.reason : 'no-columns';
      ctx.report.add('missing-percent', 'manual', cell, { item: name(), reason: REASONS[reason] }, { severity: 'error', data: { computable: false, reason } });
    }
    return;
  }
  if (percent.kind === 'uncached') {
    ctx.report.add('percent-uncached', 'default', cell, { item: name(), formula: percent.formula }, { data: { formula: percent.formula } });
    return;
  }
  if (percent.kind === 'formula') {
    checkPercentFormula(ctx, check, percent);
    return;
  }
  if (percent.kind === 'merged') {
    // Marked, like every finding under a merged area, on the area's top-left cell; the message names the percent cell.
    ctx.report.add('percent-merged', 'default', cell, { item: name(), cell: cellAddress(cell.row, cell.col), area: percent.area }, { data: { area: percent.area } });
    return;
  }
  if (percent.kind === 'invalid') {
    ctx.report.add('percent-invalid', percent.reason, cell, { item: name(), text: percent.text }, { data: { text: percent.text } });
    return;
  }
  // An evaluation's percents are the report's (or skills percents): the report is where they are rated.
  if (percent.kind !== 'rating' || ctx.part) return;
  const scale = ctx.profile.scale;
  const at = cellAddress(cell.row, cell.col);
  const typed = ctx.table.grid.value(cell.row, cell.col);
  const formula = ctx.table.grid.formula(cell.row, cell.col);
  if (formula !== null && item.needsConversion) {
    // A number on the other scale than the table's, from a formula: Compute cannot convert it.
    const shown = typeof typed === 'number' ? typed : percent.value;
    const fix = { kind: 'review' as const, id: 'value', params: { value: percent.value, cell: at }, writes: [replacing(ratingWrite(ctx.table, cell.row, cell.col, percent.value))] };
    ctx.report.add('percent-formula', 'scale', cell, { item: name(), formula, shown }, { data: { formula, value: percent.value }, fix });
  }
  if (typeof typed === 'string' && item.needsConversion) {
    const fix = { kind: 'safe' as const, id: 'number', params: { text: typed, value: percent.value, cell: at }, writes: [ratingWrite(ctx.table, cell.row, cell.col, percent.value)] };
    ctx.report.add('percent-as-text', 'default', cell, { item: name(), text: typed }, { data: { text: typed, value: percent.value }, fix });
  }
  if (!scale.some((l) => Math.abs(l - percent.value) < 1e-9)) {
    const level = snapDown(percent.value, scale);
    // Snapping down is a judgement, unless the profile says to snap.
    const fix = { kind: ctx.profile.snapDown ? ('safe' as const) : ('review' as const), id: 'snap', params: { value: percent.value, level, cell: at }, writes: [ratingWrite(ctx.table, cell.row, cell.col, level)] };
    ctx.report.add('percent-off-scale', 'default', cell, { item: name(), value: percent.value, scale: ctx.profile.name, levels: scale.join(' · ') }, { data: { value: percent.value }, fix });
  }
  if (from && from.ok && levelDistance(from.value, percent.value, scale) >= ctx.profile.inconsistencyLevels) {
    ctx.report.add(
      'percent-inconsistent',
      'default',
      cell,
      { item: name(), rated: percent.value, achieved: describe(item.parsed.achieved), target: describe(item.parsed.target), computed: from.value },
      { data: { rated: percent.value, computed: from.value } },
    );
  }
}

/** A write that replaces a formula with a value: only ever in a fix the user looks at. */
const replacing = (w: CellWrite): CellWrite => ({ ...w, replacesFormula: true });

/** A formula in the percent column giving a rating as text, or nothing: reported, never replaced unless the user chooses the fix. */
function checkPercentFormula(ctx: CheckContext, check: ItemCheck, formulaCell: Extract<PercentCell, { kind: 'formula' }>): void {
  const { item, name } = check;
  const cell = item.percentCell!;
  const at = cellAddress(cell.row, cell.col);
  if (formulaCell.gives === 'text') {
    const fix = { kind: 'review' as const, id: 'value', params: { value: formulaCell.value, cell: at }, writes: [replacing(ratingWrite(ctx.table, cell.row, cell.col, formulaCell.value))] };
    ctx.report.add('percent-formula', 'text', cell, { item: name(), formula: formulaCell.formula, text: formulaCell.text }, { data: { formula: formulaCell.formula, text: formulaCell.text, value: formulaCell.value }, fix });
    return;
  }
  const from = item.fromNumbers;
  const value = from?.ok ? (ctx.profile.snapDown ? snapDown(from.value, ctx.profile.scale) : from.value) : null;
  const fix = value === null ? undefined : { kind: 'review' as const, id: 'computed', params: { value, cell: at }, writes: [replacing(ratingWrite(ctx.table, cell.row, cell.col, value))] };
  ctx.report.add('percent-formula', 'empty', cell, { item: name(), formula: formulaCell.formula }, { data: { formula: formulaCell.formula, computed: value }, fix });
}
