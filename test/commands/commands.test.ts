// Ribbon commands: each always calls event.completed(), on success and on
// failure, and tells the user what happened.

import {
  computeScores,
  noticeUrl,
  officeReporter,
  publish,
  register,
  validate,
  OUTCOME_KEY,
  PANE_KEY,
  paneListening,
  subscribeOutcomes,
  type CommandDeps,
  type OfficeForCommands,
  type Outcome,
} from '../../src/commands/commands';
import type { OutcomeScope } from '../../src/commands/outcomes';
import { AddinError, type AddinSettings, type ComputeResult, type ValidateResult } from '../../src/excel/types';
import { FakeOffice } from '../../src/in-memory-excel/office';
import { loadFixture } from '../support/load-fixture';
import { rig } from '../excel/helpers';

const SETTINGS: AddinSettings = { profileId: 'practice', scope: 'sheet', lang: 'mn', overrides: [] };
const analysis = (error: number, warning: number, info: number) => ({ sheets: [], evaluations: [], findings: [], counts: { error, warning, info }, profileId: 'practice' });

function event() {
  return { completed: jest.fn() };
}

function deps(over: Partial<CommandDeps['host']> = {}, report = jest.fn<void | Promise<void>, [Outcome]>()) {
  const host: CommandDeps['host'] = {
    loadSettings: jest.fn(async () => SETTINGS),
    validate: jest.fn(async (): Promise<ValidateResult> => ({ analysis: analysis(2, 3, 1), marked: 5 })),
    compute: jest.fn(async (): Promise<ComputeResult> => ({ analysis: analysis(0, 0, 0), plan: { sheets: [], summary: null, skipped: [], writtenCells: [] }, changed: 12 })),
    ...over,
  };
  return { host, report, reportTimeoutMs: 50 } satisfies CommandDeps;
}

const protectedError = new AddinError('sheet-protected', { mn: '"Тайлан" хуудас хамгаалалттай.', en: 'Sheet "Тайлан" is protected.' });

describe.each([
  ['validate', validate, 'validate' as const],
  ['computeScores', computeScores, 'compute' as const],
])('%s', (_name, command, method) => {
  it('completes the event and reports success', async () => {
    const e = event();
    const d = deps();
    await command(e, d);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(d.host[method]).toHaveBeenCalledWith(SETTINGS);
    expect(d.report).toHaveBeenCalledTimes(1);
    expect(d.report.mock.calls[0][0]).toMatchObject({ ok: true, lang: 'mn' });
  });

  it('completes the event and reports an AddinError in the user’s language', async () => {
    const e = event();
    const d = deps({ [method]: jest.fn(async () => Promise.reject(protectedError)) });
    await command(e, d);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(d.report).toHaveBeenCalledWith(expect.objectContaining({ ok: false, code: 'sheet-protected', text: protectedError.text }));
  });

  it('completes the event and reports an unexpected failure in plain words, its own text as the detail', async () => {
    const e = event();
    const d = deps({ [method]: jest.fn(async () => Promise.reject(new Error('boom'))) });
    await command(e, d);
    expect(e.completed).toHaveBeenCalledTimes(1);
    const outcome = d.report.mock.calls[0][0];
    expect(outcome).toMatchObject({ ok: false, code: 'unexpected', detail: 'boom' });
    expect(outcome.text.mn).toMatch(/^Үнэлгээ гэнэтийн алдааны улмаас/);
    expect(outcome.text.mn).not.toContain('boom');
    expect(outcome.text.en).not.toContain('boom');
  });

  it('reports an Excel error by its code in plain words (Excel\'s English only as the detail)', async () => {
    const excelError = Object.assign(new Error('An internal error has occurred.'), { code: 'GeneralException' });
    const d = deps({ [method]: jest.fn(async () => Promise.reject(excelError)) });
    await command(event(), d);
    const outcome = d.report.mock.calls[0][0];
    expect(outcome).toMatchObject({ ok: false, code: 'GeneralException', detail: 'GeneralException: An internal error has occurred.' });
    expect(outcome.text.mn).toMatch(/^Excel дотоод алдаа гаргалаа\./);
    expect(outcome.text.en).toMatch(/^Excel reported an internal error\./);
    expect(`${outcome.text.mn} ${outcome.text.en}`).not.toContain('internal error has occurred');
  });

  it('completes the event when the settings cannot be loaded', async () => {
    const e = event();
    const d = deps({ loadSettings: jest.fn(async () => Promise.reject(new Error('settings unavailable'))) });
    await command(e, d);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(d.report.mock.calls[0][0].detail).toBe('settings unavailable');
  });

  it('reads the settings fresh from the document (the pane may have saved since) and completes before telling', async () => {
    const order: string[] = [];
    const e = { completed: jest.fn(() => order.push('completed')) };
    const d = deps({}, jest.fn<void | Promise<void>, [Outcome]>(() => void order.push('report')));
    await command(e, d);
    expect(d.host.loadSettings).toHaveBeenCalledWith({ fresh: true });
    expect(order).toEqual(['completed', 'report']);
  });

  it('completes the event even when reporting throws or never finishes', async () => {
    const e1 = event();
    const throwing = deps(
      {},
      jest.fn<void | Promise<void>, [Outcome]>(() => {
        throw new Error('no dialog');
      }),
    );
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await command(e1, throwing);
    expect(e1.completed).toHaveBeenCalledTimes(1);
    spy.mockRestore();

    const e2 = event();
    const hanging = deps({}, jest.fn<void | Promise<void>, [Outcome]>(() => new Promise<void>(() => undefined)));
    await command(e2, hanging);
    expect(e2.completed).toHaveBeenCalledTimes(1);
  });
});

describe('messages', () => {
  it('Validate counts findings and marked cells; Compute says how many cells it wrote', async () => {
    const d = deps();
    await validate(event(), d);
    await computeScores(event(), d);
    expect(d.report.mock.calls[0][0].text.mn).toBe('Шалгалт дууслаа: 2 алдаа, 3 анхааруулга, 1 мэдээлэл; 5 нүдийг өнгөөр тэмдэглэж тайлбар бичлээ.');
    // English plurals: "1 note" (this said "1 notes" before the texts moved to src/i18n/excel.ts).
    expect(d.report.mock.calls[0][0].text.en).toBe('Validate finished: 2 errors, 3 warnings, 1 note; 5 cells marked with a colour and a note.');
    expect(d.report.mock.calls[1][0].text.en).toContain('12 cells written');
    expect(d.report.mock.calls[1][0].quiet).toBe(false);
  });

  it('a Compute with nothing to do is "quiet" (nothing on the sheet shows it)', async () => {
    const d = deps({ compute: jest.fn(async () => ({ analysis: analysis(0, 0, 0), plan: { sheets: [], summary: null, skipped: [], writtenCells: [] }, changed: 0 })) });
    await computeScores(event(), d);
    expect(d.report.mock.calls[0][0]).toMatchObject({ ok: true, quiet: true });
    expect(d.report.mock.calls[0][0].text.en).toContain('already computed');
  });
});

describe('registration', () => {
  it('associates both ribbon functions inside Office.onReady, and they run the host', async () => {
    const office = new FakeOffice();
    const d = deps();
    await register(office as unknown as OfficeForCommands, d);
    expect([...office.associations.keys()].sort()).toEqual(['computeScores', 'validate']);
    const e = event();
    await office.associations.get('computeScores')!(e);
    expect(d.host.compute).toHaveBeenCalled();
    expect(e.completed).toHaveBeenCalledTimes(1);
  });

  it('end to end on the fake Excel: the ribbon Compute writes the summary and completes', async () => {
    const { data } = await loadFixture('report-2025-h1-consulting-unit.xlsx');
    const { fake, host } = rig(data);
    const report = jest.fn<void, [Outcome]>();
    await register(fake.office as unknown as OfficeForCommands, { host, report });
    const e = event();
    await fake.office.associations.get('computeScores')!(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(report.mock.calls[0][0]).toMatchObject({ ok: true, command: 'computeScores' });
    expect(fake.names()).toContain('Үнэлгээний хураангуй');
  });
});

describe('the Office reporter', () => {
  const outcome = (over: Partial<Outcome> = {}): Outcome => ({
    command: 'validate',
    ok: false,
    lang: 'en',
    text: { mn: 'Алдаа', en: 'Sheet "Тайлан" is protected.' },
    quiet: true,
    code: 'sheet-protected',
    at: '2025-01-15T08:00:00.000Z',
    ...over,
  });

  it('with a shared runtime, shows the task pane', async () => {
    const office = new FakeOffice({ sharedRuntime: true });
    // Whether the add-in uses a shared runtime is the manifest's say, not isSetSupported's: it is passed in.
    await officeReporter(office as unknown as OfficeForCommands, 'https://localhost:3000/commands.html', { sharedRuntime: true })(outcome());
    expect(office.taskpaneShown).toBe(1);
    expect(office.dialogs).toHaveLength(0);
  });

  it('without one, opens a notice dialog for a failure and does not wait for the user to close it', async () => {
    const office = new FakeOffice();
    await officeReporter(office as unknown as OfficeForCommands, 'https://localhost:3000/commands.html?x=1')(outcome({ detail: 'AccessDenied: The cell is protected.' }));
    expect(office.dialogs).toHaveLength(1);
    const url = new URL(office.dialogs[0].url);
    expect(url.origin + url.pathname).toBe('https://localhost:3000/commands.html');
    expect(url.searchParams.get('notice')).toBe('Sheet "Тайлан" is protected.');
    expect(url.searchParams.get('detail')).toBe('AccessDenied: The cell is protected.');
    office.dialogs[0].close();
  });

  it('stays out of the way when the sheet shows the result', async () => {
    const office = new FakeOffice();
    await officeReporter(office as unknown as OfficeForCommands, 'https://localhost:3000/commands.html')(outcome({ ok: true, quiet: false }));
    expect(office.dialogs).toHaveLength(0);
    expect(office.taskpaneShown).toBe(0);
  });

  it('publishes the outcome for the task pane', () => {
    const store = new Map<string, string>();
    const posted: unknown[] = [];
    class Channel {
      constructor(readonly name: string) {}
      postMessage(m: unknown) {
        posted.push([this.name, m]);
      }
      close() {}
    }
    const o = outcome();
    publish(o, { localStorage: { setItem: (k: string, v: string) => store.set(k, v) } as unknown as Storage, BroadcastChannel: Channel as unknown as typeof BroadcastChannel });
    expect(JSON.parse(store.get(OUTCOME_KEY)!)).toEqual(o);
    expect(posted).toEqual([['unelgee', o]]);
  });

  it('builds the notice URL on the commands page', () => {
    expect(noticeUrl('https://h/commands.html#x', outcome({ lang: 'mn' }))).toBe('https://h/commands.html?notice=%D0%90%D0%BB%D0%B4%D0%B0%D0%B0&ok=0&lang=mn');
  });
});

describe('the pane or a dialog', () => {
  const failure: Outcome = { command: 'computeScores', ok: false, lang: 'en', text: { mn: 'Алдаа', en: 'It failed.' }, quiet: true, code: 'x', at: '2025-01-15T08:00:00.000Z' };

  /** localStorage, a BroadcastChannel and storage events shared by a "pane" and a "command" in one test. */
  function sharedScope() {
    const store = new Map<string, string>();
    const channels = new Set<{ name: string; onmessage: ((e: { data: unknown }) => void) | null }>();
    const storageListeners = new Set<(e: { key: string | null; newValue: string | null }) => void>();
    class Channel {
      onmessage: ((e: { data: unknown }) => void) | null = null;
      constructor(readonly name: string) {
        channels.add(this);
      }
      postMessage(data: unknown) {
        for (const c of channels) if (c !== this && c.name === this.name) c.onmessage?.({ data });
      }
      close() {
        channels.delete(this);
      }
    }
    const timers: (() => void)[] = [];
    const scope: OutcomeScope = {
      localStorage: {
        getItem: (k) => store.get(k) ?? null,
        setItem: (k, v) => {
          store.set(k, v);
          for (const l of storageListeners) l({ key: k, newValue: v });
        },
        removeItem: (k) => void store.delete(k),
      },
      BroadcastChannel: Channel as unknown as typeof BroadcastChannel,
      addEventListener: (_t, l) => void storageListeners.add(l),
      removeEventListener: (_t, l) => void storageListeners.delete(l),
      setInterval: (f) => timers.push(f),
      clearInterval: () => undefined,
    };
    return { scope, store };
  }

  it('a pane that listens gets the outcome once, and no dialog opens', async () => {
    const { scope } = sharedScope();
    const got: Outcome[] = [];
    const stop = subscribeOutcomes((o) => got.push(o), scope);
    const office = new FakeOffice();
    await officeReporter(office as unknown as OfficeForCommands, 'https://localhost:3000/commands.html', { scope })(failure);
    expect(got).toEqual([failure]);
    expect(office.dialogs).toHaveLength(0);
    expect(office.taskpaneShown).toBe(0);
    stop();
  });

  it('once the pane stops listening (or its heartbeat is stale), a failure opens the dialog', async () => {
    const { scope, store } = sharedScope();
    const stop = subscribeOutcomes(() => undefined, scope);
    stop();
    expect(store.has(PANE_KEY)).toBe(false);
    const office = new FakeOffice();
    void officeReporter(office as unknown as OfficeForCommands, 'https://localhost:3000/commands.html', { scope })(failure);
    await Promise.resolve();
    expect(office.dialogs).toHaveLength(1);
    store.set(PANE_KEY, String(Date.now() - 60_000));
    expect(paneListening(scope)).toBe(false);
    store.set(PANE_KEY, String(Date.now()));
    expect(paneListening(scope)).toBe(true);
  });

  it('without a shared runtime, showAsTaskpane is never called, even where Excel supports SharedRuntime 1.1', async () => {
    const office = new FakeOffice({ sharedRuntime: true });
    const { scope } = sharedScope();
    void officeReporter(office as unknown as OfficeForCommands, 'https://localhost:3000/commands.html', { scope })(failure);
    await Promise.resolve();
    expect(office.taskpaneShown).toBe(0);
    expect(office.dialogs).toHaveLength(1);
  });
});

describe('while the user is typing in a cell', () => {
  it('the ribbon Compute waits for the edit to end (delayForCellEdit) and then succeeds', async () => {
    const { data } = await loadFixture('report-2025-h1-consulting-unit.xlsx');
    const { fake, host } = rig(data);
    const report = jest.fn<void, [Outcome]>();
    await register(fake.office as unknown as OfficeForCommands, { host, report });
    fake.startCellEdit();
    const e = event();
    const running = fake.office.associations.get('computeScores')!(e) as Promise<void>;
    await new Promise((r) => setTimeout(r, 20));
    expect(e.completed).not.toHaveBeenCalled();
    fake.endCellEdit();
    await running;
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(report.mock.calls[0][0]).toMatchObject({ ok: true, command: 'computeScores' });
    expect(fake.names()).toContain('Үнэлгээний хураангуй');
  });
});
