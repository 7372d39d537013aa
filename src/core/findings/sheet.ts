// Findings about a whole sheet: no table on it, or the engine could not read it.

import { defineFinding } from './define';

export const SHEET_FINDINGS = {
  'header-not-found': defineFinding({
    severity: 'error',
    description: {
      mn: 'ажлын номд (Excel-д: хуудсанд) гүйцэтгэлийн хүснэгт алга',
      en: 'no performance table in the workbook (or on the sheet, in Excel)',
    },
    messages: {
      default: {
        mn: 'Энэ хуудсанд гүйцэтгэлийн хүснэгт олдсонгүй: "Д/д", "Шалгуур үзүүлэлт", "Зорилтот түвшин", "Хувь" зэрэг толгой мөр хайсан.',
        en: 'No performance table on this sheet: looked for a header row with "Д/д", "Шалгуур үзүүлэлт", "Зорилтот түвшин", "Хувь" and the like.',
      },
    },
  }),
  'sheet-unreadable': defineFinding({
    severity: 'error',
    description: { mn: 'хөдөлгүүр уншиж чадаагүй хуудас (эвдрэлгүйгээр мэдээлнэ)', en: 'a sheet the engine could not read (reported, never a crash)' },
    messages: { default: { mn: 'Хуудсыг уншиж чадсангүй: {reason}', en: 'The sheet could not be read: {reason}' } },
  }),
};
