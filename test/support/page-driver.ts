// What a person sees and does on the web page, for end-to-end tests that
// open it through page-host.ts: the pane, its buttons and messages, the
// sheet's cells, and "the pane has settled".

import type { Page } from 'playwright-core';

export const pane = (page: Page) => page.locator('#pane');
const grid = (page: Page) => page.locator('#page');
export const cell = (page: Page, address: string) => grid(page).locator(`[data-addr="${address}"]`);
export const paneButton = (page: Page, name: string | RegExp) => pane(page).getByRole('button', { name, exact: typeof name === 'string' });
/** The pane's message bar (what the last action said). */
export const message = (page: Page) => pane(page).locator('[data-intent]');
export const sheetTabs = (page: Page) => grid(page).locator('[data-sheet-tab]').allTextContents();
/** The page's own file input (the pane's roll-up has one of its own, for many files). */
export const fileInput = (page: Page) => page.getByTestId('file-input');

export async function openTab(page: Page, name: string | RegExp): Promise<void> {
  await pane(page).getByRole('tab', { name }).click();
}

/** The pane has settled: nothing running, nothing being read ahead or drawn. */
export async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => !!document.querySelector('#pane main[data-ready="true"]'));
}

/** Clicks a pane button and waits for its message and for the pane to settle. */
export async function act(page: Page, button: string | RegExp, said: string | RegExp): Promise<void> {
  await paneButton(page, button).click();
  await message(page).filter({ hasText: said }).waitFor();
  await idle(page);
}

/** Drops a file on the page as a person drags it from a folder (a DataTransfer with the file). */
export async function dropFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  const transfer = await page.evaluateHandle(
    ([fileName, base64]) => {
      const data = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const dataTransfer = new DataTransfer();
      dataTransfer.items.add(new File([data], fileName));
      return dataTransfer;
    },
    [name, bytes.toString('base64')] as const,
  );
  await page.dispatchEvent('#page', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('#page', 'drop', { dataTransfer: transfer });
}
