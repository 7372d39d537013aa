// Writing cells into a worksheet part in place: the <c> elements written are
// replaced or inserted into their <row> (rows created, in order, when
// missing); every other byte of the part is kept.

import type { CellValue, CellWrite } from '../core';
import { applySplices, setAttr, type Splice } from './edit';
import { XlsxError } from './errors';
import { colLetters, parseCellRef, parseRangeRef, shiftFormula } from './refs';
import type { StyleEditor } from './styles';
import { encodeCellText, escapeText, localName, makeParser, runParser } from './xml';

interface CellAt {
  col: number;
  start: number;
  end: number;
  hasR: boolean;
  style: number;
  hasFormula: boolean;
  /** The start tag's `ph` (show phonetic) attribute, kept on a rewritten cell. */
  ph?: string;
}

interface RowAt {
  row: number;
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  selfClosing: boolean;
  hasR: boolean;
  /** Style of the row when customFormat="1" (new cells in it take it). */
  style: number | null;
  spans?: string;
  /** Cells, recorded only for rows that receive writes. */
  cells: CellAt[] | null;
}

interface TopAt {
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  selfClosing: boolean;
  attrs: Record<string, string>;
}

export interface WorksheetScan {
  rootQname: string;
  /** Children of <worksheet> by local name (the first of each). */
  top: Map<string, TopAt>;
  rows: RowAt[];
  /** Shared formulas: the master's text and cell, and the dependents' <f> elements. */
  shared: Map<string, { text: string; row: number; col: number; dependents: { row: number; col: number; fStart: number; fEnd: number }[] }>;
  /** Areas of multi-cell array formulas (and data tables). */
  arrays: { top: number; left: number; bottom: number; right: number }[];
  /** Column styles from <cols>. */
  colStyles: { min: number; max: number; style: number }[];
  /** Whether sheetData holds any formula. */
  hasFormulas: boolean;
}

/** Scans a worksheet's XML for what writing needs; cells are recorded only in `targetRows`. */
export function scanWorksheet(text: string, part: string, targetRows: ReadonlySet<number>): WorksheetScan {
  const scan: WorksheetScan = { rootQname: '', top: new Map(), rows: [], shared: new Map(), arrays: [], colStyles: [], hasFormulas: false };
  const p = makeParser(part, true);
  let depth = 0;
  let tagStart = 0;
  let inSheetData = false;
  let row: RowAt | null = null;
  let rowIndex = -1;
  let col = -1;
  let cell: CellAt | null = null;
  let f: { attrs: Record<string, string>; start: number; text: string } | null = null;
  let topOpen: { name: string; el: TopAt } | null = null;
  p.on('opentagstart', () => {
    tagStart = text.lastIndexOf('<', p.position - 1);
  });
  p.on('opentag', (tag) => {
    depth++;
    const name = tag.name.indexOf(':') < 0 ? tag.name : localName(tag.name);
    const a = tag.attributes as Record<string, string>;
    if (depth === 1) {
      scan.rootQname = tag.name;
      return;
    }
    if (depth === 2) {
      const el: TopAt = { start: tagStart, openEnd: p.position, closeStart: p.position, end: p.position, selfClosing: tag.isSelfClosing, attrs: a };
      if (!scan.top.has(name)) scan.top.set(name, el);
      topOpen = { name, el };
      inSheetData = name === 'sheetData';
      return;
    }
    if (depth === 3 && topOpen?.name === 'cols' && name === 'col' && a.style) {
      scan.colStyles.push({ min: Number(a.min) - 1, max: Number(a.max) - 1, style: Number(a.style) });
      return;
    }
    if (!inSheetData) return;
    if (depth === 3 && name === 'row') {
      rowIndex = a.r ? Number(a.r) - 1 : rowIndex + 1;
      col = -1;
      row = {
        row: rowIndex,
        start: tagStart,
        openEnd: p.position,
        closeStart: p.position,
        end: p.position,
        selfClosing: tag.isSelfClosing,
        hasR: !!a.r,
        style: a.customFormat === '1' || a.customFormat === 'true' ? Number(a.s ?? 0) : null,
        spans: a.spans,
        cells: targetRows.has(rowIndex) ? [] : null,
      };
      scan.rows.push(row);
      return;
    }
    if (depth === 4 && name === 'c') {
      const at = a.r ? parseCellRef(a.r) : null;
      col = at ? at.col : col + 1;
      cell = { col, start: tagStart, end: p.position, hasR: !!a.r, style: a.s ? Number(a.s) : -1, hasFormula: false, ph: a.ph };
      return;
    }
    if (depth === 5 && name === 'f' && cell) {
      f = { attrs: a, start: tagStart, text: '' };
      cell.hasFormula = true;
      scan.hasFormulas = true;
    }
  });
  p.on('text', (t) => {
    if (f) f.text += t;
  });
  p.on('closetag', (tag) => {
    const name = tag.name.indexOf(':') < 0 ? tag.name : localName(tag.name);
    if (depth === 2 && topOpen) {
      topOpen.el.end = p.position;
      topOpen.el.closeStart = topOpen.el.selfClosing ? p.position : text.lastIndexOf('<', p.position - 1);
      if (topOpen.name === 'sheetData') inSheetData = false;
      topOpen = null;
    } else if (depth === 3 && row && name === 'row') {
      row.end = p.position;
      row.closeStart = row.selfClosing ? p.position : text.lastIndexOf('<', p.position - 1);
      row = null;
    } else if (depth === 4 && cell && name === 'c') {
      cell.end = p.position;
      if (row?.cells) row.cells.push(cell);
      cell = null;
    } else if (depth === 5 && f && name === 'f') {
      const t = f.attrs.t;
      const here = { row: rowIndex, col };
      if (t === 'shared') {
        const si = f.attrs.si ?? '';
        const g = scan.shared.get(si) ?? { text: '', row: -1, col: -1, dependents: [] };
        if (f.text) Object.assign(g, { text: f.text, ...here });
        else g.dependents.push({ ...here, fStart: f.start, fEnd: p.position });
        scan.shared.set(si, g);
      } else if ((t === 'array' || t === 'dataTable') && f.attrs.ref) {
        const area = parseRangeRef(f.attrs.ref);
        if (area && (area.bottom > area.top || area.right > area.left)) scan.arrays.push(area);
      }
      f = null;
    }
    depth--;
  });
  runParser(p, text, part);
  return scan;
}

/**
 * A cell's XML for a write: a formula as <f> with its cached result, text as
 * an inline string. `prefix` is the worksheet's own namespace prefix ("x:"
 * in <x:worksheet xmlns:x=…>): every element is written with it, or readers
 * that resolve namespaces would not see the cell.
 */
export function cellXml(ref: string, style: number, w: CellWrite, ph?: string, prefix = ''): string {
  const p = prefix; // short, as every element below is written with it
  const s = style > 0 ? ` s="${style}"` : '';
  const extra = ph ? ` ph="${ph}"` : '';
  const open = (type?: string) => `<${p}c r="${ref}"${s}${extra}${type ? ` t="${type}"` : ''}`;
  const value = (text: string | number) => `<${p}v>${text}</${p}v>`;
  const v: CellValue = w.value;
  if (w.formula) {
    const f = `<${p}f>${escapeText(w.formula.replace(/^=/, ''))}</${p}f>`;
    if (v === null) return `${open()}>${f}</${p}c>`;
    if (typeof v === 'number') return Number.isFinite(v) ? `${open()}>${f}${value(v)}</${p}c>` : `${open('e')}>${f}${value('#NUM!')}</${p}c>`;
    if (typeof v === 'boolean') return `${open('b')}>${f}${value(v ? 1 : 0)}</${p}c>`;
    return `${open('str')}>${f}${value(encodeCellText(v))}</${p}c>`;
  }
  if (v === null || v === '') return `${open()}/>`;
  if (typeof v === 'number') return Number.isFinite(v) ? `${open()}>${value(v)}</${p}c>` : `${open('e')}>${value('#NUM!')}</${p}c>`;
  if (typeof v === 'boolean') return `${open('b')}>${value(v ? 1 : 0)}</${p}c>`;
  // Inline strings keep sharedStrings.xml untouched (and each written cell self-contained); Excel moves them to the shared table when it saves.
  return `${open('inlineStr')}><${p}is><${p}t xml:space="preserve">${encodeCellText(v)}</${p}t></${p}is></${p}c>`;
}

const spanOf = (spans: string | undefined) => {
  const m = spans ? /^(\d+):(\d+)$/.exec(spans) : null;
  return m ? { a: Number(m[1]), b: Number(m[2]) } : null;
};

export interface SheetWriteResult {
  text: string;
  /** A formula cell was replaced by a value: calcChain.xml must go (Excel rebuilds it). */
  removedFormula: boolean;
}

/** Writes cells into a worksheet's XML in place. */
export function writeCells(text: string, part: string, writes: readonly CellWrite[], styles: () => StyleEditor): SheetWriteResult {
  return new CellWriter(text, part, writes, styles).run();
}

/** One worksheet's cell writes as splices of its XML: existing cells replaced, new ones put in order, rows added, tags kept true. */
class CellWriter {
  private readonly byRow = new Map<number, CellWrite[]>();
  private readonly scan: WorksheetScan;
  private readonly prefix: string;
  private readonly splices: Splice[] = [];
  private readonly written: Set<string>;
  private removedFormula = false;
  private readonly rowFixes = new Map<RowAt, [string, string][]>();
  private readonly selfClosingFill = new Map<RowAt, string>();
  private readonly newRows: { row: number; xml: string }[] = [];

  constructor(
    private readonly text: string,
    private readonly part: string,
    private readonly writes: readonly CellWrite[],
    private readonly styles: () => StyleEditor,
  ) {
    for (const w of writes) {
      const list = this.byRow.get(w.row);
      if (list) list.push(w);
      else this.byRow.set(w.row, [w]);
    }
    this.scan = scanWorksheet(text, part, new Set(this.byRow.keys()));
    this.prefix = this.scan.rootQname.includes(':') ? this.scan.rootQname.slice(0, this.scan.rootQname.indexOf(':') + 1) : '';
    this.written = new Set(writes.map((w) => `${w.row}:${w.col}`));
  }

  run(): SheetWriteResult {
    const sheetData = this.scan.top.get('sheetData');
    if (!sheetData) throw new XlsxError('damaged', `${this.part}: no <sheetData>`);
    this.refuseArrayFormulas();
    this.unshareOverwrittenMasters();
    const rowsByIndex = new Map(this.scan.rows.map((r) => [r.row, r]));
    for (const [r, list] of this.byRow) {
      list.sort((a, b) => a.col - b.col);
      const row = rowsByIndex.get(r);
      if (row) this.intoRow(row, r, list);
      else this.newRows.push({ row: r, xml: `<${this.prefix}row r="${r + 1}">${list.map((w) => this.cell(w, this.colStyle(w.col))).join('')}</${this.prefix}row>` });
    }
    this.addRows(sheetData);
    this.fixRowTags();
    this.growDimension();
    return { text: applySplices(this.text, this.splices), removedFormula: this.removedFormula };
  }

  private colStyle(c: number): number {
    return this.scan.colStyles.find((x) => c >= x.min && c <= x.max)?.style ?? 0;
  }

  private cell(w: CellWrite, base: number, ph?: string): string {
    const style = w.numberFormat !== undefined || w.bold ? this.styles().styleFor(base, w.numberFormat, w.bold) : base;
    return cellXml(`${colLetters(w.col)}${w.row + 1}`, style, w, ph, this.prefix);
  }

  private fixRow(row: RowAt, attr: string, value: string): void {
    this.rowFixes.set(row, [...(this.rowFixes.get(row) ?? []), [attr, value]]);
  }

  private refuseArrayFormulas(): void {
    for (const w of this.writes) {
      for (const a of this.scan.arrays) {
        if (w.row >= a.top && w.row <= a.bottom && w.col >= a.left && w.col <= a.right) {
          throw new XlsxError('unsupported', `${this.part}: ${colLetters(w.col)}${w.row + 1} is inside an array formula`);
        }
      }
    }
  }

  /** Shared formulas whose master is overwritten: each dependent gets its own formula text. */
  private unshareOverwrittenMasters(): void {
    for (const g of this.scan.shared.values()) {
      if (!this.written.has(`${g.row}:${g.col}`) || !g.text) continue;
      for (const d of g.dependents) {
        if (this.written.has(`${d.row}:${d.col}`)) continue;
        this.splices.push({ start: d.fStart, end: d.fEnd, text: `<${this.prefix}f>${escapeText(shiftFormula(g.text, d.row - g.row, d.col - g.col))}</${this.prefix}f>` });
      }
    }
  }

  /** Writes into a row that exists: its cells replaced or inserted in column order. */
  private intoRow(row: RowAt, r: number, list: CellWrite[]): void {
    const cells = row.cells ?? [];
    const inserts = new Map<number, string[]>();
    let maxCol = -1;
    let minCol = Infinity;
    for (const w of list) {
      maxCol = Math.max(maxCol, w.col);
      minCol = Math.min(minCol, w.col);
      const at = cells.findIndex((c) => c.col >= w.col);
      const existing = at >= 0 && cells[at].col === w.col ? cells[at] : null;
      if (existing) {
        // A formula is never replaced by a constant, unless the write says it means to (a fix the user looked at).
        if (existing.hasFormula && !w.formula && !w.replacesFormula) throw new XlsxError('unsupported', `${this.part}: ${colLetters(w.col)}${r + 1} holds a formula; a value is not written over it`);
        if (existing.hasFormula && !w.formula) this.removedFormula = true;
        const base = existing.style >= 0 ? existing.style : row.style ?? this.colStyle(w.col);
        this.splices.push({ start: existing.start, end: existing.end, text: this.cell(w, base, existing.ph) });
        continue;
      }
      const key = at >= 0 ? at : cells.length;
      inserts.set(key, [...(inserts.get(key) ?? []), this.cell(w, row.style ?? this.colStyle(w.col))]);
      // The cell after an insertion must not rely on an implicit position.
      if (at >= 0 && !cells[at].hasR) {
        const c = cells[at];
        const open = this.text.slice(c.start, this.text.indexOf('>', c.start) + 1);
        if (!this.written.has(`${r}:${c.col}`)) this.splices.push({ start: c.start, end: c.start + open.length, text: setAttr(open, 'r', `${colLetters(c.col)}${r + 1}`) });
      }
    }
    // Keep the optimisation hint spans="a:b" true.
    const span = spanOf(row.spans);
    if (span && (maxCol + 1 > span.b || minCol + 1 < span.a)) this.fixRow(row, 'spans', `${Math.min(span.a, minCol + 1)}:${Math.max(span.b, maxCol + 1)}`);
    if (inserts.size === 0) return;
    if (row.selfClosing) this.selfClosingFill.set(row, [...inserts.values()].flat().join(''));
    else {
      for (const [key, xmls] of inserts) {
        const pos = key < cells.length ? cells[key].start : row.closeStart;
        this.splices.push({ start: pos, end: pos, text: xmls.join('') });
      }
    }
  }

  /** Missing rows, in order, each before the first existing row below it. */
  private addRows(sheetData: TopAt): void {
    const newRows = this.newRows.sort((a, b) => a.row - b.row);
    if (newRows.length === 0) return;
    if (sheetData.selfClosing) {
      const qname = this.text.slice(sheetData.start + 1).match(/^[^\s/>]+/)![0];
      this.splices.push({ start: sheetData.start, end: sheetData.end, text: `<${qname}>${newRows.map((n) => n.xml).join('')}</${qname}>` });
      return;
    }
    const rows = this.scan.rows;
    let k = 0;
    const sorted = [...rows].sort((a, b) => a.row - b.row);
    const ordered = rows.every((r, i) => i === 0 || r.row > rows[i - 1].row);
    for (const n of newRows) {
      while (k < sorted.length && sorted[k].row < n.row) k++;
      const next = ordered ? sorted[k] : undefined;
      const pos = next ? next.start : sheetData.closeStart;
      this.splices.push({ start: pos, end: pos, text: n.xml });
      if (next && !next.hasR) this.fixRow(next, 'r', String(next.row + 1));
    }
  }

  /** Row start tags changed (spans, an explicit r), and self-closing rows that now hold cells. */
  private fixRowTags(): void {
    for (const row of new Set([...this.rowFixes.keys(), ...this.selfClosingFill.keys()])) {
      let open = this.text.slice(row.start, row.openEnd);
      for (const [k, v] of this.rowFixes.get(row) ?? []) open = setAttr(open, k, v);
      const fill = this.selfClosingFill.get(row);
      if (fill !== undefined) this.splices.push({ start: row.start, end: row.end, text: `${open.slice(0, -2).replace(/\s+$/, '')}>${fill}</${this.prefix}row>` });
      else this.splices.push({ start: row.start, end: row.openEnd, text: open });
    }
  }

  /** The dimension covers what was written. */
  private growDimension(): void {
    const dim = this.scan.top.get('dimension');
    const area = dim?.attrs.ref ? parseRangeRef(dim.attrs.ref) : null;
    if (!dim || !area) return;
    const grown = { ...area };
    for (const w of this.writes) {
      grown.top = Math.min(grown.top, w.row);
      grown.bottom = Math.max(grown.bottom, w.row);
      grown.left = Math.min(grown.left, w.col);
      grown.right = Math.max(grown.right, w.col);
    }
    if (grown.top === area.top && grown.bottom === area.bottom && grown.left === area.left && grown.right === area.right) return;
    const ref = `${colLetters(grown.left)}${grown.top + 1}:${colLetters(grown.right)}${grown.bottom + 1}`;
    this.splices.push({ start: dim.start, end: dim.openEnd, text: setAttr(this.text.slice(dim.start, dim.openEnd), 'ref', ref) });
  }
}
