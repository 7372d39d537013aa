// An annex 8 evaluation sheet (8 дугаар хавсралт) laid out as the form is
// (docs/domain.md, "Annex 8 points"), with the figures the issue names:
// 28 section-1 rows at 100 % and one at 80 % give 69.5 (the sheet states
// 70), section 2's 66.6 % and 37.3 % give 10 and 5.6 (mean 7.8), section 3's
// six ratings 7 5 7 7 7 7 give 6.7 (the sheet states 7), section 4's 8 8 7
// give 7.7; section 5 carries 70, 7.8, 7 and 7.7, deducts 2, and totals
// 90.5 — the right sum of what it carries.

import type { CellValue } from '../../src/core';
import { sheetOf } from './sheet-builder';

export interface Annex8Options {
  /** Section 1 percents (29 rows by default: 28 × 100 and one 80). */
  section1?: (number | null)[];
  /** Section 1 points column, row by row (empty by default: computed from the percents). */
  section1Points?: (number | null)[];
  section1Stated?: number | null;
  section3?: (number | null)[];
  section3Stated?: number | null;
  section4?: (number | null)[];
  /** What section 5 carries for sections 1–4, the changes row and the total. */
  carried?: (number | null)[];
  changes?: number | null;
  total?: number | null;
}

const COMPETENCIES_3 = ['Хандлага, ёс зүй', 'Удирдан зохион байгуулах', 'Асуудал шийдвэрлэх', 'Манлайлах', 'Багаар ажиллах', 'Харилцаа'];
const COMPETENCIES_4 = ['Хандлага, ёс зүй', 'Багаар ажиллах', 'Харилцаа'];

/** Rows of the form; the row numbers of the parts are returned too (0-based). */
export function annex8Rows(o: Annex8Options = {}): { rows: CellValue[][]; at: Record<string, number> } {
  const s1 = o.section1 ?? [...Array(28).fill(100), 80];
  const s1p = o.section1Points ?? s1.map(() => null);
  const s3 = o.section3 ?? [7, 5, 7, 7, 7, 7];
  const s4 = o.section4 ?? [8, 8, 7];
  const carried = o.carried ?? [70, 7.8, 7, 7.7];
  const rows: CellValue[][] = [];
  const at: Record<string, number> = {};
  const push = (r: CellValue[], name?: string) => {
    if (name) at[name] = rows.length;
    rows.push(r);
  };
  push([null, null, null, '8 дугаар хавсралт']);
  push(['ТӨРИЙН АЛБАН ХААГЧИЙН ГҮЙЦЭТГЭЛИЙН ҮНЭЛГЭЭНИЙ ХУУДАС']);
  push(['Байгууллага: Аймгийн Засаг даргын Тамгын газар · Албан хаагч: Б.Болд · 2024 он']);
  push([]);
  push(['1. Гүйцэтгэлийн зорилт, арга хэмжээний биелэлт'], 'title1');
  push(['Д/д', 'Гүйцэтгэлийн зорилт, арга хэмжээ', 'Гүйцэтгэлийн түвшин', 'Нийт (70 оноо)'], 'header1');
  push(['Зорилт 1. Төрийн үйлчилгээг иргэнд ойртуулах']);
  s1.forEach((p, i) => push([i + 1, `Арга хэмжээ ${i + 1}`, p, s1p[i] ?? null], i === 0 ? 'first1' : undefined));
  push(['Дундаж оноо:', null, null, o.section1Stated === undefined ? 70 : o.section1Stated], 'stated1');
  push([]);
  push(['2. Мэдлэг, ур чадвараа дээшлүүлэх зорилт, арга хэмжээ'], 'title2');
  push(['Д/д', 'Мэдлэг, ур чадвараа дээшлүүлэх зорилт, арга хэмжээ', 'Гүйцэтгэлийн түвшин', 'Төсвийн шууд захирагчийн өгсөн үнэлгээ (15 хүртэл оноогоор)'], 'header2');
  push([1, 'Төрийн албаны сургалтад хамрагдах', 66.6, 10], 'first2');
  push([2, 'Англи хэлний сургалт', 37.3, 5.6]);
  push(['Мэдлэг, ур чадвараа дээшлүүлэх зорилт, арга хэмжээний дундаж оноо', null, null, 7.8], 'stated2');
  push([]);
  push(['3. Хандлага, ёс зүй, ур чадварын үнэлгээ'], 'title3');
  push(['Д/д', 'Хандлага, ёс зүй, ур чадварын үнэлгээ', 'Төсвийн шууд захирагчийн өгсөн үнэлгээ (7 хүртэл оноогоор)'], 'header3');
  COMPETENCIES_3.forEach((c, i) => push([i + 1, c, s3[i] ?? null], i === 0 ? 'first3' : undefined));
  push(['Хандлага, ёс зүй, ур чадварын дундаж оноо', null, o.section3Stated === undefined ? 7 : o.section3Stated], 'stated3');
  push([]);
  push(['4. Хандлага, ёс зүй, ур чадварын үнэлгээ (Хамт олны үнэлгээ)'], 'title4');
  push(['Д/д', 'Хандлага, ёс зүй, ур чадварын үнэлгээ', 'Хамт олны үнэлгээ (8 хүртэл оноогоор)'], 'header4');
  COMPETENCIES_4.forEach((c, i) => push([i + 1, c, s4[i] ?? null], i === 0 ? 'first4' : undefined));
  push(['Дундаж оноо', null, 7.7], 'stated4');
  push([]);
  push(['5. Гүйцэтгэлийн үнэлгээ'], 'title5');
  push(['Д/д', 'Үнэлгээний үзүүлэлт', 'Үзүүлэлт тус бүрийн оноо'], 'header5');
  push([1, 'Гүйцэтгэлийн зорилт, арга хэмжээний биелэлт', carried[0]], 'carried1');
  push([2, 'Мэдлэг, ур чадвараа дээшлүүлэх зорилт, арга хэмжээний биелэлт', carried[1]], 'carried2');
  push([3, 'Хандлага, ёс зүй, ур чадварын үнэлгээ', carried[2]], 'carried3');
  push([4, 'Хамт олны үнэлгээ', carried[3]], 'carried4');
  push([5, 'Үнэлгээний оноонд орсон өөрчлөлт (Аргачлалын 6 дугаар хэсэгт заасан холбогдох заалтыг бичих)', o.changes === undefined ? 2 : o.changes], 'changes');
  push(['Нийт оноо = (1+2+3+4) − Аргачлалын 6 дугаар хэсгийн холбогдох заалтын дагуу хассан оноо', null, o.total === undefined ? 90.5 : o.total], 'total');
  push([]);
  push(['Үнэлгээ өгсөн: Хэлтсийн дарга /Д.Дорж/ 2024.12.20']);
  push(['Үнэлгээтэй танилцаж, зөвшөөрсөн: /Б.Болд/']);
  return { rows, at };
}

export function annex8Sheet(o: Annex8Options = {}, name = '8-р хавсралт') {
  const { rows, at } = annex8Rows(o);
  return { sheet: sheetOf(rows, { name }), at };
}
