/** @jest-environment jsdom */
// After a fix, the pane says what the fix left to do — what it revealed
// ("6 нүдэнд хүрсэн түвшинг бичнэ үү" when ratings moved out of the
// achieved column), else the errors left — and lists the findings it
// revealed first, under a heading of their own, until the next analysis
// (fix-message.test.ts: the message on the aimag sample).
// And a long outcome (Compute's) stays short, its details on asking.

import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { paneReady, renderReady, validateNow } from './open';
import { stubHost } from './stub-host';

const user = () => userEvent.setup({ delay: null });
const panel = () => screen.getByRole('tabpanel');
const message = () => document.querySelector('[data-intent]') as HTMLElement;

describe('what a fix left to do', () => {
  it('Fix all in the pane: the finding it revealed is named in the message and listed first; Validate again lists it in its place', async () => {
    await renderReady(stubHost());
    await validateNow();
    await user().click(screen.getByRole('button', { name: 'Бүгдийг засах (2)' }));
    await paneReady();
    // G4's computed 75 % is off the practice scale: a finding the fix revealed.
    await waitFor(() => expect(message()).toHaveTextContent('2 засвар хийж, 2 нүдийг өөрчиллөө. Засварын дараа 1 шинэ зүйл илэрлээ (G4): жагсаалтын эхэнд байна.'));
    const regions = within(panel()).getAllByRole('region');
    expect(regions[0]).toHaveAttribute('data-severity', 'revealed');
    expect(regions[0]).toHaveAccessibleName('Засварын дараа илэрсэн (1)');
    expect(within(regions[0]).getAllByRole('button', { name: /^Тайлан!/ }).map((b) => b.getAttribute('data-code'))).toEqual(['percent-off-scale']);
    // Listed once: not again under its severity.
    expect(document.querySelectorAll('button[data-cell="Тайлан!G4"][data-code="percent-off-scale"]')).toHaveLength(1);
    await validateNow();
    await waitFor(() => expect(within(panel()).getAllByRole('region')[0]).toHaveAttribute('data-severity', 'error'));
    expect(within(panel()).queryByRole('region', { name: /Засварын дараа/ })).toBeNull();
  });

  it('a fix that reveals nothing says how many errors are left', async () => {
    await renderReady(stubHost());
    await validateNow();
    const a7 = screen.getByRole('button', { name: /^Тайлан!A7/ }).closest('li')!;
    await user().click(within(a7).getByRole('button', { name: /^Засах / }));
    await paneReady();
    await waitFor(() => expect(message()).toHaveTextContent('1 засвар хийж, 2 нүдийг өөрчиллөө. 2 алдаа засах үлдлээ.'));
    expect(within(panel()).queryByRole('region', { name: /Засварын дараа/ })).toBeNull();
  });
});

describe('a long outcome, short', () => {
  it('Compute says how many cells it wrote; where they went is behind "Дэлгэрэнгүй"', async () => {
    await renderReady(stubHost());
    await user().click(screen.getByRole('button', { name: 'Оноо тооцох' }));
    await paneReady();
    const more = await screen.findByRole('button', { name: 'Дэлгэрэнгүй' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    const details = screen.getByTestId('message-details');
    expect(details).not.toBeVisible();
    expect(details).toHaveTextContent(/Үүнээс хүснэгтэд \d+ нүд/);
    expect(message()).toHaveTextContent(/^Оноо тооцлоо: \d+ нүдийг бичив\./);
    await user().click(more);
    expect(details).toBeVisible();
    expect(screen.getByRole('button', { name: 'Хураангуй' })).toHaveAttribute('aria-expanded', 'true');
    expect(more.getAttribute('aria-controls')).toBe(details.id);
  });
});
