// The fake behaves like office-js where the adapter depends on it; these
// tests keep it honest (a fake that forgave everything would prove nothing).

import { FakeExcel, FakeOfficeError, parseInput, type FakeRequestContext } from '../../src/in-memory-excel/excel';
import { evaluate, shiftRows } from '../../src/in-memory-excel/formula';

function small(): FakeExcel {
  return new FakeExcel({
    sheets: [
      {
        name: 'Тайлан',
        values: [
          ['Д/д', 'Хувь', null],
          [1, 100, 'хувь'],
          [2, 90, null],
          [3, '95,6 хувь', null],
        ],
        merges: ['A6:C6'],
      },
      { name: 'Other', values: [[5]], merges: [] },
    ],
  });
}

const run = <T>(fake: FakeExcel, f: (c: FakeRequestContext) => Promise<T>) => fake.run(f);

describe('load and sync', () => {
  it('throws PropertyNotLoaded until the property is loaded and synced', async () => {
    const fake = small();
    await run(fake, async (context) => {
      const range = context.workbook.worksheets.getItem('Тайлан').getRange('A1:B2');
      expect(() => range.values).toThrow(/not available/);
      range.load('values');
      expect(() => range.values).toThrow(FakeOfficeError);
      await context.sync();
      expect(range.values).toEqual([
        ['Д/д', 'Хувь'],
        [1, 100],
      ]);
      expect(() => range.formulas).toThrow(/'formulas' is not available/);
    });
    expect(fake.syncCount).toBe(1);
  });

  it('queues writes until sync, in order, and counts each sync', async () => {
    const fake = small();
    await run(fake, async (context) => {
      const ws = context.workbook.worksheets.getItem('Other');
      ws.getRange('A1').values = [[7]];
      const r = ws.getRange('A1');
      r.load('values');
      expect(fake.value('Other', 'A1')).toBe(5);
      await context.sync();
      expect(r.values).toEqual([[7]]);
    });
    expect(fake.syncCount).toBe(1);
    expect(fake.value('Other', 'A1')).toBe(7);
  });

  it('tells null objects after the sync', async () => {
    const fake = small();
    await run(fake, async (context) => {
      const none = context.workbook.worksheets.getItemOrNullObject('Алга');
      const some = context.workbook.worksheets.getItemOrNullObject('Other');
      expect(() => none.isNullObject).toThrow();
      await context.sync();
      expect(none.isNullObject).toBe(true);
      expect(some.isNullObject).toBe(false);
    });
  });

  it('fails a sync on a missing sheet with ItemNotFound', async () => {
    const fake = small();
    await expect(
      run(fake, async (context) => {
        context.workbook.worksheets.getItem('Алга').getRange('A1').load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it('refuses a request over 5 MB and writes nothing', async () => {
    const fake = small();
    const big = Array.from({ length: 60_000 }, () => ['x'.repeat(100)]);
    await expect(
      run(fake, async (context) => {
        context.workbook.worksheets.getItem('Other').getRange('A1:A60000').values = big;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.value('Other', 'A1')).toBe(5);
    expect(fake.refused).toHaveLength(1);
  });

  it('refuses a response over 5 MB', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'S', values: Array.from({ length: 60_000 }, () => ['y'.repeat(100)]), merges: [] }] });
    await expect(
      run(fake, async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1:A60000').load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  it('returns null values past the read cap instead of failing', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'S', values: [[1, 2, 3]], merges: [] }] }, { cellCap: 2 });
    await run(fake, async (context) => {
      const r = context.workbook.worksheets.getItem('S').getRange('A1:C1');
      r.load('values,address');
      await context.sync();
      expect(r.values).toBeNull();
      expect(r.address).toBe('S!A1:C1');
    });
  });

  it('refuses writes to a protected sheet', async () => {
    const fake = small();
    fake.sheet('Other').protected_ = true;
    await expect(
      run(fake, async (context) => {
        context.workbook.worksheets.getItem('Other').getRange('A1').values = [[1]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
  });

  it('has no notes API below ExcelApi 1.18', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'S', values: [[1]], merges: [] }] }, { apiVersion: '1.17' });
    await expect(
      run(fake, async (context) => {
        context.workbook.worksheets.getItem('S').notes.add('A1', 'x');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});

describe('typed input, as Excel parses strings written to values', () => {
  it.each([
    ['=1+1', { v: null, f: '=1+1' }],
    ["'=1+1", { v: '=1+1', f: null, q: true }],
    ['-Байгууллагын', { v: null, f: '=-Байгууллагын' }],
    ['+5', { v: 5, f: null }],
    ['@x', { v: null, f: '=x' }],
    ['86%', { v: 0.86, f: null }],
    ['1/2', { f: null }],
    ['TRUE', { v: true, f: null }],
    ['2024.12.13', { v: '2024.12.13', f: null }],
    ['Дундаж хувь', { v: 'Дундаж хувь', f: null }],
  ])('%s', (input, expected) => {
    expect(parseInput(input, 'General')).toMatchObject(expected);
  });

  it('a date-like "1/2" becomes a number', () => {
    expect(typeof parseInput('1/2', 'General').v).toBe('number');
  });

  it('keeps anything as text in a Text ("@") cell', () => {
    expect(parseInput('=1+1', '@')).toEqual({ v: '=1+1', f: null, q: false });
  });
});

describe('formulas', () => {
  const host = (cells: Record<string, (string | number | null)[][]>) => ({
    read: (sheet: string | null, a: { top: number; left: number; bottom: number; right: number }) => {
      const grid = cells[sheet ?? 'self'];
      if (!grid) return null;
      const out = [];
      for (let r = a.top; r <= a.bottom; r++) {
        const row = [];
        for (let c = a.left; c <= a.right; c++) row.push(grid[r]?.[c] ?? null);
        out.push(row);
      }
      return out;
    },
  });
  const h = host({ self: [[100], [90], ['95,6 хувь'], [null], [70]], Тайлан: [[1, 3]] });

  it('AVERAGE and COUNT skip text and blanks; ROUND rounds half away from zero', () => {
    expect(evaluate('=COUNT(A1:A5)', h)).toBe(3);
    expect(evaluate('=ROUND(AVERAGE(A1:A5),1)', h)).toBe(86.7);
    expect(evaluate('=ROUND(0.125,2)', h)).toBe(0.13);
    expect(evaluate('=ROUND(-2.5,0)', h)).toBe(-3);
  });

  it('IF, comparisons, "" and text joins', () => {
    expect(evaluate('=IF(A4="","",A4)', h)).toBe('');
    expect(evaluate('=IF(A1>90,"A · Маш сайн",IF(A1>80,"B · Сайн","C"))', h)).toBe('A · Маш сайн');
    expect(evaluate('="Үнэлгээ: "&ROUND(AVERAGE(A1:A2),1)&" хувь"', h)).toBe('Үнэлгээ: 95 хувь');
  });

  it('ISNUMBER: a number (in a cell or given), not text, a blank or an error', () => {
    expect([evaluate('=ISNUMBER(A1)', h), evaluate('=ISNUMBER(A3)', h), evaluate('=ISNUMBER(A4)', h)]).toEqual([true, false, false]);
    expect([evaluate('=ISNUMBER(5)', h), evaluate('=ISNUMBER("5")', h), evaluate('=ISNUMBER(AVERAGE(A4))', h)]).toEqual([true, false, false]);
    expect(evaluate("=IF(ISNUMBER('Тайлан'!A1),ROUND('Тайлан'!A1*100,1),\"\")", h)).toBe(100);
  });

  it("reads other sheets ('Тайлан'!A1:B1) and reports errors as Excel does", () => {
    expect(evaluate("=SUM('Тайлан'!A1:B1)", h)).toBe(4);
    expect(evaluate("=SUM('Алга'!A1)", h)).toBe('#REF!');
    expect(evaluate('=AVERAGE(A4)', h)).toBe('#DIV/0!');
    expect(evaluate('=NOSUCH(1)', h)).toBe('#NAME?');
  });

  it('shift with inserted and deleted rows, leaving string literals alone', () => {
    expect(shiftRows('=ROUND(AVERAGE(H8:H86,H88:H98),1)', 'Т', 'Т', 90, 1)).toBe('=ROUND(AVERAGE(H8:H86,H88:H99),1)');
    expect(shiftRows("='Т'!A95&\"A95\"", 'Other', 'Т', 90, 1)).toBe("='Т'!A96&\"A95\"");
    expect(shiftRows('=A95', 'Other', 'Т', 90, 1)).toBe('=A95');
    expect(shiftRows('=SUM(F100:F116)', 'Т', 'Т', 110, -1)).toBe('=SUM(F100:F115)');
    expect(shiftRows('=A111', 'Т', 'Т', 110, -1)).toBe('=#REF!');
  });

  it('a formula written to a cell evaluates when read, and follows a row insert', async () => {
    const fake = small();
    await run(fake, async (context) => {
      const ws = context.workbook.worksheets.getItem('Тайлан');
      ws.getRange('B5').formulas = [['=ROUND(AVERAGE(B2:B4),1)']];
      ws.getRange('3:3').insert('Down');
      await context.sync();
    });
    expect(fake.cell('Тайлан', 'B6')).toMatchObject({ f: '=ROUND(AVERAGE(B2:B5),1)', v: 95 });
    expect(fake.sheet('Тайлан').merges).toEqual([{ top: 6, left: 0, bottom: 6, right: 2 }]);
  });
});

describe('Excel rules the fake enforces (src/in-memory-excel/api.ts says where each is documented)', () => {
  const one = () => new FakeExcel({ sheets: [{ name: 'S', values: [['a', null, null], [1, 2, 3]], merges: ['A1:C1'] }, { name: 'T', values: [[1]], merges: [] }] });

  it('gates each member by its requirement set: ApiNotFound below it', async () => {
    const old = new FakeExcel({ sheets: [{ name: 'S', values: [[1]], merges: [] }] }, { apiVersion: '1.12' });
    await expect(
      run(old, async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1').getMergedAreasOrNullObject().load('address');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    const older = new FakeExcel({ sheets: [{ name: 'S', values: [[1]], merges: [] }] }, { apiVersion: '1.6' });
    await expect(
      run(older, async (context) => {
        context.workbook.worksheets.getItem('S').getRangeByIndexes(0, 0, 1, 1).load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    expect(older.office.context.requirements.isSetSupported('ExcelApi', '1.7')).toBe(false);
    expect(older.office.context.requirements.isSetSupported('ExcelApi', '1.6')).toBe(true);
  });

  it('refuses to delete a very hidden sheet (InvalidOperation); hidden first, it goes', async () => {
    const fake = one();
    fake.sheet('T').visibility = 'VeryHidden';
    await expect(
      run(fake, async (context) => {
        context.workbook.worksheets.getItem('T').delete();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
    expect(fake.names()).toContain('T');
    await run(fake, async (context) => {
      const ws = context.workbook.worksheets.getItem('T');
      ws.visibility = 'Hidden';
      ws.delete();
      await context.sync();
    });
    expect(fake.names()).toEqual(['S']);
  });

  it('returns only merged areas whose top-left cell is in the range (office-js#3611), and fails above 512', async () => {
    const fake = one();
    await run(fake, async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      const inside = ws.getRange('A1:A2').getMergedAreasOrNullObject();
      const overlapping = ws.getRange('B1:C2').getMergedAreasOrNullObject();
      inside.load('address');
      overlapping.load('address');
      await context.sync();
      expect(inside.address).toBe('S!A1:C1');
      expect(overlapping.isNullObject).toBe(true);
    });
    const merges = Array.from({ length: 513 }, (_, i) => `A${i + 1}:B${i + 1}`);
    const many = new FakeExcel({ sheets: [{ name: 'M', values: [[1]], merges }] });
    await expect(
      run(many, async (context) => {
        context.workbook.worksheets.getItem('M').getRange('1:513').getMergedAreasOrNullObject().load('address');
        await context.sync();
      }),
    ).rejects.toThrow(/more than 512/);
  });

  it('keeps what a failing batch did before the failure (no rollback)', async () => {
    const fake = one();
    await expect(
      run(fake, async (context) => {
        context.workbook.worksheets.getItem('T').getRange('A1').values = [[42]];
        context.workbook.worksheets.getItem('Алга').getRange('A1').values = [[1]];
        context.workbook.worksheets.getItem('T').getRange('A2').values = [[43]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(fake.value('T', 'A1')).toBe(42);
    expect(fake.value('T', 'A2')).toBeNull();
  });

  it('refuses a formula over 8,192 characters, and keeps nothing written to a merged cell but its top-left', async () => {
    const fake = one();
    const long = `=${Array.from({ length: 2100 }, (_, i) => `A${i + 1}`).join('+')}`;
    expect(long.length).toBeGreaterThan(8192);
    await expect(
      run(fake, async (context) => {
        context.workbook.worksheets.getItem('T').getRange('B1').formulas = [[long]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'FormulaLengthExceedsLimit' });
    await run(fake, async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1:C1').values = [['title', 'lost', 'lost too']];
      await context.sync();
    });
    expect([fake.value('S', 'A1'), fake.value('S', 'B1'), fake.value('S', 'C1')]).toEqual(['title', null, null]);
  });

  it('counts a request in UTF-8 bytes: 2,600,000 Cyrillic letters (5.2 MB) are refused', async () => {
    const fake = one();
    const text = 'ө'.repeat(26_000);
    await expect(
      run(fake, async (context) => {
        context.workbook.worksheets.getItem('T').getRange('A1:A100').values = Array.from({ length: 100 }, () => [`'${text}`]);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.value('T', 'A1')).toBe(1);
  });

  it('fails a batch while a cell is being edited, unless delayForCellEdit holds it until the edit ends', async () => {
    const fake = one();
    fake.startCellEdit();
    await expect(
      run(fake, async (context) => {
        context.workbook.worksheets.getItem('T').getRange('A1').values = [[2]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode', message: expect.stringContaining('cell-editing mode') });
    let done = false;
    const held = fake
      .run({ delayForCellEdit: true }, async (context) => {
        context.workbook.worksheets.getItem('T').getRange('A1').values = [[3]];
        await context.sync();
      })
      .then(() => (done = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    fake.endCellEdit();
    await held;
    expect(fake.value('T', 'A1')).toBe(3);
  });

  it('Excel.run takes (options, batch), also through a wrapper assigned over it (as the preview does)', async () => {
    const fake = one();
    const inner = fake.Excel.run.bind(fake.Excel);
    let wrapped = 0;
    fake.Excel.run = async (batch) => {
      wrapped++;
      return inner(batch);
    };
    fake.startCellEdit();
    const excel = fake.Excel as unknown as { run(o: object, b: (c: FakeRequestContext) => Promise<void>): Promise<void> };
    const p = excel.run({ delayForCellEdit: true }, async (context) => {
      context.workbook.worksheets.getItem('T').getRange('A1').values = [[5]];
      await context.sync();
    });
    fake.endCellEdit();
    await p;
    expect(wrapped).toBe(1);
    expect(fake.value('T', 'A1')).toBe(5);
  });
});
