import { MN } from '../support/words';
// Golden tests over the three real documents (test/fixtures, copied from ../shared/fixtures).
import { analyzeWorkbook, planCompute, type WorkbookAnalysis } from '../../src/core';
import { fixturePath, fixtureSheets, readWorkbook } from '../support/fixtures';
import { SUMMARY_CELLS } from '../support/layout-cells';

const rolesOf = (a: WorkbookAnalysis, i: number) => Object.fromEntries(a.sheets[0].tables[i].columns.map((c) => [c.role, c.letter]));

describe('report-2025-h1-consulting-unit', () => {
  let a: WorkbookAnalysis;
  beforeAll(async () => {
    a = analyzeWorkbook(await fixtureSheets('report-2025-h1-consulting-unit'));
  });

  it('finds two tables with every role', () => {
    const tables = a.sheets[0].tables;
    expect(tables.map((t) => t.id)).toEqual(['Тайлан!A5', 'Тайлан!A29']);
    expect(rolesOf(a, 0)).toEqual({ index: 'A', action: 'B', budget: 'C', indicator: 'D', baseline: 'E', target: 'F', achieved: 'G', percent: 'H' });
    // Two-row header: "Гүйцэтгэлийн түвшин" over Суурь / Хүрэх / Хүрсэн, a number row, and "Хугацаа"/"Хувь" shifted off their data.
    expect(tables[1].headerRows).toEqual([28, 29]);
    expect(tables[1].numberRow).toBe(30);
    expect(rolesOf(a, 1)).toEqual({ index: 'A', action: 'B', indicator: 'C', baseline: 'D', target: 'E', achieved: 'F', period: 'G', percent: 'H' });
  });

  it('reads groups, items and continuation rows', () => {
    const t = a.sheets[0].tables[0];
    expect(t.groups.map((g) => g.number)).toEqual(['1', '2', '3']);
    const items = t.rows.filter((r) => r.kind === 'item');
    expect(items.map((r) => r.number)).toEqual(['1.1', '1.2', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '2.8', '3.1', '3.2']);
    // Word-paste continuation rows (9, 17, 21, 25 in Excel's numbering) are never items.
    expect(t.rows.filter((r) => r.kind === 'continuation').map((r) => r.row + 1)).toEqual([9, 17, 21, 25]);
  });

  it('reproduces the stated averages 85.8 and 75 with no average-mismatch', () => {
    const [s1, s2] = a.sheets[0].scores;
    expect(s1.average).toBe(85.8);
    expect(s2.average).toBe(75);
    expect(a.sheets[0].tables.map((t) => t.stated.map((s) => s.value))).toEqual([[85.8], [75]]);
    expect(a.findings.filter((f) => f.code === 'average-mismatch')).toEqual([]);
    expect(a.counts.error).toBe(0);
  });
});

describe('report-2024-aimag-admin-dept', () => {
  let a: WorkbookAnalysis;
  beforeAll(async () => {
    a = analyzeWorkbook(await fixtureSheets('report-2024-aimag-admin-dept'));
  });

  it('finds both tables, the second after the signature block', () => {
    const tables = a.sheets[0].tables;
    expect(tables.map((t) => [t.id, t.firstRow + 1, t.lastRow + 1])).toEqual([
      ['Тайлан!A5', 5, 99],
      ['Тайлан!A107', 107, 110],
    ]);
    expect(rolesOf(a, 0)).toEqual({ index: 'A', action: 'B', indicator: 'C', baseline: 'D', target: 'E', period: 'F', achieved: 'G', percent: 'H' });
    expect(rolesOf(a, 1)).toEqual({ index: 'A', action: 'B', indicator: 'C', target: 'D', achieved: 'E', percent: 'F' });
    expect(tables[1].title).toBe('МЭДЛЭГ ЧАДВАРАА ДЭЭШЛҮҮЛЭХ ЗОРИЛТЫН ХҮРЭЭНД');
  });

  it('reports the unrated items as missing-percent', async () => {
    const ws = (await readWorkbook(fixturePath('report-2024-aimag-admin-dept'))).worksheets[0];
    // Numbered rows of the first table whose percent (H) is empty and whose achieved level (G) is narrative text.
    const unrated: string[] = [];
    for (let r = 8; r <= 98; r++) {
      const n = ws.getCell(r, 1).value;
      const h = ws.getCell(r, 8).value;
      const g = ws.getCell(r, 7).value;
      if (typeof n === 'number' && (h === null || h === '') && typeof g === 'string' && g.length > 40) unrated.push(`H${r}`);
    }
    expect(unrated.length).toBeGreaterThanOrEqual(10);
    const missing = a.findings.filter((f) => f.code === 'missing-percent').map((f) => f.cell);
    for (const cell of unrated) expect(missing).toContain(cell);
    expect(a.findings.filter((f) => f.code === 'missing-percent').every((f) => f.severity === 'error')).toBe(true);
  });

  it('reports the stated 97.5 against the mean of the rated rows', async () => {
    const ws = (await readWorkbook(fixturePath('report-2024-aimag-admin-dept'))).worksheets[0];
    // The ratings are the numbers in H8:H98, except H87 (row 87 continues item 54: no number, lower-case text)
    // and cells merged away (H59 lies under A59:H59, whose value is the item number 34).
    const ratings: number[] = [];
    for (let r = 8; r <= 98; r++) {
      const cell = ws.getCell(r, 8);
      if (cell.isMerged && cell.master !== cell) continue;
      if (typeof cell.value === 'number' && r !== 87) ratings.push(cell.value);
    }
    expect([null, '']).toContain(ws.getCell(87, 1).value);
    const mean = Math.round((ratings.reduce((s, v) => s + v, 0) / ratings.length) * 10) / 10;
    const [f] = a.findings.filter((x) => x.code === 'average-mismatch');
    expect(f).toMatchObject({ cell: 'H99', severity: 'warning', data: { stated: 97.5, computed: mean, count: ratings.length } });
    expect(mean).not.toBe(97.5);
  });

  it('names the merged area\'s top-left cell for a row merged across (item 34 sits in A59:H59); its percent cell is merged away', () => {
    const row59 = a.findings.filter((f) => f.row === 58);
    expect(row59.map((f) => [f.code, f.cell])).toEqual([
      ['missing-indicator', 'A59'],
      ['missing-target', 'A59'],
      ['missing-achieved', 'A59'],
      ['percent-merged', 'A59'],
    ]);
    expect(row59[3]).toMatchObject({ severity: 'error', data: { area: 'A59:H59' } });
  });

  it('reports the number gap 51 → 53 and ratings left in the wrong column', () => {
    expect(a.findings.find((f) => f.code === 'numbering-gap' && f.cell === 'A85')?.data).toMatchObject({ previous: '51', number: '53' });
    expect(a.findings.filter((f) => f.code === 'percent-misplaced').map((f) => f.cell)).toEqual(['G24', 'G47', 'G48', 'G49', 'G82', 'G85', 'G86']);
  });

  it('Compute fixes the stated average with a formula; the second table, signed right below, has its average on the summary sheet', async () => {
    const { plan } = planCompute(await fixtureSheets('report-2024-aimag-admin-dept'), { words: MN });
    const edits = plan.sheets[0];
    expect(edits.writes.map((w) => [w.row + 1, w.col, w.value, w.formula])).toEqual([[99, 7, 95.6, '=ROUND(AVERAGE(H8:H86,H88:H98),1)']]);
    expect(plan.skipped).toEqual([{ sheet: 'Тайлан', row: 110, col: 5, tableId: 'Тайлан!A107', reason: 'no-free-row', instead: expect.stringMatching(new RegExp(`^Үнэлгээний хураангуй!${SUMMARY_CELLS.letter('average')}\\d+$`)) }]);
    const excelRow = Number(plan.skipped[0].instead!.split('!')[1].slice(SUMMARY_CELLS.letter('average').length));
    const average = SUMMARY_CELLS.cellOf(plan.summary!, excelRow - 1, 'average');
    expect(average).toMatchObject({ value: 100, formula: "=IF(COUNT('Тайлан'!F108:F110)=0,\"\",ROUND(AVERAGE('Тайлан'!F108:F110),1))" });
  });
});

describe('plan-2023-digital-year-soum', () => {
  let a: WorkbookAnalysis;
  beforeAll(async () => {
    a = analyzeWorkbook(await fixtureSheets('plan-2023-digital-year-soum'));
  });

  it('recognises the plan', () => {
    const [t] = a.sheets[0].tables;
    expect(a.sheets[0].tables).toHaveLength(1);
    expect(t.kind).toBe('plan');
    expect(rolesOf(a, 0)).toEqual({ index: 'A', action: 'B', period: 'C', indicator: 'D', baseline: 'E', target: 'F', responsible: 'G' });
    expect(t.groups.map((g) => g.number)).toEqual(['1', '2', '3', '5', '6', '7', '8', '9', '10', '11', '12', '13']);
    expect(t.rows.filter((r) => r.kind === 'item')).toHaveLength(66);
  });

  it('reports the jump from section 3 to section 5 as numbering-gap, and nothing about percents', () => {
    expect(a.findings.map((f) => [f.code, f.cell])).toEqual([['numbering-gap', 'A41']]);
    expect(a.findings[0].data).toMatchObject({ previous: '3', number: '5', group: true });
  });
});
