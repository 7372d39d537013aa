// .xlsx bytes → the engine's sheets, plus what Compute and the writer need
// to know about the workbook (hidden and protected sheets, structure
// protection, macros). Host-neutral: no Node APIs, so it can run in a
// browser or a Web Worker.
//
// Only the parts the engine needs are inflated and parsed, with saxes:
// [Content_Types].xml, _rels/.rels, the workbook and its rels, the shared
// strings, the styles and each worksheet. Everything else stays compressed,
// as it came, for the writer to copy out. Data validations, conditional
// formats, hyperlinks, drawings… are never read: a hyperlinked cell reads as
// its value.

import type { Area, CellValue, Sheet } from '../core';
import { DEFAULT_LIMITS, XlsxError, type Limits } from './errors';
import { formatCode } from './numfmt';
import {
  contentTypeOf,
  entryOf,
  folderOf,
  parseContentTypes,
  parseRels,
  partText,
  relKind,
  relsPartOf,
  requirePart,
  type ContentTypes,
  type Package,
  type Relationship,
} from './package';
import { parseCellRef, parseRangeRef, shiftFormula } from './refs';
import { decodeCellText, localName, makeParser, runParser } from './xml';
import { scanXml, type ScanEvents } from './scan';
import { readZip, verifyEntry } from './zip';

type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface XlsxSheet {
  /** The sheet's name, as on its tab. */
  name: string;
  state: SheetState;
  /** A worksheet holds cells; chart sheets, dialog and macro sheets are listed (their names are taken) but hold no Sheet. */
  kind: 'worksheet' | 'chartsheet' | 'other';
  /** `<sheetProtection sheet="1">`: its cells cannot be edited. */
  protected: boolean;
  /** The engine's view of a worksheet (null for other kinds). */
  sheet: Sheet | null;
  /** The part holding it ("xl/worksheets/sheet1.xml"), its relationship id and sheetId, for the writer. */
  part: string | null;
  rId: string;
  sheetId: number;
}

/** What readXlsx returns: the sheets in tab order, the workbook's flags, and the package for writeXlsx. */
export interface XlsxWorkbook {
  sheets: XlsxSheet[];
  /** `<workbookProtection lockStructure="1">`: no sheet can be added, removed or renamed. */
  workbookProtected: boolean;
  /** An .xlsm (macro-enabled content type, or a VBA project): the writer keeps it one. */
  macroEnabled: boolean;
  /** What the package is, by its workbook's content type (and VBA project): a copy keeps it, so its name must keep the extension. */
  kind: 'xlsx' | 'xlsm' | 'xltx' | 'xltm';
  /** @internal The zip and its parsed package parts, for writeXlsx. */
  readonly pkg: Package;
}

const TRUE = (v: string | undefined) => v === '1' || v === 'true';

/**
 * Reads an .xlsx (or .xlsm) from its bytes. Refuses, with an XlsxError
 * carrying one line in Mongolian and English: what is not a zip, a Compound
 * File (encrypted .xlsx or old .xls), a damaged zip or part, a package
 * without a workbook, any parsed XML with a DOCTYPE, and parts that inflate
 * past the limits (see Limits).
 */
export function readXlsx(bytes: Uint8Array, limits: Partial<Limits> = {}): XlsxWorkbook {
  const allLimits: Limits = { ...DEFAULT_LIMITS, ...limits };
  const zip = readZip(bytes, allLimits);
  const base = { zip, limits: allLimits, budget: { total: 0 } };
  const texts = new Map<string, string>();
  const read = (part: string) => {
    const text = partText(base, part);
    if (text !== undefined) texts.set(entryOf(zip, part)!.name, text);
    return text;
  };

  const contentTypesPart = entryOf(zip, '[Content_Types].xml')?.name;
  if (!contentTypesPart) throw new XlsxError('no-workbook', '[Content_Types].xml');
  const contentTypes = parseContentTypes(read(contentTypesPart)!, contentTypesPart);

  // The workbook: the package's officeDocument relationship, or where Excel puts it.
  const rootRels = read('_rels/.rels');
  const office = rootRels ? parseRels(rootRels, '_rels/.rels', '').find((r) => relKind(r.type) === 'officeDocument' && !r.external) : undefined;
  const workbookEntry = entryOf(zip, office?.target ?? 'xl/workbook.xml') ?? entryOf(zip, 'xl/workbook.xml');
  if (!workbookEntry) throw new XlsxError('no-workbook');
  const workbookPart = workbookEntry.name;
  const workbookRelsPart = relsPartOf(workbookPart);
  const workbookRelsText = read(workbookRelsPart);
  const rels = workbookRelsText ? parseRels(workbookRelsText, workbookRelsPart, folderOf(workbookPart)) : [];
  const workbook = parseWorkbook(requirePart(read(workbookPart), workbookPart), workbookPart);

  const byKind = (kind: string) => rels.find((r) => relKind(r.type) === kind && !r.external);
  const sharedStringsRel = byKind('sharedStrings');
  const sharedStrings = sharedStringsRel && entryOf(zip, sharedStringsRel.target) ? parseSharedStrings(partText(base, sharedStringsRel.target)!, sharedStringsRel.target) : [];
  const stylesRel = byKind('styles');
  const stylesPart = stylesRel ? entryOf(zip, stylesRel.target)?.name ?? null : null;
  const xfFormats = stylesPart ? parseStyles(read(stylesPart)!, stylesPart) : [];

  const relById = new Map<string, Relationship>(rels.map((r) => [r.id, r]));
  const sheets: XlsxSheet[] = workbook.sheets.map((listed) => {
    const rel = relById.get(listed.rId);
    const kind = rel ? relKind(rel.type) : '';
    const part = rel && !rel.external ? entryOf(zip, rel.target)?.name ?? null : null;
    const out: XlsxSheet = {
      name: listed.name,
      state: listed.state,
      kind: kind === 'worksheet' ? 'worksheet' : kind === 'chartsheet' ? 'chartsheet' : 'other',
      protected: false,
      sheet: null,
      part,
      rId: listed.rId,
      sheetId: listed.sheetId,
    };
    if (out.kind === 'worksheet') {
      if (!part) throw new XlsxError('damaged', `sheet "${listed.name}" has no part`);
      const parsed = parseWorksheet(partText(base, part)!, part, listed.name, sharedStrings, xfFormats);
      out.sheet = parsed.sheet;
      out.protected = parsed.protected;
    }
    return out;
  });
  if (!sheets.some((s) => s.kind === 'worksheet')) throw new XlsxError('damaged', 'no worksheet');
  // The parts not parsed are copied by the writer as they came: a damaged one is refused now, not carried into a copy.
  for (const entry of zip.entries) verifyEntry(entry, allLimits, base.budget);

  const macroEnabled = isMacroEnabled(contentTypes, workbookPart, rels);
  const template = /\.template\./i.test(contentTypeOf(contentTypes, workbookPart) ?? '');
  const kind = template ? (macroEnabled ? 'xltm' : 'xltx') : macroEnabled ? 'xlsm' : 'xlsx';
  const pkg: Package = { ...base, bytes, texts, contentTypesPart, workbookPart, workbookRelsPart, stylesPart };
  return { sheets, workbookProtected: workbook.lockStructure, macroEnabled, kind, pkg };
}

function isMacroEnabled(contentTypes: ContentTypes, workbookPart: string, rels: Relationship[]): boolean {
  const type = contentTypeOf(contentTypes, workbookPart) ?? '';
  return /macroEnabled/i.test(type) || rels.some((r) => relKind(r.type) === 'vbaProject');
}

/** Names of the workbook's sheets that are not among the visible worksheets: the summary sheet never takes one. */
function takenNames(book: XlsxWorkbook): string[] {
  return book.sheets.filter((s) => !(s.kind === 'worksheet' && s.state === 'visible')).map((s) => s.name);
}

/** The visible worksheets, as the engine reads them (hidden sheets are lookups or old versions, not what staff hand in). */
export function visibleSheets(book: XlsxWorkbook): Sheet[] {
  return book.sheets.filter((s) => s.kind === 'worksheet' && s.state === 'visible' && s.sheet).map((s) => s.sheet!);
}

/** What planCompute needs to know about the workbook (ComputeOptions' takenNames, protectedSheets, workbookProtected). */
export function computeContext(book: XlsxWorkbook): { takenNames: string[]; protectedSheets: string[]; workbookProtected: boolean } {
  return {
    takenNames: takenNames(book),
    protectedSheets: book.sheets.filter((s) => s.protected).map((s) => s.name),
    workbookProtected: book.workbookProtected,
  };
}

// ---- workbook.xml -------------------------------------------------------------

interface WorkbookInfo {
  sheets: { name: string; sheetId: number; rId: string; state: SheetState }[];
  lockStructure: boolean;
}

function parseWorkbook(text: string, part: string): WorkbookInfo {
  const info: WorkbookInfo = { sheets: [], lockStructure: false };
  const parser = makeParser(part);
  parser.on('opentag', (tag) => {
    const element = localName(tag.name);
    const attributes = tag.attributes as Record<string, string>;
    if (element === 'sheet') {
      // r:id, whatever the prefix bound to the relationships namespace.
      const idKey = Object.keys(attributes).find((k) => k.endsWith(':id')) ?? 'id';
      const state = attributes.state === 'hidden' || attributes.state === 'veryHidden' ? attributes.state : 'visible';
      info.sheets.push({ name: attributes.name ?? '', sheetId: Number(attributes.sheetId ?? 0), rId: attributes[idKey] ?? '', state });
    } else if (element === 'workbookProtection') info.lockStructure = TRUE(attributes.lockStructure);
  });
  runParser(parser, text, part);
  return info;
}

// ---- sharedStrings.xml --------------------------------------------------------

/** Shared strings: rich-text runs joined, phonetic runs (<rPh>) left out, _xHHHH_ escapes decoded. */
export function parseSharedStrings(text: string, part: string): string[] {
  const out: string[] = [];
  let current = '';
  let inTextElement = false;
  let inPhonetic = 0;
  const parser = makeParser(part);
  parser.on('opentag', (tag) => {
    const element = localName(tag.name);
    if (element === 't') inTextElement = inPhonetic === 0;
    else if (element === 'si') current = '';
    else if (element === 'rPh') inPhonetic++;
  });
  parser.on('text', (chunk) => {
    if (inTextElement) current += chunk;
  });
  parser.on('cdata', (chunk) => {
    if (inTextElement) current += chunk;
  });
  parser.on('closetag', (tag) => {
    const element = localName(tag.name);
    if (element === 't') inTextElement = false;
    else if (element === 'rPh') inPhonetic--;
    else if (element === 'si') out.push(decodeCellText(current));
  });
  runParser(parser, text, part);
  return out;
}

// ---- styles.xml -----------------------------------------------------------------

/** The number format code of each cellXfs entry (null for General). */
export function parseStyles(text: string, part: string): (string | null)[] {
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let inCellXfs = false;
  const parser = makeParser(part);
  parser.on('opentag', (tag) => {
    const element = localName(tag.name);
    const attributes = tag.attributes as Record<string, string>;
    if (element === 'numFmt') custom.set(Number(attributes.numFmtId), attributes.formatCode ?? 'General');
    else if (element === 'cellXfs') inCellXfs = true;
    else if (element === 'xf' && inCellXfs) ids.push(Number(attributes.numFmtId ?? 0));
  });
  parser.on('closetag', (tag) => {
    if (localName(tag.name) === 'cellXfs') inCellXfs = false;
  });
  runParser(parser, text, part);
  return ids.map((id) => {
    const code = formatCode(id, custom);
    return code === 'General' ? null : code;
  });
}

// ---- worksheets -------------------------------------------------------------------

/** Excel's day 0 (serial numbers count days from 1899-12-30, with the 1900 leap-year bug folded in). */
const EPOCH = Date.UTC(1899, 11, 30);

function isoToSerial(iso: string): number | string {
  const milliseconds = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) || !iso.includes('T') ? iso : `${iso}Z`);
  if (Number.isNaN(milliseconds)) return iso;
  return Math.round(((milliseconds - EPOCH) / 86400000) * 86400) / 86400;
}

interface ParsedSheet {
  sheet: Sheet;
  protected: boolean;
}

/**
 * One worksheet's XML → Sheet: sparse rows (a row exists only when it holds
 * a value or a formula; each row is as long as its last such cell), values
 * with their number formats, formulas with cached results (shared formulas
 * expanded per cell), merged areas; and whether the sheet is protected.
 */
export function parseWorksheet(text: string, part: string, name: string, sharedStrings: readonly string[], xfFormats: readonly (string | null)[]): ParsedSheet {
  const reader = new WorksheetReader(sharedStrings, xfFormats);
  // The large part: our own tokenizer (scan.ts), not saxes — a third of the time, most of it in text the reader never looks at.
  scanXml(text, part, reader);
  return { sheet: { name, startRow: 0, startCol: 0, values: reader.values, numberFormats: reader.numberFormats, formulas: reader.formulas, merges: reader.merges }, protected: reader.isProtected };
}

/** A cell's value from its type and its <v> (or inline string) text. */
function cellValue(cellType: string, valueText: string | null, inlineText: string | null, sharedStrings: readonly string[]): CellValue {
  switch (cellType) {
    case 's':
      // <v/> (or no <v>) is an empty cell, as every other reader sees it, not the first shared string.
      return valueText !== null && valueText.trim() !== '' ? (sharedStrings[Number(valueText)] ?? null) : null;
    case 'inlineStr':
      return inlineText === null ? (valueText === null ? null : decodeCellText(valueText)) : decodeCellText(inlineText);
    case 'str':
      return valueText === null ? null : decodeCellText(valueText);
    case 'b':
      return valueText === null ? null : valueText.trim() === '1' || valueText.trim() === 'true';
    case 'e':
      return valueText;
    case 'd':
      return valueText === null ? null : isoToSerial(valueText.trim());
    default:
      if (valueText === null || valueText === '') return null;
      return Number.isFinite(Number(valueText)) ? Number(valueText) : valueText;
  }
}

/** The streaming reader of one worksheet: the tokenizer's events in, sparse rows out. */
class WorksheetReader implements ScanEvents {
  readonly values: CellValue[][] = [];
  readonly numberFormats: (string | null)[][] = [];
  readonly formulas: (string | null)[][] = [];
  readonly merges: Area[] = [];
  isProtected = false;
  private readonly shared = new Map<string, { formula: string; row: number; col: number }>();
  private inSheetData = false;
  private row = -1;
  private col = -1;
  // The cell being read.
  private cellType = '';
  private cellStyle = 0;
  private valueText: string | null = null;
  private formulaText: string | null = null;
  private formulaAttributes: Record<string, string> | null = null;
  private inlineText: string | null = null;
  private collecting: 'v' | 'f' | 'is' | null = null;
  private inPhonetic = 0;

  constructor(
    private readonly sharedStrings: readonly string[],
    private readonly xfFormats: readonly (string | null)[],
  ) {}

  open(name: string, attributes: Record<string, string>, selfClosing: boolean): void {
    if (this.inSheetData) return this.openInData(name, attributes);
    switch (name) {
      case 'sheetData':
        this.inSheetData = !selfClosing;
        return;
      case 'mergeCell': {
        const area = parseRangeRef(attributes.ref ?? '');
        if (area) this.merges.push(area);
        return;
      }
      case 'sheetProtection':
        this.isProtected = TRUE(attributes.sheet);
        return;
    }
  }

  private openInData(name: string, attributes: Record<string, string>): void {
    switch (name) {
      case 'c': {
        const at = attributes.r ? parseCellRef(attributes.r) : null;
        if (at) {
          this.col = at.col;
          if (at.row !== this.row) this.row = at.row;
        } else this.col++;
        this.cellType = attributes.t ?? 'n';
        this.cellStyle = attributes.s ? Number(attributes.s) : 0;
        this.valueText = null;
        this.formulaText = null;
        this.formulaAttributes = null;
        this.inlineText = null;
        return;
      }
      case 'v':
        this.valueText = '';
        this.collecting = 'v';
        return;
      case 'f':
        this.formulaText = '';
        this.formulaAttributes = attributes;
        this.collecting = 'f';
        return;
      case 'is':
        this.inlineText = '';
        return;
      case 't':
        if (this.inlineText !== null && this.inPhonetic === 0) this.collecting = 'is';
        return;
      case 'rPh':
        this.inPhonetic++;
        return;
      case 'row':
        this.row = attributes.r ? Number(attributes.r) - 1 : this.row + 1;
        this.col = -1;
        return;
    }
  }

  wantsText(): boolean {
    return this.collecting !== null;
  }

  /** The elements whose attributes it reads (compared, not hashed: the names are fresh strings from the text). */
  wantsAttributes(name: string): boolean {
    return name === 'c' || name === 'f' || name === 'row' || name === 'mergeCell' || name === 'sheetProtection';
  }

  text(chunk: string): void {
    if (this.collecting === 'v') this.valueText += chunk;
    else if (this.collecting === 'f') this.formulaText += chunk;
    else if (this.collecting === 'is') this.inlineText += chunk;
  }

  close(name: string): void {
    if (!this.inSheetData) return;
    switch (name) {
      case 'v':
      case 'f':
      case 't':
        this.collecting = null;
        return;
      case 'rPh':
        this.inPhonetic--;
        return;
      case 'sheetData':
        this.inSheetData = false;
        return;
      case 'c':
        this.endCell();
        return;
    }
  }

  /** The formula of the cell just read: its own, or its shared master's moved by the offset. */
  private formula(): string | null {
    const formulaAttributes = this.formulaAttributes;
    if (!formulaAttributes) return null;
    if (formulaAttributes.t === 'shared') {
      const sharedIndex = formulaAttributes.si ?? '';
      if (this.formulaText) {
        this.shared.set(sharedIndex, { formula: this.formulaText, row: this.row, col: this.col });
        return this.formulaText;
      }
      const master = this.shared.get(sharedIndex);
      return master ? shiftFormula(master.formula, this.row - master.row, this.col - master.col) : null;
    }
    return formulaAttributes.t !== 'dataTable' && this.formulaText ? this.formulaText : null;
  }

  private endCell(): void {
    const { row, col } = this;
    if (row < 0 || col < 0) return;
    const value = cellValue(this.cellType, this.valueText, this.inlineText, this.sharedStrings);
    const formula = this.formula();
    if ((value === null || value === '') && formula === null) return;
    (this.values[row] ??= [])[col] = value;
    if (formula !== null) (this.formulas[row] ??= [])[col] = `=${formula}`;
    const format = this.xfFormats[this.cellStyle];
    if (format) (this.numberFormats[row] ??= [])[col] = format;
  }
}
