// The report form made from a plan (planReportForm): every item and group
// of the plan with its text exactly, the two new columns, the stated
// average as a formula, the signature block; Validate on it says only that
// each item's percent is missing; Compute after the achieved levels are
// typed gives the figures a person would; a report taken as a plan keeps
// its layout without its results; a report beside the plan is followed.

import { analyzeWorkbook, applyPlanToSheets, getProfile, planCompute, planReportForm, SheetGrid, type Sheet } from '../../src/core';
import { CYCLE_FORM } from '../../src/i18n/cycle-forms';
import { columnOf, formAddress, formValue } from '../support/form-cells';
import { fixtureSheets } from '../support/fixtures';
import { sheetOf } from '../support/sheet-builder';
import { typeInto } from '../support/sheet-rows';
import { MN } from '../support/words';

const options = { words: MN, form: CYCLE_FORM };
const KEYS = ['index', 'action', 'period', 'indicator', 'baseline', 'target', 'responsible'] as const;

describe('the report form from the plan fixture', () => {
  let plan: Sheet[];
  let outcome: ReturnType<typeof planReportForm>;
  let form: Sheet;
  beforeAll(async () => {
    plan = await fixtureSheets('plan-2023-digital-year-soum');
    outcome = planReportForm(plan, options);
    form = applyPlanToSheets(plan, outcome.plan!).find((s) => s.name === CYCLE_FORM.reportSheetName)!;
  });

  it('is added as a new sheet, made from the plan', () => {
    expect(outcome).toMatchObject({ source: 'plan', sourceSheet: 'Төлөвлөгөө', followed: null, refused: null });
    expect(outcome.plan!.addedSheets![0]).toMatchObject({ name: 'Тайлан', replaces: false });
    expect(outcome.plan!.sheets).toEqual([]);
  });

  it('prints on A4 landscape one page wide, its header and column numbers on every page, the pages numbered', () => {
    const sheet = outcome.plan!.addedSheets![0];
    const header = outcome.tables[0].headerRow;
    const lastRow = Math.max(...sheet.writes.map((write) => write.row));
    expect(sheet.print).toMatchObject({
      paper: 'A4',
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
      titleRows: { first: header, last: header + 1 },
      footer: { right: 'Хуудас &P / &N' },
      area: { top: 0, left: 0, bottom: lastRow, right: sheet.columnWidths!.length - 1 },
    });
    // The repeated rows are the header's words and the numbers 1 2 3 … under them.
    expect(form.values[header + 1 - form.startRow].slice(0, 3)).toEqual([1, 2, 3]);
  });

  it('carries every item in order with its text exactly, and adds the achieved and percent columns', () => {
    const source = analyzeWorkbook(plan, { words: MN });
    const planTable = source.sheets[0].tables[0];
    const items = planTable.rows.filter((r) => r.kind === 'item');
    const table = outcome.tables[0];
    expect(table.itemRows).toHaveLength(items.length);
    expect(items.length).toBe(66);
    const planGrid = new SheetGrid(plan[0]);
    const roleCol = Object.fromEntries(planTable.columns.map((c) => [c.role, c.col]));
    items.forEach((item, i) => {
      for (const key of KEYS) expect([key, formValue(form, table, key, table.itemRows[i])]).toEqual([key, planGrid.value(item.row, roleCol[key])]);
      expect(formValue(form, table, 'achieved', table.itemRows[i])).toBeNull();
      expect(formValue(form, table, 'percent', table.itemRows[i])).toBeNull();
    });
    expect(table.columns.map((c) => c.key)).toEqual([...['index', 'action', 'period', 'indicator', 'baseline', 'target', 'responsible', 'other'], 'achieved', 'percent']);
  });

  it('carries the group rows merged across the form, and the title with ТӨЛӨВЛӨГӨӨ made ТАЙЛАН and the period', () => {
    const grid = new SheetGrid(form);
    expect([grid.value(0, 0), grid.value(1, 0), grid.value(2, 0)]).toEqual([
      '“ИРГЭДИЙН ОРОЛЦООТОЙ ЦАХИМ ХӨГЖЛИЙН ЖИЛ”-ИЙН ХҮРЭЭНД ХЭРЭГЖҮҮЛЭХ',
      'АРГА ХЭМЖЭЭНИЙ ТАЙЛАН',
      CYCLE_FORM.periodDefaultNoYear,
    ]);
    const width = outcome.tables[0].columns.length;
    const groups = analyzeWorkbook([form], { words: MN }).sheets[0].tables[0].groups;
    expect(groups.map((g) => g.label)).toEqual(analyzeWorkbook(plan, { words: MN }).sheets[0].tables[0].groups.map((g) => g.label));
    for (const g of groups) expect(grid.mergeOf(g.row, 0)).toEqual({ top: g.row, left: 0, bottom: g.row, right: width - 1 });
    const withPeriod = planReportForm(plan, { ...options, period: '2023 оны эхний хагас жил' });
    expect(withPeriod.plan!.addedSheets![0].writes.find((w) => w.row === 2)!.value).toBe('2023 оны эхний хагас жил');
  });

  it('Validate reports one missing percent per item of the plan, and otherwise only what the plan itself has', () => {
    const a = analyzeWorkbook([form], { words: MN });
    const table = outcome.tables[0];
    const missing = a.findings.filter((f) => f.code === 'missing-percent');
    expect(missing.map((f) => f.cell)).toEqual(table.itemRows.map((r) => formAddress(table, 'percent', r)));
    const others = a.findings.filter((f) => f.code !== 'missing-percent').map((f) => [f.code, f.message.en]);
    const planOwn = analyzeWorkbook(plan, { words: MN }).findings.map((f) => [f.code, f.message.en]);
    expect(others).toEqual(planOwn);
    expect(planOwn).toEqual([['numbering-gap', 'Section 3 is followed by section 5: section 4 is missing.']]);
  });

  it("rates on the profile's scale: the percent cells' rule offers its levels, the header's note explains it", () => {
    const sheet = outcome.plan!.addedSheets![0];
    const table = outcome.tables[0];
    const rule = sheet.inputs![0];
    expect(rule.list).toEqual([100, 90, 70, 50, 30, 0]);
    expect(rule.area.left).toBe(columnOf(table, 'percent'));
    expect(rule.area.top).toBeLessThanOrEqual(table.itemRows[0]);
    expect(rule.area.bottom).toBeGreaterThanOrEqual(table.itemRows[table.itemRows.length - 1]);
    const header = sheet.writes.find((w) => w.row === table.headerRow && w.col === columnOf(table, 'percent'))!;
    expect(header.note).toContain('100 · 90 · 70 · 50 · 30 · 0');
    const zg = planReportForm(plan, { ...options, profile: getProfile('zg206') }).plan!.addedSheets![0].inputs![0];
    expect(zg.list).toEqual([100, 70, 30, 0]);
  });

  it('states the average as a live formula over the percent column, and ends with the signature block', () => {
    const table = outcome.tables[0];
    const sheet = outcome.plan!.addedSheets![0];
    const first = formAddress(table, 'percent', table.itemRows[0]);
    const last = formAddress(table, 'percent', table.itemRows[table.itemRows.length - 1]);
    const average = sheet.writes.find((w) => w.formula?.includes('AVERAGE'))!;
    expect(average.formula).toBe(`=IF(COUNT(${first}:${last})=0,"",ROUND(AVERAGE(${first}:${last}),1))`);
    expect(table.average).toBe(formAddress(table, 'percent', average.row));
    const texts = sheet.writes.filter((w) => w.row > average.row).map((w) => w.value);
    expect(texts).toEqual(CYCLE_FORM.signature.filter(Boolean));
  });

  it('with replace, is written over the plan’s own sheet', () => {
    const replaced = planReportForm(plan, { ...options, replace: true });
    expect(replaced.plan!.addedSheets![0]).toMatchObject({ name: 'Төлөвлөгөө', replaces: true });
    expect(applyPlanToSheets(plan, replaced.plan!).map((s) => s.name)).toEqual(['Төлөвлөгөө']);
    expect(planReportForm(plan, { ...options, replace: true, protectedSheets: ['Төлөвлөгөө'] })).toMatchObject({ plan: null, refused: 'sheet-protected' });
    expect(planReportForm(plan, { ...options, workbookProtected: true })).toMatchObject({ plan: null, refused: 'workbook-protected' });
    // A formula in the plan's sheet would become a value under the form: never written over (a new sheet is).
    const withFormula = { ...plan[0], formulas: plan[0].values.map((row, r) => (row ?? []).map((_v, c) => (r === 4 && c === 4 ? '=1+1' : null))) };
    expect(planReportForm([withFormula], { ...options, replace: true })).toMatchObject({ plan: null, refused: 'formulas' });
    expect(planReportForm([withFormula], options).plan).not.toBeNull();
  });
});

/** A small plan with numbers to compute from. */
const SMALL_PLAN = sheetOf(
  [
    ['2025 ОНЫ ГҮЙЦЭТГЭЛИЙН ТӨЛӨВЛӨГӨӨ'],
    ['Д/д', 'Арга хэмжээ', 'Шалгуур үзүүлэлт', 'Суурь түвшин', 'Хүрэх түвшин', 'Хугацаа', 'Хариуцах эзэн'],
    ['Зорилт 1. Үйлчилгээ'],
    [1, 'Сургалт зохион байгуулах', 'Сургалтын тоо', 2, 4, 'I-IV улирал', 'Хэлтэс'],
    [2, 'Иргэдэд мэдээлэл хүргэх', 'Мэдээллийн тоо', 100, 200, 'I-IV улирал', 'Хэлтэс'],
    [3, 'Хугацаа багасгах', 'Шийдвэрлэх хоног', 30, '15 хоног', 'I-IV улирал', 'Хэлтэс'],
    [4, 'Журам батлуулах', 'Баталсан эсэх', '-', 'Батлагдсан байна', 'II улирал', 'Дарга'],
  ],
  { name: 'Төлөвлөгөө', merges: ['A1:G1', 'A3:G3'] },
);

describe('the report form, filled in', () => {
  it('Compute, after the achieved levels and a rating are typed, gives the figures a person would', () => {
    const outcome = planReportForm([SMALL_PLAN], options);
    expect(outcome.tables[0].itemRows).toHaveLength(4);
    let form = applyPlanToSheets([SMALL_PLAN], outcome.plan!).find((s) => s.name === 'Тайлан')!;
    const table = outcome.tables[0];
    expect(new SheetGrid(form).value(0, 0)).toBe('2025 ОНЫ ГҮЙЦЭТГЭЛИЙН ТАЙЛАН');
    expect(new SheetGrid(form).value(1, 0)).toBe('2025 оны жилийн эцсийн байдлаар');
    const [one, two, three, four] = table.itemRows;
    form = typeInto(form, formAddress(table, 'achieved', one), 3);
    form = typeInto(form, formAddress(table, 'achieved', two), 200);
    form = typeInto(form, formAddress(table, 'achieved', three), '20 хоног');
    form = typeInto(form, formAddress(table, 'achieved', four), 'Журмыг 2025.05.02-нд батлуулсан.');
    form = typeInto(form, formAddress(table, 'percent', four), 100);
    const computed = planCompute([form], { words: MN });
    const writes = computed.plan.sheets[0].writes;
    const at = (address: string) => writes.find((w) => formAddress(table, 'percent', w.row) === address && w.col === columnOf(table, 'percent'))?.value;
    // 3 of 4 → 75; 200 of 200 → 100; 20 days against 15 from 30 (lower is better) → (30 − 20) / (30 − 15) = 66.7.
    expect([at(formAddress(table, 'percent', one)), at(formAddress(table, 'percent', two)), at(formAddress(table, 'percent', three))]).toEqual([75, 100, 66.7]);
    const scores = computed.analysis.sheets[0].scores[0];
    expect(scores.average).toBe(85.4);
    const stated = writes.find((w) => w.formula?.includes('AVERAGE('))!;
    expect(stated.value).toBe(85.4);
    expect(computed.analysis.findings.filter((f) => f.code !== 'average-mismatch' && f.severity !== 'info')).toEqual([]);
  });

  it('a workbook with no plan or report in it gives nothing to write', () => {
    const outcome = planReportForm([sheetOf([['Хурлын ирц'], ['Бат', 'ирсэн']], { name: 'Ирц' })], options);
    expect(outcome).toMatchObject({ plan: null, source: null });
  });

  it('follows the columns of a report already in the workbook', () => {
    const report = sheetOf(
      [
        ['ТАЙЛАН'],
        ['Д/д', 'Арга хэмжээ', 'Шалгуур үзүүлэлт', 'Суурь түвшин', 'Зорилтот түвшин', 'Хүрсэн түвшин', 'Гүйцэтгэлийн хувь', 'Хугацаа'],
        [1, 'Өмнөх ажил', 'Тоо', 1, 2, 2, 100, 'I улирал'],
      ],
      { name: 'Өмнөх тайлан' },
    );
    const outcome = planReportForm([SMALL_PLAN, report], options);
    expect(outcome.followed).toBe('Өмнөх тайлан!A2');
    const table = outcome.tables[0];
    expect(table.columns.map((c) => c.key)).toEqual(['index', 'action', 'indicator', 'baseline', 'target', 'achieved', 'percent', 'period', 'responsible']);
    const sheet = outcome.plan!.addedSheets![0];
    const header = (key: Parameters<typeof columnOf>[1]) => sheet.writes.find((w) => w.row === table.headerRow && w.col === columnOf(table, key))!.value;
    expect([header('target'), header('percent'), header('responsible')]).toEqual(['Зорилтот түвшин', 'Гүйцэтгэлийн хувь', 'Хариуцах эзэн']);
    const form = applyPlanToSheets([SMALL_PLAN, report], outcome.plan!).find((s) => s.name === 'Тайлан')!;
    expect(formValue(form, table, 'target', table.itemRows[2])).toBe('15 хоног');
    expect(formValue(form, table, 'responsible', table.itemRows[3])).toBe('Дарга');
  });
});

describe('a report given where a plan is expected', () => {
  it('is a plan with results: its own layout, its results and stated figures left out', async () => {
    const report = await fixtureSheets('report-2025-h1-consulting-unit');
    const outcome = planReportForm(report, { ...options, period: '2025 оны жилийн эцэс' });
    expect(outcome).toMatchObject({ source: 'report', sourceSheet: 'Тайлан' });
    expect(outcome.tables).toHaveLength(2);
    // The skills table's headers a paste shifted two columns right are not carried twice: its data's columns hold them.
    expect(outcome.tables[1].columns.map((c) => c.key)).toEqual(['index', 'action', 'indicator', 'baseline', 'target', 'achieved', 'period', 'percent']);
    const form = applyPlanToSheets(report, outcome.plan!).find((s) => s.name === 'Тайлан (2)')!;
    const grid = new SheetGrid(form);
    expect([0, 1, 2, 3].map((r) => grid.value(r, 0))).toEqual(['ЗӨВЛӨГӨӨ, МЭДЭЭЛЛИЙН ХЭЛТСИЙН 2025 ОНЫ', 'ГҮЙЦЭТГЭЛИЙН ТАЙЛАН', '2025 оны жилийн эцэс', 'Улаанбаатар хот']);
    for (const table of outcome.tables) {
      for (const row of table.itemRows) {
        expect(formValue(form, table, 'achieved', row)).toBeNull();
        expect(formValue(form, table, 'percent', row)).toBeNull();
      }
    }
    const texts = form.values.flat().filter((v): v is string => typeof v === 'string');
    expect(texts.some((t) => t.startsWith('Үнэлгээ:'))).toBe(false);
    const a = analyzeWorkbook([form], { words: MN });
    expect(new Set(a.findings.map((f) => f.code))).toEqual(new Set(['missing-percent']));
    expect(a.findings).toHaveLength(14);
  });
});
