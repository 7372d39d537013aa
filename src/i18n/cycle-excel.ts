// The Excel adapter's sentences for the year's cycle (the report form, next
// year's plan, a report held against its plan), in Mongolian and English.

import type { Localized } from '../core';

export const CYCLE_EXCEL_TEXT = {
  noPlanInWorkbook: {
    mn: 'Ажлын номд гүйцэтгэлийн төлөвлөгөө (эсвэл тайлан) олдсонгүй, тиймээс тайлангийн маягт үүсгэх боломжгүй. Юу ч өөрчлөгдсөнгүй.',
    en: 'No performance plan (nor report) was found in this workbook, so there is nothing to make the report form from. Nothing was changed.',
  },
  noReportInWorkbook: {
    mn: 'Ажлын номд гүйцэтгэлийн тайлан олдсонгүй, тиймээс дараа оны төлөвлөгөө үүсгэх боломжгүй. Юу ч өөрчлөгдсөнгүй.',
    en: "No performance report was found in this workbook, so there is nothing to make next year's plan from. Nothing was changed.",
  },
  noPlanInFile: {
    mn: '«{file}» файлд гүйцэтгэлийн төлөвлөгөө (эсвэл тайлан) олдсонгүй: тайланг тулгах зүйл алга. Тэмдэглэгээ өөрчлөгдсөнгүй.',
    en: '"{file}" holds no performance plan (nor report): there is nothing to hold the report against. No mark was changed.',
  },
} satisfies Record<string, Localized>;
