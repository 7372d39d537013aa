/**
 * @jest-environment jsdom
 */
// The notice dialog: the outcome in the user's words, Excel's own text only
// folded under "Дэлгэрэнгүй".

import { renderNotice } from '../../src/commands/notice';

describe('the notice page', () => {
  it('shows the text, and the detail only inside a closed "Дэлгэрэнгүй"', () => {
    const params = new URLSearchParams({ notice: 'Excel дотоод алдаа гаргалаа.', ok: '0', lang: 'mn', detail: 'GeneralException: An internal error has occurred.' });
    expect(renderNotice(document, `?${params}`)).toBe(true);
    const main = document.querySelector('main')!;
    expect(main.getAttribute('role')).toBe('alert');
    expect(main.querySelector('p')!.textContent).toBe('Excel дотоод алдаа гаргалаа.');
    const details = main.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')!.textContent).toBe('Дэлгэрэнгүй');
    expect(details.textContent).toContain('GeneralException: An internal error has occurred.');
    document.body.innerHTML = '';
  });

  it('has no "Дэлгэрэнгүй" without a detail', () => {
    renderNotice(document, `?${new URLSearchParams({ notice: 'Done.', ok: '1', lang: 'en' })}`);
    expect(document.querySelector('details')).toBeNull();
    expect(document.querySelector('main')!.getAttribute('role')).toBe('status');
    document.body.innerHTML = '';
  });
});
