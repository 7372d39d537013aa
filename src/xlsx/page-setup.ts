// A plan's PrintSetup as SpreadsheetML: the worksheet's fit-to-page flag,
// margins, page setup (A4, orientation, pages wide and tall), header and
// footer, manual row breaks; and the workbook's defined names for the print
// titles and print area (_xlnm.Print_Titles, _xlnm.Print_Area, local to the
// sheet). Used by the writer (a new sheet, the summary rewritten in its
// part) and by createXlsx.

import { columnLetter, type HeaderFooterText, type PrintSetup } from '../core';
import { applySplices, findElements, prefixOf, setAttr, type Splice } from './edit';
import { placeChild } from './worksheet-order';
import type { WorksheetScan } from './worksheet-edit';
import { escapeAttr, escapeText } from './xml';

/** The file format's paper size code for A4 (CT_PageSetup paperSize: 9 = A4 210 × 297 mm). */
const A4_PAPER = 9;

/** A header or footer's three sections in one string: &L…&C…&R… */
function sections(text: HeaderFooterText | undefined): string {
  if (!text) return '';
  return `${text.left ? `&L${text.left}` : ''}${text.center ? `&C${text.center}` : ''}${text.right ? `&R${text.right}` : ''}`;
}

/** The worksheet elements of a print setup, each by its name (CT_Worksheet's; `sheetPr` only holds the fit-to-page flag). */
export function pageSetupElements(setup: PrintSetup, prefix = ''): { pageSetUpPr: string; pageMargins: string; pageSetup: string; headerFooter: string; rowBreaks: string } {
  const margins = setup.margins;
  const fits = setup.fitToWidth > 0 || setup.fitToHeight > 0;
  const header = sections(setup.header);
  const footer = sections(setup.footer);
  const breaks = [...new Set(setup.rowBreaks ?? [])].filter((r) => r > 0).sort((a, b) => a - b);
  return {
    pageSetUpPr: fits ? `<${prefix}pageSetUpPr fitToPage="1"/>` : '',
    pageMargins: `<${prefix}pageMargins left="${margins.left}" right="${margins.right}" top="${margins.top}" bottom="${margins.bottom}" header="${margins.header}" footer="${margins.footer}"/>`,
    pageSetup: `<${prefix}pageSetup paperSize="${A4_PAPER}" orientation="${setup.orientation}"${fits ? ` fitToWidth="${setup.fitToWidth}" fitToHeight="${setup.fitToHeight}"` : ''}/>`,
    headerFooter:
      header || footer
        ? `<${prefix}headerFooter>${header ? `<${prefix}oddHeader>${escapeText(header)}</${prefix}oddHeader>` : ''}${footer ? `<${prefix}oddFooter>${escapeText(footer)}</${prefix}oddFooter>` : ''}</${prefix}headerFooter>`
        : '',
    // A break's id is the 0-based row it comes before (Excel writes a break above row 21 as id="20").
    rowBreaks: breaks.length
      ? `<${prefix}rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<${prefix}brk id="${r}" max="16383" man="1"/>`).join('')}</${prefix}rowBreaks>`
      : '',
  };
}

/** A sheet's name in a reference: always quoted, an apostrophe doubled. */
const quoted = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

/** The defined names a print setup needs (print titles, print area), their values as Excel writes them. */
export function printNames(sheet: string, setup: PrintSetup): { name: string; value: string }[] {
  const names: { name: string; value: string }[] = [];
  if (setup.titleRows) names.push({ name: '_xlnm.Print_Titles', value: `${quoted(sheet)}!$${setup.titleRows.first + 1}:$${setup.titleRows.last + 1}` });
  if (setup.area) {
    const area = setup.area;
    names.push({ name: '_xlnm.Print_Area', value: `${quoted(sheet)}!$${columnLetter(area.left)}$${area.top + 1}:$${columnLetter(area.right)}$${area.bottom + 1}` });
  }
  return names;
}

export interface LocalName {
  name: string;
  /** The sheet's 0-based position among the workbook's <sheet> entries. */
  localSheetId: number;
  value: string;
}

export const definedNameXml = (n: LocalName, prefix = ''): string =>
  `<${prefix}definedName name="${escapeAttr(n.name)}" localSheetId="${n.localSheetId}">${escapeText(n.value)}</${prefix}definedName>`;

/** CT_Workbook's children that come after definedNames. */
const AFTER_DEFINED_NAMES = ['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

/**
 * workbook.xml with these sheet-local names set: a name the sheet has
 * already (the same name and localSheetId) gets the new value, the others
 * are added to <definedNames> (created where CT_Workbook puts it).
 */
export function withLocalNames(text: string, part: string, names: readonly LocalName[]): string {
  if (names.length === 0) return text;
  const elements = findElements(text, part, (name, path) => path.length === 0 || (path.length === 1 && (name === 'definedNames' || AFTER_DEFINED_NAMES.includes(name))) || (name === 'definedName' && path[path.length - 1] === 'definedNames'));
  const root = elements[0];
  const prefix = prefixOf(root.qname);
  const splices: Splice[] = [];
  const fresh: string[] = [];
  for (const name of names) {
    const existing = elements.find((e) => e.name === 'definedName' && e.attrs.name?.toLowerCase() === name.name.toLowerCase() && Number(e.attrs.localSheetId) === name.localSheetId);
    if (existing) splices.push({ start: existing.start, end: existing.end, text: definedNameXml(name, prefixOf(existing.qname)) });
    else fresh.push(definedNameXml(name, prefix));
  }
  if (fresh.length > 0) {
    const list = elements.find((e) => e.name === 'definedNames' && e.path.length === 1);
    if (list && !list.selfClosing) splices.push({ start: list.closeStart, end: list.closeStart, text: fresh.join('') });
    else {
      const wrapped = `<${prefix}definedNames>${fresh.join('')}</${prefix}definedNames>`;
      if (list) splices.push({ start: list.start, end: list.end, text: wrapped });
      else {
        const next = elements.find((e) => e.path.length === 1 && AFTER_DEFINED_NAMES.includes(e.name));
        const at = next ? next.start : root.closeStart;
        splices.push({ start: at, end: at, text: wrapped });
      }
    }
  }
  return applySplices(text, splices);
}

/**
 * A worksheet part rewritten to print as `setup`: the fit-to-page flag in
 * its sheetPr, its margins, page setup (keeping a printer-settings link it
 * had), header and footer and row breaks replaced or put in schema order.
 */
export function applyPageSetup(text: string, scan: WorksheetScan, setup: PrintSetup): string {
  const prefix = prefixOf(scan.rootQname);
  const elements = pageSetupElements(setup, prefix);
  const splices: Splice[] = [];
  const sheetPr = scan.top.get('sheetPr');
  if (elements.pageSetUpPr) {
    if (!sheetPr) splices.push(placeChild(text, scan, 'sheetPr', `<${prefix}sheetPr>${elements.pageSetUpPr}</${prefix}sheetPr>`));
    else splices.push({ start: sheetPr.start, end: sheetPr.end, text: withFitToPage(text.slice(sheetPr.start, sheetPr.end), prefix) });
  }
  splices.push(placeChild(text, scan, 'pageMargins', elements.pageMargins));
  const old = scan.top.get('pageSetup');
  const printer = old?.attrs['r:id'];
  const pageSetup = printer ? setAttr(elements.pageSetup, 'r:id', printer) : elements.pageSetup;
  splices.push(placeChild(text, scan, 'pageSetup', pageSetup));
  if (elements.headerFooter || scan.top.has('headerFooter')) splices.push(placeChild(text, scan, 'headerFooter', elements.headerFooter));
  if (elements.rowBreaks || scan.top.has('rowBreaks')) splices.push(placeChild(text, scan, 'rowBreaks', elements.rowBreaks));
  return applySplices(text, splices);
}

/** A <sheetPr> with <pageSetUpPr fitToPage="1"/> (the last of its children, so appended when missing). */
function withFitToPage(sheetPr: string, prefix: string): string {
  const existing = /<([\w.-]+:)?pageSetUpPr\b[^>]*?\/?>/.exec(sheetPr);
  if (existing) return sheetPr.replace(existing[0], setAttr(existing[0], 'fitToPage', '1'));
  if (sheetPr.endsWith('/>')) return `${sheetPr.slice(0, -2).replace(/\s+$/, '')}><${prefix}pageSetUpPr fitToPage="1"/></${prefix}sheetPr>`;
  const close = sheetPr.lastIndexOf('</');
  return `${sheetPr.slice(0, close)}<${prefix}pageSetUpPr fitToPage="1"/>${sheetPr.slice(close)}`;
}
