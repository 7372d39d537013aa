// What the Excel add-in's host side says to the user (errors of the
// adapter, the ribbon commands' outcomes, the notice dialog), in Mongolian
// (default) and English. Templates name their parameters in braces and are
// filled by the engine's one template function, fillTemplate; counts in
// English take their plural ("1 warning", "2 warnings").

import { fillTemplate, type Localized, type TemplateParam } from '../core';

type Template = Localized;

/** Fills a template in both languages. */
export function say(template: Template, params: Record<string, TemplateParam> = {}): Localized {
  return { mn: fillTemplate(template.mn, params, 'mn'), en: fillTemplate(template.en, params, 'en') };
}

/** "2 алдаа" / "2 errors", "1 error": Mongolian nouns keep their form after a number. */
export function counted(count: number, words: { mn: string; one: string; other: string }): TemplateParam {
  return { mn: `${count} ${words.mn}`, en: `${count} ${count === 1 ? words.one : words.other}` };
}

/** "Тайлан", "Нэгтгэл" → "\"Тайлан\", \"Нэгтгэл\"" (sheet names as the messages quote them). */
export function quotedList(names: string[]): string {
  return names.map((n) => `"${n}"`).join(', ');
}

export const NOUNS = {
  error: { mn: 'алдаа', one: 'error', other: 'errors' },
  warning: { mn: 'анхааруулга', one: 'warning', other: 'warnings' },
  info: { mn: 'мэдээлэл', one: 'note', other: 'notes' },
  cell: { mn: 'нүд', one: 'cell', other: 'cells' },
};

export const EXCEL_TEXT = {
  sheetProtected: {
    mn: '{sheets} хуудас хамгаалалттай тул Үнэлгээ өөрчилж чадахгүй. Хамгаалалтыг авч (Review → Unprotect Sheet) дахин оролдоно уу. Юу ч өөрчлөгдсөнгүй.',
    en: 'Sheet {sheets} is protected, so Unelgee cannot change it. Unprotect it (Review → Unprotect Sheet) and try again. Nothing was changed.',
  },
  workbookProtected: {
    mn: 'Ажлын номын бүтэц хамгаалалттай тул Үнэлгээ хуудас нэмж чадахгүй. Хамгаалалтыг авч (Review → Protect Workbook) дахин оролдоно уу. Юу ч өөрчлөгдсөнгүй.',
    en: 'The workbook structure is protected, so Unelgee cannot add its sheets. Unprotect it (Review → Protect Workbook) and try again. Nothing was changed.',
  },
  tablesElsewhere: { mn: ' Хүснэгт олдсон хуудас: {sheets}.', en: ' Tables were found on: {sheets}.' },
  noTableInWorkbook: {
    mn: 'Ажлын номын аль ч хуудсанд гүйцэтгэлийн хүснэгт олдсонгүй ("Д/д", "Шалгуур үзүүлэлт", "Зорилтот түвшин", "Хувь" зэрэг толгой мөр хайсан).',
    en: 'No performance table in any sheet of this workbook (looked for a header row with "Д/д", "Шалгуур үзүүлэлт", "Зорилтот түвшин", "Хувь" and the like).',
  },
  noTableOnSheet: {
    mn: '"{sheet}" хуудсанд гүйцэтгэлийн хүснэгт олдсонгүй ("Д/д", "Шалгуур үзүүлэлт", "Зорилтот түвшин", "Хувь" зэрэг толгой мөр хайсан).{elsewhere}',
    en: 'No performance table on sheet "{sheet}" (looked for a header row with "Д/д", "Шалгуур үзүүлэлт", "Зорилтот түвшин", "Хувь" and the like).{elsewhere}',
  },
  languageEnglish: { mn: 'англи', en: 'English' },
  languageRussian: { mn: 'орос', en: 'Russian' },
  thisWorkbook: { mn: 'Энэ ажлын ном', en: 'This workbook' },
  thisSheet: { mn: '"{sheet}" хуудас', en: 'Sheet "{sheet}"' },
  notMongolian: {
    mn: '{where} {language} хэл дээр байна: монгол маягтын толгой мөр олдсонгүй. Үнэлгээ нь монгол хэлээрх гүйцэтгэлийн төлөвлөгөө, тайлангийн маягтыг уншина.',
    en: '{where} is in {language}: no Mongolian form header was found. Unelgee reads Mongolian performance plan and report forms.',
  },
  summaryActive: {
    mn: 'Идэвхтэй хуудас нь Үнэлгээний "{sheet}" хуудас байна. Хүснэгттэй хуудас руу шилжих эсвэл "Бүх ном"-ыг сонгоно уу.{elsewhere}',
    en: 'The active sheet is Unelgee\'s own "{sheet}". Go to a sheet with a table, or choose the whole workbook.{elsewhere}',
  },
  nothingToRevert: {
    mn: 'Буцаах өөрчлөлт алга: Үнэлгээ энэ ажлын номд одоогоор юу ч өөрчлөөгүй байна.',
    en: 'Nothing to revert: Unelgee has not changed this workbook yet.',
  },
  revertSheetMissing: {
    mn: 'Сүүлийн үйлдлийн өөрчилсөн "{sheet}" хуудас олдсонгүй (нэр нь өөрчлөгдсөн эсвэл устсан). Юу ч буцаагдсангүй.',
    en: 'Sheet "{sheet}", which the last action changed, is gone (renamed or deleted). Nothing was reverted.',
  },
  sheetMissing: { mn: '"{sheet}" хуудас олдсонгүй.', en: 'There is no sheet "{sheet}".' },
  formulaTooLong: {
    mn: 'Үнэлгээний бичих томьёо {length} тэмдэгт урт байна; Excel {limit}-ээс урт томьёо хүлээж авдаггүй. Юу ч өөрчлөгдсөнгүй.',
    en: 'A formula Unelgee would write is {length} characters long; Excel takes none longer than {limit}. Nothing was changed.',
  },
  fixFindingGone: {
    mn: 'Сонгосон засвар хүчингүй боллоо: {findings} алдаа ажлын номд одоо алга (хуудас өөрчлөгдсөн байна). Юу ч өөрчлөгдсөнгүй. Дахин шалгаад засвараа сонгоно уу.',
    en: 'The fix chosen no longer applies: {findings} is no longer found in the workbook (the sheet has changed). Nothing was changed. Check again and choose the fix anew.',
  },
  fixChanged: {
    mn: 'Хуудас өөрчлөгдсөн тул {findings}-ийн засвар санал болгосноос өөр болжээ. Юу ч өөрчлөгдсөнгүй. Дахин шалгаад шинэ засварыг харж сонгоно уу.',
    en: 'The sheet has changed, so the fix for {findings} is no longer the one offered. Nothing was changed. Check again and look at the new fix before choosing it.',
  },
  noReport: {
    mn: 'Ажлын номд хувь бүхий гүйцэтгэлийн тайлан (6 дугаар хавсралт) олдсонгүй, тиймээс үнэлгээний хуудас (8 дугаар хавсралт) үүсгэх боломжгүй. Юу ч өөрчлөгдсөнгүй.',
    en: 'No performance report with percents (annex 6) was found in this workbook, so there is nothing to build the evaluation sheet (annex 8) from. Nothing was changed.',
  },
  revertKept: {
    mn: 'Үйлдлийн дараа таны өөрчилсөн {cells}-ийг хэвээр үлдээлээ: {list}.',
    en: 'Left {cells} you changed after the action as they are: {list}.',
  },

  // Ribbon commands
  validateClean: { mn: 'Шалгалт дууслаа: алдаа, анхааруулга олдсонгүй.', en: 'Validate finished: no problems found.' },
  validateDone: {
    mn: 'Шалгалт дууслаа: {errors}, {warnings}, {infos}; {marked}ийг өнгөөр тэмдэглэж тайлбар бичлээ.',
    en: 'Validate finished: {errors}, {warnings}, {infos}; {marked} marked with a colour and a note.',
  },
  computeNothing: { mn: 'Оноо аль хэдийн тооцоологдсон: өөрчлөх зүйл алга.', en: 'Scores are already computed: nothing to change.' },
  computeDone: {
    mn: 'Оноо тооцлоо: {changed} бичиж, хураангуйг "{summary}" хуудсанд гаргалаа. Буцаах бол Үнэлгээний самбарын "Буцаах"-ыг дарна уу.',
    en: 'Scores computed: {changed} written, summary on "{summary}". To undo, use Revert in the Unelgee pane.',
  },
  unexpected: {
    mn: 'Үнэлгээ гэнэтийн алдааны улмаас ажлаа дуусгаж чадсангүй. Дахин оролдоно уу; давтагдвал "Дэлгэрэнгүй" хэсгийг Үнэлгээг хариуцагчдад илгээнэ үү.',
    en: 'Unelgee could not finish because of an unexpected problem. Try again; if it happens again, send the "Details" to the people who look after Unelgee.',
  },
  // Excel's errors in plain words (src/excel/office-errors.ts); Excel's own text goes under "Дэлгэрэнгүй".
  officeAccessDenied: {
    mn: 'Excel энэ өөрчлөлтийг зөвшөөрсөнгүй: хуудас эсвэл ажлын ном хамгаалалттай, эсвэл файл зөвхөн уншихаар нээгдсэн байж болно. Хамгаалалтыг авах эсвэл засварлахаар нээгээд дахин оролдоно уу.',
    en: 'Excel did not allow the change: a sheet or the workbook may be protected, or the file may be open read-only. Unprotect it or open it for editing, then try again.',
  },
  officeApiNotFound: {
    mn: 'Энэ Excel-д Үнэлгээнд хэрэгтэй боломж алга. Excel-ээ шинэчлэх эсвэл Excel-ийн вэб хувилбар, Үнэлгээний вэб хуудсыг ашиглана уу.',
    en: 'This Excel lacks a feature Unelgee needs. Update Excel, or use Excel on the web or the Unelgee web page.',
  },
  officeTooLarge: {
    mn: 'Ажлын ном Excel-ийн вэб хувилбарын нэг удаагийн солилцоонд хэт том байна. Нэг хуудсаар ажиллуулах эсвэл Үнэлгээний вэб хуудас, тушаалын мөрийг ашиглана уу.',
    en: 'The workbook is too large for one exchange with Excel on the web. Work on one sheet at a time, or use the Unelgee web page or command line.',
  },
  officeBusy: {
    mn: 'Excel завгүй байсан эсвэл холболт тасарлаа. Хэсэг хүлээгээд дахин оролдоно уу.',
    en: 'Excel was busy or the connection was interrupted. Wait a moment and try again.',
  },
  officeCellEdit: {
    mn: 'Нүдэнд бичиж байх үед Excel өөрчлөлт хүлээж авдаггүй. Enter эсвэл Esc дараад дахин оролдоно уу.',
    en: 'Excel takes no changes while a cell is being edited. Press Enter or Esc, then try again.',
  },
  officeSelection: {
    mn: 'Диаграм эсвэл дүрс сонгогдсон үед Excel үүнийг хийж чадсангүй. Хуудасны аль нэг нүдэн дээр дараад дахин оролдоно уу.',
    en: 'Excel could not do this while a chart or shape is selected. Click a cell on a sheet, then try again.',
  },
  officeChanged: {
    mn: 'Үнэлгээ ажиллаж байх хооронд хуудас эсвэл нүд өөрчлөгдсөн (нэр нь солигдсон, устсан эсвэл нэмэгдсэн) байна. Дахин шалгаад оролдоно уу.',
    en: 'A sheet or cell changed while Unelgee worked (renamed, deleted or added). Check again and retry.',
  },
  officeRefused: {
    mn: 'Excel энэ ажлын номд Үнэлгээний нэг өөрчлөлтийг хүлээж авсангүй. Дахин оролдоно уу; давтагдвал "Дэлгэрэнгүй" хэсгийг Үнэлгээг хариуцагчдад илгээнэ үү.',
    en: 'Excel refused one of Unelgee\'s changes in this workbook. Try again; if it happens again, send the "Details" to the people who look after Unelgee.',
  },
  officeGeneral: {
    mn: 'Excel дотоод алдаа гаргалаа. Ажлын номоо хадгалаад дахин оролдоно уу; том хуудсан дээр давтагдвал нэг хуудсаар ажиллуулна уу.',
    en: 'Excel reported an internal error. Save the workbook and try again; if it happens again on a large sheet, work on one sheet at a time.',
  },
  partlyWritten: { mn: ' Хэсэгчлэн бичигдсэн зүйл байвал "Буцаах" түүнийг буцаана.', en: ' If part of it was written, Revert undoes it.' },
  details: { mn: 'Дэлгэрэнгүй', en: 'Details' },
  noticeOk: { mn: 'Болсон', en: 'OK' },
} satisfies Record<string, Template>;
