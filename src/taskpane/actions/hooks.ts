// The pane's hooks: its own state (usePaneState), the runner that runs one
// piece of work at a time (useRunner), opening the pane (useOpening: the
// settings first, the sheet read ahead in the background, the host's
// progress, the ribbon's outcomes) and the fixes (useFixes). usePaneActions
// puts them together.

import { useCallback, useEffect, useRef, useState, useTransition } from 'react';
import type { Finding, WorkbookAnalysis } from '../../core';
import { defaultSettings } from '../../excel/settings';
import type { AddinSettings, Capabilities, FixChoice, HostActions, Progress, RevertibleAction } from '../../excel/types';
import { uiText, type Lang } from '../../i18n/ui';
import { findingKey } from '../findings';
import { both, errorMessage, fixedMessage, revealedBy } from './messages';
import type { BusyKind, PaneMessage, PaneOptions, PaneTab } from './types';

/** One piece of work at a time, with its progress, its outcome message and what Revert can undo after it. */
export function useRunner(host: HostActions, draw: (update: () => void) => void) {
  const [busy, setBusy] = useState<BusyKind | null>('load');
  const [message, setMessage] = useState<PaneMessage | null>(null);
  const [canRevert, setCanRevert] = useState(false);
  const [nextRevert, setNextRevert] = useState<RevertibleAction | null>(null);
  const running = useRef(false);
  /** Bumped by every action: a reading-ahead that started before it is out of date. */
  const generation = useRef(0);

  const refreshRevert = useCallback(async () => {
    try {
      const can = await host.canRevert();
      setCanRevert(can);
      setNextRevert(can ? await host.nextRevert() : null);
    } catch {
      setCanRevert(false);
      setNextRevert(null);
    }
  }, [host]);

  const run = useCallback(
    async (kind: BusyKind, work: () => Promise<PaneMessage | null>, options: { refresh?: boolean } = {}) => {
      if (running.current) return;
      running.current = true;
      if (kind !== 'load') generation.current++;
      setBusy(kind);
      setMessage(null);
      try {
        const outcome = await work();
        // With the analysis it drew (a transition): the message and what it speaks of appear together.
        if (outcome) draw(() => setMessage(outcome));
      } catch (error) {
        setMessage(errorMessage(error));
      } finally {
        if (options.refresh !== false) await refreshRevert();
        running.current = false;
        setBusy(null);
      }
    },
    [refreshRevert, draw],
  );
  return { busy, message, setMessage, canRevert, nextRevert, run, refreshRevert, generation };
}

/** The pane's own state, and the setters the hooks and the actions' work share. */
export function usePaneState(initialLang: Lang) {
  const [settings, setSettings] = useState<AddinSettings | null>(null);
  const [analysis, setAnalysis] = useState<WorkbookAnalysis | null>(null);
  const [tab, setTab] = useState<PaneTab>('findings');
  const [currentKey, setCurrentKey] = useState<string | null>(null);
  const [validated, setValidated] = useState(false);
  const [computed, setComputed] = useState(false);
  const [changed, setChanged] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [preparing, setPreparing] = useState(true);
  const [capabilities, setCapabilities] = useState<Capabilities | null>(null);
  // What an analysis changes on the pane is drawn as a transition: React renders it in slices.
  const [drawing, startDrawing] = useTransition();
  const latest = useRef<AddinSettings | null>(null);
  latest.current = settings;
  // Validate has put marks on the sheet: a role change validates again, so the marks follow the new findings.
  const marked = useRef(false);
  marked.current = validated;
  return {
    ...{ settings, setSettings, analysis, setAnalysis, tab, setTab, currentKey, setCurrentKey, validated, setValidated },
    ...{ computed, setComputed, changed, setChanged, progress, setProgress, preparing, setPreparing, capabilities, setCapabilities },
    ...{ drawing, startDrawing, latest, marked, lang: settings?.lang ?? initialLang },
  };
}

/** The pane's own state and its setters, as the hooks and the actions' work share them. */
export type SharedState = ReturnType<typeof usePaneState>;
export type Runner = ReturnType<typeof useRunner>;

/**
 * Opening the pane: the settings first (the buttons are usable then), then
 * what Revert would undo, what this Excel can do, and the sheet read ahead in
 * the background; the host's progress; the ribbon's outcomes while open.
 */
export function useOpening(host: HostActions, initialLang: Lang, state: SharedState, runner: Runner, outcomes: PaneOptions['outcomes'], notice: PaneMessage | null = null) {
  const { run, refreshRevert, generation, setMessage, busy } = runner;
  const ahead = useRef(0);

  /** Reads the sheet in the background (nothing is disabled); an action started meanwhile wins. */
  const readAhead = useCallback(
    (settings: AddinSettings, onError: 'say' | 'quiet' = 'say') => {
      const mine = ++generation.current;
      const me = ++ahead.current;
      state.setPreparing(true);
      host
        .analyze(settings)
        .then((analysis) => {
          if (mine === generation.current) state.startDrawing(() => state.setAnalysis(analysis));
        })
        .catch((error: unknown) => {
          if (mine === generation.current && onError === 'say') setMessage(errorMessage(error));
        })
        .finally(() => {
          if (me === ahead.current) state.setPreparing(false);
        });
    },
    [host, generation, setMessage],
  );

  useEffect(() => {
    void run(
      'load',
      async () => {
        let loaded: AddinSettings;
        try {
          loaded = await host.loadSettings();
        } catch {
          loaded = defaultSettings(initialLang);
        }
        state.setSettings(loaded);
        // With a message to greet the pane (the page's roll-up), reading ahead does not replace it with its own.
        readAhead(loaded, notice ? 'quiet' : 'say');
        void refreshRevert();
        host
          .capabilities()
          .then(state.setCapabilities)
          .catch(() => undefined);
        return notice;
      },
      { refresh: false },
    );
    // Once, when the pane opens.
  }, []);

  // The stages of whatever runs, as the host tells them.
  useEffect(() => host.onProgress((p) => state.setProgress(p)), [host]);
  useEffect(() => {
    if (busy !== null) state.setProgress(null);
  }, [busy]);

  // The ribbon's Validate and Compute, while the pane is open: say what they did and read the sheet again.
  useEffect(() => {
    if (!outcomes) return;
    return outcomes((outcome) => {
      const prefix = both('ribbonDone', { command: outcome.command === 'validate' ? uiText(outcome.lang, 'validate') : uiText(outcome.lang, 'compute') });
      setMessage({ intent: outcome.ok ? (outcome.quiet ? 'info' : 'success') : 'error', text: { mn: prefix.mn + outcome.text.mn, en: prefix.en + outcome.text.en }, detail: outcome.detail ?? null });
      if (outcome.ok && outcome.command === 'validate') state.setValidated(true);
      void refreshRevert();
      if (state.latest.current) readAhead(state.latest.current, 'quiet');
    });
  }, [outcomes, readAhead, refreshRevert, setMessage]);
}

/** Fix and Fix all: stable (like onSelectFinding), so the findings list is not drawn again for nothing. */
export function useFixes(host: HostActions, state: SharedState, run: Runner['run']) {
  const { lang } = state;
  // What the last fix revealed, with the analysis read after it: another analysis (Validate, Revert…) drops it.
  const [revealed, setRevealed] = useState<{ analysis: WorkbookAnalysis; keys: ReadonlySet<string> } | null>(null);
  const applyFixes = useCallback(
    (choice: FixChoice) => {
      const settings = state.latest.current ?? defaultSettings(lang);
      void run('all' in choice ? 'fix-all' : 'fix', async () => {
        const result = await host.applyFixes(settings, choice);
        if (result.changed > 0) state.setChanged(true);
        // The findings read again without marking: the fix took the marks off the cells it wrote, and stays one Revert step.
        const after = await host.analyze(settings);
        const keys = new Set(revealedBy(result.before, after).map(findingKey));
        state.startDrawing(() => {
          state.setAnalysis(after);
          setRevealed(keys.size > 0 ? { analysis: after, keys } : null);
        });
        return fixedMessage(result, after);
      });
    },
    [host, run, lang],
  );
  const onFix = useCallback(
    (finding: Finding) => {
      if (finding.fix) applyFixes({ findings: [{ code: finding.code, sheet: finding.sheet, cell: finding.cell, fix: finding.fix }] });
    },
    [applyFixes],
  );
  const onFixAll = useCallback(() => applyFixes({ all: true }), [applyFixes]);
  const shownRevealed = revealed && revealed.analysis === state.analysis ? revealed.keys : null;
  return { onFix, onFixAll, revealed: shownRevealed };
}
