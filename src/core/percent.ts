// Row percent from target and achieved (docs/domain.md §4): direction, the two
// formulas, composite values part by part, targets of 0, clamping.

import { normalize, round } from './text';
import { describe, isDurationUnit, partsOf, type NumberValue, type ParsedValue } from './values';

export type Direction = 'higher' | 'lower';

export type ComputeFailure = 'no-target' | 'no-achieved' | 'narrative' | 'target-text' | 'unmeasurable' | 'parts-mismatch' | 'date';

const failed = new Map<ComputeFailure, PercentResult>();
/** One frozen result per reason: most rows fail the same way (narrative achieved). */
function fail(reason: ComputeFailure): PercentResult {
  let result = failed.get(reason);
  if (!result) failed.set(reason, (result = Object.freeze({ ok: false as const, reason })));
  return result;
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

function clamp(value: number): number {
  return Math.min(100, Math.max(0, value));
}

/** One target/achieved pair; returns the percent and how it was reached. */
export function partPercent(
  target: NumberValue,
  achieved: NumberValue,
  baseline?: NumberValue,
  targetText = '',
): { value: number; direction: Direction; how: string } {
  const targetValue = target.value;
  const achievedValue = achieved.value;
  const direction = directionOf(target, baseline, targetText);
  if (targetValue === 0) {
    const met = direction === 'lower' ? achievedValue <= 0 : achievedValue >= 0;
    return { value: met ? 100 : 0, direction, how: met ? `${achievedValue} = 0 → 100` : `${achievedValue} ≠ 0 → 0` };
  }
  if (direction === 'higher') return { value: clamp((100 * achievedValue) / targetValue), direction, how: `100 × ${achievedValue} / ${targetValue}` };
  if (achievedValue <= targetValue) return { value: 100, direction, how: `${achievedValue} ≤ ${targetValue} → 100` };
  const baselineValue = baseline?.value;
  if (baselineValue !== undefined && baselineValue > targetValue) {
    return {
      value: clamp((100 * (baselineValue - achievedValue)) / (baselineValue - targetValue)),
      direction,
      how: `100 × (${baselineValue} − ${achievedValue}) / (${baselineValue} − ${targetValue})`,
    };
  }
  return { value: clamp(200 - (100 * achievedValue) / targetValue), direction, how: `200 − 100 × ${achievedValue} / ${targetValue}` };
}

function failureFor(parsed: ParsedValue, role: 'target' | 'achieved'): ComputeFailure {
  if (parsed.kind === 'empty' || parsed.kind === 'none') return role === 'target' ? 'no-target' : 'no-achieved';
  if (parsed.kind === 'date') return 'date';
  if (parsed.kind === 'unmeasurable') return role === 'target' ? 'unmeasurable' : 'narrative';
  return role === 'target' ? 'target-text' : 'narrative';
}

/**
 * The percent a row earns, or why it cannot be computed. Composite values
 * ("1/2", "3/36/400") are compared part by part and the parts' percents
 * averaged; a part written "-" on either side is left out.
 */
export function computePercent(target: ParsedValue, achieved: ParsedValue, baseline: ParsedValue, targetText = ''): PercentResult {
  const targetParts = partsOf(target);
  if (!targetParts) return fail(failureFor(target, 'target'));
  const achievedParts = partsOf(achieved);
  if (!achievedParts) return fail(failureFor(achieved, 'achieved'));
  if (targetParts.length !== achievedParts.length) return fail('parts-mismatch');
  const baselineParts = partsOf(baseline);
  const results: { value: number; direction: Direction; how: string }[] = [];
  for (let i = 0; i < targetParts.length; i++) {
    const targetPart = targetParts[i];
    const achievedPart = achievedParts[i];
    if (targetPart.kind !== 'number' || achievedPart.kind !== 'number') continue;
    const baselinePart = baselineParts && baselineParts.length === targetParts.length && baselineParts[i].kind === 'number' ? (baselineParts[i] as NumberValue) : undefined;
    results.push(partPercent(targetPart, achievedPart, baselinePart, targetText));
  }
  if (results.length === 0) return fail('no-achieved');
  const mean = results.reduce((sum, result) => sum + result.value, 0) / results.length;
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
export function levelDistance(first: number, second: number, scale: number[]): number {
  const sorted = [...scale].sort((x, y) => y - x);
  const firstLevel = sorted.indexOf(snapDown(first, scale));
  const secondLevel = sorted.indexOf(snapDown(second, scale));
  return Math.abs(firstLevel - secondLevel);
}
