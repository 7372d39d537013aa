// The base of every Excel object the fake hands out (office-js's
// ClientObject): a proxy with an object path on the wire whose properties
// are read only after load() and a sync, a method's value (ClientResult), and
// collections loaded item by item. Pure TypeScript.
//
// - properties read before load() + sync() throw PropertyNotLoaded;
//   load() without property names is refused (it would load everything);
// - acting on a null object (setting a property, calling a method) fails
//   with InvalidOperation: stricter than office-js, which ignores it, so the
//   adapter never relies on that.

import { FakeOfficeError, notLoaded } from './errors';
import type { FakeHost } from './host';
import type { OpResult, RequestContextCore, Steps } from './request-context';
import { WirePath, pascal } from './wire';

/** What load() takes: "a,b/c", a list, or { select }. */
type LoadSpec = string | string[] | { select?: string | string[] } | undefined;

/** The property paths a load names ("format/fill/color" → ["format", "fill", "color"]). */
function paths(spec: LoadSpec): string[][] {
  let list: string[];
  if (spec === undefined) list = [];
  else if (typeof spec === 'string') list = spec.split(',');
  else if (Array.isArray(spec)) list = spec;
  else list = typeof spec.select === 'string' ? spec.select.split(',') : (spec.select ?? []);
  return list.map((path) => path.trim()).filter((path) => path !== '').map((path) => path.split('/').map((part) => part.trim()));
}

/** A proxy of an Excel object: its path on the wire, its target (resolved by a sync), its loaded properties. */
export abstract class ClientObject {
  target: unknown = undefined;
  synced = false;
  /** Its object path on the wire (set when it is made: create(), property(), a collection's item). */
  wirePath!: WirePath;
  protected loaded = new Map<string, unknown>();
  constructor(readonly context: RequestContextCore) {}

  get isNullObject(): boolean {
    if (!this.synced) throw notLoaded('isNullObject');
    return this.target === null;
  }

  protected get fake(): FakeHost {
    return this.context.fake;
  }

  /** A loaded property's value; PropertyNotLoaded before load() and a sync. */
  protected loadedValue<T>(name: string): T {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as T;
  }

  /** The object this proxy stands for; acting on a null object is an error. */
  live<T>(): T {
    if (this.target === null || this.target === undefined) throw new FakeOfficeError('InvalidOperation', `${this.constructor.name} is a null object`);
    return this.target as T;
  }

  load(spec?: LoadSpec): this {
    const list = paths(spec);
    if (list.length === 0) throw new FakeOfficeError('InvalidArgument', 'load() without property names loads everything: name the properties (no-empty-load)');
    this.context.act(
      this.wirePath,
      2,
      '',
      { select: list.map((path) => path.join('/')) },
      () => {
        if (this.target === null) return { data: null, commit: () => undefined };
        const staged = list.map((path) => this.read(path));
        // The loaded properties by their wire names, as Range.prototype._handleResult reads them ("Values", "Address").
        return { data: Object.fromEntries(list.map((path, i) => [pascal(path.join('/')), staged[i].data])), commit: () => staged.forEach((read) => read.commit()) };
      },
      () => (this.target === null || this.target === undefined ? [] : this.prepareRead(list)),
    );
    return this;
  }

  /** What reading these paths would compute, a step at a time (see QueuedOp.prepare); nothing by default. */
  protected prepareRead(_paths: string[][]): Iterable<unknown> {
    return [];
  }

  /** Reads one load path now; commit() makes it visible on the proxy. */
  protected abstract read(path: string[]): OpResult;

  readPath(path: string[]): OpResult {
    return this.read(path);
  }

  protected scalar(name: string, value: unknown): OpResult {
    return { data: value, commit: () => void this.loaded.set(name, value) };
  }

  /** Queues setting a property of this object (ActionType 4: the value goes with it); `run` may do it a row at a time (Steps). */
  protected setProperty(name: string, value: unknown, run: () => Steps | void): void {
    this.context.act(this.wirePath, 4, name, { args: [value] }, () => run() ?? undefined);
  }

  /** Queues a method of this object that returns nothing (ActionType 3). */
  protected call(name: string, args: unknown[], run: () => void): void {
    this.context.act(this.wirePath, 3, name, { args }, () => {
      run();
    });
  }

  toJSON(): unknown {
    return Object.fromEntries(this.loaded);
  }
}

/** A method's answer (Excel's ClientResult): its value is there after the sync. */
export class ClientResult<T> {
  private answer: T | undefined;
  private done = false;
  /** A method of the object at `path` that answers a value (getCount, getCellProperties). */
  constructor(context: RequestContextCore, path: WirePath, method: string, args: unknown[], compute: () => T) {
    context.act(path, 3, method, { args }, () => {
      const answer = compute();
      return {
        data: answer,
        commit: () => {
          this.answer = answer;
          this.done = true;
        },
      };
    });
  }
  get value(): T {
    if (!this.done) throw notLoaded('value');
    return this.answer as T;
  }
}

/** A collection: load('items/x,items/y') (or 'x,y') loads those properties of every item. */
export abstract class CollectionObject<T extends ClientObject> extends ClientObject {
  private itemsList: T[] | null = null;

  get items(): T[] {
    if (!this.itemsList) throw notLoaded('items');
    return this.itemsList;
  }

  /** The items as they are when the load runs (null: the collection's owner is a null object). */
  protected abstract make(): T[] | null;

  override load(spec?: LoadSpec): this {
    const list = paths(spec).map((path) => (path[0] === 'items' ? path.slice(1) : path));
    if (list.length === 0 || list.some((path) => path.length === 0)) throw new FakeOfficeError('InvalidArgument', 'Name the item properties to load (no-empty-load)');
    this.context.act(this.wirePath, 2, '', { select: list.map((path) => path.join('/')) }, () => {
      const items = this.make();
      if (items === null) return { data: null, commit: () => undefined };
      items.forEach((item, i) => (item.wirePath = new WirePath(this.context.ids, 5, '', this.wirePath, [i])));
      const staged = items.map((item) => list.map((path) => item.readPath(path)));
      return {
        data: { _Items: staged.map((row) => Object.fromEntries(row.map((read, i) => [pascal(list[i].join('/')), read.data]))) },
        commit: () => {
          this.itemsList = items;
          staged.forEach((row) => row.forEach((read) => read.commit()));
        },
      };
    });
    return this;
  }

  protected read(path: string[]): OpResult {
    throw new FakeOfficeError('InvalidArgument', `Load item properties of a collection, not ${path.join('/')}`);
  }
}

/** A property object of `parent` (its own object path, made on first use, as office-js makes it). */
export function propertyObject<T extends ClientObject>(object: T, parent: WirePath, name: string): T {
  object.wirePath = object.context.property(parent, name);
  return object;
}
