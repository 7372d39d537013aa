/** @jest-environment jsdom */
// The action buttons: progress while work runs (every button disabled), the
// outcome announced, known problems in the user's words, and the scores
// shown after Compute.

import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { renderPane } from './render';
import { renderReady, validateNow } from './open';
import userEvent from '@testing-library/user-event';
import { AddinError } from '../../src/excel/types';
import { App } from '../../src/taskpane/App';
import { deferred, stubHost, type StubHost } from './stub-host';

const user = () => userEvent.setup({ delay: null });

async function openPane(host: StubHost = stubHost(), lang: 'mn' | 'en' = 'mn') {
  await renderReady(host, lang);
  return host;
}

const button = (name: string) => screen.getByRole('button', { name });
const ACTIONS_MN = ['Шалгах', 'Оноо тооцох', 'Тэмдэглэгээ арилгах', 'Буцаах'];

describe('Actions', () => {
  it('disables every button and shows progress while Validate runs, then announces the counts', async () => {
    const host = stubHost();
    host.canRevert.mockResolvedValue(true);
    const held = deferred<Awaited<ReturnType<StubHost['validate']>>>();
    await openPane(host);
    // A first Validate lists the findings (the list comes with Validate); the second is held.
    await validateNow();
    host.validate.mockClear();
    host.validate.mockImplementationOnce(() => held.promise);
    await waitFor(() => expect(button('Буцаах')).toBeEnabled());

    await user().click(button('Шалгах'));
    for (const name of ACTIONS_MN) expect(button(name)).toBeDisabled();
    expect(within(screen.getByRole('status')).getByText('Шалгаж байна…')).toBeInTheDocument();
    expect(within(screen.getByRole('status')).getByRole('progressbar')).toBeInTheDocument();
    // Findings cannot be clicked meanwhile either.
    expect(screen.getByRole('button', { name: /^Тайлан!G6/ })).toBeDisabled();

    const analysis = (await stubHost().analyze({ profileId: 'practice', scope: 'sheet', lang: 'mn', overrides: [] }));
    held.resolve({ analysis, marked: 6 });
    expect(await screen.findByText('Шалгалаа: 2 алдаа, 3 анхааруулга, 1 мэдээлэл. 6 нүдийг тэмдэглэв.')).toBeInTheDocument();
    for (const name of ACTIONS_MN) expect(button(name)).toBeEnabled();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(host.validate).toHaveBeenCalledWith({ profileId: 'practice', scope: 'sheet', lang: 'mn', overrides: [] });
  });

  it('keeps Revert disabled until the host says there is something to revert', async () => {
    const host = stubHost();
    await openPane(host);
    await waitFor(() => expect(host.canRevert).toHaveBeenCalled());
    expect(button('Буцаах')).toBeDisabled();
    host.canRevert.mockResolvedValue(true);
    await user().click(button('Оноо тооцох'));
    await waitFor(() => expect(button('Буцаах')).toBeEnabled());
  });

  it('Compute: announces the cells written and shows per-table and per-group scores with the chart', async () => {
    const host = await openPane();
    await user().click(button('Оноо тооцох'));
    await screen.findByText(/Оноо тооцлоо: \d+ нүдийг бичив\./);
    expect(host.compute).toHaveBeenCalledTimes(1);
    // The pane switches to the scores.
    expect(screen.getByRole('tab', { name: 'Оноо' })).toHaveAttribute('aria-selected', 'true');
    const card = within(screen.getByRole('tabpanel')).getByRole('group', { name: /Хүснэгт 1/ });
    // Rated 95, 50 and computed 75 (item 1): the mean 73.3, × 0.05 = 3.67, grade C.
    expect(within(card).getByTestId('table-average')).toHaveTextContent('73.3%');
    expect(card).toHaveTextContent('3.67');
    expect(card).toHaveTextContent('C · Хангалттай');
    const rows = within(card).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/^Зорилт 1\. Төрийн үйлчилгээ85(\.0)?4\.25B$/),
      expect.stringMatching(/^Зорилт 2\. Дотоод ажил502\.5F$/),
    ]);
    const chart = within(card).getByRole('img', { name: /Бүлгийн дундаж хувийн график/ });
    expect(chart).toHaveAccessibleName(/Зорилт 1\. Төрийн үйлчилгээ: 85%; Зорилт 2\. Дотоод ажил: 50%/);
    // Each bar fills its track in proportion to the average (85 % and 50 %).
    const share = [...chart.querySelectorAll('g[data-group]')].map((g) => {
      const [track, bar] = [...g.querySelectorAll('rect')].map((r) => Number(r.getAttribute('width')));
      return Math.round((100 * bar) / track);
    });
    expect(share).toEqual([85, 50]);
  });

  it('says "nothing to change" when Compute changed nothing', async () => {
    const host = stubHost();
    host.compute.mockImplementationOnce(async (s) => ({ analysis: await host.analyze(s), plan: { sheets: [], summary: null, skipped: [], writtenCells: [] }, changed: 0 }));
    await openPane(host);
    await user().click(button('Оноо тооцох'));
    expect(await screen.findByText('Өөрчлөх зүйл алга: хүснэгт аль хэдийн тооцоологдсон байна.')).toBeInTheDocument();
  });

  it('announces a known problem (AddinError) in the user\'s language, as an error', async () => {
    const host = stubHost();
    host.compute.mockRejectedValueOnce(
      new AddinError('sheet-protected', { mn: '"Тайлан" хуудас хамгаалалттай.', en: 'Sheet "Тайлан" is protected.' }),
    );
    await openPane(host);
    await user().click(button('Оноо тооцох'));
    expect(await screen.findByText('"Тайлан" хуудас хамгаалалттай.')).toBeInTheDocument();
    expect(screen.getByText('"Тайлан" хуудас хамгаалалттай.').closest('[data-intent]')).toHaveAttribute('data-intent', 'error');
    for (const name of ACTIONS_MN.slice(0, 3)) expect(button(name)).toBeEnabled();
  });

  it('announces a known problem in English when the pane is in English', async () => {
    const en = stubHost(undefined, { lang: 'en' });
    en.validate.mockRejectedValueOnce(new AddinError('no-table', { mn: 'Хүснэгт олдсонгүй.', en: 'No table found.' }));
    await openPane(en, 'en');
    await user().click(screen.getByRole('button', { name: 'Validate' }));
    expect(await screen.findByText('No table found.')).toBeInTheDocument();
    expect(screen.queryByText('Хүснэгт олдсонгүй.')).not.toBeInTheDocument();
  });

  it('gives a plain message for an unexpected failure, its own text only under "Дэлгэрэнгүй"', async () => {
    const host = stubHost();
    host.clearMarks.mockRejectedValueOnce(new TypeError('boom'));
    await openPane(host);
    await user().click(button('Тэмдэглэгээ арилгах'));
    const details = (await screen.findByText('Дэлгэрэнгүй')).closest('details')!;
    expect(details).toHaveTextContent('boom');
    expect(details.parentElement).toHaveTextContent(/^Үнэлгээ гэнэтийн алдааны улмаас ажлаа дуусгаж чадсангүй\..*Буцаах/);
  });

  it('says what an Excel error means in plain words, not Excel\'s English', async () => {
    const host = stubHost();
    host.validate.mockRejectedValueOnce(Object.assign(new Error('The argument is invalid or missing or has an incorrect format.'), { code: 'InvalidArgument' }));
    await openPane(host);
    await user().click(button('Шалгах'));
    const details = (await screen.findByText('Дэлгэрэнгүй')).closest('details')!;
    expect(details).toHaveTextContent('InvalidArgument: The argument is invalid');
    const shown = details.parentElement!.textContent!.replace(details.textContent!, '');
    expect(shown).toMatch(/^Excel энэ ажлын номд Үнэлгээний нэг өөрчлөлтийг хүлээж авсангүй/);
    expect(shown).not.toMatch(/argument/i);
  });

  it('Clear marks and Revert report what they did; Revert reads the sheet again', async () => {
    const host = stubHost();
    host.canRevert.mockResolvedValue(true);
    await openPane(host);
    await user().click(button('Тэмдэглэгээ арилгах'));
    expect(await screen.findByText('4 нүдний тэмдэглэгээг арилгав.')).toBeInTheDocument();
    host.analyze.mockClear();
    await waitFor(() => expect(button('Буцаах')).toBeEnabled());
    await user().click(button('Буцаах'));
    expect(await screen.findByText('7 нүдийг өмнөх байдалд нь буцаав. Устгасан хуудас: Үнэлгээний хураангуй.')).toBeInTheDocument();
    expect(host.revert).toHaveBeenCalledTimes(1);
    expect(host.analyze).toHaveBeenCalledTimes(1);
  });

  it('tells the user when the sheet cannot be read as the pane opens', async () => {
    const host = stubHost();
    host.analyze.mockRejectedValueOnce(new AddinError('no-table', { mn: '"Sheet1" хуудсанд хүснэгт олдсонгүй.', en: 'No table on "Sheet1".' }));
    renderPane(<App host={host} lang="mn" />);
    expect(await screen.findByText('"Sheet1" хуудсанд хүснэгт олдсонгүй.')).toBeInTheDocument();
    expect(within(screen.getByRole('tabpanel')).getByText('Хүснэгтээ шалгахын тулд «Шалгах» товчийг дарна уу.')).toBeInTheDocument();
    expect(button('Шалгах')).toBeEnabled();
  });
});
