// Work queued as small operations with an estimated size, sent in as few
// context.sync() calls as Excel on the web's 5 MB limits allow: one for any
// ordinary plan; more only when the work is larger than one request (or
// its answer) can carry — a size-driven split, never one sync per cell or
// per row.
//
// The estimate counts what office-js puts on the wire for each operation
// (wire-estimate.ts: each object it reaches, each property set, method and
// load, and the data they carry), so the first try fits: older Excel on the
// web answers an oversized request with GeneralException ("An internal
// error has occurred", office-js#1314, #1012), not with the documented code.
// Should Excel still refuse a group, it is halved and each half sent again
// when that is safe: a request refused as too large changed nothing; a
// group of reads changed nothing whatever the answer; a GeneralException on
// a large group that holds no operation unsafe to run twice (`once`: an
// inserted column, an added sheet) is taken for the same refusal.

import { utf8Length } from '../core';
import { recordedBytes } from './wire-estimate';

/** Estimated request bytes per sync: below Excel on the web's 5,000,000 with room for the estimate's error. */
const PAYLOAD_BUDGET = 4_000_000;
/** Estimated response bytes per sync of reads. */
const RESPONSE_BUDGET = 3_500_000;
/** What an operation is counted when its calls cannot be recorded: its data and a generous envelope. */
const OP_OVERHEAD = 2_000;
/** A GeneralException on a group estimated at least this large may be Excel on the web refusing its size. */
const SUSPECT_BYTES = 1_000_000;

/** Estimated request bytes of an action carrying `data` (when its calls cannot be recorded). */
function sizeOf(data: unknown): number {
  return OP_OVERHEAD + (data === undefined ? 0 : utf8Length(JSON.stringify(data)));
}

/** Worksheet proxies shared by the operations of one sync. */
export class Batch {
  private readonly sheets = new Map<string, Excel.Worksheet>();
  constructor(readonly context: Excel.RequestContext) {}

  sheet(name: string): Excel.Worksheet {
    let worksheet = this.sheets.get(name);
    if (!worksheet) {
      worksheet = this.context.workbook.worksheets.getItem(name);
      this.sheets.set(name, worksheet);
    }
    return worksheet;
  }
}

export interface Op {
  /** Estimated request bytes (counted on first use: the operation's calls recorded). */
  readonly size: number;
  /** Estimated response bytes (reads). */
  response: number;
  /** Writes formulas: calculation is suspended for the sync that carries it. */
  formulas?: boolean;
  /** Only reads: a group of such operations may be sent again, smaller, whatever Excel answered. */
  reads?: boolean;
  /** Unsafe to run twice (inserts or deletes columns, adds, renames or deletes a sheet). */
  once?: boolean;
  queue(batch: Batch): void;
}

export interface OpOptions {
  formulas?: boolean;
  /** A read: `response` estimates its answer's bytes. */
  reads?: boolean;
  response?: number;
  once?: boolean;
}

/**
 * An operation: `queue` puts its calls on the batch; its request bytes are
 * counted by recording those calls once (wire-estimate.ts), or from
 * `carries`, the data it sends, should that fail.
 */
export function op(carries: unknown, queue: (batch: Batch) => void, options: OpOptions = {}): Op {
  let size: number | null = null;
  return {
    get size(): number {
      if (size === null) {
        try {
          size = recordedBytes(queue as (batch: unknown) => void);
        } catch {
          size = sizeOf(carries);
        }
      }
      return size;
    },
    response: options.response ?? 0,
    queue,
    formulas: options.formulas === true,
    reads: options.reads === true,
    once: options.once === true,
  };
}

/** Consecutive operations packed into syncs of at most `budget` estimated request bytes and `responseBudget` response bytes. */
function pack(ops: Op[], budget = PAYLOAD_BUDGET, responseBudget = RESPONSE_BUDGET): Op[][] {
  const out: Op[][] = [];
  let current: Op[] = [];
  let size = 0;
  let response = 0;
  for (const operation of ops) {
    if (current.length > 0 && (size + operation.size > budget || response + operation.response > responseBudget)) {
      out.push(current);
      current = [];
      size = 0;
      response = 0;
    }
    current.push(operation);
    size += operation.size;
    response += operation.response;
  }
  if (current.length > 0) out.push(current);
  return out;
}

const codeOf = (e: unknown): unknown => (e as { code?: unknown } | null)?.code;
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function isPayloadError(error: unknown): boolean {
  const code = codeOf(error);
  if (code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded') return true;
  return /payload size/i.test(messageOf(error));
}

function isRequestTooLarge(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'RequestPayloadSizeLimitExceeded' || (code === undefined && /request payload size/i.test(messageOf(error)));
}

/** Older Excel on the web answers an oversized request or response with this (office-js#1314, #1012). */
export function isGeneralException(error: unknown): boolean {
  return codeOf(error) === 'GeneralException';
}

/** Whether a group Excel refused may be halved and sent again (see the head of this file). */
function splittable(error: unknown, group: Op[]): boolean {
  if (isRequestTooLarge(error)) return true;
  const reads = group.every((o) => o.reads);
  if (isPayloadError(error)) return reads;
  if (!isGeneralException(error)) return false;
  if (reads) return true;
  const size = group.reduce((n, o) => n + o.size, 0);
  return size >= SUSPECT_BYTES && !group.some((o) => o.once);
}

/** Sends one group of operations; a group Excel refuses as too large is halved and sent again. Returns the syncs taken. */
async function send(context: Excel.RequestContext, group: Op[]): Promise<number> {
  const batch = new Batch(context);
  if (group.some((o) => o.formulas)) context.application.suspendApiCalculationUntilNextSync();
  for (const operation of group) operation.queue(batch);
  try {
    await context.sync();
    return 1;
  } catch (error) {
    if (group.length < 2 || !splittable(error, group)) throw error;
    const half = Math.ceil(group.length / 2);
    const first = await send(context, group.slice(0, half));
    return first + (await send(context, group.slice(half)));
  }
}

async function sendFrom(context: Excel.RequestContext, groups: Op[][], i: number, syncs: number): Promise<number> {
  if (i >= groups.length) return syncs;
  // One sync per size-limited group (recursion, not a loop: each group needs the previous one done).
  const taken = await send(context, groups[i]);
  return sendFrom(context, groups, i + 1, syncs + taken);
}

export interface RunOptions {
  /** Estimated bytes per sync (PAYLOAD_BUDGET). */
  budget?: number;
  /** Sync once even without operations (for loads the caller queued). */
  flush?: boolean;
}

/** Queues and syncs the operations in order; returns how many syncs it took. */
export async function runOps(context: Excel.RequestContext, ops: Op[], options: RunOptions = {}): Promise<number> {
  const groups = pack(ops, options.budget ?? PAYLOAD_BUDGET);
  if (groups.length === 0 && options.flush) groups.push([]);
  return sendFrom(context, groups, 0, 0);
}
