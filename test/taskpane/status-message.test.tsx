/** @jest-environment jsdom */
// The pane's message folds what a user need not read at once under one
// "Дэлгэрэнгүй": the rest of a long outcome behind a button that opens it,
// Excel's own (English) text about a failure in a disclosure of its own —
// and, for a message with both, Excel's text with the rest behind the one
// button, never two "Дэлгэрэнгүй" side by side.

import '@testing-library/jest-dom';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PaneMessage } from '../../src/taskpane/actions/types';
import { StatusMessage } from '../../src/taskpane/components/StatusMessage';
import { renderPane } from './render';

const show = (message: PaneMessage) => renderPane(<StatusMessage message={message} onDismiss={() => undefined} />);

describe('the pane’s message', () => {
  it('Excel’s text alone: in a closed <details> under "Дэлгэрэнгүй", out of the sentence', () => {
    show({ intent: 'error', text: { mn: 'Excel дотоод алдаа гаргалаа.', en: 'Excel had an internal error.' }, detail: 'GeneralException: An internal error has occurred.' });
    const details = screen.getByText('Дэлгэрэнгүй').closest('details')!;
    expect(details).not.toHaveAttribute('open');
    expect(details).toHaveTextContent('GeneralException');
    expect(screen.queryByRole('button', { name: 'Дэлгэрэнгүй' })).toBeNull();
  });

  it('the rest of a long outcome and Excel’s text: one "Дэлгэрэнгүй" button opens both', async () => {
    show({
      intent: 'warning',
      text: { mn: 'Оноо тооцлоо: 12 нүдийг бичив.', en: 'Computed: wrote 12 cells.' },
      details: { mn: 'Үүнээс хүснэгтэд 10 нүд.', en: 'Of these, 10 in the table.' },
      detail: 'InvalidArgument: The argument is invalid or missing or has an incorrect format.',
    });
    expect(screen.getAllByText('Дэлгэрэнгүй')).toHaveLength(1);
    expect(document.querySelector('details')).toBeNull();
    const more = screen.getByRole('button', { name: 'Дэлгэрэнгүй' });
    const rest = screen.getByTestId('message-details');
    expect(rest).not.toBeVisible();
    expect(rest).toHaveTextContent(/Үүнээс хүснэгтэд 10 нүд\..*InvalidArgument: The argument is invalid/);
    await userEvent.setup({ delay: null }).click(more);
    expect(rest).toBeVisible();
    expect(screen.getByRole('button', { name: 'Хураангуй' })).toHaveAttribute('aria-expanded', 'true');
  });
});
