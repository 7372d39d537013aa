// What each item row holds, parsed once and shared by the checks, the scores
// and the edit plan.

import type { Profile } from './profiles';
import { computePercent, snapDown, type PercentResult } from './percent';
import type { RecognizedTable, Item } from './recognize';
import { areaAddress, type CellRef } from './sheet';
import { cellText } from './text';
import type { CellValue, Role } from './types';
import { EMPTY, isPercentFormat, parsePercentCell, parseValue, type ParsedValue, type PercentCell } from './values';

/** An item row as recognised (its row, number, group, continuation rows) with what its cells hold. */
export interface ItemEval extends Item {
  /** Text of each role's cell, with its continuation rows appended. */
  text: Partial<Record<Role, string>>;
  parsed: { target: ParsedValue; achieved: ParsedValue; baseline: ParsedValue };
  /** The percent cell, when the table has a percent column. */
  percentCell?: CellRef;
  percent?: PercentCell;
  /** Percent from the numbers (whether or not a rating is present). */
  fromNumbers: PercentResult | null;
  /** What counts towards averages: the rating, else (for Compute) the computed percent. */
  rating: number | null;
  computed: number | null;
  /** A rating left outside the percent column by a shifted row (the percent cell being empty). */
  misplaced?: { col: number; value: number };
  /**
   * The rating is counted by the engine but not as AVERAGE() would count the
   * cell: typed as text ("90 хувь"), or a number on the other scale than the
   * table's (86 among fractions, 0.86 shown as 86% among plain numbers).
   * Compute writes it as a number on the table's scale so its formulas agree.
   */
  needsConversion?: boolean;
}

/** A recognised table with each item evaluated. */
export interface TableEval {
  recognized: RecognizedTable;
  /** The recognised table's facts, its grid and its role columns (shortcuts into `recognized`). */
  info: RecognizedTable['info'];
  grid: RecognizedTable['grid'];
  roleCol: RecognizedTable['roleCol'];
  items: ItemEval[];
  /** Ratings are stored as fractions in a percent-formatted column (0.86 shown as 86%). */
  percentFormatted: boolean;
  percentFormat?: string;
}

function roleText(table: RecognizedTable, item: Item, role: Role): string {
  const col = table.roleCol[role];
  if (col === undefined) return '';
  let text = cellText(table.grid.value(item.row, col));
  // Indexed: most items have no continuation rows, and their shared empty list is frozen (a slow path for for…of).
  const rows = item.continuation;
  for (let k = 0; k < rows.length; k++) {
    const more = cellText(table.grid.value(rows[k], col));
    if (more !== '') text = text === '' ? more : `${text} ${more}`;
  }
  return text;
}

function parseRole(table: RecognizedTable, item: Item, role: Role): ParsedValue {
  const col = table.roleCol[role];
  if (col === undefined) return EMPTY;
  const value = table.grid.value(item.row, col);
  // A number (or a percent-formatted cell) stands on its own; text continues on the rows below.
  if (typeof value === 'number' || item.continuation.length === 0) return parseValue(value, table.grid.numberFormat(item.row, col));
  const joined = roleText(table, item, role);
  return parseValue(joined === '' ? null : joined);
}

/**
 * What each item of a recognised table holds. In: the table and the
 * profile (its scale decides snapping and stray ratings). Out: per item the
 * parsed baseline, target and achieved levels, its percent cell as read, the
 * percent the numbers give, what counts towards averages — shared by the
 * checks, the scores and the edit plan.
 */
export function evaluateTable(table: RecognizedTable, profile: Profile): TableEval {
  const percentCol = table.roleCol.percent;
  let formatted = 0;
  let plain = 0;
  let percentFormat: string | undefined;
  const items: ItemEval[] = table.items.map((item) => {
    // Only the texts the checks read (the indicator's presence, the target's words).
    const text: Partial<Record<Role, string>> = {};
    if (table.roleCol.indicator !== undefined) text.indicator = roleText(table, item, 'indicator');
    if (table.roleCol.target !== undefined) text.target = roleText(table, item, 'target');
    const parsed = {
      target: parseRole(table, item, 'target'),
      achieved: parseRole(table, item, 'achieved'),
      baseline: parseRole(table, item, 'baseline'),
    };
    const hasNumbers = table.roleCol.target !== undefined && table.roleCol.achieved !== undefined;
    const fromNumbers = hasNumbers ? computePercent(parsed.target, parsed.achieved, parsed.baseline, text.target ?? '') : null;
    // Every field from the start: one object shape for all items keeps property reads fast.
    const evaluated: ItemEval = {
      row: item.row,
      number: item.number,
      groupId: item.groupId,
      continuation: item.continuation,
      text,
      parsed,
      fromNumbers,
      rating: null,
      computed: null,
      percentCell: undefined,
      percent: undefined,
      misplaced: undefined,
      needsConversion: undefined,
    };
    return evaluated;
  });
  const narrativeAchieved = mostlyNarrative(items);
  // Loops over every item run once per table, mostly before the optimising compiler gets to them:
  // their bodies are functions of their own (compiled after a few hundred calls) and they use no iterator.
  if (percentCol !== undefined) {
    for (let i = 0; i < items.length; i++) {
      const format = ratePercent(table, items[i], percentCol, narrativeAchieved, profile);
      if (format === null) continue;
      if (isPercentFormat(format)) {
        formatted++;
        percentFormat = format;
      } else plain++;
    }
  }
  const result: TableEval = { recognized: table, info: table.info, grid: table.grid, roleCol: table.roleCol, items, percentFormatted: formatted > plain };
  if (result.percentFormatted && percentFormat) result.percentFormat = percentFormat;
  if (percentCol !== undefined) for (let i = 0; i < items.length; i++) markConversion(table, items[i], percentCol, result.percentFormatted);
  return result;
}

/**
 * An item's percent cell read: its rating, a rating left outside it, or what
 * Compute would fill. Returns the cell's number format when it holds a number
 * (the table's scale is its numbers' majority format), else null.
 */
function ratePercent(table: RecognizedTable, item: ItemEval, percentCol: number, narrativeAchieved: boolean, profile: Profile): string | null {
  item.percentCell = { row: item.row, col: percentCol };
  const format = table.grid.numberFormat(item.row, percentCol);
  const value = table.grid.value(item.row, percentCol);
  const percent = percentCellAt(table, item.row, percentCol, value, format);
  item.percent = percent;
  if (percent.kind === 'rating') item.rating = percent.value;
  else if (percent.kind === 'empty') item.misplaced = misplacedRating(table, item, percentCol, narrativeAchieved, profile.scale);
  // A shifted row's "achieved" is really its rating: compute nothing from it.
  const fromNumbers = item.fromNumbers;
  if (percent.kind === 'empty' && !item.misplaced && fromNumbers?.ok) {
    item.computed = profile.snapDown ? snapDown(fromNumbers.value, profile.scale) : fromNumbers.value;
  }
  return typeof value === 'number' ? format : null;
}

/** A rating the engine counts but AVERAGE would not count alike (text, or a number on the other scale): Compute rewrites it. */
function markConversion(table: RecognizedTable, item: ItemEval, percentCol: number, percentFormatted: boolean): void {
  if (item.percent?.kind !== 'rating') return;
  const value = table.grid.value(item.row, percentCol);
  const onTableScale = typeof value === 'number' && isPercentFormat(table.grid.numberFormat(item.row, percentCol)) === percentFormatted;
  if (!onTableScale) item.needsConversion = true;
}

/**
 * The percent cell as the checks and Compute see it: merged away, a formula
 * with no value yet, a formula giving a rating as text or giving nothing, or
 * its contents.
 */
function percentCellAt(table: RecognizedTable, row: number, col: number, value: CellValue, format: string): PercentCell {
  const grid = table.grid;
  const merged = grid.mergeOf(row, col);
  if (merged && (merged.top !== row || merged.left !== col)) return { kind: 'merged', area: areaAddress(merged) };
  const formula = grid.formula(row, col);
  if (formula === null) return parsePercentCell(value, format);
  if (!grid.hasCachedValue(row, col)) return { kind: 'uncached', formula };
  // A formula that gave "" (or nothing) as last calculated: not an empty cell to fill.
  if (value === null) return { kind: 'formula', formula, gives: 'empty' };
  const cell = parsePercentCell(value, format);
  // A rating as text: AVERAGE skips it, and Compute cannot convert a formula's result.
  if (typeof value === 'string' && cell.kind === 'rating') return { kind: 'formula', formula, gives: 'text', text: value, value: cell.value };
  return cell;
}

const NUMBER_ROLES: Role[] = ['index', 'baseline', 'target', 'budget', 'points'];

/** A column where numbers belong (so a number there is no stray rating): the index, levels, budget, points — and achieved where achieved levels are numbers. */
function numbersBelongIn(table: RecognizedTable, col: number, narrativeAchieved: boolean): boolean {
  if (!narrativeAchieved && table.roleCol.achieved === col) return true;
  return NUMBER_ROLES.some((role) => table.roleCol[role] === col);
}

/**
 * A 0–100 number as the last filled cell of an item row, outside the percent
 * column and outside columns where numbers belong: a rating a shifted row
 * (Word paste) left in the achieved column or past the table.
 */
function misplacedRating(
  table: RecognizedTable,
  item: Item,
  percentCol: number,
  narrativeAchieved: boolean,
  scale: number[],
): { col: number; value: number } | undefined {
  let last: { col: number; value: CellValue } | undefined;
  for (let col = table.info.firstCol, end = table.grid.lastColIn(item.row); col <= end; col++) {
    const value = table.grid.value(item.row, col);
    if (value !== null && cellText(value) !== '') last = { col, value };
  }
  if (!last || last.col === percentCol || numbersBelongIn(table, last.col, narrativeAchieved)) return undefined;
  const parsed = parseValue(last.value, table.grid.numberFormat(item.row, last.col));
  if (parsed.kind !== 'number' || parsed.bound || parsed.unit || parsed.low !== undefined) return undefined;
  // A stray rating is a level of the scale (100, 90, 70 …), not any small number.
  if (!scale.includes(parsed.value)) return undefined;
  return { col: last.col, value: parsed.value };
}

/** The achieved column mostly holds narrative text (as in most unit reports). */
function mostlyNarrative(items: ItemEval[]): boolean {
  let filled = 0;
  let narrative = 0;
  for (let i = 0; i < items.length; i++) {
    const kind = items[i].parsed.achieved.kind;
    if (kind === 'empty') continue;
    filled++;
    if (kind === 'text') narrative++;
  }
  return filled > 0 && narrative / filled >= 0.6;
}
