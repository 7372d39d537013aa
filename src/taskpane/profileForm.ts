// The profile editor's form: what the user types (strings, so half-typed
// numbers survive), and the Profile it makes with the problems that keep it
// from being saved. Pure: tested with the settings panel.

import { profileProblems, type Localized, type Profile } from '../core';
import { UI_TEXT, type Lang } from '../i18n/ui';

interface BandForm {
  grade: string;
  /** '' for the last band (everything at or below the next threshold; not edited). */
  above: string;
  label: string;
}

export interface ProfileForm {
  scale: string;
  snapDown: boolean;
  fivePointFactor: string;
  performance: string;
  skills: string;
  supervisorMax: string;
  colleaguesMax: string;
  grades: BandForm[];
}

const num = (n: number) => String(n);

export function formFromProfile(profile: Profile, lang: Lang): ProfileForm {
  return {
    scale: profile.scale.join(', '),
    snapDown: profile.snapDown,
    fivePointFactor: num(profile.fivePointFactor),
    performance: num(profile.annex8.performance),
    skills: num(profile.annex8.skills),
    supervisorMax: num(profile.annex8.supervisorMax),
    colleaguesMax: num(profile.annex8.colleaguesMax),
    grades: profile.grades.map((band, i) => ({
      grade: band.grade,
      above: i === profile.grades.length - 1 || !Number.isFinite(band.above) ? '' : num(band.above),
      label: band.label[lang],
    })),
  };
}

/**
 * The last band catches everything below the others: the form does not edit
 * its threshold, which stays as it was (-1 in the shipped profiles, so that a
 * profile survives JSON; a stored -Infinity comes back from JSON as null).
 */
function lastBandFloor(above: number | null | undefined): number {
  return typeof above === 'number' && Number.isFinite(above) ? above : -1;
}

/** "0,05" and "0.05" are the same number; '' and words are not numbers (NaN). */
export function parseNumber(text: string): number {
  const normalized = text.trim().replace(/\s+/g, '').replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(normalized)) return NaN;
  return Number(normalized);
}

/** Scale levels: separated by commas, semicolons, spaces or "·". */
export function parseScale(text: string): { levels: number[]; bad: string[] } {
  const parts = text.split(/[\s,;·]+/).filter((s) => s !== '');
  const levels: number[] = [];
  const bad: string[] = [];
  for (const part of parts) {
    const value = /^[-+]?(\d+\.?\d*|\.\d+)$/.test(part) ? Number(part) : NaN;
    if (Number.isNaN(value)) bad.push(part);
    levels.push(value);
  }
  return { levels, bad };
}

const fill = (template: Localized, params: Record<string, string>): Localized => ({
  mn: template.mn.replace(/\{(\w+)\}/g, (a, k: string) => params[k] ?? a),
  en: template.en.replace(/\{(\w+)\}/g, (a, k: string) => params[k] ?? a),
});

export interface FormOutcome {
  profile: Profile;
  problems: Localized[];
  /** The scale field itself is wrong (to mark that field). */
  scaleProblems: Localized[];
}

export function profileFromForm(form: ProfileForm, base: Profile, lang: Lang): FormOutcome {
  const { levels, bad } = parseScale(form.scale);
  const profile: Profile = {
    ...base,
    // Highest first, as the engine expects.
    scale: [...levels].sort((a, b) => (Number.isNaN(a) ? 1 : Number.isNaN(b) ? -1 : b - a)),
    snapDown: form.snapDown,
    fivePointFactor: parseNumber(form.fivePointFactor),
    annex8: {
      performance: parseNumber(form.performance),
      skills: parseNumber(form.skills),
      supervisorMax: parseNumber(form.supervisorMax),
      colleaguesMax: parseNumber(form.colleaguesMax),
    },
    grades: form.grades.map((band, i) => ({
      grade: band.grade.trim() || base.grades[i]?.grade || '?',
      above: i === form.grades.length - 1 ? lastBandFloor(base.grades[i]?.above) : parseNumber(band.above),
      label: { ...(base.grades[i]?.label ?? { mn: '', en: '' }), [lang]: band.label },
    })),
  };
  const local: Localized[] = bad.map((text) => fill(UI_TEXT.notANumber, { text }));
  const core = profileProblems(profile);
  const scaleWords = /шатлал|scale/i;
  const scaleProblems = [...local, ...core.filter((p) => scaleWords.test(p.en))];
  const weights = profile.annex8;
  if (![weights.performance, weights.skills, weights.supervisorMax, weights.colleaguesMax].every((v) => Number.isFinite(v) && v >= 0))
    local.push(UI_TEXT.weightsInvalid);
  if (profile.grades.some((g) => Number.isNaN(g.above))) local.push(UI_TEXT.bandInvalid);
  const problems = [...local, ...core];
  return { profile, problems: dedupe(problems), scaleProblems: dedupe(scaleProblems) };
}

function dedupe(list: Localized[]): Localized[] {
  const seen = new Set<string>();
  return list.filter((p) => (seen.has(p.en) ? false : (seen.add(p.en), true)));
}

/** The two profiles score alike (names aside). */
export function sameScoring(first: Profile, second: Profile): boolean {
  const key = (p: Profile) =>
    JSON.stringify([p.scale, p.snapDown, p.fivePointFactor, p.annex8, p.inconsistencyLevels, p.grades.map((g) => [g.above, g.grade, g.label])]);
  return key(first) === key(second);
}
