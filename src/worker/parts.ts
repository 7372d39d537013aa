// Large messages between a page and its worker, in parts. A message is
// copied (structured clone) in one go on each side: a 20,000-row sheet going
// to the worker, or the evaluation sheet's 20,000 rows of writes coming back,
// held the page's thread for over 100 ms each way. So every array of more
// than PART_ITEMS elements in a message travels on its own, PART_ITEMS at a
// time, each part a message of its own (a task of its own to read), and the
// message itself carries a placeholder where the array was; the receiver
// puts the arrays back before it hands the message on. Only arrays and
// plain objects are looked into (not the elements of an array sent in
// parts): typed arrays, buffers and anything else go as they are.

/** Elements per part: a part of sheet rows or cell writes takes a few milliseconds to copy. */
export const PART_ITEMS = 2000;

/** Where an array sent in parts was: its number among the message's parts. */
const PLACEHOLDER = '__unelgeeParts';

/** One part of an array: the message it belongs to, which array, its elements in order. */
export interface PartMessage {
  id: number;
  type: 'part';
  part: number;
  items: unknown[];
}

export const isPart = (m: unknown): m is PartMessage => typeof m === 'object' && m !== null && (m as PartMessage).type === 'part';

/** An object literal (of any realm: a structured clone in a test's sandbox has another Object.prototype), not a class's instance. */
function isPlain(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * The message with each long array replaced by a placeholder, and the parts
 * to send before it (in order). A message with no long array comes back as
 * it was, with no part.
 */
export function splitMessage<T>(id: number, message: T, limit = PART_ITEMS): { message: T; parts: PartMessage[] } {
  const parts: PartMessage[] = [];
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      if (value.length > limit) {
        const part = parts.length ? parts[parts.length - 1].part + 1 : 0;
        for (let i = 0; i < value.length; i += limit) parts.push({ id, type: 'part', part, items: value.slice(i, i + limit) });
        return { [PLACEHOLDER]: part };
      }
      let copy: unknown[] | null = null;
      value.forEach((item, i) => {
        const walked = walk(item);
        if (walked !== item) (copy ??= value.slice())[i] = walked;
      });
      return copy ?? value;
    }
    if (isPlain(value)) {
      let copy: Record<string, unknown> | null = null;
      for (const key of Object.keys(value)) {
        const walked = walk(value[key]);
        if (walked !== value[key]) (copy ??= { ...value })[key] = walked;
      }
      return copy ?? value;
    }
    return value;
  };
  return { message: walk(message) as T, parts };
}

/** The parts received so far, by message id. */
export class PartsInbox {
  private readonly byId = new Map<number, Map<number, unknown[][]>>();

  /** Keeps a part until its message comes. */
  add(received: PartMessage): void {
    let arrays = this.byId.get(received.id);
    if (!arrays) this.byId.set(received.id, (arrays = new Map()));
    const chunks = arrays.get(received.part);
    if (chunks) chunks.push(received.items);
    else arrays.set(received.part, [received.items]);
  }

  /** The message with its arrays put back (the parts it had are then forgotten). */
  assemble<T>(id: number, message: T): T {
    const arrays = this.byId.get(id);
    if (!arrays) return message;
    this.byId.delete(id);
    const walk = (value: unknown): unknown => {
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) value[i] = walk(value[i]);
        return value;
      }
      if (isPlain(value)) {
        if (typeof value[PLACEHOLDER] === 'number' && Object.keys(value).length === 1) return ([] as unknown[]).concat(...(arrays.get(value[PLACEHOLDER] as number) ?? []));
        for (const key of Object.keys(value)) value[key] = walk(value[key]);
      }
      return value;
    };
    return walk(message) as T;
  }

  /** Forgets the parts of a message that will not come (its sender failed). */
  drop(id: number): void {
    this.byId.delete(id);
  }
}
