// Writes queued as small operations with an estimated size, sent in as few
// context.sync() calls as Excel on the web's 5 MB request cap allows: one for
// any ordinary plan; more only when a plan is larger than one request can
// carry (a size-driven split, never one sync per cell or per row). Should
// Excel still refuse a request as too large (the estimate is only an
// estimate), it is split in two and each half sent again: a refused request
// changes nothing, so sending it again is safe.

import { utf8Length } from '../core';

/** Stay well under Excel on the web's 5,000,000 bytes so office-js's own envelope fits. */
const PAYLOAD_BUDGET = 4_000_000;
/** What one action costs in a request besides its data (ids, method names, object paths). */
const OP_OVERHEAD = 200;

/** Estimated request bytes of an action carrying `data`. */
function sizeOf(data: unknown): number {
  return OP_OVERHEAD + (data === undefined ? 0 : utf8Length(JSON.stringify(data)));
}

/** Worksheet proxies shared by the operations of one sync. */
export class Batch {
  private readonly sheets = new Map<string, Excel.Worksheet>();
  constructor(readonly context: Excel.RequestContext) {}

  sheet(name: string): Excel.Worksheet {
    let ws = this.sheets.get(name);
    if (!ws) {
      ws = this.context.workbook.worksheets.getItem(name);
      this.sheets.set(name, ws);
    }
    return ws;
  }
}

export interface Op {
  /** Estimated request bytes. */
  size: number;
  /** Writes formulas: calculation is suspended for the sync that carries it. */
  formulas?: boolean;
  queue(b: Batch): void;
}

/**
 * An operation: `carries` is the data it sends (measured for its size
 * estimate only), `queue` puts its calls on the batch.
 */
export function op(carries: unknown, queue: (b: Batch) => void, options: { formulas?: boolean } = {}): Op {
  return { size: sizeOf(carries), queue, formulas: options.formulas === true };
}

/** Consecutive operations packed into syncs of at most `budget` estimated bytes. */
function pack(ops: Op[], budget = PAYLOAD_BUDGET): Op[][] {
  const out: Op[][] = [];
  let current: Op[] = [];
  let size = 0;
  for (const o of ops) {
    if (current.length > 0 && size + o.size > budget) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(o);
    size += o.size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

export function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded') return true;
  const message = e instanceof Error ? e.message : String(e);
  return /payload size/i.test(message);
}

function isRequestTooLarge(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'RequestPayloadSizeLimitExceeded' || (code === undefined && /request payload size/i.test(e instanceof Error ? e.message : String(e)));
}

/** Sends one group of operations; a group Excel refuses as too large is halved and sent again. Returns the syncs taken. */
async function send(context: Excel.RequestContext, group: Op[]): Promise<number> {
  const b = new Batch(context);
  if (group.some((o) => o.formulas)) context.application.suspendApiCalculationUntilNextSync();
  for (const o of group) o.queue(b);
  try {
    await context.sync();
    return 1;
  } catch (e) {
    if (!isRequestTooLarge(e) || group.length < 2) throw e;
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
