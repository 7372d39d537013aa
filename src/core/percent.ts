// Row percent from target and achieved (docs/domain.md §4): direction, the two
// formulas, composite values part by part, targets of 0, clamping.

import { normalize, round } from './text';
import { describe, isDurationUnit, partsOf, type NumberValue, type ParsedValue } from './values';

export type Direction = 'higher' | 'lower';

export type ComputeFailure = 'no-target' | 'no-achieved' | 'narrative' | 'target-text' | 'unmeasurable' | 'parts-mismatch' | 'date';

const failed = new Map<ComputeFailure, PercentResult>();
/** One frozen result per reason: most rows fail the same way (narrative achieved). */
function fail(reason: ComputeFailure): PercentResult {
  let r = failed.get(reason);
  if (!r) failed.set(reason, (r = Object.freeze({ ok: false as const, reason })));
  return r;
}

export type PercentResult =
  | { ok: true; value: number; direction: Direction; how: string }
  | { ok: false; reason: ComputeFailure };

/** Words in the target that say smaller is better. */
const LOWER_WORDS = /ихгуй|хэтрэхгуй|бууруулах|бууруулна|багасгах/;

/** `targetText` is the target cell as written; its words can say smaller is better. */
export function directionOf(target: NumberValue, baseline: NumberValue | undefined, targetText = ''): Direction {
  if (target.bound === 'min') return 'higher';
  if (target.bound === 'max' || isDurationUnit(target.unit)) return 'lower';
  // Words only where there are letters (most targets are bare numbers).
  if (/[^\d\s.,%/-]/.test(targetText) && LOWER_WORDS.test(normalize(targetText))) return 'lower';
  if (baseline && target.value < baseline.value) return 'lower';
  return 'higher';
}

function clamp(v: number): number {
  return Math.min(100, Math.max(0, v));
}

/** One target/achieved pair; returns the percent and how it was reached. */
export function partPercent(
  target: NumberValue,
  achieved: NumberValue,
  baseline?: NumberValue,
  targetText = '',
): { value: number; direction: Direction; how: string } {
  const t = target.value;
  const a = achieved.value;
  const dir = directionOf(target, baseline, targetText);
  if (t === 0) {
    const met = dir === 'lower' ? a <= 0 : a >= 0;
    return { value: met ? 100 : 0, direction: dir, how: met ? `${a} = 0 → 100` : `${a} ≠ 0 → 0` };
  }
  if (dir === 'higher') return { value: clamp((100 * a) / t), direction: dir, how: `100 × ${a} / ${t}` };
  if (a <= t) return { value: 100, direction: dir, how: `${a} ≤ ${t} → 100` };
  const b = baseline?.value;
  if (b !== undefined && b > t) return { value: clamp((100 * (b - a)) / (b - t)), direction: dir, how: `100 × (${b} − ${a}) / (${b} − ${t})` };
  return { value: clamp(200 - (100 * a) / t), direction: dir, how: `200 − 100 × ${a} / ${t}` };
}

function failureFor(v: ParsedValue, role: 'target' | 'achieved'): ComputeFailure {
  if (v.kind === 'empty' || v.kind === 'none') return role === 'target' ? 'no-target' : 'no-achieved';
  if (v.kind === 'date') return 'date';
  if (v.kind === 'unmeasurable') return role === 'target' ? 'unmeasurable' : 'narrative';
  return role === 'target' ? 'target-text' : 'narrative';
}

/**
 * The percent a row earns, or why it cannot be computed. Composite values
 * ("1/2", "3/36/400") are compared part by part and the parts' percents
 * averaged; a part written "-" on either side is left out.
 */
export function computePercent(target: ParsedValue, achieved: ParsedValue, baseline: ParsedValue, targetText = ''): PercentResult {
  const tp = partsOf(target);
  if (!tp) return fail(failureFor(target, 'target'));
  const ap = partsOf(achieved);
  if (!ap) return fail(failureFor(achieved, 'achieved'));
  if (tp.length !== ap.length) return fail('parts-mismatch');
  const bp = partsOf(baseline);
  const results: { value: number; direction: Direction; how: string }[] = [];
  for (let i = 0; i < tp.length; i++) {
    const t = tp[i];
    const a = ap[i];
    if (t.kind !== 'number' || a.kind !== 'number') continue;
    const b = bp && bp.length === tp.length && bp[i].kind === 'number' ? (bp[i] as NumberValue) : undefined;
    results.push(partPercent(t, a, b, targetText));
  }
  if (results.length === 0) return fail('no-achieved');
  const mean = results.reduce((s, r) => s + r.value, 0) / results.length;
  const how =
    results.length === 1
      ? results[0].how
      : `(${results.map((r) => round(r.value, 1)).join(' + ')}) / ${results.length}`;
  return { ok: true, value: round(mean, 1), direction: results[0].direction, how: `${describe(achieved)} / ${describe(target)}: ${how}` };
}

/** Snaps a percent down to the nearest level of the scale (100 90 70 … : 85 → 70). */
export function snapDown(value: number, scale: number[]): number {
  let best = -Infinity;
  for (const level of scale) if (level <= value + 1e-9 && level > best) best = level;
  return best === -Infinity ? Math.min(...scale) : best;
}

/** How many scale levels apart two percents are (each snapped down first). */
export function levelDistance(a: number, b: number, scale: number[]): number {
  const sorted = [...scale].sort((x, y) => y - x);
  const ia = sorted.indexOf(snapDown(a, scale));
  const ib = sorted.indexOf(snapDown(b, scale));
  return Math.abs(ia - ib);
}
