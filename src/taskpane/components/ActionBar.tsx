// What the pane does to the workbook, as buttons, under a one-line path
// (Шалгах → Засах → Оноо тооцох) that ticks what was done and says what is
// left (the errors still to fix). One button is
// primary at a time: Validate until the sheet has been validated, then
// Compute scores, then (on the web page) Download. While work runs every
// button is disabled and the progress says which stage (and which sheet) it
// is at.

import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, ProgressBar, Text, Tooltip, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useRef } from 'react';
import type { Progress, RevertibleAction } from '../../excel/types';
import type { UiKey } from '../../i18n/ui';
import { clockTime } from '../actions/messages';
import type { ActionKind, BusyKind, Step, StepsDone } from '../actions/types';
import { useUiText } from '../lang';
import { CycleMenuItems, PlanFilePicker, type CycleOffer } from './CycleMenu';

const BUSY_TEXT: Record<BusyKind, UiKey> = {
  load: 'loading',
  analyze: 'busyAnalyze',
  validate: 'busyValidate',
  compute: 'busyCompute',
  clear: 'busyClear',
  revert: 'busyRevert',
  save: 'busySave',
  download: 'busyDownload',
  fix: 'busyFix',
  'fix-all': 'busyFix',
  evaluation: 'busyEvaluation',
  rollup: 'busyRollup',
  'report-form': 'busyReportForm',
  'next-plan': 'busyNextPlan',
  'plan-check': 'busyPlanCheck',
  'download-checked': 'busyDownload',
  findings: 'busyFindings',
};

/** The stages an action goes through, in order (for the progress bar's share). */
const STAGES: Partial<Record<BusyKind, Progress['stage'][]>> = {
  analyze: ['read', 'analyze'],
  validate: ['read', 'analyze', 'mark'],
  compute: ['read', 'plan', 'write'],
  save: ['read', 'analyze', 'mark'],
  download: ['plan', 'save'],
  'download-checked': ['plan', 'save'],
  findings: ['read', 'analyze', 'write'],
  rollup: ['open', 'plan', 'write'],
};

const STAGE_TEXT: Record<Progress['stage'], UiKey> = {
  open: 'stageOpen',
  read: 'stageRead',
  analyze: 'stageAnalyze',
  plan: 'stagePlan',
  mark: 'stageMark',
  write: 'stageWrite',
  save: 'stageSave',
};

/** How far the action is, 0–1, when its stages are known; undefined otherwise (an indeterminate bar). */
function progressShare(busy: BusyKind, progress: Progress | null): number | undefined {
  const stages = STAGES[busy];
  if (!stages || !progress) return undefined;
  const stageIndex = stages.indexOf(progress.stage);
  if (stageIndex < 0) return undefined;
  const within = progress.total ? Math.min(1, (progress.done ?? 0) / progress.total) : 0;
  return (stageIndex + within) / stages.length;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  nav: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS },
  left: { fontSize: tokens.fontSizeBase200, color: tokens.colorPaletteRedForeground1 },
  path: {
    display: 'flex',
    flexWrap: 'nowrap',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
  },
  step: { display: 'inline' },
  current: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  done: { color: tokens.colorNeutralForeground2 },
  arrow: { color: tokens.colorNeutralForeground4 },
  main: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(120px, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  secondary: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  progress: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    ':empty': { display: 'none' },
  },
  stage: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

export interface ActionBarProps {
  busy: BusyKind | null;
  /** The stage of the work running (or of the pane reading ahead), if known. */
  progress?: Progress | null;
  /** The pane is reading the sheet ahead, without blocking anything. */
  preparing?: boolean;
  canRevert: boolean;
  /** What the next Revert undoes, for its tooltip. */
  nextRevert?: RevertibleAction | null;
  step?: Step;
  /** What was done (ticked); without it, every step before the current one. */
  stepsDone?: StepsDone;
  /** Errors left to fix, once validated. */
  errorsLeft?: number | null;
  /** The one primary button. */
  primary?: ActionKind;
  /** The web page's Download, once the workbook has been changed: the file name it will save. */
  download?: string | null;
  /** The Download button's words and tooltip, named by what it saves (the computed copy's when absent). */
  downloadLabel?: string;
  downloadHint?: string;
  /** What that Download saves: the computed copy (after Compute, or with nothing done), or the copy with the user's changes. */
  downloadKind?: 'computed' | 'changed';
  /** The web page's Download of the checked copy, once validated: the file name it will save. */
  downloadChecked?: string | null;
  /** The findings sheet can be made (the workbook has been read). */
  canListFindings?: boolean;
  /** The workbook has a report an annex 8 sheet can be made from. */
  canEvaluate?: boolean;
  /** The roll-up of many files can run here (the host has a way to put it in). */
  canRollup?: boolean;
  /** The year's cycle: what the workbook offers (a plan to make the report form from, a report to plan from and to hold against a plan). */
  cycle?: CycleOffer;
  onAction: (action: ActionKind) => void;
  /** The files the user picked to roll up. */
  onRollup?: (files: File[]) => void;
  /** The plan file the user picked to hold the report against. */
  onCheckPlan?: (file: File) => void;
}

const REVERT_NEXT: Record<RevertibleAction['kind'], UiKey> = {
  validate: 'revertNextValidate',
  compute: 'revertNextCompute',
  'clear-marks': 'revertNextClear',
  fix: 'revertNextFix',
  evaluation: 'revertNextEvaluation',
  rollup: 'revertNextRollup',
  'report-form': 'revertNextReportForm',
  'next-plan': 'revertNextNextPlan',
  findings: 'revertNextFindings',
};

function StepPath({ step, done, errorsLeft = null }: { step: Step; done?: StepsDone; errorsLeft?: number | null }) {
  const styles = useStyles();
  const { t: say } = useUiText();
  const order: Exclude<Step, 'done'>[] = ['validate', 'fix', 'compute'];
  const label: Record<Exclude<Step, 'done'>, UiKey> = { validate: 'stepValidate', fix: 'stepFix', compute: 'stepCompute' };
  const at = step === 'done' ? order.length : order.indexOf(step);
  // A tick only for what was done: Compute with errors left ticks Compute, not Fix.
  const isDone = (pathStep: Exclude<Step, 'done'>, i: number) => (done ? done[pathStep] : i < at);
  return (
    <nav aria-label={say('stepsLabel')} className={styles.nav}>
      <ol className={styles.path} data-step={step}>
        {order.map((pathStep, i) => (
          <li
            key={pathStep}
            className={mergeClasses(styles.step, i === at && styles.current, isDone(pathStep, i) && i !== at && styles.done)}
            aria-current={i === at ? 'step' : undefined}
            data-done={isDone(pathStep, i) ? 'true' : undefined}
          >
            {i > 0 && (
              <span className={styles.arrow} aria-hidden>
                {'→ '}
              </span>
            )}
            {isDone(pathStep, i) ? '✓ ' : ''}
            {say(label[pathStep])}
          </li>
        ))}
      </ol>
      {errorsLeft !== null && errorsLeft > 0 && (
        <span className={styles.left} data-testid="steps-left">
          {say('stepsErrorsLeft', { errors: errorsLeft })}
        </span>
      )}
    </nav>
  );
}

export function ActionBar(props: ActionBarProps) {
  const { busy, progress = null, preparing = false, canRevert, nextRevert = null, step, primary = 'validate', download = null, canEvaluate = false, canRollup = false, cycle = NO_CYCLE, onAction, onRollup, onCheckPlan } = props;
  const { stepsDone, errorsLeft = null, downloadLabel, downloadHint, downloadKind = 'computed', downloadChecked = null, canListFindings = false } = props;
  const styles = useStyles();
  const { t: say } = useUiText();
  const disabled = busy !== null;
  const revertHint = (): string => {
    if (!canRevert) return say('revertNothing');
    if (!nextRevert) return say('revertHint');
    const time = clockTime(nextRevert.at);
    return say(REVERT_NEXT[nextRevert.kind], { time });
  };
  const button = (action: ActionKind, label: string, hint: string, opts: { small?: boolean; extraDisabled?: boolean } = {}) => (
    <Tooltip content={hint} relationship="description" withArrow>
      <Button
        appearance={action === primary ? 'primary' : opts.small ? 'subtle' : 'secondary'}
        size={opts.small ? 'small' : 'medium'}
        disabled={disabled || opts.extraDisabled}
        onClick={() => onAction(action)}
        data-action={action}
        data-primary={action === primary ? 'true' : undefined}
      >
        {label}
      </Button>
    </Tooltip>
  );
  // Named by what it saves: the host's words (the page's roll-up), else the computed or the changed copy.
  const downloadButton = (name: string) => {
    if (downloadLabel) return button('download', downloadLabel, downloadHint ?? say('downloadHint', { name }));
    return downloadKind === 'computed' ? button('download', say('download'), say('downloadHint', { name })) : button('download', say('downloadChanged'), say('downloadChangedHint', { name }));
  };
  const stage = progress ? stageText(progress, say) : null;
  const share = busy ? progressShare(busy, progress) : undefined;
  return (
    <section className={styles.root} aria-label={say('actionsLabel')}>
      {step && <StepPath step={step} done={stepsDone} errorsLeft={errorsLeft} />}
      <div className={styles.main}>
        {button('validate', say('validate'), say('validateHint'))}
        {button('compute', say('compute'), say('computeHint'))}
        {downloadChecked && button('download-checked', say('downloadChecked'), say('downloadCheckedHint', { name: downloadChecked }))}
        {download && downloadButton(download)}
      </div>
      <div className={styles.secondary}>
        {button('clear', say('clearMarks'), say('clearMarksHint'), { small: true })}
        {button('revert', say('revert'), revertHint(), { small: true, extraDisabled: !canRevert })}
        {(canEvaluate || canRollup || canListFindings || cycle.reportForm || cycle.nextPlan) && (
          <MoreActions disabled={disabled} canEvaluate={canEvaluate} canRollup={canRollup} canListFindings={canListFindings} cycle={cycle} onAction={onAction} onRollup={onRollup} onCheckPlan={onCheckPlan} />
        )}
      </div>
      <div className={styles.progress} role="status" aria-live="polite">
        {busy && (
          <>
            <Text size={200}>{say(BUSY_TEXT[busy])}</Text>
            {stage && (
              <Text size={200} className={styles.stage} data-testid="stage">
                {stage}
              </Text>
            )}
            <ProgressBar thickness="large" value={share} max={1} aria-label={say(BUSY_TEXT[busy])} />
          </>
        )}
        {!busy && preparing && (
          <Text size={200} className={styles.stage}>
            {say('preparing')}
            {stage ? ` ${stage}` : ''}
          </Text>
        )}
      </div>
    </section>
  );
}

const NO_CYCLE: CycleOffer = { reportForm: false, nextPlan: false };

interface MoreActionsProps {
  disabled: boolean;
  canEvaluate: boolean;
  canRollup: boolean;
  canListFindings: boolean;
  cycle: CycleOffer;
  onAction: (action: ActionKind) => void;
  onRollup?: (files: File[]) => void;
  onCheckPlan?: (file: File) => void;
}

/** The actions that are not part of the path: the annex 8 sheet from a report, the findings sheet, the year's cycle, the roll-up of many files (a file picker). */
function MoreActions({ disabled, canEvaluate, canRollup, canListFindings, cycle, onAction, onRollup, onCheckPlan }: MoreActionsProps) {
  const { t: say } = useUiText();
  const picker = useRef<HTMLInputElement>(null);
  const planPicker = useRef<HTMLInputElement>(null);
  return (
    <>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button appearance="subtle" size="small" disabled={disabled} aria-label={say('moreActionsLabel')} data-action="more">
            {say('moreActions')} ▾
          </Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {canEvaluate && (
              <Tooltip content={say('evaluationSheetHint')} relationship="description" positioning="before">
                <MenuItem onClick={() => onAction('evaluation')} data-action="evaluation">
                  {say('evaluationSheet')}
                </MenuItem>
              </Tooltip>
            )}
            {canListFindings && (
              <Tooltip content={say('findingsSheetHint')} relationship="description" positioning="before">
                <MenuItem onClick={() => onAction('findings')} data-action="findings">
                  {say('findingsSheet')}
                </MenuItem>
              </Tooltip>
            )}
            <CycleMenuItems offer={cycle} onAction={onAction} onPickPlan={() => planPicker.current?.click()} />
            {canRollup && (
              <Tooltip content={say('rollupHint')} relationship="description" positioning="before">
                <MenuItem onClick={() => picker.current?.click()} data-action="rollup">
                  {say('rollup')}
                </MenuItem>
              </Tooltip>
            )}
          </MenuList>
        </MenuPopover>
      </Menu>
      {cycle.nextPlan && onCheckPlan && <PlanFilePicker ref={planPicker} onPlan={onCheckPlan} />}
      {canRollup && (
        <input
          ref={picker}
          type="file"
          multiple
          accept=".xlsx,.xlsm"
          hidden
          aria-label={say('rollupPick')}
          data-testid="rollup-files"
          onChange={(event) => {
            const files = [...(event.currentTarget.files ?? [])];
            event.currentTarget.value = '';
            if (files.length > 0) onRollup?.(files);
          }}
        />
      )}
    </>
  );
}

function stageText(progress: Progress, say: (key: UiKey, params?: Record<string, string | number>) => string): string {
  if (progress.stage === 'analyze' && progress.sheet !== undefined && progress.total !== undefined && progress.total > 1)
    return `${say('stageAnalyzeSheet', { sheet: progress.sheet, n: (progress.done ?? 0) + 1, total: progress.total })}…`;
  if (progress.stage === 'open' && progress.sheet !== undefined && progress.total !== undefined && progress.total > 1)
    return `${say('stageFile', { sheet: progress.sheet, n: Math.min(progress.total, (progress.done ?? 0) + 1), total: progress.total })}…`;
  return `${say(STAGE_TEXT[progress.stage])}…`;
}
