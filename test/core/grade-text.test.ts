// A grade as people read it ("A · Маш сайн", src/core/grade-text.ts): the
// text the summary sheet and the roll-up write as a value is the text their
// formula gives, for every band of every profile, in both languages.

import { gradeFor, PROFILES, type Lang } from '../../src/core';
import { formulaValue, Workbook } from '../../src/core/formula-value';
import { gradeFormula, gradeText } from '../../src/core/grade-text';
import { sheetOf } from '../support/sheet-builder';

describe('the grade text', () => {
  it('is the letter and the label with a dot between; nothing without a grade; the letter alone without a label', () => {
    const label = { mn: 'Маш сайн', en: 'Excellent' };
    expect(gradeText('A', label, 'mn')).toBe('A · Маш сайн');
    expect(gradeText('A', label, 'en')).toBe('A · Excellent');
    expect(gradeText(null, label, 'mn')).toBe('');
    expect(gradeText('A', null, 'en')).toBe('A');
  });

  const averages = [100, 90.1, 90, 85, 75, 65, 60, 12, 0];
  const cases = PROFILES.flatMap((profile) => (['mn', 'en'] as Lang[]).map((lang) => [profile.id, lang] as const));
  it.each(cases)('%s in %s: the formula gives, for each average, the text written beside it', (id, lang) => {
    const profile = PROFILES.find((p) => p.id === id)!;
    for (const average of averages) {
      const sheet = sheetOf([[average]], { name: 'Хураангуй' });
      const band = gradeFor(profile, average);
      expect(formulaValue(`=${gradeFormula(profile, 'A1', lang)}`, sheet, new Workbook([sheet]))).toBe(gradeText(band.grade, band.label, lang));
    }
    const empty = sheetOf([[null]], { name: 'Хураангуй' });
    expect(formulaValue(`=${gradeFormula(profile, 'A1', lang)}`, empty, new Workbook([empty]))).toBe('');
  });
});
