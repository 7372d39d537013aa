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

interface ItemPair {
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
function sideItems(tables: readonly TableEval[]): SideItem[] {
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
function likeness(one: Set<string>, other: Set<string>): number {
  if (one.size === 0 || other.size === 0) return 0;
  let shared = 0;
  for (const gram of one) if (other.has(gram)) shared++;
  return (2 * shared) / (one.size + other.size);
}

/** The first item of `list` not used yet (its cursor moves past used ones: each list is walked once in all). */
function firstUnused(list: SideItem[] | undefined, cursor: Map<SideItem[], number>, used: Set<SideItem>): SideItem | undefined {
  if (!list) return undefined;
  let at = cursor.get(list) ?? 0;
  while (at < list.length && used.has(list[at])) at++;
  cursor.set(list, at);
  return list[at];
}

/** Pairs of the same folded text, the same number first, in order (a text written twice pairs in the order written). */
function exactPairs(report: SideItem[], plan: SideItem[], pairs: ItemPair[], used: { report: Set<SideItem>; plan: Set<SideItem> }): void {
  const byKey = new Map<string, SideItem[]>();
  const byKeyAndNumber = new Map<string, SideItem[]>();
  const numbered = (side: SideItem) => `${side.key}\u0000${side.item.number ?? ''}`;
  for (const planned of plan) {
    if (!planned.key) continue;
    pushTo(byKey, planned.key, planned);
    pushTo(byKeyAndNumber, numbered(planned), planned);
  }
  const cursor = new Map<SideItem[], number>();
  for (const reported of report) {
    if (!reported.key) continue;
    const planned = firstUnused(byKeyAndNumber.get(numbered(reported)), cursor, used.plan) ?? firstUnused(byKey.get(reported.key), cursor, used.plan);
    if (!planned) continue;
    pairs.push({ report: reported, plan: planned, similarity: 1 });
    used.report.add(reported);
    used.plan.add(planned);
  }
}

/** Pairs of texts that read alike, the most alike first; candidates are found through their less common trigrams. */
function alikePairs(report: SideItem[], plan: SideItem[], pairs: ItemPair[], used: { report: Set<SideItem>; plan: Set<SideItem> }, floor: number, accept: (reported: SideItem, planned: SideItem) => boolean): void {
  const left = plan.filter((p) => !used.plan.has(p));
  const grams = new Map<SideItem, Set<string>>(left.map((p) => [p, trigrams(p.key)]));
  const index = new Map<string, SideItem[]>();
  for (const [planned, set] of grams) for (const gram of set) pushTo(index, gram, planned);
  const common = Math.max(3, Math.ceil(left.length * COMMON_SHARE));
  const found: ItemPair[] = [];
  for (const reported of report) {
    if (used.report.has(reported)) continue;
    const mine = trigrams(reported.key);
    const candidates = new Set<SideItem>();
    for (const gram of mine) {
      const holders = index.get(gram);
      if (holders && holders.length <= common) for (const planned of holders) candidates.add(planned);
    }
    for (const planned of candidates) {
      const similarity = likeness(mine, grams.get(planned)!);
      if (similarity >= floor && accept(reported, planned)) found.push({ report: reported, plan: planned, similarity });
    }
  }
  const distance = (pair: ItemPair) => Math.abs(pair.report.order - pair.plan.order);
  found.sort((x, y) => y.similarity - x.similarity || distance(x) - distance(y));
  for (const pair of found) {
    if (used.report.has(pair.report) || used.plan.has(pair.plan)) continue;
    pairs.push(pair);
    used.report.add(pair.report);
    used.plan.add(pair.plan);
  }
}

/** Each plan group's counterpart: the report group most of its paired items sit in, else the report group whose heading reads most alike. */
function groupCounterparts(pairs: ItemPair[], planTables: readonly TableEval[], reportTables: readonly TableEval[]): Map<string, GroupInfo> {
  const votes = new Map<string, Map<GroupInfo, number>>();
  for (const pair of pairs) {
    if (!pair.plan.group || !pair.report.group) continue;
    const tally = votes.get(pair.plan.group.id) ?? new Map<GroupInfo, number>();
    tally.set(pair.report.group, (tally.get(pair.report.group) ?? 0) + 1);
    votes.set(pair.plan.group.id, tally);
  }
  const out = new Map<string, GroupInfo>();
  for (const [id, tally] of votes) out.set(id, [...tally].sort((x, y) => y[1] - x[1])[0][0]);
  const reportGroups = reportTables.flatMap((t) => t.info.groups);
  for (const group of planTables.flatMap((t) => t.info.groups)) {
    if (out.has(group.id)) continue;
    const mine = trigrams(fold(group.label));
    let best: { group: GroupInfo; similarity: number } | null = null;
    for (const candidate of reportGroups) {
      const similarity = likeness(mine, trigrams(fold(candidate.label)));
      if (similarity >= ALIKE && (!best || similarity > best.similarity)) best = { group: candidate, similarity };
    }
    if (best) out.set(group.id, best.group);
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
  const sameGroup = (reported: SideItem, planned: SideItem) => (planned.group ? groups.get(planned.group.id) !== undefined && groups.get(planned.group.id) === reported.group : reported.group === undefined);
  const inPlace = (reported: SideItem, planned: SideItem) => reported.item.number !== undefined && reported.item.number === planned.item.number && sameGroup(reported, planned);
  alikePairs(report, plan, pairs, used, ALIKE_IN_PLACE, inPlace);
  // An item with no text at all is its number in its group.
  for (const reported of report) {
    if (used.report.has(reported) || reported.key) continue;
    const planned = plan.find((x) => !used.plan.has(x) && !x.key && inPlace(reported, x));
    if (!planned) continue;
    pairs.push({ report: reported, plan: planned, similarity: 0 });
    used.report.add(reported);
    used.plan.add(planned);
  }
  pairs.sort((a, b) => a.report.order - b.report.order);
  return { pairs, missing: plan.filter((p) => !used.plan.has(p)), extra: report.filter((r) => !used.report.has(r)), groups: groupCounterparts(pairs, planTables, reportTables) };
}
