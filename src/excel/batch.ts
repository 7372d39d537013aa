// Writes queued as small operations with an estimated size, sent in as few
// context.sync() calls as Excel on the web's 5 MB request cap allows: one for
// any ordinary plan; more only when a plan is larger than one request can
// carry (a size-driven split, never one sync per cell or per row).

/** Stay well under Excel on the web's 5 MB so office-js's own envelope fits. */
export const PAYLOAD_BUDGET = 4_000_000;
/** What one action costs in a request besides its data (ids, method names, paths). */
export const OP_OVERHEAD = 120;

export function sizeOf(payload: unknown): number {
  return OP_OVERHEAD + (payload === undefined ? 0 : JSON.stringify(payload).length);
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
  size: number;
  /** Writes formulas: calculation is suspended for the sync that carries it. */
  formulas?: boolean;
  queue(b: Batch): void;
}

export function op(payload: unknown, queue: (b: Batch) => void, formulas = false): Op {
  return { size: sizeOf(payload), queue, formulas };
}

/** Consecutive operations packed into syncs of at most `budget` estimated bytes. */
export function pack(ops: Op[], budget = PAYLOAD_BUDGET): Op[][] {
  const out: Op[][] = [];
  let cur: Op[] = [];
  let size = 0;
  for (const o of ops) {
    if (cur.length > 0 && size + o.size > budget) {
      out.push(cur);
      cur = [];
      size = 0;
    }
    cur.push(o);
    size += o.size;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

async function runFrom(context: Excel.RequestContext, batches: Op[][], i: number): Promise<void> {
  if (i >= batches.length) return;
  const b = new Batch(context);
  if (batches[i].some((o) => o.formulas)) context.application.suspendApiCalculationUntilNextSync();
  for (const o of batches[i]) o.queue(b);
  await context.sync();
  // One sync per size-limited batch (recursion, not a loop: each batch needs the previous one done).
  return runFrom(context, batches, i + 1);
}

/**
 * Queues and syncs the operations in order; returns how many syncs it took.
 * With `flush`, syncs once even without operations (for loads the caller queued).
 */
export async function runOps(context: Excel.RequestContext, ops: Op[], budget = PAYLOAD_BUDGET, flush = false): Promise<number> {
  const batches = pack(ops, budget);
  if (batches.length === 0 && flush) batches.push([]);
  await runFrom(context, batches, 0);
  return batches.length;
}

export function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded') return true;
  const message = e instanceof Error ? e.message : String(e);
  return /payload size/i.test(message);
}
