/** @jest-environment jsdom */
// Quick fixes in the pane: a Fix button on each fixable finding that says
// what it will write, "Fix all safe (N)" above the list, one host call per
// click, and the findings read again afterwards (the fixed ones gone).

import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { paneReady, renderReady, validateNow } from './open';
import { stubHost } from './stub-host';

async function openValidated(lang: 'mn' | 'en' = 'mn') {
  const host = stubHost(undefined, { lang });
  await renderReady(host, lang);
  await validateNow(lang);
  return host;
}

/** The list item of the finding at a cell. */
const itemAt = (cell: string) => screen.getByRole('button', { name: new RegExp(`^Тайлан!${cell}`) }).closest('li')!;

describe('Quick fixes', () => {
  it('shows a Fix button with its description only on findings that carry a fix, and marks the ones that need a look', async () => {
    await openValidated();
    // G4: a computable percent (safe); G7: off the scale (needs a look); G6: no fix.
    expect(within(itemAt('G4')).getByText('G4-д 75% бичих')).toBeInTheDocument();
    // Named by its cell: a screen reader's list of buttons tells the Fix buttons apart.
    expect(within(itemAt('G4')).getByRole('button', { name: 'Засах Тайлан!G4' })).toBeEnabled();
    expect(itemAt('G7')).toHaveTextContent('нягталж засах: G7-ийн 95%-ийг доод түвшин 90% болгох');
    expect(itemAt('G4').querySelector('[data-fix]')).toHaveAttribute('data-fix', 'safe');
    expect(itemAt('G7').querySelector('[data-fix]')).toHaveAttribute('data-fix', 'review');
    expect(within(itemAt('G6')).queryByRole('button', { name: /^Засах / })).toBeNull();
  });

  it('Fix all safe applies the two safe fixes in one call; the message counts them and the fixed findings are gone', async () => {
    const user = userEvent.setup({ delay: null });
    const host = await openValidated();
    const all = screen.getByRole('button', { name: 'Бүгдийг засах (2)' });
    await user.click(all);
    await paneReady();
    expect(host.applyFixes).toHaveBeenCalledTimes(1);
    expect(host.applyFixes.mock.calls[0][1]).toEqual({ all: true });
    await screen.findByText(/2 засвар хийж, 2 нүдийг өөрчиллөө/);
    // Read again without marking (the fix stays one Revert step): analyze, not validate.
    expect(host.validate).toHaveBeenCalledTimes(1);
    // The missing percent is gone (75 % is now a written percent: off the practice scale, a note of its own).
    // (G10 now holds the mean formula; this stub keeps the value it had when planned — Excel recalculates it,
    // which test/excel/fixes.test.ts checks over the fake Excel.)
    await waitFor(() => expect(document.querySelector('[data-cell="Тайлан!G4"][data-code="missing-percent"]')).toBeNull());
    expect(document.querySelector('[data-cell="Тайлан!G4"][data-code="percent-off-scale"]')).not.toBeNull();
    // The review fixes are still offered one by one; Fix all counts what the new analysis offers, not the old.
    expect(within(itemAt('G7')).getByRole('button', { name: /^Засах / })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Бүгдийг засах (2)' })).toBeNull();
  });

  it('a Fix button applies that finding\'s fix only, as the pane showed it (a review fix too: the press is the confirmation)', async () => {
    const user = userEvent.setup({ delay: null });
    const host = await openValidated();
    await user.click(within(itemAt('A7')).getByRole('button', { name: /^Засах / }));
    await paneReady();
    expect(host.applyFixes).toHaveBeenCalledTimes(1);
    const choice = host.applyFixes.mock.calls[0][1];
    expect(choice).toMatchObject({ findings: [{ code: 'numbering-gap', sheet: 'Тайлан', cell: 'A7', fix: { kind: 'review', cells: ['Тайлан!A7', 'Тайлан!A9'] } }] });
    await screen.findByText(/1 засвар хийж, 2 нүдийг өөрчиллөө/);
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Тайлан!A7/ })).toBeNull());
    // The other findings stay.
    expect(itemAt('G4')).toBeInTheDocument();
  });

  it('says so in English, and every Fix button is disabled while a fix runs', async () => {
    const user = userEvent.setup({ delay: null });
    const host = await openValidated('en');
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const real = host.applyFixes.getMockImplementation()!;
    host.applyFixes.mockImplementationOnce(async (s, c) => {
      await held;
      return real(s, c);
    });
    await user.click(screen.getByRole('button', { name: 'Fix all safe (2)' }));
    await waitFor(() => expect(screen.getAllByRole('button', { name: /^Fix Тайлан!/ }).every((b) => (b as HTMLButtonElement).disabled)).toBe(true));
    release();
    await screen.findByText(/2 fixes applied, 2 cells changed/);
  });

  it('reports a fix the workbook refused (a protected sheet) as an error and lists the findings as they were', async () => {
    const user = userEvent.setup({ delay: null });
    const host = await openValidated();
    host.applyFixes.mockRejectedValueOnce({ code: 'sheet-protected', text: { mn: '«Тайлан» хуудас хамгаалагдсан.', en: 'The sheet "Тайлан" is protected.' } });
    await user.click(within(itemAt('G4')).getByRole('button', { name: /^Засах / }));
    await screen.findByText('«Тайлан» хуудас хамгаалагдсан.');
    expect(itemAt('G4')).toBeInTheDocument();
  });
});
