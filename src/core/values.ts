// The value grammar of docs/domain.md §3: what a baseline, target, achieved or
// percent cell means, whatever way it was written.

import { normalize } from './text';
import type { CellValue } from './types';

type Bound = 'min' | 'max';

export interface NumberValue {
  kind: 'number';
  value: number;
  /** Written with "%" / "хувь", or a percent-formatted cell. */
  percent: boolean;
  /** "400-аас доошгүй" → min (at least); "… -аас ихгүй" → max (at most). */
  bound?: Bound;
  /** Words after the number ("хоног", "байгууллага"). */
  unit?: string;
  /** A written range "2-3": value is the upper end, low the lower. */
  low?: number;
}

export type PartValue = NumberValue | { kind: 'none' };

export type ParsedValue =
  | { kind: 'empty' }
  /** "-", "–": no value (no baseline). */
  | { kind: 'none' }
  | NumberValue
  /** "1/2", "3/36/400", "95,6 хувь/51", "7 байгууллага, 158 төрлийн үйлчилгээ": compared part by part. */
  | { kind: 'composite'; parts: PartValue[] }
  /** A cell Excel holds as a date (typed "1/2" became 2 January). */
  | { kind: 'date'; serial: number; guess: string }
  /** "Тухай бүр", "Жилдээ": not a measurable target. */
  | { kind: 'unmeasurable'; text: string }
  | { kind: 'period'; text: string }
  /** Anything else: narrative text. */
  | { kind: 'text'; text: string };

// Shared results for the commonest cells (empty, "-"): thousands of rows need no new object each.
export const EMPTY: ParsedValue = Object.freeze({ kind: 'empty' }) as ParsedValue;
const NONE = Object.freeze({ kind: 'none' }) as { kind: 'none' };

// Patterns run on normalize()d text, where ү is у and ө is о.
// A number as written: "85.8", "91,87", "1 000", "6570348500".
const NUMBER = String.raw`\d+(?:[ \u00a0]\d{3})*(?:[.,]\d+)?`;
const PERCENT_WORD = String.raw`(?:%|хувь[а-я]*)`;
// Case endings after a number or percent sign: "-аас", "-иас", "-ээс", "хувиас", "%-иас".
const ABLATIVE = String.raw`(?:\s*-?\s*(?:[а-я]{0,4}(?:аас|ээс|оос|иас|иос|ас|ээ)))`;

const RE_NUMBER_ONLY = new RegExp(`^(${NUMBER})\\s*(${PERCENT_WORD})?\\.?$`, 'i');
const RE_BOUND = new RegExp(
  `^(${NUMBER})\\s*(${PERCENT_WORD}|хувиас|хувиос)?${ABLATIVE}?\\s+(доошгуй|багагуй|дээш|илуу|ихгуй|хэтрэхгуй|ихэсгэхгуй|илуугуй)(.*)$`,
  'i',
);
const RE_UNTIL_REDUCE = new RegExp(`^(${NUMBER})\\s*(${PERCENT_WORD})?\\s*(?:хуртэл|хуртэлх)\\s+(бууруулах|бууруулна|буурна|багасгах)(.*)$`, 'i');
const RE_RANGE = new RegExp(`^(${NUMBER})\\s*[-–]\\s*(${NUMBER})\\s*(.*)$`);
const RE_NUMBER_UNIT = new RegExp(`^(${NUMBER})\\s*(${PERCENT_WORD})?\\s*([^\\d].*)?$`, 'i');

const UNMEASURABLE = /^(тухай бур|тухайбур|жилдээ|жил бур|сар бур|улирал бур|байнга|тогтмол|шаардлагатай уед|хэрэгцээт уед)/;
/** First words UNMEASURABLE can start with, before any folding (a cheap filter for long text). */
const UNMEASURABLE_START = /^(тухай|жил|сар|улирал|байнга|тогтмол|шаардлагатай|хэрэгцээт)/i;
const PERIOD = /(улирал|(^|[^а-яa-z])(i{1,3}|iv)($|[^а-яa-z])|^\d{2}\s*-\s*\d{2}$|^\d{4}[.\s]\d{2}|дугаар сар|\d{4} он|жилийн турш|хагас жил|сар бур|тухай бур)/;

/** Words that make a short trailing text a unit rather than narrative. */
const MAX_UNIT_WORDS = 4;
const MAX_UNIT_LENGTH = 32;

export function toNumber(written: string): number {
  const compact = written.replace(/[ \u00a0]/g, '');
  // One comma is a decimal comma ("91,87"); several are thousands separators.
  const commas = (compact.match(/,/g) ?? []).length;
  const standard = commas > 1 ? compact.replace(/,/g, '') : compact.replace(',', '.');
  return Number(standard);
}

/** True when an Excel number format shows a percent ("0%", "0.0%"), ignoring quoted text. */
export function isPercentFormat(numberFormat: string | null | undefined): boolean {
  if (!numberFormat || numberFormat === 'General') return false;
  return formatKind(numberFormat) === 'percent';
}

// Sheets use a handful of formats over thousands of cells: classify each once.
const formatKinds = new Map<string, 'percent' | 'date' | 'other'>();
function formatKind(numberFormat: string): 'percent' | 'date' | 'other' {
  let kind = formatKinds.get(numberFormat);
  if (kind === undefined) {
    const bare = stripQuoted(numberFormat);
    const unbracketed = bare.replace(/\[[^\]]*\]/g, '');
    kind = bare.includes('%') ? 'percent' : numberFormat !== '@' && /[dmyhs]/i.test(unbracketed) && !/^[#0.,%\s]*$/.test(unbracketed) ? 'date' : 'other';
    if (formatKinds.size < 1000) formatKinds.set(numberFormat, kind);
  }
  return kind;
}

/** True when an Excel number format shows a date or time. */
export function isDateFormat(numberFormat: string | null | undefined): boolean {
  if (!numberFormat || numberFormat === 'General' || numberFormat === '@') return false;
  return formatKind(numberFormat) === 'date';
}

function stripQuoted(numberFormat: string): string {
  return numberFormat.replace(/"[^"]*"/g, '').replace(/\\./g, '');
}

/** The date an Excel serial number stands for, as month/day the user probably typed ("1/2"). */
function serialToMonthDay(serial: number): { year: number; month: number; day: number } {
  // Excel's day 1 is 1900-01-01 and it counts a fictitious 1900-02-29.
  const days = Math.floor(serial) - (serial > 59 ? 1 : 0);
  const milliseconds = Date.UTC(1899, 11, 31) + days * 86400000;
  const date = new Date(milliseconds);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function numberValue(match: RegExpExecArray | string[], numberGroup: number, percentGroup: number): NumberValue {
  const parsed: NumberValue = { kind: 'number', value: toNumber(match[numberGroup]), percent: !!match[percentGroup] };
  return parsed;
}

function unitOf(rest: string | undefined): string | undefined {
  const unit = (rest ?? '').replace(/^[\s.,:;]+|[\s.,:;]+$/g, '');
  return unit ? unit : undefined;
}

function isUnitLike(rest: string | undefined): boolean {
  const unit = unitOf(rest);
  if (!unit) return true;
  return unit.length <= MAX_UNIT_LENGTH && unit.split(/\s+/).length <= MAX_UNIT_WORDS && !/\d{2,}/.test(unit);
}

/** Parses one part of a value (no "/" splitting). */
function parseScalar(raw: string): ParsedValue {
  const text = raw.trim();
  if (text === '') return EMPTY;
  if (/^[-–—−_]+$/.test(text)) return NONE;
  // Long text not opening with a number is narrative (or "Тухай бүр …"): skip the full grammar.
  if (text.length > 40 && !/^\d/.test(text)) {
    return UNMEASURABLE_START.test(text) && UNMEASURABLE.test(normalize(text.slice(0, 30))) ? { kind: 'unmeasurable', text } : { kind: 'text', text };
  }
  const normalized = normalize(text);

  let match = RE_NUMBER_ONLY.exec(normalized);
  if (match) return numberValue(match, 1, 2);

  match = RE_BOUND.exec(normalized);
  if (match && isUnitLike(match[4])) {
    const parsed = numberValue(match, 1, 2);
    const word = match[3];
    parsed.bound = /ихгуй|хэтрэхгуй|ихэсгэхгуй|илуугуй/.test(word) ? 'max' : 'min';
    const unit = unitOf(match[4]);
    if (unit) parsed.unit = unit;
    return parsed;
  }

  match = RE_UNTIL_REDUCE.exec(normalized);
  if (match && isUnitLike(match[4])) {
    const parsed = numberValue(match, 1, 2);
    parsed.bound = 'max';
    return parsed;
  }

  // "01-12" is a span of months, not a range of values.
  if (/^\d{2}\s*-\s*\d{2}$/.test(normalized)) return { kind: 'period', text };

  match = RE_RANGE.exec(normalized);
  if (match && isUnitLike(match[3])) {
    const lower = toNumber(match[1]);
    const upper = toNumber(match[2]);
    if (lower < upper) {
      const parsed: NumberValue = { kind: 'number', value: upper, low: lower, percent: /%|хувь/.test(match[3]) };
      const unit = unitOf(match[3]);
      if (unit) parsed.unit = unit;
      return parsed;
    }
  }

  if (UNMEASURABLE.test(normalized)) return { kind: 'unmeasurable', text };

  match = RE_NUMBER_UNIT.exec(normalized);
  if (match && isUnitLike(match[3])) {
    const parsed = numberValue(match, 1, 2);
    const unit = unitOf(match[3]);
    if (unit) parsed.unit = unit;
    return parsed;
  }

  if (PERIOD.test(normalized) && normalized.length <= 40) return { kind: 'period', text };
  return { kind: 'text', text };
}

/** "7 байгууллага, 158 төрлийн үйлчилгээ": short counts separated by commas. */
function parseCounts(text: string): PartValue[] | null {
  const pieces = text.split(/\s*[,;]\s+/);
  if (pieces.length < 2) return null;
  const parts: PartValue[] = [];
  for (const piece of pieces) {
    const parsed = parseScalar(piece);
    if (parsed.kind !== 'number' || !parsed.unit) return null;
    parts.push(parsed);
  }
  return parts;
}

/**
 * Parses what a cell holds. `numberFormat` tells percent-formatted and date
 * cells apart from plain numbers.
 */
export function parseValue(value: CellValue, numberFormat?: string | null): ParsedValue {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'boolean') return { kind: 'text', text: String(value) };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { kind: 'text', text: String(value) };
    if (isPercentFormat(numberFormat)) return { kind: 'number', value: roundFloat(value * 100), percent: true };
    if (isDateFormat(numberFormat)) {
      const date = serialToMonthDay(value);
      return { kind: 'date', serial: value, guess: `${date.month}/${date.day}` };
    }
    return { kind: 'number', value, percent: false };
  }
  const text = String(value).trim();
  if (text === '') return EMPTY;

  // Several indicators in one cell: "1/2", "3/36/400", "95,6 хувь/51", "1/16/-".
  if (text.includes('/') && text.length <= 60) {
    const pieces = text.split('/');
    const parts: PartValue[] = [];
    let ok = pieces.length >= 2;
    for (const piece of pieces) {
      const parsed = parseScalar(piece);
      if (parsed.kind === 'none') parts.push(parsed);
      else if (parsed.kind === 'number' && !parsed.bound && (!parsed.unit || parsed.unit.length <= 12)) parts.push(parsed);
      else {
        ok = false;
        break;
      }
    }
    if (ok && parts.some((p) => p.kind === 'number')) return { kind: 'composite', parts };
  }

  const counts = text.length <= 80 && /^\d/.test(text) ? parseCounts(text) : null;
  if (counts) return { kind: 'composite', parts: counts };

  return parseScalar(text);
}

/** Removes binary noise from value×100 (0.065 × 100 = 6.500000000000001). */
function roundFloat(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/** The numeric parts of a value (a plain number is one part); null when it has none. */
export function partsOf(parsed: ParsedValue): PartValue[] | null {
  if (parsed.kind === 'number') return [parsed];
  if (parsed.kind === 'composite') return parsed.parts;
  return null;
}

/** Units that measure time: a smaller number is better ("30 хоног" → "15 хоног"). */
export function isDurationUnit(unit: string | undefined): boolean {
  return !!unit && /^(хоног|цаг|минут|мин|одор|сек|секунд|ажлын одор)/.test(normalize(unit));
}

/**
 * What a percent cell holds: a rating, nothing, a row not yet due, something
 * invalid — or, read by the evaluator from where the cell sits, a formula the
 * file has no computed value for, a formula that gives a rating as text or
 * gives nothing (neither counted: formulas do not count them, and Compute
 * never replaces a formula), or a cell merged away under another one.
 */
export type PercentCell =
  | { kind: 'rating'; value: number }
  | { kind: 'empty' }
  | { kind: 'excluded'; reason: 'none' | 'not-due' }
  | { kind: 'invalid'; reason: 'text' | 'range' | 'date'; text: string }
  | { kind: 'uncached'; formula: string }
  | { kind: 'formula'; formula: string; gives: 'text'; text: string; value: number }
  | { kind: 'formula'; formula: string; gives: 'empty' }
  | { kind: 'merged'; area: string };

/** Excel's error values, as hosts hand them over ("#DIV/0!"). */
const ERROR_VALUE = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

export function isErrorValue(value: CellValue): boolean {
  return typeof value === 'string' && value.length <= 14 && ERROR_VALUE.test(value);
}

const PERCENT_EMPTY: PercentCell = Object.freeze({ kind: 'empty' }) as PercentCell;
const PERCENT_NONE: PercentCell = Object.freeze({ kind: 'excluded', reason: 'none' }) as PercentCell;

const NOT_DUE = /хугацаа\s*болоогуй|not\s*due/;

export function parsePercentCell(value: CellValue, numberFormat?: string | null): PercentCell {
  const parsed = parseValue(value, numberFormat);
  switch (parsed.kind) {
    case 'empty':
      return PERCENT_EMPTY;
    case 'none':
      return PERCENT_NONE;
    case 'number':
      if (parsed.bound || parsed.low !== undefined || (parsed.unit && !/^хувь/.test(parsed.unit)))
        return { kind: 'invalid', reason: 'text', text: String(value) };
      if (parsed.value < 0 || parsed.value > 100) return { kind: 'invalid', reason: 'range', text: String(value) };
      return { kind: 'rating', value: parsed.value };
    case 'date':
      return { kind: 'invalid', reason: 'date', text: parsed.guess };
    default:
      if (typeof value === 'string' && NOT_DUE.test(normalize(value))) return { kind: 'excluded', reason: 'not-due' };
      return { kind: 'invalid', reason: 'text', text: String(value) };
  }
}

/** A short, readable form of a parsed value for messages ("≥ 400", "1/2", "86 %"). */
export function describe(parsed: ParsedValue): string {
  switch (parsed.kind) {
    case 'empty':
      return '';
    case 'none':
      return '-';
    case 'number': {
      const amount = parsed.low !== undefined ? `${parsed.low}-${parsed.value}` : String(parsed.value);
      const shown = `${parsed.bound === 'min' ? '≥ ' : parsed.bound === 'max' ? '≤ ' : ''}${amount}${parsed.percent ? '%' : ''}`;
      return parsed.unit ? `${shown} ${parsed.unit}` : shown;
    }
    case 'composite':
      return parsed.parts.map((p) => describe(p)).join('/');
    case 'date':
      return parsed.guess;
    default:
      return parsed.text;
  }
}
