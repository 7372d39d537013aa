// What a spreadsheet computes from a formula the engine writes, over the
// sheets as they will be: the engine's own small recalculation, so it can
// tell, before writing, whether a formula will show the figure it reports.
// It knows the formulas the engine writes (ROUND, AVERAGE, COUNT, SUM, IF,
// ISNUMBER, AND, ABS; + - * / & and comparisons; cell and range references,
// on other sheets too; read by formula-parse.ts) and Excel's rules for them:
// AVERAGE, COUNT and SUM over references count numbers only (text, logical
// values and blanks are skipped), AVERAGE and SUM fail on an error value,
// COUNT ignores it; a blank is 0 in arithmetic and "" in a comparison; IF
// evaluates only the branch it takes. Anything it cannot be sure of — a
// formula cell with no cached value, text in arithmetic, a reference to a
// sheet it does not have or to another workbook, a function it does not
// know — is UNKNOWN: such a formula cannot be shown to agree.

import { NotUnderstood, parseFormula, type FormulaNode } from './formula-parse';
import type { CellValue, Sheet } from './sheet';
import { round } from './text';
import { isErrorValue } from './values';

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

const isError = (value: unknown): value is ErrorValue => typeof value === 'object' && value !== null && 'error' in value;
const isRange = (value: Value): value is RangeValue => typeof value === 'object' && value !== null && 'sheet' in value;

/** The sheets a formula may reference, by name (case-insensitive, as Excel compares them). */
export class Workbook {
  private readonly byName = new Map<string, Sheet>();
  constructor(sheets: readonly Sheet[]) {
    for (const sheet of sheets) this.byName.set(sheet.name.toLowerCase(), sheet);
  }
  sheet(name: string): Sheet | undefined {
    return this.byName.get(name.toLowerCase());
  }
}

/** A cell's contents as a formula reading it sees: blank (null), a value, an error, or UNKNOWN (a formula with no cached value). */
function cellAt(sheet: Sheet, row: number, col: number): Scalar | typeof UNKNOWN {
  const rowIndex = row - sheet.startRow;
  const colIndex = col - sheet.startCol;
  const value = sheet.values[rowIndex]?.[colIndex];
  const formula = sheet.formulas?.[rowIndex]?.[colIndex];
  const hasFormula = typeof formula === 'string' && formula.startsWith('=');
  if (hasFormula && (value === null || value === undefined)) return UNKNOWN;
  if (value === null || value === undefined || (value === '' && !hasFormula)) return null;
  if (isErrorValue(value)) return { error: value as string };
  return value as Scalar;
}

/** Evaluates a formula's tree on its home sheet. */
class Evaluator {
  constructor(
    private readonly home: Sheet,
    private readonly book: Workbook,
  ) {}

  value(node: FormulaNode): Value {
    switch (node.kind) {
      case 'literal':
        return node.value;
      case 'ref': {
        const ref = node.token;
        if (ref.external) throw new NotUnderstood();
        const sheet = ref.sheet === null ? this.home : this.book.sheet(ref.sheet);
        if (!sheet) throw new NotUnderstood();
        return { sheet, top: ref.top, left: ref.left, bottom: ref.bottom, right: ref.right };
      }
      case 'binary': {
        const left = scalar(this.value(node.left));
        const right = scalar(this.value(node.right));
        if (node.op === '&') return isError(left) ? left : isError(right) ? right : textOf(left) + textOf(right);
        if (['+', '-', '*', '/'].includes(node.op)) return arithmetic(node.op, left, right);
        return compare(node.op, left, right);
      }
      case 'call':
        if (node.name === 'IF') return this.ifValue(node.args);
        return applyFunction(
          node.name,
          node.args.map((arg) => this.value(arg)),
        );
    }
  }

  private ifValue(args: FormulaNode[]): Value {
    if (args.length < 2 || args.length > 3) throw new NotUnderstood();
    const condition = truthOf(scalar(this.value(args[0])));
    if (isError(condition)) return condition;
    if (condition) return this.value(args[1]);
    return args.length === 3 ? this.value(args[2]) : false;
  }
}

/** A value where one value is wanted: a single-cell reference read; a larger range is UNKNOWN (implicit intersection is not modelled). */
function scalar(value: Value): Scalar {
  if (value === UNKNOWN) throw new NotUnderstood();
  if (!isRange(value)) return value;
  if (value.top !== value.bottom || value.left !== value.right) throw new NotUnderstood();
  const cell = cellAt(value.sheet, value.top, value.left);
  if (cell === UNKNOWN) throw new NotUnderstood();
  return cell;
}

/** A number for arithmetic: blank is 0, TRUE is 1; text is not guessed at (spreadsheets differ on it). */
function numberOf(value: Scalar): number | ErrorValue {
  if (value === null) return 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (isError(value)) return value;
  throw new NotUnderstood();
}

/** A value as text, the way a spreadsheet joins it with &: numbers as General shows them. */
function textOf(value: Scalar): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (Math.abs(value) >= 1e11 || (value !== 0 && Math.abs(value) < 1e-9)) throw new NotUnderstood();
    return String(Number(value.toPrecision(15)));
  }
  return value as string;
}

function arithmetic(op: string, leftValue: Scalar, rightValue: Scalar): Scalar {
  const left = numberOf(leftValue);
  const right = numberOf(rightValue);
  if (isError(left)) return left;
  if (isError(right)) return right;
  switch (op) {
    case '+':
      return left + right;
    case '-':
      return left - right;
    case '*':
      return left * right;
    default:
      return right === 0 ? { error: '#DIV/0!' } : left / right;
  }
}

function compare(op: string, leftValue: Scalar, rightValue: Scalar): Scalar {
  if (isError(leftValue)) return leftValue;
  if (isError(rightValue)) return rightValue;
  // A blank compares as "" with text, as FALSE with a logical value and as 0 with a number.
  const blankLike = (other: Scalar) => (typeof other === 'string' ? '' : typeof other === 'boolean' ? false : 0);
  const left = leftValue === null ? blankLike(rightValue) : leftValue;
  const right = rightValue === null ? blankLike(leftValue) : rightValue;
  if (typeof left !== typeof right) {
    // Numbers < text < logical values, as Excel orders them.
    const rank = (value: Scalar) => (typeof value === 'number' ? 0 : typeof value === 'string' ? 1 : 2);
    return order(op, rank(left) - rank(right));
  }
  if (typeof left === 'string') {
    const leftText = left.toLowerCase();
    const rightText = (right as string).toLowerCase();
    return order(op, leftText < rightText ? -1 : leftText > rightText ? 1 : 0);
  }
  const leftNumber = Number(left);
  const rightNumber = Number(right);
  const equal = Math.abs(leftNumber - rightNumber) <= 1e-12 * Math.max(1, Math.abs(leftNumber));
  return order(op, equal ? 0 : leftNumber < rightNumber ? -1 : 1);
}

function order(op: string, difference: number): boolean {
  switch (op) {
    case '=':
      return difference === 0;
    case '<>':
      return difference !== 0;
    case '<':
      return difference < 0;
    case '>':
      return difference > 0;
    case '<=':
      return difference <= 0;
    default:
      return difference >= 0;
  }
}

/** The numbers of a range (text, logical values and blanks skipped), or its first error when errors fail. */
function numbersOfRange(range: RangeValue, errors: 'fail' | 'skip', out: number[]): ErrorValue | null {
  const { sheet } = range;
  const last = Math.min(range.bottom, sheet.startRow + sheet.values.length - 1);
  for (let row = Math.max(range.top, sheet.startRow); row <= last; row++) {
    const cells = sheet.values[row - sheet.startRow];
    if (!cells) continue;
    const right = Math.min(range.right, sheet.startCol + cells.length - 1);
    for (let col = Math.max(range.left, sheet.startCol); col <= right; col++) {
      const cell = cellAt(sheet, row, col);
      if (cell === UNKNOWN) throw new NotUnderstood();
      if (typeof cell === 'number') out.push(cell);
      else if (isError(cell) && errors === 'fail') return cell;
    }
  }
  return null;
}

/** The numbers AVERAGE, COUNT and SUM take from their arguments, or the first error (unless errors are skipped, as COUNT does). */
function numbersIn(args: Value[], errors: 'fail' | 'skip'): number[] | ErrorValue {
  const out: number[] = [];
  for (const arg of args) {
    if (arg === UNKNOWN) throw new NotUnderstood();
    if (isRange(arg)) {
      const failed = numbersOfRange(arg, errors, out);
      if (failed) return failed;
    } else if (typeof arg === 'number') out.push(arg);
    else if (typeof arg === 'boolean') out.push(arg ? 1 : 0);
    else if (isError(arg)) {
      if (errors === 'fail') return arg;
    } else if (arg !== null) throw new NotUnderstood();
  }
  return out;
}

function truthOf(value: Scalar): boolean | ErrorValue {
  if (isError(value)) return value;
  if (value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  return { error: '#VALUE!' };
}

const sum = (numbers: number[]) => numbers.reduce((total, n) => total + n, 0);

function applyFunction(name: string, args: Value[]): Value {
  switch (name) {
    case 'ROUND': {
      if (args.length !== 2) throw new NotUnderstood();
      const number = numberOf(scalar(args[0]));
      const digits = numberOf(scalar(args[1]));
      if (isError(number)) return number;
      if (isError(digits)) return digits;
      return round(number, Math.trunc(digits));
    }
    case 'ABS': {
      const number = numberOf(scalar(args[0]));
      return isError(number) ? number : Math.abs(number);
    }
    case 'AVERAGE': {
      const numbers = numbersIn(args, 'fail');
      if (isError(numbers)) return numbers;
      return numbers.length === 0 ? { error: '#DIV/0!' } : sum(numbers) / numbers.length;
    }
    case 'SUM': {
      const numbers = numbersIn(args, 'fail');
      return isError(numbers) ? numbers : sum(numbers);
    }
    case 'COUNT': {
      const numbers = numbersIn(args, 'skip');
      return isError(numbers) ? 0 : numbers.length;
    }
    case 'ISNUMBER':
      if (args.length !== 1) throw new NotUnderstood();
      return typeof scalar(args[0]) === 'number';
    case 'AND': {
      let all = true;
      for (const arg of args) {
        const truth = truthOf(scalar(arg));
        if (isError(truth)) return truth;
        all &&= truth;
      }
      return all;
    }
    default:
      throw new NotUnderstood();
  }
}

/**
 * The value of `formula` (with or without its "="), written on `home`, over
 * the sheets of `book` as they stand (their cached values): a number, text,
 * a logical value, an error, or UNKNOWN.
 */
export function formulaValue(formula: string, home: Sheet, book: Workbook): FormulaResult {
  try {
    const value = scalar(new Evaluator(home, book).value(parseFormula(formula)));
    return value === null ? 0 : value;
  } catch (error) {
    if (error instanceof NotUnderstood) return UNKNOWN;
    throw error;
  }
}

/** The formula gives `value` (numbers to a billionth, "" and blank alike): what the cell will show is what the engine cached. */
export function givesValue(result: FormulaResult, value: CellValue): boolean {
  if (result === UNKNOWN || isError(result)) return false;
  if (typeof result === 'number' && typeof value === 'number') return Math.abs(result - value) <= 1e-9 * Math.max(1, Math.abs(value));
  if (typeof result === 'string' && (value === null || typeof value === 'string')) return result === (value ?? '');
  return result === value;
}
