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
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
};

export type Parser = SaxesParser<{ position: boolean }>;

/**
 * A saxes parser over one part. Namespaces are not resolved (OOXML parts
 * use fixed vocabularies; callers match local names, so transitional and
 * strict files read alike). A doctype event is refused too (defence in depth
 * behind decodeXml).
 */
export function makeParser(part: string, position = false): Parser {
  const options: SaxesOptions = { position };
  const parser = new SaxesParser(options) as Parser;
  parser.on('doctype', () => {
    throw new XlsxError('doctype', part);
  });
  return parser;
}

/** Runs a parser over a whole text, turning parse errors into XlsxError('damaged'). */
export function runParser(parser: Parser, text: string, part: string): void {
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof XlsxError) throw error;
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new XlsxError('damaged', `${part}: ${why}`);
  }
}

// ---- escaping ---------------------------------------------------------------

/** Escapes text content: & < > (and nothing else needs it). */
export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Escapes an attribute value written between double quotes (tabs and newlines too, or a parser normalises them to spaces). */
export function escapeAttr(text: string): string {
  return text.replace(/[&<>"\t\n\r]/g, (c) => ATTR[c]);
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
export function encodeCellText(text: string): string {
  let encoded = text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT) : text;
  if (encoded.length === MAX_CELL_TEXT && /[\ud800-\udbff]$/.test(encoded)) encoded = encoded.slice(0, -1);
  encoded = encoded.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_');
  // eslint-disable-next-line no-control-regex
  encoded = encoded.replace(/[\x00-\x08\x0b-\x1f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  return escapeText(encoded);
}

/** The inverse of encodeCellText's "_xHHHH_" step (entities are already resolved by the parser). */
export function decodeCellText(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}
