// The words of the roll-up workbook (many units' reports in one view), in
// Mongolian and English. The engine takes them as data (RollupWords). Each
// sheet's columns are declared here once, with its key, width, header in
// both languages and number format; the engine lays the sheets out from them
// and tests read their cells by key.

import type { Lang, NotReadColumnKey, RollupColumnKey, RollupFindingsColumnKey, RollupWords, SheetLayout } from '../core';
import { KIND_NAMES } from './terms';
import { SEVERITY_NAMES } from './findings';
import { PAGE_NUMBERS } from './print';

/**
 * The roll-up sheet's columns, left to right. The names wrap, each header
 * word is whole on its line, and the table prints one A4 landscape page wide
 * at about three quarters of its size.
 */
export const ROLLUP_COLUMNS: SheetLayout<RollupColumnKey> = [
  { key: 'rank', width: 5, header: { mn: 'Байр', en: 'Rank' } },
  { key: 'label', width: 22, header: { mn: 'Нэгж', en: 'Unit' } },
  { key: 'organisation', width: 18, header: { mn: 'Байгууллага', en: 'Organisation' } },
  { key: 'year', width: 6, header: { mn: 'Он', en: 'Year' } },
  { key: 'period', width: 10, header: { mn: 'Хугацаа', en: 'Period' } },
  { key: 'file', width: 16, header: { mn: 'Файл', en: 'File' } },
  { key: 'table', width: 30, header: { mn: 'Хүснэгт', en: 'Table' } },
  { key: 'kind', width: 9, header: { mn: 'Төрөл', en: 'Kind' } },
  { key: 'items', width: 8, header: { mn: 'Арга хэмжээ', en: 'Items' } },
  { key: 'rated', width: 8, header: { mn: 'Үнэлсэн', en: 'Rated' } },
  { key: 'average', width: 8, header: { mn: 'Дундаж хувь', en: 'Average %' }, format: '0.0' },
  { key: 'statedAverage', width: 9, header: { mn: 'Бичсэн дундаж', en: 'Stated average' }, format: '0.0' },
  { key: 'fivePoint', width: 8, header: { mn: '5 онооны', en: '5-point' }, format: '0.00' },
  { key: 'grade', width: 13, header: { mn: 'Үнэлгээ', en: 'Grade' } },
  { key: 'annex8', width: 9, header: { mn: 'Хавсралт 8 оноо', en: 'Annex 8 points' }, format: '0.0' },
  { key: 'errors', width: 7, header: { mn: 'Алдаа', en: 'Errors' } },
  { key: 'warnings', width: 13, header: { mn: 'Анхааруулга', en: 'Warnings' } },
  { key: 'infos', width: 9, header: { mn: 'Мэдээлэл', en: 'Notes' } },
];

/** The roll-up's findings sheet's columns (a filterable table), left to right. */
export const ROLLUP_FINDINGS_COLUMNS: SheetLayout<RollupFindingsColumnKey> = [
  { key: 'file', width: 24, header: { mn: 'Файл', en: 'File' } },
  { key: 'unit', width: 22, header: { mn: 'Нэгж', en: 'Unit' } },
  { key: 'sheet', width: 12, header: { mn: 'Хуудас', en: 'Sheet' } },
  { key: 'cell', width: 7, header: { mn: 'Нүд', en: 'Cell' } },
  { key: 'code', width: 20, header: { mn: 'Код', en: 'Code' } },
  { key: 'severity', width: 12, header: { mn: 'Түвшин', en: 'Severity' } },
  { key: 'message', width: 60, header: { mn: 'Тайлбар', en: 'Message' } },
];

/** The columns of the sheet of files not read. */
export const NOT_READ_COLUMNS: SheetLayout<NotReadColumnKey> = [
  { key: 'file', width: 40, header: { mn: 'Файл', en: 'File' } },
  { key: 'reason', width: 80, header: { mn: 'Шалтгаан', en: 'Reason' } },
];

type Own = Omit<RollupWords, 'lang' | 'kinds' | 'severities' | 'columns' | 'findingsColumns' | 'notReadColumns'>;

const OWN: Record<Lang, Own> = {
  mn: {
    sheetNames: { rollup: 'Нэгтгэл', findings: 'Алдаа, дутуу', notRead: 'Уншигдаагүй' },
    title: 'Гүйцэтгэлийн нэгтгэл',
    scaleLine: 'Үнэлгээний шатлал: {scale}',
    countsLine: 'Файл: {files}, хүснэгт: {tables}, уншигдаагүй файл: {notRead}.',
    linkedLine: 'Нэгж бүрийг үндсэн хүснэгтийнх нь дундаж хувиар эрэмбэлэв (мэдлэг, ур чадварын болон бусад хүснэгт доор нь, байргүй). Байр ба дүнгийн мөр нь томьёо; файлын нэр дээр дарвал тухайн файл нээгдэнэ.',
    totalLabel: 'Дүн (дундаж, тоо, нийлбэр)',
    periods: {
      year: 'жил',
      h1: 'эхний хагас жил',
      h2: 'хоёрдугаар хагас жил',
      m9: 'эхний 9 сар',
      q1: 'I улирал',
      q2: 'II улирал',
      q3: 'III улирал',
      q4: 'IV улирал',
    },
    allRead: 'Бүх файл уншигдсан.',
    findingsTruncated: 'Хуудсанд багтаагүй {count} алдаа, дутуу JSON гаралтад бий.',
    chartCategory: 'Нэгж',
    chartValue: 'Дундаж хувь',
    chartTitle: 'Нэгжүүдийн дундаж хувь',
    pageNumbers: PAGE_NUMBERS.mn,
  },
  en: {
    sheetNames: { rollup: 'Roll-up', findings: 'Findings', notRead: 'Not read' },
    title: 'Performance roll-up',
    scaleLine: 'Rating scale: {scale}',
    countsLine: 'Files: {files}, tables: {tables}, files not read: {notRead}.',
    linkedLine: "Each unit ranked by its main table's average (the knowledge-and-skills part and other tables below, unranked). The rank and the total line are formulas; a file name opens that file.",
    totalLabel: 'Total (mean, counts, sums)',
    periods: {
      year: 'year',
      h1: 'first half',
      h2: 'second half',
      m9: 'first 9 months',
      q1: 'Q1',
      q2: 'Q2',
      q3: 'Q3',
      q4: 'Q4',
    },
    allRead: 'Every file was read.',
    findingsTruncated: '{count} more findings did not fit on the sheet; the JSON output has them.',
    chartCategory: 'Unit',
    chartValue: 'Average %',
    chartTitle: "Units' averages (%)",
    pageNumbers: PAGE_NUMBERS.en,
  },
};

/** The roll-up workbook's words for the user's language. */
export function rollupWords(lang: Lang): RollupWords {
  const kinds = { report: KIND_NAMES.report[lang], plan: KIND_NAMES.plan[lang], score: KIND_NAMES.score[lang] };
  const severities = { error: SEVERITY_NAMES.error[lang], warning: SEVERITY_NAMES.warning[lang], info: SEVERITY_NAMES.info[lang] };
  return { lang, ...OWN[lang], kinds, severities, columns: ROLLUP_COLUMNS, findingsColumns: ROLLUP_FINDINGS_COLUMNS, notReadColumns: NOT_READ_COLUMNS };
}
