// One finding: the cell it names and what to do. Activating it selects that
// cell in the workbook and opens the finding's details (its code, which
// people automate on and search by: in English, so not on every item). A finding the engine knows how to fix
// has a Fix button beside it that says what it will write; a fix that needs
// a look says so (the press is the user's confirmation).

import { Button, Tooltip, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Finding } from '../../core';
import { useUiText } from '../lang';

const useStyles = makeStyles({
  item: { listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  fix: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingInlineStart: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  fixText: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  review: { color: tokens.colorPaletteMarigoldForeground2, fontWeight: tokens.fontWeightSemibold },
  button: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    gap: tokens.spacingVerticalXXS,
    width: '100%',
    textAlign: 'start',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':active': { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
    ':disabled': { cursor: 'default', color: tokens.colorNeutralForegroundDisabled },
  },
  current: {
    borderTopColor: tokens.colorBrandStroke1,
    borderBottomColor: tokens.colorBrandStroke1,
    borderInlineEndColor: tokens.colorBrandStroke1,
    backgroundColor: tokens.colorBrandBackground2,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  meta: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200 },
  cell: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  code: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3 },
  details: { margin: 0, paddingInlineStart: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  error: { borderInlineStartColor: tokens.colorStatusDangerBorder2, borderInlineStartWidth: tokens.strokeWidthThickest },
  warning: { borderInlineStartColor: tokens.colorStatusWarningBorder2, borderInlineStartWidth: tokens.strokeWidthThickest },
  info: { borderInlineStartColor: tokens.colorNeutralStroke1, borderInlineStartWidth: tokens.strokeWidthThickest },
});

export interface FindingItemProps {
  finding: Finding;
  current: boolean;
  disabled: boolean;
  onSelect: (finding: Finding) => void;
  /** Applies the finding's fix (absent where the pane cannot fix). */
  onFix?: (finding: Finding) => void;
}

export function FindingItem({ finding, current, disabled, onSelect, onFix }: FindingItemProps) {
  const styles = useStyles();
  const { t: say, pick } = useUiText();
  const where = `${finding.sheet}!${finding.cell}`;
  return (
    <li className={styles.item}>
      <button
        type="button"
        className={mergeClasses(styles.button, styles[finding.severity], current && styles.current)}
        aria-current={current ? 'true' : undefined}
        title={say('goToCell', { cell: where })}
        disabled={disabled}
        data-cell={where}
        data-code={finding.code}
        onClick={() => onSelect(finding)}
      >
        <span className={styles.meta}>
          <span className={styles.cell}>{where}</span>
        </span>
        <span>{pick(finding.message)}</span>
      </button>
      {current && (
        <p className={styles.details} data-testid="finding-details">
          {`${say('findingCode')}: `}
          <span className={styles.code}>{finding.code}</span>
        </p>
      )}
      {finding.fix && onFix && (
        <div className={styles.fix} data-fix={finding.fix.kind}>
          <span className={styles.fixText}>
            {finding.fix.kind === 'review' && <span className={styles.review}>{say('fixReview')}: </span>}
            {pick(finding.fix.description)}
          </span>
          <Tooltip content={say('fixHint', { what: pick(finding.fix.description) })} relationship="description" withArrow>
            <Button size="small" appearance="secondary" disabled={disabled} data-action="fix" aria-label={say('fixAt', { cell: where })} onClick={() => onFix(finding)}>
              {say('fix')}
            </Button>
          </Tooltip>
        </div>
      )}
    </li>
  );
}
