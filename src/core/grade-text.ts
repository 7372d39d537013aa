// A grade as people read it, "A · Маш сайн", written once: the summary
// sheet and the roll-up write it (as a value and as the formula that gives
// it), the pane and the command line print it.

import type { Profile } from './profiles';
import type { Lang, Localized } from './types';

/** "A · Маш сайн" ('' when there is no grade; the letter alone when it has no label). */
export function gradeText(grade: string | null, label: Localized | null, lang: Lang): string {
  if (!grade) return '';
  return label ? `${grade} · ${label[lang]}` : grade;
}

/** The grade of the cell at `ref` as a formula (the profile's bands, highest first), "" when it is empty: IF(E6>90,"A · Маш сайн",IF(E6>80,…,"F · Хангалтгүй")). */
export function gradeFormula(profile: Profile, ref: string, lang: Lang): string {
  let expression = '';
  let closing = '';
  profile.grades.forEach((band, i) => {
    const text = `"${gradeText(band.grade, band.label, lang).replace(/"/g, '""')}"`;
    if (i === profile.grades.length - 1 || !Number.isFinite(band.above)) expression += text;
    else {
      expression += `IF(${ref}>${band.above},${text},`;
      closing += ')';
    }
  });
  return `IF(${ref}="","",${expression}${closing})`;
}
