// A report's items matched to its plan's: by the action's text (exactly,
// then tolerant of the small edits people make — a word changed, a typo, a
// phrase added), then by number within matching groups; and each plan
// group's counterpart in the report (where most of its items went, else
// the group whose heading reads alike). What is left on either side is a
// plan item missing from the report, or an item that was not planned.

import type { ItemEval, TableEval } from './evaluate';
import { cellText, normalize } from './text';
import type { GroupInfo } from './types';

/** An item of either side, with what matching reads. */
export interface SideItem {
  table: TableEval;
  item: ItemEval;
  /** The action as written (continuation rows joined). */
  action: string;
  /** Its folded form, for comparing. */
  key: string;
  group: GroupInfo | undefined;
  /** Position on its side, in order. */
  order: number;
}

export interface ItemPair {
  report: SideItem;
  plan: SideItem;
  /** 1 for the same text; lower for texts that read alike. */
  similarity: number;
}

export interface PlanMatch {
  pairs: ItemPair[];
  /** Plan items with no counterpart in the report. */
  missing: SideItem[];
  /** Report items with no counterpart in the plan. */
  extra: SideItem[];
  /** Each plan group's counterpart among the report's groups (by id). */
  groups: Map<string, GroupInfo>;
}

/** Texts at least this alike are one action written a little differently. */
const ALIKE = 0.62;
/** Texts this alike are one action when their numbers and groups agree too. */
const ALIKE_IN_PLACE = 0.3;
/** Trigrams in more items than this share are too common to point at a pair (used only to find candidates). */
const COMMON_SHARE = 0.25;

function actionText(table: TableEval, item: ItemEval): string {
  const col = table.roleCol.action;
  if (col === undefined) return '';
  const parts = [item.row, ...item.continuation].map((r) => cellText(table.grid.value(r, col))).filter(Boolean);
  return parts.join(' ');
}

/** Adds `value` to the list under `key`. */
function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const fold = (text: string) => normalize(text).replace(/[^a-zа-я0-9]+/g, ' ').trim();

/** The items of the tables, in order, with their folded actions and innermost groups. */
export function sideItems(tables: readonly TableEval[]): SideItem[] {
  const out: SideItem[] = [];
  for (const table of tables) {
    const groups = new Map(table.info.groups.map((g) => [g.id, g]));
    for (const item of table.items) {
      const action = actionText(table, item);
      out.push({ table, item, action, key: fold(action), group: item.groupId ? groups.get(item.groupId) : undefined, order: out.length });
    }
  }
  return out;
}

function trigrams(key: string): Set<string> {
  const padded = ` ${key} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

/** Dice's coefficient of two trigram sets: 1 for the same text, 0 for nothing shared. */
export function likeness(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Pairs of the same folded text, in order (a text written twice pairs in the order written). */
function exactPairs(report: SideItem[], plan: SideItem[], pairs: ItemPair[], used: { report: Set<SideItem>; plan: Set<SideItem> }): void {
  const byKey = new Map<string, SideItem[]>();
  for (const p of plan) if (p.key) pushTo(byKey, p.key, p);
  for (const r of report) {
    const candidates = byKey.get(r.key)?.filter((p) => !used.plan.has(p));
    if (!r.key || !candidates?.length) continue;
    const p = candidates.find((x) => x.item.number === r.item.number) ?? candidates[0];
    pairs.push({ report: r, plan: p, similarity: 1 });
    used.report.add(r);
    used.plan.add(p);
  }
}

/** Pairs of texts that read alike, the most alike first; candidates are found through their less common trigrams. */
function alikePairs(report: SideItem[], plan: SideItem[], pairs: ItemPair[], used: { report: Set<SideItem>; plan: Set<SideItem> }, floor: number, accept: (r: SideItem, p: SideItem) => boolean): void {
  const left = plan.filter((p) => !used.plan.has(p));
  const grams = new Map<SideItem, Set<string>>(left.map((p) => [p, trigrams(p.key)]));
  const index = new Map<string, SideItem[]>();
  for (const [p, set] of grams) for (const t of set) pushTo(index, t, p);
  const common = Math.max(3, Math.ceil(left.length * COMMON_SHARE));
  const found: ItemPair[] = [];
  for (const r of report) {
    if (used.report.has(r)) continue;
    const mine = trigrams(r.key);
    const candidates = new Set<SideItem>();
    for (const t of mine) {
      const holders = index.get(t);
      if (holders && holders.length <= common) for (const p of holders) candidates.add(p);
    }
    for (const p of candidates) {
      const similarity = likeness(mine, grams.get(p)!);
      if (similarity >= floor && accept(r, p)) found.push({ report: r, plan: p, similarity });
    }
  }
  found.sort((a, b) => b.similarity - a.similarity || Math.abs(a.report.order - a.plan.order) - Math.abs(b.report.order - b.plan.order));
  for (const f of found) {
    if (used.report.has(f.report) || used.plan.has(f.plan)) continue;
    pairs.push(f);
    used.report.add(f.report);
    used.plan.add(f.plan);
  }
}

/** Each plan group's counterpart: the report group most of its paired items sit in, else the report group whose heading reads most alike. */
function groupCounterparts(pairs: ItemPair[], planTables: readonly TableEval[], reportTables: readonly TableEval[]): Map<string, GroupInfo> {
  const votes = new Map<string, Map<GroupInfo, number>>();
  for (const p of pairs) {
    if (!p.plan.group || !p.report.group) continue;
    const tally = votes.get(p.plan.group.id) ?? new Map<GroupInfo, number>();
    tally.set(p.report.group, (tally.get(p.report.group) ?? 0) + 1);
    votes.set(p.plan.group.id, tally);
  }
  const out = new Map<string, GroupInfo>();
  for (const [id, tally] of votes) out.set(id, [...tally].sort((a, b) => b[1] - a[1])[0][0]);
  const reportGroups = reportTables.flatMap((t) => t.info.groups);
  for (const g of planTables.flatMap((t) => t.info.groups)) {
    if (out.has(g.id)) continue;
    const mine = trigrams(fold(g.label));
    let best: { group: GroupInfo; similarity: number } | null = null;
    for (const r of reportGroups) {
      const similarity = likeness(mine, trigrams(fold(r.label)));
      if (similarity >= ALIKE && (!best || similarity > best.similarity)) best = { group: r, similarity };
    }
    if (best) out.set(g.id, best.group);
  }
  return out;
}

/**
 * Matches the report's items to the plan's. In: the report's tables and
 * the plan's (a report's tables may stand for a plan: its results are not
 * read). Out: the pairs, the plan items missing from the report, the report
 * items not planned, and each plan group's counterpart in the report.
 */
export function matchPlan(reportTables: readonly TableEval[], planTables: readonly TableEval[]): PlanMatch {
  const report = sideItems(reportTables);
  const plan = sideItems(planTables);
  const pairs: ItemPair[] = [];
  const used = { report: new Set<SideItem>(), plan: new Set<SideItem>() };
  exactPairs(report, plan, pairs, used);
  alikePairs(report, plan, pairs, used, ALIKE, () => true);
  // Heavier edits: the same number in the same group (by counterpart) and texts that still share a good part.
  const groups = groupCounterparts(pairs, planTables, reportTables);
  // In place: the same number, in the report group that stands for the plan's (both outside any group, else a counterpart that is the report item's group).
  const sameGroup = (r: SideItem, p: SideItem) => (p.group ? groups.get(p.group.id) !== undefined && groups.get(p.group.id) === r.group : r.group === undefined);
  const inPlace = (r: SideItem, p: SideItem) => r.item.number !== undefined && r.item.number === p.item.number && sameGroup(r, p);
  alikePairs(report, plan, pairs, used, ALIKE_IN_PLACE, inPlace);
  // An item with no text at all is its number in its group.
  for (const r of report) {
    if (used.report.has(r) || r.key) continue;
    const p = plan.find((x) => !used.plan.has(x) && !x.key && inPlace(r, x));
    if (!p) continue;
    pairs.push({ report: r, plan: p, similarity: 0 });
    used.report.add(r);
    used.plan.add(p);
  }
  pairs.sort((a, b) => a.report.order - b.report.order);
  return { pairs, missing: plan.filter((p) => !used.plan.has(p)), extra: report.filter((r) => !used.report.has(r)), groups: groupCounterparts(pairs, planTables, reportTables) };
}
