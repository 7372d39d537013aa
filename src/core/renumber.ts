// Renumbering a table's items where their numbering is broken — a number
// skipped, one used twice, an item without one — and only there: a family
// of numbers (the table; each group where numbering restarts per group;
// each prefix of dotted numbers, "2.1", "2.2") whose numbers are in order
// is left as written. Used by next year's plan, which says which.

import type { TableEval } from './evaluate';
import type { CellValue } from './types';

export interface Renumbering {
  /** The table ("Тайлан!A5"). */
  table: string;
  /** Numbers followed by one more than one higher ("51 → 53"). */
  gaps: string[];
  /** Numbers used twice. */
  duplicates: string[];
  /** Rows (1-based) of items with no number. */
  unnumbered: number[];
  /** Items whose number changed. */
  changed: number;
}

interface Numbered {
  row: number;
  number: string | undefined;
  family: string;
}

const lastPart = (n: string) => Number(n.slice(n.lastIndexOf('.') + 1));

/** The new number as a value of the old one's kind: a number stays a number, "12." keeps its dot, a code stays text. */
function valueLike(was: CellValue, label: string): CellValue {
  if (typeof was === 'string') return `${label}${/[.)]$/.exec(was.trim())?.[0] ?? ''}`;
  return String(Number(label)) === label ? Number(label) : label;
}

/** Each item's family: the prefix of a dotted number (an unnumbered item joins the one before), its group where numbering restarts, else the table. */
function families(table: TableEval): { dotted: boolean; list: Numbered[] } {
  const items = table.items;
  const dotted = items.some((it) => it.number?.includes('.'));
  const firsts = new Map<string, string>();
  for (const it of items) if (it.number && it.groupId && !firsts.has(it.groupId)) firsts.set(it.groupId, it.number);
  const restarts = !dotted && [...firsts.values()].slice(1).some((n) => n === '1');
  let previous = '';
  const list = items.map((it) => {
    let family = restarts ? it.groupId ?? '' : '';
    if (dotted) family = it.number ? it.number.slice(0, Math.max(0, it.number.lastIndexOf('.'))) : previous;
    previous = family;
    return { row: it.row, number: it.number, family };
  });
  return { dotted, list };
}

/** What is broken in one family's numbering, told to `found`; true when anything is. */
function broken(list: Numbered[], found: Renumbering): boolean {
  let any = false;
  const seen = new Set<string>();
  let prev: string | undefined;
  for (const item of list) {
    if (item.number === undefined) {
      found.unnumbered.push(item.row + 1);
      any = true;
      continue;
    }
    if (seen.has(item.number)) {
      found.duplicates.push(item.number);
      any = true;
    }
    seen.add(item.number);
    if (prev !== undefined && lastPart(item.number) > lastPart(prev) + 1) {
      found.gaps.push(`${prev} → ${item.number}`);
      any = true;
    }
    prev = item.number;
  }
  return any;
}

/**
 * New numbers for the items of `table` where a family's numbering is
 * broken as the report has it, or is broken by the items `leftOut` (taken
 * out of the new table). Out: the new value of each kept item whose number
 * changes, and what the report's numbering had (null when nothing changes).
 */
export function renumberTable(table: TableEval, leftOut: ReadonlySet<number>): { numbers: Map<number, CellValue>; renumbering: Renumbering | null } {
  const numbers = new Map<number, CellValue>();
  const index = table.roleCol.index;
  if (index === undefined) return { numbers, renumbering: null };
  const found: Renumbering = { table: table.info.id, gaps: [], duplicates: [], unnumbered: [], changed: 0 };
  const { dotted, list: all } = families(table);
  const byFamily = new Map<string, Numbered[]>();
  for (const item of all) {
    const list = byFamily.get(item.family);
    if (list) list.push(item);
    else byFamily.set(item.family, [item]);
  }
  for (const [family, list] of byFamily) {
    const renumber = broken(list, found) || list.some((item) => leftOut.has(item.row));
    if (!renumber) continue;
    list
      .filter((item) => !leftOut.has(item.row))
      .forEach((item, k) => {
        const label = dotted && family ? `${family}.${k + 1}` : String(k + 1);
        if (item.number === label) return;
        numbers.set(item.row, valueLike(table.grid.value(item.row, index), label));
        found.changed++;
      });
  }
  return { numbers, renumbering: found.changed > 0 ? found : null };
}
