// The words of the roll-up workbook (many units' reports in one view), in
// Mongolian and English. The engine takes them as data (RollupWords).

import type { Lang, RollupWords } from '../core';
import { KIND_NAMES } from './terms';
import { SEVERITY_NAMES } from './findings';
import { PAGE_NUMBERS } from './print';

type Own = Omit<RollupWords, 'lang' | 'kinds' | 'severities'>;

const OWN: Record<Lang, Own> = {
  mn: {
    sheetNames: { rollup: 'Нэгтгэл', findings: 'Алдаа, дутуу', notRead: 'Уншигдаагүй' },
    title: 'Гүйцэтгэлийн нэгтгэл',
    scaleLine: 'Үнэлгээний шатлал: {scale}',
    countsLine: 'Файл: {files}, хүснэгт: {tables}, уншигдаагүй файл: {notRead}.',
    linkedLine: 'Нэгж бүрийг үндсэн хүснэгтийнх нь дундаж хувиар эрэмбэлэв (мэдлэг, ур чадварын болон бусад хүснэгт доор нь, байргүй). Байр ба дүнгийн мөр нь томьёо; файлын нэр дээр дарвал тухайн файл нээгдэнэ.',
    headers: [
      'Байр',
      'Нэгж',
      'Байгууллага',
      'Он',
      'Хугацаа',
      'Файл',
      'Хүснэгт',
      'Төрөл',
      'Арга хэмжээ',
      'Үнэлсэн',
      'Дундаж хувь',
      'Бичсэн дундаж',
      '5 онооны',
      'Үнэлгээ',
      'Хавсралт 8 оноо',
      'Алдаа',
      'Анхааруулга',
      'Мэдээлэл',
    ],
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
    findingsHeaders: ['Файл', 'Нэгж', 'Хуудас', 'Нүд', 'Код', 'Түвшин', 'Тайлбар'],
    notReadHeaders: ['Файл', 'Шалтгаан'],
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
    headers: [
      'Rank',
      'Unit',
      'Organisation',
      'Year',
      'Period',
      'File',
      'Table',
      'Kind',
      'Items',
      'Rated',
      'Average %',
      'Stated average',
      '5-point',
      'Grade',
      'Annex 8 points',
      'Errors',
      'Warnings',
      'Notes',
    ],
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
    findingsHeaders: ['File', 'Unit', 'Sheet', 'Cell', 'Code', 'Severity', 'Message'],
    notReadHeaders: ['File', 'Reason'],
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
  return { lang, ...OWN[lang], kinds, severities };
}
