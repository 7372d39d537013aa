// Reading sheets: the Sheet the adapter builds is the one the CLI builds,
// wherever the used range starts, and sheets too large for one response are
// read in pieces that each stay under 5 MB.

import { analyzeWorkbook } from '../../src/core';
import { areaAddress, parseArea, type Sheet } from '../../src/core/sheet';
import { readActive } from '../../src/excel/read';
import { FakeExcel, PAYLOAD_LIMIT } from '../../src/in-memory-excel/excel';
import { loadFixture } from '../support/load-fixture';
import { syntheticReport } from '../support/synthetic';
import { rig, settings } from './helpers';

const key = (f: { code: string; sheet: string; cell: string }) => `${f.sheet}!${f.cell} ${f.code}`;

async function readWith(fake: FakeExcel): Promise<Sheet> {
  const read = await fake.run((context) => readActive(context as unknown as Excel.RequestContext));
  return read.sheets[0].sheet;
}

describe('the Sheet read from Excel', () => {
  it('matches the CLI reader on a fixture: values, formats, merges (empty cells as "")', async () => {
    const { data, sheets } = await loadFixture('report-2025-h1-consulting-unit.xlsx');
    const sheet = await readWith(new FakeExcel(data));
    const cli = sheets[0];
    expect(sheet.startRow).toBe(0);
    expect(sheet.values.length).toBe(cli.values.length);
    sheet.values.forEach((row, i) => row.forEach((v, j) => expect(v === '' ? null : v).toEqual(cli.values[i][j] === '' ? null : cli.values[i][j])));
    expect(sheet.merges.map(areaAddress).sort()).toEqual(cli.merges.map(areaAddress).sort());
    expect(sheet.numberFormats?.[7][7]).toBe(cli.numberFormats?.[7][7] ?? 'General');
  });

  it('keeps absolute coordinates when the used range does not start at A1', async () => {
    const { data, sheets } = await loadFixture('report-2024-aimag-admin-dept.xlsx');
    const s = data.sheets[0];
    s.startRow = 3;
    s.startCol = 2;
    s.merges = s.merges.map((m) => {
      const a = parseArea(m);
      return areaAddress({ top: a.top + 3, left: a.left + 2, bottom: a.bottom + 3, right: a.right + 2 });
    });
    const { host } = rig(data);
    const analysis = await host.analyze(settings());
    const moved: Sheet = { ...sheets[0], startRow: 3, startCol: 2, merges: sheets[0].merges.map((a) => ({ top: a.top + 3, left: a.left + 2, bottom: a.bottom + 3, right: a.right + 2 })) };
    const expected = analyzeWorkbook([moved]);
    expect(analysis.findings.map(key).sort()).toEqual(expected.findings.map(key).sort());
    expect(analysis.findings.some((f) => f.cell === 'J43')).toBe(true); // H40 moved by 3 rows and 2 columns
  });

  it('loads formulas only where the sheet has them', async () => {
    const fake = new FakeExcel({
      sheets: [{ name: 'S', values: [[1, 2, null], ['a', 'b', null]], formulas: [[null, null, '=A1+B1']], merges: [] }],
    });
    const sheet = await readWith(fake);
    expect(sheet.formulas).toEqual([
      [null, null, '=A1+B1'],
      [null, null, null],
    ]);
    expect(sheet.values[0][2]).toBe(3);
  });
});

describe('a sheet too large for one 5 MB response', () => {
  it('is read in pieces: every accepted sync under 5 MB, same analysis as a fast read', async () => {
    const data = syntheticReport({ items: 20_000, narrative: 400 });
    const big = rig(data);
    const analysis = await big.host.analyze(settings());
    expect(big.fake.refused.length).toBeGreaterThan(0); // the one-sync read was refused…
    expect(big.fake.maxResponse).toBeLessThanOrEqual(PAYLOAD_LIMIT); // …and every piece fit
    expect(big.fake.maxRequest).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    const roomy = rig(data, { payloadLimit: 100 * 1024 * 1024 });
    const reference = await roomy.host.analyze(settings());
    expect(roomy.fake.syncCount).toBe(1);
    expect(analysis.findings.map(key)).toEqual(reference.findings.map(key));
    expect(analysis.sheets[0].scores).toEqual(reference.sheets[0].scores);
    process.stdout.write(`\nread of 20,000 rows × 400-character narratives: ${big.fake.syncCount} syncs (${big.fake.refused.length} refused), largest response ${big.fake.maxResponse} B\n`);
  }, 60_000);

  it('is read again in pieces when Excel caps a read at its cell limit (values come back null)', async () => {
    const data = syntheticReport({ items: 300 });
    const capped = rig(data, { cellCap: 1000 });
    const analysis = await capped.host.analyze(settings());
    const reference = await rig(data).host.analyze(settings());
    expect(analysis.findings.map(key)).toEqual(reference.findings.map(key));
    expect(capped.fake.syncCount).toBeGreaterThan(1);
  });
});
