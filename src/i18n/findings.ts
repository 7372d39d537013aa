// Finding messages in Mongolian (default) and English. Templates name their
// parameters in braces; a parameter may itself be localised (a role name, a
// reason), so each language picks its own words.

import type { Localized, Role, Severity } from '../core';

export type Param = string | number | Localized;

type Catalogue = Record<string, Localized>;

export const FINDING_TEXT: Catalogue = {
  'header-not-found': {
    mn: 'Энэ хуудсанд гүйцэтгэлийн хүснэгт олдсонгүй: "Д/д", "Шалгуур үзүүлэлт", "Зорилтот түвшин", "Хувь" зэрэг толгой мөр хайсан.',
    en: 'No performance table on this sheet: looked for a header row with "Д/д", "Шалгуур үзүүлэлт", "Зорилтот түвшин", "Хувь" and the like.',
  },
  'sheet-unreadable': {
    mn: 'Хуудсыг уншиж чадсангүй: {reason}',
    en: 'The sheet could not be read: {reason}',
  },
  'missing-indicator': {
    mn: '{item}: шалгуур үзүүлэлт бичигдээгүй байна.',
    en: '{item}: the indicator is missing.',
  },
  'missing-target': {
    mn: '{item}: зорилтот түвшин бичигдээгүй байна{why}.',
    en: '{item}: the target level is missing{why}.',
  },
  'missing-achieved': {
    mn: '{item}: хүрсэн түвшин бичигдээгүй байна{why}.',
    en: '{item}: the achieved level is missing{why}.',
  },
  'missing-percent-computable': {
    mn: '{item}: хувь бичигдээгүй байна. "Оноо тооцох" нь {value}% гэж бөглөнө ({how}).',
    en: '{item}: the percent is missing. Compute scores will fill {value}% ({how}).',
  },
  'missing-percent': {
    mn: '{item}: хувь бичигдээгүй байна. Тоон утгаас тооцох боломжгүй ({reason}) тул үнэлгээ өгөх хүн бөглөнө үү.',
    en: '{item}: the percent is missing and cannot be computed ({reason}); the evaluator must rate it.',
  },
  'percent-invalid-text': {
    mn: '{item}: хувь "{text}" байна. 0–100 хооронд тоо бичнэ үү.',
    en: '{item}: the percent is "{text}"; write a number from 0 to 100.',
  },
  'percent-invalid-range': {
    mn: '{item}: хувь {text} нь 0–100-ийн хооронд биш байна.',
    en: '{item}: the percent {text} is outside 0–100.',
  },
  'percent-invalid-date': {
    mn: '{item}: Excel хувийг огноо болгон хадгалсан байна ({text}). Нүдийг "Text" болгоод дахин бичнэ үү.',
    en: '{item}: Excel stored the percent as a date ({text}); format the cell as text and type it again.',
  },
  'percent-off-scale': {
    mn: '{item}: {value}% нь "{scale}" шатлалын түвшин биш ({levels}).',
    en: '{item}: {value}% is not a level of the "{scale}" scale ({levels}).',
  },
  'percent-inconsistent': {
    mn: '{item}: {rated}% гэж үнэлсэн боловч хүрсэн түвшин {achieved}, зорилт {target} байгаагаас {computed}% гарч байна.',
    en: '{item}: rated {rated}%, but achieved {achieved} against target {target} gives {computed}%.',
  },
  'not-computable': {
    mn: '{item}: хувийг тооцох боломжгүй ({reason}). Үнэлгээ өгөх хүн хувийг бичнэ.',
    en: '{item}: the percent cannot be computed ({reason}); a person must rate it.',
  },
  'average-mismatch': {
    mn: '{label} {stated} гэж бичсэн боловч үнэлсэн {count} мөрийн дундаж {computed} байна.',
    en: 'The stated {label} is {stated}, but the mean of the {count} rated rows is {computed}.',
  },
  'average-mismatch-points': {
    mn: '{label} {stated} гэж бичсэн боловч мөрүүдээс {computed} оноо гарч байна.',
    en: 'The stated {label} is {stated}, but the rows give {computed} points.',
  },
  'points-mismatch': {
    mn: '{item}: оноо {stated} нь хувь × жин = {expected}-тай таарахгүй байна.',
    en: '{item}: {stated} points differ from percent × weight = {expected}.',
  },
  'duplicate-number': {
    mn: '№{number} давхардсан байна ({other}-р мөрөнд бас бий).',
    en: 'Number {number} appears twice (also in row {other}).',
  },
  'numbering-gap': {
    mn: '№{previous}-ийн дараа №{number} ирж байна: {missing} алга.',
    en: 'Number {previous} is followed by {number}: {missing} is missing.',
  },
  'numbering-gap-group': {
    mn: '{previous}-р хэсгийн дараа {number}-р хэсэг ирж байна: {missing}-р хэсэг алга.',
    en: 'Section {previous} is followed by section {number}: section {missing} is missing.',
  },
  'target-not-measurable': {
    mn: '{item}: зорилтот түвшин "{text}" хэмжигдэхүйц биш тул хувийг хүн үнэлнэ.',
    en: '{item}: the target "{text}" is not measurable, so a person must rate the percent.',
  },
  'value-as-date': {
    mn: '{item}: {role} нүдэнд Excel "{guess}" гэж бичсэнийг огноо болгосон бололтой. Нүдийг "Text" болгоод дахин бичнэ үү.',
    en: '{item}: Excel seems to have turned "{guess}" in the {role} cell into a date; format the cell as text and type it again.',
  },
  'percent-misplaced': {
    mn: '{item}: {value} гэсэн үнэлгээ хувийн багана ({percentColumn}) биш {column} баганад байна. Зөв баганад шилжүүлнэ үү.',
    en: '{item}: the rating {value} sits in column {column} instead of the percent column {percentColumn}; move it there.',
  },
  'missing-number': {
    mn: '{row}-р мөр дугааргүй боловч өөрийн үнэлгээтэй байна; дугаар өгнө үү.',
    en: 'Row {row} has no number but carries its own rating; give it a number.',
  },
};

export const REASONS: Record<string, Localized> = {
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

export const WHY_NEEDED: Localized = {
  mn: ' (хувь бичигдээгүй тул тооцоход хэрэгтэй)',
  en: ' (the percent is empty, so it is needed to compute it)',
};

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

export const SEVERITY_NAMES: Record<Severity, Localized> = {
  error: { mn: 'Алдаа', en: 'Error' },
  warning: { mn: 'Анхааруулга', en: 'Warning' },
  info: { mn: 'Мэдээлэл', en: 'Info' },
};

/** "№1.2" / "item 1.2", or the row when the item has no number. */
export function itemName(number: string | undefined, row: number): Localized {
  return number
    ? { mn: `№${number} арга хэмжээ`, en: `Item ${number}` }
    : { mn: `${row + 1}-р мөр`, en: `Row ${row + 1}` };
}

function pick(p: Param, lang: 'mn' | 'en'): string {
  if (typeof p === 'object') return p[lang];
  if (typeof p === 'number') return formatNumber(p);
  return p;
}

/** Numbers as people write them in these forms: at most two decimals, a decimal point. */
export function formatNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** A template split once into text and parameter names: "{item}: …" → ['', 'item', ': …']. */
type Compiled = string[];
const compiled = new Map<string, { mn: Compiled; en: Compiled }>();
const compile = (t: string): Compiled => t.split(/\{(\w+)\}/);

function fill(parts: Compiled, params: Record<string, Param>, lang: 'mn' | 'en'): string {
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    out += (name in params ? pick(params[name], lang) : `{${name}}`) + parts[i + 1];
  }
  return out;
}

export function render(key: string, params: Record<string, Param> = {}): Localized {
  let c = compiled.get(key);
  if (!c) {
    const t = FINDING_TEXT[key];
    if (!t) throw new Error(`No text for ${key}`);
    compiled.set(key, (c = { mn: compile(t.mn), en: compile(t.en) }));
  }
  return { mn: fill(c.mn, params, 'mn'), en: fill(c.en, params, 'en') };
}
