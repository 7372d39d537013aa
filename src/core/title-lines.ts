// The title lines of a plan or a report, as the cycle forms carry them: read
// from above a table (dates and signature lines left out), the plan's word
// swapped for the report's or back in the title's own case, the period a
// report names taken out, the year moved on.

import { DATE_LINE, isSeparator, isSignatureLine } from './recognize/patterns';
import type { SheetGrid } from './sheet';
import { cellText } from './text';

/** The text of each row above `beforeRow` (from `fromRow`), its cells joined; dates, signature lines and rules left out. */
export function titleLines(grid: SheetGrid, fromRow: number, beforeRow: number): string[] {
  const lines: string[] = [];
  for (let row = Math.max(fromRow, grid.firstRow); row < beforeRow; row++) {
    const parts: string[] = [];
    for (let col = grid.firstCol, end = grid.lastColIn(row); col <= end; col++) {
      const text = cellText(grid.value(row, col));
      if (text) parts.push(text);
    }
    const line = parts.join(' ').replace(/\s+/g, ' ').trim();
    if (!line || DATE_LINE.test(line) || isSignatureLine(line) || isSeparator(line) || /^\/[^/]+\/$/.test(line)) continue;
    lines.push(line);
  }
  return lines;
}

/** A word written as `like` is: in capitals, with a capital first letter, or in lower case. */
function inCaseOf(like: string, word: string): string {
  if (like === like.toUpperCase() && like !== like.toLowerCase()) return word.toUpperCase();
  if (like[0] === like[0].toUpperCase() && like[0] !== like[0].toLowerCase()) return word[0].toUpperCase() + word.slice(1);
  return word;
}

/** The line with each word of `from` swapped for its `to` (pairs in lower case), in the word's own case; and whether any was. */
export function swapWords(line: string, pairs: readonly { from: string; to: string }[]): { text: string; changed: boolean } {
  const byWord = new Map(pairs.map((p) => [p.from.toLowerCase(), p.to]));
  let changed = false;
  const text = line.replace(/[А-ЯӨҮЁа-яөүё]+/g, (word) => {
    const to = byWord.get(word.toLowerCase());
    if (to === undefined) return word;
    changed = true;
    return inCaseOf(word, to);
  });
  return { text, changed };
}

/** The periods a report's title names ("ЭХНИЙ ХАГАС ЖИЛИЙН", "ЖИЛИЙН ЭЦСИЙН", "III УЛИРЛЫН", "9 САРЫН"), taken out. */
const PERIOD_PHRASES = [
  /(эхний|хоёрдугаар|сүүлийн|нэгдүгээр|[12]-р|I{1,2})\s+хагас\s+жилийн/giu,
  /жилийн\s+эцсийн(\s+байдлаар)?/giu,
  /(эхний\s+)?(9|есөн)\s+сарын/giu,
  /(^|\s)(I{1,3}|IV|[1-4])\s*(-?р|-?дүгээр|-?дугаар)?\s+улирлын/giu,
  /бүтэн\s+жилийн/giu,
];

/** The line without the period it names (a plan is for a year, a new report form for the period given). */
export function withoutPeriod(line: string): string {
  let out = line;
  for (const re of PERIOD_PHRASES) out = out.replace(re, ' ');
  return out.replace(/\s{2,}/g, ' ').trim();
}

/** Every "2025" of the line (a year standing on its own) made `to`. */
export function withYear(line: string, from: number, to: number): string {
  return line.replace(new RegExp(`(^|[^\\d])${from}(?!\\d)`, 'g'), (_m, before: string) => `${before}${to}`);
}
