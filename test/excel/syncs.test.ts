// The number of context.sync() calls does not grow with the sheet: read,
// Validate and Compute take as many syncs for 20,000 rows as for 100, and
// no request or response goes over Excel on the web's 5 MB.

import { PAYLOAD_LIMIT } from '../../src/fake/excel';
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
    for (const n of [100, 20_000]) results.set(`${action}:${n}`, await measure(n, action));
    const a = results.get(`${action}:100`)!;
    const b = results.get(`${action}:20000`)!;
    bench.push(
      `${action.padEnd(8)} syncs: ${a.syncs} for 100 rows = ${b.syncs} for 20,000 rows; largest request ${b.maxRequest} B, largest response ${b.maxResponse} B (20,000 rows)`,
    );
  }, 60_000);

  it('takes the same number of syncs for 100 and for 20,000 rows', () => {
    const a = results.get(`${action}:100`)!;
    const b = results.get(`${action}:20000`)!;
    expect(b.syncs).toBe(a.syncs);
    expect(a.syncs).toBeLessThanOrEqual(action === 'read' ? 1 : 3);
  });

  it('never sends or receives more than 5 MB in one sync, and none was refused', () => {
    const b = results.get(`${action}:20000`)!;
    expect(b.refused).toBe(0);
    expect(b.maxRequest).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    expect(b.maxResponse).toBeLessThanOrEqual(PAYLOAD_LIMIT);
  });
});

describe('compute', () => {
  it('suspends calculation for the sync that writes formulas', async () => {
    const m = await measure(100, 'compute');
    expect(m.suspended).toBe(1);
  });
});

describe('whole workbook scope', () => {
  it('reads every sheet in one sync after the workbook facts: 2 syncs for 100 or 20,000 rows', async () => {
    const a = await measure(100, 'read', 'workbook');
    const b = await measure(20_000, 'read', 'workbook');
    bench.push(`read (workbook scope) syncs: ${a.syncs} for 100 rows = ${b.syncs} for 20,000 rows`);
    expect(a.syncs).toBe(2);
    expect(b.syncs).toBe(2);
  }, 60_000);
});

afterAll(() => {
  // Bench lines for the record (npx jest test/excel/syncs --verbose shows them).
  process.stdout.write(`\n${bench.join('\n')}\n`);
});
