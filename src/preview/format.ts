// How the preview grid shows a cell value: enough of Excel's number formats
// for what the samples and the engine use ("0.0", '0.0" хувь"', "0%", "@").

import type { CellValue } from '../core';

export function displayValue(value: CellValue, format: string): string {
  if (value === null || value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (!format || format === 'General' || format === '@') return String(Math.round(value * 1e6) / 1e6);
  const section = format.split(';')[0];
  const literal = (s: string) => s.replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1');
  const match = /([#0,]*0)(\.(0+))?(%?)/.exec(section.replace(/"[^"]*"/g, (q) => ' '.repeat(q.length)));
  if (!match) return String(value);
  const decimals = match[3]?.length ?? 0;
  const scaled = match[4] === '%' ? value * 100 : value;
  const body = scaled.toFixed(decimals) + (match[4] ?? '');
  return literal(section.slice(0, match.index)) + body + literal(section.slice(match.index + match[0].length));
}
