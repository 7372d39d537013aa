// Words finding messages put into their templates: role names, why a
// percent cannot be computed, how an item is named.

import type { ComputeFailure } from '../percent';
import type { Localized, Role } from '../types';

export const ROLE_NAMES: Record<Role | 'ignore', Localized> = {
  index: { mn: 'Д/д', en: 'number' },
  goal: { mn: 'Зорилт', en: 'goal' },
  action: { mn: 'Арга хэмжээ', en: 'action' },
  budget: { mn: 'Төсөв', en: 'budget' },
  indicator: { mn: 'Шалгуур үзүүлэлт', en: 'indicator' },
  baseline: { mn: 'Суурь түвшин', en: 'baseline' },
  target: { mn: 'Зорилтот түвшин', en: 'target' },
  achieved: { mn: 'Хүрсэн түвшин', en: 'achieved' },
  period: { mn: 'Хугацаа', en: 'period' },
  percent: { mn: 'Хувь', en: 'percent' },
  points: { mn: 'Оноо', en: 'points' },
  responsible: { mn: 'Хариуцах эзэн', en: 'responsible' },
  ignore: { mn: 'Тооцохгүй', en: 'ignore' },
};

/** Why a percent cannot be computed from the numbers (ComputeFailure), or why a table cannot. */
export const REASONS: Record<ComputeFailure | 'no-columns', Localized> = {
  narrative: { mn: 'хүрсэн түвшин тайлбар текст байна', en: 'the achieved level is narrative text' },
  'no-target': { mn: 'зорилтот түвшин алга', en: 'there is no target level' },
  'no-achieved': { mn: 'хүрсэн түвшин алга', en: 'there is no achieved level' },
  'target-text': { mn: 'зорилтот түвшин тоон утга биш', en: 'the target is not a number' },
  unmeasurable: { mn: 'зорилтот түвшин хэмжигдэхүйц биш', en: 'the target is not measurable' },
  'parts-mismatch': {
    mn: 'зорилт ба хүрсэн түвшний хэсгийн тоо зөрж байна',
    en: 'the target and achieved values have different numbers of parts',
  },
  date: { mn: 'нүд огноо болж хувирсан', en: 'a cell was turned into a date' },
  'no-columns': { mn: 'хүснэгтэд зорилт, хүрсэн түвшний багана алга', en: 'the table has no target or achieved column' },
};

/** Appended to missing-target / missing-achieved when the empty percent needs them. */
export const WHY_NEEDED: Localized = {
  mn: ' (хувь бичигдээгүй тул тооцоход хэрэгтэй)',
  en: ' (the percent is empty, so it is needed to compute it)',
};

/** "№1.2" / "item 1.2", or the row when the item has no number. */
export function itemName(number: string | undefined, row: number): Localized {
  return number ? { mn: `№${number} арга хэмжээ`, en: `Item ${number}` } : { mn: `${row + 1}-р мөр`, en: `Row ${row + 1}` };
}
