// Quick fixes (a finding may carry the edit plan that fixes it): per fix,
// on sheets built in code — before, the finding; after, no finding, the
// cells as expected and nothing else changed; applying it again changes
// nothing.
import { analyzeWorkbook, applyPlanToSheets, cellAddress, planFixes, planFixRounds, SheetGrid, type Finding, type FindingCode, type Sheet } from '../../src/core';
import { getProfile } from '../../src/core/profiles';
import type { CellValue } from '../../src/core/sheet';
import { annex8Sheet } from '../support/annex8';
import { fixtureSheets } from '../support/fixtures';
import { REPORT_HEADER, sheetOf, type BuildOptions } from '../support/sheet-builder';

/** Every cell whose value, formula or number format differs between two versions of a sheet. */
function changedCells(a: Sheet, b: Sheet): string[] {
  const ga = new SheetGrid(a);
  const gb = new SheetGrid(b);
  const out: string[] = [];
  for (let r = 0; r <= Math.max(ga.lastRow, gb.lastRow); r++) {
    for (let c = 0; c <= Math.max(ga.lastColIn(r), gb.lastColIn(r), 10); c++) {
      if (ga.value(r, c) !== gb.value(r, c) || ga.formula(r, c) !== gb.formula(r, c) || ga.numberFormat(r, c) !== gb.numberFormat(r, c)) out.push(cellAddress(r, c));
    }
  }
  return out;
}

interface Run {
  before: Finding[];
  after: Finding[];
  sheets: Sheet[];
  fixed: Sheet[];
  cells: string[];
}

function fixAll(sheets: Sheet[], code: FindingCode, opts: { includeReview?: boolean; profileId?: string } = {}): Run {
  const options = { profile: getProfile(opts.profileId) };
  const before = analyzeWorkbook(sheets, options).findings;
  const { plan } = planFixes(before, { only: [code], includeReview: opts.includeReview });
  const fixed = applyPlanToSheets(sheets, plan);
  return { before, after: analyzeWorkbook(fixed, options).findings, sheets, fixed, cells: plan.writtenCells.map((c) => c.split('!')[1]) };
}

/** The fix removed the code's findings, changed only the cells it listed, and a second pass changes nothing. */
function expectClean(run: Run, code: FindingCode) {
  expect(run.before.some((f) => f.code === code)).toBe(true);
  expect(run.after.filter((f) => f.code === code)).toEqual([]);
  expect(changedCells(run.sheets[0], run.fixed[0]).sort()).toEqual([...new Set(run.cells)].sort());
  const again = planFixes(run.before, { only: [code], includeReview: true });
  expect(applyPlanToSheets(run.fixed, again.plan)).toEqual(run.fixed);
}

const one = (rows: CellValue[][], opts?: BuildOptions) => [sheetOf(rows, opts)];

describe('fixes, one by one', () => {
  it('percent-misplaced: moves the rating into the empty percent cell (safe)', () => {
    const run = fixAll(one([REPORT_HEADER, [1, 'A', 'x', 1, '10-аас доошгүй', 100], [2, 'B', 'x', 1, 2, 'Хоёр удаа', 100], [3, 'C', 'x', 1, 2, 'Тайлан', 100]]), 'percent-misplaced');
    expectClean(run, 'percent-misplaced');
    expect(run.before.find((f) => f.code === 'percent-misplaced')!.fix).toMatchObject({ kind: 'safe', description: { en: 'Move 100 from F2 to G2' }, cells: ['Sheet1!G2', 'Sheet1!F2'] });
    const g = new SheetGrid(run.fixed[0]);
    expect([g.value(1, 5), g.value(1, 6)]).toEqual([null, 100]);
  });

  it('percent-as-text: "90 хувь", "95,5" and "70%" become numbers (safe); a percent-formatted table gets the fraction', () => {
    const run = fixAll(one([REPORT_HEADER, [1, 'A', 'x', 1, 1, 'Хийсэн', '90 хувь'], [2, 'B', 'x', 1, 1, 'Хийсэн', '95,5'], [3, 'C', 'x', 1, 1, 'Хийсэн', '70%']]), 'percent-as-text');
    expectClean(run, 'percent-as-text');
    const g = new SheetGrid(run.fixed[0]);
    expect([g.value(1, 6), g.value(2, 6), g.value(3, 6)]).toEqual([90, 95.5, 70]);
    const pf = fixAll(
      one([REPORT_HEADER, [1, 'A', 'x', 1, 1, 'Хийсэн', 0.9], [2, 'B', 'x', 1, 1, 'Хийсэн', 1], [3, 'C', 'x', 1, 1, 'Хийсэн', '70 хувь']], { formats: { G2: '0%', G3: '0%' } }),
      'percent-as-text',
    );
    const h = new SheetGrid(pf.fixed[0]);
    expect([h.value(3, 6), h.numberFormat(3, 6)]).toEqual([0.7, '0%']);
  });

  it('average-mismatch: the stated average becomes the live formula Compute would write (safe)', () => {
    const run = fixAll(one([REPORT_HEADER, [1, 'A', 'x', 1, 1, 'Хийсэн', 100], [2, 'B', 'x', 1, 1, 'Хийсэн', 90], ['Хэрэгжилтийн дундаж хувь', null, null, null, null, null, '97.5 хувь']]), 'average-mismatch');
    expectClean(run, 'average-mismatch');
    const g = new SheetGrid(run.fixed[0]);
    expect([g.value(3, 6), g.formula(3, 6)]).toEqual([95, '=ROUND(AVERAGE(G2:G3),1)']);
  });

  it('value-as-date: the typed text back, as text — safe past day 12, a judgement when day and month could swap', () => {
    // 15 January: only "1/15" reads back to it.
    const safe = fixAll(one([REPORT_HEADER, [1, 'A', 'x', 1, 45306, 'Хийсэн', 100]], { formats: { E2: 'd-mmm' } }), 'value-as-date');
    expectClean(safe, 'value-as-date');
    expect(new SheetGrid(safe.fixed[0]).value(1, 4)).toBe('1/15');
    // 2 January: "1/2" or "2/1"?
    const rows = one([REPORT_HEADER, [1, 'A', 'x', 1, 45293, 'Хийсэн', 100]], { formats: { E2: 'd-mmm' } });
    const f = analyzeWorkbook(rows).findings.find((x) => x.code === 'value-as-date')!;
    expect(f.fix).toMatchObject({ kind: 'review', description: { en: 'Write "1/2" back in E2, as text (or was it "2/1"? check)' } });
    expect(planFixes([f]).fixes).toEqual([]);
    expectClean(fixAll(rows, 'value-as-date', { includeReview: true }), 'value-as-date');
  });

  it('percent-off-scale: snaps to the level below, a judgement unless the profile snaps', () => {
    const rows = one([REPORT_HEADER, [1, 'A', 'x', 1, 1, 'Хийсэн', 85]]);
    const f = analyzeWorkbook(rows, { profileId: 'zg206' }).findings.find((x) => x.code === 'percent-off-scale')!;
    expect(f.fix).toMatchObject({ kind: 'review', description: { en: 'Change 85% in G2 to 70%, the level below' } });
    const run = fixAll(rows, 'percent-off-scale', { includeReview: true, profileId: 'zg206' });
    expectClean(run, 'percent-off-scale');
    expect(new SheetGrid(run.fixed[0]).value(1, 6)).toBe(70);
    const snapping = { ...getProfile('zg206'), snapDown: true };
    expect(analyzeWorkbook(rows, { profile: snapping }).findings.find((x) => x.code === 'percent-off-scale')!.fix!.kind).toBe('safe');
  });

  it('numbering-gap and duplicate-number in a flat list: one renumbering (a judgement); never for 2.1.3 codes', () => {
    const rows = one([REPORT_HEADER, [1, 'A', 'x', 1, 1, 1, 100], ['2.', 'B', 'x', 1, 1, 1, 100], ['2.', 'C', 'x', 1, 1, 1, 100], [5, 'D', 'x', 1, 1, 1, 100]]);
    const found = analyzeWorkbook(rows).findings;
    expect(found.map((f) => f.code)).toEqual(['duplicate-number', 'numbering-gap']);
    expect(found[0].fix).toEqual(found[1].fix);
    expect(planFixes(found, { includeReview: true })).toMatchObject({ deferred: [] });
    expect(planFixes(found, { includeReview: true }).fixes).toHaveLength(1);
    expect(found[0].fix).toMatchObject({ kind: 'review', cells: ['Sheet1!A4', 'Sheet1!A5'] });
    const run = fixAll(rows, 'duplicate-number', { includeReview: true });
    expect(run.after.filter((f) => f.code === 'numbering-gap')).toEqual([]);
    expectClean(run, 'duplicate-number');
    const g = new SheetGrid(run.fixed[0]);
    expect([g.value(3, 0), g.value(4, 0)]).toEqual(['3.', 4]);
    const dotted = analyzeWorkbook(one([REPORT_HEADER, ['Зорилт 4'], ['4.3.1', 'A', 'x', 1, 1, 1, 100], ['4.3.3', 'B', 'x', 1, 1, 1, 100]])).findings;
    expect(dotted.find((f) => f.code === 'numbering-gap')!.fix).toBeUndefined();
  });

  it('missing-percent that Compute can fill: writes the computed percent (safe)', () => {
    const run = fixAll(one([REPORT_HEADER, [1, 'A', 'Тоо', 1, 4, 3, null]]), 'missing-percent');
    expectClean(run, 'missing-percent');
    expect(new SheetGrid(run.fixed[0]).value(1, 6)).toBe(75);
  });

  it('points-mismatch: the points percent × weight gives (a judgement)', () => {
    const run = fixAll(one([['№', 'Үнэлгээний үзүүлэлт', 'Гүйцэтгэлийн хувь', 'Үзүүлэлт тус бүрийн оноо (15 хүртэл оноогоор)'], [1, 'Сургалт', 66.6, 10], [2, 'Сургалт 2', 37.3, 7]]), 'points-mismatch', { includeReview: true });
    expectClean(run, 'points-mismatch');
    expect(new SheetGrid(run.fixed[0]).value(2, 3)).toBe(5.6);
  });

  it("an evaluation's figures: each fix is the formula Compute would write, and fixing them all leaves none", () => {
    const { sheet } = annex8Sheet();
    let sheets = [sheet];
    // A fixed section figure makes the line carrying it wrong: fix again until nothing is left (twice here).
    for (let pass = 0; pass < 3; pass++) sheets = applyPlanToSheets(sheets, planFixes(analyzeWorkbook(sheets).findings).plan);
    expect(analyzeWorkbook(sheets).findings).toEqual([]);
    expect(analyzeWorkbook(sheets).evaluations[0]).toMatchObject({ total: 89.7, totalStated: 89.7 });
  });
});

describe('what a fix never does', () => {
  const rows = [REPORT_HEADER, [1, 'A', 'x', 1, '10-аас доошгүй', 100], [2, 'B', 'x', 1, 2, 'Хоёр удаа', 100], [3, 'C', 'x', 1, 2, 'Тайлан', 100]];
  it('is offered on a protected sheet', () => {
    const f = analyzeWorkbook(one(rows), { protectedSheets: ['Sheet1'] }).findings.find((x) => x.code === 'percent-misplaced')!;
    expect(f.fix).toBeUndefined();
  });
  it('writes into the non-anchor cell of a merged area', () => {
    const f = analyzeWorkbook(one(rows, { merges: ['F2:G2'] })).findings.filter((x) => x.code === 'percent-misplaced');
    expect(f.every((x) => x.fix === undefined || !x.fix.cells.includes('Sheet1!G2'))).toBe(true);
  });
});

describe('on the aimag fixture', () => {
  it('fixing percent-misplaced removes every one of them and leaves the achieved texts untouched', async () => {
    const sheets = await fixtureSheets('report-2024-aimag-admin-dept');
    const run = fixAll(sheets, 'percent-misplaced');
    expect(run.before.filter((f) => f.code === 'percent-misplaced')).toHaveLength(7);
    expect(run.after.filter((f) => f.code === 'percent-misplaced')).toEqual([]);
    const changed = changedCells(sheets[0], run.fixed[0]);
    // The seven ratings moved from G to H; nothing else (the narratives in F and G's texts elsewhere) changed.
    expect(changed.sort()).toEqual(['G24', 'G47', 'G48', 'G49', 'G82', 'G85', 'G86', 'H24', 'H47', 'H48', 'H49', 'H82', 'H85', 'H86'].sort());
    for (const r of [24, 47, 48, 49, 82, 85, 86]) expect(new SheetGrid(run.fixed[0]).value(r - 1, 7)).toBe(100);
  });
});

describe('planFixRounds (hosts that write a file)', () => {
  it('the annex 8 figures settle in one call: the combined plan gives the analysis it reports, with nothing left', () => {
    const { sheet } = annex8Sheet();
    const outcome = planFixRounds([sheet], {});
    expect(outcome.analysis.findings).toEqual([]);
    expect(outcome.analysis.evaluations[0]).toMatchObject({ total: 89.7, totalStated: 89.7 });
    // Section 1's stated points as a formula would average its points column, which holds nothing: a spreadsheet shows #DIV/0!.
    // So the figure is written as the value the tool reports, and the plan says so.
    expect(outcome.plan.skipped.map((s) => [s.row, s.col, s.reason])).toEqual([[36, 3, 'formula-as-value']]);
    // The merged plan is the rounds' result: applied in one go it gives the same workbook.
    expect(analyzeWorkbook(applyPlanToSheets([sheet], outcome.plan))).toEqual(outcome.analysis);
  });

  it('values before formulas: the stated average becomes the mean of the ratings after they were moved', async () => {
    const sheets = await fixtureSheets('report-2024-aimag-admin-dept');
    const outcome = planFixRounds(sheets, {});
    const stated = outcome.fixes.find((f) => f.cells.includes('Тайлан!H99'))!;
    expect(outcome.fixes.indexOf(stated)).toBe(outcome.fixes.length - 1);
    const h99 = outcome.plan.sheets[0].writes.find((w) => w.row === 98 && w.col === 7)!;
    const score = outcome.analysis.sheets[0].scores.find((s) => s.average !== null)!;
    expect(h99.value).toBe(score.average);
    expect(outcome.analysis.findings.filter((f) => f.code === 'average-mismatch' || f.code === 'percent-misplaced')).toEqual([]);
    expect(outcome.sources.map((f) => f.code)).toEqual([...Array(7).fill('percent-misplaced'), 'average-mismatch']);
  });
});

describe('fixes not planned (planFixes: false, for hosts that list findings)', () => {
  /** The findings with each fix planned, and without: the same but for `fix`, and each says the kind of the fix it would have. */
  function expectKindsOnly(sheets: Sheet[], options: { protectedSheets?: string[] } = {}) {
    const planned = analyzeWorkbook(sheets, options).findings;
    const listed = analyzeWorkbook(sheets, { ...options, planFixes: false }).findings;
    expect(listed.map(({ fixKind, sharedFix, ...rest }) => (void fixKind, void sharedFix, rest))).toEqual(planned.map(({ fix, ...rest }) => (void fix, rest)));
    expect(listed.map((f) => f.fixKind ?? null)).toEqual(planned.map((f) => f.fix?.kind ?? null));
    expect(listed.filter((f) => f.fix)).toEqual([]);
    return listed;
  }

  it('a finding says only that it has a fix and of which kind, the same as when planned', async () => {
    const listed = expectKindsOnly(await fixtureSheets('report-2024-aimag-admin-dept'));
    expect(new Set(listed.map((f) => f.fixKind))).toEqual(new Set(['safe', 'review', undefined]));
    expect(listed.filter((f) => f.code === 'average-mismatch').map((f) => f.fixKind)).toEqual(['safe']);
    const { sheet } = annex8Sheet();
    expectKindsOnly([sheet]);
    expectKindsOnly(one([REPORT_HEADER, [1, 'A', 'x', 1, 45293, 'Хийсэн', 85]], { formats: { E2: 'd-mmm' } }));
  });

  it('no fix on a protected sheet or into a cell merged away, as when planned', () => {
    const rows = [REPORT_HEADER, [1, 'A', 'x', 1, '10-аас доошгүй', 100], [2, 'B', 'x', 1, 2, 'Хоёр удаа', 100]];
    expect(expectKindsOnly(one(rows), { protectedSheets: ['Sheet1'] }).some((f) => f.fixKind)).toBe(false);
    expectKindsOnly(one(rows, { merges: ['F2:G2'] }));
  });

  it('a renumbering several findings share carries the same key on each', () => {
    const rows = one([REPORT_HEADER, [1, 'A', 'x', 1, 1, 1, 100], ['2.', 'B', 'x', 1, 1, 1, 100], ['2.', 'C', 'x', 1, 1, 1, 100], [5, 'D', 'x', 1, 1, 1, 100]]);
    const listed = expectKindsOnly(rows);
    expect(listed.map((f) => [f.code, f.fixKind])).toEqual([
      ['duplicate-number', 'review'],
      ['numbering-gap', 'review'],
    ]);
    expect(listed[0].sharedFix).toBeDefined();
    expect(listed[1].sharedFix).toBe(listed[0].sharedFix);
  });

  it('planFixRounds plans them whatever it is told', () => {
    const { sheet } = annex8Sheet();
    expect(planFixRounds([sheet], { planFixes: false }).analysis.findings).toEqual([]);
  });
});

