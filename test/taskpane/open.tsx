// Opening the pane in a test: render it, wait until it has loaded its
// settings, read the sheet ahead and loaded its tabs (main[data-ready]);
// and Validate, after which the findings are listed (before it the pane
// lists none: the sheet has no marks yet).

import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { HostActions } from '../../src/excel/types';
import type { PaneOptions } from '../../src/taskpane/actions/types';
import { App } from '../../src/taskpane/App';
import { renderPane } from './render';

export async function paneReady(): Promise<void> {
  await waitFor(() => expect(document.querySelector('main[data-ready="true"]')).not.toBeNull());
}

export async function renderReady(host: HostActions, lang: 'mn' | 'en' = 'mn', options: PaneOptions = {}): Promise<void> {
  renderPane(<App host={host} lang={lang} outcomes={null} {...options} />);
  await paneReady();
}

/** Clicks Validate and waits for the findings list. */
export async function validateNow(lang: 'mn' | 'en' = 'mn'): Promise<void> {
  await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: lang === 'mn' ? 'Шалгах' : 'Validate' }));
  await paneReady();
  await screen.findAllByRole('button', { name: /^Тайлан!/ });
}
