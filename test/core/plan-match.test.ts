// A report held against its plan (analyzeAgainstPlan): a report built here
// from the plan fixture, then copied "by hand" — two items lost, one added,
// a target and a baseline changed, a typo in an action, an item moved to
// another group — reports exactly those, on the report's cells.

import { analyzeAgainstPlan, analyzeWorkbook, applyPlanToSheets, planReportForm, SheetGrid, type FormTable, type Sheet } from '../../src/core';
import { CYCLE_FORM } from '../../src/i18n/cycle-forms';
import { columnOf, formAddress } from '../support/form-cells';
import { fixtureSheets } from '../support/fixtures';
import { sheetOf } from '../support/sheet-builder';
import { deleteRow, insertRow, rowCells, typeInto } from '../support/sheet-rows';
import { MN } from '../support/words';

const CODES = ['plan-item-missing', 'item-not-in-plan', 'plan-target-changed', 'plan-baseline-changed', 'plan-item-moved'];

let plan: Sheet[];
let form: Sheet;
let table: FormTable;
beforeAll(async () => {
  plan = await fixtureSheets('plan-2023-digital-year-soum');
  const outcome = planReportForm(plan, { words: MN, form: CYCLE_FORM });
  form = applyPlanToSheets(plan, outcome.plan!).find((s) => s.name === CYCLE_FORM.reportSheetName)!;
  table = outcome.tables[0];
});

const planFindings = (report: Sheet[]) => analyzeAgainstPlan(report, plan, { words: MN });

describe('a report held against its plan', () => {
  it('finds nothing to say of a report copied faithfully (the form made from the plan)', () => {
    const check = planFindings([form]);
    expect(check.analysis.findings.filter((f) => CODES.includes(f.code))).toEqual([]);
    expect(check).toMatchObject({ planTables: ['Төлөвлөгөө!A3'], matched: 66, missing: 0, extra: 0 });
    // The report's own findings are all still there.
    expect(check.analysis.findings).toEqual(analyzeWorkbook([form], { words: MN }).findings);
  });

  it('reports exactly the items lost, added, changed and moved, on the report’s cells', () => {
    const rows = table.itemRows;
    const continued = new Set(analyzeWorkbook([form], { words: MN }).sheets[0].tables[0].rows.filter((r) => r.kind === 'continuation').map((r) => r.itemRow));
    const [lostA, lostB, added, target, baseline, typo, moved, into] = [1, 55, 20, 9, 12, 5, 24, 30];
    for (const i of [lostA, lostB, moved]) expect(continued.has(rows[i])).toBe(false);
    const grid = new SheetGrid(form);
    const action = (i: number) => String(grid.value(rows[i], columnOf(table, 'action')));
    let report = form;
    // Edits first (rows stay where they are), then rows moved, added and deleted from the bottom up.
    report = typeInto(report, formAddress(table, 'target', rows[target]), '8 мэдээлэл, 2000 иргэний хандалт авсан байна.');
    report = typeInto(report, formAddress(table, 'baseline', rows[baseline]), '3000 иргэн');
    report = typeInto(report, formAddress(table, 'action', rows[typo]), action(typo).replace('хууль', 'хуул'));
    report = deleteRow(report, rows[lostB]);
    const movedCells = rowCells(report, rows[moved]);
    report = insertRow(report, rows[into] + 1, movedCells);
    report = deleteRow(report, rows[moved]);
    const newRow = [7, 'Цахим эмнэлгийн цаг захиалгын үйлчилгээг нэвтрүүлэх', 'I-IV улиралд', 'Цаг захиалсан иргэдийн тоо', '-', '500 иргэн', 'ЭМТ'];
    report = insertRow(report, rows[added] + 1, newRow);
    report = deleteRow(report, rows[lostA]);

    const check = planFindings([report]);
    const found = check.analysis.findings.filter((f) => CODES.includes(f.code));
    expect(found.map((f) => f.code).sort()).toEqual(['item-not-in-plan', 'plan-baseline-changed', 'plan-item-missing', 'plan-item-missing', 'plan-item-moved', 'plan-target-changed']);
    expect(check).toMatchObject({ matched: 64, missing: 2, extra: 1 });
    const by = (code: string) => found.filter((f) => f.code === code);
    // Rows after the first deletion moved up one.
    expect(by('plan-target-changed')[0].cell).toBe(formAddress(table, 'target', rows[target] - 1));
    expect(by('plan-target-changed')[0].message.en).toContain('the target was "4 мэдээлэл, 1000 иргэний хандалт авсан байна."');
    expect(by('plan-baseline-changed')[0].cell).toBe(formAddress(table, 'baseline', rows[baseline] - 1));
    expect(by('item-not-in-plan')[0].cell).toBe(formAddress(table, 'action', rows[added])); // one row up (the deletion), one down (the insertion)
    expect(by('item-not-in-plan')[0].message.en).toContain('Цахим эмнэлгийн цаг захиалгын');
    expect(by('plan-item-moved')[0].message.en).toMatch(/the plan has it under "3\. Боловсролын чиглэлээр:"; the report under "5\. Соёл, урлагийн чиглэлээр:"/);
    const missing = by('plan-item-missing');
    const planItems = analyzeWorkbook(plan, { words: MN }).sheets[0].tables[0].rows.filter((r) => r.kind === 'item');
    expect(missing.map((f) => f.data?.planCell).sort()).toEqual([`Төлөвлөгөө!B${planItems[lostB].row + 1}`, `Төлөвлөгөө!B${planItems[lostA].row + 1}`].sort());
    // The first lost item belongs where the plan's next item now is.
    expect(missing.find((f) => f.data?.planCell === 'Төлөвлөгөө!B6')!.cell).toBe(formAddress(table, 'index', rows[lostA]));
  });

  it('pairs nothing of another unit’s report with this plan: every report item is not in it, every plan item missing (at the report’s header)', async () => {
    const other = await fixtureSheets('report-2025-h1-consulting-unit');
    const check = analyzeAgainstPlan(other, plan, { words: MN });
    expect(check).toMatchObject({ matched: 0, extra: 14, missing: 66 });
    const found = check.analysis.findings.filter((f) => CODES.includes(f.code));
    expect(found.filter((f) => f.code === 'item-not-in-plan')).toHaveLength(14);
    expect(new Set(found.filter((f) => f.code === 'plan-item-missing').map((f) => f.cell))).toEqual(new Set(['A5']));
    expect(found.filter((f) => f.code === 'plan-item-missing')).toHaveLength(66);
  });

  it('takes a report for the plan when the plan file holds no plan (a report is a plan with results), and says so when it holds no table', () => {
    const againstReport = analyzeAgainstPlan([form], [form], { words: MN });
    expect(againstReport).toMatchObject({ matched: 66, missing: 0, extra: 0, planTables: ['Тайлан!A5'] });
    const none = analyzeAgainstPlan([form], [sheetOf([['Хурлын ирц'], ['Бат', 'ирсэн']], { name: 'Ирц' })], { words: MN });
    expect(none.planTables).toEqual([]);
    expect(none.analysis.findings).toEqual(analyzeWorkbook([form], { words: MN }).findings);
  });
});
