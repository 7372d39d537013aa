// Findings (domain.md §5): what Validate reports, cell by cell.

import { REASONS, ROLE_NAMES, WHY_NEEDED, itemName, render, type Param } from '../i18n/findings';
import type { ItemEval, TableEval } from './evaluate';
import { levelDistance } from './percent';
import type { Profile } from './profiles';
import { countedPercents, mean } from './scoring';
import { cellAddress, columnLetter, type SheetGrid } from './sheet';
import { round } from './text';
import type { Finding, GroupInfo, Localized, Role, Severity, StatedFigure, TableScore } from './types';
import { describe, parseValue } from './values';

export const SEVERITY: Record<string, Severity> = {
  'header-not-found': 'error',
  'sheet-unreadable': 'error',
  'missing-indicator': 'warning',
  'missing-target': 'warning',
  'missing-achieved': 'warning',
  'missing-percent': 'warning',
  'percent-invalid': 'error',
  'percent-off-scale': 'info',
  'percent-inconsistent': 'warning',
  'not-computable': 'info',
  'average-mismatch': 'warning',
  'points-mismatch': 'warning',
  'duplicate-number': 'warning',
  'numbering-gap': 'warning',
  'target-not-measurable': 'info',
  'value-as-date': 'warning',
  'percent-misplaced': 'warning',
  'missing-number': 'warning',
};

class FindingList {
  readonly list: Finding[] = [];
  constructor(
    private readonly sheet: string,
    private readonly tableId: string | undefined,
    private readonly grid?: SheetGrid,
  ) {}
  add(
    code: string,
    at: number,
    atCol: number,
    text: Localized,
    opts: { severity?: Severity; data?: Finding['data'] } = {},
  ): void {
    // A cell under a merged area cannot be selected or marked on its own: name the area's top-left cell.
    const merged = this.grid?.mergeOf(at, atCol);
    const row = merged ? merged.top : at;
    const col = merged ? merged.left : atCol;
    const f: Finding = {
      code,
      severity: opts.severity ?? SEVERITY[code] ?? 'warning',
      sheet: this.sheet,
      cell: cellAddress(row, col),
      row,
      col,
      tableId: this.tableId,
      message: text,
      data: opts.data,
    };
    this.list.push(f);
  }
}

export function sheetFinding(sheet: string, code: 'header-not-found' | 'sheet-unreadable', params: Record<string, Param> = {}): Finding {
  const list = new FindingList(sheet, undefined);
  list.add(code, 0, 0, render(code, params));
  return list.list[0];
}

const LEVEL_ROLES = ['baseline', 'target', 'achieved'] as const;

export function checkTable(te: TableEval, profile: Profile, score: TableScore): Finding[] {
  const t = te.table;
  const info = t.info;
  const out = new FindingList(info.sheet, info.id, t.grid);
  const col = (role: Role) => t.roleCol[role];
  const isReport = info.kind !== 'plan';

  for (const ev of te.items) checkItem(ev);
  checkNumbering();
  checkGroupNumbering();
  for (const s of info.stated) checkStated(s);
  return out.list;

  function checkItem(ev: ItemEval): void {
    const { item } = ev;
    // Built only when a finding needs it: most items have none.
    let name: Localized | undefined;
    const who = (): Localized => (name ??= itemName(item.number, item.row));
    const percentEmpty = ev.percent?.kind === 'empty';

    if (item.number === undefined && col('index') !== undefined) {
      out.add('missing-number', item.row, col('index')!, render('missing-number', { row: item.row + 1 }));
    }
    if (col('indicator') !== undefined && !ev.text.indicator) {
      out.add('missing-indicator', item.row, col('indicator')!, render('missing-indicator', { item: who() }));
    }
    const needed = percentEmpty && isReport;
    if (col('target') !== undefined && (ev.parsed.target.kind === 'empty' || ev.parsed.target.kind === 'none')) {
      out.add('missing-target', item.row, col('target')!, render('missing-target', { item: who(), why: needed ? WHY_NEEDED : '' }), {
        severity: needed ? 'error' : 'warning',
      });
    }
    if (isReport && col('achieved') !== undefined && ev.parsed.achieved.kind === 'empty') {
      out.add('missing-achieved', item.row, col('achieved')!, render('missing-achieved', { item: who(), why: needed ? WHY_NEEDED : '' }), {
        severity: needed ? 'error' : 'warning',
      });
    }
    for (const role of LEVEL_ROLES) {
      const p = ev.parsed[role];
      if (p.kind === 'date' && col(role) !== undefined) {
        out.add('value-as-date', item.row, col(role)!, render('value-as-date', { item: who(), role: ROLE_NAMES[role], guess: p.guess }), {
          data: { guess: p.guess },
        });
      }
    }
    if (ev.parsed.target.kind === 'unmeasurable' && col('target') !== undefined) {
      out.add('target-not-measurable', item.row, col('target')!, render('target-not-measurable', { item: who(), text: ev.parsed.target.text }));
    }

    if (!ev.percentCell || !ev.percent) {
      // A report without a percent column: say which rows a person must rate.
      if (isReport && ev.fromNumbers && !ev.fromNumbers.ok && col('achieved') !== undefined && ev.parsed.target.kind !== 'unmeasurable') {
        out.add('not-computable', item.row, col('achieved')!, render('not-computable', { item: who(), reason: REASONS[ev.fromNumbers.reason] }));
      }
      return;
    }
    const pc = ev.percentCell;
    const p = ev.percent;
    if (p.kind === 'empty') {
      const misplaced = ev.misplaced;
      if (misplaced) {
        out.add('percent-misplaced', item.row, misplaced.col, render('percent-misplaced', {
          item: who(),
          value: misplaced.value,
          column: columnLetter(misplaced.col),
          percentColumn: columnLetter(pc.col),
        }), { data: { value: misplaced.value, percentCell: cellAddress(pc.row, pc.col) } });
      } else if (ev.computed !== null && ev.fromNumbers?.ok) {
        out.add('missing-percent', pc.row, pc.col, render('missing-percent-computable', { item: who(), value: ev.computed, how: ev.fromNumbers.how }), {
          data: { computed: ev.computed, computable: true },
        });
      } else {
        const reason = ev.fromNumbers && !ev.fromNumbers.ok ? REASONS[ev.fromNumbers.reason] : REASONS['no-columns'];
        out.add('missing-percent', pc.row, pc.col, render('missing-percent', { item: who(), reason }), {
          severity: 'error',
          data: { computable: false, reason: ev.fromNumbers && !ev.fromNumbers.ok ? ev.fromNumbers.reason : 'no-columns' },
        });
      }
      return;
    }
    if (p.kind === 'invalid') {
      const key = p.reason === 'range' ? 'percent-invalid-range' : p.reason === 'date' ? 'percent-invalid-date' : 'percent-invalid-text';
      out.add('percent-invalid', pc.row, pc.col, render(key, { item: who(), text: p.text }), { data: { text: p.text } });
      return;
    }
    if (p.kind !== 'rating') return;
    if (!profile.scale.some((l) => Math.abs(l - p.value) < 1e-9)) {
      out.add('percent-off-scale', pc.row, pc.col, render('percent-off-scale', {
        item: who(),
        value: p.value,
        scale: profile.name,
        levels: profile.scale.join(' · '),
      }), { data: { value: p.value } });
    }
    const fn = ev.fromNumbers;
    if (fn && fn.ok && levelDistance(fn.value, p.value, profile.scale) >= profile.inconsistencyLevels) {
      out.add('percent-inconsistent', pc.row, pc.col, render('percent-inconsistent', {
        item: who(),
        rated: p.value,
        achieved: describe(ev.parsed.achieved),
        target: describe(ev.parsed.target),
        computed: fn.value,
      }), { data: { rated: p.value, computed: fn.value } });
    }
    checkPoints(ev, p.value);
  }

  function checkPoints(ev: ItemEval, percent: number): void {
    for (const c of info.columns) {
      if (c.role !== 'points' || c.maxPoints === undefined || c.maxPoints === 7 || c.maxPoints === 8) continue;
      const v = parseValue(t.grid.value(ev.item.row, c.col), t.grid.numberFormat(ev.item.row, c.col));
      if (v.kind !== 'number') continue;
      const expected = round((percent * c.maxPoints) / 100, 1);
      if (Math.abs(v.value - expected) > 0.05 + 1e-9) {
        out.add('points-mismatch', ev.item.row, c.col, render('points-mismatch', {
          item: itemName(ev.item.number, ev.item.row),
          stated: v.value,
          expected,
        }), { data: { stated: v.value, expected } });
      }
    }
  }

  function checkNumbering(): void {
    const idx = col('index');
    if (idx === undefined) return;
    const numbered = te.items.filter((e) => e.item.number !== undefined);
    if (numbered.length < 2) return;
    const dotted = numbered.some((e) => e.item.number!.includes('.'));
    const restarts = !dotted && restartsPerGroup();
    // The family a number is counted in: its prefix ("4.3" of "4.3.1"), its group when numbering restarts, else the table.
    const familyOf = (n: string, group: string | undefined) => {
      if (dotted) {
        const dot = n.lastIndexOf('.');
        return dot < 0 ? '' : n.slice(0, dot);
      }
      return restarts ? group ?? '' : '';
    };
    const lastOf = (n: string) => Number(n.slice(n.lastIndexOf('.') + 1));
    const seen = new Map<string, Map<string, number>>();
    const prevOf = new Map<string, string>();
    for (const e of numbered) {
      const n = e.item.number!;
      const row = e.item.row;
      const family = familyOf(n, e.item.groupId);
      // Plain numbers restarting at 1 in each group are only duplicates within their group.
      let inFamily = seen.get(dotted ? '' : family);
      if (!inFamily) seen.set(dotted ? '' : family, (inFamily = new Map()));
      const other = inFamily.get(n);
      if (other !== undefined) {
        out.add('duplicate-number', row, idx, render('duplicate-number', { number: n, other: other + 1 }), { data: { number: n } });
      } else inFamily.set(n, row);
      // Gaps: compare each number with the previous one of the same family.
      const prev = prevOf.get(family);
      prevOf.set(family, n);
      if (prev === undefined) continue;
      const last = lastOf(n);
      const prevLast = lastOf(prev);
      if (last > prevLast + 1) {
        const prefix = dotted && family ? `${family}.` : '';
        out.add('numbering-gap', row, idx, render('numbering-gap', {
          previous: prev,
          number: n,
          missing: missingList(prefix, prevLast, last),
        }), { data: { previous: prev, number: n } });
      }
    }
  }

  function restartsPerGroup(): boolean {
    // Numbering restarts per group when some group after the first opens with 1.
    const firsts = new Map<string, string>();
    for (const e of te.items) if (e.item.number && e.item.groupId && !firsts.has(e.item.groupId)) firsts.set(e.item.groupId, e.item.number);
    return [...firsts.values()].slice(1).some((n) => n === '1');
  }

  function checkGroupNumbering(): void {
    const siblings = new Map<string, GroupInfo[]>();
    for (const g of info.groups) {
      if (!g.number) continue;
      const key = `${g.parentId ?? ''}|${g.number.split('.').length}`;
      const list = siblings.get(key) ?? [];
      list.push(g);
      siblings.set(key, list);
    }
    for (const list of siblings.values()) {
      for (let i = 1; i < list.length; i++) {
        const a = list[i - 1].number!.split('.');
        const b = list[i].number!.split('.');
        if (a.slice(0, -1).join('.') !== b.slice(0, -1).join('.')) continue;
        const pa = Number(a[a.length - 1]);
        const pb = Number(b[b.length - 1]);
        if (pb > pa + 1) {
          const prefix = a.length > 1 ? `${a.slice(0, -1).join('.')}.` : '';
          const g = list[i];
          out.add('numbering-gap', g.row, g.col, render('numbering-gap-group', {
            previous: list[i - 1].number!,
            number: g.number!,
            missing: missingList(prefix, pa, pb),
          }), { data: { previous: list[i - 1].number!, number: g.number!, group: true } });
        }
      }
    }
  }

  function checkStated(s: StatedFigure): void {
    if (s.value === null) return;
    const items = s.scope === 'group' && s.groupId ? te.items.filter((e) => info.groups.find((g) => g.id === s.groupId)?.itemRows.includes(e.item.row)) : te.items;
    let computed: number | null;
    let count = 0;
    if (s.kind === 'points') {
      computed = score.annex8?.total ?? null;
    } else {
      const rated = countedPercents(items, false);
      count = rated.length;
      const m = mean(rated);
      computed = m;
    }
    if (computed === null) return;
    const decimals = (String(s.value).split('.')[1] ?? '').length;
    const tolerance = 0.5 * 10 ** -Math.max(decimals, 1) + 0.05;
    if (Math.abs(s.value - computed) <= tolerance) return;
    const key = s.kind === 'points' ? 'average-mismatch-points' : 'average-mismatch';
    out.add('average-mismatch', s.row, s.col, render(key, { label: s.label, stated: s.value, computed: round(computed, 1), count }), {
      data: { stated: s.value, computed: round(computed, 1), count },
    });
  }
}

function missingList(prefix: string, from: number, to: number): string {
  const miss: string[] = [];
  for (let k = from + 1; k < to && miss.length < 4; k++) miss.push(`${prefix}${k}`);
  if (to - from - 1 > 4) miss.push('…');
  return miss.join(', ');
}

export function countSeverities(findings: Finding[]): { error: number; warning: number; info: number } {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

