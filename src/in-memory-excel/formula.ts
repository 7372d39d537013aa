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
  | { kind: 'num'; value: number }
  | { kind: 'str'; value: string }
  | { kind: 'ref'; sheet: string | null; area: Area }
  | { kind: 'fn'; value: string }
  | { kind: 'op'; value: string }
  | { kind: '('; value: '(' }
  | { kind: ')'; value: ')' }
  | { kind: ','; value: ',' }
  | { kind: 'bool'; value: boolean }
  | { kind: 'err'; value: string };

const REFERENCE = /^(?:('(?:[^']|'')+'|[A-Za-z_\u0400-\u04FF][\w.\u0400-\u04FF]*)!)?\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?(?![\w(])/;

function unquote(sheet: string): string {
  return sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

function tokenize(formula: string): Token[] {
  const out: Token[] = [];
  let position = 0;
  while (position < formula.length) {
    const character = formula[position];
    if (character === ' ') {
      position++;
      continue;
    }
    if (character === '"') {
      let end = position + 1;
      let text = '';
      while (end < formula.length) {
        if (formula[end] === '"') {
          if (formula[end + 1] === '"') {
            text += '"';
            end += 2;
            continue;
          }
          break;
        }
        text += formula[end++];
      }
      out.push({ kind: 'str', value: text });
      position = end + 1;
      continue;
    }
    const rest = formula.slice(position);
    const num = /^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?/i.exec(rest);
    if (num) {
      out.push({ kind: 'num', value: Number(num[0]) });
      position += num[0].length;
      continue;
    }
    if (character === '#') {
      const errorLiteral = /^#[A-Z0-9/]+[!?]?/i.exec(rest)!;
      out.push({ kind: 'err', value: errorLiteral[0] });
      position += errorLiteral[0].length;
      continue;
    }
    const reference = REFERENCE.exec(rest);
    if (reference) {
      const start = { row: Number(reference[3]) - 1, column: columnIndex(reference[2]) };
      const finish = reference[4] ? { row: Number(reference[5]) - 1, column: columnIndex(reference[4]) } : start;
      out.push({
        kind: 'ref',
        sheet: reference[1] ? unquote(reference[1]) : null,
        area: { top: Math.min(start.row, finish.row), left: Math.min(start.column, finish.column), bottom: Math.max(start.row, finish.row), right: Math.max(start.column, finish.column) },
      });
      position += reference[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
    if (word) {
      const name = word[0].toUpperCase();
      if (name === 'TRUE' || name === 'FALSE') out.push({ kind: 'bool', value: name === 'TRUE' });
      else out.push({ kind: 'fn', value: name });
      position += word[0].length;
      continue;
    }
    const two = rest.slice(0, 2);
    if (two === '<=' || two === '>=' || two === '<>') {
      out.push({ kind: 'op', value: two });
      position += 2;
      continue;
    }
    if ('+-*/^&=<>%'.includes(character)) {
      out.push({ kind: 'op', value: character });
      position++;
      continue;
    }
    if (character === '(' || character === ')' || character === ',') {
      out.push({ kind: character, value: character } as Token);
      position++;
      continue;
    }
    if (character === '@') {
      position++; // implicit intersection: ignore
      continue;
    }
    throw new FormulaError('#NAME?');
  }
  return out;
}

const isError = (value: unknown): value is FormulaError => value instanceof FormulaError;

function scalar(value: Value): Exclude<Value, RangeValue> {
  if (value instanceof RangeValue) {
    const first = value.cells[0]?.[0];
    return first === undefined ? null : first;
  }
  return value;
}

function toNumber(value: Value): number | FormulaError {
  const single = scalar(value);
  if (isError(single)) return single;
  if (single === null || single === '') return 0;
  if (typeof single === 'boolean') return single ? 1 : 0;
  if (typeof single === 'number') return single;
  const parsed = Number(single.trim());
  return single.trim() !== '' && Number.isFinite(parsed) ? parsed : new FormulaError('#VALUE!');
}

function toText(value: Value): string | FormulaError {
  const single = scalar(value);
  if (isError(single)) return single;
  if (single === null) return '';
  if (typeof single === 'boolean') return single ? 'TRUE' : 'FALSE';
  if (typeof single === 'number') return String(Number(single.toPrecision(15)));
  return single;
}

function truthy(value: Value): boolean | FormulaError {
  const single = scalar(value);
  if (isError(single)) return single;
  if (typeof single === 'string') return single === '' ? false : new FormulaError('#VALUE!');
  return Boolean(single);
}

/** Excel's ROUND: half away from zero, on the decimal the value shows. */
function excelRound(value: number, digits: number): number {
  const factor = 10 ** digits;
  const shifted = Math.abs(value) * factor;
  const rounded = Math.round(Number(shifted.toPrecision(15)));
  return (Math.sign(value) * rounded) / factor;
}

/** Numbers AVERAGE/COUNT/SUM take: numbers in ranges (text and blanks skipped), and scalars given directly. */
function numbers(args: Value[]): number[] | FormulaError {
  const out: number[] = [];
  for (const argument of args) {
    if (argument instanceof RangeValue) {
      for (const row of argument.cells) for (const cell of row) if (typeof cell === 'number') out.push(cell);
      for (const row of argument.cells) for (const cell of row) if (typeof cell === 'string' && /^#/.test(cell) && /[!?A]$/.test(cell)) return new FormulaError(cell);
    } else if (isError(argument)) return argument;
    else if (typeof argument === 'number') out.push(argument);
    else if (typeof argument === 'boolean') out.push(argument ? 1 : 0);
    else if (typeof argument === 'string') {
      const parsed = toNumber(argument);
      if (isError(parsed)) return parsed;
      out.push(parsed);
    }
  }
  return out;
}

function call(name: string, args: Value[]): Value {
  switch (name) {
    case 'ROUND': {
      const value = toNumber(args[0]);
      const digits = toNumber(args[1] ?? 0);
      if (isError(value)) return value;
      if (isError(digits)) return digits;
      return excelRound(value, digits);
    }
    case 'AVERAGE': {
      const values = numbers(args);
      if (isError(values)) return values;
      if (values.length === 0) return new FormulaError('#DIV/0!');
      return values.reduce((sum, number) => sum + number, 0) / values.length;
    }
    case 'COUNT': {
      let count = 0;
      for (const argument of args) {
        if (argument instanceof RangeValue) for (const row of argument.cells) for (const cell of row) count += typeof cell === 'number' ? 1 : 0;
        else if (typeof argument === 'number') count++;
      }
      return count;
    }
    case 'SUM': {
      const values = numbers(args);
      return isError(values) ? values : values.reduce((sum, number) => sum + number, 0);
    }
    case 'MIN':
    case 'MAX': {
      const values = numbers(args);
      if (isError(values)) return values;
      if (values.length === 0) return 0;
      return name === 'MIN' ? Math.min(...values) : Math.max(...values);
    }
    case 'ABS': {
      const value = toNumber(args[0]);
      return isError(value) ? value : Math.abs(value);
    }
    case 'ISNUMBER': {
      // A number, not text that looks like one; an error is not a number.
      const first = args[0];
      return typeof (first instanceof RangeValue ? first.cells[0]?.[0] : first) === 'number';
    }
    case 'IF': {
      const condition = truthy(args[0]);
      if (isError(condition)) return condition;
      return condition ? scalar(args[1] ?? true) : scalar(args[2] ?? false);
    }
    default:
      return new FormulaError('#NAME?');
  }
}

function compare(op: string, left: Value, right: Value): boolean | FormulaError {
  const leftScalar = scalar(left);
  const rightScalar = scalar(right);
  if (isError(leftScalar)) return leftScalar;
  if (isError(rightScalar)) return rightScalar;
  const blankAsEmpty = (value: typeof leftScalar) => (value === null ? '' : value);
  let leftOperand: string | number | boolean = blankAsEmpty(leftScalar);
  let rightOperand: string | number | boolean = blankAsEmpty(rightScalar);
  // Blank compares equal to 0 and to "".
  if (leftOperand === '' && typeof rightOperand === 'number') leftOperand = 0;
  if (rightOperand === '' && typeof leftOperand === 'number') rightOperand = 0;
  const rank = (value: string | number | boolean) => (typeof value === 'number' ? 0 : typeof value === 'string' ? 1 : 2);
  let order: number;
  if (rank(leftOperand) !== rank(rightOperand)) order = rank(leftOperand) - rank(rightOperand);
  else if (typeof leftOperand === 'string') order = leftOperand.toLowerCase() < String(rightOperand).toLowerCase() ? -1 : leftOperand.toLowerCase() > String(rightOperand).toLowerCase() ? 1 : 0;
  else order = Number(leftOperand) - Number(rightOperand);
  switch (op) {
    case '=':
      return order === 0;
    case '<>':
      return order !== 0;
    case '<':
      return order < 0;
    case '>':
      return order > 0;
    case '<=':
      return order <= 0;
    default:
      return order >= 0;
  }
}

class Parser {
  private position = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly host: EvalHost,
  ) {}

  parse(): Value {
    const value = this.comparison();
    if (this.position < this.tokens.length) throw new FormulaError('#NAME?');
    return value;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private isOp(...ops: string[]): string | null {
    const token = this.peek();
    return token && token.kind === 'op' && ops.includes(token.value) ? token.value : null;
  }

  private comparison(): Value {
    let left = this.concat();
    for (let op = this.isOp('=', '<>', '<', '>', '<=', '>='); op; op = this.isOp('=', '<>', '<', '>', '<=', '>=')) {
      this.position++;
      left = compare(op, left, this.concat());
    }
    return left;
  }

  private concat(): Value {
    let left = this.additive();
    while (this.isOp('&')) {
      this.position++;
      const right = this.additive();
      const leftText = toText(left);
      const rightText = toText(right);
      left = isError(leftText) ? leftText : isError(rightText) ? rightText : leftText + rightText;
    }
    return left;
  }

  private arith(left: Value, op: string, right: Value): Value {
    const leftNumber = toNumber(left);
    const rightNumber = toNumber(right);
    if (isError(leftNumber)) return leftNumber;
    if (isError(rightNumber)) return rightNumber;
    if (op === '+') return leftNumber + rightNumber;
    if (op === '-') return leftNumber - rightNumber;
    if (op === '*') return leftNumber * rightNumber;
    if (op === '^') return leftNumber ** rightNumber;
    return rightNumber === 0 ? new FormulaError('#DIV/0!') : leftNumber / rightNumber;
  }

  private additive(): Value {
    let left = this.term();
    for (let op = this.isOp('+', '-'); op; op = this.isOp('+', '-')) {
      this.position++;
      left = this.arith(left, op, this.term());
    }
    return left;
  }

  private term(): Value {
    let left = this.power();
    for (let op = this.isOp('*', '/'); op; op = this.isOp('*', '/')) {
      this.position++;
      left = this.arith(left, op, this.power());
    }
    return left;
  }

  private power(): Value {
    let left = this.unary();
    while (this.isOp('^')) {
      this.position++;
      left = this.arith(left, '^', this.unary());
    }
    return left;
  }

  private unary(): Value {
    const op = this.isOp('-', '+');
    if (op) {
      this.position++;
      const operand = this.unary();
      return op === '-' ? this.arith(0, '-', operand) : operand;
    }
    let value = this.primary();
    while (this.isOp('%')) {
      this.position++;
      value = this.arith(value, '/', 100);
    }
    return value;
  }

  private primary(): Value {
    const token = this.tokens[this.position++];
    if (!token) throw new FormulaError('#NAME?');
    switch (token.kind) {
      case 'num':
      case 'str':
      case 'bool':
        return token.value;
      case 'err':
        return new FormulaError(token.value);
      case 'ref': {
        const cells = this.host.read(token.sheet, token.area);
        return cells === null ? new FormulaError('#REF!') : new RangeValue(cells);
      }
      case '(': {
        const value = this.comparison();
        this.expect(')');
        return value;
      }
      case 'fn': {
        this.expect('(');
        const args: Value[] = [];
        if (this.peek()?.kind !== ')') {
          args.push(this.comparison());
          while (this.peek()?.kind === ',') {
            this.position++;
            args.push(this.comparison());
          }
        }
        this.expect(')');
        return call(token.value, args);
      }
      default:
        throw new FormulaError('#NAME?');
    }
  }

  private expect(kind: '(' | ')'): void {
    if (this.tokens[this.position]?.kind !== kind) throw new FormulaError('#NAME?');
    this.position++;
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
  let value: Value;
  try {
    value = new Parser(tokensOf(formula), host).parse();
  } catch (error) {
    if (error instanceof FormulaError) return error.code;
    throw error;
  }
  const shown = scalar(value);
  if (isError(shown)) return shown.code;
  if (typeof shown === 'number' && !Number.isFinite(shown)) return '#NUM!';
  return shown;
}

// ---- references after structural changes ----------------------------------

const EVERY_REFERENCE = /('(?:[^']|'')+'|[A-Za-z_\u0400-\u04FF][\w.\u0400-\u04FF]*)?(!?)(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?::(\$?)([A-Za-z]{1,3})(\$?)(\d+))?(?![\w(])/g;

/** Rewrites the references of a formula outside its string literals. */
function mapRefs(formula: string, mapArea: (sheet: string | null, area: Area) => Area | null | string): string {
  const parts = formula.split(/("(?:[^"]|"")*")/);
  return parts
    .map((part, index) => {
      if (index % 2 === 1) return part; // a string literal
      return part.replace(EVERY_REFERENCE, (whole, sheetToken: string | undefined, bang: string, firstColumnDollar: string, firstColumn: string, firstRowDollar: string, firstRow: string, lastColumnDollar?: string, lastColumn?: string, lastRowDollar?: string, lastRow?: string) => {
        if (sheetToken && !bang) return whole; // a name like LOG10, not a sheet
        const sheet = sheetToken ? unquote(sheetToken) : null;
        const area: Area = {
          top: Number(firstRow) - 1,
          left: columnIndex(firstColumn),
          bottom: lastRow ? Number(lastRow) - 1 : Number(firstRow) - 1,
          right: lastColumn ? columnIndex(lastColumn) : columnIndex(firstColumn),
        };
        const mapped = mapArea(sheet, area);
        if (typeof mapped === 'string') return `${sheetToken ? `${mapped}!` : ''}${firstColumnDollar}${firstColumn}${firstRowDollar}${firstRow}${lastRow ? `:${lastColumnDollar}${lastColumn}${lastRowDollar}${lastRow}` : ''}`;
        if (mapped === null) return '#REF!';
        const prefix = sheetToken ? `${sheetToken}!` : '';
        const first = `${firstColumnDollar}${columnLetter(mapped.left)}${firstRowDollar}${mapped.top + 1}`;
        return lastRow ? `${prefix}${first}:${lastColumnDollar}${columnLetter(mapped.right)}${lastRowDollar}${mapped.bottom + 1}` : `${prefix}${first}`;
      });
    })
    .join('');
}

/**
 * A formula on sheet `home` after `count` rows were inserted (count > 0) or
 * deleted (count < 0) at row `at` of sheet `target`.
 */
export function shiftRows(formula: string, home: string, target: string, at: number, count: number): string {
  return mapRefs(formula, (sheet, area) => {
    if ((sheet ?? home) !== target) return area;
    if (count > 0) {
      return { ...area, top: area.top >= at ? area.top + count : area.top, bottom: area.bottom >= at ? area.bottom + count : area.bottom };
    }
    const deleted = -count;
    const last = at + deleted - 1;
    if (area.top >= at && area.bottom <= last) return null;
    const top = area.top > last ? area.top - deleted : area.top >= at ? at : area.top;
    const bottom = area.bottom > last ? area.bottom - deleted : area.bottom >= at ? at - 1 : area.bottom;
    return { ...area, top, bottom };
  });
}

/** A formula after sheet `from` was renamed `to` (Excel rewrites every reference to it; names compare case aside). */
export function renameSheet(formula: string, from: string, to: string): string {
  return mapRefs(formula, (sheet, area) => (sheet !== null && sheet.toLowerCase() === from.toLowerCase() ? `'${to.replace(/'/g, "''")}'` : area));
}

/** A formula after sheet `name` was deleted: Excel turns each reference to it into #REF!. */
export function dropSheet(formula: string, name: string): string {
  return mapRefs(formula, (sheet, area) => (sheet !== null && sheet.toLowerCase() === name.toLowerCase() ? null : area));
}
