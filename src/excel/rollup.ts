// The roll-up of many files (planRollup's new workbook) put into the open
// workbook as sheets of its own. Syncs: the workbook facts with its table
// names (1), the store (1, when there is one), write (1 for an ordinary
// roll-up; more only when its findings sheet is larger than one 5 MB request
// carries: a size-driven split, never one sync per row).
//
// Written through ranges, not Workbook.insertWorksheetsFromBase64
// (ExcelApi 1.13), for what the documentation and the issue tracker say
// of that method (docs/excel-api.md, "The roll-up"): the whole file goes in
// one request, which Excel on the web refuses over 5 MB and which cannot be
// split; what becomes of an inserted sheet or table whose name is taken is
// not documented (only the new sheets' ids come back); on the web it has
// failed with internal errors after inserting, or without
// (OfficeDev/office-js#3179, #3809, #6142) and turned table references into
// broken links (#5911). Through ranges the add-in picks free names itself,
// splits a large sheet by size, and knows what it added: Revert deletes
// exactly those sheets.

import { areaAddress, type PlannedCell, type PlannedSheet, type WorkbookPlan } from '../core';
import type { RollupResult } from './action-types';
import { writeAction } from './action';
import { chartOp, writeChanges } from './apply';
import { op, type Op } from './batch';
import type { HostEnv } from './env';
import { workbookProtected } from './errors';
import { hasSheet, metaOf, queueMeta } from './read';
import { activateOp, freezeOps, heightOps, placeSheetOps, printOps, widthOps, wrapOps } from './sheet-format';
import { STORE_SHEET, readStore } from './store';
import { changeOps } from './writes';

/** Excel's limits: a sheet name of 31 characters; 65,530 hyperlinks on a sheet (specifications and limits). */
const SHEET_NAME_LIMIT = 31;
export const HYPERLINKS_LIMIT = 65_530;

/** The name itself when free (case aside, as Excel compares), else "Name (2)", "Name (3)", … cut to 31 characters. */
export function freeSheetName(base: string, taken: Set<string>): string {
  const name = base.slice(0, SHEET_NAME_LIMIT);
  if (!taken.has(name.toLowerCase())) return name;
  for (let k = 2; ; k++) {
    const suffix = ` (${k})`;
    const candidate = `${name.slice(0, SHEET_NAME_LIMIT - suffix.length)}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** A table name unique in the workbook: the plan's, or "Findings_2", … */
function freeTableName(base: string, taken: Set<string>): string {
  if (!taken.has(base.toLowerCase())) return base;
  for (let k = 2; ; k++) if (!taken.has(`${base}_${k}`.toLowerCase())) return `${base}_${k}`;
}

/** The plan's sheets under free names, their table under a free name. (planRollup's formulas name no sheet: nothing to rewrite.) */
function placed(plan: WorkbookPlan, sheetNames: string[], tableNames: string[]): PlannedSheet[] {
  const sheets = new Set(sheetNames.map((n) => n.toLowerCase()));
  const tables = new Set(tableNames.map((n) => n.toLowerCase()));
  return plan.sheets.map((sheet) => {
    const name = freeSheetName(sheet.name, sheets);
    sheets.add(name.toLowerCase());
    if (!sheet.table) return { ...sheet, name };
    const table = { ...sheet.table, name: freeTableName(sheet.table.name, tables) };
    tables.add(table.name.toLowerCase());
    return { ...sheet, name, table };
  });
}

function text(cells: readonly PlannedCell[], row: number, col: number): string {
  const value = cells.find((c) => c.row === row && c.col === col)?.value;
  return value === null || value === undefined ? '' : String(value);
}

/** One planned sheet: added at the end, its cells, widths, frozen rows, links, the filterable table, the chart. */
function plannedSheetOps(sheet: PlannedSheet): Op[] {
  const ops: Op[] = [...placeSheetOps(sheet.name, { clear: null, position: null })];
  ops.push(...changeOps(sheet.name, writeChanges(sheet.cells, () => false), false));
  ops.push(...widthOps(sheet.name, sheet.columnWidths), ...freezeOps(sheet.name, sheet.frozenRows));
  ops.push(...wrapOps(sheet.name, sheet.wrap ?? [], []), ...heightOps(sheet.name, sheet.rowHeights ?? []), ...printOps(sheet.name, sheet.print));
  for (const link of sheet.links.slice(0, HYPERLINKS_LIMIT)) {
    const shown = text(sheet.cells, link.row, link.col);
    ops.push(op(link, (b) => (b.sheet(sheet.name).getRangeByIndexes(link.row, link.col, 1, 1).hyperlink = { address: link.target, textToDisplay: shown })));
  }
  const table = sheet.table;
  // A Range, not an address: an address without a sheet name goes to the active sheet (TableCollection.add doc comment).
  if (table) ops.push(op(table, (b) => (b.sheet(sheet.name).tables.add(b.sheet(sheet.name).getRange(areaAddress(table)), true).name = table.name), { once: true }));
  if (sheet.chart) ops.push(chartOp(sheet.name, sheet.chart));
  return ops;
}

export async function insertRollup(context: Excel.RequestContext, env: HostEnv, plan: WorkbookPlan): Promise<RollupResult> {
  const facts = queueMeta(context);
  const tables = context.workbook.tables;
  tables.load('items/name');
  await context.sync();
  const meta = metaOf(facts);
  if (plan.sheets.length === 0) return { sheets: [], table: null };
  if (meta.workbookProtected) throw workbookProtected();
  const sheets = placed(
    plan,
    meta.sheets.map((s) => s.name),
    tables.items.map((t) => t.name),
  );
  const store = await readStore(context, { exists: hasSheet(meta, STORE_SHEET) });
  const added = sheets.map((s) => s.name);
  await writeAction(context, { env, kind: 'rollup', meta, store, planned: [], notes: false, added, more: () => [...sheets.flatMap(plannedSheetOps), activateOp(added[0])] });
  return { sheets: added, table: sheets.find((s) => s.table)?.table?.name ?? null };
}
