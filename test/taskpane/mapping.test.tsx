/** @jest-environment jsdom */
// The column mapping editor: every column of each table with its role; a
// correction is saved with the workbook as an override and the sheet is
// analysed again, so the findings follow it.

import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { renderReady, validateNow } from './open';
import userEvent from '@testing-library/user-event';
import { deferred, stubHost, type StubHost } from './stub-host';

const user = () => userEvent.setup({ delay: null });

async function openTables(host: StubHost = stubHost(), validate = false) {
  await renderReady(host);
  // The findings are listed once Validate has run.
  if (validate) await validateNow();
  await user().click(screen.getByRole('tab', { name: 'Хүснэгт' }));
  return host;
}

const roleSelect = (letter: string) => screen.getByRole('combobox', { name: `${letter} баганын үүрэг` }) as HTMLSelectElement;
const findingCodes = async () => {
  await user().click(screen.getByRole('tab', { name: /Алдаа, дутуу/ }));
  const codes = within(screen.getByRole('tabpanel'))
    .getAllByRole('button', { name: /^Тайлан!/ })
    .map((b) => `${b.getAttribute('data-cell')} ${b.getAttribute('data-code')}`);
  return codes.sort();
};

describe('Column mapping editor', () => {
  it('lists each table with its range and the role of every column', async () => {
    await openTables();
    const card = screen.getByRole('group', { name: /Хүснэгт 1/ });
    expect(card).toHaveTextContent('Муж: Тайлан!A2:G10');
    expect(card).toHaveTextContent('5 арга хэмжээ, 2 бүлэг');
    expect(['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((l) => roleSelect(l).value)).toEqual([
      'index',
      'action',
      'indicator',
      'baseline',
      'target',
      'achieved',
      'percent',
    ]);
    // The shown text is the role's Mongolian name, and the header it came from is there to compare.
    const f = roleSelect('F');
    expect(f.selectedOptions[0]).toHaveTextContent('Хүрсэн түвшин');
    expect(f).toHaveAccessibleDescription(/Хүрсэн түвшин · гарчгаас/);
  });

  it('saves "ignore" as an override of that column of that table, analyses again, and the findings change', async () => {
    const host = await openTables(stubHost(), true);
    expect(await findingCodes()).toContain('Тайлан!G4 missing-percent');
    await user().click(screen.getByRole('tab', { name: 'Хүснэгт' }));
    host.validate.mockClear();

    await user().selectOptions(roleSelect('F'), 'ignore');

    // The sheet carries Validate's marks: the analysis that follows the change is a Validate, so the marks follow too.
    await waitFor(() => expect(host.validate).toHaveBeenCalledTimes(1));
    const override = { sheet: 'Тайлан', headerRow: 1, col: 5, role: 'ignore' };
    expect(host.saveSettings).toHaveBeenCalledTimes(1);
    expect(host.saveSettings.mock.calls[0][0]).toEqual({ profileId: 'practice', scope: 'sheet', lang: 'mn', overrides: [override] });
    // The analysis ran with the saved override (saved first, then analysed).
    expect(host.validate.mock.calls[0][0].overrides).toEqual([override]);
    expect(host.saveSettings.mock.invocationCallOrder[0]).toBeLessThan(host.validate.mock.invocationCallOrder[0]);
    // The column now shows the user's choice and a way back.
    expect(roleSelect('F').value).toBe('ignore');
    expect(screen.getByRole('button', { name: 'F баганыг автоматаар танюулах' })).toBeInTheDocument();
    expect(await screen.findByText('F баганыг «Тооцохгүй» гэж тэмдэглэлээ.')).toBeInTheDocument();
    // Without an achieved column, item 1's percent can no longer be computed: a warning became an error.
    await waitFor(async () => expect(await findingCodes()).toContain('Тайлан!G4 missing-percent'));
    expect(within(screen.getByRole('tabpanel')).getByRole('button', { name: /^Тайлан!G4/ })).toHaveTextContent(
      'хүснэгтэд зорилт, хүрсэн түвшний багана алга',
    );
    expect(within(screen.getByRole('tabpanel')).getByRole('region', { name: 'Алдаа (3)' })).toBeInTheDocument();
  });

  it('moves a role to the chosen column, keeps one override per role, and goes back to automatic', async () => {
    const host = await openTables();
    // The percent belongs to F now; the engine takes it from G.
    await user().selectOptions(roleSelect('F'), 'percent');
    await waitFor(() => expect(host.saveSettings).toHaveBeenCalledTimes(1));
    expect(host.saveSettings.mock.calls[0][0].overrides).toEqual([{ sheet: 'Тайлан', headerRow: 1, col: 5, role: 'percent' }]);
    await waitFor(() => expect(roleSelect('G').value).toBe(''));
    expect(roleSelect('F').value).toBe('percent');
    expect(roleSelect('G').selectedOptions[0]).toHaveTextContent('— танигдаагүй —');

    // Giving G the percent back replaces the override on F, not adds a second one.
    await user().selectOptions(roleSelect('G'), 'percent');
    await waitFor(() => expect(host.saveSettings).toHaveBeenCalledTimes(2));
    expect(host.saveSettings.mock.calls[1][0].overrides).toEqual([{ sheet: 'Тайлан', headerRow: 1, col: 6, role: 'percent' }]);

    // "Auto" removes the correction.
    await waitFor(() => expect(screen.getByRole('button', { name: 'G баганыг автоматаар танюулах' })).toBeEnabled());
    await user().click(screen.getByRole('button', { name: 'G баганыг автоматаар танюулах' }));
    await waitFor(() => expect(host.saveSettings).toHaveBeenCalledTimes(3));
    expect(host.saveSettings.mock.calls[2][0].overrides).toEqual([]);
    await waitFor(() => expect(roleSelect('F').value).toBe('achieved'));
    expect(roleSelect('G').value).toBe('percent');
  });

  it('validates again (not just analyses) after a change once the sheet has been validated, so the marks follow', async () => {
    const host = await openTables();
    await user().click(screen.getByRole('button', { name: 'Шалгах' }));
    await waitFor(() => expect(host.validate).toHaveBeenCalledTimes(1));
    await user().click(screen.getByRole('tab', { name: 'Хүснэгт' }));
    host.analyze.mockClear();
    await user().selectOptions(roleSelect('D'), 'ignore');
    await waitFor(() => expect(host.validate).toHaveBeenCalledTimes(2));
    expect(host.validate.mock.calls[1][0].overrides).toEqual([{ sheet: 'Тайлан', headerRow: 1, col: 3, role: 'ignore' }]);
    expect(host.analyze).not.toHaveBeenCalled();
  });

  it('disables every role dropdown while the change is being saved, and shows progress', async () => {
    const host = stubHost();
    const save = deferred<void>();
    host.saveSettings.mockImplementationOnce(() => save.promise);
    await openTables(host);
    await user().selectOptions(roleSelect('C'), 'ignore');
    expect(roleSelect('A')).toBeDisabled();
    expect(roleSelect('G')).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Шалгах' })).toBeDisabled();
    expect(screen.getByText('Тохиргоог хадгалж байна…')).toBeInTheDocument();
    save.resolve();
    await waitFor(() => expect(roleSelect('A')).toBeEnabled());
    expect(screen.queryByText('Тохиргоог хадгалж байна…')).not.toBeInTheDocument();
  });

  it('keeps the override when saving fails and says why', async () => {
    const host = stubHost();
    host.saveSettings.mockRejectedValueOnce(new Error('settings are read-only'));
    await openTables(host);
    host.analyze.mockClear();
    await user().selectOptions(roleSelect('F'), 'ignore');
    expect((await screen.findByText('Дэлгэрэнгүй')).closest('details')).toHaveTextContent('settings are read-only');
    // Not saved, so not applied: the column keeps the engine's role and nothing was re-analysed.
    expect(roleSelect('F').value).toBe('achieved');
    expect(host.analyze).not.toHaveBeenCalled();
  });
});
