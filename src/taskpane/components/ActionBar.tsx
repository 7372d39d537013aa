// The four things the pane does to the workbook, as buttons. While any work
// runs every button is disabled and a progress bar says what is happening.

import { Button, ProgressBar, Text, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import type { UiKey } from '../../i18n/ui';
import { useUiText } from '../lang';

export type ActionKind = 'validate' | 'compute' | 'clear' | 'revert';
export type BusyKind = ActionKind | 'analyze' | 'save' | 'load';

const BUSY_TEXT: Record<BusyKind, UiKey> = {
  load: 'loading',
  analyze: 'busyAnalyze',
  validate: 'busyValidate',
  compute: 'busyCompute',
  clear: 'busyClear',
  revert: 'busyRevert',
  save: 'busySave',
};

const useStyles = makeStyles({
  bar: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(132px, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  progress: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalXS,
    ':empty': { display: 'none' },
  },
});

export interface ActionBarProps {
  busy: BusyKind | null;
  canRevert: boolean;
  onAction: (action: ActionKind) => void;
}

export function ActionBar({ busy, canRevert, onAction }: ActionBarProps) {
  const styles = useStyles();
  const { t } = useUiText();
  const disabled = busy !== null;
  const button = (action: ActionKind, label: UiKey, hint: UiKey, primary = false, extraDisabled = false) => (
    <Tooltip content={t(hint)} relationship="description" withArrow>
      <Button
        appearance={primary ? 'primary' : 'secondary'}
        disabled={disabled || extraDisabled}
        onClick={() => onAction(action)}
        data-action={action}
      >
        {t(label)}
      </Button>
    </Tooltip>
  );
  return (
    <section aria-label={t('actionsLabel')}>
      <div className={styles.bar}>
        {button('validate', 'validate', 'validateHint', true)}
        {button('compute', 'compute', 'computeHint', true)}
        {button('clear', 'clearMarks', 'clearMarksHint')}
        {button('revert', 'revert', 'revertHint', false, !canRevert)}
      </div>
      <div className={styles.progress} role="status" aria-live="polite">
        {busy && (
          <>
            <Text size={200}>{t(BUSY_TEXT[busy])}</Text>
            <ProgressBar thickness="large" aria-label={t(BUSY_TEXT[busy])} />
          </>
        )}
      </div>
    </section>
  );
}
