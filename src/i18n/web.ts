// Words of the web page around the pane (src/preview): opening a workbook,
// the samples, the sheet view. The pane's own words are in ui.ts; why a
// file cannot be read is the reader's sentence (xlsx.ts), as the command
// line says it.

import { fillTemplate, type Lang, type Localized } from '../core';

export const WEB_TEXT = {
  title: { mn: 'Үнэлгээ', en: 'Unelgee' },
  tagline: {
    mn: 'Гүйцэтгэлийн төлөвлөгөө, тайланг шалгаж, оноо тооцно — Excel, интернэт шаардлагагүй.',
    en: 'Checks and scores performance plans and reports — no Excel, no internet needed.',
  },
  open: { mn: 'Файл нээх', en: 'Open a workbook' },
  openHint: { mn: 'эсвэл .xlsx файлаа хуудас руу чирж оруулна уу', en: 'or drop an .xlsx file on the page' },
  dropHere: { mn: 'Файлаа энд тавина уу', en: 'Drop the workbook here' },
  samples: { mn: 'Жишээ', en: 'Samples' },
  sampleNames: {
    mn: 'Тайлан 2024 (аймаг)|Тайлан 2025 (хэлтэс)|Төлөвлөгөө 2023 (сум)',
    en: 'Report 2024 (aimag)|Report 2025 (unit)|Plan 2023 (soum)',
  },
  selection: { mn: 'Нүд', en: 'Cell' },
  goToHint: { mn: 'Нүдний хаяг (жишээ нь H40) бичээд Enter', en: 'Type a cell (e.g. H40) and press Enter' },
  privacy: {
    mn: 'Файл таны компьютерээс гарахгүй: бүгд энэ хөтөч дотор ажиллана.',
    en: 'The file never leaves this computer: everything runs in this browser.',
  },
  reading: { mn: '«{name}» файлыг уншиж байна…', en: 'Reading "{name}"…' },
  showing: { mn: 'Хуудсыг бэлдэж байна…', en: 'Laying out the sheets…' },
  cannotRead: { mn: '{name}: уншиж чадсангүй: {why}', en: '{name}: cannot read: {why}' },
  tooLarge: { mn: 'файл хэт том байна (дээд хэмжээ {limit} МБ)', en: 'the file is too large (at most {limit} MB)' },
  welcomeHeading: { mn: 'Төлөвлөгөө, тайлангаа нээнэ үү', en: 'Open a plan or a report' },
  welcomeSteps: {
    mn: 'Файлаа нээх (эсвэл жишээ сонгох)|«Шалгах»: алдаа, дутуу нүд хуудсанд тэмдэглэгдэж, самбарт жагсана|Засаад дахин шалгах, дараа нь «Оноо тооцох»|«Татаж авах»: тооцоолсон хуулбарыг хадгалж, ямар ч Excel-ээр нээх',
    en: 'Open your workbook (or a sample)|Validate: the cells with problems are marked on the sheet and listed in the pane|Fix them, validate again, then Compute scores|Download: save the computed copy and open it in any Excel',
  },
  paneEmpty: { mn: 'Файл нээхэд Үнэлгээний самбар энд гарна.', en: 'The Unelgee pane appears here once a workbook is open.' },
  sheetsLabel: { mn: 'Хуудсууд', en: 'Sheets' },
  paneLabel: { mn: 'Үнэлгээний самбар', en: 'Unelgee pane' },
  workbookLabel: { mn: 'Ажлын ном', en: 'Workbook' },
  rollup: { mn: 'Нэгтгэх', en: 'Roll up' },
  rollupHint: {
    mn: 'Олон нэгжийн тайланг сонгоход бүгдийг шалгаж, дундаж, эрэмбийг нэг нэгтгэлд гаргана',
    en: 'Pick many units\' reports: each is checked, and one roll-up lists their averages and ranks',
  },
  welcomeRollup: {
    mn: 'Олон нэгжийн тайлан байвал «Нэгтгэх»-ийг дарж бүгдийг нь сонгоно уу (эсвэл хамт чирж оруулна уу): нэгтгэл энд нээгдэнэ.',
    en: 'With many units\' reports, press Roll up and pick them all (or drop them together): the roll-up opens here.',
  },
  offerSeveral: { mn: '{count} файл сонголоо: {names}. Нэгтгэл болгох уу?', en: 'You chose {count#file|files}: {names}. Roll them up?' },
  offerRollup: { mn: 'Нэгтгэх', en: 'Roll up' },
  offerOpenFirst: { mn: 'Зөвхөн «{name}»-ийг нээх', en: 'Open "{name}" only' },
  offerCancel: { mn: 'Болих', en: 'Cancel' },
  rollingUp: { mn: '{count} файлыг нэгтгэж байна…', en: 'Rolling up {count#file|files}…' },
  backToRollup: { mn: '← Нэгтгэл рүү буцах', en: '← Back to the roll-up' },
  linkOpens: { mn: '«{name}» файлыг нээх', en: 'Open "{name}"' },
  linkElsewhere: { mn: '«{name}»: энэ нэгтгэлд ороогүй файл (нэгтгэлийг татаж авсны дараа хажууд нь байвал Excel-ээс нээгдэнэ)', en: '"{name}": not a file of this roll-up (opens from Excel when it lies beside the downloaded roll-up)' },
  rowHeaders: { mn: 'Мөр', en: 'Row' },
} satisfies Record<string, Localized>;

export type WebKey = keyof typeof WEB_TEXT;

export function webText(lang: Lang, key: WebKey, params: Record<string, string | number> = {}): string {
  return fillTemplate(WEB_TEXT[key][lang], params, lang);
}
