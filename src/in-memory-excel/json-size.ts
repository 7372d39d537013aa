// How many bytes of JSON (UTF-8) a value makes, as Excel's request and
// response limits count them — a step at a time for long arrays, so the
// page's sliced syncs (request-context.ts) never hold its thread while counting a
// 20,000-row write. The same count as utf8Length(JSON.stringify(value)).

import { utf8Length } from '../core';

/** Arrays longer than this are counted an element at a time. */
const LONG = 256;

const isPlain = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;

/** Containers looked into for a long array: a request's or response's envelope holds its arrays a few levels down. */
const DEPTH = 6;

/** A long array, or a plain object or array holding one within `depth` levels. */
function holdsLong(value: unknown, depth: number): boolean {
  if (Array.isArray(value)) {
    if (value.length > LONG) return true;
  } else if (!isPlain(value) || typeof value.toJSON === 'function') return false;
  if (depth <= 0) return false;
  const inside = Array.isArray(value) ? value : Object.values(value);
  for (let i = 0; i < inside.length; i++) {
    const item: unknown = inside[i];
    if (typeof item === 'object' && item !== null && holdsLong(item, depth - 1)) return true;
  }
  return false;
}

/** What JSON writes for an array's element or an object's value: undefined for what it leaves out (an object's) or writes as null (an array's). */
const unwritable = (x: unknown) => x === undefined || typeof x === 'function' || typeof x === 'symbol';

/**
 * utf8Length(JSON.stringify(value)), yielding every LONG elements of a long
 * array — one at the top, or inside the objects and arrays around it (a
 * request's actions, a response's results).
 */
export function* jsonBytes(value: unknown, depth = DEPTH): Generator<unknown, number> {
  if (!holdsLong(value, depth)) return utf8Length(JSON.stringify(value) ?? 'null');
  if (Array.isArray(value)) {
    let bytes = 2 + Math.max(0, value.length - 1);
    for (let i = 0; i < value.length; i++) {
      bytes += yield* jsonBytes(unwritable(value[i]) ? null : value[i], depth - 1);
      if (i % LONG === LONG - 1) yield i;
    }
    return bytes;
  }
  let bytes = 2;
  let first = true;
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    // JSON leaves out what it cannot write in an object.
    if (unwritable(inner)) continue;
    bytes += (first ? 0 : 1) + utf8Length(JSON.stringify(key)) + 1 + (yield* jsonBytes(inner, depth - 1));
    first = false;
  }
  return bytes;
}

/** jsonBytes in one go. */
export function jsonBytesNow(value: unknown): number {
  const steps = jsonBytes(value);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
