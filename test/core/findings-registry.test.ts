// The registry of finding codes (src/core/findings/registry.ts): every code
// has a severity, a description and messages in both languages with the
// same placeholders, a row in the README's table, and a sheet that makes it
// fire. FIRES is typed Record<FindingCode, …>: a new code without an
// example here fails to compile.

import * as fs from 'fs';
import * as path from 'path';
import { analyzeAgainstPlan, analyzeWorkbook, FINDINGS, FINDING_CODES, type FindingCode, type Sheet } from '../../src/core';
import type { CellValue } from '../../src/core/sheet';
import { findingsReadmeTable, README_END, README_START } from '../../scripts/findings-docs';
import { annex8Sheet } from '../support/annex8';
import { REPORT_HEADER, sheetOf, type BuildOptions } from '../support/sheet-builder';

interface Example {
  sheets: () => Sheet[];
  profileId?: string;
  /** The plan the sheets are held against (validate --plan). */
  plan?: () => Sheet[];
  /** Where it fires. */
  cell: string;
}

const one = (rows: CellValue[][], opts?: BuildOptions) => () => [sheetOf(rows, opts)];

/** A plan of three items in two groups, and reports copied from it (REPORT_HEADER's columns), for validate --plan. */
const PLAN = one(
  [
    ['Д/д', 'Арга хэмжээ', 'Шалгуур үзүүлэлт', 'Суурь түвшин', 'Хүрэх түвшин', 'Хугацаа'],
    ['Зорилт 1. Төрийн үйлчилгээ'],
    [1, 'Сургалт зохион байгуулах', 'Сургалтын тоо', 2, 4, 'I улирал'],
    [2, 'Тайлан гаргаж хүргүүлэх', 'Тайлангийн тоо', 1, 2, 'II улирал'],
    ['Зорилт 2. Дотоод ажил'],
    [3, 'Хурал зохион байгуулах', 'Хурлын тоо', 1, 2, 'III улирал'],
  ],
  { name: 'Төлөвлөгөө' },
);
const G1 = ['Зорилт 1. Төрийн үйлчилгээ'];
const G2 = ['Зорилт 2. Дотоод ажил'];
const I1: CellValue[] = [1, 'Сургалт зохион байгуулах', 'Сургалтын тоо', 2, 4, 4, 100];
const I2: CellValue[] = [2, 'Тайлан гаргаж хүргүүлэх', 'Тайлангийн тоо', 1, 2, 2, 100];
const I3: CellValue[] = [3, 'Хурал зохион байгуулах', 'Хурлын тоо', 1, 2, 2, 100];
const copied = (rows: CellValue[][]) => one([REPORT_HEADER, ...rows], { name: 'Тайлан' });

const FIRES: Record<FindingCode, Example> = {
  'header-not-found': { sheets: one([['Хурлын ирц'], ['Бат', 'ирсэн']]), cell: 'A1' },
  'sheet-unreadable': {
    sheets: () => [{ name: 'Broken', startRow: 0, startCol: 0, values: [['Д/д']], merges: null } as unknown as Sheet],
    cell: 'A1',
  },
  'missing-number': { sheets: one([REPORT_HEADER, [1, 'A', 'x', 1, 1, 'Хийсэн', 100], [null, 'Нэмэлт ажил', 'x', 1, 1, 'Хийсэн', 90]]), cell: 'A3' },
  'missing-indicator': { sheets: one([REPORT_HEADER, [1, 'A', null, 1, 1, 'Хийсэн', 100]]), cell: 'C2' },
  'missing-target': { sheets: one([REPORT_HEADER, [1, 'A', 'x', 1, null, 'Хийсэн', 100]]), cell: 'E2' },
  'missing-achieved': { sheets: one([REPORT_HEADER, [1, 'A', 'x', 1, 1, null, 100]]), cell: 'F2' },
  'value-as-date': { sheets: one([REPORT_HEADER, [1, 'A', 'x', 1, 45293, 'Хийсэн', 100]], { formats: { E2: 'd-mmm' } }), cell: 'E2' },
  'target-not-measurable': { sheets: one([REPORT_HEADER, [1, 'A', 'x', '-', 'Тухай бүр', 'Хийсэн', 100]]), cell: 'E2' },
  'missing-percent': { sheets: one([REPORT_HEADER, [1, 'A', 'Тоо', 1, 4, 3, null]]), cell: 'G2' },
  'percent-invalid': { sheets: one([REPORT_HEADER, [1, 'A', 'x', 1, 1, 1, 120]]), cell: 'G2' },
  'percent-off-scale': { sheets: one([REPORT_HEADER, [1, 'A', 'x', 1, 1, 'Хийсэн', 90]]), profileId: 'zg206', cell: 'G2' },
  'percent-inconsistent': { sheets: one([REPORT_HEADER, [1, 'A', 'x', 1, 4, 1, 100]]), cell: 'G2' },
  'not-computable': {
    sheets: one([['Д/д', 'Арга хэмжээ', 'Шалгуур үзүүлэлт', 'Зорилтот түвшин', 'Хүрсэн түвшин'], [1, 'A', 'x', 4, 'Хийгдэж байна, удахгүй дуусна.'], [2, 'B', 'x', 4, 4]]),
    cell: 'E2',
  },
  'percent-as-text': { sheets: one([REPORT_HEADER, [1, 'A', 'x', 1, 1, 'Хийсэн', '90 хувь']]), cell: 'G2' },
  'percent-uncached': { sheets: one([REPORT_HEADER, [1, 'A', 'x', 4, 3, 3, null]], { formulas: { G2: '=F2/E2*100' } }), cell: 'G2' },
  'percent-merged': { sheets: one([REPORT_HEADER, [1, 'A', 'x', 4, 3, 3, null]], { merges: ['F2:G2'] }), cell: 'F2' },
  'percent-formula': { sheets: one([REPORT_HEADER, [1, 'A', 'x', 1, 1, 'Хийсэн', '100']], { formulas: { G2: '=TEXT(100,"0")' } }), cell: 'G2' },
  'percent-misplaced': {
    sheets: one([
      REPORT_HEADER,
      [1, 'A', 'x', 1, '10-аас доошгүй', 100],
      [2, 'B', 'x', 1, 2, 'Хоёр удаа зохион байгуулсан.', 100],
      [3, 'C', 'x', 1, 2, 'Тайланг хугацаанд нь хүргүүлсэн.', 100],
    ]),
    cell: 'F2',
  },
  'points-mismatch': {
    sheets: one([['№', 'Үнэлгээний үзүүлэлт', 'Гүйцэтгэлийн хувь', 'Үзүүлэлт тус бүрийн оноо (15 хүртэл оноогоор)'], [1, 'Сургалт', 66.6, 10], [2, 'Сургалт 2', 37.3, 7]]),
    cell: 'D3',
  },
  'average-mismatch': {
    sheets: one([REPORT_HEADER, [1, 'A', 'x', 1, 1, 'Хийсэн', 100], [2, 'B', 'x', 1, 1, 'Хийсэн', 90], ['Хэрэгжилтийн дундаж хувь', null, null, null, null, null, '97.5 хувь']]),
    cell: 'G4',
  },
  'points-over-max': { sheets: () => [annex8Sheet({ section3: [8, 7, 7, 7, 7, 7] }).sheet], cell: 'C47' },
  'missing-rating': { sheets: () => [annex8Sheet({ section4: [8, null, 7] }).sheet], cell: 'C58' },
  'duplicate-number': { sheets: one([REPORT_HEADER, [1, 'A', 'x', 1, 1, 1, 100], [1, 'B', 'x', 1, 1, 1, 100]]), cell: 'A3' },
  'numbering-gap': { sheets: one([REPORT_HEADER, [1, 'A', 'x', 1, 1, 1, 100], [3, 'B', 'x', 1, 1, 1, 100]]), cell: 'A3' },
  'targets-empty': {
    sheets: one([
      ['Д/д', 'Арга хэмжээ', 'Шалгуур үзүүлэлт', 'Суурь түвшин', 'Хүрэх түвшин', 'Хугацаа'],
      [1, 'Сургалт зохион байгуулах', 'Сургалтын тоо', 2, null, 'I улирал'],
      [2, 'Тайлан гаргах', 'Тайлангийн тоо', 1, null, 'II улирал'],
    ]),
    cell: 'E1',
  },
  'plan-item-missing': { sheets: copied([G1, I1, G2, I3]), plan: PLAN, cell: 'A5' },
  'item-not-in-plan': { sheets: copied([G1, I1, I2, [4, 'Цахим үйлчилгээ нэвтрүүлэх', 'Тоо', 0, 1, 1, 100], G2, I3]), plan: PLAN, cell: 'B5' },
  'plan-target-changed': { sheets: copied([G1, [1, 'Сургалт зохион байгуулах', 'Сургалтын тоо', 2, 5, 5, 100], I2, G2, I3]), plan: PLAN, cell: 'E3' },
  'plan-baseline-changed': { sheets: copied([G1, [1, 'Сургалт зохион байгуулах', 'Сургалтын тоо', 3, 4, 4, 100], I2, G2, I3]), plan: PLAN, cell: 'D3' },
  'plan-item-moved': { sheets: copied([G1, I1, G2, I2, I3]), plan: PLAN, cell: 'A5' },
};

const placeholders = (t: string) => [...t.matchAll(/\{(\w+)(?=[#}])/g)].map((m) => m[1]).sort();

describe('the finding registry', () => {
  it.each(FINDING_CODES)('%s has a severity, a description and both languages of every message, with the same placeholders', (code) => {
    const spec = FINDINGS[code];
    expect(['error', 'warning', 'info']).toContain(spec.severity);
    expect(spec.description.mn.length).toBeGreaterThan(5);
    expect(spec.description.en.length).toBeGreaterThan(5);
    const messages = Object.values(spec.messages) as { mn: string; en: string }[];
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) {
      expect(m.mn.length).toBeGreaterThan(10);
      expect(m.en.length).toBeGreaterThan(10);
      expect(placeholders(m.mn)).toEqual(placeholders(m.en));
    }
  });

  it.each(FINDING_CODES)('%s fires on its example, where the example says, with its messages filled', (code) => {
    const ex = FIRES[code];
    const analysis = ex.plan ? analyzeAgainstPlan(ex.sheets(), ex.plan(), { profileId: ex.profileId }).analysis : analyzeWorkbook(ex.sheets(), { profileId: ex.profileId });
    const found = analysis.findings.filter((f) => f.code === code);
    expect(found.map((f) => f.cell)).toContain(ex.cell);
    for (const f of found) {
      expect(f.message.mn).not.toMatch(/\{\w+\}/);
      expect(f.message.en).not.toMatch(/\{\w+\}/);
    }
  });

  it("the README's table is the one generated from the registry (npm run docs:findings)", () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const start = readme.indexOf(README_START);
    const end = readme.indexOf(README_END);
    expect(start).toBeGreaterThan(0);
    expect(readme.slice(start, end + README_END.length)).toBe(findingsReadmeTable());
    for (const code of FINDING_CODES) expect(readme).toContain(`| \`${code}\` |`);
  });

  it('docs/findings.md lists every code with its messages', () => {
    const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'findings.md'), 'utf8');
    for (const code of FINDING_CODES) expect(doc).toContain(`## \`${code}\``);
  });
});
