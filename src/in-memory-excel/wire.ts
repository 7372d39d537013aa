// What a sync puts on the wire, built as office-js builds it, so the fake
// counts the bytes Excel on the web counts against its 5 MB limits
// (src/in-memory-excel/api.ts, PAYLOAD_LIMIT).
//
// The request is the body office-js sends (excel-web-16.00.debug.js,
// ClientRequest.buildRequestMessageBodyAndRequestFlags, sent as
// JSON.stringify(requestMessage.Body) by RichApiMessageUtility):
//   {"Actions":[…],"ObjectPaths":{"1":{…},…}}
// - every proxy is an object path: the root workbook (ObjectPathType 1), a
//   property such as `worksheets` or `format` (4, no arguments), a method
//   that returns an object such as getRangeByIndexes (3, its arguments), an
//   indexer such as worksheets.getItem(name) (5, Name "");
// - each path referenced in a request is instantiated in it once
//   (ActionType 1), its parents first (ClientRequestBase.ensureInstantiateObjectPath);
// - a load is a query (2, QueryInfo.Select), a method call 3, a property set
//   4 (ArgumentInfo.Arguments [value]); an object passed as an argument goes
//   as its path's id, with ReferencedObjectPathIds;
// - ids come from one counter per request context (context._nextId());
// - "L" on an action lists the paths whose last use it is
//   (ClientRequestBase._calculateLastUsedObjectPathIds).
// The test test/excel/wire.test.ts builds the same batches with office-js
// itself and compares.
//
// The response is a body office-js reads (ClientRequestBase.processResponse):
//   {"Results":[{"ActionId":9,"Value":{"Values":[[…]],"Address":"…"}},…]}
// with a result for each query (the loaded properties, PascalCase, as
// Range.prototype._handleResult reads them; a collection's items under
// "_Items"), each method that returns a value, and each instantiation of a
// path that may be a null object (an *OrNullObject method; null when it is
// one). office-js does not ship the host's side: this is the least the host
// must send for office-js to read what was asked.

import { utf8Length } from '../core';

/** ObjectPathType: 1 the root (workbook), 3 a method returning an object, 4 a property, 5 an indexer. */
export type PathType = 1 | 3 | 4 | 5;

export class WirePath {
  readonly id: number;
  constructor(
    ids: WireIds,
    readonly type: PathType,
    readonly name: string,
    readonly parent: WirePath | null,
    readonly args: unknown[] | null,
    /** Object paths passed as arguments (getIntersectionOrNullObject(range), charts.add(type, range)). */
    readonly argPaths: WirePath[] = [],
    /** The method may answer a null object: its instantiation gets a result. */
    readonly nullable = false,
  ) {
    this.id = ids.next();
  }

  /** The path as office-js writes it in ObjectPaths. */
  json(): Record<string, unknown> {
    const out: Record<string, unknown> = { Id: this.id, ObjectPathType: this.type, Name: this.name };
    if (this.parent) out.ParentObjectPathId = this.parent.id;
    if (this.args) out.ArgumentInfo = argumentInfo(this.args);
    return out;
  }
}

/** A client object passed as an argument. */
interface PathArgument {
  wirePath: WirePath;
}

function isPathArgument(value: unknown): value is PathArgument {
  return typeof value === 'object' && value !== null && (value as PathArgument).wirePath instanceof WirePath;
}

/** Arguments as office-js sets them (Utility.setMethodArguments): an object as its path's id, with ReferencedObjectPathIds. */
function argumentInfo(args: unknown[]): Record<string, unknown> {
  const paths = args.map((argument) => (isPathArgument(argument) ? argument.wirePath.id : 0));
  const out: Record<string, unknown> = { Arguments: args.map((argument) => (isPathArgument(argument) ? argument.wirePath.id : argument === undefined ? null : argument)) };
  if (paths.some((p) => p !== 0)) out.ReferencedObjectPathIds = paths;
  return out;
}

export function pathsOf(args: unknown[]): WirePath[] {
  return args.filter(isPathArgument).map((a) => a.wirePath);
}

export class WireIds {
  private last = 0;
  next(): number {
    return ++this.last;
  }
}

/** ActionType: 1 instantiate, 2 query, 3 method, 4 set a property. */
type ActionType = 1 | 2 | 3 | 4;

export interface WireAction {
  id: number;
  type: ActionType;
  name: string;
  path: WirePath;
  args?: unknown[];
  select?: string[];
}

/** One request being built: its actions, and which paths it has instantiated. */
export class WireRequest {
  readonly actions: WireAction[] = [];
  private readonly instantiated = new Set<WirePath>();
  constructor(private readonly ids: WireIds) {}

  /** Instantiates a path (its parents and argument paths first) unless this request did; returns the actions added. */
  ensure(path: WirePath | null): WireAction[] {
    if (!path || this.instantiated.has(path)) return [];
    const before = [...this.ensure(path.parent), ...path.argPaths.flatMap((p) => this.ensure(p))];
    this.instantiated.add(path);
    const action: WireAction = { id: this.ids.next(), type: 1, name: '', path };
    this.actions.push(action);
    return [...before, action];
  }

  /** An action on a path (its path instantiated first). */
  act(type: 2 | 3 | 4, path: WirePath, name: string, detail: { args?: unknown[]; select?: string[] } = {}): WireAction {
    const id = this.ids.next();
    this.ensure(path);
    for (const argument of pathsOf(detail.args ?? [])) this.ensure(argument);
    const action: WireAction = { id, type, name, path, ...detail };
    this.actions.push(action);
    return action;
  }

  /** The request's body as office-js sends it. */
  body(): { Actions: Record<string, unknown>[]; ObjectPaths: Record<string, Record<string, unknown>> } {
    const referenced = new Map<number, WirePath>();
    const refer = (path: WirePath | null): void => {
      for (let at = path; at && !referenced.has(at.id); at = at.parent) {
        referenced.set(at.id, at);
        for (const argument of at.argPaths) refer(argument);
      }
    };
    // The last action that uses each path (or one of its children, or passes it as an argument).
    const lastUse = new Map<number, number>();
    const claim = (path: WirePath | null, actionId: number): void => {
      for (let at = path; at && !lastUse.has(at.id); at = at.parent) {
        lastUse.set(at.id, actionId);
        for (const argument of at.argPaths) claim(argument, actionId);
      }
    };
    for (let i = this.actions.length - 1; i >= 0; i--) {
      const action = this.actions[i];
      claim(action.path, action.id);
      for (const argument of pathsOf(action.args ?? [])) claim(argument, action.id);
    }
    const lastOf = new Map<number, number[]>();
    for (const [pathId, actionId] of lastUse) {
      const list = lastOf.get(actionId) ?? [];
      list.push(pathId);
      lastOf.set(actionId, list);
    }
    const actions = this.actions.map((action) => {
      refer(action.path);
      for (const argument of pathsOf(action.args ?? [])) refer(argument);
      const out: Record<string, unknown> = { Id: action.id, ActionType: action.type, Name: action.name, ObjectPathId: action.path.id };
      if (action.type === 3 || action.type === 4) out.ArgumentInfo = argumentInfo(action.args ?? []);
      if (action.type === 2) out.QueryInfo = { Select: action.select ?? [] };
      const last = lastOf.get(action.id);
      if (last) out.L = last.sort((x, y) => x - y);
      return out;
    });
    const objectPaths: Record<string, Record<string, unknown>> = {};
    for (const id of [...referenced.keys()].sort((x, y) => x - y)) objectPaths[String(id)] = referenced.get(id)!.json();
    return { Actions: actions, ObjectPaths: objectPaths };
  }

  /** UTF-8 bytes of the body (what Excel on the web counts). */
  bytes(): number {
    return utf8Length(JSON.stringify(this.body()));
  }
}

/** "values" → "Values": the name office-js gives a property or method on the wire and in results. */
export function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export interface WireResult {
  ActionId: number;
  Value: unknown;
}

/** UTF-8 bytes of a response body carrying these results. */
export function responseBytes(results: WireResult[]): number {
  return utf8Length(JSON.stringify({ Results: results }));
}
