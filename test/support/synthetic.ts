// Big synthetic report sheets for the sync-count and payload tests: the
// title lines and header of report-2024-aimag-admin-dept, then items in
// groups ("Зорилт k. …" merged across), a few rows to compute (empty
// percent, numeric target and achieved), a few with findings, and no
// stated average (so Compute adds an average row under the table).
// Pure TypeScript, no Node APIs.

import type { CellValue } from '../../src/core/sheet';
import type { FakeWorkbookData } from '../../src/in-memory-excel/excel';

export const REPORT_HEADER = [
  '№',
  'Стратеги төлөвлөгөө болон үндэслэж байгаа бусад бодлогын баримт бичиг, хууль тогтоомж',
  'Шалгуур үзүүлэлт',
  'Суурь түвшин',
  'Зорилт от түвшин',
  'Хугацаа /I-IV улирал/',
  'Хэрэгжилт',
  'Хувь',
];

export interface SyntheticOptions {
  items: number;
  /** Items per group. */
  groupSize?: number;
  sheet?: string;
  /** Characters of narrative in the achieved column (the bulk of a real report). */
  narrative?: number;
  /** Every rated percent typed as text ("90 хувь"): each one a finding with a safe fix (percent-as-text). */
  textPercents?: boolean;
  /** Every item's percent left empty, its target and achieved numbers: Compute fills them all. */
  allComputable?: boolean;
}

const RATINGS = [100, 90, 100, 70, 100, 50, 100, 30, 100, 0];

export function syntheticReport(o: SyntheticOptions): FakeWorkbookData {
  const name = o.sheet ?? 'Тайлан';
  const groupSize = o.groupSize ?? 20;
  const width = REPORT_HEADER.length;
  const narrative = 'Хэрэгжилтийг ханган ажиллаж, тайлагнасан. '.repeat(Math.ceil((o.narrative ?? 40) / 42)).slice(0, o.narrative ?? 40);
  const values: CellValue[][] = [
    ['АЙМГИЙН ЗАСАГ ДАРГЫН ТАМГЫН ГАЗАР', ...Array<CellValue>(width - 1).fill(null)],
    ['УДИРДЛАГЫН ХЭЛТСИЙН 2024 ОНЫ ГҮЙЦЭТГЭЛИЙН ТАЙЛАН', ...Array<CellValue>(width - 1).fill(null)],
    ['2024.12.13', ...Array<CellValue>(width - 1).fill(null)],
    ['Алтай хот', ...Array<CellValue>(width - 1).fill(null)],
    [...REPORT_HEADER],
  ];
  const merges = ['A1:H1', 'A2:H2', 'A3:H3', 'A4:H4'];
  for (let i = 0; i < o.items; i++) {
    if (i % groupSize === 0) {
      const g = i / groupSize + 1;
      values.push([`Зорилт ${g}. Аймгийн бодлогын баримт бичгийн хэрэгжилтийг хангана`, ...Array<CellValue>(width - 1).fill(null)]);
      merges.push(`A${values.length}:H${values.length}`);
    }
    const n = i + 1;
    const compute = o.allComputable === true || n % 10 === 5; // percent left empty; target and achieved are numbers
    const missingTarget = n % 97 === 0;
    values.push([
      n,
      `Арга хэмжээ ${n}: төлөвлөгөөний биелэлтийг хангах`,
      'Тайлагналтын тоо',
      1,
      missingTarget ? '' : compute ? 4 : 1,
      'I-IV улирал',
      compute ? 3 : narrative,
      compute || missingTarget ? '' : o.textPercents ? `${RATINGS[i % RATINGS.length]} хувь` : RATINGS[i % RATINGS.length],
    ]);
  }
  return { sheets: [{ name, values, merges }] };
}
