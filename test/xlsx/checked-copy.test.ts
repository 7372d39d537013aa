// The checked copy (`unelgee check FILE -o OUT`): every finding marked on
// its cell (a fill by severity, a note with its messages: a legacy comment
// that LibreOffice shows on the cell), the findings sheet listing them with
// a link to each cell, and nothing else in the copy changed.
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { cellAddress, findingsColumn, type CellMark, type EditPlan, type FindingsColumnKey } from '../../src/core';
import { findingsSheetWords } from '../../src/i18n/findings-sheet';
import { sheetWords } from '../../src/i18n/sheet-words';
import { readXlsx, writeCheckedCopy, writeXlsx, type XlsxWorkbook } from '../../src/xlsx';
import { NOTE_SEPARATOR } from '../../src/xlsx/comments';
import { runCli } from '../support/cli';
import { fixturePath } from '../support/fixtures';
import { convertAll, recalculate } from '../support/libreoffice';
import { odsNotes } from '../support/ods-notes';
import { expectAppendOnlyStyles, partDiff, unchangedCells, withoutCells } from './compare';
import { buildSink, fixtureBytes, text, unzip } from './corpus';

const WORDS = findingsSheetWords('mn');
const REPORT = 'Тайлан';
let tmp: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'unelgee-check-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** A cell of a written sheet, read back by our reader. */
function valueAt(book: XlsxWorkbook, sheet: string, row: number, col: number): unknown {
  const s = book.sheets.find((x) => x.name === sheet)!.sheet!;
  return s.values[row - s.startRow]?.[col - s.startCol] ?? null;
}

/** The fill colour (RRGGBB) of a cell in a written package, through its style index, xf and fill. */
function fillOf(parts: Map<string, Uint8Array>, sheetPart: string, ref: string): string | null {
  const cell = new RegExp(`<c r="${ref}"(?: [^>]*)?>|<c r="${ref}"(?: [^>]*)?/>`).exec(text(parts, sheetPart))?.[0] ?? '';
  const style = Number(/ s="(\d+)"/.exec(cell)?.[1] ?? 0);
  const styles = text(parts, 'xl/styles.xml');
  const xf = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)][style]?.[0] ?? '';
  const fillId = Number(/fillId="(\d+)"/.exec(xf)?.[1] ?? 0);
  const fill = [...(/<fills[^>]*>([\s\S]*?)<\/fills>/.exec(styles)?.[1] ?? '').matchAll(/<fill>[\s\S]*?<\/fill>/g)][fillId]?.[0] ?? '';
  return /<fgColor rgb="FF([0-9A-F]{6})"/.exec(fill)?.[1] ?? null;
}

describe('the checked copy of the aimag report', () => {
  const input = fixtureBytes('report-2024-aimag-admin-dept');
  const book = readXlsx(input);
  const copy = writeCheckedCopy(book, { words: sheetWords('mn') }, WORDS, 'report-2024-aimag-admin-dept.xlsx');
  const after = readXlsx(copy.bytes);
  const [before, out] = [unzip(input), unzip(copy.bytes)];
  const marks = copy.plan.marks!;
  const reportPart = book.sheets.find((s) => s.name === REPORT)!.part!;
  const list = copy.plan.addedSheets![0];

  it('marks every finding on its cell: a fill by its most severe finding, and a note with every message on it', () => {
    const onCells = copy.analysis.findings.filter((f) => f.code !== 'header-not-found');
    expect(marks.length).toBe(new Set(onCells.map((f) => `${f.sheet}!${f.cell}`)).size);
    expect(marks.length).toBeGreaterThan(20);
    const comments = text(out, 'xl/comments1.xml');
    for (const m of marks) {
      const ref = cellAddress(m.row, m.col);
      expect([ref, fillOf(out, reportPart, ref)]).toEqual([ref, m.fill]);
      for (const f of onCells.filter((x) => x.sheet === m.sheet && x.row === m.row && x.col === m.col)) expect(m.note).toContain(f.message.mn);
      expect(comments).toContain(`<comment ref="${ref}"`);
    }
    expect(marks.find((m) => m.severity === 'error')?.fill).toBe('FFC7CE');
  });

  it('changes nothing else: other parts byte for byte, no cell value, formula or format, the sheet only in its marked cells and its note drawing', () => {
    const diff = partDiff(before, out);
    expect(diff.removed).toEqual([]);
    expect(diff.changed.sort()).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', reportPart].sort());
    const listPart = after.sheets.find((s) => s.name === list.name)!.part!;
    expect(diff.added.sort()).toEqual(['xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml', 'xl/worksheets/_rels/sheet1.xml.rels', listPart].sort());
    expect(unchangedCells(book, after, REPORT, new Set())).toEqual([]);
    const marked = new Set(marks.map((m) => cellAddress(m.row, m.col)));
    const sheetOut = text(out, reportPart).replace(/<legacyDrawing [^>]*\/>/, '');
    const created = new Set([...sheetOut.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1])).filter((r) => !new RegExp(`<row r="${r}"`).test(text(before, reportPart))));
    expect(withoutCells(sheetOut, marked, created)).toBe(withoutCells(text(before, reportPart), marked));
    expectAppendOnlyStyles(text(before, 'xl/styles.xml'), text(out, 'xl/styles.xml'));
  });

  it('lists every finding on "Алдаа, дутуу", read by key: severity, the cell as a link to it, code, message, the quick fix', () => {
    const column = (key: FindingsColumnKey) => findingsColumn(WORDS, key);
    const header = list.writes.find((w) => w.value === WORDS.columns[0].header.mn)!.row;
    const part = after.sheets.find((s) => s.name === list.name)!.part!;
    const links = new Map([...text(out, part).matchAll(/<hyperlink ref="([A-Z]+\d+)" location="([^"]+)"/g)].map((m) => [m[1], m[2].replace(/&apos;/g, "'")]));
    const findings = copy.analysis.findings;
    expect(links.size).toBe(findings.length);
    // Each line of the list, by key, with its link; in the sheet's order (row, then column).
    const lines = findings.map((_, k) => {
      const row = header + 1 + k;
      const at = (key: FindingsColumnKey) => valueAt(after, list.name, row, column(key));
      return { severity: at('severity'), cell: at('cell'), code: at('code'), message: at('message'), fix: at('fix'), link: links.get(cellAddress(row, column('cell'))) };
    });
    const expected = findings.map((f) => ({
      severity: WORDS.severities[f.severity],
      cell: `${f.sheet}!${f.cell}`,
      code: f.code,
      message: f.message.mn,
      fix: f.fix ? f.fix.description.mn : null,
      link: `'${f.sheet}'!${f.cell}`,
    }));
    const key = (x: { cell: unknown; code: unknown }) => `${String(x.cell)} ${String(x.code)}`;
    expect([...lines].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...expected].sort((a, b) => key(a).localeCompare(key(b))));
    const rows = lines.map((l) => Number(/(\d+)$/.exec(String(l.cell))![1]));
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
  });

  it('its totals are formulas LibreOffice recalculates to the counts', async () => {
    const file = path.join(tmp, 'aimag.checked.xlsx');
    await fs.writeFile(file, copy.bytes);
    const recalculated = readXlsx(new Uint8Array(await fs.readFile(await recalculate(file))));
    const totals = list.writes.filter((w) => w.formula);
    expect(totals.length).toBe(4);
    for (const w of totals) expect([cellAddress(w.row, w.col), valueAt(recalculated, list.name, w.row, w.col)]).toEqual([cellAddress(w.row, w.col), w.value]);
    expect(totals[totals.length - 1].value).toBe(copy.analysis.findings.length);
  });
});

describe('unelgee check, in LibreOffice', () => {
  it('shows every note on its cell: the copy as LibreOffice reads it holds each mark\'s text on its cell, and a note someone wrote keeps its words', async () => {
    const aimag = path.join(tmp, 'aimag.xlsx');
    const checked = path.join(tmp, 'aimag.checked.xlsx');
    const run = await runCli('check', fixturePath('report-2024-aimag-admin-dept'), '-o', checked, '--json');
    expect(run.code).toBe(1);
    const json = JSON.parse(run.out);
    expect(json.command).toBe('check');
    await fs.copyFile(fixturePath('report-2024-aimag-admin-dept'), aimag);

    // The sink's B8 holds someone's note: ours goes below it.
    const sink = readXlsx(buildSink());
    const mark: CellMark = { sheet: REPORT, row: 7, col: 1, severity: 'warning', fill: 'FFEB9C', note: 'Үнэлгээ · Анхааруулга: шалгалт' };
    const plan: EditPlan = { sheets: [], summary: null, skipped: [], writtenCells: [], marks: [mark] };
    const sinkFile = path.join(tmp, 'sink.checked.xlsx');
    await fs.writeFile(sinkFile, writeXlsx(sink, plan));

    const [fods, sinkFods] = await convertAll([checked, sinkFile], 'fods');
    const notes = await odsNotes(fods);
    const marked: string[] = json.marked;
    expect(marked.length).toBeGreaterThan(20);
    expect([...notes.keys()].sort()).toEqual([...marked].sort());
    for (const f of json.findings.findings.filter((x: { code: string }) => x.code !== 'header-not-found')) expect(notes.get(`${f.sheet}!${f.cell}`)).toContain(f.message);
    expect((await odsNotes(sinkFods)).get(`${REPORT}!B8`)).toBe(`Хуучин тайлбар\n${NOTE_SEPARATOR}\n${mark.note}`);
    // The findings sheet's links, as LibreOffice reads them, go to the findings' cells ("#'Тайлан'.H40").
    const links = [...(await fs.readFile(fods, 'utf8')).matchAll(/xlink:href="#&apos;([^&]+)&apos;\.([A-Z]+\d+)"/g)].map((m) => `${m[1]}!${m[2]}`);
    expect(links.sort()).toEqual(json.findings.findings.map((f: { sheet: string; cell: string }) => `${f.sheet}!${f.cell}`).sort());
  }, 180000);
});

describe('checking a checked copy again', () => {
  it('rewrites its findings sheet and its own notes: no second sheet, no note stacked on a note', () => {
    const words = { words: sheetWords('mn') };
    const once = writeCheckedCopy(readXlsx(fixtureBytes('report-2024-aimag-admin-dept')), words, WORDS);
    const twice = writeCheckedCopy(readXlsx(once.bytes), words, WORDS);
    expect(twice.plan.addedSheets![0]).toMatchObject({ name: WORDS.sheetName, replaces: true });
    expect(readXlsx(twice.bytes).sheets.filter((s) => s.name.startsWith(WORDS.sheetName)).length).toBe(1);
    // The same findings as the first time (its own sheet is not analysed).
    expect(twice.analysis.counts).toEqual(once.analysis.counts);
    const comments = text(unzip(twice.bytes), 'xl/comments1.xml');
    expect(comments.split(`${WORDS.notePrefix} · `).length - 1).toBe(once.plan.marks!.length);
    expect(comments).not.toContain(NOTE_SEPARATOR);
  });

  it('marks nothing on a protected sheet and adds no sheet to a workbook whose structure is locked, saying so', () => {
    const locked = writeCheckedCopy(readXlsx(buildSink({ protectReport: true })), { words: sheetWords('mn') }, WORDS);
    expect(locked.plan.marks).toEqual([]);
    expect(locked.plan.skipped.map((s) => [s.sheet, s.reason])).toContainEqual([REPORT, 'sheet-protected']);
    const closed = writeCheckedCopy(readXlsx(buildSink({ lockStructure: true })), { words: sheetWords('mn') }, WORDS);
    expect(closed.plan.addedSheets).toEqual([]);
    expect(closed.plan.marks!.length).toBeGreaterThan(0);
    expect(closed.plan.skipped.map((s) => s.reason)).toContain('workbook-protected');
  });
});
