// How many bytes of JSON (UTF-8) a value makes, as Excel's request and
// response limits count them — a step at a time for long arrays, so the
// page's sliced syncs (excel.ts) never hold its thread while counting a
// 20,000-row write. The same count as utf8Length(JSON.stringify(value)).

import { utf8Length } from '../core';

/** Arrays longer than this are counted an element at a time. */
const LONG = 256;

const isPlain = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;

/** utf8Length(JSON.stringify(value)), yielding every LONG elements of a long array (JSON's "null" for what it leaves out of an array). */
export function* jsonBytes(value: unknown): Generator<unknown, number> {
  if (Array.isArray(value) && value.length > LONG) {
    let n = 2 + value.length - 1;
    for (let i = 0; i < value.length; i++) {
      n += yield* jsonBytes(value[i] === undefined || typeof value[i] === 'function' || typeof value[i] === 'symbol' ? null : value[i]);
      if (i % LONG === LONG - 1) yield i;
    }
    return n;
  }
  if (isPlain(value) && typeof value.toJSON !== 'function' && Object.values(value).some((v) => Array.isArray(v) && v.length > LONG)) {
    let n = 2;
    let first = true;
    for (const [k, v] of Object.entries(value)) {
      // JSON leaves out what it cannot write in an object.
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
      n += (first ? 0 : 1) + utf8Length(JSON.stringify(k)) + 1 + (yield* jsonBytes(v));
      first = false;
    }
    return n;
  }
  return utf8Length(JSON.stringify(value) ?? 'null');
}

/** jsonBytes in one go. */
export function jsonBytesNow(value: unknown): number {
  const steps = jsonBytes(value);
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
  }
}
