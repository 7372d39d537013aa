// readXlsx: the Sheet contract (sparse rows, values of every type, number
// formats, formulas with cached results, merged areas) and the refusals.

import { readXlsx, shiftFormula, visibleSheets, XlsxError } from '../../src/xlsx';
import { DEFAULT_LIMITS } from '../../src/xlsx/errors';
import { crc32, inflateEntry, readZip } from '../../src/xlsx/zip';
import { deflateRawSync } from 'zlib';
import { FIXTURE_NAMES, fixtureSheets } from '../support/fixtures';
import { appendEntry, lyingZip, patchEntry, workbookWith } from './build';
import { MAIN, put, unzip, zip, fixtureBytes, text } from './corpus';

const sheetOf = (bytes: Uint8Array) => readXlsx(bytes).sheets[0].sheet!;

const refused = (f: () => unknown): XlsxError => {
  try {
    f();
  } catch (e) {
    if (e instanceof XlsxError) return e;
    throw e;
  }
  throw new Error('not refused');
};

describe('values', () => {
  it('numbers, shared and inline strings (rich runs joined, phonetic runs left out), booleans, errors, dates', () => {
    const s = sheetOf(
      workbookWith(
        '<row r="1"><c r="A1"><v>85.5</v></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c><c r="D1" t="inlineStr"><is><r><t>хо</t></r><r><rPr><b/></rPr><t xml:space="preserve">сор </t></r></is></c>' +
          '<c r="E1" t="b"><v>1</v></c><c r="F1" t="e"><v>#DIV/0!</v></c><c r="G1" t="d"><v>2024-12-13T00:00:00</v></c><c r="H1" t="s"><v>2</v></c></row>',
        { rawSst: '<si><t>Хувь</t></si><si><r><t>Биелэлт</t></r><r><t xml:space="preserve">ийн хувь</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh><phoneticPr fontId="1"/></si><si><t>a_x001B_b _x005F_x0041_</t></si>' },
      ),
    );
    expect(s.values[0]).toEqual([85.5, 'Хувь', 'Биелэлтийн хувь', 'хосор ', true, '#DIV/0!', 45639, 'a\u001bb _x0041_']);
  });

  it('formula cells: the formula and its cached result, or null when the file has none; t="str" text results', () => {
    const s = sheetOf(workbookWith('<row r="2"><c r="A2"><f>1+1</f><v>2</v></c><c r="B2"><f>A2/0</f></c><c r="C2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>'));
    expect(s.values[1]).toEqual([2, null, 'ab', '#DIV/0!']);
    expect(s.formulas![1]).toEqual(['=1+1', '=A2/0', '="a"&"b"', '=1/0']);
  });

  it('shared formulas: each dependent gets the master shifted; array formulas: the master holds it', () => {
    const s = sheetOf(
      workbookWith(
        '<row r="3"><c r="B3"><f t="shared" ref="B3:C4" si="7">SUM($A3:A$3,Sheet2!A3,\'My sheet\'!B3,"A3",LOG10(A3),E:E,3:3)</f><v>1</v></c><c r="C3"><f t="shared" si="7"/><v>1</v></c></row>' +
          '<row r="4"><c r="B4"><f t="shared" si="7"/><v>1</v></c><c r="C4"><f t="shared" si="7"/></c><c r="D4"><f t="array" ref="D4:D5">A4:A5*2</f><v>4</v></c></row><row r="5"><c r="D5"><v>6</v></c></row>',
      ),
    );
    expect(s.formulas![2][2]).toBe(`=SUM($A3:B$3,Sheet2!B3,'My sheet'!C3,"A3",LOG10(B3),F:F,3:3)`);
    expect(s.formulas![3][1]).toBe(`=SUM($A4:A$3,Sheet2!A4,'My sheet'!B4,"A3",LOG10(A4),E:E,4:4)`);
    expect(s.formulas![3][2]).toBe(`=SUM($A4:B$3,Sheet2!B4,'My sheet'!C4,"A3",LOG10(B4),F:F,4:4)`);
    expect(s.values[3][2]).toBeNull();
    expect([s.formulas![3][3], s.values[3][3], s.values[4][3], s.formulas![4]?.[3] ?? null]).toEqual(['=A4:A5*2', 4, 6, null]);
  });

  it('number formats come from cellXfs: built-ins (9 0%, 10 0.00%, 14 a date) and custom <numFmt>, only on non-empty cells', () => {
    const styles = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0&quot; хувь&quot;"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="10"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>`;
    const s = sheetOf(workbookWith('<row r="1"><c r="A1" s="1"><v>0.86</v></c><c r="B1" s="2"><v>0.5</v></c><c r="C1" s="3"><v>45292</v></c><c r="D1" s="4"><v>95.6</v></c><c r="E1" s="1"/><c r="F1" s="0"><v>1</v></c></row>', { styles }));
    expect(s.numberFormats![0]).toEqual(['0%', '0.00%', 'mm-dd-yy', '0.0" хувь"']);
    expect(s.values[0].slice(0, 4)).toEqual([0.86, 0.5, 45292, 95.6]);
    // E1 is formatted but empty: no value, no format; F1 is General.
    expect([4 in s.values[0], 4 in s.numberFormats![0], s.values[0][5], s.numberFormats![0].length]).toEqual([false, false, 1, 4]);
  });

  it('sparse: missing rows stay holes, each row ends at its last value, formatted empty cells cost nothing, implicit positions count', () => {
    const s = sheetOf(workbookWith('<row r="2"><c r="A2"><v>1</v></c><c r="B2" s="1"/><c r="C2" s="1"/></row><row r="5" s="1" customFormat="1"/><row><c><v>7</v></c><c><v>8</v></c></row><row r="1048576"><c r="XFD1048576" s="1"/></row>'));
    expect(s.values.length).toBe(6);
    expect(0 in s.values).toBe(false);
    expect(s.values[1]).toEqual([1]);
    expect(s.values[5]).toEqual([7, 8]);
    expect(4 in s.values).toBe(false);
  });

  it('a value at XFD1048576 costs one row, not the extent', () => {
    const started = Date.now();
    const s = sheetOf(workbookWith('<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>'));
    // Alone it takes ~50 ms; the extent (17 billion cells) would never finish. The bound leaves room for a loaded CI machine
    // (1.6 s was seen with the whole suite running beside it); the sparse keys below are the real proof.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(s.values[1048575][16383]).toBe(2);
    expect(Object.keys(s.values)).toEqual(['0', '1048575']);
    expect(Object.keys(s.values[1048575])).toEqual(['16383']);
  });

  it('merged areas, sheet protection', () => {
    const book = readXlsx(workbookWith('<row r="1"><c r="A1"><v>1</v></c></row>', { after: '<sheetProtection sheet="1"/><mergeCells count="2"><mergeCell ref="A1:H1"/><mergeCell ref="B3:B9"/></mergeCells>' }));
    expect(book.sheets[0].sheet!.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 7 },
      { top: 2, left: 1, bottom: 8, right: 1 },
    ]);
    expect(book.sheets[0].protected).toBe(true);
  });
});

describe('the fixtures', () => {
  it.each(FIXTURE_NAMES)('%s: the same cells, formulas, formats and merged areas as exceljs read', async (name) => {
    const ours = visibleSheets(readXlsx(fixtureBytes(name)));
    const theirs = await fixtureSheets(name);
    expect(ours.map((s) => s.name)).toEqual(theirs.map((s) => s.name));
    ours.forEach((a, k) => {
      const b = theirs[k];
      const diffs: string[] = [];
      const rows = Math.max(a.values.length, b.values.length);
      let cells = 0;
      for (let r = 0; r < rows; r++) {
        const cols = Math.max(a.values[r]?.length ?? 0, b.values[r]?.length ?? 0);
        for (let c = 0; c < cols; c++) {
          const bv = b.values[r]?.[c] ?? null;
          const bf = b.formulas?.[r]?.[c] ?? null;
          const x = [a.values[r]?.[c] ?? null, a.formulas?.[r]?.[c] ?? null, a.numberFormats?.[r]?.[c] ?? null];
          // exceljs pads rows and formats empty cells too: compare formats where there is something.
          const y = [bv === '' ? null : bv, bf, bv === null && bf === null ? null : b.numberFormats?.[r]?.[c] ?? null];
          if (x[0] !== null || x[1] !== null) cells++;
          if (JSON.stringify(x) !== JSON.stringify(y)) diffs.push(`${r}:${c} ${JSON.stringify(x)} ≠ ${JSON.stringify(y)}`);
        }
      }
      expect(diffs).toEqual([]);
      expect(cells).toBeGreaterThan(100);
      expect(a.merges).toEqual(b.merges);
    });
  });
});

describe('shiftFormula', () => {
  it('moves relative parts only, and leaves strings, quoted sheet names, names, functions and structured references alone', () => {
    expect(shiftFormula('A1+$B$2+C$3+$D4', 1, 1)).toBe('B2+$B$2+D$3+$D5');
    expect(shiftFormula(`'Q1 2024'!A1+Q1!B2+"C3"&T("D4")`, 2, 0)).toBe(`'Q1 2024'!A3+Q1!B4+"C3"&T("D4")`);
    expect(shiftFormula('Table1[[#This Row],[A1]]+_xlfn.XLOOKUP(A1,B:B,C:C)+ATAN2(A1,1)+1E+5', 1, 0)).toBe('Table1[[#This Row],[A1]]+_xlfn.XLOOKUP(A2,B:B,C:C)+ATAN2(A2,1)+1E+5');
    expect(shiftFormula('A1', -1, 0)).toBe('#REF!');
    expect(shiftFormula('SUM(1:1)+#REF!+XFD1', 0, 1)).toBe('SUM(1:1)+#REF!+#REF!');
  });
});

describe('refusals', () => {
  const good = fixtureBytes('report-2025-h1-consulting-unit');
  it('not a zip, a Compound File, an empty file, a damaged zip', () => {
    expect(refused(() => readXlsx(new TextEncoder().encode('Д/д,Арга хэмжээ'))).code).toBe('not-zip');
    expect(refused(() => readXlsx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).code).toBe('encrypted');
    expect(refused(() => readXlsx(new Uint8Array(0))).code).toBe('empty');
    expect(refused(() => readXlsx(good.subarray(0, good.length - 100))).code).toBe('damaged');
    const flipped = good.slice();
    flipped[200] ^= 0xff; // inside the first part's compressed bytes
    expect(['damaged']).toContain(refused(() => readXlsx(flipped)).code);
  });

  it('no workbook part; every refusal carries one line in Mongolian and English', () => {
    const parts = unzip(good);
    parts.delete('xl/workbook.xml');
    const e = refused(() => readXlsx(zip(parts)));
    expect(e.code).toBe('no-workbook');
    expect(e.text.mn).toMatch(/ажлын ном/);
    expect(e.text.en).toMatch(/no workbook part/);
    expect(e.text.en).not.toContain('\n');
  });

  it('any parsed XML with a DOCTYPE (entity expansion)', () => {
    const parts = unzip(good);
    put(parts, 'xl/sharedStrings.xml', `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><sst xmlns="${MAIN}"><si><t>&b;</t></si></sst>`);
    expect(refused(() => readXlsx(zip(parts))).code).toBe('doctype');
  });

  it('a part whose declared size is over the limit, and one that inflates past it while its header lies', () => {
    const parts = unzip(good);
    expect(refused(() => readXlsx(zip(parts), { maxPartBytes: 10000 })).code).toBe('part-too-large');
    // A zip whose sheet1.xml declares 1,000 bytes and inflates to 50 MB of spaces.
    const lying = lyingZip(good, 'xl/worksheets/sheet1.xml', 50 * 1024 * 1024);
    const e = refused(() => readXlsx(lying, { ratioFloorBytes: 1024 * 1024 }));
    expect(['bomb', 'part-too-large', 'damaged']).toContain(e.code);
    expect(e.code).toBe('bomb');
  });

  it('entries named outside the package (../../x, /tmp/x, C:\\x), a part with a bad checksum, a bzip2 part: damaged (item 10)', () => {
    for (const name of ['../../x', '/tmp/x', 'C:\\x', 'xl\\..\\..\\x']) {
      const parts = unzip(good);
      put(parts, name, 'x');
      const e = refused(() => readXlsx(zip(parts)));
      expect([name, e.code]).toEqual([name, 'damaged']);
    }
    // docProps/app.xml is never parsed: its checksum is still checked, as the writer would copy it.
    const badCrc = patchEntry(good, 'docProps/app.xml', (v, at, kind) => v.setUint32(at + (kind === 'central' ? 16 : 14), 0x12345678, true));
    expect(refused(() => readXlsx(badCrc)).text.en).toMatch(/damaged.*docProps\/app\.xml: checksum/);
    const bzip2 = patchEntry(good, 'docProps/app.xml', (v, at, kind) => v.setUint16(at + (kind === 'central' ? 10 : 8), 12, true));
    const e = refused(() => readXlsx(bzip2));
    expect([e.code, e.detail]).toEqual(['damaged', 'docProps/app.xml: compression method 12 (bzip2)']);
  });

  it('read as other readers read them (item 11): <c t="s"><v/></c> is empty; entry names with backslashes; a 57 MB part deflating 250 times', () => {
    const s = sheetOf(workbookWith('<row r="1"><c r="A1" t="s"><v/></c><c r="B1" t="s"><v></v></c><c r="C1" t="s"><v>0</v></c></row>', { sst: ['Хувь'] }));
    expect(s.values[0]).toEqual([undefined, undefined, 'Хувь']);
    // As some .NET zip code wrote them: "xl\\workbook.xml".
    const parts = unzip(good);
    const backslashed = new Map([...parts].map(([name, bytes]) => [name.replace(/\//g, '\\'), bytes]));
    expect(visibleSheets(readXlsx(zip(backslashed)))[0].values).toEqual(visibleSheets(readXlsx(good))[0].values);
    // A large, regular sheet (as one a public corpus holds): 57 MB that deflate about 250 times is no bomb; every part is still bounded by maxPartBytes.
    const rows: string[] = [];
    for (let i = 0, n = 0; n < 57 * 1024 * 1024; i++) {
      const row = `${i % 90 === 0 ? `<row r="${i + 1}">` : '<row>'}<c s="3"><v>100</v></c><c s="3" t="s"><v>7</v></c><c s="3"/><c s="3"/></row>`;
      rows.push(row);
      n += row.length;
    }
    const big = Buffer.from(`<worksheet xmlns="${MAIN}"><sheetData>${rows.join('')}</sheetData></worksheet>`);
    const deflated = appendEntry(zip(new Map()), 'x.xml', deflateRawSync(big, { level: 6 }), big.length, crc32(big));
    const entry = () => readZip(deflated, DEFAULT_LIMITS).byName.get('x.xml')!;
    expect(entry().size / entry().compressedSize).toBeGreaterThan(240);
    expect(inflateEntry(entry(), DEFAULT_LIMITS, { total: 0 }).length).toBe(big.length);
    expect(() => inflateEntry(entry(), { ...DEFAULT_LIMITS, maxPartBytes: 50 * 1024 * 1024 }, { total: 0 })).toThrow(/too large/);
    // The limits before: refused as a bomb once 16 MB had come out.
    expect(() => inflateEntry(entry(), { ...DEFAULT_LIMITS, ratioFloorBytes: 16 * 1024 * 1024 }, { total: 0 })).toThrow(/zip bomb/);
  });

  it('a workbook without any worksheet', () => {
    const parts = unzip(good);
    put(parts, 'xl/workbook.xml', text(parts, 'xl/workbook.xml').replace(/<sheets>[\s\S]*<\/sheets>/, '<sheets/>'));
    expect(refused(() => readXlsx(zip(parts))).code).toBe('damaged');
  });
});

