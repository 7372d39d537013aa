// The pane's state and what its buttons do: settings, the last analysis,
// what is running, the last message, whether Revert is possible. It talks
// to the workbook only through `host` (src/excel in Excel, the same adapter
// over the fake on the web page, a stub in tests); App lays it out.

import { useCallback, useEffect, useRef, useState } from 'react';
import { columnLetter, type Finding, type Localized, type RoleChoice, type TableInfo, type WorkbookAnalysis } from '../core';
import { defaultSettings } from '../excel/settings';
import { AddinError, type AddinSettings, type HostActions } from '../excel/types';
import { roleLabel, uiText, type Lang, type UiKey, type UiParams } from '../i18n/ui';
import type { ActionKind, BusyKind } from './components/ActionBar';
import type { PaneMessage } from './components/StatusMessage';
import { findingKey } from './findings';
import { withRoleChoice } from './overrides';

export type PaneTab = 'findings' | 'tables' | 'scores' | 'settings';

/** Both languages of a pane string, so a message follows a language switch. */
export function both(key: UiKey, params: UiParams = {}): Localized {
  return { mn: uiText('mn', key, params), en: uiText('en', key, params) };
}

function isAddinError(e: unknown): e is AddinError {
  if (e instanceof AddinError) return true;
  const x = e as { code?: unknown; text?: { mn?: unknown; en?: unknown } } | null;
  return !!x && typeof x === 'object' && typeof x.code === 'string' && typeof x.text?.mn === 'string' && typeof x.text?.en === 'string';
}

/** A known problem in the user's words; anything else as a generic message with its detail. */
export function errorMessage(e: unknown): PaneMessage {
  if (isAddinError(e)) return { intent: 'error', text: e.text };
  const detail = e instanceof Error ? e.message : String(e);
  return { intent: 'error', text: both('unexpectedError', { detail }) };
}

export interface PaneState {
  settings: AddinSettings | null;
  analysis: WorkbookAnalysis | null;
  busy: BusyKind | null;
  message: PaneMessage | null;
  canRevert: boolean;
  tab: PaneTab;
  currentKey: string | null;
  lang: Lang;
}

export interface PaneActions {
  setTab(tab: PaneTab): void;
  dismissMessage(): void;
  onAction(action: ActionKind): void;
  onChooseRole(table: TableInfo, col: number, choice: RoleChoice | null): void;
  onSelectFinding(f: Finding): void;
  onSettings(next: AddinSettings, again: boolean): void;
}

/** Outcome messages of the four actions. */
function validatedMessage(analysis: WorkbookAnalysis, marked: number): PaneMessage {
  const c = analysis.counts;
  if (c.error + c.warning + c.info === 0) return { intent: 'success', text: both('validatedClean') };
  return { intent: c.error > 0 ? 'warning' : 'info', text: both('validated', { errors: c.error, warnings: c.warning, infos: c.info, marked }) };
}

function revertedMessage(restored: number, removedSheets: string[]): PaneMessage {
  const text = both('reverted', { count: restored });
  if (removedSheets.length > 0) {
    const extra = both('revertedSheets', { sheets: removedSheets.join(', ') });
    text.mn += ` ${extra.mn}`;
    text.en += ` ${extra.en}`;
  }
  return { intent: 'success', text };
}

/** One piece of work at a time, with its progress, its outcome message and whether Revert is possible after it. */
function useRunner(host: HostActions) {
  const [busy, setBusy] = useState<BusyKind | null>('load');
  const [message, setMessage] = useState<PaneMessage | null>(null);
  const [canRevert, setCanRevert] = useState(false);
  const running = useRef(false);
  const run = useCallback(
    async (kind: BusyKind, work: () => Promise<PaneMessage | null>) => {
      if (running.current) return;
      running.current = true;
      setBusy(kind);
      setMessage(null);
      try {
        const outcome = await work();
        if (outcome) setMessage(outcome);
      } catch (e) {
        setMessage(errorMessage(e));
      } finally {
        try {
          setCanRevert(await host.canRevert());
        } catch {
          setCanRevert(false);
        }
        running.current = false;
        setBusy(null);
      }
    },
    [host],
  );
  return { busy, message, setMessage, canRevert, run };
}

export function usePaneActions(host: HostActions, initialLang: Lang): PaneState & PaneActions {
  const [settings, setSettings] = useState<AddinSettings | null>(null);
  const [analysis, setAnalysis] = useState<WorkbookAnalysis | null>(null);
  const [tab, setTab] = useState<PaneTab>('findings');
  const [currentKey, setCurrentKey] = useState<string | null>(null);
  const { busy, message, setMessage, canRevert, run } = useRunner(host);
  // Validate has put marks on the sheet in this session: a role change then
  // validates again, so the marks follow the new findings.
  const marked = useRef(false);
  const lang = settings?.lang ?? initialLang;

  useEffect(() => {
    void run('load', async () => {
      let loaded: AddinSettings;
      try {
        loaded = await host.loadSettings();
      } catch {
        loaded = defaultSettings(initialLang);
      }
      setSettings(loaded);
      setAnalysis(await host.analyze(loaded));
      return null;
    });
    // Once, when the pane opens.
  }, []);

  const reanalyze = async (s: AddinSettings) => setAnalysis(marked.current ? (await host.validate(s)).analysis : await host.analyze(s));

  const onAction = (action: ActionKind) => {
    const s = settings ?? defaultSettings(lang);
    switch (action) {
      case 'validate':
        return void run('validate', async () => {
          const r = await host.validate(s);
          marked.current = true;
          setAnalysis(r.analysis);
          setTab('findings');
          return validatedMessage(r.analysis, r.marked);
        });
      case 'compute':
        return void run('compute', async () => {
          const r = await host.compute(s);
          setAnalysis(r.analysis);
          setTab('scores');
          return r.changed > 0 ? { intent: 'success', text: both('computed', { changed: r.changed }) } : { intent: 'info', text: both('computedNothing') };
        });
      case 'clear':
        return void run('clear', async () => {
          const n = await host.clearMarks();
          marked.current = false;
          return { intent: 'success', text: both('cleared', { count: n }) };
        });
      case 'revert':
        return void run('revert', async () => {
          const r = await host.revert();
          const fresh = await host.loadSettings();
          setSettings(fresh);
          setAnalysis(await host.analyze(fresh));
          return revertedMessage(r.restored, r.removedSheets);
        });
    }
  };

  const saveSettings = (next: AddinSettings, again: boolean, said?: Localized) =>
    run('save', async () => {
      await host.saveSettings(next);
      setSettings(next);
      if (again) await reanalyze(next);
      return { intent: 'success', text: said ?? both('settingsSaved') };
    });

  const onChooseRole = (table: TableInfo, col: number, choice: RoleChoice | null) => {
    if (!settings) return;
    const overrides = withRoleChoice(settings.overrides, table, col, choice);
    const column = columnLetter(col);
    const said: Localized =
      choice === null
        ? both('mappingReset', { column })
        : { mn: uiText('mn', 'mappingSaved', { column, role: roleLabel(choice, 'mn') }), en: uiText('en', 'mappingSaved', { column, role: roleLabel(choice, 'en') }) };
    void saveSettings({ ...settings, overrides }, true, said);
  };

  const onSelectFinding = (f: Finding) => {
    setCurrentKey(findingKey(f));
    host.selectCell(f.sheet, f.cell).catch((e: unknown) => setMessage(errorMessage(e)));
  };

  return {
    settings,
    analysis,
    busy,
    message,
    canRevert,
    tab,
    currentKey,
    lang,
    setTab,
    dismissMessage: () => setMessage(null),
    onAction,
    onChooseRole,
    onSelectFinding,
    onSettings: (next, again) => void saveSettings(next, again),
  };
}
