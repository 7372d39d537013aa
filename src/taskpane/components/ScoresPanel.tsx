// Scores of every analysed table.

import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { WorkbookAnalysis } from '../../core';
import { useUiText } from '../lang';
import { TableScoreCard } from './TableScoreCard';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function ScoresPanel({ analysis }: { analysis: WorkbookAnalysis | null }) {
  const styles = useStyles();
  const { t } = useUiText();
  if (!analysis) return <Text className={styles.muted}>{t('noAnalysis')}</Text>;
  const scores = analysis.sheets.flatMap((s) => s.scores);
  const tables = analysis.sheets.flatMap((s) => s.tables);
  if (scores.length === 0) return <Text>{t('noScores')}</Text>;
  return (
    <div className={styles.root}>
      {scores.map((s, i) => {
        const table = tables.find((x) => x.id === s.tableId);
        return <TableScoreCard key={s.tableId} score={s} index={i} kind={table?.kind} groupCount={table?.groups.length} />;
      })}
    </div>
  );
}
