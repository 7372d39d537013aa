// Validate's marks: a fill by severity and a note with the finding's
// message on each finding's cell. The registry (kept in the store) remembers
// each marked cell's fill and note from before, so Clear marks restores them
// and Validate again replaces the old marks instead of stacking new ones.
// A mark is only taken back where it is still ours: a fill the user changed
// or a note Compute rewrote stays.

import type { Finding, Severity } from '../core';
import { SEVERITY_NAMES } from '../i18n/findings';
import { cellKey, sameFill, type CellState, type Fill } from './state';
import type { CellChange } from './writes';

/**
 * Excel's own "Bad" and "Neutral" cell-style fills for errors and warnings,
 * and a light blue for information: readable with black text, and told
 * apart by lightness as well as hue. The note names the severity in words,
 * so colour is never the only signal.
 */
export const MARK_FILLS: Record<Severity, string> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
  info: '#DDEBF7',
};

/** Findings about a whole sheet are shown in the pane, not painted on A1. */
const SHEET_LEVEL = new Set(['header-not-found', 'sheet-unreadable']);

export interface MarkRecord {
  sheet: string;
  row: number;
  col: number;
  /** What we set. */
  fill: string;
  text: string | null;
  /** What was there before. */
  prevFill: Fill | null;
  prevNote: string | null;
}

/** A mark as kept in the store (short keys, as written by earlier versions). */
export interface StoredMark {
  s: string;
  r: number;
  c: number;
  fill: string;
  text: string | null;
  prevFill: Fill | null;
  prevNote: string | null;
}

export function toStoredMark(mark: MarkRecord): StoredMark {
  return { s: mark.sheet, r: mark.row, c: mark.col, fill: mark.fill, text: mark.text, prevFill: mark.prevFill, prevNote: mark.prevNote };
}

export function fromStoredMark(stored: StoredMark): MarkRecord {
  return { sheet: stored.s, row: stored.r, col: stored.c, fill: stored.fill, text: stored.text, prevFill: stored.prevFill, prevNote: stored.prevNote };
}

export interface DesiredMark {
  sheet: string;
  row: number;
  col: number;
  fill: string;
  /** null when the host has no notes API. */
  text: string | null;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const NOTE_PREFIX: Record<'mn' | 'en', string> = { mn: 'Үнэлгээ', en: 'Unelgee' };

export function desiredMarks(findings: Finding[], lang: 'mn' | 'en', notes: boolean): DesiredMark[] {
  const byCell = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (SHEET_LEVEL.has(finding.code)) continue;
    const cell = `${finding.sheet}\u0000${cellKey(finding.row, finding.col)}`;
    const list = byCell.get(cell) ?? [];
    list.push(finding);
    byCell.set(cell, list);
  }
  const out: DesiredMark[] = [];
  for (const list of byCell.values()) {
    list.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
    const top = list[0];
    const text = list.map((f) => `${SEVERITY_NAMES[f.severity][lang]}: ${f.message[lang]}`).join('\n');
    out.push({ sheet: top.sheet, row: top.row, col: top.col, fill: MARK_FILLS[top.severity], text: notes ? `${NOTE_PREFIX[lang]} · ${text}` : null });
  }
  return out;
}

export interface MarkPlan {
  /** Per sheet: the cell changes to make, and the cells' states before them (for the snapshot). */
  changes: Map<string, CellChange[]>;
  before: Map<string, CellState[]>;
  registry: MarkRecord[];
}

type States = Map<string, Map<number, CellState>>;

function stateOf(states: States, sheet: string, row: number, col: number): CellState | undefined {
  return states.get(sheet)?.get(cellKey(row, col));
}

function add<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key) ?? [];
  list.push(item);
  map.set(key, list);
}

/** Cells a marks plan needs to know the current fill and note of. */
export function touchedCells(desired: DesiredMark[], old: MarkRecord[]): Map<string, { row: number; col: number }[]> {
  const out = new Map<string, { row: number; col: number }[]>();
  for (const mark of desired) add(out, mark.sheet, { row: mark.row, col: mark.col });
  for (const mark of old) add(out, mark.sheet, { row: mark.row, col: mark.col });
  return out;
}

/**
 * Replaces the `old` marks with `desired` (an empty list clears them).
 * `states` holds the current fill (and note, when `notes`) of every touched cell.
 */
export function planMarks(desired: DesiredMark[], old: MarkRecord[], states: States, notes: boolean): MarkPlan {
  const oldAt = new Map(old.map((o) => [`${o.sheet}\u0000${cellKey(o.row, o.col)}`, o]));
  const wantAt = new Map(desired.map((d) => [`${d.sheet}\u0000${cellKey(d.row, d.col)}`, d]));
  const keys = new Set([...oldAt.keys(), ...wantAt.keys()]);
  const plan: MarkPlan = { changes: new Map(), before: new Map(), registry: [] };

  for (const key of keys) {
    const oldMark = oldAt.get(key);
    const wanted = wantAt.get(key);
    const sheet = (wanted?.sheet ?? oldMark?.sheet)!;
    const row = (wanted?.row ?? oldMark?.row)!;
    const col = (wanted?.col ?? oldMark?.col)!;
    const now = stateOf(states, sheet, row, col);
    const fillNow = now?.fill ?? null;
    const noteNow = now?.note ?? null;
    // What the cell would hold without our old mark.
    const baseFill = oldMark && sameFill(fillNow, { color: oldMark.fill, pattern: 'Solid' }) ? oldMark.prevFill : fillNow;
    const baseNote = oldMark && oldMark.text !== null && noteNow === oldMark.text ? oldMark.prevNote : noteNow;
    const wantFill: Fill | null = wanted ? { color: wanted.fill, pattern: 'Solid' } : baseFill;
    const wantNote = wanted && wanted.text !== null ? wanted.text : wanted ? noteNow : baseNote;

    const change: CellChange = { row, col };
    const before: CellState = { row, col };
    if (!sameFill(wantFill, fillNow)) {
      change.fill = wantFill;
      before.fill = fillNow;
    }
    if (notes && wantNote !== noteNow) {
      change.note = { text: wantNote, exists: noteNow !== null };
      before.note = noteNow;
    }
    if (change.fill !== undefined || change.note !== undefined) {
      add(plan.changes, sheet, change);
      add(plan.before, sheet, before);
    }
    if (wanted) plan.registry.push({ sheet, row, col, fill: wanted.fill, text: wanted.text, prevFill: baseFill, prevNote: notes ? baseNote : null });
  }
  return plan;
}

export function sameRegistry(left: MarkRecord[], right: MarkRecord[]): boolean {
  const key = (m: MarkRecord) => JSON.stringify([m.sheet, m.row, m.col, m.fill, m.text, m.prevFill, m.prevNote]);
  const leftKeys = left.map(key).sort();
  const rightKeys = right.map(key).sort();
  return leftKeys.length === rightKeys.length && leftKeys.every((k, i) => k === rightKeys[i]);
}
