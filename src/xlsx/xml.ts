// XML for the package reader and writer: decoding a part (refusing any
// DOCTYPE before a parser sees it), a saxes parser that turns its errors
// into XlsxError, and escaping for what the writer puts into parts.

import { SaxesParser, type SaxesOptions } from 'saxes';
import { XlsxError } from './errors';

const utf8 = new TextDecoder('utf-8');

/**
 * A part's bytes as text. UTF-8 unless a BOM says UTF-16 (both are allowed
 * in OOXML). Any DOCTYPE is refused here: OOXML never has one, and a DTD is
 * how entity-expansion attacks ("billion laughs") get in.
 */
export function decodeXml(bytes: Uint8Array, part: string): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes);
  else text = utf8.decode(bytes);
  if (text.includes('<!DOCTYPE')) throw new XlsxError('doctype', part);
  return text;
}

/** Local name of a possibly prefixed XML name: "x:row" → "row". */
export const localName = (qname: string): string => {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
};

export type Parser = SaxesParser<{ position: boolean }>;

/**
 * A saxes parser over one part. Namespaces are not resolved (OOXML parts
 * use fixed vocabularies; callers match local names, so transitional and
 * strict files read alike). A doctype event is refused too (defence in depth
 * behind decodeXml).
 */
export function makeParser(part: string, position = false): Parser {
  const opts: SaxesOptions = { position };
  const p = new SaxesParser(opts) as Parser;
  p.on('doctype', () => {
    throw new XlsxError('doctype', part);
  });
  return p;
}

/** Runs a parser over a whole text, turning parse errors into XlsxError('damaged'). */
export function runParser(p: Parser, text: string, part: string): void {
  try {
    p.write(text).close();
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new XlsxError('damaged', `${part}: ${why}`);
  }
}

// ---- escaping ---------------------------------------------------------------

/** Escapes text content: & < > (and nothing else needs it). */
export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Escapes an attribute value written between double quotes (tabs and newlines too, or a parser normalises them to spaces). */
export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\t\n\r]/g, (c) => ATTR[c]);
}
const ATTR: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Excel's cap on the characters a cell holds. */
const MAX_CELL_TEXT = 32767;

/**
 * A cell's text as OOXML stores it (ST_Xstring): characters XML 1.0 cannot
 * hold (C0 controls other than tab and line feed, and U+FFFE/U+FFFF) become
 * "_xHHHH_", and a literal "_xHHHH_" in the text has its underscore escaped
 * ("_x005F_xHHHH_") so it reads back as written. Capped at 32,767 characters
 * (without splitting a surrogate pair).
 */
export function encodeCellText(s: string): string {
  let t = s.length > MAX_CELL_TEXT ? s.slice(0, MAX_CELL_TEXT) : s;
  if (t.length === MAX_CELL_TEXT && /[\ud800-\udbff]$/.test(t)) t = t.slice(0, -1);
  t = t.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_');
  // eslint-disable-next-line no-control-regex
  t = t.replace(/[\x00-\x08\x0b-\x1f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  return escapeText(t);
}

/** The inverse of encodeCellText's "_xHHHH_" step (entities are already resolved by the parser). */
export function decodeCellText(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}
