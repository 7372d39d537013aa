// styles.xml, append only: a write with a number format or bold gets a new
// <xf> cloned from its cell's xf (and, for bold, a new <font> cloned from
// that xf's font with <b/>; for a format that is not built in, a new <numFmt>
// with an id from 164). Nothing other cells use is ever modified; identical
// requests share one new xf, and an xf, font or border identical to one
// already there (an earlier run's) is that one. An empty <styleSheet/>
// becomes the minimal one (stylesFor).

import { applySplices, findElements, prefixOf, setAttr, type ElementAt, type Splice } from './edit';
import { builtinId, formatCode } from './numfmt';
import { escapeAttr } from './xml';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A minimal styles part, for a package that has none. */
export const EMPTY_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${MAIN_NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** How a cell looks, beyond its xf: what a write asks for. */
export interface Look {
  numberFormat?: string;
  bold?: boolean;
  /** Thin borders on all four sides (a form's table). */
  border?: boolean;
  /** Text wraps, aligned to the top. */
  wrap?: boolean;
  /** A solid fill, RRGGBB (a finding's mark in the checked copy). */
  fill?: string;
}

const THIN = (p: string) =>
  `<${p}border><${p}left style="thin"><${p}color auto="1"/></${p}left><${p}right style="thin"><${p}color auto="1"/></${p}right><${p}top style="thin"><${p}color auto="1"/></${p}top><${p}bottom style="thin"><${p}color auto="1"/></${p}bottom><${p}diagonal/></${p}border>`;

export class StyleEditor {
  private readonly text: string;
  private readonly xfs: ElementAt[];
  private readonly fonts: ElementAt[];
  private readonly cellXfs: ElementAt;
  private readonly fontsEl: ElementAt;
  private readonly bordersEl: ElementAt | undefined;
  private readonly borders: ElementAt[];
  private readonly borderCount: number;
  private thinBorder: number | null = null;
  private readonly newBorders: string[] = [];
  private readonly fillsEl: ElementAt | undefined;
  private readonly fillCount: number;
  private readonly solidFills = new Map<string, number>();
  private readonly newFills: string[] = [];
  private readonly numFmtsEl: ElementAt | undefined;
  private readonly styleSheet: ElementAt;
  private readonly custom = new Map<number, string>();
  private readonly newXfs: string[] = [];
  private readonly newFonts: string[] = [];
  private readonly newNumFmts: string[] = [];
  private readonly memo = new Map<string, number>();
  private readonly boldFontOf = new Map<number, number>();
  private nextNumFmtId: number;

  constructor(text: string, part: string) {
    this.text = text;
    const elements = findElements(text, part, (name, path) => {
      const parent = path[path.length - 1];
      return (
        (name === 'xf' && parent === 'cellXfs') ||
        (name === 'font' && parent === 'fonts') ||
        (name === 'numFmt' && parent === 'numFmts') ||
        (name === 'border' && parent === 'borders') ||
        (name === 'fill' && parent === 'fills') ||
        ((name === 'cellXfs' || name === 'fonts' || name === 'numFmts' || name === 'borders' || name === 'fills') && path.length === 1) ||
        path.length === 0
      );
    });
    this.styleSheet = elements[0];
    this.xfs = elements.filter((e) => e.name === 'xf');
    this.fonts = elements.filter((e) => e.name === 'font');
    const find = (n: string) => elements.find((e) => e.name === n);
    this.numFmtsEl = find('numFmts');
    const fontsEl = find('fonts');
    const cellXfs = find('cellXfs');
    if (!fontsEl || !cellXfs || fontsEl.selfClosing || cellXfs.selfClosing || this.fonts.length === 0 || this.xfs.length === 0) {
      throw new Error(`${part}: no fonts or cell formats to clone`);
    }
    this.fontsEl = fontsEl;
    this.cellXfs = cellXfs;
    this.bordersEl = find('borders');
    this.borders = elements.filter((e) => e.name === 'border');
    this.borderCount = this.borders.length;
    this.fillsEl = find('fills');
    this.fillCount = elements.filter((e) => e.name === 'fill').length;
    for (const element of elements) if (element.name === 'numFmt') this.custom.set(Number(element.attrs.numFmtId), element.attrs.formatCode ?? '');
    this.nextNumFmtId = Math.max(163, ...this.custom.keys()) + 1;
  }

  get changed(): boolean {
    return this.newXfs.length > 0;
  }

  /** The xf index of a cell styled as `base` with this number format and/or bold; `base` itself when it already is. */
  styleFor(base: number, numberFormat: string | undefined, bold: boolean | undefined): number {
    return this.styleWith(base, { numberFormat, bold });
  }

  /** The xf index of a cell styled as `base` with the look asked for (a new xf unless `base` already looks so). */
  styleWith(base: number, look: Look): number {
    const { numberFormat, bold } = look;
    const from = base >= 0 && base < this.xfs.length + this.newXfs.length ? base : 0;
    const key = `${from}\u0000${numberFormat ?? ''}\u0000${bold ? 1 : 0}\u0000${look.border ? 1 : 0}\u0000${look.wrap ? 1 : 0}\u0000${look.fill ?? ''}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    let tag = this.xfSource(from);
    const open = /^<[^>]*>/.exec(tag)![0];
    let start = open;
    let changed = false;
    if (look.border) {
      start = setAttr(setAttr(start, 'borderId', String(this.thin())), 'applyBorder', '1');
      changed = true;
    }
    if (look.wrap) {
      start = setAttr(start, 'applyAlignment', '1');
      changed = true;
    }
    if (look.fill !== undefined) {
      start = setAttr(setAttr(start, 'fillId', String(this.solid(look.fill))), 'applyFill', '1');
      changed = true;
    }
    if (numberFormat !== undefined) {
      const current = formatCode(Number(attrOf(open, 'numFmtId') ?? 0), this.custom);
      if (current !== numberFormat) {
        start = setAttr(setAttr(start, 'numFmtId', String(this.numFmtId(numberFormat))), 'applyNumberFormat', '1');
        changed = true;
      }
    }
    if (bold) {
      const fontId = Number(attrOf(open, 'fontId') ?? 0);
      const boldFont = this.boldFont(fontId);
      if (boldFont !== fontId) {
        start = setAttr(setAttr(start, 'fontId', String(boldFont)), 'applyFont', '1');
        changed = true;
      }
    }
    if (!changed) {
      this.memo.set(key, from);
      return from;
    }
    tag = start + tag.slice(open.length);
    if (look.wrap) tag = withAlignment(tag);
    // An xf like it already there (appended by an earlier run): reused, so writing a file again adds no styles.
    const existing = this.xfs.findIndex((e) => this.text.slice(e.start, e.end) === tag);
    const index = existing >= 0 ? existing : this.xfs.length + this.newXfs.length;
    if (existing < 0) this.newXfs.push(tag);
    this.memo.set(key, index);
    return index;
  }

  /** The index of a thin border on all sides, appended once. */
  private thin(): number {
    if (this.thinBorder === null) {
      if (!this.bordersEl || this.bordersEl.selfClosing) throw new Error('styles.xml: no <borders> to add to');
      const tag = THIN(prefixOf(this.bordersEl.qname));
      const existing = this.borders.findIndex((e) => this.text.slice(e.start, e.end) === tag);
      this.thinBorder = existing >= 0 ? existing : this.borderCount + this.newBorders.length;
      if (existing < 0) this.newBorders.push(tag);
    }
    return this.thinBorder;
  }

  /** The index of a solid fill of this colour, appended once. */
  private solid(color: string): number {
    let index = this.solidFills.get(color);
    if (index === undefined) {
      if (!this.fillsEl || this.fillsEl.selfClosing) throw new Error('styles.xml: no <fills> to add to');
      const tagPrefix = prefixOf(this.fillsEl.qname);
      index = this.fillCount + this.newFills.length;
      this.newFills.push(`<${tagPrefix}fill><${tagPrefix}patternFill patternType="solid"><${tagPrefix}fgColor rgb="FF${color}"/><${tagPrefix}bgColor indexed="64"/></${tagPrefix}patternFill></${tagPrefix}fill>`);
      this.solidFills.set(color, index);
    }
    return index;
  }

  private xfSource(i: number): string {
    if (i < this.xfs.length) {
      const xf = this.xfs[i];
      return this.text.slice(xf.start, xf.end);
    }
    return this.newXfs[i - this.xfs.length];
  }

  private numFmtId(code: string): number {
    const builtin = builtinId(code);
    if (builtin !== undefined) return builtin;
    for (const [id, format] of this.custom) if (format === code) return id;
    const id = this.nextNumFmtId++;
    this.custom.set(id, code);
    const prefix = this.numFmtsEl ? prefixOf(this.numFmtsEl.qname) : prefixOf(this.styleSheet.qname);
    this.newNumFmts.push(`<${prefix}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  /** A font like `fontId` but bold: itself when already bold, else a new clone with <b/>. */
  private boldFont(fontId: number): number {
    const known = this.boldFontOf.get(fontId);
    if (known !== undefined) return known;
    const font = this.fonts[fontId] ?? this.fonts[0];
    const fontXml = this.text.slice(font.start, font.end);
    const prefix = prefixOf(font.qname);
    const bTag = new RegExp(`<${prefix}b(\\s[^>]*)?/>|<${prefix}b(\\s[^>]*)?>\\s*</${prefix}b>`);
    const boldMatch = bTag.exec(fontXml);
    if (boldMatch && !/val\s*=\s*["'](0|false)["']/.test(boldMatch[0])) {
      this.boldFontOf.set(fontId, fontId);
      return fontId;
    }
    let clone = boldMatch ? fontXml.replace(boldMatch[0], '') : fontXml;
    if (font.selfClosing) clone = `${clone.slice(0, -2)}><${prefix}b/></${font.qname}>`;
    else {
      const open = /^<[^>]*>/.exec(clone)![0];
      clone = `${open}<${prefix}b/>${clone.slice(open.length)}`;
    }
    const existing = this.fonts.findIndex((f) => this.text.slice(f.start, f.end) === clone);
    const index = existing >= 0 ? existing : this.fonts.length + this.newFonts.length;
    if (existing < 0) this.newFonts.push(clone);
    this.boldFontOf.set(fontId, index);
    return index;
  }

  /** styles.xml with the new entries appended and the counts updated; every other byte as it was. */
  result(): string {
    const splices: Splice[] = [];
    const xml = this.text;
    const startTag = (e: ElementAt) => xml.slice(e.start, xml.indexOf('>', e.start) + 1);
    if (this.newNumFmts.length > 0) {
      if (this.numFmtsEl && !this.numFmtsEl.selfClosing) {
        const numFmts = this.numFmtsEl;
        splices.push({ start: numFmts.start, end: numFmts.openEnd, text: setAttr(startTag(numFmts), 'count', String(this.custom.size)) });
        splices.push({ start: numFmts.closeStart, end: numFmts.closeStart, text: this.newNumFmts.join('') });
      } else {
        // <numFmts> is the first child of <styleSheet>.
        const tagPrefix = prefixOf(this.styleSheet.qname);
        const text = `<${tagPrefix}numFmts count="${this.newNumFmts.length}">${this.newNumFmts.join('')}</${tagPrefix}numFmts>`;
        if (this.numFmtsEl) splices.push({ start: this.numFmtsEl.start, end: this.numFmtsEl.end, text });
        else splices.push({ start: this.styleSheet.openEnd, end: this.styleSheet.openEnd, text });
      }
    }
    if (this.newFonts.length > 0) {
      const fonts = this.fontsEl;
      splices.push({ start: fonts.start, end: fonts.openEnd, text: setAttr(startTag(fonts), 'count', String(this.fonts.length + this.newFonts.length)) });
      splices.push({ start: fonts.closeStart, end: fonts.closeStart, text: this.newFonts.join('') });
    }
    if (this.newFills.length > 0 && this.fillsEl) {
      const fills = this.fillsEl;
      splices.push({ start: fills.start, end: fills.openEnd, text: setAttr(startTag(fills), 'count', String(this.fillCount + this.newFills.length)) });
      splices.push({ start: fills.closeStart, end: fills.closeStart, text: this.newFills.join('') });
    }
    if (this.newBorders.length > 0 && this.bordersEl) {
      const borders = this.bordersEl;
      splices.push({ start: borders.start, end: borders.openEnd, text: setAttr(startTag(borders), 'count', String(this.borderCount + this.newBorders.length)) });
      splices.push({ start: borders.closeStart, end: borders.closeStart, text: this.newBorders.join('') });
    }
    if (this.newXfs.length > 0) {
      const cellXfs = this.cellXfs;
      splices.push({ start: cellXfs.start, end: cellXfs.openEnd, text: setAttr(startTag(cellXfs), 'count', String(this.xfs.length + this.newXfs.length)) });
      splices.push({ start: cellXfs.closeStart, end: cellXfs.closeStart, text: this.newXfs.join('') });
    }
    return applySplices(xml, splices);
  }
}

function attrOf(startTag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(startTag);
  return match ? match[1] ?? match[2] : undefined;
}

/** An xf with <alignment wrapText="1" vertical="top"/> (replacing an alignment it had). */
function withAlignment(tag: string): string {
  const open = /^<[^>]*>/.exec(tag)![0];
  const prefix = /^<([\w.-]+:)?/.exec(open)![1] ?? '';
  const align = `<${prefix}alignment wrapText="1" vertical="top"/>`;
  if (open.endsWith('/>')) return `${open.slice(0, -2)}>${align}</${prefix}xf>`;
  const existing = new RegExp(`<${prefix}alignment\\b[^>]*?(/>|>[\\s\\S]*?</${prefix}alignment>)`);
  if (existing.test(tag)) return tag.replace(existing, align);
  return `${open}${align}${tag.slice(open.length)}`;
}

/**
 * The styles part a StyleEditor can work on: the part itself, or, when it is
 * an empty <styleSheet/> (no fonts, no cell formats: nothing any cell can
 * point to), the minimal one.
 */
export function stylesFor(text: string, part: string): string {
  const children = findElements(text, part, (_name, path) => path.length === 1);
  return children.length === 0 ? EMPTY_STYLES : text;
}
