// Editing XML text in place: find elements with their exact offsets (saxes
// with position tracking), then splice replacements in, leaving every other
// byte of the part as it was.

import { XlsxError } from './errors';
import { escapeAttr, localName, makeParser, runParser } from './xml';

export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping splices (in any order; equal starts keep their given order). */
export function applySplices(text: string, splices: Splice[]): string {
  if (splices.length === 0) return text;
  const sorted = splices.map((s, i) => ({ ...s, i })).sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) throw new Error(`overlapping edits at ${s.start}`);
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
}

export interface ElementAt {
  /** Qualified name as written ("sheet", "x:sheet"). */
  qname: string;
  name: string;
  attrs: Record<string, string>;
  /** Offset of "<". */
  start: number;
  /** Offset just after the start tag's ">" (equals `end` when self-closing). */
  openEnd: number;
  /** Offset of the end tag's "<" (equals `end` when self-closing). */
  closeStart: number;
  /** Offset just after the element. */
  end: number;
  selfClosing: boolean;
  /** Local names of the ancestors, outermost first. */
  path: string[];
}

/** Every element whose local name `want` accepts, with its offsets. For small parts (workbook, rels, content types, styles). */
export function findElements(text: string, part: string, want: (name: string, path: string[]) => boolean): ElementAt[] {
  const out: ElementAt[] = [];
  const stack: { name: string; el: ElementAt | null }[] = [];
  const p = makeParser(part, true);
  let tagStart = 0;
  p.on('opentagstart', () => {
    tagStart = text.lastIndexOf('<', p.position - 1);
  });
  p.on('opentag', (tag) => {
    const name = localName(tag.name);
    const path = stack.map((s) => s.name);
    let el: ElementAt | null = null;
    if (want(name, path)) {
      el = { qname: tag.name, name, attrs: tag.attributes as Record<string, string>, start: tagStart, openEnd: p.position, closeStart: p.position, end: p.position, selfClosing: tag.isSelfClosing, path };
      out.push(el);
    }
    stack.push({ name, el });
  });
  p.on('closetag', () => {
    const top = stack.pop();
    if (top?.el && !top.el.selfClosing) {
      top.el.end = p.position;
      top.el.closeStart = text.lastIndexOf('<', p.position - 1);
    }
  });
  runParser(p, text, part);
  return out;
}

export function requireElement(els: ElementAt[], name: string, part: string): ElementAt {
  const el = els.find((e) => e.name === name);
  if (!el) throw new XlsxError('damaged', `${part}: no <${name}>`);
  return el;
}

/** A start tag (the text from "<" to ">") with one attribute set (replaced where present, else added before the end). */
export function setAttr(startTag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(startTag)) return startTag.replace(re, (_, pre: string) => `${pre}"${escapeAttr(value)}"`);
  const close = startTag.endsWith('/>') ? startTag.length - 2 : startTag.length - 1;
  return `${startTag.slice(0, close)} ${name}="${escapeAttr(value)}"${startTag.slice(close)}`;
}

/** The prefix ("x:") of a qualified name, or "". */
export const prefixOf = (qname: string): string => {
  const i = qname.indexOf(':');
  return i < 0 ? '' : qname.slice(0, i + 1);
};

/** The namespace prefix bound to `uri` on the root element's start tag ("r"), if any. */
export function prefixFor(text: string, uri: string): string | undefined {
  const root = /<[A-Za-z_][\w.:-]*(\s[^>]*)?>/.exec(text.replace(/^<\?xml[^>]*\?>/, ''));
  if (!root) return undefined;
  const re = /\sxmlns:([\w.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(root[0]); m; m = re.exec(root[0])) if ((m[3] ?? m[4]) === uri) return m[1];
  return undefined;
}
