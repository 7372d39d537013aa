// The roll-up's engine side: who reports for when (from the title lines),
// one row per table with its figures, ranks as RANK gives them, and the
// workbook plan (a rank formula per row, a total line of formulas, links,
// a filterable findings table).
import { analyzeWorkbook, columnLetter, getProfile, planRollup, rankRows, rollupRows, rollupTotal, unitFromLines, type RollupColumnKey, type RollupFindingsColumnKey, type RollupRow } from '../../src/core';
import { rollupWords } from '../../src/i18n/rollup';
import { fixtureSheets, type FixtureName } from '../support/fixtures';
import { MN } from '../support/words';
import { NOT_READ_CELLS, ROLLUP_CELLS, ROLLUP_FINDINGS_CELLS } from '../support/layout-cells';

describe('who reports, for when', () => {
  it.each([
    [
      'АЙМГИЙН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗРЫН ТӨРИЙН ЗАХИРГААНЫ УДИРДЛАГЫН ХЭЛТСИЙН 2024 ОНЫ ЖИЛИЙН ЭЦСИЙН ГҮЙЦЭТГЭЛИЙН ТАЙЛАН',
      ['2024.12.13', 'Алтай хот'],
      { organisation: 'АЙМГИЙН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗАР', unit: 'ТӨРИЙН ЗАХИРГААНЫ УДИРДЛАГЫН ХЭЛТЭС', period: 'year', year: 2024 },
    ],
    ['ЗӨВЛӨГӨӨ, МЭДЭЭЛЛИЙН ХЭЛТСИЙН 2025 ОНЫ ЭХНИЙ ХАГАС ЖИЛИЙН ГҮЙЦЭТГЭЛИЙН ТАЙЛАН', [], { organisation: null, unit: 'ЗӨВЛӨГӨӨ, МЭДЭЭЛЛИЙН ХЭЛТЭС', period: 'h1', year: 2025 }],
    ['ГҮЙЦЭТГЭЛИЙН ТАЙЛАН', ['Сангийн яамны Төсвийн бодлогын газрын 2025 оны III улирлын'], { organisation: 'Сангийн яам', unit: 'Төсвийн бодлогын газар', period: 'q3', year: 2025 }],
    ['СТАТИСТИКИЙН ХОРООНЫ 2023 ОНЫ IV УЛИРЛЫН ТАЙЛАН', [], { organisation: 'СТАТИСТИКИЙН ХОРОО', unit: null, period: 'q4', year: 2023 }],
    ['ГҮЙЦЭТГЭЛИЙН ҮНЭЛГЭЭНИЙ ХУУДАС', ['Хууль зүйн хэлтэс', 'Овог, нэр: Б.Болд', '2024 он'], { organisation: 'Хууль зүйн хэлтэс', unit: 'Б.Болд', period: null, year: 2024 }],
    // A plan's heading names no unit, and "ЖИЛ" inside a quoted name is no period.
    ['“ИРГЭДИЙН ОРОЛЦООТОЙ ЦАХИМ ХӨГЖЛИЙН ЖИЛ”-ИЙН ХҮРЭЭНД ХЭРЭГЖҮҮЛЭХ АРГА ХЭМЖЭЭНИЙ ТӨЛӨВЛӨГӨӨ', ['I-IV улиралд'], { organisation: null, unit: null, period: null, year: null }],
  ])('%s', (title, lines, expected) => {
    expect(unitFromLines(title, lines)).toEqual(expected);
  });

  // Titles as staff write them (in the seeds' style), each rule its own case.
  it.each([
    // "ҮНЭЛГЭЭНИЙ" and "ХЯНАЛТ-ШИНЖИЛГЭЭ" inside a unit's name: the usual name of the units that make roll-ups.
    [
      'ХЯНАЛТ-ШИНЖИЛГЭЭ, ҮНЭЛГЭЭНИЙ ХЭЛТСИЙН 2024 ОНЫ ЖИЛИЙН ЭЦСИЙН ГҮЙЦЭТГЭЛИЙН ТАЙЛАН',
      ['2024.12.20', 'Улаанбаатар хот'],
      { organisation: null, unit: 'ХЯНАЛТ-ШИНЖИЛГЭЭ, ҮНЭЛГЭЭНИЙ ХЭЛТЭС', period: 'year', year: 2024 },
    ],
    [
      'АЙМГИЙН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗРЫН ХЯНАЛТ-ШИНЖИЛГЭЭ, ҮНЭЛГЭЭ, ДОТООД АУДИТЫН ХЭЛТСИЙН 2025 ОНЫ ЭХНИЙ ХАГАС ЖИЛИЙН ГҮЙЦЭТГЭЛИЙН ТАЙЛАН',
      [],
      { organisation: 'АЙМГИЙН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗАР', unit: 'ХЯНАЛТ-ШИНЖИЛГЭЭ, ҮНЭЛГЭЭ, ДОТООД АУДИТЫН ХЭЛТЭС', period: 'h1', year: 2025 },
    ],
    ['Хяналт-шинжилгээ, үнэлгээний албаны 2025 оны I улирлын гүйцэтгэлийн тайлан', [], { organisation: null, unit: 'Хяналт-шинжилгээ, үнэлгээний алба', period: 'q1', year: 2025 }],
    // "АЖЛЫН" inside a name.
    ['ИХ ХУРЛЫН АЖЛЫН АЛБАНЫ 2024 ОНЫ ЖИЛИЙН ЭЦСИЙН ГҮЙЦЭТГЭЛИЙН ТАЙЛАН', [], { organisation: null, unit: 'ИХ ХУРЛЫН АЖЛЫН АЛБА', period: 'year', year: 2024 }],
    // A unit that ends in "…ДАРГЫН": the governor reports.
    ['СУМЫН ЗАСАГ ДАРГЫН 2024 ОНЫ III УЛИРЛЫН ГҮЙЦЭТГЭЛИЙН ТАЙЛАН', [], { organisation: null, unit: 'СУМЫН ЗАСАГ ДАРГА', period: 'q3', year: 2024 }],
    [
      'ЗАСАГ ДАРГЫН ТАМГЫН ГАЗРЫН ДАРГЫН 2025 ОНЫ ЭХНИЙ 9 САРЫН ГҮЙЦЭТГЭЛИЙН ТАЙЛАН',
      [],
      { organisation: 'ЗАСАГ ДАРГЫН ТАМГЫН ГАЗАР', unit: 'ДАРГА', period: 'm9', year: 2025 },
    ],
    // The annex line above a 2024 report: the report's year, not the order's.
    [
      'ТӨРИЙН ЗАХИРГААНЫ УДИРДЛАГЫН ХЭЛТСИЙН 2024 ОНЫ ЖИЛИЙН ЭЦСИЙН ГҮЙЦЭТГЭЛИЙН ТАЙЛАН',
      ['Засгийн газрын Хэрэг эрхлэх газрын даргын 2023 оны 98 дугаар тушаалын 6 дугаар хавсралт', 'ТӨРИЙН ЗАХИРГААНЫ УДИРДЛАГЫН ХЭЛТСИЙН 2024 ОНЫ ЖИЛИЙН ЭЦСИЙН ГҮЙЦЭТГЭЛИЙН ТАЙЛАН'],
      { organisation: null, unit: 'ТӨРИЙН ЗАХИРГААНЫ УДИРДЛАГЫН ХЭЛТЭС', period: 'year', year: 2024 },
    ],
    // … with the year only on a line under the annex line (the title names none).
    [
      'ХУУЛЬ ЗҮЙН ХЭЛТСИЙН ГҮЙЦЭТГЭЛИЙН ТАЙЛАН',
      ['Засгийн газрын Хэрэг эрхлэх газрын даргын 2023 оны 98 дугаар тушаалын 6 дугаар хавсралт', 'ХУУЛЬ ЗҮЙН ХЭЛТСИЙН', '2024 оны жилийн эцсийн', 'ГҮЙЦЭТГЭЛИЙН ТАЙЛАН'],
      { organisation: null, unit: 'ХУУЛЬ ЗҮЙН ХЭЛТЭС', period: 'year', year: 2024 },
    ],
    // … and with the annex line written in capitals, joined into the title by the engine.
    [
      'ЗАСГИЙН ГАЗРЫН ХЭРЭГ ЭРХЛЭХ ГАЗРЫН ДАРГЫН 2023 ОНЫ 98 ДУГААР ТУШААЛЫН 6 ДУГААР ХАВСРАЛТ ХУУЛЬ ЗҮЙН ХЭЛТСИЙН 2024 ОНЫ ЖИЛИЙН ЭЦСИЙН ГҮЙЦЭТГЭЛИЙН ТАЙЛАН',
      [],
      { organisation: null, unit: 'ХУУЛЬ ЗҮЙН ХЭЛТЭС', period: 'year', year: 2024 },
    ],
    // The title names no unit: the organisation line above it, not the annex's issuer, and not the date's year.
    [
      '2024 ОНЫ ЖИЛИЙН ЭЦСИЙН ГҮЙЦЭТГЭЛИЙН ТАЙЛАН',
      ['Төрийн албаны зөвлөлийн 2019 оны 02 дугаар тогтоолын 6 дугаар хавсралт', 'ГОВЬ-АЛТАЙ АЙМГИЙН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗАР', '2024 ОНЫ ЖИЛИЙН ЭЦСИЙН ГҮЙЦЭТГЭЛИЙН ТАЙЛАН', '2025 оны 01 дүгээр сарын 10'],
      { organisation: 'ГОВЬ-АЛТАЙ АЙМГИЙН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗАР', unit: null, period: 'year', year: 2024 },
    ],
    // The title names the unit; the organisation line above it names the organisation.
    [
      'ХҮНИЙ НӨӨЦИЙН ХЭЛТСИЙН 2025 ОНЫ ЭХНИЙ ХАГАС ЖИЛИЙН ГҮЙЦЭТГЭЛИЙН ТАЙЛАН',
      ['САНГИЙН ЯАМ', 'ХҮНИЙ НӨӨЦИЙН ХЭЛТСИЙН 2025 ОНЫ ЭХНИЙ ХАГАС ЖИЛИЙН', 'ГҮЙЦЭТГЭЛИЙН ТАЙЛАН'],
      { organisation: 'САНГИЙН ЯАМ', unit: 'ХҮНИЙ НӨӨЦИЙН ХЭЛТЭС', period: 'h1', year: 2025 },
    ],
    // A date line's year only when nothing else has one; a signature line names no one.
    [
      'ГҮЙЦЭТГЭЛИЙН ТАЙЛАН',
      ['Хянасан: Хүний нөөцийн хэлтсийн дарга', 'Сангийн яамны Төсвийн бодлогын газар', '2025 оны 01 дүгээр сарын 15', '2024 оны жилийн эцсийн'],
      { organisation: 'Сангийн яам', unit: 'Төсвийн бодлогын газар', period: 'year', year: 2024 },
    ],
    ['ГҮЙЦЭТГЭЛИЙН ТАЙЛАН', ['Сангийн яамны Төсвийн бодлогын газар', '2025 оны 07 дугаар сарын 05'], { organisation: 'Сангийн яам', unit: 'Төсвийн бодлогын газар', period: null, year: 2025 }],
  ])('as staff write it: %s', (title, lines, expected) => {
    expect(unitFromLines(title, lines)).toEqual(expected);
  });
});

describe('rows', () => {
  it('one per table, with the figures validate reports, the stated average where it differs, and the file name where no unit is found', async () => {
    const aimag = await fixtureSheets('report-2024-aimag-admin-dept');
    const a = analyzeWorkbook(aimag, { words: MN });
    const rows = rollupRows('in/aimag.xlsx', aimag, a);
    expect(rows.map((r) => [r.tableId, r.label, r.average, r.statedAverage, r.errors + r.warnings + r.infos])).toEqual([
      ['Тайлан!A5', 'ТӨРИЙН ЗАХИРГААНЫ УДИРДЛАГЫН ХЭЛТЭС', 95.6, 97.5, 30],
      ['Тайлан!A107', 'ТӨРИЙН ЗАХИРГААНЫ УДИРДЛАГЫН ХЭЛТЭС', 100, null, 0],
    ]);
    expect(rows.reduce((n, r) => n + r.errors, 0)).toBe(a.counts.error);

    const plan = await fixtureSheets('plan-2023-digital-year-soum');
    const p = rollupRows('x/plan-2023-digital-year-soum.xlsx', plan, analyzeWorkbook(plan, { words: MN }));
    expect(p).toMatchObject([{ label: 'plan-2023-digital-year-soum', kind: 'plan', average: null, items: 66 }]);
  });

  it("every fixture's tables: the unit, organisation, year and period their titles give (the plan's year from its file's name)", async () => {
    const rowsOf = async (name: FixtureName) => {
      const sheets = await fixtureSheets(name);
      return rollupRows(`reports/${name}.xlsx`, sheets, analyzeWorkbook(sheets, { words: MN })).map((r) => [r.tableId, r.label, r.organisation, r.year, r.period]);
    };
    expect(await rowsOf('report-2024-aimag-admin-dept')).toEqual([
      ['Тайлан!A5', 'ТӨРИЙН ЗАХИРГААНЫ УДИРДЛАГЫН ХЭЛТЭС', 'АЙМГИЙН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗАР', 2024, 'year'],
      ['Тайлан!A107', 'ТӨРИЙН ЗАХИРГААНЫ УДИРДЛАГЫН ХЭЛТЭС', 'АЙМГИЙН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗАР', 2024, 'year'],
    ]);
    expect(await rowsOf('report-2025-h1-consulting-unit')).toEqual([
      ['Тайлан!A5', 'ЗӨВЛӨГӨӨ, МЭДЭЭЛЛИЙН ХЭЛТЭС', null, 2025, 'h1'],
      ['Тайлан!A29', 'ЗӨВЛӨГӨӨ, МЭДЭЭЛЛИЙН ХЭЛТЭС', null, 2025, 'h1'],
    ]);
    // The soum's plan names no unit and no year: its file's name stands for both.
    expect(await rowsOf('plan-2023-digital-year-soum')).toEqual([['Төлөвлөгөө!A3', 'plan-2023-digital-year-soum', null, 2023, null]]);
  });

  it('ranks the units as RANK does: highest first, ties share a rank; other tables below by average, unranked', () => {
    const row = (file: string, average: number | null, unitFigure = true) => ({ file, average, unitFigure }) as RollupRow;
    const ranked = rankRows([row('a', 80), row('b', null, false), row('c', 95.5), row('d', 80), row('e', 60), row('a-skills', 100, false), row('c-skills', 70, false)]);
    expect(ranked.map((r) => [r.file, r.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['d', 2],
      ['e', 4],
      ['a-skills', null],
      ['c-skills', null],
      ['b', null],
    ]);
  });

  it("a unit's figure is its main report table, not its knowledge-and-skills part; the mean counts each unit once", async () => {
    const sheets = await fixtureSheets('report-2024-aimag-admin-dept');
    const rows = rollupRows('a.xlsx', sheets, analyzeWorkbook(sheets, { words: MN }));
    expect(rows.map((r) => [r.average, r.unitFigure])).toEqual([
      [95.6, true],
      [100, false],
    ]);
    expect(rollupTotal(rows, getProfile(undefined))).toMatchObject({ average: 95.6, ranked: 1, tables: 2 });
  });
});

describe('the workbook plan', () => {
  it('three sheets: the roll-up with rank and total formulas and links, the findings as a table, the files not read', async () => {
    const sheets = await fixtureSheets('report-2025-h1-consulting-unit');
    const rows = rollupRows('c.xlsx', sheets, analyzeWorkbook(sheets, { words: MN }));
    const out = planRollup(
      {
        rows,
        findings: [{ file: 'c.xlsx', label: 'X', sheet: 'Тайлан', cell: 'H8', code: 'missing-percent', severity: 'error', message: { mn: 'м', en: 'e' } }],
        notRead: [{ file: 'bad.xlsx', reason: { mn: 'эвдэрсэн', en: 'damaged' } }],
        links: { 'c.xlsx': 'c.xlsx', 'bad.xlsx': 'bad.xlsx' },
      },
      getProfile(undefined),
      rollupWords('mn'),
    );
    const [roll, findings, notRead] = out.workbook.sheets;
    expect(out.workbook.sheets.map((s) => s.name)).toEqual(['Нэгтгэл', 'Алдаа, дутуу', 'Уншигдаагүй']);
    const at = (row: number, key: RollupColumnKey) => ROLLUP_CELLS.cellOf(roll, row, key);
    const average = ROLLUP_CELLS.letter('average');
    const file = ROLLUP_CELLS.letter('file');
    // One unit: its main table ranked and averaged; the skills part listed below without a rank.
    expect(at(5, 'rank')).toMatchObject({ value: 1, formula: `=IF(${average}6="","",RANK(${average}6,${average}$6:${average}$6))` });
    expect(at(6, 'rank')).toBeUndefined();
    expect(at(6, 'average')).toMatchObject({ value: 75 });
    expect(at(7, 'average')).toMatchObject({ value: 85.8, formula: `=IF(COUNT(${average}6:${average}6)=0,"",ROUND(AVERAGE(${average}6:${average}6),1))` });
    expect(at(7, 'file')).toMatchObject({ value: 1, formula: `=ROUND(SUMPRODUCT(1/COUNTIF(${file}6:${file}7,${file}6:${file}7)),0)` });
    expect(roll.links).toEqual([
      { row: 5, col: ROLLUP_CELLS.col('file'), target: 'c.xlsx' },
      { row: 6, col: ROLLUP_CELLS.col('file'), target: 'c.xlsx' },
    ]);
    // The chart's data: its header and the unit's bar beside the table, the bar's figure linked to the unit's average.
    const chartHeader = roll.cells.find((cell) => cell.row === 4 && cell.col >= ROLLUP_CELLS.layout.length && cell.value === rollupWords('mn').chartCategory)!;
    expect(chartHeader).toBeDefined();
    const [labels, figures] = [columnLetter(chartHeader.col), columnLetter(chartHeader.col + 1)];
    expect(out.chartData).toBe(`Нэгтгэл!${labels}5:${figures}6`);
    expect(roll.cells.find((cell) => cell.row === 5 && cell.col === chartHeader.col + 1)).toMatchObject({ formula: `=${average}6` });
    expect(findings.table).toMatchObject({ name: 'Findings', top: 0, bottom: 1, columns: ['Файл', 'Нэгж', 'Хуудас', 'Нүд', 'Код', 'Түвшин', 'Тайлбар'] });
    const finding = (key: RollupFindingsColumnKey) => ROLLUP_FINDINGS_CELLS.cellOf(findings, 1, key)?.value;
    expect(['file', 'unit', 'sheet', 'cell', 'code', 'severity', 'message'].map((key) => finding(key as RollupFindingsColumnKey))).toEqual(['c.xlsx', 'X', 'Тайлан', 'H8', 'missing-percent', 'Алдаа', 'м']);
    expect(notRead.links).toEqual([{ row: 1, col: NOT_READ_CELLS.col('file'), target: 'bad.xlsx' }]);
    expect(NOT_READ_CELLS.cellOf(notRead, 1, 'reason')?.value).toBe('эвдэрсэн');
  });
});
