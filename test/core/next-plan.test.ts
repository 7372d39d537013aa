// Next year's plan made from a report (planNextPlan): the same groups and
// items; this year's achieved level as the baseline where it is a number or
// a short quantity; the target empty, the old one beside it; items to carry
// over marked with their rating; renumbered only where the report's
// numbering was broken (and saying which); the title's year advanced.
// Validate reads it as a plan whose only item-level news is the empty
// targets, once per table.

import { analyzeWorkbook, applyPlanToSheets, planNextPlan, SheetGrid, type Sheet } from '../../src/core';
import { CYCLE_FORM } from '../../src/i18n/cycle-forms';
import { formValue } from '../support/form-cells';
import { fixtureSheets, type FixtureName } from '../support/fixtures';
import { sheetOf } from '../support/sheet-builder';
import { MN } from '../support/words';

const options = { words: MN, form: CYCLE_FORM };

function made(sheets: Sheet[], extra: Partial<Parameters<typeof planNextPlan>[1]> = {}) {
  const outcome = planNextPlan(sheets, { ...options, ...extra });
  const name = outcome.plan!.addedSheets![0].name;
  const plan = applyPlanToSheets(sheets, outcome.plan!).find((s) => s.name === name)!;
  return { outcome, plan };
}

describe.each<FixtureName>(['report-2024-aimag-admin-dept', 'report-2025-h1-consulting-unit'])('next year’s plan from %s', (name) => {
  let report: Sheet[];
  let outcome: ReturnType<typeof planNextPlan>;
  let plan: Sheet;
  beforeAll(async () => {
    report = await fixtureSheets(name);
    ({ outcome, plan } = made(report));
  });

  it('prints on A4 landscape one page wide with its pages numbered; a single table repeats its header and column numbers on every page', () => {
    const sheet = outcome.plan!.addedSheets![0];
    expect(sheet.print).toMatchObject({ paper: 'A4', orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, footer: { right: 'Хуудас &P / &N' } });
    const titleRows = outcome.tables.length === 1 ? { first: outcome.tables[0].headerRow, last: outcome.tables[0].headerRow + 1 } : undefined;
    expect(sheet.print!.titleRows).toEqual(titleRows);
  });

  it('is read as a plan whose only findings on items are none: the empty targets are one note per table', () => {
    const a = analyzeWorkbook([plan], { words: MN });
    const tables = a.sheets[0].tables;
    expect(tables.map((t) => t.kind)).toEqual(outcome.tables.map(() => 'plan'));
    const itemRows = new Set(outcome.tables.flatMap((t) => t.itemRows));
    expect(a.findings.filter((f) => itemRows.has(f.row))).toEqual([]);
    expect(a.findings.filter((f) => f.code === 'targets-empty')).toHaveLength(tables.length);
    expect(a.findings.filter((f) => f.code !== 'targets-empty').map((f) => [f.code, f.data?.group])).toEqual(a.findings.filter((f) => f.code !== 'targets-empty').map(() => ['numbering-gap', true]));
  });

  it("takes this year's numeric achieved levels as the baselines, keeps the old target beside the empty new one", () => {
    const analysis = analyzeWorkbook(report, { words: MN });
    const source = analysis.sheets[0].tables;
    // A rating typed where the achieved level goes is not an achieved level (Validate says percent-misplaced there).
    const misplaced = new Set(analysis.findings.filter((f) => f.code === 'percent-misplaced').map((f) => f.row));
    const grid = new SheetGrid(report[0]);
    const expected: unknown[] = [];
    const baselines: unknown[] = [];
    outcome.tables.forEach((table, t) => {
      const roles = Object.fromEntries(source[t].columns.map((c) => [c.role, c.col]));
      const items = source[t].rows.filter((r) => r.kind === 'item' && !outcome.leftOut.some((l) => l.row === r.row));
      expect(table.itemRows).toHaveLength(items.length);
      items.forEach((item, i) => {
        const row = table.itemRows[i];
        expect(formValue(plan, table, 'target', row)).toBeNull();
        expect(formValue(plan, table, 'previousTarget', row)).toEqual(grid.value(item.row, roles.target));
        const achieved = grid.value(item.row, roles.achieved);
        const short = typeof achieved === 'number' || (typeof achieved === 'string' && /^\d[\d\s.,/%]*[а-яөүё\s]*$/i.test(achieved) && achieved.length <= 40);
        expected.push(short && !misplaced.has(item.row) ? achieved : null);
        baselines.push(formValue(plan, table, 'baseline', row));
      });
    });
    expect(baselines).toEqual(expected);
    expect(outcome.baselines).toBe(expected.filter((v) => v !== null).length);
  });

  it('advances the title’s year and makes ТАЙЛАН a ТӨЛӨВЛӨГӨӨ, the period taken out', () => {
    const grid = new SheetGrid(plan);
    const title = [0, 1].map((r) => grid.value(r, 0)).join(' ');
    expect(title).toContain(`${outcome.year} ОНЫ`);
    expect(title).toContain('ГҮЙЦЭТГЭЛИЙН ТӨЛӨВЛӨГӨӨ');
    expect(title).not.toMatch(/ТАЙЛАН|ХАГАС|ЭЦСИЙН/);
    expect(plan.name).toBe(`Төлөвлөгөө ${outcome.year}`);
  });
});

describe('next year’s plan, item by item', () => {
  it('renumbers the aimag report where its numbering was broken, says where, and leaves out an item with nothing but its number', async () => {
    const { outcome, plan } = made(await fixtureSheets('report-2024-aimag-admin-dept'));
    expect(outcome.year).toBe(2025);
    expect(outcome.renumbered).toEqual([{ table: 'Тайлан!A5', gaps: ['51 → 53'], duplicates: [], unnumbered: [81], changed: 27 }]);
    expect(outcome.leftOut).toEqual([{ table: 'Тайлан!A5', number: '34', row: 58 }]);
    const table = outcome.tables[0];
    expect(table.itemRows.map((r) => formValue(plan, table, 'index', r))).toEqual(Array.from({ length: 61 }, (_x, i) => i + 1));
  });

  it('keeps the consulting report’s numbers as written (nothing was broken) and marks what to carry over with its rating', async () => {
    const { outcome, plan } = made(await fixtureSheets('report-2025-h1-consulting-unit'));
    expect(outcome.renumbered).toEqual([]);
    expect(outcome.year).toBe(2026);
    const [main, skills] = outcome.tables;
    expect(main.itemRows.map((r) => formValue(plan, main, 'index', r))).toEqual([1.1, 1.2, 2.1, 2.2, 2.3, 2.4, 2.5, 2.6, 2.7, 2.8, 3.1, 3.2]);
    // Rated 100 100 100 100 90 90 90 90 70 100 30 70 and 50 100.
    const notes = [...main.itemRows.map((r) => formValue(plan, main, 'note', r)), ...skills.itemRows.map((r) => formValue(plan, skills, 'note', r))];
    expect(notes).toEqual([null, null, null, null, 'Үргэлжлүүлэх (90%)', 'Үргэлжлүүлэх (90%)', 'Үргэлжлүүлэх (90%)', 'Үргэлжлүүлэх (90%)', 'Үргэлжлүүлэх (70%)', null, 'Үргэлжлүүлэх (30%)', 'Үргэлжлүүлэх (70%)', 'Үргэлжлүүлэх (50%)', null]);
    expect(outcome.carriedOver).toBe(8);
  });

  it('takes a number or a short quantity as the baseline, never narrative nor a rating typed in the achieved column', () => {
    const report = sheetOf(
      [
        ['ХЭЛТСИЙН 2025 ОНЫ ЖИЛИЙН ЭЦСИЙН ГҮЙЦЭТГЭЛИЙН ТАЙЛАН'],
        ['Д/д', 'Арга хэмжээ', 'Шалгуур үзүүлэлт', 'Суурь түвшин', 'Зорилтот түвшин', 'Хүрсэн түвшин', 'Хувь'],
        [1, 'Сургалт', 'Тоо', 2, 4, 12, 100],
        [2, 'Үйлчилгээ', 'Тоо', '1/60', '2/10', '2/65', 100],
        [3, 'Хамрагдалт', 'Хувь', '70 %', '80 %', '85 %', 100],
        [4, 'Мэдээлэл', 'Иргэн', '500 иргэн', '1000 иргэн', '1000 иргэн', 100],
        [5, 'Журам', 'Эсэх', '-', 1, 'Журмыг 2025 оны 5 дугаар сард батлуулж, мөрдөж эхэлсэн.', 70],
        [6, 'Хурал', 'Тоо', 2, 4, 'Дөрвөн удаа хуралдсан.'],
      ],
      { name: 'Тайлан' },
    );
    const { outcome, plan } = made([report], { year: 2030 });
    const table = outcome.tables[0];
    expect(table.itemRows.map((r) => formValue(plan, table, 'baseline', r))).toEqual([12, '2/65', '85 %', '1000 иргэн', null, null]);
    expect(outcome.baselines).toBe(4);
    expect(table.itemRows.map((r) => formValue(plan, table, 'note', r))).toEqual([null, null, null, null, 'Үргэлжлүүлэх (70%)', 'Үргэлжлүүлэх (үнэлгээгүй)']);
    expect(new SheetGrid(plan).value(0, 0)).toBe('ХЭЛТСИЙН 2030 ОНЫ ГҮЙЦЭТГЭЛИЙН ТӨЛӨВЛӨГӨӨ');
    const shifted = sheetOf(
      [
        ['Д/д', 'Арга хэмжээ', 'Шалгуур үзүүлэлт', 'Суурь түвшин', 'Зорилтот түвшин', 'Хүрсэн түвшин', 'Хувь'],
        [1, 'Сургалт', 'Тоо', 2, '4-өөс доошгүй', 'Зохион байгуулсан.', 90],
        [2, 'Хурал', 'Тоо', 2, '10-аас доошгүй', 100],
        [3, 'Зөвлөгөө', 'Тоо', 1, 2, 'Өгсөн.', 100],
      ],
      { name: 'Тайлан' },
    );
    const again = made([shifted]);
    expect(again.outcome.tables[0].itemRows.map((r) => formValue(again.plan, again.outcome.tables[0], 'baseline', r))).toEqual([null, null, null]);
  });

  it('makes nothing from a workbook with no report', async () => {
    expect(planNextPlan(await fixtureSheets('plan-2023-digital-year-soum'), options)).toMatchObject({ plan: null, sourceSheet: null });
    expect(planNextPlan(await fixtureSheets('report-2025-h1-consulting-unit'), { ...options, workbookProtected: true })).toMatchObject({ plan: null, refused: 'workbook-protected' });
  });
});
