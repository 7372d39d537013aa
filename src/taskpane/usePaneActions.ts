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

import { useCallback, useEffect, useRef, useState, useTransition } from 'react';
import { columnLetter, type Finding, type Localized, type RoleChoice, type TableInfo, type WorkbookAnalysis } from '../core';
import { describeFailure } from '../excel/office-errors';
import { defaultSettings } from '../excel/settings';
import { AddinError, type AddinSettings, type Capabilities, type ComputeResult, type EvaluationResult, type FixChoice, type FixResult, type HostActions, type Progress, type ProgressListener, type RevertibleAction, type RevertResult } from '../excel/types';
import type { Outcome } from '../commands/outcomes';
import { roleLabel, uiText, type Lang, type UiKey, type UiParams } from '../i18n/ui';
import { clockTime, type ActionKind, type BusyKind, type Step, type StepsDone } from './components/ActionBar';
import type { PaneMessage } from './components/StatusMessage';
import { nextPlanMessage, planCheckMessage, reportFormMessage } from './cycle-messages';
import { fileBytes } from './file-bytes';
import { findingKey } from './findings';
import { withRoleChoice } from './overrides';

export type PaneTab = 'findings' | 'tables' | 'scores' | 'settings';

/** Both languages of a pane string, so a message follows a language switch. */
export function both(key: UiKey, params: UiParams = {}): Localized {
  return { mn: uiText('mn', key, params), en: uiText('en', key, params) };
}

const join = (...parts: (Localized | null)[]): Localized => {
  const kept = parts.filter((p): p is Localized => p !== null);
  return { mn: kept.map((p) => p.mn).join(' '), en: kept.map((p) => p.en).join(' ') };
};

function isAddinError(e: unknown): e is AddinError {
  if (e instanceof AddinError) return true;
  const x = e as { code?: unknown; text?: { mn?: unknown; en?: unknown } } | null;
  return !!x && typeof x === 'object' && typeof x.code === 'string' && typeof x.text?.mn === 'string' && typeof x.text?.en === 'string';
}

/** A known problem in the user's words; Excel's errors in plain words too, with Excel's own text under "Дэлгэрэнгүй". */
function errorMessage(e: unknown): PaneMessage {
  if (isAddinError(e)) return { intent: 'error', text: e.text };
  const { text, detail } = describeFailure(e);
  return { intent: 'error', text, detail };
}

/** What the page can do besides the host's actions. */
export interface PaneOptions {
  /**
   * The web page's Download: saves the computed copy of the file the user
   * opened (the bytes the command line's compute writes); resolves with the
   * file name. Absent in Excel.
   */
  download?: {
    name: string;
    save: (settings: AddinSettings) => Promise<void>;
    /** The button's words, named by what it saves ("Нэгтгэлийг татаж авах"); "Татаж авах" when absent. */
    label?: Localized;
    /** Its tooltip; the computed copy's when absent. */
    hint?: Localized;
    /** Offered (and the primary button) from the start: the workbook shown is itself the file to save (a roll-up). */
    offered?: boolean;
    /** The checked copy (`unelgee check`'s file: every finding marked on its cell and listed), offered once validated. */
    checked?: { name: string; save: (settings: AddinSettings) => Promise<void> };
  };
  /** A message to show as the pane opens (the web page's roll-up: what was rolled up, what was not). */
  notice?: PaneMessage;
  /**
   * The ribbon commands' outcomes while the pane is open (subscribeOutcomes
   * in Excel); null where there is no ribbon (the web page).
   */
  outcomes?: ((callback: (outcome: Outcome) => void) => () => void) | null;
  /**
   * Roll-up of many files the user picks (Нэгтгэх): read and scored in the
   * engine's worker, then put in — in Excel as sheets added to this workbook
   * (host.insertRollup, one Revert step), on the web page as a workbook
   * downloaded. Absent where it cannot run.
   */
  rollup?: (files: File[], settings: AddinSettings, onProgress: ProgressListener) => Promise<RollupDone>;
}

/** What a roll-up did, for the pane's message. */
export interface RollupDone {
  /** Files read and scored. */
  read: number;
  /** Files that could not be read, and why. */
  notRead: { file: string; reason: Localized }[];
  /** Rows on the roll-up sheet (a file may give several tables). */
  rows: number;
  /** Excel: the sheets added to the workbook. */
  sheets: string[] | null;
  /** The web page: the name of the file saved. */
  savedAs: string | null;
  /** The web page: the roll-up is shown as a workbook, and Download saves it under this name. */
  shownAs?: string | null;
}

export interface PaneState {
  settings: AddinSettings | null;
  analysis: WorkbookAnalysis | null;
  busy: BusyKind | null;
  /** The stage of the running action (or of reading ahead). */
  progress: Progress | null;
  /** The sheet is being read ahead (nothing is blocked). */
  preparing: boolean;
  /** A new analysis is being drawn (in time slices: a long findings list never holds the page). */
  drawing: boolean;
  message: PaneMessage | null;
  canRevert: boolean;
  nextRevert: RevertibleAction | null;
  tab: PaneTab;
  currentKey: string | null;
  lang: Lang;
  /** Validate has run (its marks are on the sheet): the findings are listed. */
  validated: boolean;
  /** Compute has run in this session (and was not reverted). */
  computed: boolean;
  /** The pane has changed the workbook's contents (Compute, a fix, the annex 8 sheet): the web page can download it. */
  changed: boolean;
  capabilities: Capabilities | null;
  step: Step;
  /** Which steps of the path were done (a tick each), and the errors left to fix once validated. */
  stepsDone: StepsDone;
  errorsLeft: number | null;
  primary: ActionKind;
  /** The findings the last fix revealed (findingKey), for the analysis it read afterwards: listed first. */
  revealed: ReadonlySet<string> | null;
}

export interface PaneActions {
  setTab(tab: PaneTab): void;
  dismissMessage(): void;
  onAction(action: ActionKind): void;
  onChooseRole(table: TableInfo, col: number, choice: RoleChoice | null): void;
  onSelectFinding(f: Finding): void;
  /** Applies one finding's fix, as the pane showed it. */
  onFix(f: Finding): void;
  /** Applies every safe fix. */
  onFixAll(): void;
  /** Reads and rolls up the files the user picked (PaneOptions.rollup). */
  onRollup(files: File[]): void;
  /** Holds the workbook's report against the plan file the user picked (marked as Validate marks). */
  onCheckPlan(file: File): void;
  onSettings(next: AddinSettings, again: boolean): void;
}

// ---- what each action says -----------------------------------------------------

function validatedMessage(analysis: WorkbookAnalysis, marked: number): PaneMessage {
  const c = analysis.counts;
  if (c.error + c.warning + c.info === 0) return { intent: 'success', text: both('validatedClean') };
  return { intent: c.error > 0 ? 'warning' : 'info', text: both('validated', { errors: c.error, warnings: c.warning, infos: c.info, marked }) };
}

const tablesOf = (a: WorkbookAnalysis | null): TableInfo[] => a?.sheets.flatMap((s) => s.tables) ?? [];

/** "Хүснэгт 2" for a table id, as the Tables and Scores tabs number them. */
function tableName(tables: TableInfo[], id: string): Localized {
  const i = tables.findIndex((t) => t.id === id);
  return i < 0 ? { mn: id, en: id } : both('tableCaption', { n: i + 1 });
}

/**
 * Compute's outcome: how many cells, how many of them in the tables and how
 * many on the summary sheet (new or brought up to date); where an average
 * went when the row under its table was taken; for a plan, that there was
 * nothing to score and what Compute did instead.
 */
export function computedMessage(r: ComputeResult, before: WorkbookAnalysis | null): PaneMessage {
  if (r.changed === 0) return { intent: 'info', text: both('computedNothing') };
  const summary = r.plan.summary;
  const summaryName = summary?.name ?? null;
  const tableCells = r.plan.writtenCells.filter((c) => summaryName === null || !c.startsWith(`${summaryName}!`)).length;
  const summaryCells = summary ? summary.writes.length : 0;
  const tables = tablesOf(r.analysis).length > 0 ? tablesOf(r.analysis) : tablesOf(before);
  const allPlans = tables.length > 0 && tables.every((t) => t.kind === 'plan');
  if (allPlans && tableCells === 0 && summaryName !== null) return { intent: 'info', text: both('computedPlanOnly', { summary: summaryName }) };
  const cells = (n: number): Localized => both('tableCells', { n });
  const where =
    summaryName === null
      ? both('computedTablesOnly')
      : {
          mn: uiText('mn', summary?.replaces ? 'computedWhereReplaced' : 'computedWhereNew', { tables: cells(tableCells).mn, summaryCells: cells(summaryCells).mn, summary: summaryName }),
          en: uiText('en', summary?.replaces ? 'computedWhereReplaced' : 'computedWhereNew', { tables: cells(tableCells).en, summaryCells: cells(summaryCells).en, summary: summaryName }),
        };
  const elsewhere = r.plan.skipped
    .filter((s) => s.reason === 'no-free-row' && s.instead)
    .map((s) => {
      const name = tableName(tables, s.tableId);
      return { mn: uiText('mn', 'averageElsewhere', { table: name.mn, cell: s.instead! }), en: uiText('en', 'averageElsewhere', { table: name.en, cell: s.instead! }) };
    });
  // Short, so the scores stay in view at 320 px; where each cell went behind "Дэлгэрэнгүй".
  return { intent: 'success', text: both('computed', { changed: tableCells + summaryCells }), details: join(where, ...elsewhere) };
}

/** The to-do sentence for findings a fix revealed, by their code (others: "listed first"). */
const LEFT_TO_DO: Partial<Record<string, UiKey>> = {
  'missing-achieved': 'fixedLeftAchieved',
  'missing-target': 'fixedLeftTarget',
  'missing-percent': 'fixedLeftPercent',
  'missing-indicator': 'fixedLeftIndicator',
};

/** The findings of `after` that `before` did not have (a fix revealed them), by findingKey. */
export function revealedBy(before: WorkbookAnalysis, after: WorkbookAnalysis): Finding[] {
  const had = new Set(before.findings.map(findingKey));
  return after.findings.filter((f) => !had.has(findingKey(f)));
}

/** What a fix left to do: each kind of finding it revealed, with its cells; else the errors left (or none). */
function leftToDo(revealed: readonly Finding[], after: WorkbookAnalysis): Localized[] {
  if (revealed.length === 0) {
    const errors = after.counts.error;
    return [errors > 0 ? both('fixedLeftErrors', { count: errors }) : both('fixedLeftNone')];
  }
  const sheets = new Set(revealed.map((f) => f.sheet));
  const where = (list: readonly Finding[]) => {
    const cells = list.map((f) => (sheets.size > 1 ? `${f.sheet}!${f.cell}` : f.cell));
    return cells.slice(0, 5).join(', ') + (cells.length > 5 ? ` (+${cells.length - 5})` : '');
  };
  const byKey = new Map<UiKey, Finding[]>();
  for (const f of revealed) {
    const key = LEFT_TO_DO[f.code] ?? 'fixedLeftOther';
    byKey.set(key, [...(byKey.get(key) ?? []), f]);
  }
  // The named to-dos first, the other findings last.
  const keys = [...byKey.keys()].sort((a, b) => Number(a === 'fixedLeftOther') - Number(b === 'fixedLeftOther'));
  return keys.map((key) => both(key, { count: byKey.get(key)!.length, cells: where(byKey.get(key)!) }));
}

/** A fix's outcome: how many fixes and cells, those left for the next press, and what the fix left to do (what it revealed, else the errors left). */
export function fixedMessage(r: FixResult, after?: WorkbookAnalysis): PaneMessage {
  if (r.applied.length === 0) return { intent: 'info', text: both('fixedNothing') };
  const deferred = r.deferred.length > 0 ? both('fixedDeferred', { count: r.deferred.length }) : null;
  const left = after ? leftToDo(revealedBy(r.before, after), after) : [];
  return { intent: 'success', text: join(both('fixed', { fixes: r.applied.length, cells: r.changed }), deferred, ...left) };
}

/** The annex 8 sheet's outcome: made or brought up to date, from which table. */
function evaluationMessage(r: EvaluationResult): PaneMessage {
  return { intent: 'success', text: both(r.replaced ? 'evaluationRemade' : 'evaluationMade', { sheet: r.sheet, table: r.reportTable }) };
}

/** A roll-up's outcome: files read, rows, where it went; the files that could not be read. */
export function rolledUpMessage(r: RollupDone): PaneMessage {
  const names = (list: RollupDone['notRead']) => list.map((n) => n.file).slice(0, 5).join(', ') + (list.length > 5 ? ', …' : '');
  if (r.read === 0) return { intent: 'error', text: both('rolledUpNothing', { files: names(r.notRead) }) };
  const done = r.shownAs
    ? both('rolledUpShown', { read: r.read, rows: r.rows, name: r.shownAs })
    : r.savedAs !== null
      ? both('rolledUpSaved', { read: r.read, rows: r.rows, name: r.savedAs })
      : both('rolledUpSheets', { read: r.read, rows: r.rows, sheets: (r.sheets ?? []).join(', ') });
  const unread = r.notRead.length > 0 ? both('rolledUpNotRead', { count: r.notRead.length, files: names(r.notRead) }) : null;
  return { intent: r.notRead.length > 0 ? 'warning' : 'success', text: join(done, unread) };
}

const REVERTED: Record<RevertibleAction['kind'], UiKey> = {
  validate: 'revertedValidate',
  compute: 'revertedCompute',
  'clear-marks': 'revertedClear',
  fix: 'revertedFix',
  evaluation: 'revertedEvaluation',
  rollup: 'revertedRollup',
  'report-form': 'revertedReportForm',
  'next-plan': 'revertedNextPlan',
  findings: 'revertedFindings',
};

/** Revert's outcome: which action was undone (and when), the cells restored, the sheet taken away, the user's later edits kept. */
export function revertedMessage(r: RevertResult): PaneMessage {
  const undone = r.undone ? both(REVERTED[r.undone.kind], { time: clockTime(r.undone.at) }) : null;
  const sheets = r.removedSheets.length > 0 ? both('revertedSheets', { sheets: r.removedSheets.join(', ') }) : null;
  const shown = r.keptCells.slice(0, 5).join(', ') + (r.keptCells.length > 5 ? ', …' : '');
  const kept = r.keptCells.length > 0 ? both('revertedKept', { count: r.keptCells.length, cells: shown }) : null;
  // Removing a sheet it added restores no cell: it says what it removed, not "0 cells".
  const restored = r.restored > 0 || !sheets ? both('reverted', { count: r.restored }) : null;
  return { intent: 'success', text: join(undone, restored, sheets, kept) };
}

/**
 * The path: what was done (Validate ran; nothing left to fix; Compute ran),
 * the current step (the first not done), the errors left, and the one
 * primary button (Validate, then Compute, then the page's Download; a
 * download offered from the start is primary from the start).
 */
function stepOf(
  validated: boolean,
  computed: boolean,
  analysis: WorkbookAnalysis | null,
  canDownload: boolean,
  offered = false,
): { step: Step; primary: ActionKind; stepsDone: StepsDone; errorsLeft: number | null } {
  const errors = analysis?.counts.error ?? 0;
  const stepsDone: StepsDone = { validate: validated, fix: validated && errors === 0, compute: computed };
  const errorsLeft = validated ? errors : null;
  const order: Exclude<Step, 'done'>[] = ['validate', 'fix', 'compute'];
  const step = order.find((s) => !stepsDone[s]) ?? 'done';
  const primary: ActionKind = offered && canDownload ? 'download' : computed ? (canDownload ? 'download' : 'compute') : validated ? 'compute' : 'validate';
  return { step, primary, stepsDone, errorsLeft };
}

// ---- the runner ---------------------------------------------------------------

/** One piece of work at a time, with its progress, its outcome message and what Revert can undo after it. */
function useRunner(host: HostActions, draw: (update: () => void) => void) {
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
      } catch (e) {
        setMessage(errorMessage(e));
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

/** The pane's own state, and the setters the hooks below share. */
function usePaneState(initialLang: Lang) {
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

type State = ReturnType<typeof usePaneState>;
type Runner = ReturnType<typeof useRunner>;

/**
 * Opening the pane: the settings first (the buttons are usable then), then
 * what Revert would undo, what this Excel can do, and the sheet read ahead in
 * the background; the host's progress; the ribbon's outcomes while open.
 */
function useOpening(host: HostActions, initialLang: Lang, st: State, runner: Runner, outcomes: PaneOptions['outcomes'], notice: PaneMessage | null = null) {
  const { run, refreshRevert, generation, setMessage, busy } = runner;
  const ahead = useRef(0);

  /** Reads the sheet in the background (nothing is disabled); an action started meanwhile wins. */
  const readAhead = useCallback(
    (s: AddinSettings, onError: 'say' | 'quiet' = 'say') => {
      const mine = ++generation.current;
      const me = ++ahead.current;
      st.setPreparing(true);
      host
        .analyze(s)
        .then((a) => {
          if (mine === generation.current) st.startDrawing(() => st.setAnalysis(a));
        })
        .catch((e: unknown) => {
          if (mine === generation.current && onError === 'say') setMessage(errorMessage(e));
        })
        .finally(() => {
          if (me === ahead.current) st.setPreparing(false);
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
        st.setSettings(loaded);
        // With a message to greet the pane (the page's roll-up), reading ahead does not replace it with its own.
        readAhead(loaded, notice ? 'quiet' : 'say');
        void refreshRevert();
        host
          .capabilities()
          .then(st.setCapabilities)
          .catch(() => undefined);
        return notice;
      },
      { refresh: false },
    );
    // Once, when the pane opens.
  }, []);

  // The stages of whatever runs, as the host tells them.
  useEffect(() => host.onProgress((p) => st.setProgress(p)), [host]);
  useEffect(() => {
    if (busy !== null) st.setProgress(null);
  }, [busy]);

  // The ribbon's Validate and Compute, while the pane is open: say what they did and read the sheet again.
  useEffect(() => {
    if (!outcomes) return;
    return outcomes((o) => {
      const prefix = both('ribbonDone', { command: o.command === 'validate' ? uiText(o.lang, 'validate') : uiText(o.lang, 'compute') });
      setMessage({ intent: o.ok ? (o.quiet ? 'info' : 'success') : 'error', text: { mn: prefix.mn + o.text.mn, en: prefix.en + o.text.en }, detail: o.detail ?? null });
      if (o.ok && o.command === 'validate') st.setValidated(true);
      void refreshRevert();
      if (st.latest.current) readAhead(st.latest.current, 'quiet');
    });
  }, [outcomes, readAhead, refreshRevert, setMessage]);
}

/** Fix and Fix all: stable (like onSelectFinding), so the findings list is not drawn again for nothing. */
function useFixes(host: HostActions, st: State, run: Runner['run']) {
  const { lang } = st;
  // What the last fix revealed, with the analysis read after it: another analysis (Validate, Revert…) drops it.
  const [revealed, setRevealed] = useState<{ analysis: WorkbookAnalysis; keys: ReadonlySet<string> } | null>(null);
  const applyFixes = useCallback(
    (choice: FixChoice) => {
      const s = st.latest.current ?? defaultSettings(lang);
      void run('all' in choice ? 'fix-all' : 'fix', async () => {
        const r = await host.applyFixes(s, choice);
        if (r.changed > 0) st.setChanged(true);
        // The findings read again without marking: the fix took the marks off the cells it wrote, and stays one Revert step.
        const a = await host.analyze(s);
        const keys = new Set(revealedBy(r.before, a).map(findingKey));
        st.startDrawing(() => {
          st.setAnalysis(a);
          setRevealed(keys.size > 0 ? { analysis: a, keys } : null);
        });
        return fixedMessage(r, a);
      });
    },
    [host, run, lang],
  );
  const onFix = useCallback(
    (f: Finding) => {
      if (f.fix) applyFixes({ findings: [{ code: f.code, sheet: f.sheet, cell: f.cell, fix: f.fix }] });
    },
    [applyFixes],
  );
  const onFixAll = useCallback(() => applyFixes({ all: true }), [applyFixes]);
  const shownRevealed = revealed && revealed.analysis === st.analysis ? revealed.keys : null;
  return { onFix, onFixAll, revealed: shownRevealed };
}

/** What each button of the action bar does: the work to run, and the message it ends with. */
function actionWork(action: Exclude<ActionKind, 'fix-all'>, s: AddinSettings, host: HostActions, st: State, options: PaneOptions): (() => Promise<PaneMessage | null>) | null {
  switch (action) {
    case 'validate':
      return async () => {
        const r = await host.validate(s);
        st.startDrawing(() => {
          st.setValidated(true);
          st.setAnalysis(r.analysis);
          st.setTab('findings');
        });
        return validatedMessage(r.analysis, r.marked);
      };
    case 'compute':
      return async () => {
        const before = st.analysis;
        const r = await host.compute(s);
        st.startDrawing(() => {
          st.setAnalysis(r.analysis);
          st.setComputed(true);
          st.setTab('scores');
        });
        if (r.changed > 0) st.setChanged(true);
        return computedMessage(r, before);
      };
    case 'evaluation':
      return async () => {
        const r = await host.createEvaluationSheet(s);
        st.setChanged(true);
        const a = await host.analyze(s);
        st.startDrawing(() => {
          st.setAnalysis(a);
          st.setTab('scores');
        });
        return evaluationMessage(r);
      };
    case 'report-form':
    case 'next-plan':
      return async () => {
        const message = action === 'report-form' ? reportFormMessage(await host.createReportForm(s)) : nextPlanMessage(await host.createNextPlan(s));
        st.setChanged(true);
        const a = await host.analyze(s);
        st.startDrawing(() => st.setAnalysis(a));
        return message;
      };
    case 'clear':
      return async () => {
        const n = await host.clearMarks();
        st.setValidated(false);
        return { intent: 'success', text: both('cleared', { count: n }) };
      };
    case 'revert':
      return async () => {
        const r = await host.revert();
        if (r.undone?.kind === 'validate') st.setValidated(false);
        if (r.undone?.kind === 'clear-marks') st.setValidated(true);
        if (r.undone?.kind === 'compute') st.setComputed(false);
        const fresh = await host.loadSettings();
        st.setSettings(fresh);
        const a = await host.analyze(fresh);
        st.startDrawing(() => st.setAnalysis(a));
        return revertedMessage(r);
      };
    case 'findings':
      return async () => {
        const r = await host.createFindingsSheet(s);
        st.setChanged(true);
        return { intent: 'success', text: both(r.replaced ? 'findingsRelisted' : 'findingsListed', { sheet: r.sheet, count: r.listed }) };
      };
    case 'download-checked': {
      const checked = options.download?.checked;
      if (!checked) return null;
      return async () => {
        await checked.save(s);
        return { intent: 'success', text: both('downloaded', { name: checked.name }) };
      };
    }
    case 'download': {
      const download = options.download;
      if (!download) return null;
      return async () => {
        await download.save(s);
        return { intent: 'success', text: both('downloaded', { name: download.name }) };
      };
    }
  }
}

export function usePaneActions(host: HostActions, initialLang: Lang, options: PaneOptions = {}): PaneState & PaneActions {
  const st = usePaneState(initialLang);
  const runner = useRunner(host, st.startDrawing);
  const { busy, message, setMessage, canRevert, nextRevert, run } = runner;
  const { settings, analysis, lang } = st;
  useOpening(host, initialLang, st, runner, options.outcomes ?? null, options.notice ?? null);
  const { onFix, onFixAll, revealed } = useFixes(host, st, run);

  const onAction = (action: ActionKind) => {
    if (action === 'fix-all') return onFixAll();
    const work = actionWork(action, settings ?? defaultSettings(lang), host, st, options);
    if (work) void run(action, work);
  };

  const { rollup = null } = options;
  const onRollup = (files: File[]) => {
    if (!rollup) return;
    const s = settings ?? defaultSettings(lang);
    void run('rollup', async () => rolledUpMessage(await rollup(files, s, (p) => st.setProgress(p))));
  };

  const onCheckPlan = (file: File) => {
    const s = settings ?? defaultSettings(lang);
    void run('plan-check', async () => {
      const r = await host.checkAgainstPlan(s, { name: file.name, bytes: await fileBytes(file) });
      st.startDrawing(() => {
        st.setValidated(true);
        st.setAnalysis(r.analysis);
        st.setTab('findings');
      });
      return planCheckMessage(r);
    });
  };

  const saveSettings = (next: AddinSettings, again: boolean, said?: Localized) =>
    run('save', async () => {
      await host.saveSettings(next);
      st.setSettings(next);
      if (again) {
        const a = st.marked.current ? (await host.validate(next)).analysis : await host.analyze(next);
        st.startDrawing(() => st.setAnalysis(a));
      }
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

  // Stable, so the findings list is not drawn again for nothing (it can hold hundreds of items).
  const onSelectFinding = useCallback(
    (f: Finding) => {
      st.setCurrentKey(findingKey(f));
      host.selectCell(f.sheet, f.cell).catch((e: unknown) => setMessage(errorMessage(e)));
    },
    [host, setMessage],
  );

  const { step, primary, stepsDone, errorsLeft } = stepOf(st.validated, st.computed, analysis, !!options.download, !!options.download?.offered);
  return {
    ...{ settings, analysis, busy, progress: st.progress, preparing: st.preparing, drawing: st.drawing, message, canRevert, nextRevert },
    ...{ tab: st.tab, currentKey: st.currentKey, lang, validated: st.validated, computed: st.computed, changed: st.changed, capabilities: st.capabilities },
    ...{ step, stepsDone, errorsLeft, revealed, primary, setTab: st.setTab, dismissMessage: () => setMessage(null), onAction, onChooseRole, onSelectFinding, onFix, onFixAll, onRollup, onCheckPlan },
    onSettings: (next, again) => void saveSettings(next, again),
  };
}
