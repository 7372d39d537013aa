// The number of context.sync() calls does not grow with the rows of an
// ordinary sheet: read, Validate and Compute take as many syncs for 2,000
// rows as for 100. Past what one 5 MB response carries (20,000 rows of this
// report are about 6 MB of UTF-8: Cyrillic letters take two bytes each) the
// read goes in size-fitted bands, so syncs grow with the bytes, by a few,
// and no accepted request or response goes over 5,000,000 bytes.
//
// (Until the fake counted bytes as UTF-8, 20,000 rows fitted one response
// and took as many syncs as 100: that assertion became "as many for 2,000,
// a few more for 20,000". Since it counts what office-js puts on the wire,
// envelope and all, Validate's marks on 20,000 rows take two requests.)

import { PAYLOAD_LIMIT } from '../../src/in-memory-excel/excel';
import { rollupPlan } from '../support/rollup-plan';
import { syntheticReport } from '../support/synthetic';
import { rig, settings } from './helpers';

interface Measure {
  syncs: number;
  maxRequest: number;
  maxResponse: number;
  refused: number;
  suspended: number;
}

type Action = 'read' | 'validate' | 'compute';

async function measure(items: number, action: Action, scope: 'sheet' | 'workbook' = 'sheet'): Promise<Measure> {
  const { fake, host } = rig(syntheticReport({ items }));
  const s = settings({ scope });
  if (action === 'read') await host.analyze(s);
  else if (action === 'validate') await host.validate(s);
  else await host.compute(s);
  return { syncs: fake.syncCount, maxRequest: fake.maxRequest, maxResponse: fake.maxResponse, refused: fake.refused.length, suspended: fake.suspendCount };
}

const results = new Map<string, Measure>();
const bench: string[] = [];

describe.each(['read', 'validate', 'compute'] as Action[])('%s', (action) => {
  beforeAll(async () => {
    for (const n of [100, 2_000, 20_000]) {
      const m = await measure(n, action);
      results.set(`${action}:${n}`, m);
      bench.push(`${action.padEnd(8)} ${String(n).padStart(6)} rows: ${m.syncs} syncs (${m.refused} refused), largest request ${m.maxRequest} B, largest response ${m.maxResponse} B`);
    }
  }, 60_000);

  it('takes the same number of syncs for 100 and for 2,000 rows, and only a few more for 20,000', () => {
    const a = results.get(`${action}:100`)!;
    const b = results.get(`${action}:2000`)!;
    const c = results.get(`${action}:20000`)!;
    expect(b.syncs).toBe(a.syncs);
    expect(a.syncs).toBeLessThanOrEqual(action === 'read' ? 1 : 3);
    // The read goes in bands (a few syncs); Validate's marks on 20,000 rows are two requests once office-js's envelope per operation is counted.
    expect(c.syncs).toBeLessThanOrEqual(a.syncs + 6);
  });

  it('never sends or receives more than 5,000,000 bytes in one sync; only the one-sync read of 20,000 rows is refused', () => {
    for (const n of [100, 2_000, 20_000]) {
      const m = results.get(`${action}:${n}`)!;
      expect(m.refused).toBe(n === 20_000 ? 1 : 0);
      expect(m.maxRequest).toBeLessThanOrEqual(PAYLOAD_LIMIT);
      expect(m.maxResponse).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    }
  });
});

describe('compute', () => {
  it('suspends calculation for the sync that writes formulas', async () => {
    const m = await measure(100, 'compute');
    expect(m.suspended).toBe(1);
  });
});

describe('whole workbook scope', () => {
  it('reads every sheet in one sync after the workbook facts: 2 syncs for 100 or 2,000 rows', async () => {
    const a = await measure(100, 'read', 'workbook');
    const b = await measure(2_000, 'read', 'workbook');
    const c = await measure(20_000, 'read', 'workbook');
    bench.push(`read (workbook scope) syncs: ${a.syncs} for 100 rows = ${b.syncs} for 2,000 rows; ${c.syncs} for 20,000 rows`);
    expect(a.syncs).toBe(2);
    expect(b.syncs).toBe(2);
    expect(c.syncs).toBeLessThanOrEqual(7);
  }, 60_000);
});

describe('quick fixes, the evaluation sheet, the roll-up', () => {
  const measured = (fake: { syncCount: number; maxRequest: number; maxResponse: number; refused: unknown[] }) => ({
    syncs: fake.syncCount,
    maxRequest: fake.maxRequest,
    maxResponse: fake.maxResponse,
    refused: fake.refused.length,
  });

  async function fixes(items: number) {
    const { fake, host } = rig(syntheticReport({ items }));
    const result = await host.applyFixes(settings(), { all: true });
    expect(result.changed).toBeGreaterThan(items / 20); // the synthetic report's computable percents, one in ten items
    return measured(fake);
  }

  async function evaluation(items: number) {
    const { fake, host } = rig(syntheticReport({ items }));
    const result = await host.createEvaluationSheet(settings());
    expect(result.plan.addedSheets![0].writes.length).toBeGreaterThan(items * 4);
    return measured(fake);
  }

  /** Into a workbook that has the add-in's store already (its read is the third sync). */
  async function rollup(findings: number) {
    const { fake, host } = rig(syntheticReport({ items: 50 }));
    await host.validate(settings());
    const plan = await rollupPlan(findings);
    fake.resetCounters();
    await host.insertRollup(plan);
    return measured(fake);
  }

  it('applyFixes: 3 syncs for 100 and for 2,000 rows (read, what the fixes overwrite with the store, write)', async () => {
    const [a, b] = [await fixes(100), await fixes(2_000)];
    bench.push(`applyFixes 100 rows: ${a.syncs} syncs; 2,000 rows: ${b.syncs} syncs (largest request ${b.maxRequest} B)`);
    expect([a.syncs, b.syncs]).toEqual([3, 3]);
    expect([a.refused, b.refused]).toEqual([0, 0]);
  }, 60_000);

  it('createEvaluationSheet: 4 syncs for a report of 100 and of 2,000 rows (facts, sheets, the percents with the store, write)', async () => {
    const [a, b] = [await evaluation(100), await evaluation(2_000)];
    bench.push(`createEvaluationSheet 100 rows: ${a.syncs} syncs; 2,000 rows: ${b.syncs} syncs (largest request ${b.maxRequest} B)`);
    expect([a.syncs, b.syncs]).toEqual([4, 4]);
    expect(b.maxRequest).toBeLessThanOrEqual(PAYLOAD_LIMIT);
  }, 60_000);

  it('insertRollup: 3 syncs for 100 and 2,000 findings (facts and tables, the store, write); 20,000 split by size, none over 5 MB', async () => {
    const [a, b, c] = [await rollup(100), await rollup(2_000), await rollup(20_000)];
    bench.push(`insertRollup +100 findings: ${a.syncs} syncs; +2,000: ${b.syncs}; +20,000: ${c.syncs} (largest request ${c.maxRequest} B)`);
    expect([a.syncs, b.syncs]).toEqual([3, 3]);
    expect(c.syncs).toBeGreaterThan(3);
    expect(c.syncs).toBeLessThanOrEqual(5);
    expect(c.maxRequest).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    expect(c.refused).toBe(0);
  }, 60_000);
});

afterAll(() => {
  // Bench lines for the record (npx jest test/excel/syncs --verbose shows them).
  process.stdout.write(`\n${bench.join('\n')}\n`);
});
