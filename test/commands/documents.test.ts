// The add-in beside other workbooks: every open workbook's pane and ribbon
// are pages of one origin (one localStorage, BroadcastChannels that reach
// each other: src/in-memory-excel/origin.ts). A ribbon outcome reaches only its own
// workbook's pane, a ribbon looks only for its own workbook's pane, an
// outcome nobody saw waits for that workbook's pane, and the ribbon reads
// settings the pane saved since it started (refreshAsync).
//
// Before documents had ids, "Compute fails in B with the pane open in A"
// showed B's message in A's pane and opened no dialog in B.

import { officeReporter, register, subscribeOutcomes, type OfficeForCommands, type Outcome } from '../../src/commands/commands';
import { pendingKey, type OutcomeScope } from '../../src/commands/outcomes';
import { createExcelHost } from '../../src/excel/host';
import { envFrom, type ExcelLike, type OfficeLike } from '../../src/excel/env';
import { DOCUMENT_ID_KEY } from '../../src/excel/document-id';
import type { FakeExcel } from '../../src/in-memory-excel/excel';
import type { FakeOffice } from '../../src/in-memory-excel/office';
import { FakeOrigin, type FakeWindow } from '../../src/in-memory-excel/origin';
import { loadFixture } from '../support/load-fixture';
import { rig, settings } from '../excel/helpers';

const PAGE = 'https://localhost:3000/commands.html';

/** A workbook's ribbon: its own runtime (no shared runtime) and its own page of the origin. */
async function ribbon(fake: FakeExcel, origin: FakeOrigin, office: FakeOffice = fake.runtime()) {
  const page = origin.window();
  const host = createExcelHost({ ...envFrom(fake.Excel as unknown as ExcelLike, office as unknown as OfficeLike) });
  const seen: Outcome[] = [];
  const report = officeReporter(office as unknown as OfficeForCommands, PAGE, { scope: page as unknown as OutcomeScope });
  await register(office as unknown as OfficeForCommands, { host, report: (o) => (seen.push(o), report(o)) });
  const press = async (name: 'validate' | 'computeScores') => {
    const e = { completed: jest.fn() };
    await office.associations.get(name)!(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    return seen[seen.length - 1];
  };
  return { office, page, press };
}

/** A workbook's pane, opened now (its runtime loads the document's settings as they are now), listening for its own workbook's outcomes. */
function pane(fake: FakeExcel, origin: FakeOrigin, page: FakeWindow = origin.window()) {
  const host = createExcelHost({ ...envFrom(fake.Excel as unknown as ExcelLike, fake.runtime() as unknown as OfficeLike) });
  const heard: Outcome[] = [];
  const stop = subscribeOutcomes((o) => heard.push(o), page as unknown as OutcomeScope, host.documentId!());
  return { heard, stop, page };
}

/** A workbook of a report; `locked`: its structure protected, so Compute (which adds its summary sheet) is refused. */
async function workbook(locked = false) {
  const { data } = await loadFixture('report-2025-h1-consulting-unit.xlsx');
  const fake = rig(data).fake;
  fake.model.protected_ = locked;
  return fake;
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('two workbooks, one origin', () => {
  it('a Compute that fails in B, with the pane open in A only: A hears nothing, B opens its dialog', async () => {
    const origin = new FakeOrigin();
    const a = await workbook();
    const b = await workbook(true);
    const paneA = pane(a, origin);
    await settle();
    const ribbonB = await ribbon(b, origin);
    const outcome = await ribbonB.press('computeScores');
    expect(outcome).toMatchObject({ ok: false, code: 'workbook-protected' });
    expect(paneA.heard).toEqual([]);
    expect(ribbonB.office.dialogs).toHaveLength(1);
    // The two workbooks have different ids, each kept in its own settings.
    expect(a.office.settings.saved[DOCUMENT_ID_KEY]).toEqual(expect.any(String));
    expect(outcome.document).toBe(b.office.settings.saved[DOCUMENT_ID_KEY]);
    expect(outcome.document).not.toBe(a.office.settings.saved[DOCUMENT_ID_KEY]);
    paneA.stop();
  });

  it('the pane hears its own workbook’s ribbon, once, and no dialog opens there', async () => {
    const origin = new FakeOrigin();
    const a = await workbook(true);
    const b = await workbook();
    const paneA = pane(a, origin);
    const paneB = pane(b, origin);
    await settle();
    const ribbonA = await ribbon(a, origin);
    const outcome = await ribbonA.press('computeScores');
    expect(paneA.heard).toEqual([outcome]);
    expect(paneB.heard).toEqual([]);
    expect(ribbonA.office.dialogs).toHaveLength(0);
    // A heartbeat keeps the pane heard as the period passes.
    origin.tick();
    await ribbonA.press('computeScores');
    expect(paneA.heard).toHaveLength(2);
    expect(ribbonA.office.dialogs).toHaveLength(0);
    paneA.stop();
    paneB.stop();
  });

  it('a pane that made the id first and a ribbon that started before it agree on it', async () => {
    const origin = new FakeOrigin();
    const b = await workbook(true);
    const ribbonB = await ribbon(b, origin);
    const paneB = pane(b, origin);
    await settle();
    const outcome = await ribbonB.press('computeScores');
    expect(paneB.heard).toEqual([outcome]);
    expect(ribbonB.office.dialogs).toHaveLength(0);
    paneB.stop();
  });

  it('a ribbon that made the id first (no pane yet) and a pane opened later agree on it', async () => {
    const origin = new FakeOrigin();
    const b = await workbook(true);
    const ribbonB = await ribbon(b, origin);
    const first = await ribbonB.press('computeScores');
    expect(first.document).toEqual(expect.any(String));
    // The pane's runtime starts now and loads the saved settings, the ribbon's id among them.
    const paneB = pane(b, origin);
    await settle();
    // The failure the dialog showed is not shown again; the next one is heard in the pane.
    expect(paneB.heard).toEqual([]);
    const second = await ribbonB.press('computeScores');
    expect(second.document).toBe(first.document);
    expect(paneB.heard).toEqual([second]);
    paneB.stop();
  });
});

describe('when the dialog cannot be shown', () => {
  it.each([12009, 12011] as const)('(%s) the outcome waits for that workbook’s pane, and only for it', async (code) => {
    const origin = new FakeOrigin();
    const a = await workbook();
    const b = await workbook(true);
    const ribbonB = await ribbon(b, origin, b.runtime({ dialogResult: code }));
    const outcome = await ribbonB.press('computeScores');
    expect(ribbonB.office.dialogsRefused).toBe(1);
    expect(origin.storage.get(pendingKey(outcome.document))).toBeDefined();
    const paneA = pane(a, origin);
    await settle();
    expect(paneA.heard).toEqual([]);
    const paneB = pane(b, origin);
    await settle();
    expect(paneB.heard).toEqual([outcome]);
    expect(origin.storage.get(pendingKey(outcome.document))).toBeUndefined();
    paneA.stop();
    paneB.stop();
  });

  it('a dialog that was shown leaves nothing waiting', async () => {
    const origin = new FakeOrigin();
    const b = await workbook(true);
    const ribbonB = await ribbon(b, origin);
    const outcome = await ribbonB.press('computeScores');
    expect(ribbonB.office.dialogs).toHaveLength(1);
    expect(origin.storage.get(pendingKey(outcome.document))).toBeUndefined();
  });
});

describe('settings the pane saved after the ribbon started', () => {
  it('apply to the next ribbon action (refreshAsync)', async () => {
    const origin = new FakeOrigin();
    const fake = await workbook(true);
    const ribbonRuntime = fake.runtime();
    const r = await ribbon(fake, origin, ribbonRuntime);
    // The pane (the workbook's first runtime) saves English.
    const paneHost = createExcelHost({ ...envFrom(fake.Excel as unknown as ExcelLike, fake.office as unknown as OfficeLike) });
    await paneHost.saveSettings(settings({ lang: 'en' }));
    const outcome = await r.press('computeScores');
    expect(outcome.lang).toBe('en');
    expect(outcome.text.en).toContain('protected');
    expect(ribbonRuntime.settings.refreshCount).toBeGreaterThan(0);
  });
});
