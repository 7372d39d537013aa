// The web page's own pieces that run without a browser: the opened workbook
// loaded into the fake Excel in slices (the same cells as FakeExcel's own
// loader), the computed copy's name and the host that waits for the workbook
// (the computed copy's bytes are held to the command line's in test/e2e).

import * as fs from 'fs';
import { FakeExcel } from '../../src/in-memory-excel/excel';
import { computedName, fakeData, type OpenedBook } from '../../src/preview/book';
import { deferredHost } from '../../src/preview/deferred-host';
import { buildFake } from '../../src/preview/load';
import { readXlsx } from '../../src/xlsx';
import { FIXTURE_NAMES, fixturePath } from '../support/fixtures';
import { stubHost } from '../taskpane/stub-host';

function opened(name: (typeof FIXTURE_NAMES)[number]): OpenedBook {
  const book = readXlsx(new Uint8Array(fs.readFileSync(fixturePath(name))));
  return {
    sheets: book.sheets.filter((s) => s.kind === 'worksheet' && s.sheet).map((s) => ({ name: s.name, state: s.state, protected: s.protected, sheet: s.sheet! })),
    workbookProtected: book.workbookProtected,
    macroEnabled: book.macroEnabled,
  };
}

describe('buildFake', () => {
  it.each(FIXTURE_NAMES)('loads %s as FakeExcel loads its data, pausing between slices', async (name) => {
    const book = opened(name);
    let pauses = 0;
    const sliced = await buildFake(book, {}, async () => void pauses++, 0);
    expect(sliced.dump()).toEqual(new FakeExcel(fakeData(book)).dump());
    expect(pauses).toBeGreaterThanOrEqual(0);
  });

  it('keeps hidden sheets hidden, protection, and opens on the first visible sheet', async () => {
    const book = opened('report-2024-aimag-admin-dept');
    const hidden = { ...book.sheets[0], name: 'Лавлах', state: 'hidden' as const, protected: true };
    const fake = await buildFake({ ...book, sheets: [hidden, ...book.sheets], workbookProtected: true }, {});
    expect(fake.model.sheets.map((s) => [s.name, s.visibility, s.protected_])).toEqual([
      ['Лавлах', 'Hidden', true],
      ['Тайлан', 'Visible', false],
    ]);
    expect(fake.model.active.name).toBe('Тайлан');
    expect(fake.model.protected_).toBe(true);
  });
});

describe('the computed copy', () => {
  it('is named after the file, an .xlsm staying one', () => {
    expect(computedName('report.xlsx', false)).toBe('report.computed.xlsx');
    expect(computedName('Тайлан 2024.XLSX', false)).toBe('Тайлан 2024.computed.xlsx');
    expect(computedName('macro.xlsm', true)).toBe('macro.computed.xlsm');
  });
});

describe('deferredHost', () => {
  it('waits for the real host, then passes every call through', async () => {
    const real = stubHost();
    let give!: (h: typeof real) => void;
    const host = deferredHost(new Promise((resolve) => (give = resolve)));
    const heard: string[] = [];
    const stop = host.onProgress((p) => heard.push(p.stage));
    const settings = host.loadSettings();
    expect(real.loadSettings).not.toHaveBeenCalled();
    give(real);
    await expect(settings).resolves.toEqual({ profileId: 'practice', scope: 'sheet', lang: 'mn', overrides: [] });
    await host.selectCell('Тайлан', 'H4');
    expect(real.selectCell).toHaveBeenCalledWith('Тайлан', 'H4');
    expect(real.onProgress).toHaveBeenCalledTimes(1);
    stop();
  });
});
