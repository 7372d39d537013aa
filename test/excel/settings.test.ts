// The user's choices, kept in the document settings.

import { getProfile } from '../../src/core/profiles';
import { SETTINGS_KEY, defaultSettings, parseSettings } from '../../src/excel/settings';
import type { AddinSettings } from '../../src/excel/types';
import { rig } from './helpers';
import { SUMMARY_CELLS } from '../support/layout-cells';

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

describe('column corrections stay with their table: Compute inserts no rows', () => {
  // Table 1 states no average and the signature line sits right under it: Compute
  // leaves that row alone and the average is on the summary sheet; table 2 stays put.
  const H = ['Д/д', 'Арга хэмжээ', 'Шалгуур үзүүлэлт', 'Зорилтот түвшин', 'Хүрсэн түвшин', 'Хувь'];
  const data = () => ({
    sheets: [
      {
        name: 'Тайлан',
        values: [
          H,
          [1, 'Сургалт', 'Тоо', 2, 'Хоёр удаа зохион байгуулсан.', 100],
          [2, 'Тайлан', 'Тоо', 1, 'Хугацаандаа хүргүүлсэн.', 90],
          ['ХЯНАСАН:'],
          ['ДАРГА Б.БАТ'],
          [],
          ['Хоёр. Мэдлэг, ур чадвар'],
          H,
          [1, 'Сургалт', 'Тоо', 1, 'Хамрагдсан.', 100],
          ['Үнэлгээ: 100 хувь'],
        ],
        merges: [],
      },
    ],
  });
  const ignoreC = { sheet: 'Тайлан', headerRow: 7, col: 2, role: 'ignore' as const };

  it('Compute leaves the rows where they are, so the override still names its table; Revert changes nothing in settings', async () => {
    const { host, fake } = rig(data());
    const mine: AddinSettings = { profileId: 'practice', scope: 'sheet', lang: 'mn', overrides: [ignoreC] };
    await host.saveSettings(mine);
    const before = await host.analyze(mine);
    expect(before.sheets[0].tables[1].columns.map((c) => c.letter)).not.toContain('C');

    const result = await host.compute(mine);
    expect(result.plan.skipped).toEqual([
      { sheet: 'Тайлан', row: 3, col: 5, tableId: 'Тайлан!A1', reason: 'no-free-row', instead: `Үнэлгээний хураангуй!${SUMMARY_CELLS.address('average', 6)}` },
    ]);
    expect(fake.value('Тайлан', 'A4')).toBe('ХЯНАСАН:');
    expect(await host.loadSettings()).toEqual(mine);
    const after = await host.analyze(mine);
    expect(after.sheets[0].tables[1].headerRows).toEqual([7]);
    expect(after.sheets[0].tables[1].columns.map((c) => c.letter)).not.toContain('C');

    await host.revert();
    expect((await host.loadSettings()).overrides).toEqual([ignoreC]);
  });
});

describe('capabilities', () => {
  it.each([
    ['1.20', { apiVersion: '1.20', apiSufficient: true, notes: true }],
    ['1.17', { apiVersion: '1.17', apiSufficient: true, notes: false }],
    ['1.13', { apiVersion: '1.13', apiSufficient: true, notes: false }],
    ['1.8', { apiVersion: '1.8', apiSufficient: false, notes: false }],
  ])('ExcelApi %s', async (apiVersion, expected) => {
    const { host } = rig(empty, { apiVersion });
    expect(await host.capabilities()).toEqual({ requiredApi: '1.13', ...expected });
  });
});
