// A plan's or a report's table read as the source of a cycle form: its
// columns (each with its role and header text), its body rows and their
// kinds, how far right it reaches, and its merged areas carried to the
// form's rows and columns.

import type { TableEval } from './evaluate';
import type { Area } from './sheet';
import { cellText } from './text';
import type { Role, RowKind } from './types';

export interface SourceColumn {
  col: number;
  /** The role the recogniser gave the column (the first column of a role only), null for none. */
  role: Role | null;
  /** Its header as written (the text the role came from; the lowest header cell for a column without a role). */
  header: string;
}

/** The rightmost column a table reaches: its header's, or a group row merged further across (a column a paste left text in). */
function sourceRight(table: TableEval): number {
  const { info, grid } = table;
  let right = info.lastCol;
  for (const merge of grid.sheet.merges) {
    if (merge.top > info.firstRow && merge.bottom <= info.lastRow && merge.left <= info.firstCol && merge.right > right && merge.right - merge.left < 64) right = merge.right;
  }
  return right;
}

/** Every column of the table, left to right, with its role and header. */
export function sourceColumns(table: TableEval): SourceColumn[] {
  const { info, grid } = table;
  const firstOfRole = new Map<number, Role>();
  for (const role of Object.keys(table.roleCol) as Role[]) firstOfRole.set(table.roleCol[role]!, role);
  const out: SourceColumn[] = [];
  for (let col = info.firstCol, end = sourceRight(table); col <= end; col++) {
    const role = firstOfRole.get(col) ?? null;
    const fromRole = role ? info.columns.find((x) => x.col === col && x.role === role)?.header ?? '' : '';
    let header = fromRole;
    for (let k = info.headerRows.length - 1; k >= 0 && !header; k--) header = grid.isMergedSlave(info.headerRows[k], col) ? '' : cellText(grid.value(info.headerRows[k], col));
    out.push({ col, role, header });
  }
  return out;
}

/** The first and last rows under the header (and its column-number row). */
export function bodyRows(table: TableEval): { first: number; last: number } {
  const { info } = table;
  return { first: (info.numberRow ?? info.headerRows[info.headerRows.length - 1]) + 1, last: info.lastRow };
}

/** Each body row's kind (a row the recogniser did not list is blank). */
export function rowKinds(table: TableEval): Map<number, RowKind> {
  const kinds = new Map<number, RowKind>();
  for (const info of table.info.rows) kinds.set(info.row, info.kind);
  return kinds;
}

/**
 * The source's merged areas inside the body, on the form: rows through
 * `rowAt` (every row of the area must be carried), columns through
 * `colAt` (they must land side by side, in order); an area across the
 * whole table spans the form's table. Others are not carried (their
 * top-left value is).
 */
export function carriedMerges(
  table: TableEval,
  rowAt: (row: number) => number | undefined,
  colAt: (col: number) => number | undefined,
  formWidth: number,
): Area[] {
  const { first, last } = bodyRows(table);
  const right = sourceRight(table);
  const out: Area[] = [];
  for (const merge of table.grid.sheet.merges) {
    if (merge.top < first || merge.bottom > last || (merge.top === merge.bottom && merge.left === merge.right)) continue;
    const rows: number[] = [];
    for (let row = merge.top; row <= merge.bottom; row++) rows.push(rowAt(row) ?? -1);
    if (rows.some((r, i) => r < 0 || (i > 0 && r !== rows[i - 1] + 1))) continue;
    if (merge.left <= table.info.firstCol && merge.right >= right) {
      out.push({ top: rows[0], left: 0, bottom: rows[rows.length - 1], right: formWidth - 1 });
      continue;
    }
    const cols: number[] = [];
    for (let col = merge.left; col <= merge.right; col++) cols.push(colAt(col) ?? -1);
    if (cols.some((c, i) => c < 0 || (i > 0 && c !== cols[i - 1] + 1))) continue;
    if (rows.length === 1 && cols.length === 1) continue;
    out.push({ top: rows[0], left: cols[0], bottom: rows[rows.length - 1], right: cols[cols.length - 1] });
  }
  return out;
}
