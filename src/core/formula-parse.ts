// A formula the engine writes, read into a tree for formula-value.ts:
// numbers, text, cell and range references (with their sheet, quoted or
// not, and whether it names another workbook: '[1]Тайлан'!A1), operators
// by Excel's precedence (comparisons, &, + -, * /, unary minus) and function
// calls. What it cannot read is NotUnderstood.

import { columnIndex } from './sheet';

/** A formula (or part of one) the reader cannot read. */
export class NotUnderstood extends Error {}

type RefToken = { kind: 'ref'; sheet: string | null; external: boolean; top: number; left: number; bottom: number; right: number };

type Token = { kind: 'number'; value: number } | { kind: 'string'; value: string } | RefToken | { kind: 'name'; value: string } | { kind: 'op'; value: string };

/** A formula as a tree: a literal, a reference, an operator over two operands, or a function call. */
export type FormulaNode =
  | { kind: 'literal'; value: number | string | boolean }
  | { kind: 'ref'; token: RefToken }
  | { kind: 'binary'; op: string; left: FormulaNode; right: FormulaNode }
  | { kind: 'call'; name: string; args: FormulaNode[] };

const CELL = String.raw`\$?([A-Za-z]{1,3})\$?(\d{1,7})`;
const REF = new RegExp(`^(?:('(?:[^']|'')+'|[^\\s'!(),&=<>+\\-*/:"]+)!)?${CELL}(?::${CELL})?(?![\\w(])`);
const NUMBER = /^\d+(\.\d+)?([eE][+-]?\d+)?/;
const STRING = /^"((?:[^"]|"")*)"/;
const OPERATOR = /^(<=|>=|<>|[-+*/&=<>(),])/;
const NAME = /^[A-Za-z_][\w.]*/;

function refToken(match: RegExpExecArray): RefToken {
  const sheet = match[1]?.startsWith("'") ? match[1].slice(1, -1).replace(/''/g, "'") : match[1] ?? null;
  const first = { row: Number(match[3]) - 1, col: columnIndex(match[2]) };
  const last = match[4] ? { row: Number(match[5]) - 1, col: columnIndex(match[4]) } : first;
  return {
    kind: 'ref',
    sheet,
    // "[1]Тайлан": Excel reads a bracketed prefix as another workbook.
    external: sheet !== null && /^\[[^\]]*\]/.test(sheet),
    top: Math.min(first.row, last.row),
    left: Math.min(first.col, last.col),
    bottom: Math.max(first.row, last.row),
    right: Math.max(first.col, last.col),
  };
}

function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  let rest = formula.replace(/^=/, '').trimStart();
  while (rest.length > 0) {
    let match: RegExpExecArray | null;
    if ((match = REF.exec(rest))) tokens.push(refToken(match));
    else if ((match = NUMBER.exec(rest))) tokens.push({ kind: 'number', value: Number(match[0]) });
    else if ((match = STRING.exec(rest))) tokens.push({ kind: 'string', value: match[1].replace(/""/g, '"') });
    else if ((match = OPERATOR.exec(rest))) tokens.push({ kind: 'op', value: match[0] });
    else if ((match = NAME.exec(rest))) tokens.push({ kind: 'name', value: match[0].toUpperCase() });
    else throw new NotUnderstood();
    rest = rest.slice(match[0].length).trimStart();
  }
  return tokens;
}

/** Recursive descent over the tokens, one method per precedence level. */
class Parser {
  private position = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): FormulaNode {
    const node = this.comparison();
    if (this.position !== this.tokens.length) throw new NotUnderstood();
    return node;
  }

  private operatorAhead(...operators: string[]): string | null {
    const token = this.tokens[this.position];
    return token?.kind === 'op' && operators.includes(token.value) ? token.value : null;
  }

  private expect(operator: string): void {
    if (!this.operatorAhead(operator)) throw new NotUnderstood();
    this.position++;
  }

  /** Left-associative binary operators of one precedence level. */
  private level(operators: string[], next: () => FormulaNode): FormulaNode {
    let left = next();
    for (let op = this.operatorAhead(...operators); op; op = this.operatorAhead(...operators)) {
      this.position++;
      left = { kind: 'binary', op, left, right: next() };
    }
    return left;
  }

  private comparison = (): FormulaNode => this.level(['=', '<>', '<', '>', '<=', '>='], this.concatenation);
  private concatenation = (): FormulaNode => this.level(['&'], this.additive);
  private additive = (): FormulaNode => this.level(['+', '-'], this.multiplicative);
  private multiplicative = (): FormulaNode => this.level(['*', '/'], this.unary);

  private unary = (): FormulaNode => {
    const op = this.operatorAhead('-', '+');
    if (!op) return this.primary();
    this.position++;
    return { kind: 'binary', op, left: { kind: 'literal', value: 0 }, right: this.unary() };
  };

  private primary(): FormulaNode {
    const token = this.tokens[this.position++];
    if (!token) throw new NotUnderstood();
    switch (token.kind) {
      case 'number':
      case 'string':
        return { kind: 'literal', value: token.value };
      case 'ref':
        return { kind: 'ref', token };
      case 'op': {
        if (token.value !== '(') throw new NotUnderstood();
        const inner = this.comparison();
        this.expect(')');
        return inner;
      }
      case 'name':
        if ((token.value === 'TRUE' || token.value === 'FALSE') && !this.operatorAhead('(')) return { kind: 'literal', value: token.value === 'TRUE' };
        return { kind: 'call', name: token.value, args: this.callArguments() };
    }
  }

  private callArguments(): FormulaNode[] {
    this.expect('(');
    const args: FormulaNode[] = [];
    if (!this.operatorAhead(')')) {
      for (;;) {
        args.push(this.comparison());
        if (!this.operatorAhead(',')) break;
        this.position++;
      }
    }
    this.expect(')');
    return args;
  }
}

/** The formula (with or without its "=") as a tree; NotUnderstood when it is not one the reader knows how to read. */
export function parseFormula(formula: string): FormulaNode {
  return new Parser(tokenize(formula)).parse();
}
