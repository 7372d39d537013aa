// The checked copy: a workbook handed back "with the errors marked". Each
// finding is shown on its cell (a fill by severity and a note with the
// messages: CellMark), and a sheet lists them all — severity, the cell as a
// link to it, code, message, the quick fix offered — with the totals as
// formulas, printable on A4 landscape. `unelgee check`, the web page's
// Download after Validate and Excel's findings sheet share this plan. Light
// on purpose (no analysis here): the Excel adapter plans the sheet on the
// page's thread from an analysis the engine's worker made.

import { columnOf, layoutWidths, type SheetColumn } from './layout';
import { fitRowHeights, landscapeTable } from './print';
import { cellAddress, columnLetter, sheetRef, type Sheet } from './sheet';
import { cellText, fillTemplate } from './text';
import type { CellMark, CellWrite, EditPlan, Finding, Lang, Severity, SheetPlan, SkippedWrite } from './types';

/** The findings sheet's columns, by key: each declared once (src/i18n/findings-sheet.ts) with its width and header. */
export type FindingsColumnKey = 'severity' | 'cell' | 'code' | 'message' | 'fix';

export type FindingsColumn = SheetColumn<FindingsColumnKey>;

/** The words of the checked copy, in the user's language (src/i18n/findings-sheet.ts). */
export interface FindingsSheetWords {
  lang: Lang;
  /** The sheet's name (when free) and its title: "Алдаа, дутуу". */
  sheetName: string;
  /** The title line, "{title}: {file}" when the file is named. */
  titleLine: string;
  /** Under the title: what the marks and the links are. */
  guideLine: string;
  severities: Record<Severity, string>;
  /** The totals' last line: every finding. */
  totalLabel: string;
  /** In the list when there is nothing to list. */
  noFindings: string;
  columns: readonly FindingsColumn[];
  /** Starts each note the tool writes ("Үнэлгээ"), so a check of a checked copy finds its own notes. */
  notePrefix: string;
  /** The printed page's number in the footer, in Excel's codes. */
  pageNumbers: string;
  /** Every language's sheet name and first header: how a findings sheet the tool made is known. */
  signatures: readonly { title: string; firstHeader: string }[];
}

/** Excel's own "Bad" and "Neutral" fills for errors and warnings, a light blue for information (as the add-in's marks: src/excel/marks.ts). */
const SEVERITY_FILLS: Record<Severity, string> = { error: 'FFC7CE', warning: 'FFEB9C', info: 'DDEBF7' };

/** Findings about a whole sheet are listed, not painted on its A1. */
const SHEET_LEVEL = new Set(['header-not-found', 'sheet-unreadable']);
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Rows of the sheet: the title, the guide, a line per severity and the total, a blank, the header, the findings. */
const ROW = { title: 0, guide: 1, totals: 2, header: 7, first: 8 } as const;

/** Each finding's cell with the messages on it, the most severe first: its fill and its note (the prefix, then a line per finding). */
function cellMarks(findings: readonly Finding[], words: Pick<FindingsSheetWords, 'lang' | 'severities' | 'notePrefix'>): CellMark[] {
  const byCell = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (SHEET_LEVEL.has(finding.code)) continue;
    const key = `${finding.sheet}\u0000${finding.row}\u0000${finding.col}`;
    byCell.set(key, [...(byCell.get(key) ?? []), finding]);
  }
  return [...byCell.values()].map((list) => {
    const sorted = [...list].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
    const top = sorted[0];
    const lines = sorted.map((finding) => `${words.severities[finding.severity]}: ${finding.message[words.lang]}`);
    return { sheet: top.sheet, row: top.row, col: top.col, severity: top.severity, fill: SEVERITY_FILLS[top.severity], note: `${words.notePrefix} · ${lines.join('\n')}` };
  });
}

/** A findings sheet the tool made (in any language): its title in A1 and its first header on the header row. */
export function isOwnFindingsSheet(sheet: Sheet, words: Pick<FindingsSheetWords, 'signatures'>): boolean {
  const at = (row: number, col: number) => cellText(sheet.values[row - sheet.startRow]?.[col - sheet.startCol] ?? null).trim();
  return words.signatures.some((signature) => at(ROW.title, 0).startsWith(signature.title) && at(ROW.header, 0) === signature.firstHeader);
}

/** Where the sheet goes: over the findings sheet made before, else under the first free name ("Алдаа, дутуу (2)"). */
export function findingsSheetName(sheets: readonly Sheet[], takenNames: readonly string[], words: FindingsSheetWords): { name: string; replaces: boolean } {
  const own = sheets.find((sheet) => isOwnFindingsSheet(sheet, words));
  if (own) return { name: own.name, replaces: true };
  // Excel compares sheet names without regard to case.
  const taken = new Set([...sheets.map((sheet) => sheet.name.toLowerCase()), ...takenNames.map((other) => other.toLowerCase())]);
  let name = words.sheetName;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${words.sheetName} (${k})`;
  return { name, replaces: false };
}

/** The column of a key (0-based), as the words declare them. */
export function findingsColumn(words: Pick<FindingsSheetWords, 'columns'>, key: FindingsColumnKey): number {
  return columnOf(words.columns, key);
}

/**
 * The findings sheet: the title (naming the file when given), a line on
 * what the marks and links are, the totals by severity as COUNTIF formulas
 * over the list, then a row per finding in the workbook's order (sheet,
 * row, column): severity, the cell as a link to it, code, message, the
 * quick fix offered. Printed A4 landscape, one page wide, the header row on
 * every page.
 */
export function planFindingsSheet(findings: readonly Finding[], words: FindingsSheetWords, name: { name: string; replaces: boolean }, sheetOrder: readonly string[], file?: string): SheetPlan {
  const writes: CellWrite[] = [];
  const put = (row: number, col: number, value: CellWrite['value'], extra: Partial<CellWrite> = {}) => writes.push({ row, col, value, ...extra });
  const col = (key: FindingsColumnKey) => findingsColumn(words, key);
  const lang = words.lang;
  put(ROW.title, 0, file ? fillTemplate(words.titleLine, { title: words.sheetName, file }) : words.sheetName, { bold: true });
  put(ROW.guide, 0, words.guideLine);
  words.columns.forEach((column, index) => put(ROW.header, index, column.header[lang], { bold: true }));

  const order = new Map(sheetOrder.map((sheet, index) => [sheet, index]));
  const listed = [...findings].sort((a, b) => (order.get(a.sheet) ?? 1e9) - (order.get(b.sheet) ?? 1e9) || a.row - b.row || a.col - b.col || RANK[a.severity] - RANK[b.severity]);
  const links: NonNullable<SheetPlan['links']> = [];
  listed.forEach((finding, index) => {
    const row = ROW.first + index;
    put(row, col('severity'), words.severities[finding.severity]);
    put(row, col('cell'), `${finding.sheet}!${finding.cell}`);
    links.push({ row, col: col('cell'), location: `${sheetRef(finding.sheet)}!${finding.cell}` });
    put(row, col('code'), finding.code);
    put(row, col('message'), finding.message[lang]);
    if (finding.fix) put(row, col('fix'), finding.fix.description[lang]);
  });
  if (listed.length === 0) put(ROW.first, 0, words.noFindings);
  const last = ROW.first + Math.max(listed.length, 1) - 1;

  // The totals count the list, so they follow it when a reviewer deletes a line.
  const severityColumn = columnLetter(col('severity'));
  const range = `$${severityColumn}$${ROW.first + 1}:$${severityColumn}$${last + 1}`;
  SEVERITIES.forEach((severity, index) => {
    const row = ROW.totals + index;
    put(row, 0, words.severities[severity], { bold: true });
    put(row, 1, listed.filter((finding) => finding.severity === severity).length, { formula: `=COUNTIF(${range},${cellAddress(row, 0)})` });
  });
  const totalRow = ROW.totals + SEVERITIES.length;
  put(totalRow, 0, words.totalLabel, { bold: true });
  put(totalRow, 1, listed.length, { formula: `=SUM(${cellAddress(ROW.totals, 1)}:${cellAddress(totalRow - 1, 1)})`, bold: true });

  const widths = layoutWidths(words.columns);
  const right = widths.length - 1;
  const wrap = [{ top: ROW.header, left: 0, bottom: last, right }];
  const rowHeights = fitRowHeights(writes, widths, (row, col) => row >= ROW.header && row <= last && col <= right);
  const print = landscapeTable({ first: ROW.header, last: ROW.header }, words.pageNumbers, { area: { top: 0, left: 0, bottom: last, right } });
  return { name: name.name, replaces: name.replaces, frozenRows: ROW.first, writes, columnWidths: widths, wrap, rowHeights, links, print };
}

export interface CheckedCopyInput {
  /** The workbook's sheets (visible ones: those the findings are about), the findings sheet made before among them, if any. */
  sheets: readonly Sheet[];
  /** The findings of the sheets (an analysis without the findings sheet made before). */
  findings: readonly Finding[];
  /** Names of the workbook's sheets not among `sheets` (hidden ones): the new sheet never takes one. */
  takenNames?: readonly string[];
  /** Sheets whose cells are protected: their cells are listed but not marked. */
  protectedSheets?: readonly string[];
  /** No sheet can be added: the list is left out (a findings sheet made before may still be rewritten). */
  workbookProtected?: boolean;
  /** The file's name, for the title. */
  file?: string;
}

/**
 * The checked copy's plan: every finding marked on its cell (a fill and a
 * note; not on a protected sheet) and the findings sheet, over the one made
 * before or under a free name. No cell's contents are written.
 */
export function planCheckedCopy(input: CheckedCopyInput, words: FindingsSheetWords): EditPlan {
  const locked = new Set(input.protectedSheets ?? []);
  const skipped: SkippedWrite[] = [];
  const marks: CellMark[] = [];
  for (const mark of cellMarks(input.findings, words)) {
    if (!locked.has(mark.sheet)) marks.push(mark);
    else if (!skipped.some((skip) => skip.sheet === mark.sheet)) skipped.push({ sheet: mark.sheet, row: mark.row, col: mark.col, tableId: '', reason: 'sheet-protected' });
  }
  const name = findingsSheetName(input.sheets, input.takenNames ?? [], words);
  const sheet = planFindingsSheet(
    input.findings,
    words,
    name,
    input.sheets.map((sheet) => sheet.name),
    input.file,
  );
  const refused = name.replaces ? (locked.has(name.name) ? 'sheet-protected' : null) : input.workbookProtected ? 'workbook-protected' : null;
  if (refused) skipped.push({ sheet: name.name, row: 0, col: 0, tableId: '', reason: refused });
  const added = refused ? [] : [sheet];
  return {
    sheets: [],
    summary: null,
    addedSheets: added,
    marks,
    skipped,
    writtenCells: added.flatMap((plan) => plan.writes.map((write) => `${plan.name}!${cellAddress(write.row, write.col)}`)),
  };
}
