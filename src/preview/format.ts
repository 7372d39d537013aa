// How the preview grid shows a cell value: enough of Excel's number formats
// for what the samples and the engine use ("0.0", '0.0" хувь"', "0%", "@").

import type { CellValue } from '../core';

export function displayValue(v: CellValue, format: string): string {
  if (v === null || v === '') return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  if (!format || format === 'General' || format === '@') return String(Math.round(v * 1e6) / 1e6);
  const section = format.split(';')[0];
  const literal = (s: string) => s.replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1');
  const m = /([#0,]*0)(\.(0+))?(%?)/.exec(section.replace(/"[^"]*"/g, (q) => ' '.repeat(q.length)));
  if (!m) return String(v);
  const decimals = m[3]?.length ?? 0;
  const n = m[4] === '%' ? v * 100 : v;
  const body = n.toFixed(decimals) + (m[4] ?? '');
  return literal(section.slice(0, m.index)) + body + literal(section.slice(m.index + m[0].length));
}
