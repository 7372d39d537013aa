// The computed copy keeps everything: over a corpus of workbooks holding the
// parts the engine never reads, every part Compute does not need to change
// comes out byte-identical (uncompressed), the parts it changes differ only
// in the written cells (and the entries a new summary sheet needs), no cell
// outside plan.writtenCells changes value, formula, number format or style
// index, LibreOffice opens every output and recalculates the written
// formulas to the cached figures (all outputs in one soffice run), every
// part written validates against the ECMA-376 schemas, and computing twice
// equals computing once.

import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { readXlsx, type XlsxWorkbook } from '../../src/xlsx';
import { FIXTURE_NAMES, fixturePath } from '../support/fixtures';
import { recalculate } from '../support/libreoffice';
import { checkAgreement, type Agreement } from '../support/agreement';
import { checkSchemas, type SchemaCheck } from '../support/schema';
import type { EditPlan } from '../../src/core';
import { compute, cellStyles, expectAppendOnlyStyles, partDiff, rowsOf, same, unchangedCells, withoutCells, writtenOn } from './compare';
import { buildSink, fixtureBytes, SINK, text, unzip } from './corpus';

let tmp: string;
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

interface Member {
  name: string;
  bytes: () => Promise<Uint8Array>;
}

const corpus: Member[] = [
  { name: 'sink.xlsx (charts, pivot, table, comments, links, validations, protection…)', bytes: async () => buildSink() },
  { name: 'sink.xlsm (with a VBA project)', bytes: async () => buildSink({ macro: true }) },
  { name: 'sink with a structure-protected workbook', bytes: async () => buildSink({ lockStructure: true }) },
  { name: 'sink with the report sheet protected', bytes: async () => buildSink({ protectReport: true }) },
  {
    name: 'the aimag report as LibreOffice writes it',
    bytes: async () => new Uint8Array(await fs.readFile(await recalculate(fixturePath('report-2024-aimag-admin-dept')))),
  },
  ...FIXTURE_NAMES.map((n) => ({ name: n, bytes: async () => fixtureBytes(n) })),
];

const partOf = (book: XlsxWorkbook, sheet: string) => book.sheets.find((s) => s.name === sheet)!.part!;

// Every member computed once and written, then recalculated by LibreOffice in one run and validated against the schemas.
const computed = new Map<string, { plan: EditPlan; out: Uint8Array; agreement: Agreement }>();
let schemas: SchemaCheck;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'unelgee-keep-'));
  const files: { name: string; file: string; plan: EditPlan; out: Uint8Array }[] = [];
  for (const [i, m] of corpus.entries()) {
    const { plan, out } = compute(await m.bytes());
    const file = path.join(tmp, `member-${i}.xlsx`);
    await fs.writeFile(file, out);
    files.push({ name: m.name, file, plan, out });
  }
  const agreements = await checkAgreement(files.map((f) => ({ file: f.file, cells: f.plan.writtenCells })));
  files.forEach((f, i) => computed.set(f.name, { plan: f.plan, out: f.out, agreement: agreements[i] }));
  schemas = await checkSchemas(files.map((f) => f.file));
}, 300000);

describe.each(corpus)('$name', ({ name, bytes }) => {
  it('keeps every part it need not change, and changes the others only where it wrote', async () => {
    const input = await bytes();
    const { book, plan, out } = compute(input);
    const after = readXlsx(out);
    const a = unzip(input);
    const b = unzip(out);
    const diff = partDiff(a, b);

    // Which parts may change.
    const wbPart = book.pkg.workbookPart;
    const allowed = new Set([wbPart, book.pkg.stylesPart!]);
    for (const e of plan.sheets) allowed.add(partOf(book, e.sheet));
    const newSummary = plan.summary && !plan.summary.replaces;
    if (newSummary) allowed.add(book.pkg.workbookRelsPart).add(book.pkg.contentTypesPart);
    if (plan.summary?.replaces) allowed.add(partOf(book, plan.summary.name));
    expect(diff.changed.filter((p) => !allowed.has(p))).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.added).toEqual(newSummary ? [partOf(after, plan.summary!.name)] : []);

    // Worksheets: the same XML once the written cells are taken out of both.
    for (const e of plan.sheets) {
      const part = partOf(book, e.sheet);
      const written = writtenOn(plan, e.sheet);
      const newRows = new Set([...rowsOf(text(b, part))].filter((r) => !rowsOf(text(a, part)).has(r)));
      expect(withoutCells(text(b, part), written, newRows)).toBe(withoutCells(text(a, part), written));
      // Style indexes of every other cell are the same.
      const sa = cellStyles(text(a, part));
      const sb = cellStyles(text(b, part));
      for (const [ref, s] of sa) if (!written.has(ref)) expect([ref, sb.get(ref)]).toEqual([ref, s]);
    }
    if (a.has(book.pkg.stylesPart!)) expectAppendOnlyStyles(text(a, book.pkg.stylesPart!), text(b, book.pkg.stylesPart!));

    // workbook.xml: only fullCalcOnLoad, the new <sheet>, and the summary's print titles and area (names local to it).
    const summaryAt = plan.summary ? after.sheets.findIndex((s) => s.name === plan.summary!.name) : -1;
    const wbOut = text(b, wbPart)
      .replace(/<sheet [^>]*r:id="[^"]*"\/>(?=<\/sheets>)/, (m) => (newSummary && m.includes(`name="${plan.summary!.name}"`) ? '' : m))
      .replace(new RegExp(`<definedName name="_xlnm\\.Print_(Titles|Area)" localSheetId="${summaryAt}">[^<]*</definedName>`, 'g'), '')
      .replace('<definedNames></definedNames>', '')
      .replace(' fullCalcOnLoad="1"', '')
      .replace('<calcPr/>', '');
    if (plan.summary) expect(text(b, wbPart)).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${summaryAt}">`);
    expect(wbOut).toBe(text(a, wbPart).replace('<calcPr/>', ''));
    if (newSummary) {
      expect(text(b, book.pkg.workbookRelsPart).replace(/<Relationship [^>]*\/>(?=<\/Relationships>)/, '')).toBe(text(a, book.pkg.workbookRelsPart));
      expect(text(b, book.pkg.contentTypesPart).replace(/<Override [^>]*\/>(?=<\/Types>)/, '')).toBe(text(a, book.pkg.contentTypesPart));
    }

    // No cell outside the plan changes value, formula or number format, on any sheet.
    for (const s of book.sheets.filter((x) => x.kind === 'worksheet')) {
      if (plan.summary?.replaces && s.name === plan.summary.name) continue;
      expect(unchangedCells(book, after, s.name, writtenOn(plan, s.name))).toEqual([]);
    }
    expect(after.macroEnabled).toBe(book.macroEnabled);
    expect(after.sheets.map((s) => [s.name, s.state, s.kind, s.protected])).toEqual([
      ...book.sheets.map((s) => [s.name, s.state, s.kind, s.protected]),
      ...(newSummary ? [[plan.summary!.name, 'visible', 'worksheet', false]] : []),
    ]);
  });

  it('computing twice equals computing once (the second run returns its input unchanged)', async () => {
    const once = compute(await bytes()).out;
    const twice = compute(once);
    expect(twice.plan.writtenCells).toEqual([]);
    expect(same(twice.out, once)).toBe(true);
  });

  it('LibreOffice opens the output and recalculates every written formula to the cached figure', () => {
    const { plan, agreement } = computed.get(name)!;
    expect(agreement.disagreements).toEqual([]);
    if (plan.writtenCells.length > 0 && !name.startsWith('plan')) expect(agreement.checked).toBeGreaterThan(0);
  });
});

describe('the corpus as a whole', () => {
  it('every worksheet, workbook, styles, content types and relationships part of every output validates against ECMA-376 (Transitional)', () => {
    expect(schemas.parts).toBeGreaterThan(corpus.length * 5);
    expect(schemas.problems).toEqual([]);
  });
});


describe('what the sink holds, read and kept', () => {
  it('reads the sheets, their states and protection, and the workbook flags', () => {
    const book = readXlsx(buildSink({ macro: true, lockStructure: true }));
    expect(book.sheets.map((s) => [s.name, s.kind, s.state, s.protected])).toEqual([
      ['Тайлан', 'worksheet', 'visible', false],
      ['Жагсаалт', 'worksheet', 'visible', true],
      ['График', 'worksheet', 'visible', false],
      ['Пивот', 'worksheet', 'hidden', false],
      ['Диаграм', 'chartsheet', 'visible', false],
    ]);
    expect(book.workbookProtected).toBe(true);
    expect(book.macroEnabled).toBe(true);
    expect(readXlsx(buildSink()).workbookProtected).toBe(false);
  });

  it('a percent cell holding a formula without a cached value reads as formula + null, and is kept', () => {
    const { out } = compute(buildSink());
    for (const book of [readXlsx(buildSink()), readXlsx(out)]) {
      const s = book.sheets[0].sheet!;
      expect([s.values[7][19], s.formulas![7][19], s.numberFormats![7][19]]).toEqual([null, '=H8/100', '0%']);
    }
    expect(text(unzip(out), 'xl/worksheets/sheet1.xml')).toContain('<c r="T8" s="3"><f>H8/100</f></c>');
  });

  it('a shared formula reads without error, each dependent with its shifted formula, and is kept as written', () => {
    const { out } = compute(buildSink());
    const s = readXlsx(out).sheets[0].sheet!;
    expect(SINK.shared.map((ref) => s.formulas![Number(ref.slice(1)) - 1][20])).toEqual(['=$H8*2+T$8', '=$H9*2+T$8', '=$H10*2+T$8']);
    expect(text(unzip(out), 'xl/worksheets/sheet1.xml')).toContain('<c r="U9"><f t="shared" si="0"/><v>201</v></c>');
  });

  it('a hyperlinked 100 reads as the number 100, and its hyperlink (and the internal one) are kept', () => {
    const { out } = compute(buildSink());
    expect(readXlsx(out).sheets[0].sheet!.values[7][7]).toBe(100);
    const xml = text(unzip(out), 'xl/worksheets/sheet1.xml');
    expect(xml).toContain(`<hyperlinks><hyperlink ref="H8" r:id="rIdH1"/><hyperlink ref="C8" location="'Тайлан'!A1" display="Эхлэл"/></hyperlinks>`);
    expect(xml).toContain('<c r="H8" s="2"><v>100</v></c>');
  });

  it('protection is kept: sheet and workbook protection elements, and nothing written where they forbid it', () => {
    const locked = compute(buildSink({ lockStructure: true }));
    expect(locked.plan.summary).toBeNull();
    expect(locked.plan.skipped.map((s) => s.reason)).toContain('workbook-protected');
    expect(text(unzip(locked.out), 'xl/workbook.xml')).toContain('<workbookProtection lockStructure="1" workbookPassword="CC3D"/>');
    const report = compute(buildSink({ protectReport: true }));
    expect(report.plan.sheets).toEqual([]);
    expect(report.plan.skipped.filter((s) => s.reason === 'sheet-protected').length).toBeGreaterThan(0);
    expect(text(unzip(report.out), 'xl/worksheets/sheet1.xml')).toBe(text(unzip(buildSink({ protectReport: true })), 'xl/worksheets/sheet1.xml'));
    expect(text(unzip(report.out), 'xl/worksheets/sheet2.xml')).toContain('<sheetProtection sheet="1" objects="1" scenarios="1"/>');
  });

  it('the summary sheet is added as the next free part, with sheetId max+1, a relationship and a content type', () => {
    const { plan, out } = compute(buildSink());
    const parts = unzip(out);
    expect(parts.has('xl/worksheets/sheet5.xml')).toBe(true);
    expect(text(parts, 'xl/workbook.xml')).toMatch(new RegExp(`<sheet name="${plan.summary!.name}" sheetId="7" r:id="rId11"/></sheets>`));
    expect(text(parts, 'xl/_rels/workbook.xml.rels')).toContain('<Relationship Id="rId11" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet5.xml"/>');
    expect(text(parts, '[Content_Types].xml')).toContain('<Override PartName="/xl/worksheets/sheet5.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>');
    const summary = text(parts, 'xl/worksheets/sheet5.xml');
    expect(summary).toContain('<pane ySplit="5" topLeftCell="A6" activePane="bottomLeft" state="frozen"/>');
    expect(summary).toMatch(/<cols><col min="1" max="1" width="[\d.]+" customWidth="1"\/>/);
    // calcPr set so Excel recalculates; the pivot caches after it stay in place.
    expect(text(parts, 'xl/workbook.xml')).toContain('<calcPr calcId="171027" fullCalcOnLoad="1"/><pivotCaches>');
    // The calc chain lists only formulas still there: kept.
    expect(parts.has('xl/calcChain.xml')).toBe(true);
  });
});
