// The tables found in the analysed sheets, each with its column-role editor.

import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useRef } from 'react';
import type { ColumnOverride, RoleChoice, TableInfo, WorkbookAnalysis } from '../../core';
import { useUiText } from '../lang';
import { TableMappingCard } from './TableMappingCard';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface TablesPanelProps {
  analysis: WorkbookAnalysis | null;
  overrides: ColumnOverride[];
  disabled: boolean;
  onChooseRole: (table: TableInfo, col: number, choice: RoleChoice | null) => void;
}

export function TablesPanel({ analysis, overrides, disabled, onChooseRole }: TablesPanelProps) {
  const styles = useStyles();
  const { t: say } = useUiText();
  // Header texts seen so far: a column whose role the user moved away or
  // ignored is no longer reported by the engine, but its header is still worth showing.
  const headers = useRef(new Map<string, string>());
  const tables = analysis?.sheets.flatMap((s) => s.tables) ?? [];
  for (const table of tables)
    for (const column of table.columns) if (column.header) headers.current.set(`${table.sheet}!${table.headerRows[0]}:${column.col}`, column.header);

  if (!analysis) return <Text className={styles.muted}>{say('noAnalysis')}</Text>;
  if (tables.length === 0) return <Text>{say('noTables')}</Text>;
  return (
    <div className={styles.root}>
      {tables.map((table, i) => (
        <TableMappingCard
          key={table.id}
          table={table}
          index={i}
          overrides={overrides}
          knownHeaders={headers.current}
          disabled={disabled}
          onChoose={onChooseRole}
        />
      ))}
    </div>
  );
}
