// A NEW .xlsx from a workbook plan (the engine's WorkbookPlan: sheets as
// cells, column widths, frozen rows, links and a filterable table), for the
// roll-up. Host-neutral, like the rest of src/xlsx: Uint8Array out, no Node
// APIs, so the web page can build the same file.
//
// The package is the smallest one Excel and LibreOffice open without a
// repair: content types, the package and workbook relationships, the
// workbook (calcPr fullCalcOnLoad, so formulas are recalculated on opening),
// styles (a bold font and the number formats the plan asks for), shared
// strings, one part per sheet (dimension, frozen pane, column widths, cells,
// hyperlinks, table part) with its relationships (external links, the
// table) and a table part per filterable table.

import { cellAddress, type PlannedCell, type PlannedSheet, type PlannedTable, type WorkbookPlan } from '../core';
import { builtinId } from './numfmt';
import { definedNameXml, pageSetupElements, printNames, type LocalName } from './page-setup';
import { usedRef } from './refs';
import { encodeCellText, escapeAttr, escapeText } from './xml';
import { writeZip, type OutEntry } from './zip';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CONTENT_TYPES = {
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  sharedStrings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
};
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Sheet names Excel accepts: 1–31 characters, none of : \ / ? * [ ], not starting or ending with an apostrophe. */
function validSheetName(name: string): boolean {
  return name.length > 0 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !name.startsWith("'") && !name.endsWith("'");
}

/** Table names: a letter or underscore, then letters, digits, underscores and dots; not a cell reference. */
function validTableName(name: string): boolean {
  return /^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[rRcC]$/.test(name);
}

/** Cell styles: the default, then one xf per distinct (number format, bold, wrapped). */
class Styles {
  private readonly xfs: { numFmtId: number; bold: boolean; wrap: boolean }[] = [{ numFmtId: 0, bold: false, wrap: false }];
  private readonly byKey = new Map<string, number>([['0|0|0', 0]]);
  private readonly custom = new Map<string, number>();

  indexOf(cell: PlannedCell, wrap = false): number {
    if (cell.numberFormat === undefined && !cell.bold && !wrap) return 0;
    const numFmtId = cell.numberFormat === undefined ? 0 : this.numFmtId(cell.numberFormat);
    const key = `${numFmtId}|${cell.bold ? 1 : 0}|${wrap ? 1 : 0}`;
    let index = this.byKey.get(key);
    if (index === undefined) {
      index = this.xfs.length;
      this.xfs.push({ numFmtId, bold: !!cell.bold, wrap });
      this.byKey.set(key, index);
    }
    return index;
  }

  private numFmtId(code: string): number {
    const builtin = builtinId(code);
    if (builtin !== undefined) return builtin;
    let id = this.custom.get(code);
    if (id === undefined) {
      id = 164 + this.custom.size;
      this.custom.set(code, id);
    }
    return id;
  }

  xml(): string {
    const numFmts = this.custom.size
      ? `<numFmts count="${this.custom.size}">${[...this.custom].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`).join('')}</numFmts>`
      : '';
    const xf = (x: { numFmtId: number; bold: boolean; wrap: boolean }) =>
      `<xf numFmtId="${x.numFmtId}" fontId="${x.bold ? 1 : 0}" fillId="0" borderId="0" xfId="0"${x.numFmtId ? ' applyNumberFormat="1"' : ''}${x.bold ? ' applyFont="1"' : ''}` +
      (x.wrap ? ` applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` : '/>');
    return (
      XML_HEAD +
      `<styleSheet xmlns="${MAIN_NS}">${numFmts}` +
      `<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
      `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${this.xfs.length}">${this.xfs.map(xf).join('')}</cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
      `<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>` +
      `</styleSheet>`
    );
  }
}

/** The shared string table: each distinct text once. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  count = 0;

  indexOf(text: string): number {
    this.count++;
    let index = this.index.get(text);
    if (index === undefined) {
      index = this.list.length;
      this.list.push(text);
      this.index.set(text, index);
    }
    return index;
  }

  xml(): string {
    const items = this.list.map((t) => `<si><t${/^\s|\s$|\n/.test(t) ? ' xml:space="preserve"' : ''}>${encodeCellText(t)}</t></si>`);
    return XML_HEAD + `<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.list.length}">${items.join('')}</sst>`;
  }
}

function cellXml(cell: PlannedCell, styles: Styles, strings: SharedStrings, wrap = false): string {
  const ref = cellAddress(cell.row, cell.col);
  const styleIndex = styles.indexOf(cell, wrap);
  const styleAttr = styleIndex ? ` s="${styleIndex}"` : '';
  const value = cell.value;
  if (cell.formula) {
    const formulaXml = `<f>${escapeText(cell.formula.replace(/^=/, ''))}</f>`;
    if (value === null) return `<c r="${ref}"${styleAttr}>${formulaXml}</c>`;
    if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"${styleAttr}>${formulaXml}<v>${value}</v></c>` : `<c r="${ref}"${styleAttr} t="e">${formulaXml}<v>#NUM!</v></c>`;
    if (typeof value === 'boolean') return `<c r="${ref}"${styleAttr} t="b">${formulaXml}<v>${value ? 1 : 0}</v></c>`;
    return `<c r="${ref}"${styleAttr} t="str">${formulaXml}<v>${encodeCellText(value)}</v></c>`;
  }
  if (value === null || value === '') return styleAttr ? `<c r="${ref}"${styleAttr}/>` : '';
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"${styleAttr}><v>${value}</v></c>` : `<c r="${ref}"${styleAttr} t="e"><v>#NUM!</v></c>`;
  if (typeof value === 'boolean') return `<c r="${ref}"${styleAttr} t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${styleAttr} t="s"><v>${strings.indexOf(value)}</v></c>`;
}

const areaRef = (top: number, left: number, bottom: number, right: number) => `${cellAddress(top, left)}:${cellAddress(bottom, right)}`;

interface SheetParts {
  xml: string;
  rels: string | null;
  tables: { part: string; xml: string }[];
}

/**
 * The worksheet part of one planned sheet. `tableIds` gives the table part's
 * number and id (unique across the workbook).
 */
function sheetXml(sheet: PlannedSheet, first: boolean, styles: Styles, strings: SharedStrings, tableId: number): SheetParts {
  const rels: string[] = [];
  const rel = (type: string, target: string, external: boolean) => {
    const id = `rId${rels.length + 1}`;
    rels.push(`<Relationship Id="${id}" Type="${REL_NS}/${type}" Target="${escapeAttr(target)}"${external ? ' TargetMode="External"' : ''}/>`);
    return id;
  };

  const byRow = new Map<number, PlannedCell[]>();
  for (const cell of sheet.cells) {
    const list = byRow.get(cell.row);
    if (list) list.push(cell);
    else byRow.set(cell.row, [cell]);
  }
  const wraps = (r: number, c: number) => (sheet.wrap ?? []).some((a) => r >= a.top && r <= a.bottom && c >= a.left && c <= a.right);
  const heights = new Map((sheet.rowHeights ?? []).map((h) => [h.row, h.points]));
  const rowsXml: string[] = [];
  for (const rowIndex of [...byRow.keys()].sort((a, b) => a - b)) {
    const cells = byRow
      .get(rowIndex)!
      .sort((a, b) => a.col - b.col)
      .map((c) => cellXml(c, styles, strings, wraps(c.row, c.col)))
      .join('');
    const height = heights.get(rowIndex);
    if (cells) rowsXml.push(`<row r="${rowIndex + 1}"${height ? ` ht="${height}" customHeight="1"` : ''}>${cells}</row>`);
  }
  const page = sheet.print ? pageSetupElements(sheet.print) : null;

  const top = `A${sheet.frozenRows + 1}`;
  const view =
    sheet.frozenRows > 0
      ? `<sheetView${first ? ' tabSelected="1"' : ''} workbookViewId="0"><pane ySplit="${sheet.frozenRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/></sheetView>`
      : `<sheetView${first ? ' tabSelected="1"' : ''} workbookViewId="0"/>`;
  const cols = sheet.columnWidths.length
    ? `<cols>${sheet.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.round(w * 100) / 100}" customWidth="1"/>`).join('')}</cols>`
    : '';
  const links = sheet.links.length
    ? `<hyperlinks>${sheet.links.map((l) => `<hyperlink ref="${cellAddress(l.row, l.col)}" r:id="${rel('hyperlink', l.target, true)}"/>`).join('')}</hyperlinks>`
    : '';
  const tables: SheetParts['tables'] = [];
  let tableParts = '';
  if (sheet.table) {
    const part = `xl/tables/table${tableId}.xml`;
    const rId = rel('table', `../tables/table${tableId}.xml`, false);
    tables.push({ part, xml: tableXml(sheet.table, tableId) });
    tableParts = `<tableParts count="1"><tablePart r:id="${rId}"/></tableParts>`;
  }
  const xml =
    XML_HEAD +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    (page?.pageSetUpPr ? `<sheetPr>${page.pageSetUpPr}</sheetPr>` : '') +
    `<dimension ref="${usedRef(sheet.cells)}"/>` +
    `<sheetViews>${view}</sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    cols +
    `<sheetData>${rowsXml.join('')}</sheetData>` +
    links +
    (page ? page.pageMargins + page.pageSetup + page.headerFooter + page.rowBreaks : `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`) +
    tableParts +
    `</worksheet>`;
  const relsXml = rels.length ? XML_HEAD + `<Relationships xmlns="${PKG_REL_NS}">${rels.join('')}</Relationships>` : null;
  return { xml, rels: relsXml, tables };
}

/** A table part: its range, an autoFilter over it, its column names and a banded style. */
function tableXml(table: PlannedTable, id: number): string {
  const ref = areaRef(table.top, table.left, table.bottom, table.right);
  // Column names as Excel stores them: a line break as _x000a_, a literal "_xHHHH_" with its underscore escaped.
  const name = (s: string) => escapeAttr(s.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_').replace(/\r?\n/g, '_x000a_'));
  const columns = table.columns.map((c, i) => `<tableColumn id="${i + 1}" name="${name(c)}"/>`).join('');
  return (
    XML_HEAD +
    `<table xmlns="${MAIN_NS}" id="${id}" name="${table.name}" displayName="${table.name}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/>` +
    `<tableColumns count="${table.columns.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    `</table>`
  );
}

/** The print titles and areas of the sheets, as names local to each sheet. */
function definedNamesXml(plan: WorkbookPlan): string {
  const names: LocalName[] = plan.sheets.flatMap((s, i) => (s.print ? printNames(s.name, s.print).map((n) => ({ ...n, localSheetId: i })) : []));
  return names.length ? `<definedNames>${names.map((n) => definedNameXml(n)).join('')}</definedNames>` : '';
}

/** Checks what Excel would refuse to open, so a bad plan fails here rather than in the user's Excel. */
function check(plan: WorkbookPlan): void {
  if (plan.sheets.length === 0) throw new Error('createXlsx: a workbook needs a sheet');
  const names = new Set<string>();
  const tableNames = new Set<string>();
  for (const sheet of plan.sheets) {
    if (!validSheetName(sheet.name)) throw new Error(`createXlsx: "${sheet.name}" is not a sheet name Excel accepts`);
    if (names.has(sheet.name.toLowerCase())) throw new Error(`createXlsx: two sheets named "${sheet.name}"`);
    names.add(sheet.name.toLowerCase());
    const table = sheet.table;
    if (!table) continue;
    if (!validTableName(table.name) || tableNames.has(table.name.toLowerCase())) throw new Error(`createXlsx: "${table.name}" is not a table name Excel accepts`);
    tableNames.add(table.name.toLowerCase());
    if (table.right - table.left + 1 !== table.columns.length || table.bottom <= table.top) throw new Error(`createXlsx: table ${table.name} needs a header row, a data row and a name per column`);
    if (new Set(table.columns.map((c) => c.toLowerCase())).size !== table.columns.length) throw new Error(`createXlsx: table ${table.name} repeats a column name`);
    for (let column = table.left; column <= table.right; column++) {
      const head = sheet.cells.find((x) => x.row === table.top && x.col === column);
      if (!head || head.formula || head.value !== table.columns[column - table.left]) throw new Error(`createXlsx: the header cell ${cellAddress(table.top, column)} of table ${table.name} must hold "${table.columns[column - table.left]}"`);
    }
  }
}

/** The DOS date and time of a moment (the zip's timestamps), in local time as zip tools expect. */
function dosTime(moment: Date): { dosTime: number; dosDate: number } {
  const year = Math.max(1980, moment.getFullYear());
  return {
    dosTime: (moment.getHours() << 11) | (moment.getMinutes() << 5) | (moment.getSeconds() >> 1),
    dosDate: ((year - 1980) << 9) | ((moment.getMonth() + 1) << 5) | moment.getDate(),
  };
}

const encoder = new TextEncoder();

/**
 * Writes a new .xlsx from a workbook plan. Throws when the plan holds what
 * Excel would refuse (a sheet name it does not accept or repeats, a table
 * whose header cells do not hold its column names).
 */
export function createXlsx(plan: WorkbookPlan, options: { modified?: Date } = {}): Uint8Array {
  check(plan);
  const styles = new Styles();
  const strings = new SharedStrings();
  const time = dosTime(options.modified ?? new Date());
  const entries: OutEntry[] = [];
  const add = (name: string, text: string) => entries.push({ kind: 'new', name, data: encoder.encode(text), ...time });

  const sheets = plan.sheets.map((s, i) => sheetXml(s, i === 0, styles, strings, i + 1));
  const overrides: string[] = [
    `<Override PartName="/xl/workbook.xml" ContentType="${CONTENT_TYPES.workbook}"/>`,
    `<Override PartName="/xl/styles.xml" ContentType="${CONTENT_TYPES.styles}"/>`,
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${CONTENT_TYPES.sharedStrings}"/>`,
  ];
  sheets.forEach((sheet, i) => {
    overrides.push(`<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CONTENT_TYPES.worksheet}"/>`);
    for (const table of sheet.tables) overrides.push(`<Override PartName="/${table.part}" ContentType="${CONTENT_TYPES.table}"/>`);
  });
  add(
    '[Content_Types].xml',
    XML_HEAD +
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="${CONTENT_TYPES.rels}"/><Default Extension="xml" ContentType="application/xml"/>` +
      overrides.join('') +
      `</Types>`,
  );
  add('_rels/.rels', XML_HEAD + `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);

  const sheetCount = plan.sheets.length;
  const workbookRels = plan.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  workbookRels.push(`<Relationship Id="rId${sheetCount + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>`);
  workbookRels.push(`<Relationship Id="rId${sheetCount + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`);
  add(
    'xl/workbook.xml',
    XML_HEAD +
      `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      `<bookViews><workbookView activeTab="0"/></bookViews>` +
      `<sheets>${plan.sheets.map((s, i) => `<sheet name="${escapeAttr(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>` +
      definedNamesXml(plan) +
      `<calcPr calcId="191029" fullCalcOnLoad="1"/>` +
      `</workbook>`,
  );
  add('xl/_rels/workbook.xml.rels', XML_HEAD + `<Relationships xmlns="${PKG_REL_NS}">${workbookRels.join('')}</Relationships>`);
  sheets.forEach((sheet, i) => {
    add(`xl/worksheets/sheet${i + 1}.xml`, sheet.xml);
    if (sheet.rels) add(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, sheet.rels);
    for (const table of sheet.tables) add(table.part, table.xml);
  });
  // Written after the sheets: they fill the style and string tables.
  add('xl/styles.xml', styles.xml());
  add('xl/sharedStrings.xml', strings.xml());
  return writeZip(entries);
}
