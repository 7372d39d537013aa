// writeXlsx: cells written in place, styles appended (never shared with
// cells the plan did not write), text escaped, rows in order, the safety
// nets, the summary sheet replaced in its own part.

import type { CellWrite, EditPlan } from '../../src/core';
import { computeContext, readXlsx, visibleSheets, writeXlsx, XlsxError } from '../../src/xlsx';
import { planEvaluationSheet } from '../../src/core';
import { EVALUATION_FORM } from '../../src/i18n/evaluation-form';
import { sheetWords } from '../../src/i18n/sheet-words';
import { itemRow, oddBook, REPORT_HEADER_ROW } from '../support/odd-book';
import { cellStyles, compute, inner, unchangedCells, writtenOn } from './compare';
import { MAIN, fixtureBytes, put, text, unzip, zip } from './corpus';
import { workbookWith } from './build';

const plan = (sheet: string, writes: CellWrite[]): EditPlan => ({ sheets: [{ sheet, writes }], summary: null, skipped: [], writtenCells: [] });
const w = (row: number, col: number, value: CellWrite['value'], more: Partial<CellWrite> = {}): CellWrite => ({ row, col, value, ...more });

describe('styles', () => {
  it('the number format on H99 of the aimag report changes no other cell (its xf is a new clone)', () => {
    const input = fixtureBytes('report-2024-aimag-admin-dept');
    const { book, plan: p, out } = compute(input);
    const h99 = p.sheets[0].writes.find((x) => x.row === 98 && x.col === 7)!;
    expect(h99.numberFormat).toBeDefined();
    const after = readXlsx(out);
    expect(unchangedCells(book, after, 'Тайлан', writtenOn(p, 'Тайлан'))).toEqual([]);
    expect(after.sheets[0].sheet!.numberFormats![98][7]).toBe(h99.numberFormat);
    const before = cellStyles(text(unzip(input), 'xl/worksheets/sheet1.xml'));
    const styles = cellStyles(text(unzip(out), 'xl/worksheets/sheet1.xml'));
    const s = styles.get('H99')!;
    expect(before.get('H99')).toBe(2);
    expect(s).toBeGreaterThan(3); // a new xf, after the fixture's four
    // Only written cells use it; the old xf 2 still has no number format.
    expect([...styles].filter(([, x]) => x === s).every(([ref]) => writtenOn(p, 'Тайлан').has(ref))).toBe(true);
    const xfs = inner(text(unzip(out), 'xl/styles.xml'), 'cellXfs').match(/<xf [^>]*?(\/>|>[\s\S]*?<\/xf>)/g)!;
    expect(xfs[2]).toBe('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>');
    // The clone keeps the alignment of the xf it came from.
    expect(xfs[s]).toMatch(/^<xf numFmtId="(\d+)" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1" applyNumberFormat="1"><alignment vertical="top" wrapText="1"\/><\/xf>$/);
  });

  it('identical requests share one new xf; bold gets a new font cloned with <b/>; built-in codes use their ids', () => {
    const bytes = workbookWith('<row r="1"><c r="A1" s="2"><v>1</v></c><c r="B1" s="2"><v>2</v></c></row>');
    const book = readXlsx(bytes);
    const out = writeXlsx(book, plan('Тайлан', [w(0, 0, 5, { numberFormat: '0.0' }), w(0, 1, 6, { numberFormat: '0.0' }), w(1, 0, 'x', { bold: true }), w(1, 1, 'y', { bold: true, numberFormat: '0%' })]));
    const xml = text(unzip(out), 'xl/worksheets/sheet1.xml');
    const st = cellStyles(xml);
    expect(st.get('A1')).toBe(st.get('B1'));
    expect(st.get('A2')).not.toBe(st.get('B2'));
    const styles = text(unzip(out), 'xl/styles.xml');
    expect(styles).toMatch(/<numFmt numFmtId="16\d" formatCode="0.0"\/>/);
    const fonts = inner(styles, 'fonts').match(/<font>[\s\S]*?<\/font>|<font\/>/g)!;
    expect(fonts[fonts.length - 1]).toMatch(/^<font><b\/>/);
    const s = readXlsx(out).sheets[0].sheet!;
    expect(s.numberFormats![1][1]).toBe('0%');
    expect(inner(styles, 'cellXfs')).toContain('numFmtId="9"');
  });

  it('a package without styles gets a styles part (with its relationship and content type) when a write needs a format', () => {
    const parts = unzip(workbookWith('<row r="1"><c r="A1"><v>1</v></c></row>'));
    parts.delete('xl/styles.xml');
    put(parts, 'xl/_rels/workbook.xml.rels', text(parts, 'xl/_rels/workbook.xml.rels').replace(/<Relationship [^>]*Target="styles.xml"\/>/, ''));
    put(parts, '[Content_Types].xml', text(parts, '[Content_Types].xml').replace(/<Override PartName="\/xl\/styles.xml"[^>]*\/>/, ''));
    const book = readXlsx(zip(parts));
    expect(book.pkg.stylesPart).toBeNull();
    const out = writeXlsx(book, plan('Тайлан', [w(0, 0, 0.5, { numberFormat: '0.0%' })]));
    const after = unzip(out);
    expect(after.has('xl/styles.xml')).toBe(true);
    expect(text(after, 'xl/_rels/workbook.xml.rels')).toMatch(/relationships\/styles" Target="styles.xml"/);
    expect(text(after, '[Content_Types].xml')).toContain('<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>');
    expect(readXlsx(out).sheets[0].sheet!.numberFormats![0][0]).toBe('0.0%');
  });
});

describe('styles written again (item 10) and an empty stylesheet (item 11)', () => {
  const evaluation = (bytes: Uint8Array) => {
    const book = readXlsx(bytes);
    const outcome = planEvaluationSheet(visibleSheets(book), { words: sheetWords('mn'), form: EVALUATION_FORM, ...computeContext(book) });
    return writeXlsx(book, outcome.plan!);
  };
  const counts = (bytes: Uint8Array) => {
    const styles = text(unzip(bytes), 'xl/styles.xml');
    return [['cellXfs', 'xf'], ['fonts', 'font'], ['borders', 'border'], ['numFmts', 'numFmt']].map(([list, item]) => (inner(styles, list).match(new RegExp(`<${item}\\b`, 'g')) ?? []).length);
  };

  it('an evaluation sheet or a summary written again over its own reuses the styles it appended (no new xf, font or border)', () => {
    const once = evaluation(fixtureBytes('report-2025-h1-consulting-unit'));
    const twice = evaluation(once);
    const thrice = evaluation(twice);
    expect(counts(twice)).toEqual(counts(once));
    expect(counts(thrice)).toEqual(counts(once));
    expect(counts(once)[0]).toBeGreaterThan(counts(fixtureBytes('report-2025-h1-consulting-unit'))[0]);
    const computed = compute(compute(once).out).out;
    expect(counts(compute(computed).out)).toEqual(counts(computed));
  });

  it('an empty <styleSheet/>: compute and evaluation write a minimal one instead of giving up', () => {
    const bytes = oddBook([{ name: 'Тайлан', rows: [REPORT_HEADER_ROW, itemRow(1, 100), itemRow(2, 90)] }], { styles: '' });
    const computed = compute(bytes).out;
    expect(text(unzip(computed), 'xl/styles.xml')).toMatch(/<cellXfs count="\d+"><xf numFmtId="0"/);
    expect(readXlsx(computed).sheets.map((x) => x.name)).toEqual(['Тайлан', 'Үнэлгээний хураангуй']);
    expect(readXlsx(evaluation(bytes)).sheets.map((x) => x.name)).toEqual(['Тайлан', '8-р хавсралт']);
  });
});

describe('cells', () => {
  it('text is escaped, C0 controls become _xHHHH_, a literal _x0041_ survives, 32,767 characters at most; formulas keep their cached results', () => {
    const bytes = workbookWith('<row r="1"><c r="A1"><v>1</v></c></row>');
    const long = 'я'.repeat(40000);
    const out = writeXlsx(
      readXlsx(bytes),
      plan('Тайлан', [
        w(0, 1, 'a<b>&"c" \u001b[31m _x0041_ =SUM(A1)'),
        w(0, 2, long),
        w(0, 3, 95.6, { formula: '=ROUND(AVERAGE(A1:A3),1)' }),
        w(0, 4, 'Үнэлгээ: 95.6 хувь', { formula: '="Үнэлгээ: "&ROUND(A1,1)&" хувь"' }),
        w(0, 5, '', { formula: '=IF(A1="","",A1)' }),
        w(0, 6, true, { formula: '=A1>0' }),
        w(0, 7, null, { formula: '=A1*2' }),
      ]),
    );
    const s = readXlsx(out).sheets[0].sheet!;
    expect(s.values[0].slice(1, 4)).toEqual(['a<b>&"c" \u001b[31m _x0041_ =SUM(A1)', 'я'.repeat(32767), 95.6]);
    expect(s.formulas![0][1]).toBeUndefined();
    expect(s.values[0].slice(4)).toEqual(['Үнэлгээ: 95.6 хувь', '', true, null]);
    expect(s.formulas![0].slice(3)).toEqual(['=ROUND(AVERAGE(A1:A3),1)', '="Үнэлгээ: "&ROUND(A1,1)&" хувь"', '=IF(A1="","",A1)', '=A1>0', '=A1*2']);
    const xml = text(unzip(out), 'xl/worksheets/sheet1.xml');
    expect(xml).toContain('a&lt;b&gt;&amp;"c" _x001B_[31m _x005F_x0041_ =SUM(A1)');
    expect(xml).not.toContain('\u001b');
  });

  it('rows are created in order; cells go in column order; rows and cells without r keep their positions', () => {
    const bytes = workbookWith('<row r="2"><c r="B2"><v>1</v></c><c r="D2"><v>2</v></c></row><row r="3"/><row><c><v>4</v></c><c><v>5</v></c></row><row r="50" spans="1:2"><c r="A50"><v>3</v></c></row>');
    const out = writeXlsx(readXlsx(bytes), plan('Тайлан', [w(99, 0, 1), w(0, 0, 1), w(1, 2, 9), w(1, 0, 8), w(2, 1, 7), w(3, 0, 6), w(9, 2, 5), w(49, 3, 4)]));
    const xml = text(unzip(out), 'xl/worksheets/sheet1.xml');
    // Row 4 had no r in the input and keeps none: its place still says 4.
    expect([...xml.matchAll(/<row( r="(\d+)")?/g)].map((m) => Number(m[2] ?? 0))).toEqual([1, 2, 3, 0, 10, 50, 100]);
    expect([...inner(xml, 'sheetData').matchAll(/<c r="([A-Z]+)2"/g)].map((m) => m[1])).toEqual(['A', 'B', 'C', 'D']);
    expect(xml).toContain('<row r="50" spans="1:4">');
    const s = readXlsx(out).sheets[0].sheet!;
    expect(s.values[1]).toEqual([8, 1, 9, 2]);
    expect(s.values[2]).toEqual([undefined, 7].map((x) => x ?? undefined));
    expect(s.values[3]).toEqual([6, 5]); // A4 overwritten, B4 (no r in the input) still 5
    expect(s.values[49]).toEqual([3, undefined, undefined, 4].map((x) => x ?? undefined));
  });

  it('overwriting the master of a shared formula gives its dependents their own formula text', () => {
    const bytes = workbookWith('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>2</v></c></row><row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>4</v></c></row><row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>6</v></c></row>');
    const out = writeXlsx(readXlsx(bytes), plan('Тайлан', [{ ...w(0, 1, 7), replacesFormula: true }]));
    const s = readXlsx(out).sheets[0].sheet!;
    expect([s.values[0][1], s.formulas![0]?.[1]]).toEqual([7, undefined]);
    expect([s.formulas![1][1], s.formulas![2][1], s.values[2][1]]).toEqual(['=A2*2', '=A3*2', 6]);
  });

  it('a formula replaced by a value takes calcChain.xml with it (its relationship and content type too)', () => {
    const parts = unzip(workbookWith('<row r="1"><c r="A1"><f>1+1</f><v>2</v></c></row>'));
    put(parts, 'xl/calcChain.xml', `<calcChain xmlns="${MAIN}"><c r="A1" i="1"/></calcChain>`);
    put(parts, 'xl/_rels/workbook.xml.rels', text(parts, 'xl/_rels/workbook.xml.rels').replace('</Relationships>', '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>'));
    put(parts, '[Content_Types].xml', text(parts, '[Content_Types].xml').replace('</Types>', '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>'));
    const bytes = zip(parts);
    const kept = unzip(writeXlsx(readXlsx(bytes), plan('Тайлан', [w(0, 1, 5)])));
    expect(kept.has('xl/calcChain.xml')).toBe(true);
    const dropped = unzip(writeXlsx(readXlsx(bytes), plan('Тайлан', [{ ...w(0, 0, 5), replacesFormula: true }])));
    expect(dropped.has('xl/calcChain.xml')).toBe(false);
    expect(text(dropped, 'xl/_rels/workbook.xml.rels')).not.toContain('calcChain');
    expect(text(dropped, '[Content_Types].xml')).not.toContain('calcChain');
  });
});

describe('safety nets', () => {
  it('refuses to write inside a merged area (but its top-left cell), on a protected sheet, inside an array formula', () => {
    const merged = readXlsx(workbookWith('<row r="1"><c r="A1"><v>1</v></c></row>', { after: '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>' }));
    expect(() => writeXlsx(merged, plan('Тайлан', [w(0, 1, 1)]))).toThrow(/inside the merged area A1:C1/);
    expect(() => writeXlsx(merged, plan('Тайлан', [w(0, 0, 1)]))).not.toThrow();
    const locked = readXlsx(workbookWith('<row r="1"><c r="A1"><v>1</v></c></row>', { after: '<sheetProtection sheet="1"/>' }));
    expect(() => writeXlsx(locked, plan('Тайлан', [w(0, 0, 1)]))).toThrow(/protected/);
    const array = readXlsx(workbookWith('<row r="1"><c r="A1"><f t="array" ref="A1:A2">B1:B2</f><v>1</v></c></row>'));
    expect(() => writeXlsx(array, plan('Тайлан', [w(1, 0, 1)]))).toThrow(XlsxError);
  });

  it('refuses to put a value over a formula unless the write says it replaces it (a fix the user looked at)', () => {
    const book = readXlsx(workbookWith('<row r="1"><c r="A1"><f>TEXT(100,"0")</f><v>100</v></c><c r="B1"><f t="shared" ref="B1:B2" si="0">A1</f><v>100</v></c></row><row r="2"><c r="B2"><f t="shared" si="0"/><v></v></c></row>'));
    for (const [row, col] of [[0, 0], [0, 1], [1, 1]]) expect(() => writeXlsx(book, plan('Тайлан', [w(row, col, 100)]))).toThrow(/holds a formula; a value is not written over it/);
    expect(() => writeXlsx(book, plan('Тайлан', [{ ...w(0, 0, 100), replacesFormula: true }]))).not.toThrow();
    expect(() => writeXlsx(book, plan('Тайлан', [{ ...w(0, 0, 100), formula: '=100' }]))).not.toThrow();
  });

  it('the same book can be written again and again (each write has its own inflate budget)', () => {
    // A 40 kB sheet under a 100 kB budget: three re-inflations of it would pass the budget if writes shared the reader's.
    const bytes = workbookWith(Array.from({ length: 2000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join(''));
    const book = readXlsx(bytes, { maxTotalBytes: 100000 });
    expect(book.pkg.budget.total).toBeGreaterThan(40000);
    for (let i = 0; i < 20; i++) expect(readXlsx(writeXlsx(book, plan('Тайлан', [w(0, 1, i)]))).sheets[0].sheet!.values[0][1]).toBe(i);
  });

  it('a plan that writes nothing returns the input bytes', () => {
    const bytes = fixtureBytes('plan-2023-digital-year-soum');
    expect(writeXlsx(readXlsx(bytes), { sheets: [], summary: null, skipped: [], writtenCells: [] })).toBe(bytes);
  });
});

describe('the summary sheet', () => {
  it('replacing it keeps its part, relationship and <sheet> entry; notes are not written anywhere', () => {
    const once = compute(fixtureBytes('report-2024-aimag-admin-dept')).out;
    const again = compute(once, 'en');
    expect(again.plan.summary?.replaces).toBe(true);
    const a = unzip(once);
    const b = unzip(again.out);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    expect(inner(text(b, 'xl/workbook.xml'), 'sheets')).toBe(inner(text(a, 'xl/workbook.xml'), 'sheets'));
    expect(text(b, 'xl/_rels/workbook.xml.rels')).toBe(text(a, 'xl/_rels/workbook.xml.rels'));
    const summary = readXlsx(again.out).sheets.find((s) => s.name === again.plan.summary!.name)!;
    expect(summary.sheet!.values[0][0]).toBe('Scoring summary');
    expect([...b.keys()].some((k) => /comments|vmlDrawing/.test(k))).toBe(false);
    expect(compute(fixtureBytes('report-2024-aimag-admin-dept')).plan.sheets[0].writes.some((x) => x.note)).toBe(true);
  });
});
