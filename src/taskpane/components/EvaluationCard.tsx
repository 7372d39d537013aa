// An individual evaluation (annex 8) read as one: each section's points from
// its rows against its maximum (and the figure the sheet states, where it
// differs), the changes, and the total of 100 — what staff used to work out
// on a calculator.

import { Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { EvaluationScore } from '../../core';
import { formatFigure } from '../../i18n/ui';
import { useUiText } from '../lang';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalM, gap: tokens.spacingVerticalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  sub: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  label: { textAlign: 'start', fontWeight: tokens.fontWeightRegular, paddingBlock: tokens.spacingVerticalXXS },
  num: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  stated: { display: 'block', color: tokens.colorStatusWarningForeground3, fontSize: tokens.fontSizeBase100 },
  total: { fontWeight: tokens.fontWeightSemibold, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  big: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

/** A stated figure that differs from the rows' (one decimal), else null. */
const differs = (stated: number | null, figure: number | null): number | null =>
  stated !== null && figure !== null && Math.abs(stated - figure) >= 0.05 ? stated : null;

export function EvaluationCard({ evaluation, index }: { evaluation: EvaluationScore; index: number }) {
  const styles = useStyles();
  const { t: say } = useUiText();
  const headingId = `evaluation-${index}`;
  const totalStated = differs(evaluation.totalStated, evaluation.total);
  return (
    <Card className={styles.card} aria-labelledby={headingId} data-testid="evaluation">
      <h3 id={headingId} className={styles.title}>
        {say('evaluationHeading')}
      </h3>
      {evaluation.title && (
        <Text size={200} className={styles.sub}>
          {evaluation.title} · {evaluation.sheets.join(', ')}
        </Text>
      )}
      <table className={styles.table}>
        <tbody>
          {evaluation.sections.map((section) => {
            const stated = differs(section.stated, section.points);
            return (
              <tr key={section.section} data-section={section.section}>
                <th scope="row" className={styles.label}>
                  {say('annex8Section', { n: section.section })}
                </th>
                <td className={styles.num}>
                  {section.points === null ? say('evaluationNotRated') : `${formatFigure(section.points)} / ${formatFigure(section.max)}`}
                  {stated !== null && <span className={styles.stated}>{say('evaluationSectionStated', { stated: formatFigure(stated) })}</span>}
                </td>
              </tr>
            );
          })}
          {evaluation.changes !== 0 && (
            <tr>
              <th scope="row" className={styles.label}>
                {say('evaluationChanges')}
              </th>
              <td className={styles.num}>−{formatFigure(Math.abs(evaluation.changes))}</td>
            </tr>
          )}
          <tr className={styles.total}>
            <th scope="row" className={styles.label}>
              {say('evaluationTotal')}
            </th>
            <td className={styles.num} data-testid="evaluation-total">
              <span className={styles.big}>{formatFigure(evaluation.total)}</span> / 100
              {totalStated !== null && <span className={styles.stated}>{say('evaluationSectionStated', { stated: formatFigure(totalStated) })}</span>}
            </td>
          </tr>
        </tbody>
      </table>
    </Card>
  );
}
