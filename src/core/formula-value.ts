// What a spreadsheet computes from a formula the engine writes, over the
// sheets as they will be: the engine's own small recalculation, so it can
// tell, before writing, whether a formula will show the figure it reports.
// It knows the formulas the engine writes (ROUND, AVERAGE, COUNT, SUM, IF,
// ISNUMBER, AND, ABS; + - * / & and comparisons; cell and range references,
// on other sheets too) and Excel's rules for them: AVERAGE, COUNT and SUM
// over references count numbers only (text, logical values and blanks are
// skipped), AVERAGE and SUM fail on an error value, COUNT ignores it; a blank
// is 0 in arithmetic and "" in a comparison. Anything it cannot be sure of —
// a formula cell with no cached value, text in arithmetic, a reference to a
// sheet it does not have or to another workbook, a function it does not
// know — is UNKNOWN: such a formula cannot be shown to agree.

import { isErrorValue } from './values';
import { columnIndex, type CellValue, type Sheet } from './sheet';
import { round } from './text';

/** The result of a formula the engine cannot be sure of. */
export const UNKNOWN: unique symbol = Symbol('unknown');

interface ErrorValue {
  error: string;
}
interface RangeValue {
  sheet: Sheet;
  top: number;
  left: number;
  bottom: number;
  right: number;
}
type Scalar = number | string | boolean | null | ErrorValue;
type Value = Scalar | RangeValue | typeof UNKNOWN;

/** What a formula gives: a number, text, a logical value, an error ("#DIV/0!"), or UNKNOWN. */
export type FormulaResult = number | string | boolean | ErrorValue | typeof UNKNOWN;

const isError = (v: unknown): v is ErrorValue => typeof v === 'object' && v !== null && 'error' in v;
const isRange = (v: Value): v is RangeValue => typeof v === 'object' && v !== null && 'sheet' in v;

/** The sheets a formula may reference, by name (case-insensitive, as Excel compares them). */
export class Workbook {
  private readonly byName = new Map<string, Sheet>();
  constructor(sheets: readonly Sheet[]) {
    for (const s of sheets) this.byName.set(s.name.toLowerCase(), s);
  }
  sheet(name: string): Sheet | undefined {
    return this.byName.get(name.toLowerCase());
  }
}

/** A cell's contents as a formula reading it sees: blank (null), a value, an error, or UNKNOWN (a formula with no cached value). */
function cellAt(sheet: Sheet, row: number, col: number): Scalar | typeof UNKNOWN {
  const r = row - sheet.startRow;
  const c = col - sheet.startCol;
  const v = sheet.values[r]?.[c];
  const formula = sheet.formulas?.[r]?.[c];
  const hasFormula = typeof formula === 'string' && formula.startsWith('=');
  if (hasFormula && (v === null || v === undefined)) return UNKNOWN;
  if (v === null || v === undefined || (v === '' && !hasFormula)) return null;
  if (isErrorValue(v)) return { error: v as string };
  return v as Scalar;
}

// ---- tokens -------------------------------------------------------------------------

type Token =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'ref'; sheet: string | null; external: boolean; top: number; left: number; bottom: number; right: number }
  | { kind: 'name'; value: string }
  | { kind: 'op'; value: string };

const CELL = String.raw`\$?([A-Za-z]{1,3})\$?(\d{1,7})`;
const REF = new RegExp(`^(?:('(?:[^']|'')+'|[^\\s'!(),&=<>+\\-*/:"]+)!)?${CELL}(?::${CELL})?(?![\\w(])`);

function tokenize(formula: string): Token[] | null {
  const out: Token[] = [];
  let s = formula.replace(/^=/, '');
  while (s.length > 0) {
    const space = /^\s+/.exec(s);
    if (space) {
      s = s.slice(space[0].length);
      continue;
    }
    const ref = REF.exec(s);
    if (ref) {
      const quoted = ref[1]?.startsWith("'") ? ref[1].slice(1, -1).replace(/''/g, "'") : ref[1] ?? null;
      const a = { row: Number(ref[3]) - 1, col: columnIndex(ref[2]) };
      const b = ref[4] ? { row: Number(ref[5]) - 1, col: columnIndex(ref[4]) } : a;
      const external = quoted !== null && /^\[[^\]]*\]/.test(quoted);
      out.push({ kind: 'ref', sheet: quoted, external, top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) });
      s = s.slice(ref[0].length);
      continue;
    }
    const num = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(s);
    if (num) {
      out.push({ kind: 'number', value: Number(num[0]) });
      s = s.slice(num[0].length);
      continue;
    }
    if (s[0] === '"') {
      const m = /^"((?:[^"]|"")*)"/.exec(s);
      if (!m) return null;
      out.push({ kind: 'string', value: m[1].replace(/""/g, '"') });
      s = s.slice(m[0].length);
      continue;
    }
    const op = /^(<=|>=|<>|[-+*/&=<>(),])/.exec(s);
    if (op) {
      out.push({ kind: 'op', value: op[0] });
      s = s.slice(op[0].length);
      continue;
    }
    const name = /^[A-Za-z_][\w.]*/.exec(s);
    if (name) {
      out.push({ kind: 'name', value: name[0].toUpperCase() });
      s = s.slice(name[0].length);
      continue;
    }
    return null;
  }
  return out;
}

// ---- evaluation ---------------------------------------------------------------------

/** Thrown inside the evaluator when the result cannot be known. */
class Unknowable extends Error {}

/** A parsed formula: evaluated lazily, so the branch IF does not take is never read (a spreadsheet does not read it either). */
type Node =
  | { kind: 'literal'; value: Value }
  | { kind: 'ref'; token: Extract<Token, { kind: 'ref' }> }
  | { kind: 'binary'; op: string; left: Node; right: Node }
  | { kind: 'call'; name: string; args: Node[] };

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Node {
    const n = this.comparison();
    if (this.pos !== this.tokens.length) throw new Unknowable();
    return n;
  }

  private peekOp(...ops: string[]): string | null {
    const t = this.tokens[this.pos];
    return t?.kind === 'op' && ops.includes(t.value) ? t.value : null;
  }

  private expect(op: string): void {
    if (!this.peekOp(op)) throw new Unknowable();
    this.pos++;
  }

  /** Left-associative binary operators of one precedence level. */
  private level(ops: string[], next: () => Node): Node {
    let left = next();
    for (let op = this.peekOp(...ops); op; op = this.peekOp(...ops)) {
      this.pos++;
      left = { kind: 'binary', op, left, right: next() };
    }
    return left;
  }

  private comparison = (): Node => this.level(['=', '<>', '<', '>', '<=', '>='], this.concat);
  private concat = (): Node => this.level(['&'], this.additive);
  private additive = (): Node => this.level(['+', '-'], this.term);
  private term = (): Node => this.level(['*', '/'], this.unary);

  private unary = (): Node => {
    const op = this.peekOp('-', '+');
    if (!op) return this.primary();
    this.pos++;
    return { kind: 'binary', op, left: { kind: 'literal', value: 0 }, right: this.unary() };
  };

  private primary(): Node {
    const t = this.tokens[this.pos++];
    if (!t) throw new Unknowable();
    switch (t.kind) {
      case 'number':
      case 'string':
        return { kind: 'literal', value: t.value };
      case 'ref':
        return { kind: 'ref', token: t };
      case 'op': {
        if (t.value !== '(') throw new Unknowable();
        const n = this.comparison();
        this.expect(')');
        return n;
      }
      case 'name': {
        if ((t.value === 'TRUE' || t.value === 'FALSE') && !this.peekOp('(')) return { kind: 'literal', value: t.value === 'TRUE' };
        this.expect('(');
        const args: Node[] = [];
        if (!this.peekOp(')')) {
          for (;;) {
            args.push(this.comparison());
            if (!this.peekOp(',')) break;
            this.pos++;
          }
        }
        this.expect(')');
        return { kind: 'call', name: t.value, args };
      }
    }
  }
}

class Evaluator {
  constructor(
    private readonly home: Sheet,
    private readonly book: Workbook,
  ) {}

  value(n: Node): Value {
    switch (n.kind) {
      case 'literal':
        return n.value;
      case 'ref': {
        const t = n.token;
        if (t.external) throw new Unknowable();
        const sheet = t.sheet === null ? this.home : this.book.sheet(t.sheet);
        if (!sheet) throw new Unknowable();
        return { sheet, top: t.top, left: t.left, bottom: t.bottom, right: t.right };
      }
      case 'binary': {
        const a = scalar(this.value(n.left));
        const b = scalar(this.value(n.right));
        if (n.op === '&') return isError(a) ? a : isError(b) ? b : textOf(a) + textOf(b);
        if (['+', '-', '*', '/'].includes(n.op)) return arithmetic(n.op, a, b);
        return compare(n.op, a, b);
      }
      case 'call':
        if (n.name === 'IF') return this.ifValue(n.args);
        return applyFunction(
          n.name,
          n.args.map((a) => this.value(a)),
        );
    }
  }

  private ifValue(args: Node[]): Value {
    if (args.length < 2 || args.length > 3) throw new Unknowable();
    const t = truthOf(scalar(this.value(args[0])));
    if (isError(t)) return t;
    if (t) return this.value(args[1]);
    return args.length === 3 ? this.value(args[2]) : false;
  }
}

/** A value where one value is wanted: a single-cell reference read; a larger range is UNKNOWN (implicit intersection is not modelled). */
function scalar(v: Value): Scalar {
  if (v === UNKNOWN) throw new Unknowable();
  if (!isRange(v)) return v;
  if (v.top !== v.bottom || v.left !== v.right) throw new Unknowable();
  const c = cellAt(v.sheet, v.top, v.left);
  if (c === UNKNOWN) throw new Unknowable();
  return c;
}

/** A number for arithmetic: blank is 0, TRUE is 1; text is not guessed at (spreadsheets differ on it). */
function numberOf(v: Scalar): number | ErrorValue {
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (isError(v)) return v;
  throw new Unknowable();
}

/** A value as text, the way a spreadsheet joins it with &: numbers as General shows them. */
function textOf(v: Scalar): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') {
    if (Math.abs(v) >= 1e11 || (v !== 0 && Math.abs(v) < 1e-9)) throw new Unknowable();
    return String(Number(v.toPrecision(15)));
  }
  return v as string;
}

function arithmetic(op: string, a: Scalar, b: Scalar): Scalar {
  const x = numberOf(a);
  const y = numberOf(b);
  if (isError(x)) return x;
  if (isError(y)) return y;
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    default:
      return y === 0 ? { error: '#DIV/0!' } : x / y;
  }
}

function compare(op: string, a: Scalar, b: Scalar): Scalar {
  if (isError(a)) return a;
  if (isError(b)) return b;
  // A blank compares as "" with text and as 0 with a number.
  const left = a === null ? (typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0) : a;
  const right = b === null ? (typeof a === 'string' ? '' : typeof a === 'boolean' ? false : 0) : b;
  if (typeof left !== typeof right) {
    // Numbers < text < logical values, as Excel orders them.
    const rank = (v: Scalar) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
    return order(op, rank(left) - rank(right));
  }
  if (typeof left === 'string') {
    const x = left.toLowerCase();
    const y = (right as string).toLowerCase();
    return order(op, x < y ? -1 : x > y ? 1 : 0);
  }
  const x = Number(left);
  const y = Number(right);
  return order(op, Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(x)) ? 0 : x < y ? -1 : 1);
}

function order(op: string, d: number): boolean {
  switch (op) {
    case '=':
      return d === 0;
    case '<>':
      return d !== 0;
    case '<':
      return d < 0;
    case '>':
      return d > 0;
    case '<=':
      return d <= 0;
    default:
      return d >= 0;
  }
}

/** The numbers AVERAGE, COUNT and SUM take from their arguments (text and logical values in references skipped), or the first error. */
function numbersIn(args: Value[], errors: 'fail' | 'skip'): number[] | ErrorValue {
  const out: number[] = [];
  for (const a of args) {
    if (a === UNKNOWN) throw new Unknowable();
    if (isRange(a)) {
      const rows = a.sheet.values;
      const first = Math.max(a.top, a.sheet.startRow);
      const last = Math.min(a.bottom, a.sheet.startRow + rows.length - 1);
      for (let r = first; r <= last; r++) {
        const row = rows[r - a.sheet.startRow];
        if (!row) continue;
        const right = Math.min(a.right, a.sheet.startCol + row.length - 1);
        for (let c = Math.max(a.left, a.sheet.startCol); c <= right; c++) {
          const v = cellAt(a.sheet, r, c);
          if (v === UNKNOWN) throw new Unknowable();
          if (typeof v === 'number') out.push(v);
          else if (isError(v) && errors === 'fail') return v;
        }
      }
      continue;
    }
    if (typeof a === 'number') out.push(a);
    else if (typeof a === 'boolean') out.push(a ? 1 : 0);
    else if (isError(a)) {
      if (errors === 'fail') return a;
    } else if (a !== null) throw new Unknowable();
  }
  return out;
}

function truthOf(v: Scalar): boolean | ErrorValue {
  if (isError(v)) return v;
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  return { error: '#VALUE!' };
}

function applyFunction(name: string, args: Value[]): Value {
  switch (name) {
    case 'ROUND': {
      if (args.length !== 2) throw new Unknowable();
      const x = numberOf(scalar(args[0]));
      const n = numberOf(scalar(args[1]));
      if (isError(x)) return x;
      if (isError(n)) return n;
      return round(x, Math.trunc(n));
    }
    case 'ABS': {
      const x = numberOf(scalar(args[0]));
      return isError(x) ? x : Math.abs(x);
    }
    case 'AVERAGE': {
      const xs = numbersIn(args, 'fail');
      if (isError(xs)) return xs;
      return xs.length === 0 ? { error: '#DIV/0!' } : xs.reduce((s, x) => s + x, 0) / xs.length;
    }
    case 'SUM': {
      const xs = numbersIn(args, 'fail');
      return isError(xs) ? xs : xs.reduce((s, x) => s + x, 0);
    }
    case 'COUNT': {
      const xs = numbersIn(args, 'skip');
      return isError(xs) ? 0 : xs.length;
    }
    case 'ISNUMBER':
      if (args.length !== 1) throw new Unknowable();
      return typeof scalar(args[0]) === 'number';
    case 'AND': {
      let all = true;
      for (const a of args) {
        const t = truthOf(scalar(a));
        if (isError(t)) return t;
        all &&= t;
      }
      return all;
    }
    default:
      throw new Unknowable();
  }
}

/**
 * The value of `formula` (with or without its "="), written on `home`, over
 * the sheets of `book` as they stand (their cached values): a number, text,
 * a logical value, an error, or UNKNOWN.
 */
export function formulaValue(formula: string, home: Sheet, book: Workbook): FormulaResult {
  const tokens = tokenize(formula);
  if (!tokens) return UNKNOWN;
  try {
    const v = scalar(new Evaluator(home, book).value(new Parser(tokens).parse()));
    return v === null ? 0 : v;
  } catch (e) {
    if (e instanceof Unknowable) return UNKNOWN;
    throw e;
  }
}

/** The formula gives `value` (numbers to a billionth, "" and blank alike): what the cell will show is what the engine cached. */
export function givesValue(result: FormulaResult, value: CellValue): boolean {
  if (result === UNKNOWN || isError(result)) return false;
  if (typeof result === 'number' && typeof value === 'number') return Math.abs(result - value) <= 1e-9 * Math.max(1, Math.abs(value));
  if (typeof result === 'string' && (value === null || typeof value === 'string')) return result === (value ?? '');
  return result === value;
}
