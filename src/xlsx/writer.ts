// The engine's edit plan → a new .xlsx, by editing the package in place.
// Host-neutral (no Node APIs). Every part the plan does not need to change
// is copied out as it came (its compressed bytes untouched). The parts it
// changes are edited as text, keeping every element and attribute they
// hold: the worksheets written to (their <c> elements), styles.xml (append
// only), workbook.xml (calcPr fullCalcOnLoad; a <sheet> for a new summary),
// and for a new summary sheet its part, relationship and content type.
//
// The checked copy's marks (plan.marks): a fill on each finding's cell and a
// note (a legacy comment: comments part, VML drawing, relationships, content
// types), in marks.ts and comments.ts.
//
// Not written: the notes of Compute's writes (CellWrite.note); the command
// line lists every cell it wrote instead, and the Excel add-in writes them.

import { areaAddress, cellAddress, printSetupOf, type Area, type CellMark, type CellWrite, type EditPlan, type InputRule, type SheetPlan, type SummarySheetPlan } from '../core';
import type { PackageAccess } from './comments';
import { markSheet } from './marks';
import { applySplices, findElements, prefixFor, prefixOf, requireElement, setAttr, type Splice } from './edit';
import { XlsxError } from './errors';
import { contentTypeOf, entryOf, folderOf, parseContentTypes, parseRels, partText, relKind } from './package';
import type { XlsxSheet, XlsxWorkbook } from './reader';
import { colLetters, usedRef } from './refs';
import { applyPageSetup, pageSetupElements, printNames, withLocalNames, type LocalName } from './page-setup';
import { EMPTY_STYLES, StyleEditor, stylesFor, type Look } from './styles';
import { cellXml, scanWorksheet, writeCells } from './worksheet-edit';
import { escapeAttr } from './xml';
import { writeZip, type OutEntry, type ZipEntry } from './zip';

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STYLES_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const REL_TYPE = (kind: string) => `${REL_NS}/${kind}`;

const encoder = new TextEncoder();

/** A part's text as written back: UTF-8, so a UTF-16 declaration must say so. */
const toBytes = (text: string) => encoder.encode(text.replace(/^(<\?xml[^>]*encoding\s*=\s*["'])UTF-16(["'])/i, '$1UTF-8$2'));

/**
 * Applies a Compute plan to the workbook read by readXlsx and returns the
 * new file. Throws (a bug in the plan, never expected) when a write falls on
 * a protected sheet or inside a merged area other than its top-left cell.
 * A plan that writes nothing returns the input bytes unchanged.
 */
export function writeXlsx(book: XlsxWorkbook, plan: EditPlan): Uint8Array {
  const hasWrites = plan.sheets.some((s) => s.writes.length > 0) || plan.summary !== null || (plan.addedSheets?.length ?? 0) > 0 || (plan.marks?.length ?? 0) > 0;
  if (!hasWrites) return book.pkg.bytes;
  const edit = new PackageEdit(book);
  for (const edits of plan.sheets) edit.writeCells(edits.sheet, edits.writes);
  const marked = new Map<string, CellMark[]>();
  for (const mark of plan.marks ?? []) marked.set(mark.sheet, [...(marked.get(mark.sheet) ?? []), mark]);
  for (const [sheet, marks] of marked) edit.markCells(sheet, marks);
  if (plan.summary) edit.writeSummary(plan.summary);
  for (const sheet of plan.addedSheets ?? []) edit.writeWholeSheet(sheet);
  return edit.finish();
}

/** The parts of one package being changed, and how each change is made. */
class PackageEdit {
  private readonly pkg: XlsxWorkbook['pkg'];
  /** part → its new text. */
  private readonly changed = new Map<string, string>();
  /** New parts, in order. */
  private readonly added: string[] = [];
  private readonly removed = new Set<string>();
  /** A budget of its own: writing the same book again (a host that keeps it open) must not run the reader's limits down. */
  private readonly source: XlsxWorkbook['pkg'];
  private styles: StyleEditor | null = null;
  private stylesPart: string | null;
  private sheetsAdded = 0;
  private removedFormula = false;
  /** Print titles and areas of the sheets written whole, set in workbook.xml at the end. */
  private readonly localNames: LocalName[] = [];

  constructor(private readonly book: XlsxWorkbook) {
    this.pkg = book.pkg;
    this.source = { ...book.pkg, budget: { total: 0 } };
    this.stylesPart = book.pkg.stylesPart;
  }

  private text(part: string): string {
    const done = this.changed.get(part) ?? this.pkg.texts.get(part) ?? partText(this.source, part);
    if (done === undefined) throw new XlsxError('damaged', `${part} is missing`);
    return done;
  }

  /** Styles, created lazily on the first write that needs a format. */
  private readonly styleEditor = (): StyleEditor => {
    if (!this.styles) {
      if (!this.stylesPart) {
        this.stylesPart = `${folderOf(this.pkg.workbookPart)}styles.xml`;
        this.changed.set(this.stylesPart, EMPTY_STYLES);
        this.added.push(this.stylesPart);
        this.addRelationship(REL_TYPE('styles'), this.stylesPart.slice(folderOf(this.pkg.workbookPart).length));
        this.addOverride(this.stylesPart, STYLES_TYPE);
      }
      const text = this.text(this.stylesPart);
      const usable = stylesFor(text, this.stylesPart);
      if (usable !== text) this.changed.set(this.stylesPart, usable);
      this.styles = new StyleEditor(usable, this.stylesPart);
    }
    return this.styles;
  };

  writeCells(sheetName: string, writes: readonly CellWrite[]): void {
    if (writes.length === 0) return;
    const sheet = sheetNamed(this.book, sheetName);
    guard(sheet, writes);
    const result = writeCells(this.text(sheet.part!), sheet.part!, writes, this.styleEditor);
    this.changed.set(sheet.part!, result.text);
    this.removedFormula ||= result.removedFormula;
  }

  /** A checked copy's marks on one sheet: fills and notes, the cells' contents untouched. */
  markCells(sheetName: string, marks: readonly CellMark[]): void {
    const sheet = sheetNamed(this.book, sheetName);
    guard(sheet, marks);
    markSheet(this.access(), sheet.part!, marks, this.styleEditor);
  }

  /** The package's parts as the notes need them: read and write by name, new parts added. */
  private access(): PackageAccess {
    const worksheetType = parseRels(this.text(this.pkg.workbookRelsPart), this.pkg.workbookRelsPart, folderOf(this.pkg.workbookPart)).find((r) => relKind(r.type) === 'worksheet')?.type ?? REL_TYPE('worksheet');
    return {
      read: (part) => this.changed.get(part) ?? (this.removed.has(part) ? undefined : this.pkg.texts.get(part) ?? partText(this.source, part)),
      write: (part, text) => {
        if (!this.changed.has(part) && !entryOf(this.pkg.zip, part) && !this.added.includes(part)) this.added.push(part);
        this.changed.set(part, text);
      },
      parts: () => [...this.pkg.zip.entries.map((e) => e.name), ...this.added],
      contentTypesPart: this.pkg.contentTypesPart,
      relTypeBase: worksheetType.slice(0, worksheetType.lastIndexOf('/')),
    };
  }

  /** The summary: over the one Compute made before (its part kept, everything but its cells and view), or a new sheet. */
  writeSummary(summary: SummarySheetPlan): void {
    const existing = this.replaceable(summary);
    if (existing) {
      const old = this.text(existing.part!);
      this.removedFormula ||= scanWorksheet(old, existing.part!, new Set()).hasFormulas;
      this.changed.set(existing.part!, replaceSheetContent(old, existing.part!, summary, this.styleEditor));
      this.namePrintAreas(summary, this.book.sheets.indexOf(existing));
    } else this.addSheet(summary);
  }

  /** The print titles and area of a sheet written whole, at its position among the workbook's sheets. */
  private namePrintAreas(plan: SheetPlan, position: number): void {
    const setup = printSetupOf(plan);
    if (setup) this.localNames.push(...printNames(plan.name, setup).map((n) => ({ ...n, localSheetId: position })));
  }

  /** A sheet a command writes whole (the evaluation sheet): written again over the one it made before, or added. */
  writeWholeSheet(sheet: SheetPlan): void {
    const existing = this.replaceable(sheet);
    if (existing) {
      this.removedFormula ||= scanWorksheet(this.text(existing.part!), existing.part!, new Set()).hasFormulas;
      // The engine carried over what people typed in it.
      this.changed.set(existing.part!, newSheetXml(sheet, this.styleEditor));
      this.namePrintAreas(sheet, this.book.sheets.indexOf(existing));
    } else this.addSheet(sheet);
  }

  /** The sheet a plan replaces, when it replaces one; checks that a new one may be added otherwise. */
  private replaceable(plan: SheetPlan): XlsxSheet | undefined {
    const existing = this.book.sheets.find((s) => s.name === plan.name);
    if (plan.replaces && existing?.kind === 'worksheet') {
      if (existing.protected) throw new Error(`writeXlsx: the sheet "${existing.name}" is protected`);
      return existing;
    }
    if (existing) throw new Error(`writeXlsx: a sheet named "${plan.name}" exists and is not to be replaced`);
    if (this.book.workbookProtected) throw new Error('writeXlsx: the workbook structure is protected');
    return undefined;
  }

  /** The package: every input entry in its order (copied, or its new text), then the new parts. */
  finish(): Uint8Array {
    // Excel recalculates everything on opening: our cached results are only a courtesy.
    this.setFullCalcOnLoad();
    if (this.localNames.length > 0) this.changed.set(this.pkg.workbookPart, withLocalNames(this.text(this.pkg.workbookPart), this.pkg.workbookPart, this.localNames));
    if (this.styles?.changed) this.changed.set(this.stylesPart!, this.styles.result());
    if (this.removedFormula) this.dropCalcChain();
    const time = entryOf(this.pkg.zip, this.pkg.workbookPart)!;
    const out: OutEntry[] = [];
    for (const entry of this.pkg.zip.entries) {
      if (this.removed.has(entry.name)) continue;
      const newText = this.changed.get(entry.name);
      out.push(newText === undefined ? { kind: 'copy', entry } : newEntry(entry.name, newText, entry));
    }
    for (const part of this.added) out.push(newEntry(part, this.changed.get(part)!, time));
    return writeZip(out);
  }
  private addRelationship(type: string, target: string): string {
    const part = this.pkg.workbookRelsPart;
    const rels = this.text(part);
    const taken = new Set(parseRels(rels, part, folderOf(this.pkg.workbookPart)).map((r) => r.id));
    let idNumber = taken.size + 1;
    while (taken.has(`rId${idNumber}`)) idNumber++;
    const id = `rId${idNumber}`;
    const root = requireElement(findElements(rels, part, (name, path) => path.length === 0 && name === 'Relationships'), 'Relationships', part);
    const prefix = prefixOf(root.qname);
    const element = `<${prefix}Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(target)}"/>`;
    this.changed.set(part, root.selfClosing ? `${rels.slice(0, root.start)}${rels.slice(root.start, root.end - 2)}>${element}</${root.qname}>${rels.slice(root.end)}` : applySplices(rels, [{ start: root.closeStart, end: root.closeStart, text: element }]));
    return id;
  }

  private addOverride(part: string, type: string): void {
    const contentTypesPart = this.pkg.contentTypesPart;
    const contentTypes = this.text(contentTypesPart);
    if (contentTypeOf(parseContentTypes(contentTypes, contentTypesPart), part) === type) return;
    const root = requireElement(findElements(contentTypes, contentTypesPart, (name, path) => path.length === 0 && name === 'Types'), 'Types', contentTypesPart);
    const element = `<${prefixOf(root.qname)}Override PartName="/${escapeAttr(part)}" ContentType="${type}"/>`;
    this.changed.set(contentTypesPart, applySplices(contentTypes, [{ start: root.closeStart, end: root.closeStart, text: element }]));
  }

  private addSheet(sheet: SheetPlan): void {
    // The next free xl/worksheets/sheetN.xml (beside the other worksheets).
    const first = this.book.sheets.find((s) => s.kind === 'worksheet' && s.part)?.part ?? `${folderOf(this.pkg.workbookPart)}worksheets/sheet1.xml`;
    const folder = folderOf(first);
    let sheetNumber = 1;
    const names = new Set(this.pkg.zip.entries.map((e) => e.name.toLowerCase()));
    while (names.has(`${folder}sheet${sheetNumber}.xml`.toLowerCase()) || this.added.includes(`${folder}sheet${sheetNumber}.xml`)) sheetNumber++;
    const part = `${folder}sheet${sheetNumber}.xml`;
    this.changed.set(part, newSheetXml(sheet, this.styleEditor));
    this.added.push(part);
    // The relationship: the same Type string the workbook's worksheets use (transitional or strict).
    const workbookRels = parseRels(this.text(this.pkg.workbookRelsPart), this.pkg.workbookRelsPart, folderOf(this.pkg.workbookPart));
    const type = workbookRels.find((r) => relKind(r.type) === 'worksheet')?.type ?? REL_TYPE('worksheet');
    const target = relativeTarget(folderOf(this.pkg.workbookPart), part);
    const rId = this.addRelationship(type, target);
    this.addOverride(part, WORKSHEET_TYPE);
    // The <sheet> entry, last, with sheetId = max + 1.
    const workbookPart = this.pkg.workbookPart;
    const workbookXml = this.text(workbookPart);
    const sheetsElement = requireElement(findElements(workbookXml, workbookPart, (name, path) => name === 'sheets' && path.length === 1), 'sheets', workbookPart);
    // sheetId = max + 1, counting sheets this edit added already (a summary and an evaluation sheet in one plan).
    const position = this.book.sheets.length + this.sheetsAdded;
    const sheetId = Math.max(0, ...this.book.sheets.map((s) => s.sheetId)) + 1 + this.sheetsAdded++;
    this.namePrintAreas(sheet, position);
    const relationshipsPrefix = prefixFor(workbookXml, REL_NS) ?? prefixFor(workbookXml, 'http://purl.oclc.org/ooxml/officeDocument/relationships');
    const idAttr = relationshipsPrefix ? `${relationshipsPrefix}:id="${rId}"` : `xmlns:r="${REL_NS}" r:id="${rId}"`;
    const element = `<${prefixOf(sheetsElement.qname)}sheet name="${escapeAttr(sheet.name)}" sheetId="${sheetId}" ${idAttr}/>`;
    this.changed.set(
      workbookPart,
      sheetsElement.selfClosing
        ? applySplices(workbookXml, [{ start: sheetsElement.start, end: sheetsElement.end, text: `<${sheetsElement.qname}>${element}</${sheetsElement.qname}>` }])
        : applySplices(workbookXml, [{ start: sheetsElement.closeStart, end: sheetsElement.closeStart, text: element }]),
    );
  }

  private setFullCalcOnLoad(): void {
    const part = this.pkg.workbookPart;
    const workbookXml = this.text(part);
    const elements = findElements(workbookXml, part, (_name, path) => path.length <= 1);
    const root = elements[0];
    const calcPr = elements.find((e) => e.name === 'calcPr' && e.path.length === 1);
    let splice: Splice;
    if (calcPr) {
      if (calcPr.attrs.fullCalcOnLoad === '1' || calcPr.attrs.fullCalcOnLoad === 'true') return;
      const open = workbookXml.slice(calcPr.start, calcPr.openEnd);
      splice = { start: calcPr.start, end: calcPr.openEnd, text: setAttr(open, 'fullCalcOnLoad', '1') };
    } else {
      // CT_Workbook's order: calcPr comes before these.
      const after = ['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];
      const next = elements.find((e) => e.path.length === 1 && after.includes(e.name));
      const position = next ? next.start : root.closeStart;
      splice = { start: position, end: position, text: `<${prefixOf(root.qname)}calcPr fullCalcOnLoad="1"/>` };
    }
    this.changed.set(part, applySplices(workbookXml, [splice]));
  }

  /** calcChain.xml lists formula cells; one that lost its formula makes Excel repair the file, so the chain goes (Excel rebuilds it). */
  private dropCalcChain(): void {
    const rels = parseRels(this.text(this.pkg.workbookRelsPart), this.pkg.workbookRelsPart, folderOf(this.pkg.workbookPart));
    const chain = rels.find((r) => relKind(r.type) === 'calcChain');
    if (!chain) return;
    const entry = entryOf(this.pkg.zip, chain.target);
    if (entry) this.removed.add(entry.name);
    const relsText = this.text(this.pkg.workbookRelsPart);
    const element = findElements(relsText, this.pkg.workbookRelsPart, (name) => name === 'Relationship').find((e) => e.attrs.Id === chain.id);
    if (element) this.changed.set(this.pkg.workbookRelsPart, applySplices(relsText, [{ start: element.start, end: element.end, text: '' }]));
    const contentTypes = this.text(this.pkg.contentTypesPart);
    const override = findElements(contentTypes, this.pkg.contentTypesPart, (name) => name === 'Override').find((e) => (e.attrs.PartName ?? '').replace(/^\//, '').toLowerCase() === chain.target.toLowerCase());
    if (override) this.changed.set(this.pkg.contentTypesPart, applySplices(contentTypes, [{ start: override.start, end: override.end, text: '' }]));
  }
}

function newEntry(name: string, text: string, like: Pick<ZipEntry, 'dosTime' | 'dosDate'>): OutEntry {
  return { kind: 'new', name, data: toBytes(text), dosTime: like.dosTime, dosDate: like.dosDate };
}

function sheetNamed(book: XlsxWorkbook, name: string): XlsxSheet {
  const sheet = book.sheets.find((x) => x.name === name);
  if (!sheet || sheet.kind !== 'worksheet' || !sheet.part) throw new Error(`writeXlsx: no worksheet named "${name}"`);
  return sheet;
}

/** The safety net behind the engine's plan: nothing on a protected sheet, nothing inside a merged area but its top-left cell. */
function guard(sheet: XlsxSheet, writes: readonly Pick<CellWrite, 'row' | 'col'>[]): void {
  if (sheet.protected && writes.length > 0) throw new Error(`writeXlsx: the sheet "${sheet.name}" is protected`);
  const merges = sheet.sheet?.merges ?? [];
  if (merges.length === 0) return;
  for (const write of writes) {
    for (const merge of merges) {
      if (write.row >= merge.top && write.row <= merge.bottom && write.col >= merge.left && write.col <= merge.right && (write.row !== merge.top || write.col !== merge.left)) {
        throw new Error(`writeXlsx: ${sheet.name}!${cellAddress(write.row, write.col)} is inside the merged area ${cellAddress(merge.top, merge.left)}:${cellAddress(merge.bottom, merge.right)}`);
      }
    }
  }
}

/** A target relative to the workbook's folder ("worksheets/sheet2.xml"), or absolute when elsewhere. */
function relativeTarget(fromFolder: string, part: string): string {
  return part.startsWith(fromFolder) ? part.slice(fromFolder.length) : `/${part}`;
}

// ---- the summary sheet ----------------------------------------------------------

/** A new sheet's rows: its writes, plus the empty cells its borders cover, each with its look. */
function rowsXml(plan: Pick<SheetPlan, 'writes' | 'borders' | 'wrapColumns' | 'wrap' | 'rowHeights'>, styles: () => StyleEditor, prefix = ''): string {
  const cells = new Map<number, Map<number, { write: CellWrite | null; look: Look }>>();
  const at = (rowIndex: number, columnIndex: number) => {
    const row = cells.get(rowIndex) ?? new Map<number, { write: CellWrite | null; look: Look }>();
    cells.set(rowIndex, row);
    let cell = row.get(columnIndex);
    if (!cell) row.set(columnIndex, (cell = { write: null, look: {} }));
    return cell;
  };
  for (const write of plan.writes) {
    const cell = at(write.row, write.col);
    cell.write = write;
    if (write.numberFormat !== undefined) cell.look.numberFormat = write.numberFormat;
    if (write.bold) cell.look.bold = true;
  }
  for (const area of plan.borders ?? []) {
    for (let rowIndex = area.top; rowIndex <= area.bottom; rowIndex++) {
      for (let columnIndex = area.left; columnIndex <= area.right; columnIndex++) at(rowIndex, columnIndex).look.border = true;
    }
  }
  const wrap = new Set(plan.wrapColumns ?? []);
  const wrapped = (rowIndex: number, columnIndex: number) =>
    wrap.has(columnIndex) || (plan.wrap ?? []).some((area) => rowIndex >= area.top && rowIndex <= area.bottom && columnIndex >= area.left && columnIndex <= area.right);
  for (const [rowIndex, row] of cells) for (const [columnIndex, cell] of row) if (wrapped(rowIndex, columnIndex)) cell.look.wrap = true;
  const heights = new Map((plan.rowHeights ?? []).map((h) => [h.row, h.points]));
  return [...cells.keys()]
    .sort((a, b) => a - b)
    .map((rowIndex) => {
      const row = cells.get(rowIndex)!;
      const xml = [...row.keys()]
        .sort((a, b) => a - b)
        .map((columnIndex) => {
          const { write, look } = row.get(columnIndex)!;
          const plain = look.numberFormat === undefined && !look.bold && !look.border && !look.wrap;
          const style = plain ? 0 : styles().styleWith(0, look);
          return cellXml(`${colLetters(columnIndex)}${rowIndex + 1}`, style, write ?? { row: rowIndex, col: columnIndex, value: null }, undefined, prefix);
        })
        .join('');
      const height = heights.get(rowIndex);
      return `<${prefix}row r="${rowIndex + 1}"${height ? ` ht="${height}" customHeight="1"` : ''}>${xml}</${prefix}row>`;
    })
    .join('');
}

/** Merged areas, input rules, A4 printing: the parts of a new sheet after its cells. */
function mergesXml(merges: readonly Area[] | undefined): string {
  if (!merges || merges.length === 0) return '';
  return `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${areaAddress(m)}"/>`).join('')}</mergeCells>`;
}

function validationsXml(inputs: readonly InputRule[] | undefined): string {
  if (!inputs || inputs.length === 0) return '';
  // Excel caps an input message's title at 32 characters and its text at 255.
  const rules = inputs.map((i) => {
    // A list (a rating scale) offers its values in a drop-down and only warns of another number; a range refuses what is outside it.
    const kind = i.list ? `type="list" errorStyle="warning"` : `type="decimal"`;
    const formulas = i.list ? `<formula1>"${i.list.join(',')}"</formula1>` : `<formula1>${i.min}</formula1><formula2>${i.max}</formula2>`;
    return `<dataValidation ${kind} allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="${escapeAttr(i.title.slice(0, 32))}" error="${escapeAttr(i.message.slice(0, 225))}" promptTitle="${escapeAttr(i.title.slice(0, 32))}" prompt="${escapeAttr(i.message.slice(0, 255))}" sqref="${areaAddress(i.area)}">${formulas}</dataValidation>`;
  });
  return `<dataValidations count="${rules.length}">${rules.join('')}</dataValidations>`;
}

function colsXml(widths: readonly number[], prefix = ''): string {
  if (widths.length === 0) return '';
  const cols = widths.map((w, i) => `<${prefix}col min="${i + 1}" max="${i + 1}" width="${Math.round(w * 100) / 100}" customWidth="1"/>`).join('');
  return `<${prefix}cols>${cols}</${prefix}cols>`;
}

function viewsXml(frozenRows: number, prefix = ''): string {
  if (frozenRows <= 0) return `<${prefix}sheetViews><${prefix}sheetView workbookViewId="0"/></${prefix}sheetViews>`;
  const top = `A${frozenRows + 1}`;
  return (
    `<${prefix}sheetViews><${prefix}sheetView workbookViewId="0">` +
    `<${prefix}pane ySplit="${frozenRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/>` +
    `<${prefix}selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/>` +
    `</${prefix}sheetView></${prefix}sheetViews>`
  );
}

/** Links to places in the workbook (no relationship: a location). */
function linksXml(links: SheetPlan['links']): string {
  if (!links || links.length === 0) return '';
  return `<hyperlinks>${links.map((l) => `<hyperlink ref="${cellAddress(l.row, l.col)}" location="${escapeAttr(l.location)}" display="${escapeAttr(l.location)}"/>`).join('')}</hyperlinks>`;
}

function newSheetXml(plan: SheetPlan, styles: () => StyleEditor): string {
  const setup = printSetupOf(plan);
  const page = setup ? pageSetupElements(setup) : null;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    (page?.pageSetUpPr ? `<sheetPr>${page.pageSetUpPr}</sheetPr>` : '') +
    `<dimension ref="${usedRef(plan.writes)}"/>` +
    viewsXml(plan.frozenRows) +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    colsXml(plan.columnWidths) +
    `<sheetData>${rowsXml(plan, styles)}</sheetData>` +
    mergesXml(plan.merges) +
    validationsXml(plan.inputs) +
    linksXml(plan.links) +
    (page ? page.pageMargins + page.pageSetup + page.headerFooter + page.rowBreaks : `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`) +
    `</worksheet>`
  );
}

/**
 * The summary Compute made before, rewritten in its own part: its cell data
 * replaced by the plan's, its column widths and frozen rows set; everything
 * else of the part (page setup, a drawing someone added) kept.
 */
function replaceSheetContent(text: string, part: string, plan: SummarySheetPlan, styles: () => StyleEditor): string {
  const scan = scanWorksheet(text, part, new Set());
  const prefix = prefixOf(scan.rootQname);
  const sheetData = scan.top.get('sheetData');
  if (!sheetData) throw new XlsxError('damaged', `${part}: no <sheetData>`);
  const splices: Splice[] = [{ start: sheetData.start, end: sheetData.end, text: `<${prefix}sheetData>${rowsXml(plan, styles, prefix)}</${prefix}sheetData>` }];
  const cols = scan.top.get('cols');
  const views = scan.top.get('sheetViews');
  const viewsText = viewsXml(plan.frozenRows, prefix);
  // CT_Worksheet: sheetPr, dimension, sheetViews, sheetFormatPr, cols, sheetData… (views first: two inserts at one place keep their order).
  if (views) splices.push({ start: views.start, end: views.end, text: viewsText });
  else {
    const before = scan.top.get('sheetFormatPr') ?? cols ?? sheetData;
    splices.push({ start: before.start, end: before.start, text: viewsText });
  }
  const colsText = colsXml(plan.columnWidths, prefix);
  if (cols) splices.push({ start: cols.start, end: cols.end, text: colsText });
  else splices.push({ start: sheetData.start, end: sheetData.start, text: colsText });
  const dimension = scan.top.get('dimension');
  if (dimension) splices.push({ start: dimension.start, end: dimension.openEnd, text: setAttr(text.slice(dimension.start, dimension.openEnd), 'ref', usedRef(plan.writes)) });
  // Merged areas of the old contents would cover the new cells.
  const merges = scan.top.get('mergeCells');
  if (merges) splices.push({ start: merges.start, end: merges.end, text: '' });
  const rewritten = applySplices(text, splices);
  // How it prints: the plan's page setup over what the old one had (a printer-settings link kept).
  const setup = printSetupOf(plan);
  return setup ? applyPageSetup(rewritten, scanWorksheet(rewritten, part, new Set()), setup) : rewritten;
}
