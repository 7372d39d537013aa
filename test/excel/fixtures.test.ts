import { sheetWords } from '../../src/i18n/sheet-words';
// Over every fixture: Validate and Compute through the Excel adapter and the
// fake give the same findings and the same written cells as the engine
// applied directly (planCompute + core applySheetEdits).

import { analyzeWorkbook, applySheetEdits, planCompute } from '../../src/core';
import { areaAddress } from '../../src/core/sheet';
import { SUMMARY_SHEET } from '../support/words';
import { MARK_FILLS } from '../../src/excel/marks';
import { STORE_SHEET } from '../../src/excel/store';
import { fixtureNames, loadFixture } from '../support/load-fixture';
import { NOTES_UNDER_TEST, addr, norm, rig, settings } from './helpers';

const names = fixtureNames();
const lang = 'mn' as const;
const opts = { profileId: 'practice', overrides: [], words: sheetWords(lang) };
const key = (f: { code: string; severity: string; sheet: string; cell: string }) => `${f.sheet}!${f.cell} ${f.code} ${f.severity}`;

test('there are three fixtures', () => {
  expect(names).toHaveLength(3);
});

describe.each(names)('%s', (name) => {
  it('Validate: same findings as the engine, each finding cell marked with its fill and note', async () => {
    const { data, sheets } = await loadFixture(name);
    const { fake, host } = rig(data);
    const result = await host.validate(settings({ scope: 'workbook' }));
    const expected = analyzeWorkbook(sheets, opts);
    expect(result.analysis.findings.map(key).sort()).toEqual(expected.findings.map(key).sort());
    expect(result.analysis.counts).toEqual(expected.counts);

    const cellFindings = expected.findings.filter((f) => f.code !== 'header-not-found');
    for (const f of cellFindings) {
      const cell = fake.cell(f.sheet, f.cell);
      const worst = cellFindings.filter((g) => g.sheet === f.sheet && g.cell === f.cell).sort((a, b) => 'ewi'.indexOf(a.severity[0]) - 'ewi'.indexOf(b.severity[0]))[0];
      expect(cell.fill).toBe(MARK_FILLS[worst.severity]);
      if (NOTES_UNDER_TEST) expect(cell.note).toContain(f.message.mn);
    }
    expect(result.marked).toBe(new Set(cellFindings.map((f) => `${f.sheet}!${f.cell}`)).size);
  });

  it('Compute: same plan, same cells and values as planCompute + applySheetEdits, formulas evaluate to the cached values', async () => {
    const { data, sheets } = await loadFixture(name);
    const { fake, host } = rig(data);
    const result = await host.compute(settings({ scope: 'workbook' }));
    const expected = planCompute(sheets, opts);
    expect(result.plan).toEqual(expected.plan);
    expect(result.analysis.findings.map(key).sort()).toEqual(expected.analysis.findings.map(key).sort());

    for (const sheet of sheets) {
      const edits = expected.plan.sheets.find((e) => e.sheet === sheet.name);
      const after = edits ? applySheetEdits(sheet, edits) : sheet;
      after.values.forEach((row, i) =>
        row.forEach((v, j) => {
          const a = addr(after.startRow + i, after.startCol + j);
          const cell = fake.cell(sheet.name, a);
          const f = after.formulas?.[i]?.[j] ?? null;
          expect({ a, v: norm(cell.v), f: cell.f }).toEqual({ a, v: norm(v), f: f || null });
        }),
      );
      expect(fake.sheet(sheet.name).merges.map(areaAddress).sort()).toEqual(after.merges.map(areaAddress).sort());
      for (const w of edits?.writes ?? []) {
        const cell = fake.cell(sheet.name, addr(w.row, w.col));
        if (w.numberFormat) expect(cell.n).toBe(w.numberFormat);
        if (w.bold) expect(cell.b).toBe(true);
        if (w.note && NOTES_UNDER_TEST) expect(cell.note).toBe(w.note);
      }
    }

    const summary = expected.plan.summary;
    expect(fake.names().includes(SUMMARY_SHEET)).toBe(summary !== null);
    for (const w of summary?.writes ?? []) {
      const a = addr(w.row, w.col);
      const cell = fake.cell(SUMMARY_SHEET, a);
      expect({ a, v: norm(cell.v), f: cell.f, n: cell.n, b: cell.b }).toEqual({ a, v: norm(w.value), f: w.formula ?? null, n: w.numberFormat ?? 'General', b: w.bold ?? false });
    }
    if (summary?.chart) {
      const chart = fake.sheet(SUMMARY_SHEET).charts[0];
      expect(chart).toMatchObject({ type: 'ColumnClustered', title: summary.chart.title, position: summary.chart.anchor });
      expect(chart.source).toContain(summary.chart.values);
      expect(chart.xValues).toContain(summary.chart.categories);
    }
    // The title lines and the header row (row 5) stay in view.
    if (summary) expect(fake.sheet(SUMMARY_SHEET).frozenRows).toBe(summary.frozenRows);
    if (summary) expect(summary.frozenRows).toBe(5);
    expect(fake.sheet(STORE_SHEET).visibility).toBe('VeryHidden');
  });
});
