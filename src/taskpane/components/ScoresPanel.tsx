// Scores of every analysed table; each individual evaluation (annex 8) read
// as one; and, for a report, the way to its annex 8 sheet.

import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { WorkbookAnalysis } from '../../core';
import { useUiText } from '../lang';
import { EvaluationCard } from './EvaluationCard';
import { TableScoreCard } from './TableScoreCard';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground3 },
  offer: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
});

export interface ScoresPanelProps {
  analysis: WorkbookAnalysis | null;
  /** Builds the annex 8 sheet from the report (absent: not offered). */
  onEvaluation?: () => void;
  disabled?: boolean;
}

export function ScoresPanel({ analysis, onEvaluation, disabled = false }: ScoresPanelProps) {
  const styles = useStyles();
  const { t: say } = useUiText();
  if (!analysis) return <Text className={styles.muted}>{say('noAnalysis')}</Text>;
  const scores = analysis.sheets.flatMap((s) => s.scores);
  const tables = analysis.sheets.flatMap((s) => s.tables);
  const evaluations = analysis.evaluations ?? [];
  if (scores.length === 0 && evaluations.length === 0) return <Text>{say('noScores')}</Text>;
  // A report with no evaluation beside it yet: its annex 8 sheet is one click away.
  const offer = onEvaluation && evaluations.length === 0 && tables.some((x) => x.kind === 'report');
  return (
    <div className={styles.root}>
      {evaluations.map((e, i) => (
        <EvaluationCard key={e.id} evaluation={e} index={i} />
      ))}
      {offer && (
        <div className={styles.offer}>
          <Text size={200}>{say('evaluationFromReport')}</Text>
          <Button size="small" disabled={disabled} data-action="evaluation" title={say('evaluationSheetHint')} onClick={onEvaluation}>
            {say('evaluationSheet')}
          </Button>
        </div>
      )}
      {scores.map((score, i) => {
        const table = tables.find((x) => x.id === score.tableId);
        return <TableScoreCard key={score.tableId} score={score} index={i} kind={table?.kind} groupCount={table?.groups.length} />;
      })}
    </div>
  );
}
