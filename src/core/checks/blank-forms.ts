// Forms still to be filled: a report whose results are all still empty (a
// report form just made from its plan) and a plan whose targets are all
// still empty (next year's plan just made from a report). The items' own
// findings stay (a missing percent on each item of the report); what would
// only repeat the obvious on every item goes (the achieved level of each
// item of an empty report; each item's missing target, which becomes one
// note for the plan's table).

import type { TableEval } from '../evaluate';
import { columnLetter } from '../sheet';
import type { BlankForm, CheckContext } from './context';

const isEmpty = (kind: string) => kind === 'empty' || kind === 'none';

export function blankForm(table: TableEval): BlankForm {
  const items = table.items;
  const report = table.info.kind !== 'plan';
  return {
    results: report && items.length > 0 && items.every((it) => it.parsed.achieved.kind === 'empty' && (it.percent === undefined || it.percent.kind === 'empty' || it.percent.kind === 'merged') && !it.misplaced),
    targets: !report && items.length > 0 && table.roleCol.target !== undefined && items.every((it) => isEmpty(it.parsed.target.kind)),
  };
}

/** The table's one note that its targets are still to be set, on the target column's header. */
export function checkBlankTargets(ctx: CheckContext): void {
  const col = ctx.col('target');
  const info = ctx.table.info;
  if (!ctx.blank?.targets || col === undefined) return;
  const headerRow = info.headerRows[info.headerRows.length - 1];
  ctx.report.add('targets-empty', 'default', { row: headerRow, col }, { count: ctx.table.items.length, column: columnLetter(col) }, { data: { count: ctx.table.items.length } });
}
