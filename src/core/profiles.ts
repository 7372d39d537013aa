// Scoring profiles: the rating scale, snapping, weights and grade bands. The
// official texts change every few years, so these are data a user can pick
// and edit (docs/domain.md §4), not constants spread through the engine.

import type { Localized } from './types';

export interface GradeBand {
  /** The band holds averages above `above` (and up to the next band). */
  above: number;
  grade: string;
  label: Localized;
}

interface Annex8Weights {
  /** Section 1: mean percent × this (70 points at 100 %). */
  performance: number;
  /** Section 2: percent × this per row, then the mean (15 points at 100 %). */
  skills: number;
  /** Section 3 and 4 maxima: supervisor's and colleagues' ratings. */
  supervisorMax: number;
  colleaguesMax: number;
}

export interface Profile {
  id: string;
  name: Localized;
  /** Rating levels, highest first. */
  scale: number[];
  /** Snap a computed percent down to the nearest level of the scale (off by default). */
  snapDown: boolean;
  /** Percent → 5-point figure factor (65.22 % → 3.26). */
  fivePointFactor: number;
  /** Bands from the highest; the last one catches everything at or below the next-higher threshold. */
  grades: GradeBand[];
  annex8: Annex8Weights;
  /** A rating that differs from the computed percent by this many scale levels contradicts it. */
  inconsistencyLevels: number;
}

const GRADES: GradeBand[] = [
  { above: 90, grade: 'A', label: { mn: 'Маш сайн', en: 'Excellent' } },
  { above: 80, grade: 'B', label: { mn: 'Сайн', en: 'Good' } },
  { above: 70, grade: 'C', label: { mn: 'Хангалттай', en: 'Satisfactory' } },
  { above: 60, grade: 'D', label: { mn: 'Сайжруулах шаардлагатай', en: 'Needs improvement' } },
  // -1 rather than -Infinity, so a profile survives JSON (document settings) unchanged.
  { above: -1, grade: 'F', label: { mn: 'Хангалтгүй', en: 'Unsatisfactory' } },
];

const ANNEX8: Annex8Weights = { performance: 0.7, skills: 0.15, supervisorMax: 7, colleaguesMax: 8 };

export const PROFILES: Profile[] = [
  {
    id: 'practice',
    name: { mn: 'Нэгжүүдийн практик (100·90·70·50·30·0)', en: "Units' practice (100·90·70·50·30·0)" },
    scale: [100, 90, 70, 50, 30, 0],
    snapDown: false,
    fivePointFactor: 0.05,
    grades: GRADES,
    annex8: ANNEX8,
    inconsistencyLevels: 2,
  },
  {
    id: 'zg206',
    name: { mn: 'ЗГ-ын 206 тогтоол (100·70·30·0)', en: 'Government resolution 206 (100·70·30·0)' },
    scale: [100, 70, 30, 0],
    snapDown: false,
    fivePointFactor: 0.05,
    grades: GRADES,
    annex8: ANNEX8,
    inconsistencyLevels: 2,
  },
  {
    id: 'finer',
    name: { mn: 'Нарийвчилсан (100·90·80·70·50·30·10·0)', en: 'Finer (100·90·80·70·50·30·10·0)' },
    scale: [100, 90, 80, 70, 50, 30, 10, 0],
    snapDown: false,
    fivePointFactor: 0.05,
    grades: GRADES,
    annex8: ANNEX8,
    inconsistencyLevels: 3,
  },
];

export const DEFAULT_PROFILE_ID = 'practice';

export function getProfile(id: string | undefined): Profile {
  return PROFILES.find((p) => p.id === id) ?? PROFILES.find((p) => p.id === DEFAULT_PROFILE_ID)!;
}

/** The grade band an average falls in. */
export function gradeFor(profile: Profile, average: number): GradeBand {
  for (const band of profile.grades) if (average > band.above) return band;
  return profile.grades[profile.grades.length - 1];
}

/** Checks a user-edited profile; returns problems in both languages (empty when fine). */
export function profileProblems(profile: Profile): Localized[] {
  const out: Localized[] = [];
  if (!profile.scale.length) out.push({ mn: 'Үнэлгээний шатлал хоосон байна.', en: 'The rating scale is empty.' });
  if (profile.scale.some((v) => !Number.isFinite(v) || v < 0 || v > 100))
    out.push({ mn: 'Шатлалын утга 0–100 байх ёстой.', en: 'Scale levels must be between 0 and 100.' });
  if (!(profile.fivePointFactor > 0)) out.push({ mn: '5 онооны коэффициент эерэг байх ёстой.', en: 'The 5-point factor must be positive.' });
  for (let i = 1; i < profile.grades.length; i++) {
    if (!(profile.grades[i].above < profile.grades[i - 1].above))
      out.push({ mn: 'Үнэлгээний зэрэглэл буурах дарааллаар байх ёстой.', en: 'Grade bands must be in decreasing order.' });
  }
  return out;
}
