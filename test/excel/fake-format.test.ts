// The fake's rules for what the evaluation sheet and the roll-up write:
// requirement sets, merged areas, borders, wrap, row heights, data
// validation, page layout, sheet names, tables and hyperlinks. Each test
// shows a rule biting (a fake that forgave these would prove nothing about
// the adapter).

import { FakeExcel, type FakeRequestContext } from '../../src/in-memory-excel/excel';

function book(apiVersion?: string): FakeExcel {
  return new FakeExcel(
    {
      sheets: [
        { name: 'Form', values: [['Гарчиг', 'b', 'c'], [1, 2, 3], [4, 5, 6]], merges: [] },
        { name: 'Locked', values: [[1]], merges: [], protected: true },
      ],
    },
    apiVersion ? { apiVersion } : {},
  );
}

/** Runs one batch; resolves to the error code Excel would give, or null. */
async function codeOf(fake: FakeExcel, f: (c: FakeRequestContext) => void): Promise<string | null> {
  try {
    await fake.run(async (context) => {
      f(context);
      await context.sync();
    });
    return null;
  } catch (e) {
    return (e as { code?: string }).code ?? 'no code';
  }
}

const form = (c: FakeRequestContext) => c.workbook.worksheets.getItem('Form');

describe('requirement sets: each member fails below its set, works at it', () => {
  const members: [string, string, string, (c: FakeRequestContext) => void][] = [
    ['Range.merge', '1.1', '1.2', (c) => form(c).getRange('A1:C1').merge()],
    ['RangeFormat.rowHeight', '1.1', '1.2', (c) => (form(c).getRange('2:2').format.rowHeight = 30)],
    ['Range.hyperlink', '1.6', '1.7', (c) => (form(c).getRange('A2').hyperlink = { address: 'https://example.org', textToDisplay: 'x' })],
    ['Range.dataValidation', '1.7', '1.8', (c) => (form(c).getRange('B2:B3').dataValidation.rule = { decimal: { formula1: 0, formula2: 7, operator: 'Between' } })],
    ['Worksheet.pageLayout', '1.8', '1.9', (c) => (form(c).pageLayout.paperSize = 'A4')],
  ];
  it.each(members)('%s: ApiNotFound at %s, fine at %s', async (_name, below, at, act) => {
    expect(await codeOf(book(below), act)).toBe('ApiNotFound');
    expect(await codeOf(book(at), act)).toBeNull();
  });

  it('ExcelApi 1.1 members work everywhere: wrapText, verticalAlignment, borders, tables', async () => {
    const fake = book('1.1');
    const code = await codeOf(fake, (c) => {
      const r = form(c).getRange('A2:C3');
      r.format.wrapText = true;
      r.format.verticalAlignment = 'Top';
      r.format.borders.getItem('EdgeTop').style = 'Continuous';
      form(c).tables.add('A1:C3', true);
    });
    expect(code).toBeNull();
    expect(fake.dump().tables).toEqual([{ name: 'Table1', sheet: 'Form', area: 'A1:C3', columns: ['Гарчиг', 'b', 'c'] }]);
  });
});

describe('merged areas', () => {
  it('keep the upper-left cell’s contents and delete the others’ (merging the same area again changes nothing)', async () => {
    const fake = book();
    await fake.run(async (c) => {
      form(c).getRange('A2:C3').merge();
      form(c).getRange('A2:C3').merge();
      await c.sync();
    });
    expect(fake.sheet('Form').merges).toEqual([{ top: 1, left: 0, bottom: 2, right: 2 }]);
    expect([fake.value('Form', 'A2'), fake.value('Form', 'B2'), fake.value('Form', 'C3')]).toEqual([1, null, null]);
  });

  it('across: one merged area per row', async () => {
    const fake = book();
    await fake.run(async (c) => {
      form(c).getRange('A2:C3').merge(true);
      await c.sync();
    });
    expect(fake.dump().sheets[0].merges).toEqual(['A2:C2', 'A3:C3']);
    expect(fake.value('Form', 'A3')).toBe(4);
  });

  it('refuse a range that partly covers a merged area, cells of a table, and a protected sheet', async () => {
    const fake = book();
    await fake.run(async (c) => {
      form(c).getRange('A1:B1').merge();
      await c.sync();
    });
    expect(await codeOf(fake, (c) => form(c).getRange('B1:C1').merge())).toBe('InvalidOperation');
    expect(await codeOf(fake, (c) => form(c).tables.add('A2:C3', true))).toBeNull();
    expect(await codeOf(fake, (c) => form(c).getRange('A3:B3').merge())).toBe('InvalidOperation');
    expect(await codeOf(fake, (c) => c.workbook.worksheets.getItem('Locked').getRange('A1:B1').merge())).toBe('AccessDenied');
  });

  it('a value written to a merged cell other than its top-left is not kept', async () => {
    const fake = book();
    await fake.run(async (c) => {
      form(c).getRange('A1:C1').merge();
      form(c).getRange('B1').values = [['lost']];
      await c.sync();
    });
    expect(fake.value('Form', 'B1')).toBeNull();
  });
});

describe('cell formats', () => {
  it('borders: edges of the range and the lines inside it, per cell; an inside border of one row is refused', async () => {
    const fake = book();
    await fake.run(async (c) => {
      const r = form(c).getRange('A1:B2');
      for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical']) {
        r.format.borders.getItem(edge).style = 'Continuous';
        r.format.borders.getItem(edge).weight = 'Thin';
      }
      await c.sync();
    });
    const cells = fake.dump().sheets[0].cells;
    const all = { top: 'Continuous Thin', bottom: 'Continuous Thin', left: 'Continuous Thin', right: 'Continuous Thin' };
    expect([cells.A1.border, cells.B1.border, cells.A2.border, cells.B2.border]).toEqual([all, all, all, all]);
    expect(cells.C1.border).toBeUndefined();
    expect(await codeOf(fake, (c) => (form(c).getRange('A3:C3').format.borders.getItem('InsideHorizontal').style = 'Continuous'))).toBe('InvalidArgument');
    expect(await codeOf(fake, (c) => (form(c).getRange('A3:C3').format.borders.getItem('EdgeTop').style = 'Wavy'))).toBe('InvalidArgument');
  });

  it('row heights up to 409 points; wrap and vertical alignment recorded; a protected sheet refuses each', async () => {
    const fake = book();
    await fake.run(async (c) => {
      form(c).getRange('2:3').format.rowHeight = 45;
      form(c).getRange('A2').format.wrapText = true;
      form(c).getRange('A2').format.verticalAlignment = 'Top';
      await c.sync();
    });
    expect(fake.dump().sheets[0].heights).toEqual({ 1: 45, 2: 45 });
    expect(fake.dump().sheets[0].cells.A2).toMatchObject({ wrap: true, vAlign: 'Top' });
    expect(await codeOf(fake, (c) => (form(c).getRange('2:2').format.rowHeight = 410))).toBe('InvalidArgument');
    expect(await codeOf(fake, (c) => (form(c).getRange('A2').format.verticalAlignment = 'Middle'))).toBe('InvalidArgument');
    const locked = (c: FakeRequestContext) => c.workbook.worksheets.getItem('Locked').getRange('A1');
    expect(await codeOf(fake, (c) => (locked(c).format.wrapText = true))).toBe('AccessDenied');
    expect(await codeOf(fake, (c) => (locked(c).format.rowHeight = 20))).toBe('AccessDenied');
    expect(await codeOf(fake, (c) => (locked(c).format.borders.getItem('EdgeTop').style = 'Continuous'))).toBe('AccessDenied');
  });

  it("Range.clear('Formats') takes wrap, alignment and borders away", async () => {
    const fake = book();
    await fake.run(async (c) => {
      const r = form(c).getRange('A2');
      r.format.wrapText = true;
      r.format.borders.getItem('EdgeTop').style = 'Continuous';
      r.clear('Formats');
      await c.sync();
    });
    expect(fake.dump().sheets[0].cells.A2).toEqual({ v: 1 });
  });
});

describe('data validation', () => {
  const rule = { decimal: { formula1: 0, formula2: 7, operator: 'Between' } };
  const dv = (c: FakeRequestContext, a = 'B2:B3') => form(c).getRange(a).dataValidation;

  it('records the rule, prompt and error alert on the range', async () => {
    const fake = book();
    await fake.run(async (c) => {
      dv(c).rule = rule;
      dv(c).prompt = { showPrompt: true, title: 'Үнэлгээ', message: '0–7' };
      dv(c).errorAlert = { showAlert: true, style: 'Stop', title: 'Үнэлгээ', message: '0–7' };
      await c.sync();
    });
    expect(fake.dump().sheets[0].validations).toEqual([
      { area: 'B2:B3', rule, prompt: { showPrompt: true, title: 'Үнэлгээ', message: '0–7' }, errorAlert: { showAlert: true, style: 'Stop', title: 'Үнэлгээ', message: '0–7' }, ignoreBlanks: true },
    ]);
  });

  it.each([
    ['two rule types', { decimal: rule.decimal, wholeNumber: rule.decimal }],
    ['no rule type', {}],
    ['Between without formula2', { decimal: { formula1: 0, operator: 'Between' } }],
    ['a minimum above the maximum', { decimal: { formula1: 9, formula2: 7, operator: 'Between' } }],
    ['an unknown operator', { decimal: { formula1: 0, formula2: 7, operator: 'Within' } }],
  ])('refuses %s', async (_what, bad) => {
    expect(await codeOf(book(), (c) => (dv(c).rule = bad))).toBe('InvalidArgument');
  });

  it('refuses texts longer than Excel keeps (title 32, prompt 255, error message 225)', async () => {
    expect(await codeOf(book(), (c) => (dv(c).prompt = { showPrompt: true, title: 'x'.repeat(33), message: 'm' }))).toBe('InvalidArgument');
    expect(await codeOf(book(), (c) => (dv(c).prompt = { showPrompt: true, title: 't', message: 'x'.repeat(256) }))).toBe('InvalidArgument');
    expect(await codeOf(book(), (c) => (dv(c).errorAlert = { showAlert: true, title: 't', message: 'x'.repeat(226), style: 'Stop' }))).toBe('InvalidArgument');
    expect(await codeOf(book(), (c) => (dv(c).errorAlert = { showAlert: true, title: 't', message: 'x'.repeat(225), style: 'Stop' }))).toBeNull();
  });

  it('refuses a range that overlaps another validation; a protected sheet; clear() removes it', async () => {
    const fake = book();
    await fake.run(async (c) => {
      dv(c).rule = rule;
      await c.sync();
    });
    expect(await codeOf(fake, (c) => (dv(c, 'B3:B4').rule = rule))).toBe('InvalidArgument');
    expect(await codeOf(fake, (c) => (c.workbook.worksheets.getItem('Locked').getRange('A1').dataValidation.rule = rule))).toBe('AccessDenied');
    await fake.run(async (c) => {
      dv(c, 'A1:C9').clear();
      await c.sync();
    });
    expect(fake.sheet('Form').validations).toEqual([]);
  });
});

describe('page layout', () => {
  it('A4, portrait, one page wide: recorded', async () => {
    const fake = book();
    await fake.run(async (c) => {
      const p = form(c).pageLayout;
      p.paperSize = 'A4';
      p.orientation = 'Portrait';
      p.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      await c.sync();
    });
    expect(fake.sheet('Form').pageLayout).toEqual({ paperSize: 'A4', orientation: 'Portrait', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
  });

  it.each([
    ['a scale below 10', { scale: 5 }],
    ['a scale and pages to fit', { scale: 80, horizontalFitToPages: 1 }],
    ['a fraction of a page', { horizontalFitToPages: 0.5 }],
  ])('refuses %s', async (_what, zoom) => {
    expect(await codeOf(book(), (c) => (form(c).pageLayout.zoom = zoom))).toBe('InvalidArgument');
  });

  it('refuses a paper size Excel does not have', async () => {
    expect(await codeOf(book(), (c) => (form(c).pageLayout.paperSize = 'A7'))).toBe('InvalidArgument');
  });
});

describe('worksheet names', () => {
  it.each([['x'.repeat(32)], ['a/b'], ['a[1]'], ['q?'], ["'quoted"], ['History'], ['']])('add and rename refuse %j', async (name) => {
    expect(await codeOf(book(), (c) => c.workbook.worksheets.add(name))).toBe('InvalidArgument');
    expect(await codeOf(book(), (c) => (form(c).name = name))).toBe('InvalidArgument');
  });

  it('take 31 characters and an apostrophe inside', async () => {
    const fake = book();
    expect(await codeOf(fake, (c) => c.workbook.worksheets.add(`${'ы'.repeat(29)}'s`))).toBeNull();
    expect(fake.names()).toContain(`${'ы'.repeat(29)}'s`);
  });
});

describe('tables and hyperlinks', () => {
  it('a table is named Table1 and renamed; a taken name (case aside) or an invalid one is refused; its sheet deleted takes it along', async () => {
    const fake = book();
    await fake.run(async (c) => {
      const t = form(c).tables.add('A1:C3', true);
      t.name = 'Findings';
      await c.sync();
    });
    expect(fake.dump().tables.map((t) => t.name)).toEqual(['Findings']);
    expect(await codeOf(fake, (c) => (form(c).tables.add('A5:B6', true).name = 'FINDINGS'))).toBe('InvalidArgument');
    // No rollback: each refused name leaves its table behind (as Table2…), so each goes on rows of its own.
    for (const [k, bad] of ['A1', 'R1C1', '1st', 'with space'].entries()) {
      expect(await codeOf(fake, (c) => (form(c).tables.add(`A${8 + 3 * k}:B${9 + 3 * k}`, true).name = bad))).toBe('InvalidArgument');
    }
    expect(fake.dump().tables.map((t) => t.name)).toEqual(['Findings', 'Table1', 'Table2', 'Table3', 'Table4', 'Table5']);
    expect(await codeOf(fake, (c) => form(c).tables.add('B2:C4', true))).toBe('InvalidOperation');
    await fake.run(async (c) => {
      const names = c.workbook.tables.load('items/name');
      await c.sync();
      expect(names.items.map((t) => t.name)).toEqual(expect.arrayContaining(['Findings']));
      form(c).visibility = 'Hidden';
      form(c).delete();
      await c.sync();
    });
    expect(fake.dump().tables).toEqual([]);
  });

  it('an address without a sheet name goes to the active sheet, even through another sheet’s tables; a Range needs ExcelApi 1.3', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'Form', values: [['a', 'b']], merges: [] }, { name: 'Active', values: [['x', 'y']], merges: [] }], activeSheet: 'Active' });
    await fake.run(async (c) => {
      form(c).tables.add('A1:B2', true);
      form(c).tables.add(form(c).getRange('A4:B5'), true);
      await c.sync();
    });
    expect(fake.dump().tables.map((t) => [t.sheet, t.area])).toEqual([
      ['Active', 'A1:B2'],
      ['Form', 'A4:B5'],
    ]);
    expect(await codeOf(book('1.2'), (c) => form(c).tables.add(form(c).getRange('A1:B2'), true))).toBe('ApiNotFound');
  });

  it('a table cannot hold merged cells', async () => {
    const fake = book();
    await fake.run(async (c) => {
      form(c).getRange('A2:B2').merge();
      await c.sync();
    });
    expect(await codeOf(fake, (c) => form(c).tables.add('A1:C3', true))).toBe('InvalidOperation');
  });

  it('a hyperlink links the cells and shows its text; a sheet holds at most 65,530', async () => {
    const fake = book();
    await fake.run(async (c) => {
      form(c).getRange('A2').hyperlink = { address: 'reports/a.xlsx', textToDisplay: 'a.xlsx' };
      await c.sync();
    });
    expect(fake.dump().sheets[0].cells.A2).toEqual({ v: 'a.xlsx', link: 'reports/a.xlsx' });
    await fake.run(async (c) => {
      form(c).getRange('B2:C2').hyperlink = { address: 'b.xlsx', textToDisplay: 'b' };
      await c.sync();
    });
    expect([fake.dump().sheets[0].cells.B2, fake.dump().sheets[0].cells.C2]).toEqual([{ v: 'b', link: 'b.xlsx' }, { v: 3, link: 'b.xlsx' }]);
    // Three links so far: 65,528 more are one too many, 65,527 fill the sheet.
    expect(await codeOf(fake, (c) => (form(c).getRange('D1:D65528').hyperlink = { address: 'x.xlsx' }))).toBe('InvalidOperation');
    expect(await codeOf(fake, (c) => (form(c).getRange('D1:D65527').hyperlink = { address: 'x.xlsx' }))).toBeNull();
    expect(await codeOf(fake, (c) => (form(c).getRange('E1').hyperlink = { address: 'x.xlsx' }))).toBe('InvalidOperation');
    // Links cleared, or in rows deleted, no longer count.
    expect(await codeOf(fake, (c) => form(c).getRange('D1:D10').clear('All'))).toBeNull();
    expect(await codeOf(fake, (c) => form(c).getRange('11:20').delete('Up'))).toBeNull();
    expect(await codeOf(fake, (c) => (form(c).getRange('E1:E20').hyperlink = { address: 'x.xlsx' }))).toBeNull();
    expect(await codeOf(fake, (c) => (form(c).getRange('F1').hyperlink = { address: 'x.xlsx' }))).toBe('InvalidOperation');
  });
});
