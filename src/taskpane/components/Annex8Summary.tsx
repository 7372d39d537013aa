// Annex 8 (individual evaluation): points per section, deductions, total of 100.

import { makeStyles, tokens } from '@fluentui/react-components';
import type { Annex8Score } from '../../core';
import { formatFigure } from '../../i18n/ui';
import { useUiText } from '../lang';

const useStyles = makeStyles({
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  num: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  total: { fontWeight: tokens.fontWeightSemibold, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
});

export function Annex8Summary({ score }: { score: Annex8Score }) {
  const styles = useStyles();
  const { t: say } = useUiText();
  return (
    <section aria-label={say('annex8Heading')} data-testid="annex8">
      <h4 className={styles.heading}>{say('annex8Heading')}</h4>
      <table className={styles.table}>
        <tbody>
          {score.sections.map((section) => (
            <tr key={section.section}>
              <th scope="row" style={{ textAlign: 'start', fontWeight: 'normal' }}>
                {say('annex8Section', { n: section.section })}
              </th>
              <td className={styles.num}>
                {formatFigure(section.points)} / {formatFigure(section.max)}
              </td>
            </tr>
          ))}
          {score.deductions !== 0 && (
            <tr>
              <th scope="row" style={{ textAlign: 'start', fontWeight: 'normal' }}>
                {say('annex8Deductions')}
              </th>
              <td className={styles.num}>−{formatFigure(Math.abs(score.deductions))}</td>
            </tr>
          )}
          <tr className={styles.total}>
            <th scope="row" style={{ textAlign: 'start' }}>
              {say('annex8Total')}
            </th>
            <td className={styles.num}>{formatFigure(score.total)} / 100</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
