// The problems a user must hear about, in Mongolian and English. Each one is
// raised before anything is written, so the workbook is left as it was.

import type { Localized } from '../core';
import { AddinError } from './types';

const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(', ');

export function sheetProtected(names: string[]): AddinError {
  return new AddinError('sheet-protected', {
    mn: `${quoted(names)} хуудас хамгаалалттай тул Үнэлгээ өөрчилж чадахгүй. Хамгаалалтыг авч (Review → Unprotect Sheet) дахин оролдоно уу. Юу ч өөрчлөгдсөнгүй.`,
    en: `Sheet ${quoted(names)} is protected, so Unelgee cannot change it. Unprotect it (Review → Unprotect Sheet) and try again. Nothing was changed.`,
  });
}

export function workbookProtected(): AddinError {
  return new AddinError('workbook-protected', {
    mn: 'Ажлын номын бүтэц хамгаалалттай тул Үнэлгээ хуудас нэмж чадахгүй. Хамгаалалтыг авч (Review → Protect Workbook) дахин оролдоно уу. Юу ч өөрчлөгдсөнгүй.',
    en: 'The workbook structure is protected, so Unelgee cannot add its sheets. Unprotect it (Review → Protect Workbook) and try again. Nothing was changed.',
  });
}

function elsewhere(others: string[]): Localized {
  if (others.length === 0) return { mn: '', en: '' };
  return {
    mn: ` Хүснэгт олдсон хуудас: ${quoted(others)}.`,
    en: ` Tables were found on: ${quoted(others)}.`,
  };
}

export function noTable(sheet: string | null, others: string[]): AddinError {
  const more = elsewhere(others);
  if (sheet === null) {
    return new AddinError('no-table', {
      mn: 'Ажлын номын аль ч хуудсанд гүйцэтгэлийн хүснэгт олдсонгүй ("Д/д", "Шалгуур үзүүлэлт", "Зорилтот түвшин", "Хувь" зэрэг толгой мөр хайсан).',
      en: 'No performance table in any sheet of this workbook (looked for a header row with "Д/д", "Шалгуур үзүүлэлт", "Зорилтот түвшин", "Хувь" and the like).',
    });
  }
  return new AddinError('no-table', {
    mn: `"${sheet}" хуудсанд гүйцэтгэлийн хүснэгт олдсонгүй ("Д/д", "Шалгуур үзүүлэлт", "Зорилтот түвшин", "Хувь" зэрэг толгой мөр хайсан).${more.mn}`,
    en: `No performance table on sheet "${sheet}" (looked for a header row with "Д/д", "Шалгуур үзүүлэлт", "Зорилтот түвшин", "Хувь" and the like).${more.en}`,
  });
}

export type ForeignLanguage = 'en' | 'ru';

export function notMongolian(sheet: string | null, language: ForeignLanguage): AddinError {
  const name: Localized = language === 'en' ? { mn: 'англи', en: 'English' } : { mn: 'орос', en: 'Russian' };
  const where: Localized = sheet === null ? { mn: 'Энэ ажлын ном', en: 'This workbook' } : { mn: `"${sheet}" хуудас`, en: `Sheet "${sheet}"` };
  return new AddinError('not-mongolian', {
    mn: `${where.mn} ${name.mn} хэл дээр байна: монгол маягтын толгой мөр олдсонгүй. Үнэлгээ нь монгол хэлээрх гүйцэтгэлийн төлөвлөгөө, тайлангийн маягтыг уншина.`,
    en: `${where.en} is in ${name.en}: no Mongolian form header was found. Unelgee reads Mongolian performance plan and report forms.`,
  });
}

export function summaryActive(name: string, others: string[]): AddinError {
  const more = elsewhere(others);
  return new AddinError('summary-sheet-active', {
    mn: `Идэвхтэй хуудас нь Үнэлгээний "${name}" хуудас байна. Хүснэгттэй хуудас руу шилжих эсвэл "Бүх ном"-ыг сонгоно уу.${more.mn}`,
    en: `The active sheet is Unelgee's own "${name}". Go to a sheet with a table, or choose the whole workbook.${more.en}`,
  });
}

export function nothingToRevert(): AddinError {
  return new AddinError('nothing-to-revert', {
    mn: 'Буцаах өөрчлөлт алга: Үнэлгээ энэ ажлын номд одоогоор юу ч өөрчлөөгүй байна.',
    en: 'Nothing to revert: Unelgee has not changed this workbook yet.',
  });
}

export function revertSheetMissing(name: string): AddinError {
  return new AddinError('revert-sheet-missing', {
    mn: `Сүүлийн үйлдлийн өөрчилсөн "${name}" хуудас олдсонгүй (нэр нь өөрчлөгдсөн эсвэл устсан). Юу ч буцаагдсангүй.`,
    en: `Sheet "${name}", which the last action changed, is gone (renamed or deleted). Nothing was reverted.`,
  });
}

export function sheetMissing(name: string): AddinError {
  return new AddinError('sheet-missing', {
    mn: `"${name}" хуудас олдсонгүй.`,
    en: `There is no sheet "${name}".`,
  });
}

/** Mongolian case endings and Russian function words and endings: enough to tell the two apart on a few lines. */
const MONGOLIAN_MARKS = /(ын|ийн|ний|ууд|үүд|ийг|ыг|аар|ээр|оор|өөр|даа|дээ|тай|тэй|той)(?![\p{L}])/giu;
const RUSSIAN_MARKS = /((?<![\p{L}])(и|в|на|по|для|от|до|не|при|о)(?![\p{L}])|(ие|ия|ий|ый|ого|ых|ать|ение|ании)(?![\p{L}]))/giu;

/**
 * Which language a sheet with no recognised table is written in: mostly
 * Latin letters → English; Cyrillic with Russian words and endings rather
 * than Mongolian ones (and no ө, ү) → Russian. Null when it looks
 * Mongolian or has too little text to tell.
 */
export function foreignLanguage(values: unknown[][]): ForeignLanguage | null {
  let latin = 0;
  let cyrillic = 0;
  let mongolian = 0;
  let russian = 0;
  for (const row of values) {
    for (const v of row) {
      if (typeof v !== 'string') continue;
      if (/[өүӨҮ]/.test(v)) return null;
      latin += (v.match(/[A-Za-z]/g) ?? []).length;
      cyrillic += (v.match(/[\u0400-\u04FF]/g) ?? []).length;
      mongolian += (v.match(MONGOLIAN_MARKS) ?? []).length;
      russian += (v.match(RUSSIAN_MARKS) ?? []).length;
    }
  }
  if (latin + cyrillic < 20) return null;
  if (latin >= cyrillic) return 'en';
  return russian > mongolian ? 'ru' : null;
}
