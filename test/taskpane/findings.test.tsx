/** @jest-environment jsdom */
// The findings list: grouped by severity with counts, filtered by severity
// and by text or code, and a click selects the finding's cell in Excel.

import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { renderReady, validateNow } from './open';
import userEvent from '@testing-library/user-event';
import { stubHost } from './stub-host';

async function openPane(lang: 'mn' | 'en' = 'mn') {
  const host = stubHost(undefined, { lang });
  await renderReady(host, lang);
  // The findings are listed once Validate has run (then the sheet has their marks).
  await validateNow(lang);
  return host;
}

/** The visible tab panel (the others are hidden). */
const panel = () => screen.getByRole('tabpanel');
const region = (name: string | RegExp) => within(panel()).getByRole('region', { name });

const cellsIn = (section: HTMLElement) =>
  within(section)
    .getAllByRole('button', { name: /^Тайлан!/ })
    .map((b) => b.getAttribute('data-cell'));

describe('Findings list', () => {
  it('groups findings by severity, errors first, each group with its count and its cells in reading order', async () => {
    await openPane();
    const errors = region('Алдаа (2)');
    const warnings = region('Анхааруулга (3)');
    const infos = region('Мэдээлэл (1)');
    expect(cellsIn(errors)).toEqual(['Тайлан!G5', 'Тайлан!G6']);
    expect(cellsIn(warnings)).toEqual(['Тайлан!G4', 'Тайлан!A7', 'Тайлан!G10']);
    expect(cellsIn(infos)).toEqual(['Тайлан!G7']);
    // The order on the page: errors, then warnings, then notes.
    const order = within(panel()).getAllByRole('region').map((r) => r.getAttribute('data-severity'));
    expect(order).toEqual(['error', 'warning', 'info']);
    // Each says what to do, in Mongolian by default; its English code only in its details (below).
    const g6 = within(errors).getByRole('button', { name: /^Тайлан!G6/ });
    expect(g6).not.toHaveTextContent('percent-invalid');
    expect(panel()).not.toHaveTextContent(/percent-invalid|missing-percent|numbering-gap/);
    expect(g6).toHaveTextContent('№3 арга хэмжээ: хувь "сайн" байна. 0–100 хооронд тоо бичнэ үү.');
    // The severity filter shows the totals too.
    expect(screen.getByRole('checkbox', { name: 'Алдаа (2)' })).toBeChecked();
    expect(screen.getByRole('tab', { name: 'Алдаа, дутуу' })).toHaveAttribute('aria-selected', 'true');
  });

  it('filters by severity', async () => {
    const user = userEvent.setup({ delay: null });
    await openPane();
    await user.click(screen.getByRole('checkbox', { name: 'Анхааруулга (3)' }));
    expect(within(panel()).queryByRole('region', { name: /Анхааруулга/ })).not.toBeInTheDocument();
    expect(region('Алдаа (2)')).toBeInTheDocument();
    expect(screen.getByText('3 / 6 харуулж байна')).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Алдаа (2)' }));
    await user.click(screen.getByRole('checkbox', { name: 'Мэдээлэл (1)' }));
    expect(within(panel()).queryAllByRole('region')).toHaveLength(0);
    expect(screen.getByText('Шүүлтүүрт тохирох зүйл алга.')).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Анхааруулга (3)' }));
    expect(cellsIn(region('Анхааруулга (3)'))).toEqual(['Тайлан!G4', 'Тайлан!A7', 'Тайлан!G10']);
  });

  it('filters by code, by cell and by words of the message', async () => {
    const user = userEvent.setup({ delay: null });
    await openPane();
    const search = screen.getByRole('searchbox', { name: 'Текст эсвэл кодоор хайх' });
    await user.type(search, 'missing-percent');
    expect(screen.getAllByRole('button', { name: /^Тайлан!/ }).map((b) => b.getAttribute('data-cell'))).toEqual([
      'Тайлан!G5',
      'Тайлан!G4',
    ]);
    expect(region('Алдаа (1)')).toBeInTheDocument();
    expect(region('Анхааруулга (1)')).toBeInTheDocument();

    await user.clear(search);
    await user.type(search, 'a7');
    expect(screen.getAllByRole('button', { name: /^Тайлан!/ }).map((b) => b.getAttribute('data-cell'))).toEqual(['Тайлан!A7']);

    await user.clear(search);
    await user.type(search, 'шатлалын');
    expect(screen.getAllByRole('button', { name: /^Тайлан!/ }).map((b) => b.getAttribute('data-code'))).toEqual(['percent-off-scale']);

    await user.clear(search);
    await user.type(search, 'nothing-like-this');
    expect(screen.queryAllByRole('button', { name: /^Тайлан!/ })).toHaveLength(0);
    expect(screen.getByText('Шүүлтүүрт тохирох зүйл алга.')).toBeInTheDocument();
  });

  it('selects the finding\'s cell in Excel when it is clicked, and shows which one was chosen', async () => {
    const user = userEvent.setup({ delay: null });
    const host = await openPane();
    const item = screen.getByRole('button', { name: /^Тайлан!G6/ });
    await user.click(item);
    expect(host.selectCell).toHaveBeenCalledTimes(1);
    expect(host.selectCell).toHaveBeenCalledWith('Тайлан', 'G6');
    expect(item).toHaveAttribute('aria-current', 'true');
    expect(screen.getByRole('button', { name: /^Тайлан!A7/ })).not.toHaveAttribute('aria-current');
    // The chosen finding opens its details: its code, and only its.
    expect(screen.getAllByTestId('finding-details')).toHaveLength(1);
    expect(item.closest('li')!.querySelector('[data-testid="finding-details"]')).toHaveTextContent('Код: percent-invalid');
  });

  it('works from the keyboard: Enter or Space on a focused finding selects its cell', async () => {
    const user = userEvent.setup({ delay: null });
    const host = await openPane();
    screen.getByRole('button', { name: /^Тайлан!G5/ }).focus();
    await user.keyboard('{Enter}');
    expect(host.selectCell).toHaveBeenLastCalledWith('Тайлан', 'G5');
    screen.getByRole('button', { name: /^Тайлан!A7/ }).focus();
    await user.keyboard(' ');
    expect(host.selectCell).toHaveBeenLastCalledWith('Тайлан', 'A7');
    expect(host.selectCell).toHaveBeenCalledTimes(2);
  });

  it('shows messages in English when the pane is in English', async () => {
    await openPane('en');
    expect(region('Error (2)')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Тайлан!G6/ })).toHaveTextContent('Item 3: the percent is "сайн"; write a number from 0 to 100.');
  });

  it('says when a selection fails, in the user\'s language', async () => {
    const user = userEvent.setup({ delay: null });
    const host = await openPane();
    host.selectCell.mockRejectedValueOnce(new Error('sheet gone'));
    await user.click(screen.getByRole('button', { name: /^Тайлан!G6/ }));
    await waitFor(() => expect(screen.getByText(/^Үнэлгээ гэнэтийн алдааны улмаас ажлаа дуусгаж чадсангүй/)).toBeInTheDocument());
    // The error's own (English) text only under "Дэлгэрэнгүй".
    expect(screen.getByText('Дэлгэрэнгүй').closest('details')).toHaveTextContent('sheet gone');
  });
});
