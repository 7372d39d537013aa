import { computePercent, directionOf, levelDistance, partPercent, snapDown } from '../../src/core/percent';
import { parseValue, type NumberValue } from '../../src/core/values';

const num = (value: number, extra: Partial<NumberValue> = {}): NumberValue => ({ kind: 'number', value, percent: false, ...extra });
const pct = (t: unknown, a: unknown, b: unknown = null) =>
  computePercent(parseValue(t as string), parseValue(a as string), parseValue(b as string), String(t ?? ''));

describe('higher is better', () => {
  it('100 × achieved / target', () => {
    expect(partPercent(num(10), num(8)).value).toBe(80);
    expect(pct(400, 350)).toMatchObject({ ok: true, value: 87.5, direction: 'higher' });
  });
  it('"доошгүй" confirms it even when the target is below the baseline', () => {
    expect(directionOf(num(100, { bound: 'min' }), num(233))).toBe('higher');
    expect(pct('100-аас доошгүй', 120, 233)).toMatchObject({ ok: true, value: 100, direction: 'higher' });
  });
  it('clamps to 100 and keeps one decimal', () => {
    expect(pct(3, 7)).toMatchObject({ value: 100 });
    expect(pct(3, 1)).toMatchObject({ value: 33.3 });
  });
});

describe('lower is better', () => {
  it('is chosen by words in the target, by a duration, or by a target below the baseline', () => {
    expect(directionOf(num(10, { bound: 'max' }), undefined)).toBe('lower');
    expect(directionOf(num(15, { unit: 'хоног' }), num(30, { unit: 'хоног' }))).toBe('lower');
    expect(directionOf(num(6.5), num(13))).toBe('lower');
    expect(directionOf(num(5), undefined, '5 хүртэл бууруулах')).toBe('lower');
    // Words alone, with the number parsed without a bound: "30%-иар БУУРУУЛАХ".
    expect(directionOf(num(30, { percent: true, unit: 'иар бууруулах' }), undefined, '30%-иар БУУРУУЛАХ')).toBe('lower');
  });
  it('100 when achieved is at or under the target', () => {
    expect(pct('15 хоног', '14,8 хоног', '30 хоног')).toMatchObject({ ok: true, value: 100, direction: 'lower' });
  });
  it('with a baseline above the target: 100 × (baseline − achieved) / (baseline − target)', () => {
    // baseline 13 %, target 6.5 %, achieved 9.75 % → half way → 50.
    expect(pct('6.5%', '9.75%', '13%')).toMatchObject({ ok: true, value: 50 });
  });
  it('without a baseline: 200 − 100 × achieved / target', () => {
    expect(pct('10-аас ихгүй', 12)).toMatchObject({ ok: true, value: 80 });
    expect(pct('10-аас ихгүй', 25)).toMatchObject({ ok: true, value: 0 });
  });
});

describe('targets of 0', () => {
  it('100 when achieved meets it, else 0', () => {
    expect(partPercent(num(0), num(0), num(51)).value).toBe(100);
    expect(partPercent(num(0), num(3), num(51)).value).toBe(0);
    expect(partPercent(num(0), num(2)).value).toBe(100); // higher is better: any achievement meets 0
  });
});

describe('composite values', () => {
  it('compares part by part and averages the parts', () => {
    // 1/2 → 2/2: 100 and 100
    expect(pct('1/2', '1/2')).toMatchObject({ ok: true, value: 100 });
    // 3/36/400 vs 3/18/200: 100, 50, 50 → 66.7
    expect(pct('3/36/400', '3/18/200')).toMatchObject({ ok: true, value: 66.7 });
  });
  it('uses the matching baseline part for direction', () => {
    // "96 хувь/0" against baseline "95,6 хувь/51": higher for the first part, lower (target 0) for the second.
    expect(pct('96 хувь/0', '97 хувь/0', '95,6 хувь/51')).toMatchObject({ ok: true, value: 100 });
    expect(pct('96 хувь/0', '48 хувь/4', '95,6 хувь/51')).toMatchObject({ ok: true, value: 25 });
  });
  it('skips parts written "-"', () => {
    expect(pct('3/36/-', '3/18/5')).toMatchObject({ ok: true, value: 75 });
  });
  it('cannot compare values with different numbers of parts', () => {
    expect(pct('1/2', 5)).toEqual({ ok: false, reason: 'parts-mismatch' });
  });
});

describe('what cannot be computed', () => {
  it.each([
    [null, 5, 'no-target'],
    ['-', 5, 'no-target'],
    [5, null, 'no-achieved'],
    [5, 'Хамрагдаж тэнцсэн.', 'narrative'],
    ['Тухай бүр', 5, 'unmeasurable'],
    ['сайжруулах', 5, 'target-text'],
  ])('target %p, achieved %p → %s', (t, a, reason) => {
    expect(pct(t, a)).toEqual({ ok: false, reason });
  });
  it('a date in the target', () => {
    expect(computePercent(parseValue(45293, 'd-mmm'), parseValue(1), parseValue(null))).toEqual({ ok: false, reason: 'date' });
  });
});

describe('scales', () => {
  const practice = [100, 90, 70, 50, 30, 0];
  it('snaps down to the nearest level', () => {
    expect(snapDown(85, practice)).toBe(70);
    expect(snapDown(90, practice)).toBe(90);
    expect(snapDown(29.9, practice)).toBe(0);
  });
  it('counts levels apart', () => {
    expect(levelDistance(100, 70, practice)).toBe(2);
    expect(levelDistance(100, 90, practice)).toBe(1);
  });
});
