// A small XML tokenizer for the one part that is large: a worksheet (a
// report of 20,000 items is 6 MB of <c> elements). It gives the events the
// worksheet reader needs — a start tag with its attributes, an end tag, text —
// by local name, as saxes does for the other parts, at a fraction of saxes'
// cost: text is decoded only where the reader collects it (<v>, <f>, <t>),
// attributes only of the elements it reads. It refuses what is not
// well-formed in the ways that matter to a reader (unclosed or crossed
// elements, an unknown entity, text outside the root, a DOCTYPE), as
// XlsxError('damaged') or ('doctype'); it is not a validating parser.
// Host-neutral, like the rest of src/xlsx.

import { XlsxError } from './errors';

/** What the scanner tells its reader; names are local names ("x:c" → "c"). */
export interface ScanEvents {
  /** A start tag; `attributes` holds values (entities decoded) only for elements `wantsAttributes` accepts, else it is empty. */
  open(name: string, attributes: Record<string, string>, selfClosing: boolean): void;
  close(name: string): void;
  /** Text or CDATA inside an element, decoded; given only while `wantsText` is true. */
  text(text: string): void;
  wantsText(): boolean;
  wantsAttributes(name: string): boolean;
}

const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const COLON = 0x3a;
const AMPERSAND = 0x26;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

/** The character a name ends at: space, "/", ">" or "=". */
const endsName = (c: number) => isSpace(c) || c === SLASH || c === GT || c === EQUALS;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text with its five named entities and character references decoded; an unknown entity makes the part damaged. */
function decodeEntities(source: string, part: string): string {
  if (source.indexOf('&') < 0) return source;
  return source.replace(/&([^;&]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new XlsxError('damaged', `${part}: "&" not escaped`);
    const named = ENTITIES[name];
    if (named !== undefined) return named;
    const code = name.startsWith('#x') ? parseInt(name.slice(2), 16) : name.startsWith('#') ? parseInt(name.slice(1), 10) : NaN;
    if (!Number.isInteger(code) || code < 1 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw new XlsxError('damaged', `${part}: unknown entity &${name};`);
    return String.fromCodePoint(code);
  });
}

/** Line ends as XML hands them on: CR LF and a lone CR become LF. */
const lineEnds = (s: string) => (s.indexOf('\r') < 0 ? s : s.replace(/\r\n?/g, '\n'));

/** An attribute value as a parser gives it: line ends, then each whitespace character, become spaces (XML's normalisation), then entities are decoded. */
function attributeValue(text: string, from: number, to: number, part: string): string {
  const raw = text.slice(from, to);
  // Most values ("A1", "3", "s") need neither: look before reaching for a regular expression.
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === AMPERSAND || code === 0x09 || code === 0x0a || code === 0x0d) return decodeEntities(lineEnds(raw).replace(/[\t\n]/g, ' '), part);
  }
  return raw;
}

/** Scans a whole part, telling `events` what it finds; throws XlsxError for what is not well-formed. */
export function scanXml(text: string, part: string, events: ScanEvents): void {
  const scanner = new Scanner(text, part, events);
  scanner.run();
}

class Scanner {
  private pos = 0;
  /** The elements open, by qualified name (to match their end tags) and by local name (to report them). */
  private readonly open: string[] = [];
  private readonly openLocal: string[] = [];
  private sawRoot = false;

  constructor(
    private readonly text: string,
    private readonly part: string,
    private readonly events: ScanEvents,
  ) {}

  private damaged(why: string): XlsxError {
    return new XlsxError('damaged', `${this.part}: ${why}`);
  }

  run(): void {
    const { text } = this;
    const end = text.length;
    while (this.pos < end) {
      const lt = text.indexOf('<', this.pos);
      const stop = lt < 0 ? end : lt;
      if (stop > this.pos) this.textBetween(this.pos, stop);
      if (lt < 0) break;
      const next = text.charCodeAt(lt + 1);
      if (next === SLASH) this.endTag(lt);
      else if (next === QUESTION) this.skipPast(lt, '?>');
      else if (next === BANG) this.markup(lt);
      else this.startTag(lt);
    }
    if (this.open.length > 0) throw this.damaged(`<${this.open[this.open.length - 1]}> not closed`);
    if (!this.sawRoot) throw this.damaged('no element');
  }

  /** Text between tags: inside the root, given to the reader when it wants it; outside, only whitespace is allowed. */
  private textBetween(from: number, to: number): void {
    if (this.open.length === 0) {
      for (let i = from; i < to; i++) if (!isSpace(this.text.charCodeAt(i))) throw this.damaged('text outside the root element');
      return;
    }
    if (this.events.wantsText()) this.events.text(decodeEntities(lineEnds(this.text.slice(from, to)), this.part));
  }

  private skipPast(from: number, terminator: string): number {
    const at = this.text.indexOf(terminator, from);
    if (at < 0) throw this.damaged(`unterminated ${this.text.slice(from, from + 9)}`);
    this.pos = at + terminator.length;
    return at;
  }

  /** <!-- comment -->, <![CDATA[ … ]]>; a DOCTYPE is refused (see decodeXml). */
  private markup(lt: number): void {
    const text = this.text;
    if (text.startsWith('<!--', lt)) {
      this.skipPast(lt + 4, '-->');
    } else if (text.startsWith('<![CDATA[', lt)) {
      if (this.open.length === 0) throw this.damaged('CDATA outside the root element');
      const at = this.skipPast(lt + 9, ']]>');
      if (this.events.wantsText()) this.events.text(lineEnds(text.slice(lt + 9, at)));
    } else if (text.startsWith('<!DOCTYPE', lt)) {
      throw new XlsxError('doctype', this.part);
    } else {
      throw this.damaged(`unexpected ${text.slice(lt, lt + 9)}`);
    }
  }

  private endTag(lt: number): void {
    const text = this.text;
    const expected = this.open.pop();
    const name = this.openLocal.pop();
    let gt = -1;
    if (expected !== undefined && text.startsWith(expected, lt + 2)) {
      // The name the element opened with, then ">" (or spaces and ">").
      let cursor = lt + 2 + expected.length;
      while (isSpace(text.charCodeAt(cursor))) cursor++;
      if (text.charCodeAt(cursor) === GT) gt = cursor;
    }
    if (gt < 0) {
      const end = text.indexOf('>', lt + 2);
      const qname = end < 0 ? text.slice(lt + 2, lt + 40) : text.slice(lt + 2, end).trimEnd();
      throw this.damaged(end < 0 ? 'unterminated end tag' : expected === undefined ? `</${qname}> without a start` : `</${qname}> closes <${expected}>`);
    }
    this.pos = gt + 1;
    this.events.close(name!);
  }

  private startTag(lt: number): void {
    const text = this.text;
    const end = text.length;
    let cursor = lt + 1;
    let colon = -1;
    for (; cursor < end; cursor++) {
      const code = text.charCodeAt(cursor);
      if (endsName(code)) break;
      if (code === COLON) colon = cursor;
    }
    if (cursor === lt + 1) throw this.damaged('a "<" that opens no tag');
    if (this.open.length === 0 && this.sawRoot) throw this.damaged('a second root element');
    const qname = text.slice(lt + 1, cursor);
    const name = colon < 0 ? qname : text.slice(colon + 1, cursor);
    const wanted = this.events.wantsAttributes(name);
    let attributes = NO_ATTRIBUTES;
    for (;;) {
      while (cursor < end && isSpace(text.charCodeAt(cursor))) cursor++;
      if (cursor >= end) throw this.damaged(`unterminated <${qname}>`);
      const code = text.charCodeAt(cursor);
      if (code === GT) {
        this.pos = cursor + 1;
        this.sawRoot = true;
        this.open.push(qname);
        this.openLocal.push(name);
        this.events.open(name, attributes, false);
        return;
      }
      if (code === SLASH) {
        if (text.charCodeAt(cursor + 1) !== GT) throw this.damaged(`"/" inside <${qname}>`);
        this.pos = cursor + 2;
        this.sawRoot = true;
        this.events.open(name, attributes, true);
        this.events.close(name);
        return;
      }
      // An attribute: name = "value" or 'value'.
      const nameStart = cursor;
      while (cursor < end && !endsName(text.charCodeAt(cursor))) cursor++;
      const attributeName = text.slice(nameStart, cursor);
      while (cursor < end && isSpace(text.charCodeAt(cursor))) cursor++;
      if (attributeName === '' || text.charCodeAt(cursor) !== EQUALS) throw this.damaged(`attribute without a value in <${qname}>`);
      cursor++;
      while (cursor < end && isSpace(text.charCodeAt(cursor))) cursor++;
      const quote = text.charCodeAt(cursor);
      if (quote !== QUOTE && quote !== APOSTROPHE) throw this.damaged(`attribute value not quoted in <${qname}>`);
      const close = text.indexOf(quote === QUOTE ? '"' : "'", cursor + 1);
      if (close < 0) throw this.damaged(`unterminated attribute in <${qname}>`);
      if (wanted) {
        if (attributes === NO_ATTRIBUTES) attributes = {};
        attributes[attributeName] = attributeValue(text, cursor + 1, close, this.part);
      }
      cursor = close + 1;
      const after = text.charCodeAt(cursor);
      if (!isSpace(after) && after !== GT && after !== SLASH) throw this.damaged(`attributes not separated in <${qname}>`);
    }
  }
}
