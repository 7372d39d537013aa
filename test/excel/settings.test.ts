// The user's choices, kept in the document settings.

import { getProfile } from '../../src/core/profiles';
import { SETTINGS_KEY, defaultSettings, parseSettings } from '../../src/excel/settings';
import type { AddinSettings } from '../../src/excel/types';
import { rig } from './helpers';

const empty = { sheets: [{ name: 'S', values: [[1]], merges: [] }] };

describe('defaults', () => {
  it.each([
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['mn-MN', 'mn'],
    ['ru-RU', 'mn'],
    ['', 'mn'],
  ])('display language %s → %s', (display, lang) => {
    expect(defaultSettings(display)).toEqual({ profileId: 'practice', scope: 'sheet', lang, overrides: [] });
  });

  it('a workbook without settings gets the defaults for the display language', async () => {
    const { host } = rig(empty, { displayLanguage: 'en-US' });
    expect(await host.loadSettings()).toEqual({ profileId: 'practice', scope: 'sheet', lang: 'en', overrides: [] });
  });
});

describe('save and load', () => {
  it('round-trips through Office.context.document.settings and saves the document settings', async () => {
    const { fake, host } = rig(empty);
    const mine: AddinSettings = {
      profileId: 'zg206',
      profile: { ...getProfile('zg206'), snapDown: true },
      scope: 'workbook',
      lang: 'en',
      overrides: [{ sheet: 'Тайлан', headerRow: 4, col: 6, role: 'achieved' }],
    };
    await host.saveSettings(mine);
    expect(fake.office.settings.saveCount).toBe(1);
    expect(typeof fake.office.settings.saved[SETTINGS_KEY]).toBe('string');
    expect(await host.loadSettings()).toEqual(mine);
  });

  it('reports a failed save', async () => {
    const { fake, host } = rig(empty);
    fake.office.settings.failSave = true;
    await expect(host.saveSettings(defaultSettings('mn'))).rejects.toThrow('could not be saved');
  });
});

describe('stored settings that are damaged or old', () => {
  it('fall back field by field', () => {
    const s = parseSettings(
      JSON.stringify({ profileId: 42, scope: 'everything', lang: 'fr', overrides: [{ sheet: 'A', headerRow: 1, col: 2, role: 'percent' }, { sheet: 'B', col: 'x' }, { sheet: 'C', headerRow: 1, col: 1, role: 'nonsense' }] }),
      'mn-MN',
    );
    expect(s).toEqual({ profileId: 'practice', scope: 'sheet', lang: 'mn', overrides: [{ sheet: 'A', headerRow: 1, col: 2, role: 'percent' }] });
  });

  it('not JSON: the defaults', () => {
    expect(parseSettings('{oops', 'en-US')).toEqual(defaultSettings('en-US'));
  });
});
