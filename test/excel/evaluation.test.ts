// The annex 8 evaluation sheet through the adapter on the fake: the cells
// and merged lines the command line writes (its file read back), the look
// the engine plans (borders, wrap, row heights, rating rules, A4 printing),
// formulas that compute the plan's figures; made again over its own sheet
// it keeps the ratings typed in it; one Revert step each; refusals before
// anything is written.

import * as fs from 'fs';
import * as path from 'path';
import { areaAddress, cellAddress, getProfile, planEvaluationSheet, type Area, type SheetPlan } from '../../src/core';
import { widthPoints } from '../../src/excel/apply';
import { EVALUATION_FORM } from '../../src/i18n/evaluation-form';
import { computeContext, readXlsx, visibleSheets, writeXlsx } from '../../src/xlsx';
import { FIXTURE_DIR, loadFixture } from '../support/load-fixture';
import { MN } from '../support/words';
import { cellDiffs, norm, rig, settings } from './helpers';

const REPORT = 'report-2025-h1-consulting-unit.xlsx';
const NAME = EVALUATION_FORM.sheetName;

/** The command line's evaluation: the plan, and its file read back. */
function cli() {
  const book = readXlsx(new Uint8Array(fs.readFileSync(path.join(FIXTURE_DIR, REPORT))));
  const options = { profile: getProfile('practice'), words: MN, form: EVALUATION_FORM, ...computeContext(book) };
  const outcome = planEvaluationSheet(visibleSheets(book), options);
  const after = visibleSheets(readXlsx(writeXlsx(book, outcome.plan!)));
  return { outcome, sheet: outcome.plan!.addedSheets![0], after };
}

async function setUp() {
  const { data } = await loadFixture(REPORT);
  return rig(data);
}

const cellsOf = (a: Area) => {
  const out: string[] = [];
  for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) out.push(cellAddress(r, c));
  return out;
};

describe('the evaluation sheet', () => {
  it('has every cell and merged line of the command line’s file, and the report’s percents filled alike', async () => {
    const { fake, host } = await setUp();
    const result = await host.createEvaluationSheet(settings());
    const { outcome, after } = cli();
    expect(result).toMatchObject({ sheet: NAME, replaced: false, reportTable: outcome.reportTable, skillsTable: outcome.skillsTable });
    expect(result.plan).toEqual(outcome.plan);
    expect(fake.dump({ hidden: false }).sheets.map((s) => s.name)).toEqual(after.map((s) => s.name));
    for (const sheet of after) {
      expect(cellDiffs(fake, sheet, 'cli')).toEqual([]);
      expect(fake.dump().sheets.find((s) => s.name === sheet.name)!.merges.sort()).toEqual(sheet.merges.map(areaAddress).sort());
    }
  });

  it('computes, through its formulas, the figures the plan caches (linked to the report’s percents)', async () => {
    const { fake, host } = await setUp();
    await host.createEvaluationSheet(settings());
    const { sheet } = cli();
    const formulas = sheet.writes.filter((w) => w.formula);
    expect(formulas.some((w) => w.formula!.includes('!'))).toBe(true);
    for (const w of formulas) {
      const at = cellAddress(w.row, w.col);
      const v = fake.value(NAME, at);
      expect({ at, v: typeof v === 'number' ? Math.round(v * 10) / 10 : norm(v) }).toEqual({ at, v: norm(w.value) });
    }
  });

  it('looks as the plan says: formats, bold, widths, heights, wrap, borders, rating rules, A4 printing; it is the active sheet', async () => {
    const { fake, host } = await setUp();
    await host.createEvaluationSheet(settings());
    const plan: SheetPlan = cli().sheet;
    const dump = fake.dump().sheets.find((s) => s.name === NAME)!;
    for (const w of plan.writes) {
      const cell = fake.cell(NAME, cellAddress(w.row, w.col));
      expect([cellAddress(w.row, w.col), cell.n, cell.b]).toEqual([cellAddress(w.row, w.col), w.numberFormat ?? 'General', w.bold ?? false]);
    }
    expect(dump.widths).toEqual(Object.fromEntries(plan.columnWidths.map((w, i) => [String(i), widthPoints(w)])));
    expect(dump.heights).toEqual(Object.fromEntries(plan.rowHeights!.map((h) => [String(h.row), h.points])));
    const thin = { top: 'Continuous Thin', bottom: 'Continuous Thin', left: 'Continuous Thin', right: 'Continuous Thin' };
    for (const a of plan.borders!) for (const at of cellsOf(a)) expect([at, dump.cells[at]?.border]).toEqual([at, thin]);
    for (const a of plan.wrap!) for (const at of cellsOf(a)) expect([at, dump.cells[at]?.wrap, dump.cells[at]?.vAlign]).toEqual([at, true, 'Top']);
    expect(dump.validations).toEqual(
      plan.inputs!.map((i) => ({
        area: areaAddress(i.area),
        rule: { decimal: { formula1: i.min, formula2: i.max, operator: 'Between' } },
        prompt: { showPrompt: true, title: i.title, message: i.message },
        errorAlert: { showAlert: true, style: 'Stop', title: i.title, message: i.message },
        ignoreBlanks: true,
      })),
    );
    expect(plan.inputs!.length).toBeGreaterThanOrEqual(3);
    // The model holds all of it; the dump leaves out what a new sheet has anyway (portrait, Excel's Normal margins).
    const printed = {
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      headerFooter: { leftFooter: '&A', rightFooter: 'Хуудас &P / &N' },
      ...(plan.print!.rowBreaks ? { rowBreaks: plan.print!.rowBreaks } : {}),
    };
    expect(fake.sheet(NAME).pageLayout).toEqual({ ...printed, orientation: 'Portrait', margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 } });
    expect(dump.pageLayout).toEqual(printed);
    expect(fake.dump().active).toBe(NAME);
  });
});

describe('made again', () => {
  it('replaces its own sheet in place, keeps the ratings typed in it; Revert brings the earlier one back, then the workbook as it was', async () => {
    const { fake, host } = await setUp();
    const original = fake.dump();
    await host.createEvaluationSheet(settings());
    // A rating typed into the first cell of the second rating rule (section 4).
    const rule = fake.sheet(NAME).validations[1].area;
    const first = cellAddress(rule.top, rule.left);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem(NAME).getRange(first).values = [[6]];
      await context.sync();
    });
    const typed = fake.dump();
    const again = await host.createEvaluationSheet(settings());
    expect(again).toMatchObject({ sheet: NAME, replaced: true });
    expect(fake.dump({ hidden: false }).sheets.map((s) => s.name)).toEqual(typed.sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name));
    expect(fake.value(NAME, first)).toBe(6);
    // Rewritten in place, never renamed aside: what it held is data in the store.
    expect(fake.names().filter((n) => /^Unelgee_Prev\d+$/.test(n))).toEqual([]);
    const undone = await host.revert();
    expect(undone.removedSheets).toEqual([]);
    // Which sheet is active is the view, not the workbook: Excel activates another when Revert hides the active one.
    expect({ ...fake.dump(), active: typed.active }).toEqual(typed);
    const removed = await host.revert();
    expect(removed.removedSheets).toEqual([NAME]);
    expect(fake.dump()).toEqual(original);
  });

  it('a batch that stops half-way through the new sheet: Revert brings back the one it was replacing, ratings and all', async () => {
    const { fake, host } = await setUp();
    await host.createEvaluationSheet(settings());
    const rule = fake.sheet(NAME).validations[1].area;
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem(NAME).getRange(cellAddress(rule.top, rule.left)).values = [[5]];
      await context.sync();
    });
    const typed = fake.dump();
    // The connection drops at the rewritten sheet's first rating rule: whatever list of rules the sheet holds then, adding to it fails once.
    const sheet = fake.sheet(NAME);
    let rules = sheet.validations;
    let armed = true;
    const failing = (list: typeof rules) => {
      list.push = (...items) => {
        if (armed && sheet.merges.length > 0) {
          armed = false;
          throw Object.assign(new Error('GeneralException: the connection dropped'), { code: 'GeneralException' });
        }
        return Array.prototype.push.apply(list, items);
      };
      return list;
    };
    Object.defineProperty(sheet, 'validations', { configurable: true, get: () => rules, set: (list: typeof rules) => void (rules = failing(list)) });
    sheet.validations = rules;
    await expect(host.createEvaluationSheet(settings())).rejects.toThrow(/connection dropped/);
    expect(fake.sheet(NAME).validations).toHaveLength(0); // the half-written sheet: cleared, its cells and merges written, no rule yet
    expect(fake.sheet(NAME).merges.length).toBeGreaterThan(0);
    await host.revert();
    expect({ ...fake.dump(), active: typed.active }).toEqual(typed);
  });
});

describe('refusals before anything is written', () => {
  it('no report to build from: no-report, in both languages', async () => {
    const { data } = await loadFixture('plan-2023-digital-year-soum.xlsx');
    const { fake, host } = rig(data);
    const before = fake.dump();
    const error = await host.createEvaluationSheet(settings()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'no-report' });
    expect((error as { text: { mn: string } }).text.mn).toMatch(/6 дугаар хавсралт/);
    expect(fake.dump()).toEqual(before);
  });

  it('a workbook whose structure is protected: workbook-protected', async () => {
    const { data } = await loadFixture(REPORT);
    data.protected = true;
    const { fake, host } = rig(data);
    const before = fake.dump();
    await expect(host.createEvaluationSheet(settings())).rejects.toMatchObject({ code: 'workbook-protected' });
    expect(fake.dump()).toEqual(before);
  });

  it('its own sheet protected since: sheet-protected, naming it', async () => {
    const { fake, host } = await setUp();
    await host.createEvaluationSheet(settings());
    fake.sheet(NAME).protected_ = true;
    const before = fake.dump();
    await expect(host.createEvaluationSheet(settings())).rejects.toMatchObject({ code: 'sheet-protected', text: { en: expect.stringContaining(`"${NAME}"`) } });
    expect(fake.dump()).toEqual(before);
  });
});

describe('while the user has a chart selected', () => {
  it('merges its lines all the same: a cell of the new sheet is selected first (merge fails with InvalidSelection while a chart is, office-js#399)', async () => {
    const { fake, host } = await setUp();
    fake.selectChart(fake.names()[0]);
    const result = await host.createEvaluationSheet(settings());
    expect(fake.sheet(NAME).merges).toEqual(result.plan.addedSheets![0].merges!);
    expect(fake.dump().active).toBe(NAME);
  });
});
