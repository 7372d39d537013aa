// The evaluation sheet written from a report (annex 6 → annex 8): laid out
// as the form, its percents linked to the report's cells, found by Validate as
// one evaluation whose only findings are the ratings still to be entered.
import { analyzeWorkbook, applyPlanToSheets, planCompute, planEvaluationSheet, type Sheet } from '../../src/core';
import { EVALUATION_FORM } from '../../src/i18n/evaluation-form';
import { fixtureSheets, type FixtureName } from '../support/fixtures';
import { REPORT_HEADER, sheetOf } from '../support/sheet-builder';
import { MN } from '../support/words';
import { EVALUATION_CELLS } from '../support/layout-cells';

const options = { words: MN, form: EVALUATION_FORM };

describe.each<FixtureName>(['report-2024-aimag-admin-dept', 'report-2025-h1-consulting-unit'])('the evaluation sheet from %s', (name) => {
  let sheets: Sheet[];
  let after: Sheet[];
  let outcome: ReturnType<typeof planEvaluationSheet>;
  beforeAll(async () => {
    sheets = await fixtureSheets(name);
    outcome = planEvaluationSheet(sheets, options);
    after = applyPlanToSheets(sheets, outcome.plan!);
  });

  it("is read back as one evaluation with no mismatch: its only findings are the ratings still to be entered", () => {
    const a = analyzeWorkbook(after, { words: MN });
    expect(a.evaluations).toHaveLength(1);
    const onSheet = a.findings.filter((f) => f.sheet === EVALUATION_FORM.sheetName);
    expect(onSheet.map((f) => f.code)).toEqual(Array(9).fill('missing-rating'));
    expect(a.evaluations[0].sections.map((s) => s.section)).toEqual([1, 2, 3, 4]);
    expect(a.evaluations[0].total).toBeNull(); // sections 3 and 4 are not rated yet
  });

  it("section 1 gives the report's percents × 0.70, averaged (rounded to one decimal)", () => {
    const report = analyzeWorkbook(after, { words: MN }).sheets.find((s) => s.sheet !== EVALUATION_FORM.sheetName)!;
    const main = report.scores.find((s) => s.tableId === outcome.reportTable)!;
    expect(main.ratedCount).toBeGreaterThan(0);
    const a = analyzeWorkbook(after, { words: MN });
    // Every rated percent of the report, as the report states it, recomputed here from the report's cells.
    const percents = a.sheets.flatMap((s) => s.scores).filter((s) => s.tableId === outcome.reportTable).map((s) => s.average);
    expect(a.evaluations[0].sections[0].points).toBe(Math.round(((percents[0] as number) * 0.7 + Number.EPSILON) * 10) / 10);
  });

  it('links every percent of section 1 to its report cell, and writes nothing else in the report but the percents Compute fills', () => {
    const sheet = outcome.plan!.addedSheets![0];
    const links = sheet.writes.filter((w) => w.col === EVALUATION_CELLS.col('figure') && w.formula?.includes('ISNUMBER('));
    expect(links.length).toBeGreaterThan(0);
    // The item rows' percent cells of the report as read before: Compute's stated averages and average rows stay out.
    const itemPercents = new Set(
      analyzeWorkbook(sheets, { words: MN }).sheets.flatMap((s) =>
        s.tables.flatMap((t) => {
          const percent = t.columns.find((c) => c.role === 'percent')?.col;
          return t.rows.filter((r) => r.kind === 'item').map((r) => `${s.sheet}!${r.row}:${percent}`);
        }),
      ),
    );
    for (const cell of outcome.plan!.sheets.flatMap((s) => s.writes.map((w) => `${s.sheet}!${w.row}:${w.col}`))) expect(itemPercents).toContain(cell);
  });

  it('has cells to fill with their rules (0–7, 0–8, the changes), borders, merged title lines and A4 printing', () => {
    const sheet = outcome.plan!.addedSheets![0];
    expect(sheet.inputs!.map((i) => [i.area.bottom - i.area.top + 1, i.max])).toEqual(expect.arrayContaining([[6, 7], [3, 8], [1, 100]]));
    expect(sheet.borders!.length).toBe(5);
    expect(sheet.merges!.length).toBeGreaterThan(5);
    expect(sheet.print).toMatchObject({ paper: 'A4', orientation: 'portrait', fitToWidth: 1, fitToHeight: 0, footer: { left: '&A', right: 'Хуудас &P / &N' } });
  });

  it('breaks pages at a section\'s title, or inside a long section at its header repeated', () => {
    const sheet = outcome.plan!.addedSheets![0];
    const titles = sheet.writes.filter((w) => w.col === EVALUATION_CELLS.col('number') && typeof w.value === 'string' && /^[1-5]\. /.test(w.value)).map((w) => w.row);
    const headers = new Set(EVALUATION_FORM.sections.map((s) => s.header.join('|')));
    const rowText = (r: number) => sheet.writes.filter((w) => w.row === r).sort((x, y) => x.col - y.col).map((w) => w.value).join('|');
    for (const at of sheet.print!.rowBreaks ?? []) expect([at, titles.includes(at) || headers.has(rowText(at))]).toEqual([at, true]);
  });

  it('run again, replaces its own sheet rather than adding a second one', () => {
    const again = planEvaluationSheet(after, options);
    expect(again.plan!.addedSheets![0]).toMatchObject({ name: EVALUATION_FORM.sheetName, replaces: true });
    expect(applyPlanToSheets(after, again.plan!).filter((s) => s.name.startsWith('8-р')).length).toBe(1);
  });
});

describe('the evaluation sheet of a long report (the aimag department\'s 62 actions)', () => {
  it('repeats section 1\'s header at the top of each page it runs on to, and is still read as one section', async () => {
    const sheets = await fixtureSheets('report-2024-aimag-admin-dept');
    const plan = planEvaluationSheet(sheets, options).plan!;
    const sheet = plan.addedSheets![0];
    const header = EVALUATION_FORM.sections[0].header;
    const repeated = sheet.writes.filter((w) => w.col === EVALUATION_CELLS.col('text') && w.value === header[EVALUATION_CELLS.col('text')]).map((w) => w.row);
    expect(repeated.length).toBeGreaterThan(2);
    // The first is the section's own header; each other one starts a page.
    for (const at of repeated.slice(1)) expect(sheet.print!.rowBreaks).toContain(at);
    const read = analyzeWorkbook(applyPlanToSheets(sheets, plan), { words: MN });
    // Five tables (sections 1–5), not more: a repeated header does not start a table.
    expect(read.sheets.find((s) => s.sheet === EVALUATION_FORM.sheetName)!.tables).toHaveLength(5);
    const reportItems = read.sheets.find((s) => s.sheet === 'Тайлан')!.scores[0].itemCount;
    expect(read.evaluations[0].sections[0].items).toBe(reportItems);
  });
});

describe('the evaluation sheet, edge cases', () => {
  it('a workbook without a report gets no plan', () => {
    expect(planEvaluationSheet([sheetOf([['Хурлын тэмдэглэл']])], options).plan).toBeNull();
  });

  it("changes in the report only the items' percents Compute fills or rewrites, not its stated average nor an average row", () => {
    // Item 1: 3 of 4 → 75 computed; item 2: a rating typed as text, rewritten as the number; the stated 30 is wrong.
    const report = sheetOf([REPORT_HEADER, [1, 'A', 'Тоо', 1, 4, 3, null], [2, 'B', 'Тоо', 1, 2, 'Хийсэн', '90 хувь'], ['Үнэлгээ: 30 хувь']], { name: 'Тайлан' });
    const computeWrites = planCompute([report], { words: MN }).plan.sheets.flatMap((s) => s.writes.map((w) => [w.row, w.col]));
    expect(computeWrites).toContainEqual([3, 0]);
    const writes = planEvaluationSheet([report], options).plan!.sheets.flatMap((s) => s.writes);
    expect(writes.map((w) => [w.row, w.col, w.value])).toEqual([
      [1, 6, 75],
      [2, 6, 90],
    ]);
  });

  it("never replaces a user's own sheet of that name: it takes a free name", async () => {
    const sheets = [...(await fixtureSheets('report-2025-h1-consulting-unit')), sheetOf([['Миний тэмдэглэл']], { name: EVALUATION_FORM.sheetName })];
    const o = planEvaluationSheet(sheets, options);
    expect(o.plan!.addedSheets![0]).toMatchObject({ name: `${EVALUATION_FORM.sheetName} (2)`, replaces: false });
  });
});

describe('writing the evaluation sheet again', () => {
  it("keeps what people typed in it: the supervisor's and colleagues' ratings and the changes", async () => {
    const sheets = await fixtureSheets('report-2025-h1-consulting-unit');
    const first = applyPlanToSheets(sheets, planEvaluationSheet(sheets, options).plan!);
    // The supervisor, the colleagues and HR fill the sheet in.
    const form = first.find((s) => s.name === EVALUATION_FORM.sheetName)!;
    const a = analyzeWorkbook(first, { words: MN }).evaluations[0];
    const rowsOf = (section: number) => a.sections.find((s) => s.section === section)!;
    const typedRows: number[] = [];
    for (const f of analyzeWorkbook(first, { words: MN }).findings.filter((x) => x.code === 'missing-rating')) typedRows.push(f.row);
    const ratings = [7, 6, 7, 5, 7, 7, 8, 7, 8];
    typedRows.forEach((r, i) => (form.values[r][2] = ratings[i]));
    const changesRow = form.values.findIndex((row) => row && row[1] === EVALUATION_FORM.summaryLines[4]);
    form.values[changesRow][2] = 1;
    expect(rowsOf(3).items).toBe(6);

    const again = planEvaluationSheet(first, options);
    expect(again.plan!.addedSheets![0].replaces).toBe(true);
    const second = applyPlanToSheets(first, again.plan!);
    const e = analyzeWorkbook(second, { words: MN }).evaluations[0];
    expect(e.sections.map((s) => s.points)).toEqual([e.sections[0].points, e.sections[1].points, 6.5, 7.7]);
    expect(e.changes).toBe(1);
    expect(e.total).toBe(Math.round(((e.sections[0].points ?? 0) + (e.sections[1].points ?? 0) + 6.5 + 7.7 - 1) * 10) / 10);
    expect(e.totalStated).toBe(e.total);
    expect(analyzeWorkbook(second, { words: MN }).findings.filter((f) => f.sheet === EVALUATION_FORM.sheetName)).toEqual([]);
  });
});
