// The checked copy's words and the findings sheet's columns ("Алдаа, дутуу"),
// in Mongolian and English. The columns are declared here once, each with
// its key, width and header in both languages; the engine lays the sheet
// out from them (planFindingsSheet) and tests read its cells by key.

import type { FindingsColumn, FindingsSheetWords, Lang } from '../core';
import { SEVERITY_NAMES } from './findings';
import { PAGE_NUMBERS } from './print';

/** The findings sheet's columns, left to right. */
export const FINDINGS_COLUMNS: readonly FindingsColumn[] = [
  { key: 'severity', width: 13, header: { mn: 'Түвшин', en: 'Severity' } },
  { key: 'cell', width: 18, header: { mn: 'Нүд', en: 'Cell' } },
  { key: 'code', width: 22, header: { mn: 'Код', en: 'Code' } },
  { key: 'message', width: 62, header: { mn: 'Тайлбар', en: 'Message' } },
  { key: 'fix', width: 36, header: { mn: 'Санал болгох засвар', en: 'Quick fix offered' } },
];

type Own = Pick<FindingsSheetWords, 'sheetName' | 'titleLine' | 'guideLine' | 'totalLabel' | 'noFindings' | 'notePrefix'>;

const OWN: Record<Lang, Own> = {
  mn: {
    sheetName: 'Алдаа, дутуу',
    titleLine: '{title}: {file}',
    guideLine: 'Алдаа, дутуу бүрийг нүдэн дээр нь өнгөөр тэмдэглэж, тайлбар (note) бичсэн. Нүдний хаяг дээр дарвал тухайн нүд рүү очно.',
    totalLabel: 'Нийт',
    noFindings: 'Алдаа, дутуу олдсонгүй.',
    notePrefix: 'Үнэлгээ',
  },
  en: {
    sheetName: 'Findings',
    titleLine: '{title}: {file}',
    guideLine: 'Each finding is marked on its cell with a fill and a note. Click a cell address to go to that cell.',
    totalLabel: 'Total',
    noFindings: 'No findings.',
    notePrefix: 'Unelgee',
  },
};

/** Every language's sheet name and first header: how the engine knows a findings sheet the tool made (and leaves it out of its analysis). */
export const FINDINGS_SIGNATURES = (Object.keys(OWN) as Lang[]).map((l) => ({ title: OWN[l].sheetName, firstHeader: FINDINGS_COLUMNS[0].header[l] }));

/** The checked copy's words in the user's language. */
export function findingsSheetWords(lang: Lang): FindingsSheetWords {
  return {
    lang,
    ...OWN[lang],
    severities: { error: SEVERITY_NAMES.error[lang], warning: SEVERITY_NAMES.warning[lang], info: SEVERITY_NAMES.info[lang] },
    columns: FINDINGS_COLUMNS,
    pageNumbers: PAGE_NUMBERS[lang],
    signatures: FINDINGS_SIGNATURES,
  };
}
