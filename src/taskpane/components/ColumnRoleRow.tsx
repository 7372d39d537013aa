// One column of a table in the mapping editor: its letter and header, the
// role the engine gave it (or the user's correction) in a dropdown, and a way
// back to automatic recognition.

import { Button, Caption1, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { ROLES, type RoleChoice } from '../../core';
import { roleLabel } from '../../i18n/ui';
import { useUiText } from '../lang';
import type { MappedColumn } from '../overrides';

const CHOICES: RoleChoice[] = [...ROLES, 'ignore'];

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: '2.25em minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: 'center',
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  letter: {
    gridRow: '1 / span 2',
    alignSelf: 'start',
    fontWeight: tokens.fontWeightSemibold,
    fontFamily: tokens.fontFamilyMonospace,
    textAlign: 'center',
    paddingTop: tokens.spacingVerticalXS,
    color: tokens.colorBrandForeground1,
  },
  header: {
    color: tokens.colorNeutralForeground2,
    overflow: 'hidden',
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
    overflowWrap: 'anywhere',
  },
  controls: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  select: { flexGrow: 1, minWidth: 0 },
  source: { color: tokens.colorNeutralForeground3 },
  user: { color: tokens.colorBrandForeground1 },
});

export interface ColumnRoleRowProps {
  column: MappedColumn;
  /** Header text seen for this column, when the engine no longer reports it. */
  knownHeader?: string;
  disabled: boolean;
  onChoose: (col: number, choice: RoleChoice | null) => void;
}

export function ColumnRoleRow({ column, knownHeader, disabled, onChoose }: ColumnRoleRowProps) {
  const styles = useStyles();
  const { t: say, lang } = useUiText();
  const headerId = useId();
  const header = column.info?.header || knownHeader || '';
  const source = column.override
    ? say('sourceUser')
    : column.info?.source === 'header'
      ? say('sourceHeader')
      : column.info?.source === 'content'
        ? say('sourceContent')
        : '';
  return (
    <li className={styles.row} data-column={column.letter}>
      <span className={styles.letter} aria-hidden>
        {column.letter}
      </span>
      <Caption1 id={headerId} className={styles.header} title={header || undefined}>
        {header || say('columnNoHeader')}
        {source && <span className={column.override ? styles.user : styles.source}>{` · ${source}`}</span>}
      </Caption1>
      <div className={styles.controls}>
        <Select
          className={styles.select}
          size="small"
          aria-label={say('roleFor', { column: column.letter })}
          aria-describedby={headerId}
          value={column.choice}
          disabled={disabled}
          onChange={(_, data) => {
            if (data.value) onChoose(column.col, data.value as RoleChoice);
          }}
        >
          {column.choice === '' && (
            <option value="" disabled>
              {say('roleUnset')}
            </option>
          )}
          {CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {roleLabel(choice, lang)}
            </option>
          ))}
        </Select>
        {column.override && (
          <Button
            size="small"
            appearance="subtle"
            disabled={disabled}
            aria-label={say('resetRoleFor', { column: column.letter })}
            onClick={() => onChoose(column.col, null)}
          >
            {say('resetRole')}
          </Button>
        )}
      </div>
    </li>
  );
}
