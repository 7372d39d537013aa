// The words Compute writes into the workbook (the summary sheet, the average
// row, notes on filled cells), in Mongolian and English. The engine takes
// them as data (SheetWords), so it holds no sentences of its own. The
// summary's columns are declared here once, each with its key, width, header
// in both languages and number format; the engine lays the sheet out from
// them (planSummary) and tests read its cells by key.

import type { Lang, SheetLayout, SheetWords, SummaryColumnKey } from '../core';
import { FINDINGS_SIGNATURES } from './findings-sheet';
import { PAGE_NUMBERS } from './print';

/**
 * The summary's columns, left to right. The widths, in characters, are
 * narrow enough that the table prints one A4 landscape page wide at almost
 * full size, the sheet and label columns wrapping their text, each header
 * word whole on its line.
 */
export const SUMMARY_COLUMNS: SheetLayout<SummaryColumnKey> = [
  { key: 'sheet', width: 14, header: { mn: 'Хуудас', en: 'Sheet' } },
  { key: 'label', width: 54, header: { mn: 'Хүснэгт / бүлэг', en: 'Table / group' } },
  { key: 'items', width: 9, header: { mn: 'Арга хэмжээ', en: 'Items' } },
  { key: 'rated', width: 9, header: { mn: 'Үнэлсэн', en: 'Rated' } },
  { key: 'average', width: 9, header: { mn: 'Дундаж хувь', en: 'Average %' }, format: '0.0' },
  { key: 'fivePoint', width: 9, header: { mn: '5 онооны', en: '5-point' }, format: '0.00' },
  { key: 'grade', width: 15, header: { mn: 'Үнэлгээ', en: 'Grade' } },
  { key: 'annex8', width: 10, header: { mn: 'Хавсралт 8 оноо', en: 'Annex 8 points' }, format: '0.0' },
  { key: 'errors', width: 8, header: { mn: 'Алдаа', en: 'Errors' } },
  { key: 'warnings', width: 13, header: { mn: 'Анхааруулга', en: 'Warnings' } },
  { key: 'infos', width: 10, header: { mn: 'Мэдээлэл', en: 'Notes' } },
];

type Own = Omit<SheetWords, 'lang' | 'signatures' | 'findingsSignatures' | 'columns'>;

const OWN: Record<Lang, Own> = {
  mn: {
    summaryTitle: 'Үнэлгээний хураангуй',
    scaleLine: 'Үнэлгээний шатлал: {scale}',
    linkedLine: 'Тоонууд хүснэгтийн нүднүүдтэй томьёогоор холбоотой; алдаа, анхааруулгын тоо нь тооцоолсны дараах байдлаар.',
    chartCategory: 'Бүлэг',
    chartValue: 'Дундаж хувь',
    chartTitle: 'Бүлгийн дундаж хувь',
    averageRowLabel: 'Дундаж хувь',
    computedNote: 'Үнэлгээ нэмэлт: зорилт ба хүрсэн түвшнээс тооцоолсон ({how}).',
    averageNote: 'Үнэлгээ нэмэлт: үнэлсэн мөрүүдийн дундаж, томьёогоор.',
    convertedNote: 'Үнэлгээ нэмэлт: "{text}" гэж бичсэнийг томьёонд тоологдохоор тоо болгосон.',
    evaluationTotal: 'Албан хаагчийн үнэлгээ (8-р хавсралт): нийт оноо',
    pageNumbers: PAGE_NUMBERS.mn,
  },
  en: {
    summaryTitle: 'Scoring summary',
    scaleLine: 'Rating scale: {scale}',
    linkedLine: 'Figures are formulas linked to the tables; error and warning counts are as they stand after computing.',
    chartCategory: 'Group',
    chartValue: 'Average %',
    chartTitle: 'Group averages (%)',
    averageRowLabel: 'Average',
    computedNote: 'Unelgee: computed from target and achieved ({how}).',
    averageNote: 'Unelgee: mean of the rated rows, as a formula.',
    convertedNote: 'Unelgee: "{text}" rewritten as a number so that formulas count it.',
    evaluationTotal: "Civil servant's evaluation (annex 8): total points",
    pageNumbers: PAGE_NUMBERS.en,
  },
};

const SIGNATURES = (Object.keys(OWN) as Lang[]).map((lang) => ({ title: OWN[lang].summaryTitle, firstHeader: SUMMARY_COLUMNS[0].header[lang] }));

/** The words for the user's language. */
export function sheetWords(lang: Lang): SheetWords {
  return { lang, ...OWN[lang], columns: SUMMARY_COLUMNS, signatures: SIGNATURES, findingsSignatures: FINDINGS_SIGNATURES };
}
