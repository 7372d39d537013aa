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
// Sheets are deleted only after being made Hidden (Excel refuses to delete
// a very hidden one), and a dropped snapshot's backup that could not be
// deleted (or any backup no index entry names) is deleted the next time a
// snapshot is recorded: nothing the stack drops is left behind for long.

import { ADDIN_SHEET_PREFIX, columnLetter } from '../core';
import { op, type Op } from './batch';
import { chunkText, textInput } from './cells';
import { fromStoredMark, toStoredMark, type MarkRecord, type StoredMark } from './marks';
import { BACKUP_PATTERN, deleteSheetOp, fromStoredSnapshot, toStoredSnapshot, type Snapshot, type StoredSnapshot } from './snapshot';

export const STORE_SHEET = `${ADDIN_SHEET_PREFIX}Store`;
/** Older snapshots are dropped (and their summary backups deleted) past this many. */
export const MAX_SNAPSHOTS = 10;
const CHUNK = 30_000;
const FIRST_SNAPSHOT_COL = 2; // C

export type ActionKind = 'validate' | 'compute' | 'clear-marks' | 'fix' | 'evaluation' | 'rollup' | 'report-form' | 'next-plan' | 'findings';

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

function joined(range: Excel.Range): string {
  if (range.isNullObject) return '';
  return (range.values as unknown[][]).map((r) => (typeof r[0] === 'string' ? r[0] : '')).join('');
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

interface StoreProxies {
  a1: Excel.Range;
  marks: Excel.Range;
  top: Excel.Range | null;
}

/** After the sync that carried the store's loads. */
function storeOf(p: StoreProxies): StoreRead {
  const index = parse<StoreIndex>(String(p.a1.values[0][0] ?? ''), emptyIndex());
  const valid = index && index.v === 1 && Array.isArray(index.snapshots) ? index : emptyIndex();
  const stored = p.top && valid.snapshots.length > 0 ? parse<StoredSnapshot | null>(joined(p.top), null) : null;
  return {
    exists: true,
    index: valid,
    marks: parse<StoredMark[]>(joined(p.marks), []).map(fromStoredMark),
    top: stored ? fromStoredSnapshot(stored) : null,
  };
}

export interface StoreReadOptions {
  /** Whether the store sheet exists (from the workbook facts): nothing is read when it does not. */
  exists: boolean;
  /** Also read the newest snapshot (Revert). */
  withTop?: boolean;
}

/** Queues the reads of the store; call the result after the sync. */
export function queueStoreRead(context: Excel.RequestContext, options: StoreReadOptions): () => StoreRead {
  if (!options.exists) return () => ({ exists: false, index: emptyIndex(), marks: [], top: null });
  const ws = context.workbook.worksheets.getItem(STORE_SHEET);
  const a1 = ws.getRange('A1');
  a1.load('values');
  const marks = ws.getRange('B2:B1048576').getUsedRangeOrNullObject(true);
  marks.load('values');
  const top = options.withTop ? ws.getRange('C2:C1048576').getUsedRangeOrNullObject(true) : null;
  top?.load('values');
  const proxies: StoreProxies = { a1, marks, top };
  return () => storeOf(proxies);
}

/** Reads the store in one sync (none when it does not exist yet). */
export async function readStore(context: Excel.RequestContext, options: StoreReadOptions): Promise<StoreRead> {
  const result = queueStoreRead(context, options);
  if (options.exists) await context.sync();
  return result();
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
    op(STORE_SHEET, (b) => {
      const ws = b.context.workbook.worksheets.add(STORE_SHEET);
      // VeryHidden: not listed in Unhide, so people do not edit it by accident.
      ws.visibility = 'VeryHidden';
    }),
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
  return [op('insert', (b) => void b.sheet(STORE_SHEET).getRange('C:C').insert('Right')), ...columnOps(FIRST_SNAPSHOT_COL, json)];
}

export function popSnapshot(): Op {
  return op('pop', (b) => {
    b.sheet(STORE_SHEET).getRange('C:C').delete('Left');
  });
}

/** Deletes the snapshot columns from stack position `from` (0 = newest) on. */
function dropSnapshots(from: number, count: number): Op[] {
  if (count <= 0) return [];
  const first = columnLetter(FIRST_SNAPSHOT_COL + from);
  const last = columnLetter(FIRST_SNAPSHOT_COL + from + count - 1);
  return [
    op('drop', (b) => {
      b.sheet(STORE_SHEET).getRange(`${first}:${last}`).delete('Left');
    }),
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
