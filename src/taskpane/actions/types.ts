// The pane's shared types: what its buttons are (ActionKind), what can be
// running (BusyKind), the path's steps, the messages it shows, what the page
// adds to the host's actions (PaneOptions), and the state and actions
// usePaneActions hands to App. No React here: the components, the hooks and
// the message builders all take them from this one place.

import type { Finding, Localized, RoleChoice, TableInfo, WorkbookAnalysis } from '../../core';
import type { AddinSettings, Capabilities, Progress, ProgressListener, RevertibleAction } from '../../excel/types';
import type { Outcome } from '../../commands/outcomes';
import type { Lang } from '../../i18n/ui';

/** The year's cycle actions in the Бусад menu (CycleMenu). */
export type CycleAction = 'report-form' | 'next-plan';

export type ActionKind = 'validate' | 'compute' | 'clear' | 'revert' | 'download' | 'fix-all' | 'evaluation' | 'download-checked' | 'findings' | CycleAction;
export type BusyKind = ActionKind | 'analyze' | 'save' | 'load' | 'fix' | 'rollup' | 'plan-check';
export type Step = 'validate' | 'fix' | 'compute' | 'done';
/** Which steps were done: Validate ran; nothing is left to fix; Compute ran. */
export type StepsDone = Record<Exclude<Step, 'done'>, boolean>;

export interface PaneMessage {
  intent: 'success' | 'error' | 'warning' | 'info';
  /** Both languages, so the message follows a language switch. */
  text: Localized;
  /** More of it, shown on asking ("Дэлгэрэнгүй"). */
  details?: Localized;
  /** Excel's own text about a failure (English), shown only under "Дэлгэрэнгүй". */
  detail?: string | null;
}

export type PaneTab = 'findings' | 'tables' | 'scores' | 'settings';

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
  onChooseRole(table: TableInfo, columnIndex: number, choice: RoleChoice | null): void;
  onSelectFinding(finding: Finding): void;
  /** Applies one finding's fix, as the pane showed it. */
  onFix(finding: Finding): void;
  /** Applies every safe fix. */
  onFixAll(): void;
  /** Reads and rolls up the files the user picked (PaneOptions.rollup). */
  onRollup(files: File[]): void;
  /** Holds the workbook's report against the plan file the user picked (marked as Validate marks). */
  onCheckPlan(file: File): void;
  onSettings(next: AddinSettings, again: boolean): void;
}
