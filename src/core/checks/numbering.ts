// Numbering: an item number used twice, a number skipped (items and
// numbered group headings alike).

import { cellAddress } from '../sheet';
import type { ItemEval } from '../evaluate';
import type { CellWrite, GroupInfo } from '../types';
import { likeWrite } from './fix-writes';
import type { FixDraft, LazyFix } from './report';
import type { CheckContext } from './context';

/** "4.3.2, 4.3.3, …": the numbers skipped between two (at most four named). */
function missingList(prefix: string, from: number, to: number): string {
  const miss: string[] = [];
  for (let k = from + 1; k < to && miss.length < 4; k++) miss.push(`${prefix}${k}`);
  if (to - from - 1 > 4) miss.push('…');
  return miss.join(', ');
}

/** Numbering restarts per group when some group after the first opens with 1. */
function restartsPerGroup(ctx: CheckContext): boolean {
  const firsts = new Map<string, string>();
  for (const item of ctx.table.items) if (item.number && item.groupId && !firsts.has(item.groupId)) firsts.set(item.groupId, item.number);
  return [...firsts.values()].slice(1).some((n) => n === '1');
}

/** Item numbers: duplicates within their family, gaps from the previous number of the same family. */
export function checkItemNumbering(ctx: CheckContext): void {
  const indexCol = ctx.col('index');
  if (indexCol === undefined) return;
  const numbered = ctx.table.items.filter((e) => e.number !== undefined);
  if (numbered.length < 2) return;
  const dotted = numbered.some((e) => e.number!.includes('.'));
  const restarts = !dotted && restartsPerGroup(ctx);
  // The family a number is counted in: its prefix ("4.3" of "4.3.1"), its group when numbering restarts, else the table.
  const familyOf = (number: string, group: string | undefined) => {
    if (dotted) {
      const dot = number.lastIndexOf('.');
      return dot < 0 ? '' : number.slice(0, dot);
    }
    return restarts ? group ?? '' : '';
  };
  const lastOf = (n: string) => (dotted ? Number(n.slice(n.lastIndexOf('.') + 1)) : Number(n));
  // A flat list (1, 2, 3 …) can be renumbered; hierarchical codes (2.1.3) point to the plan and never are.
  // One renumbering for the whole table, shared by its findings: planned once, when asked for.
  let planned: FixDraft | undefined | null = null;
  const plan = () => (planned === null ? (planned = renumbering(ctx, indexCol, restarts)) : planned);
  const fix: LazyFix | undefined = dotted ? undefined : { kind: 'review', plan, shared: `renumber ${ctx.table.info.id}` };
  // Keyed by the number itself where numbers are plain (1, 2, 3 …: "2." reads as "2"), a cheaper key than its text.
  const seen = new Map<string, Map<string | number, number>>();
  const prevOf = new Map<string, string>();
  // Each item in a function of its own, compiled once it has run a few hundred times (the loop itself runs once per table).
  const visit = (item: ItemEval) => {
    const number = item.number!;
    const row = item.row;
    const family = familyOf(number, item.groupId);
    // Plain numbers restarting at 1 in each group are only duplicates within their group.
    let inFamily = seen.get(dotted ? '' : family);
    if (!inFamily) seen.set(dotted ? '' : family, (inFamily = new Map()));
    // ("07" stays text: it is not the same number as "7" here.)
    const key = dotted || number.startsWith('0') ? number : Number(number);
    const other = inFamily.get(key);
    if (other !== undefined) ctx.report.add('duplicate-number', 'default', { row, col: indexCol }, { number, other: other + 1 }, { data: { number }, fix });
    else inFamily.set(key, row);
    // Gaps: compare each number with the previous one of the same family.
    const prev = prevOf.get(family);
    prevOf.set(family, number);
    if (prev === undefined) return;
    const last = lastOf(number);
    const prevLast = lastOf(prev);
    if (last > prevLast + 1) {
      const prefix = dotted && family ? `${family}.` : '';
      ctx.report.add('numbering-gap', 'item', { row, col: indexCol }, { previous: prev, number, missing: missingList(prefix, prevLast, last) }, { data: { previous: prev, number }, fix });
    }
  };
  for (let i = 0; i < numbered.length; i++) visit(numbered[i]);
}

/** Numbered group headings ("Зорилт 1.3" after "Зорилт 1.1"): gaps among siblings. */
export function checkGroupNumbering(ctx: CheckContext): void {
  const siblings = new Map<string, GroupInfo[]>();
  for (const group of ctx.table.info.groups) {
    if (!group.number) continue;
    const key = `${group.parentId ?? ''}|${group.number.split('.').length}`;
    const list = siblings.get(key) ?? [];
    list.push(group);
    siblings.set(key, list);
  }
  for (const list of siblings.values()) {
    for (let i = 1; i < list.length; i++) {
      const previousParts = list[i - 1].number!.split('.');
      const parts = list[i].number!.split('.');
      if (previousParts.slice(0, -1).join('.') !== parts.slice(0, -1).join('.')) continue;
      const previousLast = Number(previousParts[previousParts.length - 1]);
      const last = Number(parts[parts.length - 1]);
      if (last <= previousLast + 1) continue;
      const prefix = previousParts.length > 1 ? `${previousParts.slice(0, -1).join('.')}.` : '';
      const group = list[i];
      const previous = list[i - 1].number!;
      ctx.report.add('numbering-gap', 'group', { row: group.row, col: group.col }, { previous, number: group.number!, missing: missingList(prefix, previousLast, last) }, { data: { previous, number: group.number!, group: true } });
    }
  }
}

/** The table's numbered items renumbered 1, 2, 3 … (in each group, when numbering restarts there): a judgement the user confirms. */
function renumbering(ctx: CheckContext, indexCol: number, restarts: boolean): FixDraft | undefined {
  const grid = ctx.table.grid;
  const next = new Map<string, number>();
  const writes: CellWrite[] = [];
  for (const item of ctx.table.items) {
    if (item.number === undefined) continue;
    const family = restarts ? item.groupId ?? '' : '';
    const number = (next.get(family) ?? 0) + 1;
    next.set(family, number);
    if (Number(item.number) !== number) writes.push(likeWrite(item.row, indexCol, grid.value(item.row, indexCol), number));
  }
  if (writes.length === 0) return undefined;
  return { kind: 'review', id: 'renumber', params: { count: writes.length, first: cellAddress(writes[0].row, writes[0].col) }, writes };
}
