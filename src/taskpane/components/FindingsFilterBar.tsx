// Which findings to show: a checkbox per severity (with its count) and a
// search over code, cell and message.

import { Checkbox, Field, SearchBox, makeStyles, tokens } from '@fluentui/react-components';
import type { Severity } from '../../core';
import { SEVERITY_NAMES } from '../../i18n/findings';
import { SEVERITY_ORDER, type FindingFilter } from '../findings';
import { useUiText } from '../lang';
import { visuallyHidden } from '../styles';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  severities: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS, border: 'none', margin: 0, padding: 0 },
  legend: visuallyHidden,
  // Shrinks with the pane (an <input> is ~20 characters wide by default).
  search: { width: '100%', maxWidth: '100%', minWidth: 0, boxSizing: 'border-box' },
  searchInput: { minWidth: 0, width: '100%', flexShrink: 1 },
});

export interface FindingsFilterBarProps {
  filter: FindingFilter;
  counts: Record<Severity, number>;
  onChange: (filter: FindingFilter) => void;
}

export function FindingsFilterBar({ filter, counts, onChange }: FindingsFilterBarProps) {
  const styles = useStyles();
  const { t: say, pick } = useUiText();
  return (
    <div className={styles.root}>
      <fieldset className={styles.severities}>
        <legend className={styles.legend}>{say('severityFilterLabel')}</legend>
        {SEVERITY_ORDER.map((severity) => (
          <Checkbox
            key={severity}
            label={`${pick(SEVERITY_NAMES[severity])} (${counts[severity]})`}
            checked={filter.severities[severity]}
            onChange={(_, data) => onChange({ ...filter, severities: { ...filter.severities, [severity]: data.checked === true } })}
          />
        ))}
      </fieldset>
      <Field label={say('searchLabel')}>
        <SearchBox
          className={styles.search}
          input={{ className: styles.searchInput }}
          value={filter.text}
          placeholder={say('searchPlaceholder')}
          onChange={(_, data) => onChange({ ...filter, text: data.value })}
        />
      </Field>
    </div>
  );
}
