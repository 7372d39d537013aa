// The worksheet tokenizer (src/xlsx/scan.ts): the same events saxes gives
// for the same XML (the fixtures' and the preservation corpus' worksheets,
// and XML written to hit each corner), and the refusals of what is not
// well-formed.

import { SaxesParser } from 'saxes';
import { scanXml, type ScanEvents } from '../../src/xlsx/scan';
import { XlsxError } from '../../src/xlsx';
import { FIXTURE_NAMES } from '../support/fixtures';
import { buildSink, fixtureBytes, MAIN, text, unzip } from './corpus';

type Event = ['open', string, Record<string, string>, boolean] | ['close', string] | ['text', string];

const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** Adjacent text events joined (saxes may split text where an entity or CDATA sits). */
function joined(events: Event[]): Event[] {
  const out: Event[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (e[0] === 'text' && last?.[0] === 'text') last[1] += e[1];
    else out.push(e[0] === 'text' ? ['text', e[1]] : e);
  }
  return out.filter((e) => e[0] !== 'text' || e[1] !== '');
}

/** Everything saxes reports inside the root element, by local name. */
function saxesEvents(xml: string): Event[] {
  const events: Event[] = [];
  let depth = 0;
  const p = new SaxesParser({ position: false });
  p.on('opentag', (t) => {
    depth++;
    events.push(['open', local(t.name), { ...(t.attributes as Record<string, string>) }, t.isSelfClosing]);
  });
  p.on('closetag', (t) => {
    depth--;
    events.push(['close', local(t.name)]);
  });
  p.on('text', (t) => depth > 0 && events.push(['text', t]));
  p.on('cdata', (t) => events.push(['text', t]));
  p.write(xml).close();
  return joined(events);
}

/** Everything the scanner reports when it is asked for all text and all attributes. */
function scanEvents(xml: string, part = 'x.xml'): Event[] {
  const events: Event[] = [];
  const all: ScanEvents = {
    open: (name, attributes, selfClosing) => events.push(['open', name, { ...attributes }, selfClosing]),
    close: (name) => events.push(['close', name]),
    text: (t) => events.push(['text', t]),
    wantsText: () => true,
    wantsAttributes: () => true,
  };
  scanXml(xml, part, all);
  return joined(events);
}

const refusal = (xml: string): string => {
  try {
    scanEvents(xml);
  } catch (e) {
    if (e instanceof XlsxError) return e.code;
    throw e;
  }
  return 'accepted';
};

describe('the same events as saxes', () => {
  it("on every worksheet of the fixtures and of the preservation corpus", () => {
    const books = [...FIXTURE_NAMES.map((n) => fixtureBytes(n)), buildSink()];
    let sheets = 0;
    for (const book of books) {
      const parts = unzip(book);
      for (const name of parts.keys()) {
        if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
        const xml = text(parts, name);
        expect(scanEvents(xml)).toEqual(saxesEvents(xml));
        sheets++;
      }
    }
    expect(sheets).toBeGreaterThan(4);
  });

  it('entities and character references, CDATA, comments, processing instructions, prefixes, quotes, line ends in text and attributes', () => {
    const xml =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<!-- a comment -->\r\n<x:worksheet xmlns:x="${MAIN}"><x:sheetData>` +
      `<x:row r='1' spans="1:3"><x:c r="A1" t="inlineStr"><x:is><x:t>a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos; &#1178;&#x4e2d;&#128512;</x:t></x:is></x:c>` +
      `<x:c r="B1" t="str"><x:f>"x"&amp;"y"</x:f><x:v><![CDATA[<not a tag> & all]]></x:v></x:c>` +
      `<x:c r="C1" t="inlineStr"><x:is><x:t xml:space="preserve">line one\r\nline two\rthree</x:t></x:is></x:c><?pi data?></x:row>` +
      `<x:row r="2" customFormat = "1" ht="15"  ><x:c r="A2" s="3"/><x:c\tr="B2"\nt="s"><x:v>0</x:v></x:c></x:row>` +
      `</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells><x:ext uri="a&#10;b\tc"/></x:worksheet>\n`;
    const events = scanEvents(xml);
    expect(events).toEqual(saxesEvents(xml));
    expect(events).toContainEqual(['text', 'a & b < c > d "e" \'f\' Қ中😀']);
    expect(events).toContainEqual(['text', '<not a tag> & all']);
    expect(events).toContainEqual(['text', 'line one\nline two\nthree']);
    expect(events).toContainEqual(['open', 'ext', { uri: 'a\nb c' }, true]);
  });
});

describe('what it gives only when asked', () => {
  it('text only while the reader collects, attributes only of the elements it reads', () => {
    const seen: string[] = [];
    let collecting = false;
    scanXml('<sheetData><row r="1"><c r="A1" s="2"><v>12</v></c></row></sheetData>', 'x.xml', {
      open: (name, attributes) => {
        seen.push(`${name}${JSON.stringify(attributes)}`);
        collecting = name === 'v';
      },
      close: () => {
        collecting = false;
      },
      text: (t) => seen.push(`text ${t}`),
      wantsText: () => collecting,
      wantsAttributes: (name) => name === 'c',
    });
    expect(seen).toEqual(['sheetData{}', 'row{}', 'c{"r":"A1","s":"2"}', 'v{}', 'text 12']);
  });
});

describe('refusals', () => {
  it('what is not well-formed is a damaged part; a DOCTYPE is refused as one', () => {
    expect(refusal('<a><b></a>')).toBe('damaged');
    expect(refusal('<a><b>')).toBe('damaged');
    expect(refusal('</a>')).toBe('damaged');
    expect(refusal('<a>x &unknown; y</a>')).toBe('damaged');
    expect(refusal('<a>x & y</a>')).toBe('damaged');
    expect(refusal('<a b=1/>')).toBe('damaged');
    expect(refusal('<a b="1"c="2"/>')).toBe('damaged');
    expect(refusal('<a b="1/>')).toBe('damaged');
    expect(refusal('text<a/>')).toBe('damaged');
    expect(refusal('<a/><b/>')).toBe('damaged');
    expect(refusal('<a><!-- unterminated </a>')).toBe('damaged');
    expect(refusal('')).toBe('damaged');
    expect(refusal('<!DOCTYPE a [<!ENTITY b "c">]><a>&b;</a>')).toBe('doctype');
    expect(refusal('<a>&#0;</a>')).toBe('damaged');
    expect(refusal('<a/>')).toBe('accepted');
  });
});
