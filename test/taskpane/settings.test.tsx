/** @jest-environment jsdom */
// Settings: the scoring profile (choose, edit, refuse an invalid one), the
// scope and the language, saved with the workbook through the host.

import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { renderReady, validateNow } from './open';
import { renderPane } from './render';
import { App } from '../../src/taskpane/App';
import userEvent from '@testing-library/user-event';
import { PROFILES } from '../../src/core/profiles';
import { stubHost, type StubHost } from './stub-host';

const user = () => userEvent.setup({ delay: null });

async function openSettings(host: StubHost = stubHost(), lang: 'mn' | 'en' = 'mn', validate = false) {
  await renderReady(host, lang);
  // The findings are listed once Validate has run.
  if (validate) await validateNow(lang);
  await user().click(screen.getByRole('tab', { name: lang === 'mn' ? 'Тохиргоо' : 'Settings' }));
  host.analyze.mockClear();
  return host;
}

const panel = () => screen.getByRole('tabpanel');
const scaleInput = () => within(panel()).getByRole('textbox', { name: /Үнэлгээний шатлал/ });

describe('Settings', () => {
  it('chooses a shipped profile: saves its id and analyses again with it', async () => {
    const host = await openSettings();
    const select = within(panel()).getByRole('combobox', { name: /Үнэлгээний профайл/ }) as HTMLSelectElement;
    expect(select.value).toBe('practice');
    expect([...select.options].map((o) => o.value)).toEqual(PROFILES.map((p) => p.id));
    await user().selectOptions(select, 'zg206');
    await waitFor(() => expect(host.analyze).toHaveBeenCalledTimes(1));
    expect(host.saveSettings).toHaveBeenCalledWith({ profileId: 'zg206', scope: 'sheet', lang: 'mn', overrides: [] });
    expect(host.analyze.mock.calls[0][0].profileId).toBe('zg206');
    // The editor now shows that profile's scale.
    expect(scaleInput()).toHaveValue('100, 70, 30, 0');
    // On the 206 scale, 50 % is off the scale too: one more note among the findings
    // (counted ahead: the list itself comes with Validate).
    await user().click(screen.getByRole('tab', { name: /Алдаа, дутуу/ }));
    expect(within(panel()).getByText(/2 алдаа, 3 анхааруулга, 2 мэдээлэл/)).toBeInTheDocument();
  });

  it('shows the problem with an invalid scale and does not save it; saves once it is fixed', async () => {
    const host = await openSettings();
    await user().clear(scaleInput());
    await user().type(scaleInput(), '100, 70, 150');
    // Shown as the user types, on the field and in the list of problems.
    expect(scaleInput()).toHaveAttribute('aria-invalid', 'true');
    expect(within(panel()).getAllByText(/Шатлалын утга 0–100 байх ёстой\./).length).toBeGreaterThanOrEqual(1);
    expect(within(panel()).getByText('Профайлыг хадгалах боломжгүй')).toBeInTheDocument();
    await user().click(within(panel()).getByRole('button', { name: 'Профайл хадгалах' }));
    expect(host.saveSettings).not.toHaveBeenCalled();
    expect(host.analyze).not.toHaveBeenCalled();

    await user().clear(scaleInput());
    await user().type(scaleInput(), '100, 7о');
    expect(within(panel()).getAllByText('«7о» тоо биш байна.').length).toBeGreaterThanOrEqual(1);
    await user().click(within(panel()).getByRole('button', { name: 'Профайл хадгалах' }));
    expect(host.saveSettings).not.toHaveBeenCalled();

    await user().clear(scaleInput());
    await user().type(scaleInput(), '0, 60, 100');
    expect(scaleInput()).not.toHaveAttribute('aria-invalid', 'true');
    expect(within(panel()).queryByText('Профайлыг хадгалах боломжгүй')).not.toBeInTheDocument();
    await user().click(within(panel()).getByRole('button', { name: 'Профайл хадгалах' }));
    await waitFor(() => expect(host.saveSettings).toHaveBeenCalledTimes(1));
    const saved = host.saveSettings.mock.calls[0][0];
    expect(saved.profileId).toBe('practice');
    // Highest first, as the engine expects; the rest of the profile kept.
    expect(saved.profile?.scale).toEqual([100, 60, 0]);
    expect(saved.profile?.fivePointFactor).toBe(0.05);
    await waitFor(() => expect(host.analyze).toHaveBeenCalledTimes(1));
    expect(host.analyze.mock.calls[0][0].profile?.scale).toEqual([100, 60, 0]);
    expect(within(panel()).getByRole('option', { name: /Нэгжүүдийн практик.*\(засварласан\)/ })).toBeInTheDocument();
  });

  it('edits snapping, the 5-point factor (comma or point decimals), annex 8 weights and grade bands', async () => {
    const host = await openSettings();
    await user().click(within(panel()).getByRole('switch', { name: /доод түвшинд буулгах/ }));
    const factor = within(panel()).getByRole('textbox', { name: '5 онооны коэффициент' });
    await user().clear(factor);
    await user().type(factor, '0,04');
    const skills = within(panel()).getByRole('textbox', { name: /2-р хэсэг/ });
    await user().clear(skills);
    await user().type(skills, '0.2');
    const aAbove = within(panel()).getByRole('textbox', { name: 'A: %-иас дээш' });
    await user().clear(aAbove);
    await user().type(aAbove, '95');
    const aName = within(panel()).getByRole('textbox', { name: 'A: нэр' });
    await user().clear(aName);
    await user().type(aName, 'Онц');
    await user().click(within(panel()).getByRole('button', { name: 'Профайл хадгалах' }));
    await waitFor(() => expect(host.saveSettings).toHaveBeenCalledTimes(1));
    const p = host.saveSettings.mock.calls[0][0].profile!;
    expect(p.snapDown).toBe(true);
    expect(p.fivePointFactor).toBe(0.04);
    expect(p.annex8).toEqual({ performance: 0.7, skills: 0.2, supervisorMax: 7, colleaguesMax: 8 });
    expect(p.grades[0]).toEqual({ above: 95, grade: 'A', label: { mn: 'Онц', en: 'Excellent' } });
    // The last band's floor is not edited: it stays the shipped one.
    expect(p.grades[4].above).toBe(PROFILES[0].grades[4].above);
  });

  it('refuses grade bands out of order and a 5-point factor that is not positive', async () => {
    const host = await openSettings();
    const bAbove = within(panel()).getByRole('textbox', { name: 'B: %-иас дээш' });
    await user().clear(bAbove);
    await user().type(bAbove, '92');
    const factor = within(panel()).getByRole('textbox', { name: '5 онооны коэффициент' });
    await user().clear(factor);
    await user().type(factor, '0');
    expect(within(panel()).getByText('Профайлыг хадгалах боломжгүй')).toBeInTheDocument();
    expect(within(panel()).getByText('Үнэлгээний зэрэглэл буурах дарааллаар байх ёстой.')).toBeInTheDocument();
    expect(within(panel()).getByText('5 онооны коэффициент эерэг байх ёстой.')).toBeInTheDocument();
    await user().click(within(panel()).getByRole('button', { name: 'Профайл хадгалах' }));
    expect(host.saveSettings).not.toHaveBeenCalled();
    // Reset puts the shipped profile back, which is valid.
    await user().click(within(panel()).getByRole('button', { name: 'Анхны утга' }));
    expect(within(panel()).queryByText('Профайлыг хадгалах боломжгүй')).not.toBeInTheDocument();
  });

  it('switches the scope to every sheet: saved and analysed again with it', async () => {
    const host = await openSettings();
    expect(within(panel()).getByRole('radio', { name: 'Идэвхтэй хуудас' })).toBeChecked();
    await user().click(within(panel()).getByRole('radio', { name: 'Бүх хуудас' }));
    await waitFor(() => expect(host.analyze).toHaveBeenCalledTimes(1));
    expect(host.saveSettings).toHaveBeenCalledWith({ profileId: 'practice', scope: 'workbook', lang: 'mn', overrides: [] });
    expect(host.analyze.mock.calls[0][0].scope).toBe('workbook');
    expect(within(panel()).getByRole('radio', { name: 'Бүх хуудас' })).toBeChecked();
  });

  it('switches the language: saved, and the whole pane (findings too) speaks English without a new analysis', async () => {
    const host = await openSettings(stubHost(), 'mn', true);
    await user().click(within(panel()).getByRole('radio', { name: /English/ }));
    await waitFor(() => expect(host.saveSettings).toHaveBeenCalledTimes(1));
    expect(host.saveSettings.mock.calls[0][0].lang).toBe('en');
    expect(await screen.findByRole('tab', { name: 'Settings' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Validate' })).toBeInTheDocument();
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument();
    expect(host.analyze).not.toHaveBeenCalled();
    await user().click(screen.getByRole('tab', { name: /Findings/ }));
    expect(within(panel()).getByRole('button', { name: /^Тайлан!G6/ })).toHaveTextContent('Item 3: the percent is "сайн"');
  });

  it('starts in the language saved with the workbook, whatever Office\'s language', async () => {
    renderPane(<App host={stubHost(undefined, { lang: 'en' })} lang="mn" />);
    expect(await screen.findByRole('button', { name: 'Compute scores' })).toBeInTheDocument();
  });
});
