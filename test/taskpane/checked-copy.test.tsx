/** @jest-environment jsdom */
// What the pane offers for a workbook "with the errors marked": on the web
// page, after Validate, a Download of the checked copy beside the one of the
// computed (or changed) copy, each named by what it saves; in the More menu,
// "Алдааны жагсаалт хуудас", the findings sheet made in the workbook.

import '@testing-library/jest-dom';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { paneReady, renderReady, validateNow } from './open';
import { stubHost } from './stub-host';

const user = () => userEvent.setup({ delay: null });
const button = (name: string) => screen.getByRole('button', { name });

describe('the checked copy on the web page', () => {
  it('is offered once validated, named by what it saves, saves with the pane\'s settings and says so', async () => {
    const save = jest.fn(async () => undefined);
    const saveChecked = jest.fn(async () => undefined);
    await renderReady(stubHost(), 'mn', { download: { name: 'report.computed.xlsx', save, checked: { name: 'report.checked.xlsx', save: saveChecked } } });
    expect(screen.queryByRole('button', { name: 'Тэмдэглэсэн хуулбар татах' })).not.toBeInTheDocument();
    await validateNow();
    expect(button('Тэмдэглэсэн хуулбар татах')).toHaveAccessibleDescription(/«report\.checked\.xlsx» нэрээр хадгална/);
    // Nothing changed yet: no computed or changed copy to save.
    expect(screen.queryByRole('button', { name: /Тооцоолсон хуулбар татах|Өөрчилсөн хуулбар татах/ })).not.toBeInTheDocument();
    await user().click(button('Тэмдэглэсэн хуулбар татах'));
    expect(await screen.findByText(/«report\.checked\.xlsx» файлыг хадгаллаа\./)).toBeInTheDocument();
    expect(saveChecked).toHaveBeenCalledWith({ profileId: 'practice', scope: 'sheet', lang: 'mn', overrides: [] });
    expect(save).not.toHaveBeenCalled();
  });

  it('after a fix (no Compute), the other Download is the changed copy', async () => {
    const host = stubHost();
    await renderReady(host, 'mn', { download: { name: 'report.computed.xlsx', save: jest.fn(), checked: { name: 'report.checked.xlsx', save: jest.fn() } } });
    await validateNow();
    await user().click(screen.getAllByRole('button', { name: /^Засах / })[0]);
    await paneReady();
    expect(button('Өөрчилсөн хуулбар татах')).toHaveAccessibleDescription(/«report\.computed\.xlsx» нэрээр хадгална/);
    expect(screen.queryByRole('button', { name: 'Тооцоолсон хуулбар татах' })).not.toBeInTheDocument();
  });
});

describe('the findings sheet from the More menu', () => {
  it('makes the sheet through the host and says where, in the user\'s language', async () => {
    const host = stubHost(undefined, { lang: 'en' });
    await renderReady(host, 'en');
    await user().click(screen.getByRole('button', { name: 'More actions' }));
    await user().click(await screen.findByRole('menuitem', { name: 'Findings sheet' }));
    await paneReady();
    expect(host.createFindingsSheet).toHaveBeenCalledTimes(1);
    await screen.findByText(/^Listed \d+ findings? on the sheet "Алдаа, дутуу"; click a cell address to go to it\.$/);
  });
});
