// Large messages in parts (src/worker/parts.ts): long arrays travel on their
// own, a part at a time, and come back in place; small messages go as they
// are; a page and its worker (the FakeWorker: structuredClone both ways)
// exchange a 20,000-row sheet and a 20,000-row answer intact, each crossing
// in many messages.

import { PART_ITEMS, PartsInbox, isPart, splitMessage } from '../../src/worker/parts';
import { WorkerClient } from '../../src/worker/client';
import type { Sheet } from '../../src/core';
import { FakeWorker } from './fake-worker';

const bigSheet = (rows: number): Sheet => ({
  name: 'Тайлан',
  startRow: 0,
  startCol: 0,
  values: Array.from({ length: rows }, (_, r) => [r + 1, `арга хэмжээ ${r}`, r % 3 === 0 ? null : 90]),
  numberFormats: Array.from({ length: rows }, () => [null, null, '0%']),
  merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
});

describe('splitMessage and PartsInbox', () => {
  it('puts every long array back where it was, nested or not, through a structured clone', () => {
    const message = { id: 7, kind: 'analyze', sheets: [bigSheet(5000), bigSheet(10)], options: { list: Array.from({ length: 4500 }, (_, i) => ({ i })) } };
    const { message: sent, parts } = splitMessage(7, message);
    // values and numberFormats of the big sheet, and the options' list: three arrays, in parts of PART_ITEMS.
    expect(new Set(parts.map((p) => p.part))).toEqual(new Set([0, 1, 2]));
    expect(parts.every((p) => p.items.length <= PART_ITEMS && isPart(p))).toBe(true);
    expect(JSON.stringify(sent).length).toBeLessThan(5000);
    const inbox = new PartsInbox();
    for (const p of parts) inbox.add(structuredClone(p));
    expect(inbox.assemble(7, structuredClone(sent))).toEqual(message);
  });

  it('leaves a message without long arrays as it is (the same object), and typed arrays alone', () => {
    const small = { id: 1, kind: 'open', bytes: new Uint8Array(100_000), rows: [[1, 2]] };
    const { message, parts } = splitMessage(1, small);
    expect(message).toBe(small);
    expect(parts).toEqual([]);
    expect(new PartsInbox().assemble(1, small)).toBe(small);
  });

  it('never changes the message it was given', () => {
    const message = { rows: Array.from({ length: 3000 }, (_, i) => i) };
    splitMessage(1, message);
    expect(message.rows).toHaveLength(3000);
  });
});

describe('a page and its worker', () => {
  it('send a 20,000-row sheet and get a 20,000-row answer back whole, each in many messages', async () => {
    const worker = new FakeWorker({
      echo: (request) => {
        const sheet = (request.sheets as Sheet[])[0];
        return { rows: sheet.values.length, writes: sheet.values.map((row, r) => ({ row: r, col: 2, value: row[2] })) };
      },
    });
    const client = new WorkerClient(() => worker);
    const received: unknown[] = [];
    worker.addEventListener('message', (e) => received.push(e.data));
    const sheet = bigSheet(20000);
    const answer = await client.call<{ rows: number; writes: { row: number; value: unknown }[] }>('echo', { sheets: [sheet] });
    expect(answer.rows).toBe(20000);
    expect(answer.writes).toHaveLength(20000);
    expect(answer.writes[19999]).toEqual({ row: 19999, col: 2, value: 90 });
    // To the worker: the rows and their formats in parts, then the request; back: the writes in parts, then the answer.
    expect(worker.sent.filter(isPart)).toHaveLength(2 * Math.ceil(20000 / PART_ITEMS));
    expect(received.filter(isPart)).toHaveLength(Math.ceil(20000 / PART_ITEMS));
  });
});
