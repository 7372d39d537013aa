// One table's scores: average, 5-point figure and grade; then its groups, as
// a chart and a table; and the annex 8 total where the table is an
// evaluation sheet. A plan (no achieved or percent column) has nothing to
// score yet: the card says so, and what Compute does for it, instead of a
// row of dashes.

import { Badge, Caption1, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import { gradeText, type Lang, type ScoreFigures, type TableKind, type TableScore } from '../../core';
import { formatFigure } from '../../i18n/ui';
import { useUiText } from '../lang';
import { Annex8Summary } from './Annex8Summary';
import { GroupAverageChart } from './GroupAverageChart';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalM, gap: tokens.spacingVerticalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  figures: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(120px, 1fr))',
    gap: tokens.spacingVerticalXS,
    margin: 0,
  },
  figure: { display: 'flex', flexDirection: 'column' },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500, whiteSpace: 'nowrap' },
  // "20000 / 20000" on one line in a 320 px pane.
  count: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase500, fontVariantNumeric: 'tabular-nums' },
  plan: { color: tokens.colorNeutralForeground2 },
  sub: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200, tableLayout: 'fixed' },
  th: { textAlign: 'start', color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular, paddingBlock: tokens.spacingVerticalXXS, verticalAlign: 'bottom' },
  // A group's whole name, wrapped (at 320 px a cut name left "Зорилт 1.1 М…" and no way to read the rest).
  labelCell: { overflowWrap: 'anywhere', whiteSpace: 'normal', paddingInlineEnd: tokens.spacingHorizontalXS, paddingBlock: tokens.spacingVerticalXXS, lineHeight: tokens.lineHeightBase200 },
  // Wide enough for each header's longest word ("Үнэлгээ", "онооны") at the pane's 320 px, with a gap between columns.
  num: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', width: '3em', paddingInlineStart: tokens.spacingHorizontalXS },
  numWide: { width: '4.6em' },
  row: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  muted: { color: tokens.colorNeutralForeground3 },
});

const gradeShown = (f: ScoreFigures, lang: Lang): string => gradeText(f.grade, f.gradeLabel, lang) || '—';

export interface TableScoreCardProps {
  score: TableScore;
  index: number;
  /** The table's kind (a plan has nothing to score). */
  kind?: TableKind;
  groupCount?: number;
}

export function TableScoreCard({ score, index, kind, groupCount }: TableScoreCardProps) {
  const styles = useStyles();
  const { t: say, pick, lang } = useUiText();
  const headingId = `score-${index}`;
  const groups = score.groups.filter((g) => g.itemCount > 0);
  const heading = (
    <>
      <h3 id={headingId} className={styles.title}>
        {say('tableCaption', { n: index + 1 })}
        {score.title ? `: ${score.title}` : ''}
      </h3>
      <Caption1 className={styles.muted}>{score.sheet}</Caption1>
    </>
  );
  if (kind === 'plan' && score.ratedCount === 0) {
    return (
      <Card className={styles.card} aria-labelledby={headingId} data-table={score.tableId} data-kind="plan">
        {heading}
        <Text className={styles.plan} data-testid="plan-note">
          {say('planNothingToScore', { items: score.itemCount, groups: groupCount ?? score.groups.length })}
        </Text>
      </Card>
    );
  }
  return (
    <Card className={styles.card} aria-labelledby={headingId} data-table={score.tableId}>
      {heading}
      <dl className={styles.figures}>
        <div className={styles.figure}>
          <dt className={styles.term}>{say('average')}</dt>
          <dd className={styles.value} data-testid="table-average">
            {score.average === null ? '—' : `${formatFigure(score.average)}%`}
          </dd>
        </div>
        <div className={styles.figure}>
          <dt className={styles.term}>{say('fivePoint')}</dt>
          <dd className={styles.value}>{formatFigure(score.fivePoint, 2)}</dd>
        </div>
        <div className={styles.figure}>
          <dt className={styles.term}>{say('grade')}</dt>
          <dd className={styles.value}>
            {score.grade ? (
              <Badge appearance="tint" color="brand" size="large">
                {gradeShown(score, lang)}
              </Badge>
            ) : (
              '—'
            )}
          </dd>
        </div>
        <div className={styles.figure}>
          <dt className={styles.term}>{say('rated')}</dt>
          <dd className={`${styles.value} ${styles.count}`}>{say('ratedOf', { rated: score.ratedCount, items: score.itemCount })}</dd>
        </div>
      </dl>
      {score.computedCount > 0 && <Caption1>{say('willCompute', { count: score.computedCount })}</Caption1>}
      {score.annex8 && <Annex8Summary score={score.annex8} />}
      {groups.length > 0 && (
        <>
          <h4 className={styles.sub}>{say('groupsHeading')}</h4>
          <GroupAverageChart groups={groups} />
          <table className={styles.table}>
            <thead>
              <tr>
                <th className={styles.th} scope="col">
                  {say('group')}
                </th>
                <th className={`${styles.th} ${styles.num}`} scope="col">
                  %
                </th>
                <th className={`${styles.th} ${styles.num} ${styles.numWide}`} scope="col">
                  {say('fivePoint')}
                </th>
                <th className={`${styles.th} ${styles.num} ${styles.numWide}`} scope="col">
                  {say('grade')}
                </th>
              </tr>
            </thead>
            <tbody>
              {groups.map((group) => (
                <tr key={group.groupId} className={styles.row}>
                  <th scope="row" className={`${styles.th} ${styles.labelCell}`} title={group.label} style={{ paddingInlineStart: `${group.level * 8}px` }}>
                    {group.label}
                  </th>
                  <td className={styles.num}>{formatFigure(group.average)}</td>
                  <td className={styles.num}>{formatFigure(group.fivePoint, 2)}</td>
                  <td className={styles.num} title={group.gradeLabel ? pick(group.gradeLabel) : undefined}>
                    {group.grade ?? '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Card>
  );
}
