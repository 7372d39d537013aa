// A recognised table: where it is, what it holds, and the role of each column
// (the mapping editor).

import { Caption1, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import { cellAddress, type ColumnOverride, type RoleChoice, type TableInfo } from '../../core';
import { KIND_NAMES } from '../../i18n/terms';
import { useUiText } from '../lang';
import { mappedColumns } from '../overrides';
import { ColumnRoleRow } from './ColumnRoleRow';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalM, gap: tokens.spacingVerticalS },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  facts: { display: 'flex', flexDirection: 'column', color: tokens.colorNeutralForeground2 },
  list: { margin: 0, padding: 0, listStyleType: 'none' },
  sub: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

function tableRange(table: TableInfo): string {
  return `${table.sheet}!${cellAddress(table.firstRow, table.firstCol)}:${cellAddress(table.lastRow, table.lastCol)}`;
}

export interface TableMappingCardProps {
  table: TableInfo;
  index: number;
  overrides: ColumnOverride[];
  knownHeaders: Map<string, string>;
  disabled: boolean;
  onChoose: (table: TableInfo, col: number, choice: RoleChoice | null) => void;
}

export function TableMappingCard({ table, index, overrides, knownHeaders, disabled, onChoose }: TableMappingCardProps) {
  const styles = useStyles();
  const { t: say, pick } = useUiText();
  const headingId = `table-${index}`;
  const items = table.rows.filter((r) => r.kind === 'item').length;
  return (
    <Card className={styles.card} aria-labelledby={headingId} data-table={table.id}>
      <h3 id={headingId} className={styles.title}>
        {say('tableCaption', { n: index + 1 })}
        {table.title ? `: ${table.title}` : ''}
      </h3>
      <div className={styles.facts}>
        <Text size={200}>
          {say('tableRange', { range: tableRange(table) })} · {pick(KIND_NAMES[table.kind])}
        </Text>
        <Text size={200}>{say('tableSummary', { items, groups: table.groups.length })}</Text>
      </div>
      <h4 className={styles.sub}>{say('columnRoles')}</h4>
      <Caption1>{say('columnRolesHint')}</Caption1>
      <ul className={styles.list}>
        {mappedColumns(table, overrides).map((column) => (
          <ColumnRoleRow
            key={column.col}
            column={column}
            knownHeader={knownHeaders.get(`${table.sheet}!${table.headerRows[0]}:${column.col}`)}
            disabled={disabled}
            onChoose={(col, choice) => onChoose(table, col, choice)}
          />
        ))}
      </ul>
    </Card>
  );
}
