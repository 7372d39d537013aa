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
// quoted text so Excel never parses them.

import { ADDIN_SHEET_PREFIX, columnLetter } from '../core';
import { op, type Op } from './batch';
import { chunkText, textInput } from './cells';

export const STORE_SHEET = `${ADDIN_SHEET_PREFIX}Store`;
/** Older snapshots are dropped (and their summary backups deleted) past this many. */
export const MAX_SNAPSHOTS = 10;
export const CHUNK = 30_000;
const FIRST_SNAPSHOT_COL = 2; // C

export type ActionKind = 'validate' | 'compute' | 'clear-marks';

export interface IndexEntry {
  id: number;
  kind: ActionKind;
  at: string;
  /** Sheets the action changed (to check them before reverting). */
  sheets: string[];
  /** Hidden copy of the summary sheet the action replaced. */
  backup?: string;
}

export interface StoreIndex {
  v: 1;
  nextId: number;
  snapshots: IndexEntry[];
}

export function emptyIndex(): StoreIndex {
  return { v: 1, nextId: 1, snapshots: [] };
}

export interface StoreRead<M, S> {
  exists: boolean;
  index: StoreIndex;
  marks: M[];
  /** The newest snapshot, when asked for. */
  top: S | null;
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
function storeOf<M, S>(p: StoreProxies): StoreRead<M, S> {
  const index = parse<StoreIndex>(String(p.a1.values[0][0] ?? ''), emptyIndex());
  const valid = index && index.v === 1 && Array.isArray(index.snapshots) ? index : emptyIndex();
  return {
    exists: true,
    index: valid,
    marks: parse<M[]>(joined(p.marks), []),
    top: p.top && valid.snapshots.length > 0 ? parse<S | null>(joined(p.top), null) : null,
  };
}

/** Queues the reads of the store (index, registry and optionally the newest snapshot); call the result after the sync. */
export function queueStoreRead<M, S>(context: Excel.RequestContext, exists: boolean, withTop: boolean): () => StoreRead<M, S> {
  if (!exists) return () => ({ exists: false, index: emptyIndex(), marks: [], top: null });
  const ws = context.workbook.worksheets.getItem(STORE_SHEET);
  const a1 = ws.getRange('A1');
  a1.load('values');
  const marks = ws.getRange('B2:B1048576').getUsedRangeOrNullObject(true);
  marks.load('values');
  const top = withTop ? ws.getRange('C2:C1048576').getUsedRangeOrNullObject(true) : null;
  top?.load('values');
  const proxies: StoreProxies = { a1, marks, top };
  return () => storeOf<M, S>(proxies);
}

/** Reads the store in one sync (none when it does not exist yet). */
export async function readStore<M, S>(context: Excel.RequestContext, exists: boolean, withTop: boolean): Promise<StoreRead<M, S>> {
  const result = queueStoreRead<M, S>(context, exists, withTop);
  if (exists) await context.sync();
  return result();
}

function writeColumn(ws: Excel.Worksheet, col: number, json: string): void {
  const chunks = chunkText(json, CHUNK);
  if (chunks.length === 0) return;
  const letter = columnLetter(col);
  ws.getRange(`${letter}2:${letter}${chunks.length + 1}`).values = chunks.map((c) => [textInput(c)]);
}

export function ensureStore(exists: boolean): Op[] {
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

export function writeMarks<M>(marks: M[]): Op {
  const json = marks.length > 0 ? JSON.stringify(marks) : '';
  return op(json, (b) => {
    const ws = b.sheet(STORE_SHEET);
    ws.getRange('B:B').clear('Contents');
    writeColumn(ws, 1, json);
  });
}

/** The new snapshot becomes column C; older ones move right. */
export function pushSnapshot<S>(snapshot: S): Op {
  const json = JSON.stringify(snapshot);
  return op(json, (b) => {
    const ws = b.sheet(STORE_SHEET);
    ws.getRange('C:C').insert('Right');
    writeColumn(ws, FIRST_SNAPSHOT_COL, json);
  });
}

export function popSnapshot(): Op {
  return op('pop', (b) => {
    b.sheet(STORE_SHEET).getRange('C:C').delete('Left');
  });
}

/** Deletes the snapshot columns from stack position `from` (0 = newest) on. */
export function dropSnapshots(from: number, count: number): Op[] {
  if (count <= 0) return [];
  const first = columnLetter(FIRST_SNAPSHOT_COL + from);
  const last = columnLetter(FIRST_SNAPSHOT_COL + from + count - 1);
  return [
    op('drop', (b) => {
      b.sheet(STORE_SHEET).getRange(`${first}:${last}`).delete('Left');
    }),
  ];
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

/** Ops that record a new snapshot: store sheet, snapshot column, index, and the oldest dropped. */
export function recordSnapshot<S>(
  exists: boolean,
  next: { index: StoreIndex; dropped: IndexEntry[] },
  snapshot: S,
  sheetExists: (name: string) => boolean,
): Op[] {
  const ops = [...ensureStore(exists), pushSnapshot(snapshot), writeIndex(next.index)];
  ops.push(...dropSnapshots(MAX_SNAPSHOTS, next.dropped.length));
  for (const d of next.dropped) {
    if (d.backup && sheetExists(d.backup)) {
      const name = d.backup;
      ops.push(op(name, (b) => b.context.workbook.worksheets.getItem(name).delete()));
    }
  }
  return ops;
}
