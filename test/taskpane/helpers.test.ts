// Pure helpers behind the pane: override bookkeeping, the profile form, the
// findings filter and the language choice.

import { getProfile } from '../../src/core/profiles';
import type { ColumnInfo, Finding, FindingCode, TableInfo } from '../../src/core';
import { formatFigure, langFromDisplayLanguage, uiText, UI_TEXT } from '../../src/i18n/ui';
import { ALL_SEVERITIES, groupFindings, matchesFilter } from '../../src/taskpane/findings';
import { mappedColumns, withRoleChoice } from '../../src/taskpane/overrides';
import { formFromProfile, parseNumber, parseScale, profileFromForm, sameScoring } from '../../src/taskpane/profileForm';

const col = (c: number, role: ColumnInfo['role']): ColumnInfo => ({ col: c, letter: 'ABCDEFGH'[c], role, header: role, source: 'header' });

const table = (sheet = 'Тайлан', headerRows = [4, 5]): TableInfo => ({
  id: `${sheet}!A5`,
  sheet,
  title: '',
  kind: 'report',
  headerRows,
  firstRow: headerRows[0],
  lastRow: 30,
  firstCol: 0,
  lastCol: 4,
  columns: [col(0, 'index'), col(1, 'action'), col(3, 'achieved'), col(4, 'percent')],
  rows: [],
  groups: [],
  stated: [],
});

describe('overrides', () => {
  it('names the table by sheet and first header row, replaces an earlier choice for the column, and leaves other tables alone', () => {
    const other = { sheet: 'Тайлан', headerRow: 40, col: 3, role: 'ignore' as const };
    let o = withRoleChoice([other], table(), 3, 'ignore');
    expect(o).toEqual([other, { sheet: 'Тайлан', headerRow: 4, col: 3, role: 'ignore' }]);
    o = withRoleChoice(o, table(), 3, 'target');
    expect(o).toEqual([other, { sheet: 'Тайлан', headerRow: 4, col: 3, role: 'target' }]);
    expect(withRoleChoice(o, table(), 3, null)).toEqual([other]);
  });

  it('keeps one column per role (points excepted), as the engine does', () => {
    let o = withRoleChoice([], table(), 2, 'percent');
    o = withRoleChoice(o, table(), 3, 'percent');
    expect(o).toEqual([{ sheet: 'Тайлан', headerRow: 4, col: 3, role: 'percent' }]);
    o = withRoleChoice(o, table(), 1, 'points');
    o = withRoleChoice(o, table(), 2, 'points');
    expect(o.filter((x) => x.role === 'points').map((x) => x.col)).toEqual([1, 2]);
  });

  it('lists every column of the span, those without a role too, with the user\'s choice over the engine\'s', () => {
    const cols = mappedColumns(table(), [{ sheet: 'Тайлан', headerRow: 4, col: 3, role: 'ignore' }]);
    expect(cols.map((c) => [c.letter, c.choice, c.override ? 'user' : c.info?.source ?? '-'])).toEqual([
      ['A', 'index', 'header'],
      ['B', 'action', 'header'],
      ['C', '', '-'],
      ['D', 'ignore', 'user'],
      ['E', 'percent', 'header'],
    ]);
  });
});

describe('profile form', () => {
  const practice = getProfile('practice');

  it('round-trips a shipped profile unchanged', () => {
    const out = profileFromForm(formFromProfile(practice, 'mn'), practice, 'mn');
    expect(out.problems).toEqual([]);
    expect(sameScoring(out.profile, practice)).toBe(true);
  });

  it('reads numbers with comma or point decimals and scales with any separator', () => {
    expect(parseNumber('0,05')).toBe(0.05);
    expect(parseNumber(' 7 ')).toBe(7);
    expect(parseNumber('')).toBeNaN();
    expect(parseNumber('7 оноо')).toBeNaN();
    expect(parseScale('100·90; 70 50,30,0')).toEqual({ levels: [100, 90, 70, 50, 30, 0], bad: [] });
    expect(parseScale('100, x, 50').bad).toEqual(['x']);
  });

  it('reports problems in both languages and marks the scale ones', () => {
    const form = { ...formFromProfile(practice, 'en'), scale: '', fivePointFactor: '-1', skills: 'x' };
    const out = profileFromForm(form, practice, 'en');
    const en = out.problems.map((p) => p.en);
    expect(en).toEqual(
      expect.arrayContaining([
        'The rating scale is empty.',
        'The 5-point factor must be positive.',
        UI_TEXT.weightsInvalid.en,
      ]),
    );
    expect(out.scaleProblems.map((p) => p.en)).toEqual(['The rating scale is empty.']);
    expect(out.problems.every((p) => p.mn.length > 0)).toBe(true);
  });

  it('keeps the last band\'s floor as it was, and mends one that JSON turned into null', () => {
    const stored = { ...practice, grades: practice.grades.map((g, i) => (i === 4 ? { ...g, above: null as unknown as number } : g)) };
    const form = formFromProfile(stored, 'mn');
    expect(form.grades[4].above).toBe('');
    expect(profileFromForm(form, stored, 'mn').profile.grades[4].above).toBe(-1);
    expect(profileFromForm(formFromProfile(practice, 'mn'), practice, 'mn').profile.grades[4].above).toBe(practice.grades[4].above);
  });

  it('edits a band label in the pane\'s language only', () => {
    const form = formFromProfile(practice, 'en');
    form.grades[1].label = 'Very good';
    const out = profileFromForm(form, practice, 'en');
    expect(out.profile.grades[1].label).toEqual({ mn: 'Сайн', en: 'Very good' });
    expect(sameScoring(out.profile, practice)).toBe(false);
  });
});

describe('findings filter', () => {
  const f = (code: FindingCode, severity: Finding['severity'], cell: string, row: number, sheet = 'A'): Finding => ({
    code,
    severity,
    sheet,
    cell,
    row,
    col: 0,
    message: { mn: `мн ${code}`, en: `en ${code}` },
  });

  it('matches every word given, in code, cell or message (either language)', () => {
    const x = f('missing-percent', 'error', 'H40', 39);
    const all = { severities: ALL_SEVERITIES, text: '' };
    expect(matchesFilter(x, { ...all, text: 'MISSING h40' }, 'mn')).toBe(true);
    expect(matchesFilter(x, { ...all, text: 'en missing' }, 'mn')).toBe(true);
    expect(matchesFilter(x, { ...all, text: 'missing h41' }, 'mn')).toBe(false);
    expect(matchesFilter(x, { severities: { ...ALL_SEVERITIES, error: false }, text: '' }, 'mn')).toBe(false);
  });

  it('orders each group by the workbook\'s sheet order, then row', () => {
    const list = [
      f('missing-target', 'warning', 'A9', 8, 'Second'),
      f('missing-achieved', 'warning', 'A3', 2, 'Second'),
      f('missing-indicator', 'warning', 'A20', 19, 'First'),
      f('percent-invalid', 'error', 'A1', 0, 'Second'),
    ];
    const groups = groupFindings(list, { severities: ALL_SEVERITIES, text: '' }, 'mn', ['First', 'Second']);
    expect(groups.map((g) => [g.severity, g.findings.map((x) => x.code)])).toEqual([
      ['error', ['percent-invalid']],
      ['warning', ['missing-indicator', 'missing-achieved', 'missing-target']],
    ]);
  });
});

describe('language', () => {
  it('follows Office: English for English, Mongolian for Mongolian and anything else', () => {
    expect(langFromDisplayLanguage('en-US')).toBe('en');
    expect(langFromDisplayLanguage('EN-gb')).toBe('en');
    expect(langFromDisplayLanguage('mn-MN')).toBe('mn');
    expect(langFromDisplayLanguage('ru-RU')).toBe('mn');
    expect(langFromDisplayLanguage(undefined)).toBe('mn');
  });

  it('has every pane string in both languages, with the same parameters', () => {
    for (const [key, text] of Object.entries(UI_TEXT)) {
      expect([key, text.mn.trim().length > 0, text.en.trim().length > 0]).toEqual([key, true, true]);
      // {name} and {name#one|other} name the same parameter.
      const params = (s: string) => (s.match(/\{\w+(?=[#}])/g) ?? []).sort();
      expect([key, params(text.mn)]).toEqual([key, params(text.en)]);
    }
    expect(uiText('en', 'cleared', { count: 3 })).toBe('Marks cleared from 3 cells.');
  });

  it('formats figures with at most the given decimals', () => {
    expect(formatFigure(95.55)).toBe('95.6');
    expect(formatFigure(4.777, 2)).toBe('4.78');
    expect(formatFigure(null)).toBe('—');
  });
});
