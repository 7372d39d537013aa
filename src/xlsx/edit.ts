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
  for (const splice of sorted) {
    if (splice.start < at) throw new Error(`overlapping edits at ${splice.start}`);
    out += text.slice(at, splice.start) + splice.text;
    at = splice.end;
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
  const parser = makeParser(part, true);
  let tagStart = 0;
  parser.on('opentagstart', () => {
    tagStart = text.lastIndexOf('<', parser.position - 1);
  });
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    const path = stack.map((s) => s.name);
    let element: ElementAt | null = null;
    if (want(name, path)) {
      element = { qname: tag.name, name, attrs: tag.attributes as Record<string, string>, start: tagStart, openEnd: parser.position, closeStart: parser.position, end: parser.position, selfClosing: tag.isSelfClosing, path };
      out.push(element);
    }
    stack.push({ name, el: element });
  });
  parser.on('closetag', () => {
    const top = stack.pop();
    if (top?.el && !top.el.selfClosing) {
      top.el.end = parser.position;
      top.el.closeStart = text.lastIndexOf('<', parser.position - 1);
    }
  });
  runParser(parser, text, part);
  return out;
}

export function requireElement(elements: ElementAt[], name: string, part: string): ElementAt {
  const element = elements.find((e) => e.name === name);
  if (!element) throw new XlsxError('damaged', `${part}: no <${name}>`);
  return element;
}

/** A start tag (the text from "<" to ">") with one attribute set (replaced where present, else added before the end). */
export function setAttr(startTag: string, name: string, value: string): string {
  const pattern = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (pattern.test(startTag)) return startTag.replace(pattern, (_, before: string) => `${before}"${escapeAttr(value)}"`);
  const close = startTag.endsWith('/>') ? startTag.length - 2 : startTag.length - 1;
  return `${startTag.slice(0, close)} ${name}="${escapeAttr(value)}"${startTag.slice(close)}`;
}

/** The prefix ("x:") of a qualified name, or "". */
export const prefixOf = (qname: string): string => {
  const colon = qname.indexOf(':');
  return colon < 0 ? '' : qname.slice(0, colon + 1);
};

/** The namespace prefix bound to `uri` on the root element's start tag ("r"), if any. */
export function prefixFor(text: string, uri: string): string | undefined {
  const root = /<[A-Za-z_][\w.:-]*(\s[^>]*)?>/.exec(text.replace(/^<\?xml[^>]*\?>/, ''));
  if (!root) return undefined;
  const pattern = /\sxmlns:([\w.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  for (let match = pattern.exec(root[0]); match; match = pattern.exec(root[0])) if ((match[3] ?? match[4]) === uri) return match[1];
  return undefined;
}
