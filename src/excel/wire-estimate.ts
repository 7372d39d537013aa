// How many bytes an operation puts in a request, counted as office-js
// builds requests (the fake's src/in-memory-excel/wire.ts says how, and test/excel/
// wire.test.ts holds both to office-js's own build): every object an
// operation reaches is an object path of its own — a property such as
// `format` or `fill`, a method's object such as getRangeByIndexes(…) — and
// is instantiated once in the request; each property set, method call or
// load is an action; each carries its arguments. For a batch of many small
// operations that envelope, not the data, is most of the request (5,000
// scattered value-and-fill writes: about 900 bytes each, 80 of them data).
//
// The operation is queued once on a recording batch: a stand-in for the
// request context that records what is reached, set, called and loaded,
// without Excel. Ids are counted at six digits (office-js numbers paths
// and actions from 1 per context; an action on 20,000 rows stays under a
// million). A method whose result is used again is counted as an object
// path; one that returns nothing as an action: the recorder cannot tell
// which until it is used, so it counts the larger (a path and its
// instantiation) — an estimate a little above the wire, never below.

import { utf8Length } from '../core';

/** A six-digit id: office-js's counter stays below a million in any one action. */
const ID = '123456';

/** The bytes of an object path entry ("123456":{…},) with this name and these arguments' JSON. */
function pathBytes(name: string, argsJson: string | null): number {
  const args = argsJson === null ? '' : `,"ArgumentInfo":{"Arguments":${argsJson}}`;
  return utf8Length(`"${ID}":{"Id":${ID},"ObjectPathType":3,"Name":"${name}","ParentObjectPathId":${ID}${args}},`) + L_ENTRY;
}

/** An instantiate action, and the path's id in some action's "L". */
const INSTANTIATE = utf8Length(`{"Id":${ID},"ActionType":1,"Name":"","ObjectPathId":${ID}},`);
const L_ENTRY = ID.length + 1;
/** An action's own "L" list, when it closes some paths. */
const L_LIST = utf8Length(',"L":[]');

function actionBytes(name: string, detail: string): number {
  return utf8Length(`{"Id":${ID},"ActionType":4,"Name":"${name}","ObjectPathId":${ID}${detail}},`) + L_LIST;
}

/** A value as it goes in an argument list: objects the operation made are sent as their path's id. */
function argsJson(args: unknown[]): string {
  return JSON.stringify(args.map((a) => (isNode(a) ? Number(ID) : a === undefined ? null : a)));
}

const NODE = Symbol('recorded object');

interface RecordedNode {
  [NODE]: true;
}

function isNode(value: unknown): value is RecordedNode {
  return (typeof value === 'function' || typeof value === 'object') && value !== null && NODE in value;
}

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** Records what operations queue, as request bytes. */
class WireRecorder {
  bytes = 0;

  /** A stand-in for an office-js object: every property an object, every call counted. */
  node(name: string, argsOf: string | null, counted: boolean): unknown {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const recorder = this;
    let mine = counted;
    const children = new Map<PropertyKey, unknown>();
    const count = () => {
      if (mine) return;
      mine = true;
      recorder.bytes += pathBytes(name, argsOf) + INSTANTIATE;
    };
    const target = function recorded() {
      return undefined;
    };
    const self: unknown = new Proxy(target, {
      has: (_t, key) => key === NODE,
      get(_t, key) {
        if (key === NODE) return true;
        if (typeof key === 'symbol' || key === 'then' || key === 'toJSON') return undefined;
        count();
        let child = children.get(key);
        if (!child) {
          child = recorder.member(key, self);
          children.set(key, child);
        }
        return child;
      },
      set(_t, key, value: unknown) {
        count();
        recorder.bytes += actionBytes(pascal(String(key)), `,"ArgumentInfo":{"Arguments":${argsJson([value])}}`);
        return true;
      },
    });
    return self;
  }

  /** A member reached on a recorded object: a property object (counted when used), or a method (counted when called). */
  private member(key: string | number, owner: unknown): unknown {
    const name = pascal(String(key));
    const asProperty = this.node(name, null, false);
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const recorder = this;
    return new Proxy(asProperty as () => unknown, {
      apply(_t, _self, args: unknown[]) {
        if (key === 'load') {
          recorder.bytes += actionBytes('', `,"QueryInfo":{"Select":${JSON.stringify(String(args[0] ?? '').split(','))}}`);
          return owner;
        }
        recorder.bytes += pathBytes(name, argsJson(args)) + INSTANTIATE;
        return recorder.node(name, argsJson(args), true);
      },
    });
  }
}

/** The request bytes of one operation's calls, queued on a recording batch whose sheets are already in the request. */
export function recordedBytes(queue: (batch: { context: unknown; sheet(name: string): unknown }) => void): number {
  const recorder = new WireRecorder();
  const context = { workbook: recorder.node('', null, true), application: recorder.node('Application', null, true) };
  const sheets = new Map<string, unknown>();
  const batch = {
    context,
    sheet(name: string): unknown {
      let sheet = sheets.get(name);
      if (!sheet) {
        sheet = recorder.node('', null, true);
        sheets.set(name, sheet);
      }
      return sheet;
    },
  };
  queue(batch);
  return recorder.bytes;
}
