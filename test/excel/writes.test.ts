// Text is written as text (never a formula or a date), and cells go out as
// a few 2-D blocks.

import { runOps } from '../../src/excel/batch';
import { blocks, chunkText, formulaOf, needsQuote, toInput } from '../../src/excel/cells';
import { changeOps } from '../../src/excel/writes';
import type { CellValue } from '../../src/core';
import { FakeExcel, type FakeWorkbookData } from '../../src/in-memory-excel/excel';
import { REPORT_HEADER } from '../support/synthetic';
import { rig, settings } from './helpers';

const TRICKY = ['=SUM(A1:A3)', '+976 9911 2233', '-Байгууллагын фэйсбүүк', '@хэлтэс', "'ишлэл", '1/2', '86%', '2024-01-05', 'TRUE', 'May 2024', '  Зорилт 1.1', '2/65', '#N/A', '1.Удирдлага'];

describe('text protection', () => {
  it.each(TRICKY)('"%s" is written so that Excel keeps it as that text', async (text) => {
    expect(needsQuote(text)).toBe(true);
    const fake = new FakeExcel({ sheets: [{ name: 'S', values: [[null]], merges: [] }] });
    await fake.run(async (context) => {
      await runOps(context as unknown as Excel.RequestContext, changeOps('S', [{ row: 0, col: 0, content: { value: text, formula: null } }], true));
    });
    expect(fake.cell('S', 'A1')).toMatchObject({ v: text, f: null });
  });

  it('leaves ordinary Mongolian text unquoted, and numbers and booleans as they are', () => {
    expect(toInput('Дундаж хувь')).toBe('Дундаж хувь');
    expect(toInput('Үнэлгээний хураангуй')).toBe('Үнэлгээний хураангуй');
    expect(toInput(95.6)).toBe(95.6);
    expect(toInput(false)).toBe(false);
    expect(toInput(null)).toBe('');
  });

  it('writes formulas as formulas', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'S', values: [[10], [20]], merges: [] }] });
    await fake.run(async (context) => {
      await runOps(context as unknown as Excel.RequestContext, changeOps('S', [{ row: 2, col: 0, content: { value: 15, formula: '=AVERAGE(A1:A2)' } }], true));
    });
    expect(fake.cell('S', 'A3')).toMatchObject({ f: '=AVERAGE(A1:A2)', v: 15 });
  });

  it('tells a formula from quoted text that reads back the same', () => {
    expect(formulaOf(15, '=AVERAGE(A1:A2)')).toBe('=AVERAGE(A1:A2)');
    expect(formulaOf('=x', '=x')).toBeNull();
    expect(formulaOf('a', 'a')).toBeNull();
  });
});

describe('blocks', () => {
  it('a column of 1,000 consecutive cells is one range; two side-by-side columns are one 2-D block', () => {
    const col = Array.from({ length: 1000 }, (_, i) => ({ row: i + 7, col: 7, data: i }));
    expect(blocks(col)).toHaveLength(1);
    const two = [...col, ...col.map((c) => ({ ...c, col: 8 }))];
    const b = blocks(two);
    expect(b).toHaveLength(1);
    expect(b[0].area).toEqual({ top: 7, left: 7, bottom: 1006, right: 8 });
    expect(b[0].grid[5]).toEqual([5, 5]);
  });

  it('splits at gaps unless told to bridge them (reads)', () => {
    const cells = [0, 1, 2, 5, 6].map((row) => ({ row, col: 0, data: row }));
    expect(blocks(cells)).toHaveLength(2);
    const bridged = blocks(cells, 3);
    expect(bridged).toHaveLength(1);
    expect(bridged[0].grid.map((r) => r[0])).toEqual([0, 1, 2, undefined, undefined, 5, 6]);
  });

  it('writes a plan column in one values call, not one per cell', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'S', values: [[null]], merges: [] }] });
    await fake.run(async (context) => {
      const changes = Array.from({ length: 500 }, (_, i) => ({ row: i, col: 3, content: { value: i, formula: null } }));
      await runOps(context as unknown as Excel.RequestContext, changeOps('S', changes, true));
    });
    expect(fake.syncs).toHaveLength(1);
    expect(fake.syncs[0].actions).toBeLessThan(10);
    expect(fake.value('S', 'D500')).toBe(499);
  });
});

describe('chunks for the store', () => {
  it('never cuts a surrogate pair and keeps every piece under the size', () => {
    const text = `${'а'.repeat(9)}😀${'б'.repeat(20)}`;
    const chunks = chunkText(text, 10);
    expect(chunks.join('')).toBe(text);
    expect(chunks.every((c) => c.length <= 10)).toBe(true);
    expect(chunks[0]).toBe('а'.repeat(9));
  });
});

describe('merged areas', () => {
  /** A report whose items 4 and 5 are computable (no percent; target 4, achieved 3), item 5 merged over two rows (A11:H12 column by column). */
  function mergedReport(): FakeWorkbookData {
    const values: CellValue[][] = [
      ['АЙМГИЙН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗАР'],
      ['УДИРДЛАГЫН ХЭЛТСИЙН 2024 ОНЫ ГҮЙЦЭТГЭЛИЙН ТАЙЛАН'],
      ['2024.12.13'],
      ['Алтай хот'],
      [...REPORT_HEADER],
      ['Зорилт 1. Аймгийн бодлогын баримт бичгийн хэрэгжилтийг хангана'],
      [1, 'Арга хэмжээ 1', 'Тоо', 1, 1, 'I-IV улирал', 'Хийсэн', 100],
      [2, 'Арга хэмжээ 2', 'Тоо', 1, 1, 'I-IV улирал', 'Хийсэн', 90],
      [3, 'Арга хэмжээ 3', 'Тоо', 1, 1, 'I-IV улирал', 'Хийсэн', 70],
      [4, 'Арга хэмжээ 4', 'Тоо', 1, 4, 'I-IV улирал', 3, null],
      [5, 'Арга хэмжээ 5', 'Тоо', 1, 4, 'I-IV улирал', 3, null],
      [null, null, null, null, null, null, null, null],
      [6, 'Арга хэмжээ 6', 'Тоо', 1, 1, 'I-IV улирал', 'Хийсэн', 100],
    ];
    const merges = ['A1:H1', 'A2:H2', 'A3:H3', 'A4:H4', 'A6:H6', ...'ABCDEFGH'.split('').map((c) => `${c}11:${c}12`)];
    return { sheets: [{ name: 'Тайлан', values, merges }] };
  }

  it('the fake refuses a write over part of a merged area, and takes the merged cell alone or whole', async () => {
    const fake = new FakeExcel(mergedReport());
    const code = async (address: string, grid: unknown[][]) =>
      fake
        .run(async (context) => {
          context.workbook.worksheets.getItem('Тайлан').getRange(address).values = grid;
          await context.sync();
        })
        .then(
          () => null,
          (e: { code?: string }) => e.code,
        );
    expect(await code('H10:H11', [[1], [2]])).toBe('InvalidOperation');
    expect(await code('H11:H12', [[2], [null]])).toBeNull();
    expect(await code('H11', [[2]])).toBeNull();
    expect(fake.value('Тайлан', 'H11')).toBe(2);
  });

  it('Compute writes two computable percents, the second merged down, cut at the merge; Revert brings the sheet back', async () => {
    const { fake, host } = rig(mergedReport());
    const before = fake.dump();
    const result = await host.compute(settings());
    expect(result.plan.sheets[0].writes.map((w) => `${w.row},${w.col}`)).toEqual(expect.arrayContaining(['9,7', '10,7']));
    expect(fake.value('Тайлан', 'H10')).toBe(75);
    expect(fake.value('Тайлан', 'H11')).toBe(75);
    expect(fake.refused).toEqual([]);
    await host.revert();
    expect(fake.dump()).toEqual(before);
  });
});
