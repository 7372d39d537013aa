/** @jest-environment jsdom */
// The individual evaluation in the pane (the annex 8 card on the Scores tab,
// the button that builds the sheet from a report) and the roll-up of many
// files (the More menu's file picker, the host's rollup, the message).

import '@testing-library/jest-dom';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AddinSettings, ProgressListener } from '../../src/excel/types';
import type { RollupDone } from '../../src/taskpane/actions/types';
import { annex8Sheet } from '../support/annex8';
import { paneReady, renderReady } from './open';
import { stubHost } from './stub-host';

const scoresTab = () => screen.getByRole('tab', { name: /Оноо|Scores/ });

describe('The annex 8 evaluation in the pane', () => {
  it('shows an evaluation sheet read as one: each section against its maximum, the stated figure where it differs, the changes and the total', async () => {
    const user = userEvent.setup({ delay: null });
    await renderReady(stubHost([annex8Sheet().sheet]));
    await user.click(scoresTab());
    const card = await screen.findByTestId('evaluation');
    const row = (n: number) => card.querySelector(`[data-section="${n}"]`)!;
    expect(row(1)).toHaveTextContent('69.5 / 70');
    // Section 1's rows give 69.5; the sheet states 70.
    expect(row(1)).toHaveTextContent('бичсэн 70');
    expect(row(3)).toHaveTextContent('6.7 / 7');
    expect(row(3)).toHaveTextContent('бичсэн 7');
    expect(row(2)).not.toHaveTextContent('бичсэн');
    expect(card).toHaveTextContent('Өөрчлөлт (хасалт)−2');
    // 69.5 + 7.8 + 6.7 + 7.7 − 2 = 89.7; the sheet states 90.5.
    expect(within(card).getByTestId('evaluation-total')).toHaveTextContent('89.7 / 100бичсэн 90.5');
    // An evaluation is there already: no offer to make one.
    expect(screen.queryByRole('button', { name: 'Үнэлгээний хуудас үүсгэх' })).toBeNull();
  });

  it('offers the annex 8 sheet for a report; the button builds it, says where and shows the scores', async () => {
    const user = userEvent.setup({ delay: null });
    const host = stubHost();
    await renderReady(host);
    await user.click(scoresTab());
    await user.click(await screen.findByRole('button', { name: 'Үнэлгээний хуудас үүсгэх' }));
    await paneReady();
    expect(host.createEvaluationSheet).toHaveBeenCalledTimes(1);
    await screen.findByText(/«8-р хавсралт» хуудсыг Тайлан!A5 хүснэгтээс үүсгэлээ/);
    expect(scoresTab()).toHaveAttribute('aria-selected', 'true');
  });

  it('the More menu holds the same action, and a refusal (no report) is said in the user\'s words', async () => {
    const user = userEvent.setup({ delay: null });
    const host = stubHost(undefined, { lang: 'en' });
    host.createEvaluationSheet.mockRejectedValueOnce({ code: 'no-report', text: { mn: 'Тайлан алга.', en: 'There is no report to build it from.' } });
    await renderReady(host, 'en');
    await user.click(screen.getByRole('button', { name: 'More actions' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Create evaluation sheet' }));
    await screen.findByText('There is no report to build it from.');
  });
});

describe('The roll-up in the pane', () => {
  const file = (name: string) => new File([new Uint8Array([80, 75, 3, 4])], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });

  it('is offered only where the host can roll up', async () => {
    const user = userEvent.setup({ delay: null });
    await renderReady(stubHost());
    await user.click(screen.getByRole('button', { name: 'Бусад үйлдэл' }));
    await screen.findByRole('menuitem', { name: 'Үнэлгээний хуудас үүсгэх' });
    expect(screen.queryByRole('menuitem', { name: 'Нэгтгэх…' })).toBeNull();
  });

  it('hands the picked files to the host\'s rollup with the settings, shows its progress, and says what it added and what could not be read', async () => {
    let tell!: ProgressListener;
    let finish!: (d: RollupDone) => void;
    const rollup = jest.fn((files: File[], _s: AddinSettings, onProgress: ProgressListener) => {
      tell = onProgress;
      return new Promise<RollupDone>((resolve) => (finish = resolve));
    });
    await renderReady(stubHost(), 'mn', { rollup });
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'Бусад үйлдэл' }));
    expect(await screen.findByRole('menuitem', { name: 'Нэгтгэх…' })).toBeInTheDocument();
    fireEvent.change(screen.getByTestId('rollup-files'), { target: { files: [file('a.xlsx'), file('b.xlsx'), file('c.xlsx')] } });
    await waitFor(() => expect(rollup).toHaveBeenCalledTimes(1));
    expect(rollup.mock.calls[0][0].map((f) => f.name)).toEqual(['a.xlsx', 'b.xlsx', 'c.xlsx']);
    expect(rollup.mock.calls[0][1]).toMatchObject({ profileId: 'practice', lang: 'mn' });
    act(() => tell({ stage: 'open', sheet: 'b.xlsx', done: 1, total: 3 }));
    expect(await screen.findByTestId('stage')).toHaveTextContent('«b.xlsx» файлыг уншиж байна (2/3)');
    act(() => finish({ read: 2, notRead: [{ file: 'c.xlsx', reason: { mn: 'эвдэрсэн', en: 'damaged' } }], rows: 2, sheets: ['Нэгтгэл', 'Алдаа, дутуу', 'Уншигдаагүй'], savedAs: null }));
    await screen.findByText(/2 файлыг нэгтгэлээ \(2 мөр\): Нэгтгэл, Алдаа, дутуу, Уншигдаагүй хуудсыг нэмэв\. Уншигдаагүй 1 файл: c\.xlsx\./);
  });

  it('says plainly when none of the files could be read', async () => {
    const rollup = jest.fn(async (): Promise<RollupDone> => ({ read: 0, notRead: [{ file: 'x.xls', reason: { mn: '-', en: '-' } }], rows: 0, sheets: null, savedAs: null }));
    await renderReady(stubHost(undefined, { lang: 'en' }), 'en', { rollup });
    const user = userEvent.setup({ delay: null });
    await user.click(screen.getByRole('button', { name: 'More actions' }));
    await screen.findByRole('menuitem', { name: 'Roll up…' });
    fireEvent.change(screen.getByTestId('rollup-files'), { target: { files: [file('x.xls')] } });
    await screen.findByText('None of the files could be read: x.xls.');
  });
});
