import { MN } from '../support/words';
// Sparse sheets (the Sheet contract in src/core/sheet.ts): a value at
// XFD1048576, or tens of thousands of merged areas, cost what they hold, not
// the extent they span.
import { analyzeWorkbook, planCompute, SheetGrid, type CellValue, type Sheet } from '../../src/core';
import { REPORT_HEADER, sheetOf } from '../support/sheet-builder';

function report(): Sheet {
  return sheetOf([REPORT_HEADER, [1, 'A', 'x', 1, 2, 2, null], [2, 'B', 'x', 1, 1, 'Хийсэн', 90], [3, 'C', 'x', 1, 1, 'Хийсэн', 70]], { name: 'Тайлан' });
}

describe('sparse sheets', () => {
  it('one value at XFD1048576 beside a table: read as the table, quickly', () => {
    const s = report();
    const far: CellValue[] = [];
    far[16383] = 'x';
    s.values[1048575] = far;
    const started = Date.now();
    const a = analyzeWorkbook([s]);
    const outcome = planCompute([s], { words: MN });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(a.sheets[0].tables).toHaveLength(1);
    expect(a.sheets[0].scores[0].average).toBe(86.7);
    expect(outcome.plan.sheets[0].writes.map((w) => [w.row, w.col])).toEqual([
      [1, 6],
      [4, 0],
      [4, 6],
    ]);
  });

  it('rows that are missing or undefined read as empty', () => {
    const s = report();
    s.values.splice(2, 0, undefined as unknown as CellValue[]);
    delete s.values[2];
    const g = new SheetGrid(s);
    expect(g.value(2, 0)).toBeNull();
    expect(g.lastColIn(2)).toBe(-1);
    expect(analyzeWorkbook([s]).sheets[0].tables).toHaveLength(1);
  });

  it('30,000 merged areas and one merge over the whole sheet: indexed, not expanded', () => {
    const s = report();
    for (let i = 0; i < 30000; i++) s.merges.push({ top: 100 + i, left: 0, bottom: 100 + i, right: 3 });
    s.merges.push({ top: 40000, left: 0, bottom: 1048575, right: 16383 });
    const started = Date.now();
    const g = new SheetGrid(s);
    expect(g.mergeOf(500, 2)).toEqual({ top: 500, left: 0, bottom: 500, right: 3 });
    expect(g.isMergedSlave(900000, 7)).toBe(true);
    expect(g.mergeOf(50, 2)).toBeUndefined();
    expect(analyzeWorkbook([s]).sheets[0].tables).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
