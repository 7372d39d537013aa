// Words the command line prints for the year's cycle — `unelgee report`
// (the report form from a plan), `unelgee plan` (next year's plan from a
// report), `validate --plan` — in Mongolian (default) and English.

import type { Localized } from '../core';

export const CYCLE_CLI_TEXT = {
  reportSummary: { mn: 'төлөвлөгөөнөөс тайлангийн маягт үүсгэнэ', en: 'make the report form from a plan' },
  reportUsage: {
    mn: 'ТӨЛӨВЛӨГӨӨ -o ТАЙЛАН [--period "2025 оны эхний хагас жил"] [--replace] [--json] [--lang mn|en] [--profile …]',
    en: 'PLAN -o REPORT [--period "2025 оны эхний хагас жил"] [--replace] [--json] [--lang mn|en] [--profile …]',
  },
  reportDescription: {
    mn: 'Төлөвлөгөөний бүх бүлэг, арга хэмжээг (текст, нэгтгэсэн нүдийг нь хэвээр) «Хүрсэн түвшин», «Хувь» баганатай тайлангийн маягт болгож, шинэ «Тайлан» хуудсаар (--replace: төлөвлөгөөний хуудсын оронд) хуулбарт хадгална: гарчгийн ТӨЛӨВЛӨГӨӨ нь ТАЙЛАН, тайлант хугацаа (--period), хувийн нүдэнд шатлалын сонголт, дундаж хувь томьёогоор, гарын үсгийн хэсэг, A4. Ажлын номд тайлан аль хэдийн байвал түүний баганыг дагана. Тайланг өгвөл түүний үр дүнг хасч маягт болгоно. Оролтын файлыг өөрчлөхгүй.',
    en: 'Writes a copy with the report form added as a new sheet "Тайлан" (--replace: over the plan\'s sheet): every group and item of the plan, their text and merged cells as they are, the columns Хүрсэн түвшин and Хувь added; the title\'s ТӨЛӨВЛӨГӨӨ made ТАЙЛАН, the period (--period), the scale offered in the percent cells, the average as a formula, the signature block, A4. A report already in the workbook is followed for its columns. Given a report, the form is made from it without its results. The input file is never modified.',
  },
  optPeriod: { mn: 'тайлант хугацаа, гарчгийн доор (анхдагч: жилийн эцэс)', en: 'the period, under the title (default: the year\'s end)' },
  optReplace: { mn: 'төлөвлөгөөний хуудсын оронд бичнэ (хуулбарт)', en: 'write over the plan\'s sheet (in the copy)' },
  noPlan: { mn: 'төлөвлөгөө (эсвэл тайлан) олдсонгүй; юу ч бичээгүй', en: 'no plan (nor report) found; nothing was written' },
  formFrom: { mn: 'Тайлангийн маягт', en: 'Report form' },
  formFromReport: { mn: 'тайлангаас, үр дүнг нь хасав', en: 'from a report, its results left out' },
  formFollowed: { mn: 'Дагасан маягт', en: 'Columns followed from' },
  formPeriod: { mn: 'Хугацаа', en: 'Period' },
  formItems: { mn: '{items} арга хэмжээ, {groups} бүлэг; «{achieved}» {achievedColumn}, «{percent}» {percentColumn} баганад', en: '{items#item|items}, {groups#group|groups}; "{achieved}" in column {achievedColumn}, "{percent}" in column {percentColumn}' },
  formNext: {
    mn: 'Хүрсэн түвшин, хувийг ({scale}) бөглөөд «unelgee compute»-ээр дундажийг тооцно.',
    en: 'Fill in the achieved levels and the percents ({scale}), then unelgee compute works out the average.',
  },
  formRefusedSheet: { mn: 'төлөвлөгөөний хуудас хамгаалагдсан тул маягтыг бичээгүй', en: 'the plan\'s sheet is protected, so the form was not written' },
  formRefusedFormulas: {
    mn: 'төлөвлөгөөний хуудсанд томьёо байгаа тул түүний оронд бичихгүй (томьёо утга болох байсан); --replace-гүйгээр шинэ хуудсанд бичнэ үү',
    en: "the plan's sheet holds formulas, so the form is not written over it (they would become values); leave out --replace to add the form as a new sheet",
  },
  formRefusedBook: { mn: 'ажлын номын бүтэц хамгаалагдсан тул хуудас нэмээгүй', en: 'the workbook structure is protected, so no sheet was added' },

  planSummary: { mn: 'тайлангаас дараа оны төлөвлөгөө үүсгэнэ', en: "make next year's plan from a report" },
  planUsage: { mn: 'ТАЙЛАН -o ТӨЛӨВЛӨГӨӨ [--year 2026] [--json] [--lang mn|en] [--profile …]', en: 'REPORT -o PLAN [--year 2026] [--json] [--lang mn|en] [--profile …]' },
  planDescription: {
    mn: 'Тайлангийн бүлэг, арга хэмжээнээс дараа оны төлөвлөгөөг шинэ ажлын номд бичнэ: энэ оны хүрсэн түвшин (тоо, богино хэмжигдэхүүн бол) шинэ суурь түвшин, хүрэх түвшин хоосон, өмнөх оны зорилт хажууд нь, бүрэн хэрэгжээгүй (эсвэл үнэлээгүй) арга хэмжээнд «Үргэлжлүүлэх», дугаар тасарсан, давхардсан бол дахин дугаарлана, гарчгийн он нэмэгдэнэ (--year). Оролтын файлыг өөрчлөхгүй.',
    en: "Writes next year's plan as a new workbook from the report's groups and items: this year's achieved level (a number or a short quantity) as the new baseline, the target left empty, last year's target beside it, items not fully done (or not rated) marked Үргэлжлүүлэх, renumbered where the numbering had gaps or duplicates, the title's year advanced (--year). The input file is never modified.",
  },
  optYear: { mn: 'төлөвлөгөөний он (анхдагч: тайлангийн оны дараах)', en: "the plan's year (default: the year after the report's)" },
  badYear: { mn: '--year нь 1900–2200 хоорондох он байна', en: '--year takes a year from 1900 to 2200' },
  noReport: { mn: 'гүйцэтгэлийн тайлан олдсонгүй; төлөвлөгөө бичээгүй', en: 'no performance report found; no plan was written' },
  planFrom: { mn: 'Дараа оны төлөвлөгөө', en: "Next year's plan" },
  planItems: {
    mn: '{items} арга хэмжээ; суурь түвшин тайлангаас: {baselines}; «Үргэлжлүүлэх»: {carried}',
    en: '{items#item|items}; baselines from the report: {baselines}; marked Үргэлжлүүлэх: {carried}',
  },
  planRenumbered: {
    mn: 'Дахин дугаарласан ({table}): {changed} дугаар өөрчлөгдөв — тайланд {why}',
    en: 'Renumbered ({table}): {changed#number|numbers} changed — the report had {why}',
  },
  whyGap: { mn: 'тасалдал {list}', en: 'gaps {list}' },
  whyDuplicate: { mn: 'давхардал {list}', en: 'duplicates {list}' },
  whyUnnumbered: { mn: 'дугааргүй мөр {list}', en: 'unnumbered rows {list}' },
  planLeftOut: {
    mn: 'Орхисон: №{number} ({cell}) — мөрөнд дугаараас өөр юу ч алга',
    en: 'Left out: item {number} ({cell}) — its row holds nothing but its number',
  },
  planNext: {
    mn: 'Хүрэх түвшинг бөглөж, дууссаны дараа «Өмнөх оны зорилт» баганыг устгана.',
    en: 'Fill in the targets; delete the "Өмнөх оны зорилт" column when done.',
  },

  optPlan: { mn: 'тайланг энэ төлөвлөгөөтэй тулгана (дутуу, нэмэгдсэн, өөрчлөгдсөн, шилжсэн арга хэмжээ)', en: 'hold the report against this plan (items missing, added, changed, moved)' },
  planNotFound: { mn: 'төлөвлөгөө (эсвэл тайлан) олдсонгүй', en: 'no plan (nor report) found' },
  heldAgainst: {
    mn: 'Төлөвлөгөөтэй тулгав ({plan}): {matched} тохирсон, {missing} тайланд алга, {extra} төлөвлөгөөнд алга',
    en: 'Held against the plan ({plan}): {matched} matched, {missing} missing from the report, {extra} not in the plan',
  },
} satisfies Record<string, Localized>;
