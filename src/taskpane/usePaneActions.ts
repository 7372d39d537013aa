// The pane's state and what its buttons do: settings, the last analysis,
// what is running and how far it is, the last message, what Revert would
// undo. It talks to the workbook only through `host` (src/excel in Excel,
// the same adapter over the fake on the web page, a stub in tests); App lays
// it out.
//
// Opening the pane blocks nothing: the settings come first (the buttons are
// usable then), and the sheet is read ahead in the background so the Tables
// and Scores tabs have something to show. The findings are listed only once
// Validate has run (then the sheet carries their marks too).
//
// This file puts the parts together; they live in ./actions: the types the
// pane and its components share (types.ts), what each action says
// (messages.ts), the hooks (hooks.ts: the pane's state, the runner, opening,
// the fixes), what each button does (work.ts) and the path (path.ts).

import { useCallback } from 'react';
import { columnLetter, type Finding, type Localized, type RoleChoice, type TableInfo } from '../core';
import { defaultSettings } from '../excel/settings';
import type { AddinSettings, HostActions } from '../excel/types';
import { roleLabel, uiText, type Lang } from '../i18n/ui';
import { useFixes, useOpening, usePaneState, useRunner } from './actions/hooks';
import { both, errorMessage, rolledUpMessage } from './actions/messages';
import { stepOf } from './actions/path';
import type { ActionKind, PaneActions, PaneOptions, PaneState } from './actions/types';
import { actionWork } from './actions/work';
import { planCheckMessage } from './cycle-messages';
import { fileBytes } from './file-bytes';
import { findingKey } from './findings';
import { withRoleChoice } from './overrides';

// The web page (src/preview/page.tsx) takes these from here.
export { both, rolledUpMessage } from './actions/messages';
export type { PaneOptions, RollupDone } from './actions/types';

/** The pane's state and actions, for App to lay out. */
export function usePaneActions(host: HostActions, initialLang: Lang, options: PaneOptions = {}): PaneState & PaneActions {
  const state = usePaneState(initialLang);
  const runner = useRunner(host, state.startDrawing);
  const { busy, message, setMessage, canRevert, nextRevert, run } = runner;
  const { settings, analysis, lang } = state;
  useOpening(host, initialLang, state, runner, options.outcomes ?? null, options.notice ?? null);
  const { onFix, onFixAll, revealed } = useFixes(host, state, run);

  const onAction = (action: ActionKind) => {
    if (action === 'fix-all') return onFixAll();
    const work = actionWork(action, settings ?? defaultSettings(lang), host, state, options);
    if (work) void run(action, work);
  };

  const { rollup = null } = options;
  const onRollup = (files: File[]) => {
    if (!rollup) return;
    const activeSettings = settings ?? defaultSettings(lang);
    void run('rollup', async () => rolledUpMessage(await rollup(files, activeSettings, (p) => state.setProgress(p))));
  };

  const onCheckPlan = (file: File) => {
    const activeSettings = settings ?? defaultSettings(lang);
    void run('plan-check', async () => {
      const result = await host.checkAgainstPlan(activeSettings, { name: file.name, bytes: await fileBytes(file) });
      state.startDrawing(() => {
        state.setValidated(true);
        state.setAnalysis(result.analysis);
        state.setTab('findings');
      });
      return planCheckMessage(result);
    });
  };

  const saveSettings = (next: AddinSettings, again: boolean, said?: Localized) =>
    run('save', async () => {
      await host.saveSettings(next);
      state.setSettings(next);
      if (again) {
        const reread = state.marked.current ? (await host.validate(next)).analysis : await host.analyze(next);
        state.startDrawing(() => state.setAnalysis(reread));
      }
      return { intent: 'success', text: said ?? both('settingsSaved') };
    });

  const onChooseRole = (table: TableInfo, columnIndex: number, choice: RoleChoice | null) => {
    if (!settings) return;
    const overrides = withRoleChoice(settings.overrides, table, columnIndex, choice);
    const column = columnLetter(columnIndex);
    const said: Localized =
      choice === null
        ? both('mappingReset', { column })
        : { mn: uiText('mn', 'mappingSaved', { column, role: roleLabel(choice, 'mn') }), en: uiText('en', 'mappingSaved', { column, role: roleLabel(choice, 'en') }) };
    void saveSettings({ ...settings, overrides }, true, said);
  };

  // Stable, so the findings list is not drawn again for nothing (it can hold hundreds of items).
  const onSelectFinding = useCallback(
    (finding: Finding) => {
      state.setCurrentKey(findingKey(finding));
      host.selectCell(finding.sheet, finding.cell).catch((error: unknown) => setMessage(errorMessage(error)));
    },
    [host, setMessage],
  );

  const { step, primary, stepsDone, errorsLeft } = stepOf(state.validated, state.computed, analysis, !!options.download, !!options.download?.offered);
  return {
    ...{ settings, analysis, busy, progress: state.progress, preparing: state.preparing, drawing: state.drawing, message, canRevert, nextRevert },
    ...{ tab: state.tab, currentKey: state.currentKey, lang, validated: state.validated, computed: state.computed, changed: state.changed, capabilities: state.capabilities },
    ...{ step, stepsDone, errorsLeft, revealed, primary, setTab: state.setTab, dismissMessage: () => setMessage(null), onAction, onChooseRole, onSelectFinding, onFix, onFixAll, onRollup, onCheckPlan },
    onSettings: (next, again) => void saveSettings(next, again),
  };
}
