// The add-in and the command line cannot disagree: over every fixture,
// Compute through the Excel adapter (fake) leaves the same cells, formulas
// as the CLI path (readXlsx → planCompute → writeXlsx, read back with
// readXlsx), and puts the plan's notes where the plan says (the file writer
// writes no notes: the CLI lists the cells instead).

import { areaAddress, cellAddress } from '../../src/core/sheet';
import { planCompute } from '../../src/core';
import { getProfile } from '../../src/core/profiles';
import { SUMMARY_SHEET, MN } from '../support/words';
import * as fs from 'fs';
import * as path from 'path';
import { computeContext, readXlsx, visibleSheets, writeXlsx } from '../../src/xlsx';
import { FIXTURE_DIR, fixtureNames, loadFixture } from '../support/load-fixture';
import { NOTES_UNDER_TEST, norm, rig, settings } from './helpers';

async function cliAfterCompute(name: string) {
  const book = readXlsx(new Uint8Array(fs.readFileSync(path.join(FIXTURE_DIR, name))));
  const outcome = planCompute(visibleSheets(book), { profile: getProfile('practice'), words: MN, ...computeContext(book) });
  const after = readXlsx(writeXlsx(book, outcome.plan));
  return { outcome, cli: visibleSheets(after).map((sheet) => ({ sheet })) };
}

describe.each(fixtureNames())('%s', (name) => {
  it('Compute: merged areas as the CLI leaves them', async () => {
    const { cli } = await cliAfterCompute(name);
    const { data } = await loadFixture(name);
    const { fake, host } = rig(data);
    await host.compute(settings({ scope: 'workbook' }));
    for (const { sheet } of cli) {
      if (sheet.name === SUMMARY_SHEET) continue;
      expect(fake.sheet(sheet.name).merges.map(areaAddress).sort()).toEqual(sheet.merges.map(areaAddress).sort());
    }
  });

  it('Compute: every cell of every sheet (summary included) as the CLI writes it', async () => {
    const { outcome, cli } = await cliAfterCompute(name);
    const { data } = await loadFixture(name);
    const { fake, host } = rig(data);
    await host.compute(settings({ scope: 'workbook' }));

    const visible = fake.dump({ hidden: false }).sheets.map((s) => s.name);
    expect(visible).toEqual(cli.map((s) => s.sheet.name));
    for (const { sheet } of cli) {
      const diffs: string[] = [];
      sheet.values.forEach((row, i) =>
        row?.forEach((v, j) => {
          const a = cellAddress(sheet.startRow + i, sheet.startCol + j);
          const cell = fake.cell(sheet.name, a);
          const f = sheet.formulas?.[i]?.[j] ?? null;
          const want = norm(v);
          const got = norm(cell.v);
          // A formula written without a cached result: there the formula alone must agree.
          const uncached = f !== null && want === null;
          const same = uncached || (typeof want === 'number' && typeof got === 'number' ? Math.abs(want - got) < 1e-9 : want === got);
          if (!same || (f ?? null) !== cell.f) diffs.push(`${sheet.name}!${a}: cli ${JSON.stringify([v, f])} add-in ${JSON.stringify([cell.v, cell.f])}`);
        }),
      );
      expect(diffs).toEqual([]);
    }
    for (const edits of outcome.plan.sheets) {
      // Below ExcelApi 1.18 there are no notes to compare (files carry none: the plan's are compared).
      for (const w of edits.writes.filter((x) => x.note && NOTES_UNDER_TEST)) {
        expect(fake.cell(edits.sheet, cellAddress(w.row, w.col)).note).toBe(w.note);
      }
    }
  });
});
