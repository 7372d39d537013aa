// The roll-up as the page shows it: the worker sends the file's bytes and
// how the workbook looks (rollup-look.ts: widths, bold headers, links,
// chart — what the reader does not read); the page opens the bytes as any
// workbook and puts the look back on the fake Excel (rollup-view.ts), with
// the file's results for the formulas the fake cannot evaluate (RANK,
// COUNTIF, SUMPRODUCT), so the sheet view shows ranks, not #NAME?.
import { promises as fs } from 'fs';
import { BookClient } from '../../src/preview/book';
import { bookHandlers } from '../../src/preview/book-handlers';
import { buildFake } from '../../src/preview/load';
import { dressRollup, keepFileResults } from '../../src/preview/rollup-view';
import { WorkerClient } from '../../src/worker/client';
import { columnIndex } from '../../src/core';
import { FIXTURE_NAMES, fixturePath } from '../support/fixtures';
import { ROLLUP_CELLS } from '../support/layout-cells';
import { FakeWorker } from '../worker/fake-worker';

const immediately = () => Promise.resolve();

async function rolledUp() {
  const book = new BookClient(new WorkerClient(() => new FakeWorker(bookHandlers())));
  const files = await Promise.all(FIXTURE_NAMES.map(async (n) => ({ name: `${n}.xlsx`, bytes: new Uint8Array(await fs.readFile(fixturePath(n))) })));
  const answer = await book.rollup(files, { profileId: 'practice', lang: 'mn' });
  const opened = await book.open(answer.bytes!.slice());
  return { answer, opened, fake: await buildFake(opened, {}, immediately) };
}

describe('the roll-up in the sheet view', () => {
  it('the worker sends its look: widths, the bold header row, a link per file row, the chart of the units', async () => {
    const { answer } = await rolledUp();
    const [rollup, findings, notRead] = answer.look!;
    expect([rollup.name, findings.name, notRead.name]).toEqual(['Нэгтгэл', 'Алдаа, дутуу', 'Уншигдаагүй']);
    expect(rollup.columnWidths.length).toBeGreaterThan(10);
    // Row 5 (0-based 4) is the header: bold in every column it names.
    expect(rollup.bold.filter(([row]) => row === 4).length).toBeGreaterThan(10);
    expect(rollup.links.map((l) => l.target).sort()).toEqual([...FIXTURE_NAMES.map((n) => `${n}.xlsx`), 'report-2024-aimag-admin-dept.xlsx', 'report-2025-h1-consulting-unit.xlsx'].sort());
    expect(rollup.chart).toMatchObject({ categories: expect.stringMatching(/^T\d+:T\d+$/), values: expect.stringMatching(/^U\d+:U\d+$/) });
  });

  it('without the look and the file\'s results the fake shows #NAME? for the ranks and plain text for the links; with them, ranks, links, widths, bold and the chart', async () => {
    const { answer, opened, fake } = await rolledUp();
    const sheet = fake.model.byName('Нэгтгэл')!;
    // A6: =IF(K6="","",RANK(K6,K$6:K$7)), the first unit's rank.
    expect(sheet.get(5, 0)?.f).toMatch(/RANK\(/);
    expect(fake.model.value(sheet, 5, 0)).toBe('#NAME?');
    expect(sheet.get(5, 0)?.v ?? null).toBeNull();
    expect(sheet.get(5, 5)?.link ?? null).toBeNull();
    expect(sheet.widths.size).toBe(0);

    dressRollup(fake, answer.look!);
    keepFileResults(fake, opened);
    // The file's result kept beside the formula (the sheet view shows it where the fake says #NAME?).
    expect(sheet.get(5, ROLLUP_CELLS.col('rank'))).toMatchObject({ v: 1 });
    expect(sheet.get(5, ROLLUP_CELLS.col('rank'))?.f).toMatch(/RANK\(/);
    expect(sheet.get(5, ROLLUP_CELLS.col('file'))?.link).toMatch(/\.xlsx$/);
    expect(sheet.get(4, ROLLUP_CELLS.col('label'))?.b).toBe(true);
    expect(sheet.widths.get(ROLLUP_CELLS.col('label'))).toBeGreaterThan(100);
    const oneColumn = /^'Нэгтгэл'!([A-Z]+)(\d+):\1\d+$/;
    expect(sheet.charts).toEqual([expect.objectContaining({ type: 'ColumnClustered', source: expect.stringMatching(oneColumn), xValues: expect.stringMatching(oneColumn), legend: false })]);
    // Beside the table: the labels, then the figures.
    const [, figures, from] = oneColumn.exec(sheet.charts[0].source)!;
    const [, labels] = oneColumn.exec(sheet.charts[0].xValues!)!;
    expect(columnIndex(labels)).toBeGreaterThan(ROLLUP_CELLS.layout.length);
    expect(columnIndex(figures)).toBe(columnIndex(labels) + 1);
    // The chart's figures are the units' averages, which the fake computes from the links on the sheet.
    expect(typeof fake.model.value(sheet, Number(from) - 1, columnIndex(figures))).toBe('number');
  });
});
