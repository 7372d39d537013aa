// A tiny formula evaluator for the fake Excel: enough for what the engine
// writes (ROUND, AVERAGE, COUNT, SUM, MIN, MAX, ABS, IF, ISNUMBER, "text" & …, cell
// and range references with or without 'Sheet'!, comparisons, + - * / ^ and
// unary minus), and the reference shifting Excel does when rows are inserted
// or deleted and when a sheet is renamed. Pure TypeScript, no Node APIs.

import { columnIndex, columnLetter, type Area, type CellValue } from '../core';

type Value = number | string | boolean | null | FormulaError | RangeValue;

class FormulaError {
  constructor(readonly code: string) {}
  toString(): string {
    return this.code;
  }
}

class RangeValue {
  constructor(readonly cells: CellValue[][]) {}
}

export interface EvalHost {
  /** Values of an area on a sheet (null sheet: the formula's own); null when the sheet does not exist. */
  read(sheet: string | null, area: Area): CellValue[][] | null;
}

type Token =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'ref'; sheet: string | null; area: Area }
  | { t: 'fn'; v: string }
  | { t: 'op'; v: string }
  | { t: '('; v: '(' }
  | { t: ')'; v: ')' }
  | { t: ','; v: ',' }
  | { t: 'bool'; v: boolean }
  | { t: 'err'; v: string };

const REF = /^(?:('(?:[^']|'')+'|[A-Za-z_\u0400-\u04FF][\w.\u0400-\u04FF]*)!)?\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?(?![\w(])/;

function unquote(sheet: string): string {
  return sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === ' ') {
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = '';
      while (j < src.length) {
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j++];
      }
      out.push({ t: 'str', v: s });
      i = j + 1;
      continue;
    }
    const rest = src.slice(i);
    const num = /^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?/i.exec(rest);
    if (num) {
      out.push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    if (ch === '#') {
      const m = /^#[A-Z0-9/]+[!?]?/i.exec(rest)!;
      out.push({ t: 'err', v: m[0] });
      i += m[0].length;
      continue;
    }
    const ref = REF.exec(rest);
    if (ref) {
      const a = { row: Number(ref[3]) - 1, col: columnIndex(ref[2]) };
      const b = ref[4] ? { row: Number(ref[5]) - 1, col: columnIndex(ref[4]) } : a;
      out.push({
        t: 'ref',
        sheet: ref[1] ? unquote(ref[1]) : null,
        area: { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) },
      });
      i += ref[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
    if (word) {
      const w = word[0].toUpperCase();
      if (w === 'TRUE' || w === 'FALSE') out.push({ t: 'bool', v: w === 'TRUE' });
      else out.push({ t: 'fn', v: w });
      i += word[0].length;
      continue;
    }
    const two = rest.slice(0, 2);
    if (two === '<=' || two === '>=' || two === '<>') {
      out.push({ t: 'op', v: two });
      i += 2;
      continue;
    }
    if ('+-*/^&=<>%'.includes(ch)) {
      out.push({ t: 'op', v: ch });
      i++;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',') {
      out.push({ t: ch, v: ch } as Token);
      i++;
      continue;
    }
    if (ch === '@') {
      i++; // implicit intersection: ignore
      continue;
    }
    throw new FormulaError('#NAME?');
  }
  return out;
}

const isErr = (v: unknown): v is FormulaError => v instanceof FormulaError;

function scalar(v: Value): Exclude<Value, RangeValue> {
  if (v instanceof RangeValue) {
    const c = v.cells[0]?.[0];
    return c === undefined ? null : c;
  }
  return v;
}

function toNumber(v: Value): number | FormulaError {
  const s = scalar(v);
  if (isErr(s)) return s;
  if (s === null || s === '') return 0;
  if (typeof s === 'boolean') return s ? 1 : 0;
  if (typeof s === 'number') return s;
  const n = Number(s.trim());
  return s.trim() !== '' && Number.isFinite(n) ? n : new FormulaError('#VALUE!');
}

function toText(v: Value): string | FormulaError {
  const s = scalar(v);
  if (isErr(s)) return s;
  if (s === null) return '';
  if (typeof s === 'boolean') return s ? 'TRUE' : 'FALSE';
  if (typeof s === 'number') return String(Number(s.toPrecision(15)));
  return s;
}

function truthy(v: Value): boolean | FormulaError {
  const s = scalar(v);
  if (isErr(s)) return s;
  if (typeof s === 'string') return s === '' ? false : new FormulaError('#VALUE!');
  return Boolean(s);
}

/** Excel's ROUND: half away from zero, on the decimal the value shows. */
function excelRound(x: number, digits: number): number {
  const f = 10 ** digits;
  const shifted = Math.abs(x) * f;
  const r = Math.round(Number(shifted.toPrecision(15)));
  return (Math.sign(x) * r) / f;
}

/** Numbers AVERAGE/COUNT/SUM take: numbers in ranges (text and blanks skipped), and scalars given directly. */
function numbers(args: Value[]): number[] | FormulaError {
  const out: number[] = [];
  for (const a of args) {
    if (a instanceof RangeValue) {
      for (const row of a.cells) for (const c of row) if (typeof c === 'number') out.push(c);
      for (const row of a.cells) for (const c of row) if (typeof c === 'string' && /^#/.test(c) && /[!?A]$/.test(c)) return new FormulaError(c);
    } else if (isErr(a)) return a;
    else if (typeof a === 'number') out.push(a);
    else if (typeof a === 'boolean') out.push(a ? 1 : 0);
    else if (typeof a === 'string') {
      const n = toNumber(a);
      if (isErr(n)) return n;
      out.push(n);
    }
  }
  return out;
}

function call(name: string, args: Value[]): Value {
  switch (name) {
    case 'ROUND': {
      const x = toNumber(args[0]);
      const d = toNumber(args[1] ?? 0);
      if (isErr(x)) return x;
      if (isErr(d)) return d;
      return excelRound(x, d);
    }
    case 'AVERAGE': {
      const ns = numbers(args);
      if (isErr(ns)) return ns;
      if (ns.length === 0) return new FormulaError('#DIV/0!');
      return ns.reduce((a, b) => a + b, 0) / ns.length;
    }
    case 'COUNT': {
      let n = 0;
      for (const a of args) {
        if (a instanceof RangeValue) for (const row of a.cells) for (const c of row) n += typeof c === 'number' ? 1 : 0;
        else if (typeof a === 'number') n++;
      }
      return n;
    }
    case 'SUM': {
      const ns = numbers(args);
      return isErr(ns) ? ns : ns.reduce((a, b) => a + b, 0);
    }
    case 'MIN':
    case 'MAX': {
      const ns = numbers(args);
      if (isErr(ns)) return ns;
      if (ns.length === 0) return 0;
      return name === 'MIN' ? Math.min(...ns) : Math.max(...ns);
    }
    case 'ABS': {
      const x = toNumber(args[0]);
      return isErr(x) ? x : Math.abs(x);
    }
    case 'ISNUMBER': {
      // A number, not text that looks like one; an error is not a number.
      const a = args[0];
      return typeof (a instanceof RangeValue ? a.cells[0]?.[0] : a) === 'number';
    }
    case 'IF': {
      const c = truthy(args[0]);
      if (isErr(c)) return c;
      return c ? scalar(args[1] ?? true) : scalar(args[2] ?? false);
    }
    default:
      return new FormulaError('#NAME?');
  }
}

function compare(op: string, a: Value, b: Value): boolean | FormulaError {
  const x = scalar(a);
  const y = scalar(b);
  if (isErr(x)) return x;
  if (isErr(y)) return y;
  const norm = (v: typeof x) => (v === null ? '' : v);
  let p: string | number | boolean = norm(x);
  let q: string | number | boolean = norm(y);
  // Blank compares equal to 0 and to "".
  if (p === '' && typeof q === 'number') p = 0;
  if (q === '' && typeof p === 'number') q = 0;
  const rank = (v: string | number | boolean) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  let cmp: number;
  if (rank(p) !== rank(q)) cmp = rank(p) - rank(q);
  else if (typeof p === 'string') cmp = p.toLowerCase() < String(q).toLowerCase() ? -1 : p.toLowerCase() > String(q).toLowerCase() ? 1 : 0;
  else cmp = Number(p) - Number(q);
  switch (op) {
    case '=':
      return cmp === 0;
    case '<>':
      return cmp !== 0;
    case '<':
      return cmp < 0;
    case '>':
      return cmp > 0;
    case '<=':
      return cmp <= 0;
    default:
      return cmp >= 0;
  }
}

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly host: EvalHost,
  ) {}

  parse(): Value {
    const v = this.comparison();
    if (this.i < this.tokens.length) throw new FormulaError('#NAME?');
    return v;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private isOp(...ops: string[]): string | null {
    const t = this.peek();
    return t && t.t === 'op' && ops.includes(t.v) ? t.v : null;
  }

  private comparison(): Value {
    let left = this.concat();
    for (let op = this.isOp('=', '<>', '<', '>', '<=', '>='); op; op = this.isOp('=', '<>', '<', '>', '<=', '>=')) {
      this.i++;
      left = compare(op, left, this.concat());
    }
    return left;
  }

  private concat(): Value {
    let left = this.additive();
    while (this.isOp('&')) {
      this.i++;
      const right = this.additive();
      const a = toText(left);
      const b = toText(right);
      left = isErr(a) ? a : isErr(b) ? b : a + b;
    }
    return left;
  }

  private arith(left: Value, op: string, right: Value): Value {
    const a = toNumber(left);
    const b = toNumber(right);
    if (isErr(a)) return a;
    if (isErr(b)) return b;
    if (op === '+') return a + b;
    if (op === '-') return a - b;
    if (op === '*') return a * b;
    if (op === '^') return a ** b;
    return b === 0 ? new FormulaError('#DIV/0!') : a / b;
  }

  private additive(): Value {
    let left = this.term();
    for (let op = this.isOp('+', '-'); op; op = this.isOp('+', '-')) {
      this.i++;
      left = this.arith(left, op, this.term());
    }
    return left;
  }

  private term(): Value {
    let left = this.power();
    for (let op = this.isOp('*', '/'); op; op = this.isOp('*', '/')) {
      this.i++;
      left = this.arith(left, op, this.power());
    }
    return left;
  }

  private power(): Value {
    let left = this.unary();
    while (this.isOp('^')) {
      this.i++;
      left = this.arith(left, '^', this.unary());
    }
    return left;
  }

  private unary(): Value {
    const op = this.isOp('-', '+');
    if (op) {
      this.i++;
      const v = this.unary();
      return op === '-' ? this.arith(0, '-', v) : v;
    }
    let v = this.primary();
    while (this.isOp('%')) {
      this.i++;
      v = this.arith(v, '/', 100);
    }
    return v;
  }

  private primary(): Value {
    const t = this.tokens[this.i++];
    if (!t) throw new FormulaError('#NAME?');
    switch (t.t) {
      case 'num':
      case 'str':
      case 'bool':
        return t.v;
      case 'err':
        return new FormulaError(t.v);
      case 'ref': {
        const cells = this.host.read(t.sheet, t.area);
        return cells === null ? new FormulaError('#REF!') : new RangeValue(cells);
      }
      case '(': {
        const v = this.comparison();
        this.expect(')');
        return v;
      }
      case 'fn': {
        this.expect('(');
        const args: Value[] = [];
        if (this.peek()?.t !== ')') {
          args.push(this.comparison());
          while (this.peek()?.t === ',') {
            this.i++;
            args.push(this.comparison());
          }
        }
        this.expect(')');
        return call(t.v, args);
      }
      default:
        throw new FormulaError('#NAME?');
    }
  }

  private expect(t: '(' | ')'): void {
    if (this.tokens[this.i]?.t !== t) throw new FormulaError('#NAME?');
    this.i++;
  }
}

/** Formulas tokenized so far (a workbook repeats a few shapes; the parser only reads tokens): kept up to a bound. */
const tokenized = new Map<string, Token[]>();

function tokensOf(formula: string): Token[] {
  let tokens = tokenized.get(formula);
  if (!tokens) {
    tokens = tokenize(formula.replace(/^=/, ''));
    if (tokenized.size >= 50_000) tokenized.clear();
    tokenized.set(formula, tokens);
  }
  return tokens;
}

/** The value of a formula ("=…"), as Excel would show it: errors as their text. */
export function evaluate(formula: string, host: EvalHost): CellValue {
  let v: Value;
  try {
    v = new Parser(tokensOf(formula), host).parse();
  } catch (e) {
    if (e instanceof FormulaError) return e.code;
    throw e;
  }
  const s = scalar(v);
  if (isErr(s)) return s.code;
  if (typeof s === 'number' && !Number.isFinite(s)) return '#NUM!';
  return s;
}

// ---- references after structural changes ----------------------------------

const REF_G = /('(?:[^']|'')+'|[A-Za-z_\u0400-\u04FF][\w.\u0400-\u04FF]*)?(!?)(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?::(\$?)([A-Za-z]{1,3})(\$?)(\d+))?(?![\w(])/g;

/** Rewrites the references of a formula outside its string literals. */
function mapRefs(formula: string, f: (sheet: string | null, area: Area) => Area | null | string): string {
  const parts = formula.split(/("(?:[^"]|"")*")/);
  return parts
    .map((part, k) => {
      if (k % 2 === 1) return part; // a string literal
      return part.replace(REF_G, (whole, sheetTok: string | undefined, bang: string, d1: string, c1: string, d2: string, r1: string, d3?: string, c2?: string, d4?: string, r2?: string) => {
        if (sheetTok && !bang) return whole; // a name like LOG10, not a sheet
        const sheet = sheetTok ? unquote(sheetTok) : null;
        const a: Area = {
          top: Number(r1) - 1,
          left: columnIndex(c1),
          bottom: r2 ? Number(r2) - 1 : Number(r1) - 1,
          right: c2 ? columnIndex(c2) : columnIndex(c1),
        };
        const mapped = f(sheet, a);
        if (typeof mapped === 'string') return `${sheetTok ? `${mapped}!` : ''}${d1}${c1}${d2}${r1}${r2 ? `:${d3}${c2}${d4}${r2}` : ''}`;
        if (mapped === null) return '#REF!';
        const prefix = sheetTok ? `${sheetTok}!` : '';
        const first = `${d1}${columnLetter(mapped.left)}${d2}${mapped.top + 1}`;
        return r2 ? `${prefix}${first}:${d3}${columnLetter(mapped.right)}${d4}${mapped.bottom + 1}` : `${prefix}${first}`;
      });
    })
    .join('');
}

/**
 * A formula on sheet `home` after `count` rows were inserted (count > 0) or
 * deleted (count < 0) at row `at` of sheet `target`.
 */
export function shiftRows(formula: string, home: string, target: string, at: number, count: number): string {
  return mapRefs(formula, (sheet, a) => {
    if ((sheet ?? home) !== target) return a;
    if (count > 0) {
      return { ...a, top: a.top >= at ? a.top + count : a.top, bottom: a.bottom >= at ? a.bottom + count : a.bottom };
    }
    const n = -count;
    const last = at + n - 1;
    if (a.top >= at && a.bottom <= last) return null;
    const top = a.top > last ? a.top - n : a.top >= at ? at : a.top;
    const bottom = a.bottom > last ? a.bottom - n : a.bottom >= at ? at - 1 : a.bottom;
    return { ...a, top, bottom };
  });
}

/** A formula after sheet `from` was renamed `to` (Excel rewrites every reference to it; names compare case aside). */
export function renameSheet(formula: string, from: string, to: string): string {
  return mapRefs(formula, (sheet, a) => (sheet !== null && sheet.toLowerCase() === from.toLowerCase() ? `'${to.replace(/'/g, "''")}'` : a));
}

/** A formula after sheet `name` was deleted: Excel turns each reference to it into #REF!. */
export function dropSheet(formula: string, name: string): string {
  return mapRefs(formula, (sheet, a) => (sheet !== null && sheet.toLowerCase() === name.toLowerCase() ? null : a));
}
