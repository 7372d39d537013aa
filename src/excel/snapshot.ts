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
import type { ActionKind } from './types';
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

function toStoredCell(state: CellState): StoredCell {
  const out: StoredCell = { r: state.row, c: state.col };
  if (state.value !== undefined) out.v = state.value;
  if (state.formula !== undefined) out.f = state.formula;
  if (state.numberFormat !== undefined) out.n = state.numberFormat;
  if (state.bold !== undefined) out.b = state.bold;
  if (state.fill !== undefined) out.fill = state.fill;
  if (state.note !== undefined) out.note = state.note;
  return out;
}

function fromStoredCell(stored: StoredCell): CellState {
  const out: CellState = { row: stored.r, col: stored.c };
  if (stored.v !== undefined) out.value = stored.v;
  if (stored.f !== undefined) out.formula = stored.f;
  if (stored.n !== undefined) out.numberFormat = stored.n;
  if (stored.b !== undefined) out.bold = stored.b;
  if (stored.fill !== undefined) out.fill = stored.fill;
  if (stored.note !== undefined) out.note = stored.note;
  return out;
}

export function toStoredSnapshot(snapshot: Snapshot): StoredSnapshot {
  const out: StoredSnapshot = {
    id: snapshot.id,
    kind: snapshot.kind,
    at: snapshot.at,
    sheets: snapshot.sheets.map((sheet) => ({
      name: sheet.name,
      cells: sheet.before.map(toStoredCell),
      ...(sheet.written ? { written: sheet.written.map(toStoredCell) } : {}),
      ...(sheet.merged?.length ? { merged: sheet.merged.map(areaAddress) } : {}),
    })),
  };
  if (snapshot.summary) out.summary = snapshot.summary;
  if (snapshot.added) out.added = snapshot.added;
  if (snapshot.marks) out.marks = snapshot.marks.map(toStoredMark);
  return out;
}

export function fromStoredSnapshot(stored: StoredSnapshot): Snapshot {
  const out: Snapshot = {
    id: stored.id,
    kind: stored.kind,
    at: stored.at,
    sheets: (stored.sheets ?? []).map((sheet) => ({
      name: sheet.name,
      before: sheet.cells.map(fromStoredCell),
      written: sheet.written ? sheet.written.map(fromStoredCell) : null,
      ...(sheet.merged?.length ? { merged: sheet.merged.map(parseArea) } : {}),
    })),
  };
  if (stored.summary) out.summary = stored.summary;
  if (stored.added) out.added = stored.added;
  if (stored.marks) out.marks = stored.marks.map(fromStoredMark);
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
  const before: CellState = { row: change.row, col: change.col };
  if (change.content || change.numberFormat !== undefined) {
    before.value = now?.value ?? '';
    before.formula = now?.formula ?? null;
    before.numberFormat = now?.numberFormat ?? 'General';
  }
  if (change.bold !== undefined) before.bold = now?.bold ?? false;
  if (change.fill !== undefined) before.fill = now?.fill ?? null;
  if (change.note !== undefined) before.note = now?.note ?? null;
  return before;
}

/** What a change leaves in the cell (the aspects it touches), to tell later whether the user changed it since. */
export function stateAfter(change: CellChange): CellState {
  const after: CellState = { row: change.row, col: change.col };
  if (change.content) {
    after.value = change.content.formula ? undefined : (change.content.value ?? '');
    after.formula = change.content.formula;
  }
  if (change.numberFormat !== undefined) after.numberFormat = change.numberFormat;
  if (change.bold !== undefined) after.bold = change.bold;
  if (change.fill !== undefined) after.fill = change.fill;
  if (change.note !== undefined) after.note = change.note.text;
  return after;
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
export function planSheetRevert(sheet: SheetSnapshot, now: Map<number, CellState>, notes: boolean): SheetRevert {
  const out: SheetRevert = { changes: [], kept: [] };
  sheet.before.forEach((before, i) => {
    const current = now.get(cellKey(before.row, before.col));
    const written = sheet.written?.[i];
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
    (batch) => {
      const worksheet = batch.context.workbook.worksheets.getItem(name);
      worksheet.visibility = 'Hidden';
      worksheet.delete();
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
        (batch) => {
          const worksheet = batch.context.workbook.worksheets.getItem(name);
          worksheet.name = trash;
          worksheet.visibility = 'Hidden';
        },
        { once: true },
      ),
    );
  }
  if (backup && now.backupExists) {
    ops.push(
      op(
        backup,
        (batch) => {
          const worksheet = batch.context.workbook.worksheets.getItem(backup);
          worksheet.name = name;
          worksheet.visibility = 'Visible';
          if (position !== null) worksheet.position = position;
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
