// The year's cycle forms (the report form made from a plan, next year's plan
// made from a report): their columns, declared once (key, width, header,
// format), and their fixed words. Official Mongolian documents that the
// engine reads back, so the Mongolian text is what is written whatever the
// user's language (docs/domain.md §7); the English says what each means.

import type { CycleFormWords, FormColumn, FormColumnKey } from '../core';
import { PAGE_NUMBERS } from './print';

const column = (key: FormColumnKey, width: number, mn: string, en: string, format?: string): FormColumn => (format ? { key, width, header: { mn, en }, format } : { key, width, header: { mn, en } });

const COLUMNS: Record<FormColumnKey, FormColumn> = {
  index: column('index', 6, 'Д/д', 'No.'),
  goal: column('goal', 18, 'Зорилт', 'Goal'),
  action: column('action', 40, 'Арга хэмжээ', 'Action'),
  budget: column('budget', 12, 'Төсөв', 'Budget'),
  indicator: column('indicator', 22, 'Шалгуур үзүүлэлт', 'Indicator'),
  baseline: column('baseline', 18, 'Суурь түвшин', 'Baseline'),
  target: column('target', 20, 'Хүрэх түвшин', 'Target'),
  achieved: column('achieved', 30, 'Хүрсэн түвшин', 'Achieved level'),
  percent: column('percent', 8, 'Хувь', 'Percent'),
  period: column('period', 12, 'Хугацаа', 'Period'),
  responsible: column('responsible', 16, 'Хариуцах эзэн', 'Responsible'),
  points: column('points', 8, 'Оноо', 'Points'),
  // Named so the recogniser reads it as a target (the new Хүрэх түвшин, left of it, comes first): its numbers are not taken for ratings.
  previousTarget: column('previousTarget', 20, 'Өмнөх оны зорилт (хүрэх түвшин)', "Last year's target"),
  note: column('note', 16, 'Тэмдэглэл', 'Note'),
  other: column('other', 10, '', ''),
};

export const CYCLE_FORM: CycleFormWords = {
  columns: COLUMNS,
  reportSheetName: 'Тайлан',
  planSheetName: 'Төлөвлөгөө {year}',
  planSheetNameNoYear: 'Төлөвлөгөө',
  titleWords: [
    { plan: 'төлөвлөгөө', report: 'тайлан' },
    { plan: 'төлөвлөгөөний', report: 'тайлангийн' },
    { plan: 'төлөвлөгөөг', report: 'тайланг' },
    { plan: 'төлөвлөгөөнд', report: 'тайланд' },
  ],
  reportTitleLine: 'ГҮЙЦЭТГЭЛИЙН ТАЙЛАН',
  planTitleLine: 'ГҮЙЦЭТГЭЛИЙН ТӨЛӨВЛӨГӨӨ',
  periodDefault: '{year} оны жилийн эцсийн байдлаар',
  periodDefaultNoYear: 'Жилийн эцсийн байдлаар',
  planYearLine: '{year} он',
  averageLabel: 'Хэрэгжилтийн дундаж хувь',
  percentNote:
    'Хувь: арга хэмжээний хэрэгжилтийг {scale} түвшнээр үнэлнэ ({done} нь бүрэн хэрэгжсэн). Хүрсэн түвшин, зорилт тоо бол «Оноо тооцох» хувийг тооцож бичнэ; бусад үед үнэлгээ өгөх хүн сонгоно.',
  percentInputTitle: 'Хувь',
  percentInputMessage: 'Үнэлгээний шатлал: {scale}. Шатлалаас сонгоно уу (тоон зорилтын хувийг «Оноо тооцох» тооцно).',
  signature: [
    'ТАЙЛАГНАСАН: ............................ /............................/',
    '',
    'ХЯНАСАН: ............................ /............................/',
    '............ оны ..... сарын ..... өдөр',
  ],
  carryOver: 'Үргэлжлүүлэх ({rating}%)',
  carryOverUnrated: 'Үргэлжлүүлэх (үнэлгээгүй)',
  pageNumbers: PAGE_NUMBERS.mn,
};
