// The add-in's very hidden sheet: what Revert and Clear marks need, kept
// with the workbook. Layout:
//
//   A1        index (JSON): the snapshot stack, newest first
//   column B  the marks registry (JSON, in chunks from B2 down)
//   column C  the newest snapshot (JSON chunks from C2), D the one before, …
//
// A new snapshot inserts a column at C, Revert deletes column C: the newest
// is always in C, so it is read without first reading the index. Cell text
// is capped at 32,767 characters; chunks are 30,000 and always written as
// quoted text so Excel never parses them. Each chunk is its own operation,
// so a request Excel refuses as too large can be split between chunks.
//
// Columns B and C can hold megabytes (the marks of 20,000 cells, or the
// snapshot of an action that marked them): they are read in bands of
// STORE_BAND_ROWS chunks, the first band with the rest of the caller's reads.
//
// A summary or evaluation sheet an action rewrote in place is kept as data
// in its snapshot (sheet-backup.ts). Earlier versions kept it as a hidden
// backup sheet: such a sheet is deleted only after being made Hidden (Excel
// refuses to delete a very hidden one), and one no index entry names (a
// dropped snapshot's) is deleted the next time a snapshot is recorded.

import { ADDIN_SHEET_PREFIX, columnLetter, parseArea } from '../core';
import { op, runOps, type Op } from './batch';
import { chunkText, textInput } from './cells';
import { fromStoredMark, toStoredMark, type MarkRecord, type StoredMark } from './marks';
import type { ActionKind } from './types';
import { BACKUP_PATTERN, deleteSheetOp, fromStoredSnapshot, toStoredSnapshot, type Snapshot, type StoredSnapshot } from './snapshot';

export const STORE_SHEET = `${ADDIN_SHEET_PREFIX}Store`;
/** Older snapshots are dropped (and their summary backups deleted) past this many. */
export const MAX_SNAPSHOTS = 10;
export type { ActionKind } from './types';

const CHUNK = 30_000;
const FIRST_SNAPSHOT_COL = 2; // C


export interface IndexEntry {
  id: number;
  kind: ActionKind;
  at: string;
  /** Sheets the action changed (to check them before reverting). */
  sheets: string[];
  /** Hidden copy of the summary sheet the action replaced. */
  backup?: string;
  /** A Revert of this action has begun (set before it changes anything; the entry goes when it is done). */
  reverting?: boolean;
}

export interface StoreIndex {
  v: 1;
  nextId: number;
  snapshots: IndexEntry[];
}

function emptyIndex(): StoreIndex {
  return { v: 1, nextId: 1, snapshots: [] };
}

export interface StoreRead {
  exists: boolean;
  index: StoreIndex;
  marks: MarkRecord[];
  /** The newest snapshot, when asked for. */
  top: Snapshot | null;
}

function parse<T>(text: string, fallback: T): T {
  if (text.trim() === '') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    // A damaged store must not block the add-in: start afresh.
    return fallback;
  }
}

/**
 * Chunks read per band of a store column: at most 40 × 30,000 characters,
 * about 2.9 MB of answer with Cyrillic letters and escaped quotes counted
 * — under Excel on the web's 5 MB. The marks of 20,000 cells, or the
 * snapshot of an action that marked them, take several bands.
 */
const STORE_BAND_ROWS = 40;
/** What a band of a small store is expected to bring back (most stores are one band of a few chunks). */
const BAND_GUESS = 200_000;

/** A column's chunks, joined (after the sync that loaded the range's values). */
function firstColumnText(range: Excel.Range): string {
  return (range.values as unknown[][]).map((r) => (typeof r[0] === 'string' ? r[0] : '')).join('');
}

/** A1's text (after the sync that loaded it). */
function textOf(range: Excel.Range): string {
  return String(range.values[0][0] ?? '');
}

interface ColumnReading {
  /** Its first band and how far it goes, in one operation. */
  op: Op;
  /** After the op ran: the column's whole text (later bands read in syncs of their own when it is longer than one). */
  text(context: Excel.RequestContext): Promise<string>;
}

/** A store column from row 2: the first band with the used range's address, then the rest band by band. */
function columnReading(letter: string): ColumnReading {
  const last = 1 + STORE_BAND_ROWS;
  let first: Excel.Range | null = null;
  let used: Excel.Range | null = null;
  const read = op(
    letter,
    (batch) => {
      const worksheet = batch.sheet(STORE_SHEET);
      first = worksheet.getRange(`${letter}2:${letter}${last}`);
      first.load('values');
      used = worksheet.getRange(`${letter}2:${letter}1048576`).getUsedRangeOrNullObject(true);
      used.load('address');
    },
    { reads: true, response: BAND_GUESS },
  );
  return {
    op: read,
    async text(context) {
      const head = firstColumnText(first!);
      if (used!.isNullObject) return head;
      const bottom = parseArea(used!.address.slice(used!.address.lastIndexOf('!') + 1)).bottom + 1;
      if (bottom <= last) return head;
      return head + (await bandsFrom(context, letter, last + 1, bottom));
    },
  };
}

/** Rows top..bottom (1-based) of a store column, a band per operation, as many syncs as their answers need. */
async function bandsFrom(context: Excel.RequestContext, letter: string, top: number, bottom: number): Promise<string> {
  const bands: (() => string)[] = [];
  const ops: Op[] = [];
  for (let start = top; start <= bottom; start += STORE_BAND_ROWS) {
    const end = Math.min(bottom, start + STORE_BAND_ROWS - 1);
    let range: Excel.Range | null = null;
    ops.push(
      op(
        `${letter}${start}`,
        (batch) => {
          range = batch.sheet(STORE_SHEET).getRange(`${letter}${start}:${letter}${end}`);
          range.load('values');
        },
        { reads: true, response: STORE_BAND_ROWS * CHUNK * 2.4 },
      ),
    );
    bands.push(() => firstColumnText(range!));
  }
  await runOps(context, ops);
  return bands.map((band) => band()).join('');
}

export interface StoreReadOptions {
  /** Whether the store sheet exists (from the workbook facts): nothing is read when it does not. */
  exists: boolean;
  /** Also read the newest snapshot (Revert). */
  withTop?: boolean;
  /** Leave the marks registry unread (what Revert would undo needs only the index): false. */
  withMarks?: boolean;
}

export interface StoreReading {
  /** Reads to send (in the caller's sync, beside its own): the index, and the first band of the marks (and of the newest snapshot). */
  ops: Op[];
  /** After they ran: the rest of a column longer than a band (syncs of their own), and the store. */
  finish(context: Excel.RequestContext): Promise<StoreRead>;
}

/** The store's reads as operations (so a request split and sent again sends them again); none when it does not exist. */
export function queueStoreRead(options: StoreReadOptions): StoreReading {
  if (!options.exists) return { ops: [], finish: async () => ({ exists: false, index: emptyIndex(), marks: [], top: null }) };
  let indexCell: Excel.Range | null = null;
  const index = op('A1', (batch) => {
    indexCell = batch.sheet(STORE_SHEET).getRange('A1');
    indexCell.load('values');
  }, { reads: true, response: 40_000 });
  const marks = options.withMarks === false ? null : columnReading('B');
  const top = options.withTop ? columnReading('C') : null;
  return {
    ops: [index, ...(marks ? [marks.op] : []), ...(top ? [top.op] : [])],
    async finish(context) {
      const parsed = parse<StoreIndex>(textOf(indexCell!), emptyIndex());
      const valid = parsed && parsed.v === 1 && Array.isArray(parsed.snapshots) ? parsed : emptyIndex();
      const marksText = marks ? await marks.text(context) : '';
      const topText = top && valid.snapshots.length > 0 ? await top.text(context) : '';
      const stored = topText ? parse<StoredSnapshot | null>(topText, null) : null;
      return {
        exists: true,
        index: valid,
        marks: parse<StoredMark[]>(marksText, []).map(fromStoredMark),
        top: stored ? fromStoredSnapshot(stored) : null,
      };
    },
  };
}

/** Reads the store (one sync for a store of one band; none when it does not exist). */
export async function readStore(context: Excel.RequestContext, options: StoreReadOptions): Promise<StoreRead> {
  const reading = queueStoreRead(options);
  if (reading.ops.length > 0) await runOps(context, reading.ops);
  return reading.finish(context);
}

/** One operation per chunk, from row 2 of the column down. */
function columnOps(col: number, json: string): Op[] {
  const letter = columnLetter(col);
  return chunkText(json, CHUNK).map((chunk, i) =>
    op(chunk, (b) => {
      b.sheet(STORE_SHEET).getRange(`${letter}${i + 2}`).values = [[textInput(chunk)]];
    }),
  );
}

function ensureStore(exists: boolean): Op[] {
  if (exists) return [];
  return [
    op(
      STORE_SHEET,
      (batch) => {
        const worksheet = batch.context.workbook.worksheets.add(STORE_SHEET);
        // VeryHidden: not listed in Unhide, so people do not edit it by accident.
        worksheet.visibility = 'VeryHidden';
      },
      { once: true },
    ),
  ];
}

export function writeIndex(index: StoreIndex): Op {
  const json = JSON.stringify(index);
  return op(json, (b) => {
    b.sheet(STORE_SHEET).getRange('A1').values = [[textInput(json)]];
  });
}

export function writeMarks(marks: MarkRecord[]): Op[] {
  const json = marks.length > 0 ? JSON.stringify(marks.map(toStoredMark)) : '';
  return [op('clear', (b) => b.sheet(STORE_SHEET).getRange('B:B').clear('Contents')), ...columnOps(1, json)];
}

/** The new snapshot becomes column C; older ones move right. */
function pushSnapshot(snapshot: Snapshot): Op[] {
  const json = JSON.stringify(toStoredSnapshot(snapshot));
  return [op('insert', (b) => void b.sheet(STORE_SHEET).getRange('C:C').insert('Right'), { once: true }), ...columnOps(FIRST_SNAPSHOT_COL, json)];
}

export function popSnapshot(): Op {
  return op(
    'pop',
    (b) => {
      b.sheet(STORE_SHEET).getRange('C:C').delete('Left');
    },
    { once: true },
  );
}

/** Deletes the snapshot columns from stack position `from` (0 = newest) on. */
function dropSnapshots(from: number, count: number): Op[] {
  if (count <= 0) return [];
  const first = columnLetter(FIRST_SNAPSHOT_COL + from);
  const last = columnLetter(FIRST_SNAPSHOT_COL + from + count - 1);
  return [
    op(
      'drop',
      (b) => {
        b.sheet(STORE_SHEET).getRange(`${first}:${last}`).delete('Left');
      },
      { once: true },
    ),
  ];
}

/** Deletes the whole store (Revert of the last action): hidden first, as Excel requires. */
export function deleteStore(): Op {
  return deleteSheetOp(STORE_SHEET);
}

/**
 * Index after pushing a snapshot, and what falls off the end (its columns
 * and summary backups must go).
 */
export function pushed(index: StoreIndex, entry: Omit<IndexEntry, 'id'>): { index: StoreIndex; id: number; dropped: IndexEntry[] } {
  const id = index.nextId;
  const all = [{ ...entry, id }, ...index.snapshots];
  return { index: { v: 1, nextId: id + 1, snapshots: all.slice(0, MAX_SNAPSHOTS) }, id, dropped: all.slice(MAX_SNAPSHOTS) };
}

/** Backup and trash sheets that no kept snapshot needs: dropped ones, and any left behind by an interrupted action. */
function unneededBackups(sheetNames: string[], kept: IndexEntry[], creating: string | null): string[] {
  const needed = new Set(kept.map((e) => e.backup).filter((b): b is string => typeof b === 'string'));
  if (creating) needed.add(creating);
  return sheetNames.filter((n) => BACKUP_PATTERN.test(n) && !needed.has(n));
}

/**
 * Ops that record a new snapshot, in an order that leaves nothing half
 * done: the store, the snapshot column and the index first (so Revert
 * knows about the action before it writes anything), then the dropped
 * columns, then the sheets no snapshot needs any more (hidden, then
 * deleted). Should a deletion fail, the index is already right and the
 * sheet is deleted next time.
 */
export function recordSnapshot(
  store: { exists: boolean },
  next: { index: StoreIndex; dropped: IndexEntry[] },
  snapshot: Snapshot,
  sheetNames: string[],
  creatingBackup: string | null,
): Op[] {
  const ops = [...ensureStore(store.exists), ...pushSnapshot(snapshot), writeIndex(next.index)];
  ops.push(...dropSnapshots(MAX_SNAPSHOTS, next.dropped.length));
  for (const name of unneededBackups(sheetNames, next.index.snapshots, creatingBackup)) ops.push(deleteSheetOp(name));
  return ops;
}
