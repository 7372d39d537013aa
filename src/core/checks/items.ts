// Item fields: each item row's number, indicator, target and achieved level.

import type { CheckContext, ItemCheck } from './context';
import { cellAddress } from '../sheet';
import { textWrite } from './fix-writes';
import type { FixDraft } from './report';
import { ROLE_NAMES, WHY_NEEDED } from './vocabulary';

const LEVEL_ROLES = ['baseline', 'target', 'achieved'] as const;

/** The fields of one item: its number, indicator, target, achieved level and dates that were typed as ratios. */
export function checkItemFields(ctx: CheckContext, check: ItemCheck): void {
  const { item, name } = check;
  const at = (col: number) => ({ row: item.row, col });
  const indexCol = ctx.col('index');
  if (item.number === undefined && indexCol !== undefined) ctx.report.add('missing-number', 'default', at(indexCol), { row: item.row + 1 });
  const indicatorCol = ctx.col('indicator');
  if (indicatorCol !== undefined && !item.text.indicator) ctx.report.add('missing-indicator', 'default', at(indicatorCol), { item: name() });

  // A target or achieved level is needed when the item has no rating (its percent cell empty, or merged away).
  const needed = (item.percent?.kind === 'empty' || item.percent?.kind === 'merged') && ctx.isReport;
  const severity = needed ? 'error' : 'warning';
  const why = needed ? WHY_NEEDED : '';
  const targetCol = ctx.col('target');
  if (targetCol !== undefined && !ctx.blank?.targets && (item.parsed.target.kind === 'empty' || item.parsed.target.kind === 'none')) {
    ctx.report.add('missing-target', 'default', at(targetCol), { item: name(), why }, { severity });
  }
  const achievedCol = ctx.col('achieved');
  if (ctx.isReport && achievedCol !== undefined && !ctx.blank?.results && item.parsed.achieved.kind === 'empty') {
    ctx.report.add('missing-achieved', 'default', at(achievedCol), { item: name(), why }, { severity });
  }
  for (const role of LEVEL_ROLES) {
    const parsed = item.parsed[role];
    const column = ctx.col(role);
    if (parsed.kind === 'date' && column !== undefined) {
      ctx.report.add('value-as-date', 'default', at(column), { item: name(), role: ROLE_NAMES[role], guess: parsed.guess }, { data: { guess: parsed.guess }, fix: dateFix(item.row, column, parsed.guess) });
    }
  }
  if (item.parsed.target.kind === 'unmeasurable' && targetCol !== undefined) {
    ctx.report.add('target-not-measurable', 'default', at(targetCol), { item: name(), text: item.parsed.target.text });
  }
}

/**
 * "1/2" typed and turned into 2 January: the text back, as text. Where the
 * day could have been typed first too (both parts ≤ 12), which one was meant
 * is a judgement; past 12 it can only be month/day.
 */
function dateFix(row: number, col: number, guess: string): FixDraft {
  const [month, day] = guess.split('/').map(Number);
  const cell = cellAddress(row, col);
  if (day > 12 || month === day) return { kind: 'safe', id: 'restore', params: { text: guess, cell }, writes: [textWrite(row, col, guess)] };
  return { kind: 'review', id: 'restoreEither', params: { text: guess, other: `${day}/${month}`, cell }, writes: [textWrite(row, col, guess)] };
}
