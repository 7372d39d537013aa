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
  const lim: Limits = { ...DEFAULT_LIMITS, ...limits };
  const zip = readZip(bytes, lim);
  const base = { zip, limits: lim, budget: { total: 0 } };
  const texts = new Map<string, string>();
  const read = (part: string) => {
    const t = partText(base, part);
    if (t !== undefined) texts.set(entryOf(zip, part)!.name, t);
    return t;
  };

  const ctPart = entryOf(zip, '[Content_Types].xml')?.name;
  if (!ctPart) throw new XlsxError('no-workbook', '[Content_Types].xml');
  const ct = parseContentTypes(read(ctPart)!, ctPart);

  // The workbook: the package's officeDocument relationship, or where Excel puts it.
  const rootRels = read('_rels/.rels');
  const office = rootRels ? parseRels(rootRels, '_rels/.rels', '').find((r) => relKind(r.type) === 'officeDocument' && !r.external) : undefined;
  const workbookEntry = entryOf(zip, office?.target ?? 'xl/workbook.xml') ?? entryOf(zip, 'xl/workbook.xml');
  if (!workbookEntry) throw new XlsxError('no-workbook');
  const workbookPart = workbookEntry.name;
  const workbookRelsPart = relsPartOf(workbookPart);
  const wbRelsText = read(workbookRelsPart);
  const rels = wbRelsText ? parseRels(wbRelsText, workbookRelsPart, folderOf(workbookPart)) : [];
  const wb = parseWorkbook(requirePart(read(workbookPart), workbookPart), workbookPart);

  const byKind = (kind: string) => rels.find((r) => relKind(r.type) === kind && !r.external);
  const sstRel = byKind('sharedStrings');
  const sst = sstRel && entryOf(zip, sstRel.target) ? parseSharedStrings(partText(base, sstRel.target)!, sstRel.target) : [];
  const stylesRel = byKind('styles');
  const stylesPart = stylesRel ? entryOf(zip, stylesRel.target)?.name ?? null : null;
  const xfFormats = stylesPart ? parseStyles(read(stylesPart)!, stylesPart) : [];

  const relById = new Map<string, Relationship>(rels.map((r) => [r.id, r]));
  const sheets: XlsxSheet[] = wb.sheets.map((s) => {
    const rel = relById.get(s.rId);
    const kind = rel ? relKind(rel.type) : '';
    const part = rel && !rel.external ? entryOf(zip, rel.target)?.name ?? null : null;
    const out: XlsxSheet = {
      name: s.name,
      state: s.state,
      kind: kind === 'worksheet' ? 'worksheet' : kind === 'chartsheet' ? 'chartsheet' : 'other',
      protected: false,
      sheet: null,
      part,
      rId: s.rId,
      sheetId: s.sheetId,
    };
    if (out.kind === 'worksheet') {
      if (!part) throw new XlsxError('damaged', `sheet "${s.name}" has no part`);
      const r = parseWorksheet(partText(base, part)!, part, s.name, sst, xfFormats);
      out.sheet = r.sheet;
      out.protected = r.protected;
    }
    return out;
  });
  if (!sheets.some((s) => s.kind === 'worksheet')) throw new XlsxError('damaged', 'no worksheet');
  // The parts not parsed are copied by the writer as they came: a damaged one is refused now, not carried into a copy.
  for (const e of zip.entries) verifyEntry(e, lim, base.budget);

  const macroEnabled = isMacroEnabled(ct, workbookPart, rels);
  const template = /\.template\./i.test(contentTypeOf(ct, workbookPart) ?? '');
  const kind = template ? (macroEnabled ? 'xltm' : 'xltx') : macroEnabled ? 'xlsm' : 'xlsx';
  const pkg: Package = { ...base, bytes, texts, contentTypesPart: ctPart, workbookPart, workbookRelsPart, stylesPart };
  return { sheets, workbookProtected: wb.lockStructure, macroEnabled, kind, pkg };
}

function isMacroEnabled(ct: ContentTypes, workbookPart: string, rels: Relationship[]): boolean {
  const type = contentTypeOf(ct, workbookPart) ?? '';
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
  const p = makeParser(part);
  p.on('opentag', (tag) => {
    const n = localName(tag.name);
    const a = tag.attributes as Record<string, string>;
    if (n === 'sheet') {
      // r:id, whatever the prefix bound to the relationships namespace.
      const idKey = Object.keys(a).find((k) => k.endsWith(':id')) ?? 'id';
      const state = a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible';
      info.sheets.push({ name: a.name ?? '', sheetId: Number(a.sheetId ?? 0), rId: a[idKey] ?? '', state });
    } else if (n === 'workbookProtection') info.lockStructure = TRUE(a.lockStructure);
  });
  runParser(p, text, part);
  return info;
}

// ---- sharedStrings.xml --------------------------------------------------------

/** Shared strings: rich-text runs joined, phonetic runs (<rPh>) left out, _xHHHH_ escapes decoded. */
export function parseSharedStrings(text: string, part: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inT = false;
  let inPhonetic = 0;
  const p = makeParser(part);
  p.on('opentag', (tag) => {
    const n = localName(tag.name);
    if (n === 't') inT = inPhonetic === 0;
    else if (n === 'si') cur = '';
    else if (n === 'rPh') inPhonetic++;
  });
  p.on('text', (t) => {
    if (inT) cur += t;
  });
  p.on('cdata', (t) => {
    if (inT) cur += t;
  });
  p.on('closetag', (tag) => {
    const n = localName(tag.name);
    if (n === 't') inT = false;
    else if (n === 'rPh') inPhonetic--;
    else if (n === 'si') out.push(decodeCellText(cur));
  });
  runParser(p, text, part);
  return out;
}

// ---- styles.xml -----------------------------------------------------------------

/** The number format code of each cellXfs entry (null for General). */
export function parseStyles(text: string, part: string): (string | null)[] {
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let inCellXfs = false;
  const p = makeParser(part);
  p.on('opentag', (tag) => {
    const n = localName(tag.name);
    const a = tag.attributes as Record<string, string>;
    if (n === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? 'General');
    else if (n === 'cellXfs') inCellXfs = true;
    else if (n === 'xf' && inCellXfs) ids.push(Number(a.numFmtId ?? 0));
  });
  p.on('closetag', (tag) => {
    if (localName(tag.name) === 'cellXfs') inCellXfs = false;
  });
  runParser(p, text, part);
  return ids.map((id) => {
    const code = formatCode(id, custom);
    return code === 'General' ? null : code;
  });
}

// ---- worksheets -------------------------------------------------------------------

/** Excel's day 0 (serial numbers count days from 1899-12-30, with the 1900 leap-year bug folded in). */
const EPOCH = Date.UTC(1899, 11, 30);

function isoToSerial(s: string): number | string {
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(s) || !s.includes('T') ? s : `${s}Z`);
  if (Number.isNaN(ms)) return s;
  return Math.round(((ms - EPOCH) / 86400000) * 86400) / 86400;
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
export function parseWorksheet(text: string, part: string, name: string, sst: readonly string[], xfFormats: readonly (string | null)[]): ParsedSheet {
  const reader = new WorksheetReader(sst, xfFormats);
  // The large part: our own tokenizer (scan.ts), not saxes — a third of the time, most of it in text the reader never looks at.
  scanXml(text, part, reader);
  return { sheet: { name, startRow: 0, startCol: 0, values: reader.values, numberFormats: reader.numberFormats, formulas: reader.formulas, merges: reader.merges }, protected: reader.isProtected };
}

/** A cell's value from its type and its <v> (or inline string) text. */
function cellValue(cType: string, vText: string | null, isText: string | null, sst: readonly string[]): CellValue {
  switch (cType) {
    case 's':
      // <v/> (or no <v>) is an empty cell, as every other reader sees it, not the first shared string.
      return vText !== null && vText.trim() !== '' ? (sst[Number(vText)] ?? null) : null;
    case 'inlineStr':
      return isText === null ? (vText === null ? null : decodeCellText(vText)) : decodeCellText(isText);
    case 'str':
      return vText === null ? null : decodeCellText(vText);
    case 'b':
      return vText === null ? null : vText.trim() === '1' || vText.trim() === 'true';
    case 'e':
      return vText;
    case 'd':
      return vText === null ? null : isoToSerial(vText.trim());
    default:
      if (vText === null || vText === '') return null;
      return Number.isFinite(Number(vText)) ? Number(vText) : vText;
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
  private cType = '';
  private cStyle = 0;
  private vText: string | null = null;
  private fText: string | null = null;
  private fAttrs: Record<string, string> | null = null;
  private isText: string | null = null;
  private collecting: 'v' | 'f' | 'is' | null = null;
  private inPhonetic = 0;

  constructor(
    private readonly sst: readonly string[],
    private readonly xfFormats: readonly (string | null)[],
  ) {}

  open(n: string, a: Record<string, string>, selfClosing: boolean): void {
    if (this.inSheetData) return this.openInData(n, a);
    switch (n) {
      case 'sheetData':
        this.inSheetData = !selfClosing;
        return;
      case 'mergeCell': {
        const area = parseRangeRef(a.ref ?? '');
        if (area) this.merges.push(area);
        return;
      }
      case 'sheetProtection':
        this.isProtected = TRUE(a.sheet);
        return;
    }
  }

  private openInData(n: string, a: Record<string, string>): void {
    switch (n) {
      case 'c': {
        const at = a.r ? parseCellRef(a.r) : null;
        if (at) {
          this.col = at.col;
          if (at.row !== this.row) this.row = at.row;
        } else this.col++;
        this.cType = a.t ?? 'n';
        this.cStyle = a.s ? Number(a.s) : 0;
        this.vText = null;
        this.fText = null;
        this.fAttrs = null;
        this.isText = null;
        return;
      }
      case 'v':
        this.vText = '';
        this.collecting = 'v';
        return;
      case 'f':
        this.fText = '';
        this.fAttrs = a;
        this.collecting = 'f';
        return;
      case 'is':
        this.isText = '';
        return;
      case 't':
        if (this.isText !== null && this.inPhonetic === 0) this.collecting = 'is';
        return;
      case 'rPh':
        this.inPhonetic++;
        return;
      case 'row':
        this.row = a.r ? Number(a.r) - 1 : this.row + 1;
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

  text(t: string): void {
    if (this.collecting === 'v') this.vText += t;
    else if (this.collecting === 'f') this.fText += t;
    else if (this.collecting === 'is') this.isText += t;
  }

  close(n: string): void {
    if (!this.inSheetData) return;
    switch (n) {
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
    const f = this.fAttrs;
    if (!f) return null;
    if (f.t === 'shared') {
      const si = f.si ?? '';
      if (this.fText) {
        this.shared.set(si, { formula: this.fText, row: this.row, col: this.col });
        return this.fText;
      }
      const m = this.shared.get(si);
      return m ? shiftFormula(m.formula, this.row - m.row, this.col - m.col) : null;
    }
    return f.t !== 'dataTable' && this.fText ? this.fText : null;
  }

  private endCell(): void {
    const { row, col } = this;
    if (row < 0 || col < 0) return;
    const value = cellValue(this.cType, this.vText, this.isText, this.sst);
    const formula = this.formula();
    if ((value === null || value === '') && formula === null) return;
    (this.values[row] ??= [])[col] = value;
    if (formula !== null) (this.formulas[row] ??= [])[col] = `=${formula}`;
    const fmt = this.xfFormats[this.cStyle];
    if (fmt) (this.numberFormats[row] ??= [])[col] = fmt;
  }
}
