// Revert. Every action that changes the workbook (Compute, Validate's marks,
// Clear marks) first records what it is about to change: per cell, the
// earlier state of the aspects it touches and what it writes there; the
// summary sheet it replaces; the marks registry before it. Snapshots form a
// stack (at most MAX_SNAPSHOTS): Revert undoes the newest action, Revert
// again the one before. An action that would change nothing (Compute or
// Validate run twice) records nothing, so repeating an action never buries
// the original state under a copy of itself.
//
// Revert puts a cell back only where it still holds what the action wrote:
// a value the user typed over a computed percent afterwards stays, and is
// reported (RevertResult.keptCells). A cell already back to its earlier
// state (a Revert that failed part-way, run again) is left as it is.
//
// The stored JSON keeps short keys (r, c, v, f, n, b); the code uses the
// readable names of CellState and maps them here, at the boundary.

import { areaAddress, cellAddress, parseArea, type Area, type CellValue } from '../core';
import { op, type Op } from './batch';
import { fromStoredMark, toStoredMark, type MarkRecord, type StoredMark } from './marks';
import { cellKey, sameFill, type CellState, type Fill } from './state';
import type { SavedSheet } from './sheet-backup';
import type { ActionKind } from './store';
import { changeOps, type CellChange } from './writes';

export interface SheetSnapshot {
  name: string;
  /** Earlier states of the cells the action changed. */
  before: CellState[];
  /** What the action wrote to each of them (same order); null in snapshots made before this was recorded. */
  written: CellState[] | null;
  /** The merged areas holding a written cell: Revert's writes are cut at them as the action's were. */
  merged?: Area[];
}

export interface SummaryRecord {
  name: string;
  /**
   * A hidden sheet holding the summary the action replaced: how earlier
   * versions kept it (renamed aside). Null in every snapshot this version
   * records: the sheet is rewritten in place and `saved` holds what it had.
   */
  backup: string | null;
  position: number | null;
  /** What the sheet held before the action rewrote it in place; absent when the action added the sheet. */
  saved?: SavedSheet;
}

export interface Snapshot {
  id: number;
  kind: ActionKind;
  at: string;
  sheets: SheetSnapshot[];
  /** Present when the action wrote the summary sheet, or another whole sheet it replaces or adds (the evaluation sheet). */
  summary?: SummaryRecord;
  /** Sheets the action added and Revert deletes (the roll-up's). */
  added?: string[];
  /** The marks registry before the action, when the action changed it. */
  marks?: MarkRecord[];
}

// ---- the stored form -------------------------------------------------------

interface StoredCell {
  r: number;
  c: number;
  v?: CellValue;
  f?: string | null;
  n?: string;
  b?: boolean;
  fill?: Fill | null;
  note?: string | null;
}

interface StoredSheet {
  name: string;
  cells: StoredCell[];
  written?: StoredCell[];
  /** Merged areas ("H11:H12"). */
  merged?: string[];
}

export interface StoredSnapshot {
  id: number;
  kind: ActionKind;
  at: string;
  sheets: StoredSheet[];
  summary?: SummaryRecord;
  added?: string[];
  marks?: StoredMark[];
}

function toStoredCell(s: CellState): StoredCell {
  const out: StoredCell = { r: s.row, c: s.col };
  if (s.value !== undefined) out.v = s.value;
  if (s.formula !== undefined) out.f = s.formula;
  if (s.numberFormat !== undefined) out.n = s.numberFormat;
  if (s.bold !== undefined) out.b = s.bold;
  if (s.fill !== undefined) out.fill = s.fill;
  if (s.note !== undefined) out.note = s.note;
  return out;
}

function fromStoredCell(x: StoredCell): CellState {
  const out: CellState = { row: x.r, col: x.c };
  if (x.v !== undefined) out.value = x.v;
  if (x.f !== undefined) out.formula = x.f;
  if (x.n !== undefined) out.numberFormat = x.n;
  if (x.b !== undefined) out.bold = x.b;
  if (x.fill !== undefined) out.fill = x.fill;
  if (x.note !== undefined) out.note = x.note;
  return out;
}

export function toStoredSnapshot(s: Snapshot): StoredSnapshot {
  const out: StoredSnapshot = {
    id: s.id,
    kind: s.kind,
    at: s.at,
    sheets: s.sheets.map((sheet) => ({
      name: sheet.name,
      cells: sheet.before.map(toStoredCell),
      ...(sheet.written ? { written: sheet.written.map(toStoredCell) } : {}),
      ...(sheet.merged?.length ? { merged: sheet.merged.map(areaAddress) } : {}),
    })),
  };
  if (s.summary) out.summary = s.summary;
  if (s.added) out.added = s.added;
  if (s.marks) out.marks = s.marks.map(toStoredMark);
  return out;
}

export function fromStoredSnapshot(x: StoredSnapshot): Snapshot {
  const out: Snapshot = {
    id: x.id,
    kind: x.kind,
    at: x.at,
    sheets: (x.sheets ?? []).map((sheet) => ({
      name: sheet.name,
      before: sheet.cells.map(fromStoredCell),
      written: sheet.written ? sheet.written.map(fromStoredCell) : null,
      ...(sheet.merged?.length ? { merged: sheet.merged.map(parseArea) } : {}),
    })),
  };
  if (x.summary) out.summary = x.summary;
  if (x.added) out.added = x.added;
  if (x.marks) out.marks = x.marks.map(fromStoredMark);
  return out;
}

// ---- recording ------------------------------------------------------------

/** Where Revert puts the summary it takes away until the end of its batch (never deleted half-way). */
export function trashName(id: number): string {
  return `Unelgee_Trash${id}`;
}

export const BACKUP_PATTERN = /^Unelgee_(Prev|Trash)\d+$/;

/** The earlier state of the aspects a change touches. */
export function stateBefore(change: CellChange, now: CellState | undefined): CellState {
  const s: CellState = { row: change.row, col: change.col };
  if (change.content || change.numberFormat !== undefined) {
    s.value = now?.value ?? '';
    s.formula = now?.formula ?? null;
    s.numberFormat = now?.numberFormat ?? 'General';
  }
  if (change.bold !== undefined) s.bold = now?.bold ?? false;
  if (change.fill !== undefined) s.fill = now?.fill ?? null;
  if (change.note !== undefined) s.note = now?.note ?? null;
  return s;
}

/** What a change leaves in the cell (the aspects it touches), to tell later whether the user changed it since. */
export function stateAfter(change: CellChange): CellState {
  const s: CellState = { row: change.row, col: change.col };
  if (change.content) {
    s.value = change.content.formula ? undefined : (change.content.value ?? '');
    s.formula = change.content.formula;
  }
  if (change.numberFormat !== undefined) s.numberFormat = change.numberFormat;
  if (change.bold !== undefined) s.bold = change.bold;
  if (change.fill !== undefined) s.fill = change.fill;
  if (change.note !== undefined) s.note = change.note.text;
  return s;
}

// ---- reverting ------------------------------------------------------------

/** The aspects Revert must read now to decide about these cells. */
export function aspectsOf(cells: CellState[]): { content: boolean; bold: boolean; fill: boolean; note: boolean } {
  return {
    content: cells.some((c) => c.formula !== undefined || c.value !== undefined || c.numberFormat !== undefined),
    bold: cells.some((c) => c.bold !== undefined),
    fill: cells.some((c) => c.fill !== undefined),
    note: cells.some((c) => c.note !== undefined),
  };
}

const empty = (v: unknown) => v === null || v === undefined || v === '';

type Aspect = 'content' | 'numberFormat' | 'bold' | 'fill' | 'note';
const ASPECTS: Aspect[] = ['content', 'numberFormat', 'bold', 'fill', 'note'];

/** Whether the cell now holds `want` in one aspect (true when `want` does not record it; notes only when they can be read). */
function holdsAspect(now: CellState, want: CellState, aspect: Aspect, notes: boolean): boolean {
  switch (aspect) {
    case 'content':
      if (want.formula !== undefined && (want.formula ?? null) !== (now.formula ?? null)) return false;
      return !!want.formula || want.value === undefined || (empty(want.value) ? empty(now.value) : want.value === now.value);
    case 'numberFormat':
      return want.numberFormat === undefined || now.numberFormat === undefined || want.numberFormat === now.numberFormat;
    case 'bold':
      return want.bold === undefined || want.bold === (now.bold ?? false);
    case 'fill':
      return want.fill === undefined || sameFill(want.fill, now.fill ?? null);
    case 'note':
      return !notes || want.note === undefined || (want.note ?? null) === (now.note ?? null);
  }
}

/** Whether the cell now holds `want` in every aspect `want` records (notes only when they can be read). */
function holds(now: CellState | undefined, want: CellState, notes: boolean): boolean {
  return now !== undefined && ASPECTS.every((a) => holdsAspect(now, want, a, notes));
}

/**
 * Whether each aspect of the cell holds either what the action wrote or
 * what was there before: an action whose batch stopped half-way (Excel does
 * not roll one back) may have written a cell's contents and not yet its
 * number format. Such a cell is still the action's, not the user's.
 */
function partlyWritten(now: CellState | undefined, written: CellState, before: CellState, notes: boolean): boolean {
  return now !== undefined && ASPECTS.every((a) => holdsAspect(now, written, a, notes) || holdsAspect(now, before, a, notes));
}

export interface SheetRevert {
  changes: CellChange[];
  /** Cells the user changed since the action: left as they are. */
  kept: CellState[];
}

/**
 * Per recorded cell: put the earlier state back where the cell still holds
 * what the action wrote (or where the snapshot does not say what that was,
 * or where a batch that stopped half-way wrote only part of it), leave a
 * cell that is already back as it is, keep a cell the user changed.
 */
export function planSheetRevert(s: SheetSnapshot, now: Map<number, CellState>, notes: boolean): SheetRevert {
  const out: SheetRevert = { changes: [], kept: [] };
  s.before.forEach((before, i) => {
    const current = now.get(cellKey(before.row, before.col));
    const written = s.written?.[i];
    if (written && !holds(current, written, notes)) {
      if (holds(current, before, notes)) return;
      if (!partlyWritten(current, written, before, notes)) {
        out.kept.push(before);
        return;
      }
    }
    const change: CellChange = { row: before.row, col: before.col };
    if (before.value !== undefined || before.formula !== undefined) change.content = { value: before.value ?? null, formula: before.formula ?? null };
    if (before.numberFormat !== undefined) change.numberFormat = before.numberFormat;
    if (before.bold !== undefined) change.bold = before.bold;
    if (before.fill !== undefined) change.fill = before.fill;
    if (before.note !== undefined) change.note = { text: before.note, exists: (current?.note ?? null) !== null };
    out.changes.push(change);
  });
  return out;
}

/** Hides a sheet, then deletes it: Excel refuses to delete a very hidden sheet (Worksheet.delete doc comment). */
export function deleteSheetOp(name: string): Op {
  return op(
    name,
    (b) => {
      const ws = b.context.workbook.worksheets.getItem(name);
      ws.visibility = 'Hidden';
      ws.delete();
    },
    { once: true },
  );
}

export interface SummaryState {
  summaryExists: boolean;
  backupExists: boolean;
  trashExists: boolean;
}

/**
 * Takes the action's summary away without deleting anything yet: the
 * summary is renamed to a hidden trash sheet, the earlier one (if the
 * action replaced one) comes back under its name. The trash goes at the
 * end of the batch (summaryCleanup).
 */
export function summaryRestoreOps(id: number, summary: SummaryRecord, now: SummaryState): Op[] {
  const ops: Op[] = [];
  const { name, backup, position } = summary;
  // A backup already gone means an earlier Revert brought it back: the sheet under the name is the user's again.
  const takeAway = now.summaryExists && !now.trashExists && (backup === null || now.backupExists);
  if (takeAway) {
    const trash = trashName(id);
    ops.push(
      op(
        name,
        (b) => {
          const ws = b.context.workbook.worksheets.getItem(name);
          ws.name = trash;
          ws.visibility = 'Hidden';
        },
        { once: true },
      ),
    );
  }
  if (backup && now.backupExists) {
    ops.push(
      op(
        backup,
        (b) => {
          const ws = b.context.workbook.worksheets.getItem(backup);
          ws.name = name;
          ws.visibility = 'Visible';
          if (position !== null) ws.position = position;
        },
        { once: true },
      ),
    );
  }
  return ops;
}

export function summaryCleanup(id: number, now: SummaryState, takenAway: boolean): Op[] {
  return takenAway || now.trashExists ? [deleteSheetOp(trashName(id))] : [];
}

export function revertCellOps(sheet: string, revert: SheetRevert, notes: boolean, merged: readonly Area[] = []): Op[] {
  return changeOps(sheet, revert.changes, notes, merged);
}

export function keptAddresses(sheet: string, kept: CellState[]): string[] {
  return kept.map((c) => `${sheet}!${cellAddress(c.row, c.col)}`);
}
