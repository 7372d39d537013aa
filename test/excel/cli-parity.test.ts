// The add-in and the command line cannot disagree: over every fixture,
// Compute through the Excel adapter (fake) leaves the same cells, formulas
// and notes as the CLI path (exceljs → workbookToSheets → planCompute →
// applyPlanToWorkbook).

import { areaAddress, cellAddress } from '../../src/core/sheet';
import { planCompute } from '../../src/core';
import { getProfile } from '../../src/core/profiles';
import { SUMMARY_SHEET, MN } from '../support/words';
import { applyPlanToWorkbook } from '../../src/xlsx/apply';
import { workbookToSheets } from '../../src/xlsx/read';
import { fixtureNames, loadFixture, readFixture } from '../support/load-fixture';
import { NOTES_UNDER_TEST, norm, rig, settings } from './helpers';

async function cliAfterCompute(name: string) {
  const wb = await readFixture(name);
  const sheets = workbookToSheets(wb)
    .filter((s) => !s.hidden)
    .map((s) => s.sheet);
  const outcome = planCompute(sheets, { profile: getProfile('practice'), words: MN });
  applyPlanToWorkbook(wb, outcome.plan);
  return { wb, outcome, cli: workbookToSheets(wb).filter((s) => !s.hidden) };
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
    const { wb, outcome, cli } = await cliAfterCompute(name);
    const { data } = await loadFixture(name);
    const { fake, host } = rig(data);
    await host.compute(settings({ scope: 'workbook' }));

    const visible = fake.dump({ hidden: false }).sheets.map((s) => s.name);
    expect(visible).toEqual(cli.map((s) => s.sheet.name));
    for (const { sheet } of cli) {
      const diffs: string[] = [];
      sheet.values.forEach((row, i) =>
        row.forEach((v, j) => {
          const a = cellAddress(sheet.startRow + i, sheet.startCol + j);
          const cell = fake.cell(sheet.name, a);
          const f = sheet.formulas?.[i]?.[j] ?? null;
          const want = norm(v);
          const got = norm(cell.v);
          // exceljs keeps no cached result of 0 or "" for a formula: there the formula alone must agree.
          const uncached = f !== null && want === null;
          const same = uncached || (typeof want === 'number' && typeof got === 'number' ? Math.abs(want - got) < 1e-9 : want === got);
          if (!same || (f ?? null) !== cell.f) diffs.push(`${sheet.name}!${a}: cli ${JSON.stringify([v, f])} add-in ${JSON.stringify([cell.v, cell.f])}`);
        }),
      );
      expect(diffs).toEqual([]);
    }
    for (const edits of outcome.plan.sheets) {
      const ws = wb.getWorksheet(edits.sheet)!;
      // Below ExcelApi 1.18 there are no notes to compare.
      for (const w of edits.writes.filter((x) => x.note && NOTES_UNDER_TEST)) {
        expect(fake.cell(edits.sheet, cellAddress(w.row, w.col)).note).toBe(ws.getCell(w.row + 1, w.col + 1).note);
      }
    }
  });
});
