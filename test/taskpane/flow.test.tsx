/** @jest-environment jsdom */
// What people were confused by, and how the pane now says it: the path
// (Шалгах → Засах → Оноо тооцох: a tick only for what was done, the errors
// left said) with one primary button at a time, no
// findings list before Validate, progress per stage and sheet, Compute's
// cells split between the tables and the summary sheet (and where an
// average went), a plan with nothing to score, what Revert undid and what
// the next one undoes, an Excel too old or without notes, the ribbon's
// outcomes, the web page's Download, and a pane usable before it has read
// the sheet.

import '@testing-library/jest-dom';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Outcome } from '../../src/commands/outcomes';
import type { EditPlan } from '../../src/core';
import type { Progress, ProgressListener } from '../../src/excel/types';
import { App } from '../../src/taskpane/App';
import { fitLabel, textWidth } from '../../src/taskpane/components/GroupAverageChart';
import { computedMessage, revertedMessage } from '../../src/taskpane/actions/messages';
import { SUMMARY_CELLS } from '../support/layout-cells';
import { sheetOf } from '../support/sheet-builder';
import { paneReady, renderReady, validateNow } from './open';
import { renderPane } from './render';
import { deferred, stubHost } from './stub-host';

const user = () => userEvent.setup({ delay: null });
const button = (name: string) => screen.getByRole('button', { name });
const primaries = () => screen.getAllByRole('button').filter((b) => b.getAttribute('data-primary') === 'true').map((b) => b.textContent);
const step = () => within(screen.getByRole('navigation', { name: 'Алхам' })).getByRole('listitem', { current: 'step' }).textContent?.replace(/^→ /, '');
const panel = () => screen.getByRole('tabpanel');

const planSheet = () =>
  sheetOf(
    [
      ['ТӨЛӨВЛӨГӨӨ'],
      ['Д/д', 'Арга хэмжээ', 'Шалгуур үзүүлэлт', 'Суурь түвшин', 'Зорилтот түвшин'],
      ['Зорилт 1. Үйлчилгээ'],
      [1, 'Сургалт', 'Тоо', 2, 4],
      [2, 'Тайлан', 'Тоо', 1, 2],
    ],
    { name: 'Төлөвлөгөө' },
  );

describe('the path and the one primary button', () => {
  it('lists no findings before Validate (the sheet has no marks yet): what Validate does, and the counts read ahead', async () => {
    await renderReady(stubHost());
    expect(within(panel()).queryAllByRole('button', { name: /^Тайлан!/ })).toHaveLength(0);
    expect(within(panel()).getByText('«Шалгах» товчийг дарахад алдаа, дутууг энд жагсааж, нүдийг нь хуудсанд тэмдэглэнэ.')).toBeInTheDocument();
    expect(within(panel()).getByText('Урьдчилан уншихад: 2 алдаа, 3 анхааруулга, 1 мэдээлэл.')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Алхам' })).toHaveTextContent('Шалгах→ Засах→ Оноо тооцох');
    expect(step()).toBe('Шалгах');
    expect(primaries()).toEqual(['Шалгах']);
  });

  it('moves on: Validate lists the findings and makes Compute the primary; errors left mean "Засах", said with their count; Compute ticks Compute, not Fix', async () => {
    await renderReady(stubHost());
    await validateNow();
    expect(within(panel()).getAllByRole('button', { name: /^Тайлан!/ })).toHaveLength(6);
    expect(step()).toBe('Засах');
    expect(primaries()).toEqual(['Оноо тооцох']);
    const path = () => screen.getByRole('navigation', { name: 'Алхам' });
    expect(path()).toHaveTextContent('✓ Шалгах→ Засах→ Оноо тооцох2 алдаа засах үлдлээ');
    await user().click(button('Оноо тооцох'));
    await paneReady();
    // Computed with two errors left: Fix is not ticked, and still the step the path points at.
    expect(path()).toHaveTextContent('✓ Шалгах→ Засах→ ✓ Оноо тооцох2 алдаа засах үлдлээ');
    expect(step()).toBe('Засах');
    expect(primaries()).toEqual(['Оноо тооцох']);
  });

  it('with nothing to fix, the step after Validate is Compute', async () => {
    const clean = sheetOf([['ТАЙЛАН'], ['Д/д', 'Арга хэмжээ', 'Шалгуур үзүүлэлт', 'Суурь түвшин', 'Зорилтот түвшин', 'Хүрсэн түвшин', 'Хувь'], ['Зорилт 1. Үйлчилгээ'], [1, 'Сургалт', 'Тоо', 2, 4, 4, 100], [2, 'Тайлан', 'Тоо', 1, 2, 2, 100]], { name: 'Тайлан' });
    await renderReady(stubHost([clean]));
    await user().click(button('Шалгах'));
    await screen.findByText('Шалгалаа: алдаа, дутуу зүйл олдсонгүй.');
    expect(step()).toBe('Оноо тооцох');
    expect(screen.getByRole('navigation', { name: 'Алхам' })).toHaveTextContent('✓ Шалгах→ ✓ Засах→ Оноо тооцох');
    expect(screen.queryByTestId('steps-left')).toBeNull();
  });
});

describe('usable at once, and progress while it works', () => {
  it('Validate can be clicked while the pane is still reading the sheet ahead; its answer wins', async () => {
    const host = stubHost();
    const ahead = deferred<Awaited<ReturnType<typeof host.analyze>>>();
    host.analyze.mockImplementationOnce(() => ahead.promise);
    renderPane(<App host={host} lang="mn" outcomes={null} />);
    await waitFor(() => expect(button('Шалгах')).toBeEnabled());
    expect(screen.getByText('Хүснэгтийг урьдчилан уншиж байна…')).toBeInTheDocument();
    await user().click(button('Шалгах'));
    await screen.findAllByRole('button', { name: /^Тайлан!/ });
    // The read-ahead answers late, with an older analysis: it is dropped.
    await act(async () => ahead.resolve({ ...(await stubHost().analyze({ profileId: 'practice', scope: 'sheet', lang: 'mn', overrides: [] })), findings: [] }));
    expect(within(panel()).getAllByRole('button', { name: /^Тайлан!/ })).toHaveLength(6);
  });

  it('says which stage the work is at, sheet by sheet, with a bar that fills', async () => {
    const host = stubHost();
    let tell: ProgressListener = () => undefined;
    host.onProgress.mockImplementation((l) => {
      tell = l;
      return () => undefined;
    });
    const held = deferred<Awaited<ReturnType<typeof host.validate>>>();
    host.validate.mockImplementationOnce(() => held.promise);
    await renderReady(host);
    await user().click(button('Шалгах'));
    const status = screen.getByRole('status');
    const say = (p: Progress) => act(() => tell(p));
    await say({ stage: 'read' });
    expect(within(status).getByTestId('stage')).toHaveTextContent('Хуудсыг уншиж байна…');
    await say({ stage: 'analyze', sheet: 'Тайлан 2', done: 1, total: 2 });
    expect(within(status).getByTestId('stage')).toHaveTextContent('«Тайлан 2» хуудсыг шалгаж байна (2/2)…');
    // read, analyze (half done), mark: half-way.
    expect(Number(within(status).getByRole('progressbar').getAttribute('aria-valuenow'))).toBeCloseTo(0.5);
    await say({ stage: 'mark' });
    expect(within(status).getByTestId('stage')).toHaveTextContent('Нүдийг тэмдэглэж байна…');
    await act(async () => held.resolve(await stubHost().validate({ profileId: 'practice', scope: 'sheet', lang: 'mn', overrides: [] })));
    await paneReady();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });
});

const plan = (p: Partial<EditPlan>): EditPlan => ({ sheets: [], summary: null, skipped: [], writtenCells: [], ...p });
const summaryOf = (cells: number, replaces = false) => ({
  name: 'Үнэлгээний хураангуй',
  replaces,
  writes: Array.from({ length: cells }, (_, i) => ({ row: i, col: 0, value: i })),
  columnWidths: [],
  frozenRows: 0,
  chart: null,
  tableAverages: [],
}) as unknown as EditPlan['summary'];

describe('what Compute and Revert say', () => {
  it('Compute: how many cells, how many in the tables and how many on the summary sheet; where an average went', async () => {
    const host = stubHost();
    const analysis = await host.analyze({ profileId: 'practice', scope: 'sheet', lang: 'mn', overrides: [] });
    const tableId = analysis.sheets[0].tables[0].id;
    const r = {
      analysis,
      changed: 195,
      plan: plan({
        summary: summaryOf(192),
        writtenCells: ['Тайлан!H4', 'Тайлан!H10', 'Тайлан!H11', ...Array.from({ length: 192 }, (_, i) => `Үнэлгээний хураангуй!A${i + 1}`)],
        skipped: [{ sheet: 'Тайлан', row: 10, col: 6, tableId, reason: 'no-free-row', instead: `Үнэлгээний хураангуй!${SUMMARY_CELLS.address('average', 7)}` }],
      }),
    };
    const m = computedMessage(r, analysis);
    // Short (the scores stay in view at 320 px); where each cell went in its details.
    expect(m.text).toEqual({ mn: 'Оноо тооцлоо: 195 нүдийг бичив.', en: 'Scores computed: 195 cells written.' });
    expect(m.details!.mn).toBe(
      `Үүнээс хүснэгтэд 3 нүд, шинээр нэмсэн «Үнэлгээний хураангуй» хуудсанд 192 нүд. Хүснэгт 1-ийн доорх мөр чөлөөгүй тул дунджийг нь Үнэлгээний хураангуй!${SUMMARY_CELLS.address('average', 7)} нүдэнд бичив.`,
    );
    expect(m.details!.en).toBe(
      `Of these, 3 cells in the tables and 192 cells on the new sheet "Үнэлгээний хураангуй". Table 1 has no free row under it: its average is at Үнэлгээний хураангуй!${SUMMARY_CELLS.address('average', 7)}.`,
    );
    // English counts take their plural.
    const one = computedMessage({ analysis, changed: 2, plan: plan({ summary: summaryOf(1, true), writtenCells: ['Тайлан!H4', 'Үнэлгээний хураангуй!A1'] }) }, analysis);
    expect(one.details!.en).toBe('Of these, 1 cell in the tables and 1 cell on the sheet "Үнэлгээний хураангуй", brought up to date.');
  });

  it('a plan: nothing to score yet, said on the scores tab and by Compute, with what Compute did for it', async () => {
    await renderReady(stubHost([planSheet()]));
    await user().click(screen.getByRole('tab', { name: 'Оноо' }));
    const card = within(panel()).getByRole('group', { name: /Хүснэгт 1/ });
    expect(card).toHaveTextContent('Төлөвлөгөө: хүрсэн түвшин, хувь багана алга тул одоохондоо үнэлэх зүйлгүй. 2 арга хэмжээ, 1 бүлэг.');
    expect(within(card).queryByText('0 / 2')).not.toBeInTheDocument();
    await user().click(button('Оноо тооцох'));
    expect(
      await screen.findByText(/^Төлөвлөгөөнд хүрсэн түвшин, хувь алга тул үнэлэх зүйлгүй: хүснэгтэд юу ч бичсэнгүй\. «Үнэлгээний хураангуй» хуудсанд/),
    ).toBeInTheDocument();
  });

  it('Revert: says which action it undid and when; its tooltip says what the next Revert undoes', async () => {
    const at = new Date(2025, 0, 15, 14, 2).toISOString();
    expect(revertedMessage({ undone: { kind: 'compute', at, sheets: ['Тайлан'], summary: 'Үнэлгээний хураангуй' }, restored: 1, removedSheets: ['Үнэлгээний хураангуй'], keptCells: [] }).text).toEqual({
      mn: '14:02-ийн «Оноо тооцох»-ыг буцаалаа. 1 нүдийг өмнөх байдалд нь буцаав. Устгасан хуудас: Үнэлгээний хураангуй.',
      en: 'Undid Compute scores of 14:02. 1 cell restored. Sheets removed: Үнэлгээний хураангуй.',
    });
    expect(revertedMessage({ undone: { kind: 'validate', at, sheets: ['Тайлан'] }, restored: 6, removedSheets: [], keptCells: ['Тайлан!H4'] }).text.en).toBe(
      'Undid Validate of 14:02: its marks are gone. 6 cells restored. 1 cell you changed afterwards kept as you left them: Тайлан!H4.',
    );
    // The newer steps: a fix, the annex 8 sheet, a roll-up.
    expect(revertedMessage({ undone: { kind: 'fix', at, sheets: ['Тайлан'] }, restored: 2, removedSheets: [], keptCells: [] }).text.en).toBe('Undid the fix of 14:02. 2 cells restored.');
    expect(revertedMessage({ undone: { kind: 'evaluation', at, sheets: ['Тайлан'] }, restored: 3, removedSheets: ['8-р хавсралт'], keptCells: [] }).text.mn).toBe(
      '14:02-д үүсгэсэн 8-р хавсралтыг буцаалаа. 3 нүдийг өмнөх байдалд нь буцаав. Устгасан хуудас: 8-р хавсралт.',
    );
    // A sheet removed and no cell restored: it says what it removed, not "0 cells".
    expect(revertedMessage({ undone: { kind: 'rollup', at, sheets: [] }, restored: 0, removedSheets: ['Нэгтгэл'], keptCells: [] }).text.en).toBe(
      'Undid the roll-up of 14:02. Sheets removed: Нэгтгэл.',
    );
    expect(revertedMessage({ undone: { kind: 'evaluation', at, sheets: ['Тайлан'] }, restored: 0, removedSheets: ['8-р хавсралт'], keptCells: [] }).text.mn).toBe(
      '14:02-д үүсгэсэн 8-р хавсралтыг буцаалаа. Устгасан хуудас: 8-р хавсралт.',
    );

    const host = stubHost();
    host.canRevert.mockResolvedValue(true);
    host.nextRevert.mockResolvedValue({ kind: 'validate', at, sheets: ['Тайлан'] });
    await renderReady(host);
    await validateNow();
    await waitFor(() =>
      expect(button('Буцаах')).toHaveAccessibleDescription('Дараагийн «Буцаах»: 14:02-д «Шалгах»-ын тавьсан тэмдэглэгээг (өнгө, тэмдэглэл) арилгана.'),
    );
    host.revert.mockResolvedValueOnce({ undone: { kind: 'validate', at, sheets: ['Тайлан'] }, restored: 6, removedSheets: [], keptCells: [] });
    host.canRevert.mockResolvedValue(false);
    await user().click(button('Буцаах'));
    expect(await screen.findByText('14:02-ийн «Шалгах»-ыг буцаалаа: тэмдэглэгээг арилгав. 6 нүдийг өмнөх байдалд нь буцаав.')).toBeInTheDocument();
    // The marks are gone: so is the list.
    await paneReady();
    expect(within(panel()).queryAllByRole('button', { name: /^Тайлан!/ })).toHaveLength(0);
    expect(button('Буцаах')).toHaveAccessibleDescription('Буцаах өөрчлөлт алга.');
  });
});

describe('what this Excel can do', () => {
  it('an API level below the add-in\'s: says so, with the versions that work, in Mongolian and in English', async () => {
    const host = stubHost();
    host.capabilities.mockResolvedValue({ apiVersion: '1.8', requiredApi: '1.13', apiSufficient: false, notes: false });
    await renderReady(host);
    expect(await screen.findByText(/Энэ Excel-ийн API хувилбар \(1\.8\) хэт хуучин: Үнэлгээ ExcelApi 1\.13 шаарддаг\. Microsoft 365 \(Windows 2102-оос хойш, Mac 16\.50-аас хойш\), Office 2021, Office 2024/)).toBeInTheDocument();
    const en = stubHost(undefined, { lang: 'en' });
    en.capabilities.mockResolvedValue({ apiVersion: '1.8', requiredApi: '1.13', apiSufficient: false, notes: false });
    document.body.innerHTML = '';
    await renderReady(en, 'en');
    expect(await screen.findByText(/This Excel's API level \(1\.8\) is too old: Unelgee needs ExcelApi 1\.13\. It works in Microsoft 365 .* Office 2021, Office 2024 and Excel on the web\. With Office 2016 or 2019, use Unelgee's web page or its command line\./)).toBeInTheDocument();
  });

  it('no cell notes: the marks are fills only', async () => {
    const host = stubHost();
    host.capabilities.mockResolvedValue({ apiVersion: '1.17', requiredApi: '1.13', apiSufficient: true, notes: false });
    await renderReady(host);
    expect(await screen.findByText(/«Шалгах» нь нүдийг зөвхөн өнгөөр тэмдэглэнэ/)).toBeInTheDocument();
  });

  it('says nothing when all is well', async () => {
    await renderReady(stubHost());
    expect(document.querySelector('[data-notice]')).toBeNull();
  });
});

describe('the ribbon, while the pane is open', () => {
  it('shows a command\'s outcome and reads the sheet again; the ribbon\'s Validate lists the findings', async () => {
    const host = stubHost();
    let deliver: (o: Outcome) => void = () => undefined;
    const stop = jest.fn();
    const outcomes = jest.fn((cb: (o: Outcome) => void) => {
      deliver = cb;
      return stop;
    });
    const view = renderPane(<App host={host} lang="mn" outcomes={outcomes} />);
    await paneReady();
    expect(outcomes).toHaveBeenCalledTimes(1);
    host.analyze.mockClear();
    act(() =>
      deliver({ command: 'validate', ok: true, lang: 'mn', quiet: false, at: '2025-01-15T08:00:00Z', text: { mn: 'Шалгалаа: 2 алдаа.', en: 'Validated: 2 errors.' } }),
    );
    expect(await screen.findByText('Туузан цэсний «Шалгах»: Шалгалаа: 2 алдаа.')).toBeInTheDocument();
    await waitFor(() => expect(host.analyze).toHaveBeenCalledTimes(1));
    await paneReady();
    expect(within(panel()).getAllByRole('button', { name: /^Тайлан!/ })).toHaveLength(6);
    view.unmount();
    expect(stop).toHaveBeenCalled();
  });
});

describe('the web page\'s Download', () => {
  it('appears after Compute as the primary button, saves with the pane\'s settings and says so', async () => {
    const save = jest.fn(async () => undefined);
    await renderReady(stubHost(), 'mn', { download: { name: 'report.computed.xlsx', save } });
    expect(screen.queryByRole('button', { name: 'Тооцоолсон хуулбар татах' })).not.toBeInTheDocument();
    await user().click(button('Оноо тооцох'));
    await paneReady();
    expect(primaries()).toEqual(['Тооцоолсон хуулбар татах']);
    expect(button('Тооцоолсон хуулбар татах')).toHaveAccessibleDescription(/«report\.computed\.xlsx» нэрээр хадгална/);
    await user().click(button('Тооцоолсон хуулбар татах'));
    expect(await screen.findByText(/«report\.computed\.xlsx» файлыг хадгаллаа\./)).toBeInTheDocument();
    expect(save).toHaveBeenCalledWith({ profileId: 'practice', scope: 'sheet', lang: 'mn', overrides: [] });
  });
});

describe('chart labels at 320 px', () => {
  it('are cut at a word boundary, with "…", and fit the chart (capitals are wider)', () => {
    const caps = 'НЭГ БОДЛОГЫН БАРИМТ БИЧИГ ТУСГАГДСАН ЗОРИЛТ, ХЭРЭГЖИЛТИЙН ТАЙЛАН';
    const fitted = fitLabel(caps, 276);
    expect(fitted.endsWith('…')).toBe(true);
    expect(caps.startsWith(fitted.slice(0, -1))).toBe(true);
    expect(caps[fitted.length - 1]).toMatch(/[\s,]/);
    expect(textWidth(fitted)).toBeLessThanOrEqual(276);
    expect(fitLabel('Зорилт 1. Үйлчилгээ', 276)).toBe('Зорилт 1. Үйлчилгээ');
  });
});
