// From header leaves to column roles: settle ambiguous headers from the
// column's contents, re-align headers that a Word paste shifted away from
// their data, and apply the user's corrections.

import type { SheetGrid } from '../sheet';
import { columnLetter } from '../sheet';
import { cellText } from '../text';
import { parseValue } from '../values';
import type { ColumnInfo, ColumnOverride, Role } from '../types';
import type { Leaf } from './header';
import { itemNumber, looksLikePeriod } from './patterns';
import { maxPointsOf } from './roles';

/** What a column holds in the item rows. */
interface ContentProfile {
  filled: number;
  /** Plain numbers between 0 and 100 (ratings). */
  ratings: number;
  numeric: number;
  periods: number;
  numbers: number;
  /** Long text (narrative). */
  narrative: number;
}

/** Shares are all the decisions need: a few hundred rows spread over the table tell them. */
const PROFILE_SAMPLE = 400;

function profileColumn(grid: SheetGrid, col: number, itemRows: number[]): ContentProfile {
  const profile: ContentProfile = { filled: 0, ratings: 0, numeric: 0, periods: 0, numbers: 0, narrative: 0 };
  const stride = Math.max(1, Math.ceil(itemRows.length / PROFILE_SAMPLE));
  for (let i = 0; i < itemRows.length; i += stride) {
    const row = itemRows[i];
    const value = grid.value(row, col);
    if (value === null) continue;
    const text = cellText(value);
    if (text === '') continue;
    profile.filled++;
    // Only numbers and text opening with a digit can be numeric: skip the grammar for the rest.
    const parsed = typeof value === 'number' || /^[\d-–]/.test(text) ? parseValue(value, grid.numberFormat(row, col)) : null;
    if (parsed?.kind === 'number' || parsed?.kind === 'composite') profile.numeric++;
    if (parsed?.kind === 'number' && !parsed.bound && !parsed.unit && parsed.low === undefined && parsed.value >= 0 && parsed.value <= 100)
      profile.ratings++;
    if (typeof value === 'string' && looksLikePeriod(text)) profile.periods++;
    if (itemNumber(value) !== null) profile.numbers++;
    if (typeof value === 'string' && text.length > 40) profile.narrative++;
  }
  return profile;
}

const share = (count: number, profile: ContentProfile) => (profile.filled === 0 ? 0 : count / profile.filled);

/** Whether a column's contents fit a role (only roles with a recognisable content are picky). */
function fits(role: Role | null, profile: ContentProfile): boolean {
  if (profile.filled === 0) return true;
  switch (role) {
    case 'percent':
      return share(profile.ratings, profile) >= 0.6;
    case 'period':
      return share(profile.periods, profile) >= 0.5;
    case 'index':
      return share(profile.numbers, profile) >= 0.6;
    default:
      return true;
  }
}

/** The role contents alone suggest, for a column whose header names none. */
function roleFromContent(profile: ContentProfile, taken: Set<Role>, isFirst: boolean): Role | null {
  if (profile.filled === 0) return null;
  if (isFirst && !taken.has('index') && share(profile.numbers, profile) >= 0.6) return 'index';
  if (!taken.has('period') && share(profile.periods, profile) >= 0.6) return 'period';
  if (!taken.has('percent') && share(profile.ratings, profile) >= 0.8) return 'percent';
  return null;
}

interface Mapping {
  leaf: Leaf;
  col: number;
}

/**
 * Word pastes leave a header's cells shifted from the data (a group header
 * spanning five cells over three sub-columns pushes "Хугацаа" and "Хувь"
 * two columns right). Headers keep their order, so match leaves to the
 * columns that hold data with an order-preserving alignment (a small DP).
 */
function align(leaves: Leaf[], active: number[], profiles: Map<number, ContentProfile>): Mapping[] {
  const leafCount = leaves.length;
  const columnCount = active.length;
  const hasData = (col: number) => (profiles.get(col)?.filled ?? 0) > 0;
  const skipLeaf = (i: number) => (hasData(leaves[i].col) ? 5 : 1);
  const skipCol = 1;
  const match = (i: number, j: number) => {
    const leaf = leaves[i];
    const col = active[j];
    const role = leaf.cls === 'performance-level' ? null : leaf.cls;
    return Math.abs(leaf.col - col) * 0.1 + (fits(role, profiles.get(col)!) ? 0 : 3);
  };
  const cost: number[][] = Array.from({ length: leafCount + 1 }, () => new Array<number>(columnCount + 1).fill(Infinity));
  const step: number[][] = Array.from({ length: leafCount + 1 }, () => new Array<number>(columnCount + 1).fill(0));
  cost[0][0] = 0;
  for (let i = 0; i <= leafCount; i++) {
    for (let j = 0; j <= columnCount; j++) {
      const here = cost[i][j];
      if (here === Infinity) continue;
      if (i < leafCount && j < columnCount && here + match(i, j) < cost[i + 1][j + 1]) {
        cost[i + 1][j + 1] = here + match(i, j);
        step[i + 1][j + 1] = 1;
      }
      if (i < leafCount && here + skipLeaf(i) < cost[i + 1][j]) {
        cost[i + 1][j] = here + skipLeaf(i);
        step[i + 1][j] = 2;
      }
      if (j < columnCount && here + skipCol < cost[i][j + 1]) {
        cost[i][j + 1] = here + skipCol;
        step[i][j + 1] = 3;
      }
    }
  }
  const out: Mapping[] = [];
  let leafIndex = leafCount;
  let activeIndex = columnCount;
  while (leafIndex > 0 || activeIndex > 0) {
    const move = step[leafIndex][activeIndex];
    if (move === 1) {
      out.push({ leaf: leaves[leafIndex - 1], col: active[activeIndex - 1] });
      leafIndex--;
      activeIndex--;
    } else if (move === 2) {
      out.push({ leaf: leaves[leafIndex - 1], col: leaves[leafIndex - 1].col });
      leafIndex--;
    } else {
      activeIndex--;
    }
  }
  return out.reverse();
}

export interface ColumnDecision {
  columns: ColumnInfo[];
  /** Columns the user told the engine to ignore. */
  ignored: number[];
}

/**
 * Decides each column's role. `itemRows` are the rows recognised as items;
 * `span` the header's columns.
 */
export function decideColumns(
  grid: SheetGrid,
  leaves: Leaf[],
  itemRows: number[],
  span: { firstCol: number; lastCol: number },
  overrides: ColumnOverride[],
): ColumnDecision {
  const profiles = new Map<number, ContentProfile>();
  for (let column = span.firstCol; column <= span.lastCol; column++) profiles.set(column, profileColumn(grid, column, itemRows));

  // Columns that really hold data (a stray cell in a shifted row does not count).
  const sampled = Math.ceil(itemRows.length / Math.max(1, Math.ceil(itemRows.length / PROFILE_SAMPLE)));
  const threshold = Math.max(1, Math.ceil(sampled * 0.2));
  const active = [...profiles.entries()].filter(([, profile]) => profile.filled >= threshold).map(([column]) => column);
  const orphanLeaf = leaves.some((l) => (profiles.get(l.col)?.filled ?? 0) === 0);
  const leafCols = new Set(leaves.map((l) => l.col));
  const orphanData = active.some((c) => !leafCols.has(c));

  let mapped: Mapping[] = leaves.map((leaf) => ({ leaf, col: leaf.col }));
  if (itemRows.length > 0 && orphanLeaf && orphanData) mapped = align(leaves, active, profiles);

  const columns: ColumnInfo[] = [];
  const taken = new Set<Role>();
  const byCol = new Map<number, ColumnInfo>();
  const add = (col: number, role: Role, header: string, source: ColumnInfo['source']) => {
    const info: ColumnInfo = { col, letter: columnLetter(col), role, header, source };
    if (role === 'points') {
      const max = maxPointsOf(header);
      if (max !== undefined) info.maxPoints = max;
    }
    columns.push(info);
    byCol.set(col, info);
    if (role !== 'points') taken.add(role);
  };

  // Named roles first, best-fitting column wins a role named twice.
  const named = mapped.filter((m) => m.leaf.cls && m.leaf.cls !== 'performance-level');
  named.sort((first, second) => {
    const firstFits = fits(first.leaf.cls as Role, profiles.get(first.col) ?? emptyProfile()) ? 0 : 1;
    const secondFits = fits(second.leaf.cls as Role, profiles.get(second.col) ?? emptyProfile()) ? 0 : 1;
    return firstFits - secondFits || first.col - second.col;
  });
  for (const mapping of named) {
    const role = mapping.leaf.cls as Role;
    if (byCol.has(mapping.col) || (taken.has(role) && role !== 'points')) continue;
    add(mapping.col, role, mapping.leaf.text, 'header');
  }
  // "Гүйцэтгэлийн түвшин" with no sub-headers: ratings below make it the percent, text the achieved level.
  for (const mapping of mapped.filter((x) => x.leaf.cls === 'performance-level')) {
    if (byCol.has(mapping.col)) continue;
    const profile = profiles.get(mapping.col) ?? emptyProfile();
    const role: Role = !taken.has('percent') && profile.filled > 0 && share(profile.ratings, profile) >= 0.6 ? 'percent' : 'achieved';
    if (!taken.has(role)) add(mapping.col, role, mapping.leaf.text, 'content');
  }
  // Headers that name nothing known, and data columns with no header: decide by contents.
  const undecided = [
    ...mapped.filter((m) => !m.leaf.cls).map((m) => ({ col: m.col, header: m.leaf.text })),
    ...active.filter((c) => !mapped.some((m) => m.col === c)).map((c) => ({ col: c, header: '' })),
  ];
  for (const candidate of undecided.sort((a, b) => a.col - b.col)) {
    if (byCol.has(candidate.col)) continue;
    const role = roleFromContent(profiles.get(candidate.col) ?? emptyProfile(), taken, candidate.col === span.firstCol);
    if (role) add(candidate.col, role, candidate.header, 'content');
  }

  // The user's corrections have the last word.
  const ignored: number[] = [];
  for (const override of overrides) {
    const existing = byCol.get(override.col);
    if (override.role === 'ignore') {
      if (existing) columns.splice(columns.indexOf(existing), 1);
      byCol.delete(override.col);
      ignored.push(override.col);
      continue;
    }
    // A role moves to the column the user chose.
    if (override.role !== 'points') {
      const holder = columns.find((c) => c.role === override.role && c.col !== override.col);
      if (holder) {
        columns.splice(columns.indexOf(holder), 1);
        byCol.delete(holder.col);
      }
    }
    if (existing) columns.splice(columns.indexOf(existing), 1);
    const header = existing?.header ?? leaves.find((l) => l.col === override.col)?.text ?? cellText(null);
    const info: ColumnInfo = { col: override.col, letter: columnLetter(override.col), role: override.role, header, source: 'user' };
    if (override.role === 'points') {
      const max = maxPointsOf(header);
      if (max !== undefined) info.maxPoints = max;
    }
    columns.push(info);
    byCol.set(override.col, info);
  }

  columns.sort((a, b) => a.col - b.col);
  return { columns, ignored };
}

function emptyProfile(): ContentProfile {
  return { filled: 0, ratings: 0, numeric: 0, periods: 0, numbers: 0, narrative: 0 };
}
