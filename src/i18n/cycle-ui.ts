// Words of the task pane for the year's cycle — the report form from the
// plan, next year's plan from the report, a report held against its plan —
// in Mongolian (default) and English. Spread into UI_TEXT (ui.ts), so
// uiText and UiKey know them.

import type { Localized } from '../core';

export const CYCLE_UI_TEXT = {
  reportForm: { mn: 'Тайлангийн маягт үүсгэх', en: 'Make the report form' },
  reportFormHint: {
    mn: 'Төлөвлөгөөний бүх бүлэг, арга хэмжээг «Хүрсэн түвшин», «Хувь» баганатай тайлангийн маягт болгож шинэ хуудсанд бичнэ.',
    en: 'Writes the plan’s groups and items, as they are, into a new report form sheet with the Хүрсэн түвшин and Хувь columns to fill.',
  },
  nextPlan: { mn: 'Дараа оны төлөвлөгөө үүсгэх', en: 'Make next year’s plan' },
  nextPlanHint: {
    mn: 'Тайлангаас дараа оны төлөвлөгөөг шинэ хуудсанд бичнэ: хүрсэн түвшин нь суурь түвшин болж, хүрэх түвшинг та бөглөнө.',
    en: 'Writes next year’s plan from the report on a new sheet: this year’s achieved levels become the baselines; you fill in the targets.',
  },
  planCheck: { mn: 'Төлөвлөгөөтэй тулгах…', en: 'Hold against the plan…' },
  planCheckHint: {
    mn: 'Төлөвлөгөөний файлыг сонговол тайланд дутуу, нэмэгдсэн, өөрчлөгдсөн, өөр бүлэгт шилжсэн арга хэмжээг тэмдэглэнэ.',
    en: 'Pick the plan’s file: the items missing from the report, added, changed or moved to another group are marked.',
  },
  planCheckPick: { mn: 'Төлөвлөгөөний файлыг сонгох', en: 'Choose the plan’s file' },
  busyReportForm: { mn: 'Тайлангийн маягт үүсгэж байна…', en: 'Making the report form…' },
  busyNextPlan: { mn: 'Дараа оны төлөвлөгөө үүсгэж байна…', en: 'Making next year’s plan…' },
  busyPlanCheck: { mn: 'Төлөвлөгөөтэй тулгаж байна…', en: 'Holding the report against the plan…' },
  revertNextReportForm: {
    mn: 'Дараагийн «Буцаах»: {time}-д үүсгэсэн тайлангийн маягтын хуудсыг авна.',
    en: 'Revert next takes away the report form sheet made at {time}.',
  },
  revertNextNextPlan: {
    mn: 'Дараагийн «Буцаах»: {time}-д үүсгэсэн дараа оны төлөвлөгөөний хуудсыг авна.',
    en: 'Revert next takes away next year’s plan sheet made at {time}.',
  },
  revertedReportForm: { mn: '{time}-д үүсгэсэн тайлангийн маягтыг буцаалаа.', en: 'Undid the report form of {time}.' },
  revertedNextPlan: { mn: '{time}-д үүсгэсэн дараа оны төлөвлөгөөг буцаалаа.', en: 'Undid next year’s plan of {time}.' },
  reportFormMade: {
    mn: '«{sheet}» хуудсанд тайлангийн маягт үүсгэлээ: {items} арга хэмжээ, «{period}». Хүрсэн түвшин, хувийг бөглөөд «Оноо тооцох»-ыг дарна уу.',
    en: 'Made the report form on "{sheet}": {items#item|items}, "{period}". Fill in the achieved levels and percents, then Compute scores.',
  },
  reportFormFromReport: { mn: 'Тайлангаас үүсгэсэн тул түүний үр дүнг хасав.', en: 'Made from a report: its results were left out.' },
  reportFormFollowed: { mn: '{table} тайлангийн баганыг дагав.', en: 'Its columns follow the report {table}.' },
  nextPlanMade: {
    mn: '«{sheet}» хуудсанд дараа оны төлөвлөгөө үүсгэлээ: {items} арга хэмжээ, {carried} нь «Үргэлжлүүлэх». Хүрэх түвшинг бөглөнө үү.',
    en: 'Made next year’s plan on "{sheet}": {items#item|items}, {carried} marked Үргэлжлүүлэх. Fill in the targets.',
  },
  nextPlanRenumbered: { mn: 'Дугаарыг дахин олгов ({count} өөрчлөгдсөн): тайланд {why}.', en: 'Renumbered ({count#number|numbers} changed): the report had {why}.' },
  nextPlanLeftOut: { mn: 'Орхисон: №{numbers} (мөрөнд нь дугаараас өөр юу ч алга).', en: 'Left out: item {numbers} (its row holds nothing but its number).' },
  whyGaps: { mn: 'тасалдал {list}', en: 'gaps {list}' },
  whyDuplicates: { mn: 'давхардал {list}', en: 'duplicates {list}' },
  whyUnnumbered: { mn: 'дугааргүй мөр {list}', en: 'unnumbered rows {list}' },
  planChecked: {
    mn: '«{file}» төлөвлөгөөтэй тулгав: {matched} тохирсон, {missing} тайланд алга, {extra} төлөвлөгөөнд алга.',
    en: 'Held against "{file}": {matched} matched, {missing} missing from the report, {extra} not in the plan.',
  },
} satisfies Record<string, Localized>;
