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
  const parser = makeParser(part, true);
  let depth = 0;
  let tagStart = 0;
  let inSheetData = false;
  let row: RowAt | null = null;
  let rowIndex = -1;
  let col = -1;
  let cell: CellAt | null = null;
  let formula: { attrs: Record<string, string>; start: number; text: string } | null = null;
  let topOpen: { name: string; el: TopAt } | null = null;
  parser.on('opentagstart', () => {
    tagStart = text.lastIndexOf('<', parser.position - 1);
  });
  parser.on('opentag', (tag) => {
    depth++;
    const name = tag.name.indexOf(':') < 0 ? tag.name : localName(tag.name);
    const attrs = tag.attributes as Record<string, string>;
    if (depth === 1) {
      scan.rootQname = tag.name;
      return;
    }
    if (depth === 2) {
      const element: TopAt = { start: tagStart, openEnd: parser.position, closeStart: parser.position, end: parser.position, selfClosing: tag.isSelfClosing, attrs };
      if (!scan.top.has(name)) scan.top.set(name, element);
      topOpen = { name, el: element };
      inSheetData = name === 'sheetData';
      return;
    }
    if (depth === 3 && topOpen?.name === 'cols' && name === 'col' && attrs.style) {
      scan.colStyles.push({ min: Number(attrs.min) - 1, max: Number(attrs.max) - 1, style: Number(attrs.style) });
      return;
    }
    if (!inSheetData) return;
    if (depth === 3 && name === 'row') {
      rowIndex = attrs.r ? Number(attrs.r) - 1 : rowIndex + 1;
      col = -1;
      row = {
        row: rowIndex,
        start: tagStart,
        openEnd: parser.position,
        closeStart: parser.position,
        end: parser.position,
        selfClosing: tag.isSelfClosing,
        hasR: !!attrs.r,
        style: attrs.customFormat === '1' || attrs.customFormat === 'true' ? Number(attrs.s ?? 0) : null,
        spans: attrs.spans,
        cells: targetRows.has(rowIndex) ? [] : null,
      };
      scan.rows.push(row);
      return;
    }
    if (depth === 4 && name === 'c') {
      const at = attrs.r ? parseCellRef(attrs.r) : null;
      col = at ? at.col : col + 1;
      cell = { col, start: tagStart, end: parser.position, hasR: !!attrs.r, style: attrs.s ? Number(attrs.s) : -1, hasFormula: false, ph: attrs.ph };
      return;
    }
    if (depth === 5 && name === 'f' && cell) {
      formula = { attrs, start: tagStart, text: '' };
      cell.hasFormula = true;
      scan.hasFormulas = true;
    }
  });
  parser.on('text', (t) => {
    if (formula) formula.text += t;
  });
  parser.on('closetag', (tag) => {
    const name = tag.name.indexOf(':') < 0 ? tag.name : localName(tag.name);
    if (depth === 2 && topOpen) {
      topOpen.el.end = parser.position;
      topOpen.el.closeStart = topOpen.el.selfClosing ? parser.position : text.lastIndexOf('<', parser.position - 1);
      if (topOpen.name === 'sheetData') inSheetData = false;
      topOpen = null;
    } else if (depth === 3 && row && name === 'row') {
      row.end = parser.position;
      row.closeStart = row.selfClosing ? parser.position : text.lastIndexOf('<', parser.position - 1);
      row = null;
    } else if (depth === 4 && cell && name === 'c') {
      cell.end = parser.position;
      if (row?.cells) row.cells.push(cell);
      cell = null;
    } else if (depth === 5 && formula && name === 'f') {
      const formulaType = formula.attrs.t;
      const here = { row: rowIndex, col };
      if (formulaType === 'shared') {
        const si = formula.attrs.si ?? '';
        const group = scan.shared.get(si) ?? { text: '', row: -1, col: -1, dependents: [] };
        if (formula.text) Object.assign(group, { text: formula.text, ...here });
        else group.dependents.push({ ...here, fStart: formula.start, fEnd: parser.position });
        scan.shared.set(si, group);
      } else if ((formulaType === 'array' || formulaType === 'dataTable') && formula.attrs.ref) {
        const area = parseRangeRef(formula.attrs.ref);
        if (area && (area.bottom > area.top || area.right > area.left)) scan.arrays.push(area);
      }
      formula = null;
    }
    depth--;
  });
  runParser(parser, text, part);
  return scan;
}

/**
 * A cell's XML for a write: a formula as <f> with its cached result, text as
 * an inline string. `prefix` is the worksheet's own namespace prefix ("x:"
 * in <x:worksheet xmlns:x=…>): every element is written with it, or readers
 * that resolve namespaces would not see the cell.
 */
export function cellXml(ref: string, style: number, write: CellWrite, ph?: string, prefix = ''): string {
  const styleAttr = style > 0 ? ` s="${style}"` : '';
  const extra = ph ? ` ph="${ph}"` : '';
  const open = (type?: string) => `<${prefix}c r="${ref}"${styleAttr}${extra}${type ? ` t="${type}"` : ''}`;
  const value = (text: string | number) => `<${prefix}v>${text}</${prefix}v>`;
  const cellValue: CellValue = write.value;
  if (write.formula) {
    const formulaXml = `<${prefix}f>${escapeText(write.formula.replace(/^=/, ''))}</${prefix}f>`;
    if (cellValue === null) return `${open()}>${formulaXml}</${prefix}c>`;
    if (typeof cellValue === 'number') return Number.isFinite(cellValue) ? `${open()}>${formulaXml}${value(cellValue)}</${prefix}c>` : `${open('e')}>${formulaXml}${value('#NUM!')}</${prefix}c>`;
    if (typeof cellValue === 'boolean') return `${open('b')}>${formulaXml}${value(cellValue ? 1 : 0)}</${prefix}c>`;
    return `${open('str')}>${formulaXml}${value(encodeCellText(cellValue))}</${prefix}c>`;
  }
  if (cellValue === null || cellValue === '') return `${open()}/>`;
  if (typeof cellValue === 'number') return Number.isFinite(cellValue) ? `${open()}>${value(cellValue)}</${prefix}c>` : `${open('e')}>${value('#NUM!')}</${prefix}c>`;
  if (typeof cellValue === 'boolean') return `${open('b')}>${value(cellValue ? 1 : 0)}</${prefix}c>`;
  // Inline strings keep sharedStrings.xml untouched (and each written cell self-contained); Excel moves them to the shared table when it saves.
  return `${open('inlineStr')}><${prefix}is><${prefix}t xml:space="preserve">${encodeCellText(cellValue)}</${prefix}t></${prefix}is></${prefix}c>`;
}

const spanOf = (spans: string | undefined) => {
  const match = spans ? /^(\d+):(\d+)$/.exec(spans) : null;
  return match ? { a: Number(match[1]), b: Number(match[2]) } : null;
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
    for (const write of writes) {
      const list = this.byRow.get(write.row);
      if (list) list.push(write);
      else this.byRow.set(write.row, [write]);
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
    for (const [rowIndex, list] of this.byRow) {
      list.sort((a, b) => a.col - b.col);
      const row = rowsByIndex.get(rowIndex);
      if (row) this.intoRow(row, rowIndex, list);
      else this.newRows.push({ row: rowIndex, xml: `<${this.prefix}row r="${rowIndex + 1}">${list.map((w) => this.cell(w, this.colStyle(w.col))).join('')}</${this.prefix}row>` });
    }
    this.addRows(sheetData);
    this.fixRowTags();
    this.growDimension();
    return { text: applySplices(this.text, this.splices), removedFormula: this.removedFormula };
  }

  private colStyle(column: number): number {
    return this.scan.colStyles.find((x) => column >= x.min && column <= x.max)?.style ?? 0;
  }

  private cell(write: CellWrite, base: number, ph?: string): string {
    const style = write.numberFormat !== undefined || write.bold ? this.styles().styleFor(base, write.numberFormat, write.bold) : base;
    return cellXml(`${colLetters(write.col)}${write.row + 1}`, style, write, ph, this.prefix);
  }

  private fixRow(row: RowAt, attr: string, value: string): void {
    this.rowFixes.set(row, [...(this.rowFixes.get(row) ?? []), [attr, value]]);
  }

  private refuseArrayFormulas(): void {
    for (const write of this.writes) {
      for (const area of this.scan.arrays) {
        if (write.row >= area.top && write.row <= area.bottom && write.col >= area.left && write.col <= area.right) {
          throw new XlsxError('unsupported', `${this.part}: ${colLetters(write.col)}${write.row + 1} is inside an array formula`);
        }
      }
    }
  }

  /** Shared formulas whose master is overwritten: each dependent gets its own formula text. */
  private unshareOverwrittenMasters(): void {
    for (const group of this.scan.shared.values()) {
      if (!this.written.has(`${group.row}:${group.col}`) || !group.text) continue;
      for (const dependent of group.dependents) {
        if (this.written.has(`${dependent.row}:${dependent.col}`)) continue;
        this.splices.push({ start: dependent.fStart, end: dependent.fEnd, text: `<${this.prefix}f>${escapeText(shiftFormula(group.text, dependent.row - group.row, dependent.col - group.col))}</${this.prefix}f>` });
      }
    }
  }

  /** Writes into a row that exists: its cells replaced or inserted in column order. */
  private intoRow(row: RowAt, rowIndex: number, list: CellWrite[]): void {
    const cells = row.cells ?? [];
    const inserts = new Map<number, string[]>();
    let maxCol = -1;
    let minCol = Infinity;
    for (const write of list) {
      maxCol = Math.max(maxCol, write.col);
      minCol = Math.min(minCol, write.col);
      const at = cells.findIndex((c) => c.col >= write.col);
      const existing = at >= 0 && cells[at].col === write.col ? cells[at] : null;
      if (existing) {
        // A formula is never replaced by a constant, unless the write says it means to (a fix the user looked at).
        if (existing.hasFormula && !write.formula && !write.replacesFormula) throw new XlsxError('unsupported', `${this.part}: ${colLetters(write.col)}${rowIndex + 1} holds a formula; a value is not written over it`);
        if (existing.hasFormula && !write.formula) this.removedFormula = true;
        const base = existing.style >= 0 ? existing.style : row.style ?? this.colStyle(write.col);
        this.splices.push({ start: existing.start, end: existing.end, text: this.cell(write, base, existing.ph) });
        continue;
      }
      const key = at >= 0 ? at : cells.length;
      inserts.set(key, [...(inserts.get(key) ?? []), this.cell(write, row.style ?? this.colStyle(write.col))]);
      // The cell after an insertion must not rely on an implicit position.
      if (at >= 0 && !cells[at].hasR) {
        const nextCell = cells[at];
        const open = this.text.slice(nextCell.start, this.text.indexOf('>', nextCell.start) + 1);
        if (!this.written.has(`${rowIndex}:${nextCell.col}`)) this.splices.push({ start: nextCell.start, end: nextCell.start + open.length, text: setAttr(open, 'r', `${colLetters(nextCell.col)}${rowIndex + 1}`) });
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
    let cursor = 0;
    const sorted = [...rows].sort((a, b) => a.row - b.row);
    const ordered = rows.every((r, i) => i === 0 || r.row > rows[i - 1].row);
    for (const newRow of newRows) {
      while (cursor < sorted.length && sorted[cursor].row < newRow.row) cursor++;
      const next = ordered ? sorted[cursor] : undefined;
      const pos = next ? next.start : sheetData.closeStart;
      this.splices.push({ start: pos, end: pos, text: newRow.xml });
      if (next && !next.hasR) this.fixRow(next, 'r', String(next.row + 1));
    }
  }

  /** Row start tags changed (spans, an explicit r), and self-closing rows that now hold cells. */
  private fixRowTags(): void {
    for (const row of new Set([...this.rowFixes.keys(), ...this.selfClosingFill.keys()])) {
      let open = this.text.slice(row.start, row.openEnd);
      for (const [attr, value] of this.rowFixes.get(row) ?? []) open = setAttr(open, attr, value);
      const fill = this.selfClosingFill.get(row);
      if (fill !== undefined) this.splices.push({ start: row.start, end: row.end, text: `${open.slice(0, -2).replace(/\s+$/, '')}>${fill}</${this.prefix}row>` });
      else this.splices.push({ start: row.start, end: row.openEnd, text: open });
    }
  }

  /** The dimension covers what was written. */
  private growDimension(): void {
    const dimension = this.scan.top.get('dimension');
    const area = dimension?.attrs.ref ? parseRangeRef(dimension.attrs.ref) : null;
    if (!dimension || !area) return;
    const grown = { ...area };
    for (const write of this.writes) {
      grown.top = Math.min(grown.top, write.row);
      grown.bottom = Math.max(grown.bottom, write.row);
      grown.left = Math.min(grown.left, write.col);
      grown.right = Math.max(grown.right, write.col);
    }
    if (grown.top === area.top && grown.bottom === area.bottom && grown.left === area.left && grown.right === area.right) return;
    const ref = `${colLetters(grown.left)}${grown.top + 1}:${colLetters(grown.right)}${grown.bottom + 1}`;
    this.splices.push({ start: dimension.start, end: dimension.openEnd, text: setAttr(this.text.slice(dimension.start, dimension.openEnd), 'ref', ref) });
  }
}
