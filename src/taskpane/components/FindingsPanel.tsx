// The findings of the last Validate: filter, then one list per severity with
// its count; after a fix, the findings it revealed first, in a list of their
// own. Long lists are shown a hundred at a time. Before Validate has
// run (the sheet has no marks yet) there is no list: what Validate will do,
// and the counts the pane read ahead.

import { Button, CounterBadge, Text, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { memo, useMemo, useState } from 'react';
import { planFixes, type Finding, type Severity, type SeverityCounts } from '../../core';
import { SEVERITY_NAMES } from '../../i18n/findings';
import { ALL_SEVERITIES, countBySeverity, findingKey, groupFindings, type FindingFilter } from '../findings';
import { useUiText } from '../lang';
import { visuallyHidden } from '../styles';
import { FindingItem } from './FindingItem';
import { FindingsFilterBar } from './FindingsFilterBar';

const PAGE = 100;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, padding: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  hidden: visuallyHidden,
});

const BADGE_COLOR: Record<Severity, 'danger' | 'important' | 'informative'> = {
  error: 'danger',
  warning: 'important',
  info: 'informative',
};

export interface FindingsPanelProps {
  /** Null until Validate has run. */
  findings: Finding[] | null;
  /** Before Validate: the counts of the analysis read ahead, if any. */
  preview?: SeverityCounts | null;
  sheetOrder: string[];
  busy: boolean;
  currentKey: string | null;
  onSelect: (finding: Finding) => void;
  /** One finding's fix; absent where the pane cannot fix. */
  onFix?: (finding: Finding) => void;
  /** Every safe fix at once. */
  onFixAll?: () => void;
  /** The findings the last fix revealed (findingKey): listed first, under a heading of their own. */
  revealed?: ReadonlySet<string> | null;
}

export const FindingsPanel = memo(function FindingsPanel({ findings, preview = null, sheetOrder, busy, currentKey, onSelect, onFix, onFixAll, revealed = null }: FindingsPanelProps) {
  const styles = useStyles();
  const { t: say, pick, lang } = useUiText();
  const [filter, setFilter] = useState<FindingFilter>({ severities: ALL_SEVERITIES, text: '' });
  const [limit, setLimit] = useState<Record<Severity, number>>({ error: PAGE, warning: PAGE, info: PAGE });
  // What the last fix revealed comes first (a page of it; the rest stay in their severity's list).
  const { firstShown, rest } = useMemo(() => {
    const all = findings ?? [];
    if (!revealed || revealed.size === 0) return { firstShown: [] as Finding[], rest: all };
    const first = groupFindings(all.filter((f) => revealed.has(findingKey(f))), filter, lang, sheetOrder)
      .flatMap((g) => g.findings)
      .slice(0, PAGE);
    const taken = new Set(first);
    return { firstShown: first, rest: all.filter((f) => !taken.has(f)) };
  }, [findings, revealed, filter, lang, sheetOrder]);
  const groups = useMemo(() => groupFindings(rest, filter, lang, sheetOrder), [rest, filter, lang, sheetOrder]);
  const counts = useMemo(() => countBySeverity(findings ?? []), [findings]);
  // The safe fixes Fix all would apply, each once (a renumbering several findings share counts once).
  const safeFixes = useMemo(() => {
    const { fixes, deferred } = planFixes(findings ?? []);
    return fixes.length + deferred.length;
  }, [findings]);

  if (findings === null && preview) {
    return (
      <div className={styles.root} data-testid="not-validated">
        <Text>{say('notValidated')}</Text>
        <Text size={200} className={styles.muted}>
          {say('notValidatedCounts', { errors: preview.error, warnings: preview.warning, infos: preview.info })}
        </Text>
      </div>
    );
  }
  if (findings === null) return <Text className={styles.muted}>{say('noAnalysis')}</Text>;
  if (findings.length === 0) return <Text>{say('noFindings')}</Text>;
  const shown = groups.reduce((n, g) => n + g.findings.length, 0) + firstShown.length;

  return (
    <div className={styles.root}>
      {onFixAll && safeFixes > 0 && (
        <Tooltip content={say('fixAllHint', { count: safeFixes })} relationship="description" withArrow>
          <Button appearance="secondary" disabled={busy} data-action="fix-all" onClick={onFixAll}>
            {say('fixAll', { count: safeFixes })}
          </Button>
        </Tooltip>
      )}
      <FindingsFilterBar filter={filter} counts={counts} onChange={setFilter} />
      <Text size={200} className={styles.muted} aria-live="polite">
        {say('shownOfTotal', { shown, total: findings.length })}
      </Text>
      {shown === 0 && <Text>{say('noMatches')}</Text>}
      {firstShown.length > 0 && (
        <section className={styles.group} aria-labelledby="findings-revealed" data-severity="revealed">
          <h3 id="findings-revealed" className={styles.heading}>
            {say('revealedHeading')}
            <CounterBadge count={firstShown.length} color="brand" overflowCount={9999} aria-hidden />
            <span className={styles.hidden}>{`(${firstShown.length})`}</span>
          </h3>
          <ul className={styles.list}>
            {firstShown.map((finding, i) => (
              <FindingItem key={`${findingKey(finding)}-${i}`} finding={finding} current={findingKey(finding) === currentKey} disabled={busy} onSelect={onSelect} onFix={onFix} />
            ))}
          </ul>
        </section>
      )}
      {groups.map((group) => {
        const name = pick(SEVERITY_NAMES[group.severity]);
        const headingId = `findings-${group.severity}`;
        const visible = group.findings.slice(0, limit[group.severity]);
        const more = group.findings.length - visible.length;
        return (
          <section key={group.severity} className={styles.group} aria-labelledby={headingId} data-severity={group.severity}>
            <h3 id={headingId} className={styles.heading}>
              {name}
              <CounterBadge count={group.findings.length} color={BADGE_COLOR[group.severity]} overflowCount={9999} aria-hidden />
              <span className={styles.hidden}>
                {`(${group.findings.length})`}
              </span>
            </h3>
            <ul className={styles.list}>
              {visible.map((finding, i) => (
                <FindingItem
                  key={`${findingKey(finding)}-${i}`}
                  finding={finding}
                  current={findingKey(finding) === currentKey}
                  disabled={busy}
                  onSelect={onSelect}
                  onFix={onFix}
                />
              ))}
            </ul>
            {more > 0 && (
              <Button appearance="subtle" onClick={() => setLimit({ ...limit, [group.severity]: limit[group.severity] + PAGE })}>
                {say('showMore', { count: Math.min(more, PAGE) })}
              </Button>
            )}
          </section>
        );
      })}
    </div>
  );
});
