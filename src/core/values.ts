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
const NUM = String.raw`\d+(?:[ \u00a0]\d{3})*(?:[.,]\d+)?`;
const PERCENT_WORD = String.raw`(?:%|хувь[а-я]*)`;
// Case endings after a number or percent sign: "-аас", "-иас", "-ээс", "хувиас", "%-иас".
const ABLATIVE = String.raw`(?:\s*-?\s*(?:[а-я]{0,4}(?:аас|ээс|оос|иас|иос|ас|ээ)))`;

const RE_NUMBER_ONLY = new RegExp(`^(${NUM})\\s*(${PERCENT_WORD})?\\.?$`, 'i');
const RE_BOUND = new RegExp(
  `^(${NUM})\\s*(${PERCENT_WORD}|хувиас|хувиос)?${ABLATIVE}?\\s+(доошгуй|багагуй|дээш|илуу|ихгуй|хэтрэхгуй|ихэсгэхгуй|илуугуй)(.*)$`,
  'i',
);
const RE_UNTIL_REDUCE = new RegExp(`^(${NUM})\\s*(${PERCENT_WORD})?\\s*(?:хуртэл|хуртэлх)\\s+(бууруулах|бууруулна|буурна|багасгах)(.*)$`, 'i');
const RE_RANGE = new RegExp(`^(${NUM})\\s*[-–]\\s*(${NUM})\\s*(.*)$`);
const RE_NUMBER_UNIT = new RegExp(`^(${NUM})\\s*(${PERCENT_WORD})?\\s*([^\\d].*)?$`, 'i');

const UNMEASURABLE = /^(тухай бур|тухайбур|жилдээ|жил бур|сар бур|улирал бур|байнга|тогтмол|шаардлагатай уед|хэрэгцээт уед)/;
/** First words UNMEASURABLE can start with, before any folding (a cheap filter for long text). */
const UNMEASURABLE_START = /^(тухай|жил|сар|улирал|байнга|тогтмол|шаардлагатай|хэрэгцээт)/i;
const PERIOD = /(улирал|(^|[^а-яa-z])(i{1,3}|iv)($|[^а-яa-z])|^\d{2}\s*-\s*\d{2}$|^\d{4}[.\s]\d{2}|дугаар сар|\d{4} он|жилийн турш|хагас жил|сар бур|тухай бур)/;

/** Words that make a short trailing text a unit rather than narrative. */
const MAX_UNIT_WORDS = 4;
const MAX_UNIT_LENGTH = 32;

export function toNumber(written: string): number {
  const s = written.replace(/[ \u00a0]/g, '');
  // One comma is a decimal comma ("91,87"); several are thousands separators.
  const commas = (s.match(/,/g) ?? []).length;
  const t = commas > 1 ? s.replace(/,/g, '') : s.replace(',', '.');
  return Number(t);
}

/** True when an Excel number format shows a percent ("0%", "0.0%"), ignoring quoted text. */
export function isPercentFormat(fmt: string | null | undefined): boolean {
  if (!fmt || fmt === 'General') return false;
  return formatKind(fmt) === 'percent';
}

// Sheets use a handful of formats over thousands of cells: classify each once.
const formatKinds = new Map<string, 'percent' | 'date' | 'other'>();
function formatKind(fmt: string): 'percent' | 'date' | 'other' {
  let k = formatKinds.get(fmt);
  if (k === undefined) {
    const bare = stripQuoted(fmt);
    const f = bare.replace(/\[[^\]]*\]/g, '');
    k = bare.includes('%') ? 'percent' : fmt !== '@' && /[dmyhs]/i.test(f) && !/^[#0.,%\s]*$/.test(f) ? 'date' : 'other';
    if (formatKinds.size < 1000) formatKinds.set(fmt, k);
  }
  return k;
}

/** True when an Excel number format shows a date or time. */
export function isDateFormat(fmt: string | null | undefined): boolean {
  if (!fmt || fmt === 'General' || fmt === '@') return false;
  return formatKind(fmt) === 'date';
}

function stripQuoted(fmt: string): string {
  return fmt.replace(/"[^"]*"/g, '').replace(/\\./g, '');
}

/** The date an Excel serial number stands for, as month/day the user probably typed ("1/2"). */
function serialToMonthDay(serial: number): { year: number; month: number; day: number } {
  // Excel's day 1 is 1900-01-01 and it counts a fictitious 1900-02-29.
  const days = Math.floor(serial) - (serial > 59 ? 1 : 0);
  const ms = Date.UTC(1899, 11, 31) + days * 86400000;
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function numberValue(m: RegExpExecArray | string[], numIdx: number, pctIdx: number): NumberValue {
  const v: NumberValue = { kind: 'number', value: toNumber(m[numIdx]), percent: !!m[pctIdx] };
  return v;
}

function unitOf(rest: string | undefined): string | undefined {
  const u = (rest ?? '').replace(/^[\s.,:;]+|[\s.,:;]+$/g, '');
  return u ? u : undefined;
}

function isUnitLike(rest: string | undefined): boolean {
  const u = unitOf(rest);
  if (!u) return true;
  return u.length <= MAX_UNIT_LENGTH && u.split(/\s+/).length <= MAX_UNIT_WORDS && !/\d{2,}/.test(u);
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
  const low = normalize(text);

  let m = RE_NUMBER_ONLY.exec(low);
  if (m) return numberValue(m, 1, 2);

  m = RE_BOUND.exec(low);
  if (m && isUnitLike(m[4])) {
    const v = numberValue(m, 1, 2);
    const word = m[3];
    v.bound = /ихгуй|хэтрэхгуй|ихэсгэхгуй|илуугуй/.test(word) ? 'max' : 'min';
    const u = unitOf(m[4]);
    if (u) v.unit = u;
    return v;
  }

  m = RE_UNTIL_REDUCE.exec(low);
  if (m && isUnitLike(m[4])) {
    const v = numberValue(m, 1, 2);
    v.bound = 'max';
    return v;
  }

  // "01-12" is a span of months, not a range of values.
  if (/^\d{2}\s*-\s*\d{2}$/.test(low)) return { kind: 'period', text };

  m = RE_RANGE.exec(low);
  if (m && isUnitLike(m[3])) {
    const a = toNumber(m[1]);
    const b = toNumber(m[2]);
    if (a < b) {
      const v: NumberValue = { kind: 'number', value: b, low: a, percent: /%|хувь/.test(m[3]) };
      const u = unitOf(m[3]);
      if (u) v.unit = u;
      return v;
    }
  }

  if (UNMEASURABLE.test(low)) return { kind: 'unmeasurable', text };

  m = RE_NUMBER_UNIT.exec(low);
  if (m && isUnitLike(m[3])) {
    const v = numberValue(m, 1, 2);
    const u = unitOf(m[3]);
    if (u) v.unit = u;
    return v;
  }

  if (PERIOD.test(low) && low.length <= 40) return { kind: 'period', text };
  return { kind: 'text', text };
}

/** "7 байгууллага, 158 төрлийн үйлчилгээ": short counts separated by commas. */
function parseCounts(text: string): PartValue[] | null {
  const pieces = text.split(/\s*[,;]\s+/);
  if (pieces.length < 2) return null;
  const parts: PartValue[] = [];
  for (const p of pieces) {
    const v = parseScalar(p);
    if (v.kind !== 'number' || !v.unit) return null;
    parts.push(v);
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
      const d = serialToMonthDay(value);
      return { kind: 'date', serial: value, guess: `${d.month}/${d.day}` };
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
    for (const p of pieces) {
      const v = parseScalar(p);
      if (v.kind === 'none') parts.push(v);
      else if (v.kind === 'number' && !v.bound && (!v.unit || v.unit.length <= 12)) parts.push(v);
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
function roundFloat(v: number): number {
  return Math.round(v * 1e9) / 1e9;
}

/** The numeric parts of a value (a plain number is one part); null when it has none. */
export function partsOf(v: ParsedValue): PartValue[] | null {
  if (v.kind === 'number') return [v];
  if (v.kind === 'composite') return v.parts;
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

export function isErrorValue(v: CellValue): boolean {
  return typeof v === 'string' && v.length <= 14 && ERROR_VALUE.test(v);
}

const PERCENT_EMPTY: PercentCell = Object.freeze({ kind: 'empty' }) as PercentCell;
const PERCENT_NONE: PercentCell = Object.freeze({ kind: 'excluded', reason: 'none' }) as PercentCell;

const NOT_DUE = /хугацаа\s*болоогуй|not\s*due/;

export function parsePercentCell(value: CellValue, numberFormat?: string | null): PercentCell {
  const v = parseValue(value, numberFormat);
  switch (v.kind) {
    case 'empty':
      return PERCENT_EMPTY;
    case 'none':
      return PERCENT_NONE;
    case 'number':
      if (v.bound || v.low !== undefined || (v.unit && !/^хувь/.test(v.unit)))
        return { kind: 'invalid', reason: 'text', text: String(value) };
      if (v.value < 0 || v.value > 100) return { kind: 'invalid', reason: 'range', text: String(value) };
      return { kind: 'rating', value: v.value };
    case 'date':
      return { kind: 'invalid', reason: 'date', text: v.guess };
    default:
      if (typeof value === 'string' && NOT_DUE.test(normalize(value))) return { kind: 'excluded', reason: 'not-due' };
      return { kind: 'invalid', reason: 'text', text: String(value) };
  }
}

/** A short, readable form of a parsed value for messages ("≥ 400", "1/2", "86 %"). */
export function describe(v: ParsedValue): string {
  switch (v.kind) {
    case 'empty':
      return '';
    case 'none':
      return '-';
    case 'number': {
      const n = v.low !== undefined ? `${v.low}-${v.value}` : String(v.value);
      const s = `${v.bound === 'min' ? '≥ ' : v.bound === 'max' ? '≤ ' : ''}${n}${v.percent ? '%' : ''}`;
      return v.unit ? `${s} ${v.unit}` : s;
    }
    case 'composite':
      return v.parts.map((p) => describe(p)).join('/');
    case 'date':
      return v.guess;
    default:
      return v.text;
  }
}
