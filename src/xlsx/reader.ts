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
import { readZip } from './zip';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

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

  const macroEnabled = isMacroEnabled(ct, workbookPart, rels);
  const pkg: Package = { ...base, bytes, texts, contentTypesPart: ctPart, workbookPart, workbookRelsPart, stylesPart };
  return { sheets, workbookProtected: wb.lockStructure, macroEnabled, pkg };
}

function isMacroEnabled(ct: ContentTypes, workbookPart: string, rels: Relationship[]): boolean {
  const type = contentTypeOf(ct, workbookPart) ?? '';
  return /macroEnabled/i.test(type) || rels.some((r) => relKind(r.type) === 'vbaProject');
}

/** Names of the workbook's sheets that are not among the visible worksheets: the summary sheet never takes one. */
export function takenNames(book: XlsxWorkbook): string[] {
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
function parseSharedStrings(text: string, part: string): string[] {
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
function parseStyles(text: string, part: string): (string | null)[] {
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
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  const formulas: (string | null)[][] = [];
  const merges: Area[] = [];
  const shared = new Map<string, { formula: string; row: number; col: number }>();
  let isProtected = false;

  let inSheetData = false;
  let row = -1;
  let col = -1;
  // The cell being read.
  let cType = '';
  let cStyle = 0;
  let vText: string | null = null;
  let fText: string | null = null;
  let fAttrs: Record<string, string> | null = null;
  let isText: string | null = null;
  let collecting: 'v' | 'f' | 'is' | null = null;
  let inPhonetic = 0;

  const p = makeParser(part);
  p.on('opentag', (tag) => {
    const n = tag.name.indexOf(':') < 0 ? tag.name : localName(tag.name);
    if (inSheetData) {
      switch (n) {
        case 'c': {
          const a = tag.attributes as Record<string, string>;
          const ref = a.r;
          const at = ref ? parseCellRef(ref) : null;
          if (at) {
            col = at.col;
            if (at.row !== row) row = at.row;
          } else col++;
          cType = a.t ?? 'n';
          cStyle = a.s ? Number(a.s) : 0;
          vText = null;
          fText = null;
          fAttrs = null;
          isText = null;
          return;
        }
        case 'v':
          vText = '';
          collecting = 'v';
          return;
        case 'f':
          fText = '';
          fAttrs = tag.attributes as Record<string, string>;
          collecting = 'f';
          return;
        case 'is':
          isText = '';
          return;
        case 't':
          if (isText !== null && inPhonetic === 0) collecting = 'is';
          return;
        case 'rPh':
          inPhonetic++;
          return;
        case 'row': {
          const r = (tag.attributes as Record<string, string>).r;
          row = r ? Number(r) - 1 : row + 1;
          col = -1;
          return;
        }
      }
      return;
    }
    switch (n) {
      case 'sheetData':
        inSheetData = !tag.isSelfClosing;
        return;
      case 'mergeCell': {
        const area = parseRangeRef((tag.attributes as Record<string, string>).ref ?? '');
        if (area) merges.push(area);
        return;
      }
      case 'sheetProtection':
        isProtected = TRUE((tag.attributes as Record<string, string>).sheet);
        return;
    }
  });
  const onText = (t: string) => {
    if (collecting === 'v') vText += t;
    else if (collecting === 'f') fText += t;
    else if (collecting === 'is') isText += t;
  };
  p.on('text', onText);
  p.on('cdata', onText);
  p.on('closetag', (tag) => {
    if (!inSheetData) return;
    const n = tag.name.indexOf(':') < 0 ? tag.name : localName(tag.name);
    switch (n) {
      case 'v':
      case 'f':
      case 't':
        collecting = null;
        return;
      case 'rPh':
        inPhonetic--;
        return;
      case 'sheetData':
        inSheetData = false;
        return;
      case 'c':
        endCell();
        return;
    }
  });

  function endCell(): void {
    if (row < 0 || col < 0) return;
    let value: CellValue = null;
    switch (cType) {
      case 's':
        if (vText !== null) value = sst[Number(vText)] ?? null;
        break;
      case 'inlineStr':
        value = isText === null ? (vText === null ? null : decodeCellText(vText)) : decodeCellText(isText);
        break;
      case 'str':
        value = vText === null ? null : decodeCellText(vText);
        break;
      case 'b':
        value = vText === null ? null : vText.trim() === '1' || vText.trim() === 'true';
        break;
      case 'e':
        value = vText;
        break;
      case 'd':
        value = vText === null ? null : isoToSerial(vText.trim());
        break;
      default:
        if (vText !== null && vText !== '') {
          const x = Number(vText);
          value = Number.isFinite(x) ? x : vText;
        }
    }
    let formula: string | null = null;
    if (fAttrs) {
      const ft = fAttrs.t;
      if (ft === 'shared') {
        const si = fAttrs.si ?? '';
        if (fText) {
          shared.set(si, { formula: fText, row, col });
          formula = fText;
        } else {
          const m = shared.get(si);
          if (m) formula = shiftFormula(m.formula, row - m.row, col - m.col);
        }
      } else if (ft !== 'dataTable' && fText) formula = fText;
    }
    const empty = value === null || value === '';
    if (empty && formula === null) return;
    const vr = values[row] ?? (values[row] = []);
    vr[col] = value;
    if (formula !== null) (formulas[row] ?? (formulas[row] = []))[col] = `=${formula}`;
    const fmt = xfFormats[cStyle];
    if (fmt) (numberFormats[row] ?? (numberFormats[row] = []))[col] = fmt;
  }

  runParser(p, text, part);
  return { sheet: { name, startRow: 0, startCol: 0, values, numberFormats, formulas, merges }, protected: isProtected };
}
