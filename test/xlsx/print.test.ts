// Every sheet the tool writes, printed as a civil servant hands it on:
// LibreOffice prints the command line's copies of the fixtures to PDF (all
// in one soffice run), and each written sheet's pages — told apart by the
// sheet's name in their footer — are read back as text (pdftotext -layout):
// every word of the sheet's headers is on its first page, and the page
// counts are what the issue asks (a fixture's summary: one page; the
// roll-up of the three fixtures: one page of Нэгтгэл; an annex 8 section
// never split when it fits on a page).
import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import type { SheetLayout } from '../../src/core';
import { EVALUATION_FORM } from '../../src/i18n/evaluation-form';
import { FINDINGS_COLUMNS, findingsSheetWords } from '../../src/i18n/findings-sheet';
import { rollupWords } from '../../src/i18n/rollup';
import { runCli } from '../support/cli';
import { FIXTURE_NAMES, fixturePath } from '../support/fixtures';
import { pdfPages, printToPdf } from '../support/libreoffice';
import { MN } from '../support/words';

let tmp: string;
/** How many findings `unelgee check` listed in the aimag report. */
let checkedFindings = 0;
/** Each printed workbook's pages, by the sheet named in their footer. */
const printed = new Map<string, Map<string, string[]>>();

/** The pages of each sheet: a page belongs to the sheet whose name its footer (its last line) starts with. */
function pagesBySheet(pages: string[], sheets: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const page of pages) {
    const footer = page.trimEnd().split('\n').pop()!.trim();
    const sheet = sheets.find((s) => footer.startsWith(s));
    if (sheet) out.set(sheet, [...(out.get(sheet) ?? []), page]);
  }
  return out;
}

/** The words of headers (split at spaces and slashes), as a reader looks for them on the page. */
const wordsOf = (headers: readonly string[]) => headers.flatMap((h) => h.split(/[\s/]+/)).filter((w) => /[\p{L}\d]/u.test(w));

/** A layout's headers in Mongolian (the words the fixtures are computed with). */
const headersOf = (layout: SheetLayout) => layout.map((column) => column.header.mn);

const SUMMARY = MN.summaryTitle;
const ROLLUP = rollupWords('mn');
const copies = {
  computed: (name: string) => path.join(tmp, `${name}.computed.xlsx`),
  evaluation: (name: string) => path.join(tmp, `${name}.evaluation.xlsx`),
  rollup: () => path.join(tmp, 'rollup.xlsx'),
  checked: (name: string) => path.join(tmp, `${name}.checked.xlsx`),
};
const FINDINGS = findingsSheetWords('mn');

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'unelgee-print-'));
  const files: string[] = [];
  for (const name of FIXTURE_NAMES) {
    await runCli('compute', fixturePath(name), '-o', copies.computed(name));
    files.push(copies.computed(name));
    // The soum's plan holds no report to evaluate: no copy.
    await runCli('evaluation', fixturePath(name), '-o', copies.evaluation(name));
    if (await fs.stat(copies.evaluation(name)).catch(() => null)) files.push(copies.evaluation(name));
  }
  await runCli('rollup', ...FIXTURE_NAMES.map(fixturePath), '-o', copies.rollup(), '--jobs', '0');
  files.push(copies.rollup());
  const check = await runCli('check', fixturePath('report-2024-aimag-admin-dept'), '-o', copies.checked('report-2024-aimag-admin-dept'), '--json');
  checkedFindings = (JSON.parse(check.out) as { findings: { findings: unknown[] } }).findings.findings.length;
  files.push(copies.checked('report-2024-aimag-admin-dept'));
  const pdfs = await printToPdf(files);
  const sheets = [SUMMARY, EVALUATION_FORM.sheetName, ...Object.values(ROLLUP.sheetNames), FINDINGS.sheetName];
  for (let i = 0; i < files.length; i++) printed.set(files[i], pagesBySheet(await pdfPages(pdfs[i]), sheets));
}, 300000);

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe.each(FIXTURE_NAMES)('%s, computed', (name) => {
  it('prints its summary on one A4 page, every header word on it', () => {
    const pages = printed.get(copies.computed(name))!.get(SUMMARY) ?? [];
    expect(pages.length).toBe(1);
    for (const word of wordsOf(headersOf(MN.columns))) expect([word, pages[0].includes(word)]).toEqual([word, true]);
    expect(pages[0]).toMatch(/Хуудас \d+ \/ \d+/);
  });
});

describe('the roll-up of the three fixtures', () => {
  it('prints Нэгтгэл on one page with every header word, and each sheet with its headers on its first page', () => {
    const bySheet = printed.get(copies.rollup())!;
    expect(bySheet.get(ROLLUP.sheetNames.rollup)?.length).toBe(1);
    const headers: [string, readonly string[]][] = [
      [ROLLUP.sheetNames.rollup, headersOf(ROLLUP.columns)],
      [ROLLUP.sheetNames.findings, headersOf(ROLLUP.findingsColumns)],
      [ROLLUP.sheetNames.notRead, headersOf(ROLLUP.notReadColumns)],
    ];
    for (const [sheet, words] of headers) {
      const first = bySheet.get(sheet)![0];
      for (const word of wordsOf(words)) expect([sheet, word, first.includes(word)]).toEqual([sheet, word, true]);
    }
    // The header row is repeated on every page of the findings (print titles).
    for (const page of bySheet.get(ROLLUP.sheetNames.findings)!) expect(page).toContain(ROLLUP.findingsColumns[ROLLUP.findingsColumns.length - 1].header.mn);
  });
});

describe('the checked copy of the aimag report', () => {
  it('prints its findings sheet landscape, every header word on the first page, the header on every page, every finding listed', () => {
    const pages = printed.get(copies.checked('report-2024-aimag-admin-dept'))!.get(FINDINGS.sheetName)!;
    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const word of wordsOf(FINDINGS_COLUMNS.map((c) => c.header.mn))) expect([word, pages[0].includes(word)]).toEqual([word, true]);
    for (const page of pages) expect(page).toContain(FINDINGS_COLUMNS[FINDINGS_COLUMNS.length - 1].header.mn);
    // Each finding's cell is on a page.
    const listed = pages.join('\n').match(/Тайлан![A-Z]+\d+/g) ?? [];
    expect(checkedFindings).toBeGreaterThan(20);
    expect(listed.length).toBe(checkedFindings);
  });
});

describe.each(['report-2025-h1-consulting-unit', 'report-2024-aimag-admin-dept'])('%s, its annex 8 sheet', (name) => {
  it('prints the form with every section header, a section that fits on a page never split over two', () => {
    const pages = printed.get(copies.evaluation(name))!.get(EVALUATION_FORM.sheetName)!;
    const text = pages.join('\n');
    for (const section of EVALUATION_FORM.sections) for (const word of wordsOf(section.header)) expect([word, text.includes(word)]).toEqual([word, true]);
    // Sections 2–5 are each on one page: their last line follows their title on the title's page.
    const sections = EVALUATION_FORM.sections;
    const lastLines = [sections[1].stated, sections[2].stated, sections[3].stated, EVALUATION_FORM.totalLabel.split(' ')[0]];
    sections.slice(1).forEach((section, i) => {
      const page = pages.find((p) => p.includes(section.title)) ?? '';
      expect([section.title, page.slice(page.indexOf(section.title)).includes(lastLines[i])]).toEqual([section.title, true]);
    });
    // A page that does not start with a section's title starts with a section's header (a long section 1's, repeated).
    for (const page of pages.slice(1)) {
      const first = page.trimStart().split('\n')[0];
      if (!/^[2-5]\. /.test(first)) expect(first).toMatch(new RegExp(`^${sections[0].header[0]}\\s+${sections[0].header[1]}`));
    }
  });
});
