// The words Compute writes into the workbook (the summary sheet, the average
// row, notes on filled cells), in Mongolian and English. The engine takes
// them as data (SheetWords), so it holds no sentences of its own.

import type { Lang, SheetWords } from '../core';
import { FINDINGS_SIGNATURES } from './findings-sheet';
import { PAGE_NUMBERS } from './print';

type Own = Omit<SheetWords, 'lang' | 'signatures' | 'findingsSignatures'>;

const OWN: Record<Lang, Own> = {
  mn: {
    summaryTitle: 'Үнэлгээний хураангуй',
    scaleLine: 'Үнэлгээний шатлал: {scale}',
    linkedLine: 'Тоонууд хүснэгтийн нүднүүдтэй томьёогоор холбоотой; алдаа, анхааруулгын тоо нь тооцоолсны дараах байдлаар.',
    headers: ['Хуудас', 'Хүснэгт / бүлэг', 'Арга хэмжээ', 'Үнэлсэн', 'Дундаж хувь', '5 онооны', 'Үнэлгээ', 'Хавсралт 8 оноо', 'Алдаа', 'Анхааруулга', 'Мэдээлэл'],
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
    headers: ['Sheet', 'Table / group', 'Items', 'Rated', 'Average %', '5-point', 'Grade', 'Annex 8 points', 'Errors', 'Warnings', 'Notes'],
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

const SIGNATURES = (Object.keys(OWN) as Lang[]).map((l) => ({ title: OWN[l].summaryTitle, firstHeader: OWN[l].headers[0] }));

/** The words for the user's language. */
export function sheetWords(lang: Lang): SheetWords {
  return { lang, ...OWN[lang], signatures: SIGNATURES, findingsSignatures: FINDINGS_SIGNATURES };
}
