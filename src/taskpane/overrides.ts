// The user's column-role corrections (settings.overrides), as the mapping
// editor reads and changes them. Pure functions: no React, no Office.
//
// An override names its table by sheet and first header row
// (TableInfo.headerRows[0]) and its column by 0-based index; the engine
// applies it on every analysis (recognize/columns.ts: "the user's corrections
// have the last word"), so the ribbon commands see the same corrections.

import { columnLetter, type ColumnInfo, type ColumnOverride, type RoleChoice, type TableInfo } from '../core';

function headerRowOf(table: TableInfo): number {
  return table.headerRows[0] ?? table.firstRow;
}

function sameTable(override: ColumnOverride, table: TableInfo): boolean {
  return override.sheet === table.sheet && override.headerRow === headerRowOf(table);
}

/** The user's override of one column of a table, if any. */
function overrideFor(overrides: ColumnOverride[], table: TableInfo, col: number): ColumnOverride | undefined {
  return overrides.find((o) => sameTable(o, table) && o.col === col);
}

/**
 * The overrides after the user chose `choice` for column `col` of `table`
 * (null: back to automatic recognition). A role other than "points" belongs
 * to one column only, so an earlier override giving that role to another
 * column of the same table is dropped (the engine moves the role likewise).
 */
export function withRoleChoice(
  overrides: ColumnOverride[],
  table: TableInfo,
  col: number,
  choice: RoleChoice | null,
): ColumnOverride[] {
  const kept = overrides.filter((override) => {
    if (!sameTable(override, table)) return true;
    if (override.col === col) return false;
    if (choice !== null && choice !== 'ignore' && choice !== 'points' && override.role === choice) return false;
    return true;
  });
  if (choice === null) return kept;
  return [...kept, { sheet: table.sheet, headerRow: headerRowOf(table), col, role: choice }];
}

/** One column of a table as the mapping editor lists it. */
export interface MappedColumn {
  col: number;
  letter: string;
  /** What the engine decided (absent: no role, or ignored). */
  info?: ColumnInfo;
  /** The user's correction, if any. */
  override?: ColumnOverride;
  /** The role shown: the override's, else the engine's; '' when the column has none. */
  choice: RoleChoice | '';
}

/**
 * Every column of the table's span, recognised or not (a role the user moves
 * away leaves its old column without one, and it must still be listed to be
 * given another).
 */
export function mappedColumns(table: TableInfo, overrides: ColumnOverride[]): MappedColumn[] {
  const columnIndexes = new Set<number>();
  for (let column = table.firstCol; column <= table.lastCol; column++) columnIndexes.add(column);
  for (const column of table.columns) columnIndexes.add(column.col);
  for (const override of overrides) if (sameTable(override, table)) columnIndexes.add(override.col);
  return [...columnIndexes]
    .sort((a, b) => a - b)
    .map((col) => {
      const info = table.columns.find((c) => c.col === col);
      const override = overrideFor(overrides, table, col);
      const choice: RoleChoice | '' = override?.role ?? info?.role ?? '';
      const out: MappedColumn = { col, letter: columnLetter(col), choice };
      if (info) out.info = info;
      if (override) out.override = override;
      return out;
    });
}
