// What single rows and cells look like: item numbers, group headings, stated
// results, the signature block.

import { normalize, upperShare } from '../text';
import { toNumber } from '../values';
import type { CellValue } from '../types';

/** An item number as written: 1, 12, "1.", 1.1, "2.1.3", "12)". Returns its text form, or null. */
export function itemNumber(value: CellValue): string | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0 || value >= 100000) return null;
    // 1.1 typed in Excel is the number 1.1; keep its written form.
    return String(Math.round(value * 1000) / 1000);
  }
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  const match = /^(\d{1,5}(?:\.\d{1,3}){0,3})[.)]?$/.exec(trimmed);
  return match ? match[1] : null;
}

/** Number words that open top-level sections: "НЭГ.", "Хоёр.", "ГУРАВ". */
// (normalize() has turned ө into о, ү into у and ё into е: patterns below are written that way.)
const NUMBER_WORDS = ['нэг', 'хоер', 'гурав', 'доров', 'тав', 'зургаа', 'долоо', 'найм', 'ес', 'арав'];

/** End of a word: JavaScript's \b only knows ASCII letters. */
const END = '(?![а-яеa-z0-9])';

export interface GroupHeading {
  /** 0 for top-level headings (capitals, number words), 1 for goals and numbered sections. */
  rank: number;
  /** The number the heading carries ("1.2", "3"), when it carries one. */
  number?: string;
}

/** Is this text a group heading ("Зорилт 1.1 …", "НЭГ. БОДЛОГЫН …", "3. Боловсролын чиглэлээр:")? */
export function groupHeading(text: string): GroupHeading | null {
  const trimmed = text.trim();
  if (trimmed.length < 3) return null;
  const normalized = normalize(trimmed);
  const firstWord = normalized.split(/[\s.,:]+/)[0];
  if (NUMBER_WORDS.includes(firstWord) && /^[^\s.,:]+[\s.]/.test(normalized)) {
    return { rank: 0, number: String(NUMBER_WORDS.indexOf(firstWord) + 1) };
  }
  if (/^стратеги/.test(normalized) && /зорилт|зорилго/.test(normalized)) {
    const strategyGoal = /(?:зорилт|зорилго)\S*\s+(\d+(?:\.\d+)*)/.exec(normalized);
    return { rank: 0, number: strategyGoal?.[1] };
  }
  // "Зорилт 1.2", "Зорилт 1-11" (a dash typed for the dot).
  let match = /^(?:зорилт|зорилго)\S*\s*(?:№\s*)?(\d+(?:[.-]\d+)*)?/.exec(normalized);
  if (match && !/^зорилтот/.test(normalized)) return { rank: 1, number: match[1]?.replace(/-/g, '.') };
  if (/^(нэмэлт уурэг|нэмэлт ажил|бусад ажил)/.test(normalized)) return { rank: 0 };
  match = /^(\d{1,2}(?:\.\d{1,2}){0,2})[.)]?\s*[^\d\s.,)]/.exec(normalized);
  if (match && trimmed.length <= 250) return { rank: 1, number: match[1] };
  if (/^(хэсэг|булэг)\s/.test(normalized)) return { rank: 0 };
  const words = trimmed.split(/\s+/).filter((w) => /[A-Za-zА-Яа-яӨөҮүЁё]/.test(w));
  if (words.length >= 2 && upperShare(trimmed) >= 0.85) return { rank: 0 };
  return null;
}

const SIGNATURE = new RegExp(
  '^(хянасан|тайлагнасан|нэгтгэсэн|биелэлтийг нэгтгэсэн|унэлгээ огсон|толовлогоог унэлсэн|' +
    'хяналт-шинжилгээ, унэлгээ хийсэн|боловсруулсан|баталсан|батлав|зовшоорсон|танилцсан|гарын усэг|тэмдэг)' +
    END,
);

/** Lines of the signature block that end a table: "ХЯНАСАН:", "/Ц.СОЛОНГО/", "(гарын үсэг)". */
export function isSignatureLine(text: string): boolean {
  // Signature lines are short; item numbers and narrative are not signatures.
  if (text.length > 80 || /^\d/.test(text)) return false;
  const normalized = normalize(text);
  if (SIGNATURE.test(normalized)) return true;
  if (/^\/[^/]{2,40}\/$/.test(normalized)) return true;
  if (/^\((гарын усэг|албан тушаал|огноо)\)/.test(normalized)) return true;
  return false;
}

/** A row of rule characters ("_____оОо_____", "* * *") that closes a document. */
export function isSeparator(text: string): boolean {
  const letters = text.replace(/[^A-Za-zА-Яа-яӨөҮүЁё0-9]/g, '');
  return text.trim().length >= 3 && (letters.length === 0 || /^[оОoO0]+$/.test(letters)) && /[_\-=*~]/.test(text);
}

export interface StatedLabel {
  kind: 'average' | 'sum' | 'points';
  label: string;
}

// English labels are folded like everything else ("average" → "авеrаgе"), so fold them here too.
const STATED = new RegExp(
  `^(унэлгээ|дундаж|нийт оноо|нийт дун|нийт|дун|хэрэгжилтийн дундаж|биелэлтийн дундаж|гуйцэтгэлийн дундаж|${normalize('average')}|${normalize('total')})` + END,
);

/** Annex 8 names its section figures at the end: "Мэдлэг, ур чадвараа дээшлүүлэх … арга хэмжээний дундаж оноо". */
const STATED_AT_END = /дундаж оноо[\s.:]*$/;

/** Is this the label of a stated result ("Үнэлгээ: 85.8 хувь", "Хэрэгжилтийн дундаж хувь", "Нийт оноо")? */
export function statedLabel(text: string): StatedLabel | null {
  const normalized = normalize(text);
  if (!(STATED.test(normalized) || STATED_AT_END.test(normalized)) || normalized.length > 120) return null;
  const kind = /оноо/.test(normalized) ? 'points' : /дундаж|унэлгээ/.test(normalized) || normalized.startsWith(normalize('average')) ? 'average' : 'sum';
  return { kind, label: text.trim().replace(/[:\s]+$/, '') };
}

/** The number inside a stated result's text: "Үнэлгээ: 85.8 хувь" → 85.8. */
export function numberInText(text: string): number | null {
  const match = /(\d+(?:[.,]\d+)?)\s*(?:%|хувь|оноо)?\s*\.?$/.exec(text.trim());
  if (!match) return null;
  const number = toNumber(match[1]);
  return Number.isFinite(number) ? number : null;
}

/** Periods written in a period column: "I улиралд", "I-IV", "2025.01-12 дугаар сар", "01-12". */
export function looksLikePeriod(text: string): boolean {
  if (text.length > 40) return false;
  const normalized = normalize(text);
  return (
    normalized.length <= 40 &&
    (/улирал/.test(normalized) ||
      /^(i{1,3}|iv|і{1,3}|іv)([\s,\-–]|$)/.test(normalized) ||
      /^\d{2}\s*-\s*\d{2}$/.test(normalized) ||
      /^\d{4}[.\s]\d{2}/.test(normalized) ||
      /(дугаар|дугээр) сар/.test(normalized) ||
      /^(тухай бур|жилдээ|жилийн турш|сар бур|жил бур|байнга|тогтмол)/.test(normalized))
  );
}

/** A date line under a title ("2024.12.13", "2025 оны 06 дугаар сарын 10"): not part of the title. */
export const DATE_LINE = /^(\d{4}[.\s/-]\d{1,2}|\d{4}\s*оны|\d{1,2}[./]\d{1,2}[./]\d{2,4})/;
/** A place line ("Алтай хот", "Улаанбаатар хот"). */
export const PLACE_LINE = /^[А-ЯӨҮЁа-яөүё-]+(\s[А-ЯӨҮЁа-яөүё-]+)?\s(хот|сум|аймаг|дүүрэг)\.?$/;
