// The fake Excel on the web page (sliceMs): a large read or write lets the
// page's other work in between its steps and does exactly what it does in
// one go; a formula's result is kept until the next change (and only then);
// the request and response are counted as the limits count them.

import { FakeExcel, type FakeRequestContext } from '../../src/in-memory-excel/excel';
import { jsonBytes, jsonBytesNow } from '../../src/in-memory-excel/json-size';
import { utf8Length } from '../../src/core';

const ROWS = 3000;

/** A report of ROWS percents and an evaluation-like sheet linking each and averaging them. */
function linked(sliceMs?: number): FakeExcel {
  return new FakeExcel(
    {
      sheets: [
        { name: 'Тайлан', values: Array.from({ length: ROWS }, (_, r) => [r + 1, (r % 10) * 10]), merges: [] },
        { name: 'Үнэлгээ', values: [], merges: [] },
      ],
    },
    sliceMs === undefined ? {} : { sliceMs },
  );
}

/** Writes the links and their mean, then reads every value back. */
async function linkAndRead(fake: FakeExcel): Promise<unknown[][]> {
  return fake.run(async (context: FakeRequestContext) => {
    const ws = context.workbook.worksheets.getItem('Үнэлгээ');
    ws.getRange(`A1:A${ROWS}`).formulas = Array.from({ length: ROWS }, (_, r) => [`=Тайлан!B${r + 1}*2`]);
    ws.getRange(`B1:B${ROWS}`).formulas = Array.from({ length: ROWS }, () => [`=AVERAGE(A1:A${ROWS})`]);
    ws.getRange(`A1:B${ROWS}`).format.borders.getItem('InsideHorizontal').style = 'Continuous';
    const read = ws.getRange(`A1:B${ROWS}`);
    read.load('values');
    await context.sync();
    return read.values as unknown[][];
  });
}

describe('a sliced sync', () => {
  it('gives way to other tasks during a large write and read, and ends as the sync in one go does', async () => {
    const inOneGo = await linkAndRead(linked());
    const sliced = linked(1);
    let tasks = 0;
    const ticking = setInterval(() => tasks++, 0);
    const read = await linkAndRead(sliced);
    clearInterval(ticking);
    expect(read).toEqual(inOneGo);
    expect(read[0]).toEqual([0, 90]);
    expect(tasks).toBeGreaterThan(2);
    expect(sliced.model.byName('Үнэлгээ')!.get(10, 0)!.border).toEqual({ top: 'Continuous Thin', bottom: 'Continuous Thin' });
  });
});

describe("a formula's result", () => {
  it('is kept until the next change, then computed afresh', async () => {
    const fake = linked();
    await linkAndRead(fake);
    const report = fake.model.byName('Тайлан')!;
    const evaluation = fake.model.byName('Үнэлгээ')!;
    expect(fake.model.value(evaluation, 0, 1)).toBe(90);
    report.edit(0, 1, (e) => (e.v = 100));
    expect(fake.model.value(evaluation, 0, 0)).toBe(200);
    expect(fake.model.value(evaluation, 0, 1)).toBeCloseTo(90 + 200 / ROWS, 9);
  });

  it('is not kept from a circular reference (it depends on where the evaluation began)', () => {
    const fake = new FakeExcel({ sheets: [{ name: 'S', values: [], merges: [] }] });
    const s = fake.model.byName('S')!;
    s.edit(0, 0, (e) => (e.f = '=B1+1'));
    s.edit(0, 1, (e) => (e.f = '=A1+1'));
    const a = fake.model.value(s, 0, 0);
    const b = fake.model.value(s, 0, 1);
    expect([a, b]).toEqual([fake.model.value(s, 0, 0), fake.model.value(s, 0, 1)]);
    expect(String(b)).toMatch(/^#/);
  });
});

describe('the JSON bytes of a request or response', () => {
  it('are what utf8Length(JSON.stringify(…)) counts, long arrays (at the top or inside an envelope) counted a step at a time', () => {
    const values: unknown[] = [
      { set: 'values', v: Array.from({ length: 700 }, (_, r) => [r, 'Хувь 😀', null, r % 2 ? 0.5 : '']) },
      Array.from({ length: 600 }, (_, i) => (i % 3 === 0 ? undefined : { a: i, skip: undefined })),
      { load: ['values'], rows: Array.from({ length: 300 }, () => 'ө'), f: () => 1, n: null },
      'plain',
      42,
      // A response as the fake counts it: the long array a few levels down, in its results' envelope.
      { Results: [{ ActionId: 3, Value: { Values: Array.from({ length: 900 }, (_, r) => [r, 'ө']) } }, { ActionId: 4, Value: null }] },
      [],
      {},
    ];
    for (const v of values) {
      expect(jsonBytesNow(v)).toBe(utf8Length(JSON.stringify(v)));
      let steps = 0;
      const it = jsonBytes(v);
      while (!it.next().done) steps++;
      if (v === values[0] || v === values[5]) expect(steps).toBeGreaterThan(1);
    }
  });
});
