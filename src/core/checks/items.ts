// Item fields: each item row's number, indicator, target and achieved level.

import { defineFinding } from './define';
import type { CheckContext, ItemCheck } from './context';
import { cellAddress } from '../sheet';
import { textWrite } from './fix-writes';
import type { FixDraft } from './report';
import { ROLE_NAMES, WHY_NEEDED } from './vocabulary';

export const ITEM_FINDINGS = {
  'missing-number': defineFinding({
    severity: 'warning',
    description: { mn: 'өөрийн үнэлгээтэй боловч дугааргүй мөр', en: 'an unnumbered row that carries its own rating' },
    messages: {
      default: {
        mn: '{row}-р мөр дугааргүй боловч өөрийн үнэлгээтэй байна; дугаар өгнө үү.',
        en: 'Row {row} has no number but carries its own rating; give it a number.',
      },
    },
  }),
  'missing-indicator': defineFinding({
    severity: 'warning',
    description: { mn: 'арга хэмжээнд шалгуур үзүүлэлт алга', en: 'an item has no indicator' },
    messages: { default: { mn: '{item}: шалгуур үзүүлэлт бичигдээгүй байна.', en: '{item}: the indicator is missing.' } },
  }),
  'missing-target': defineFinding({
    severity: 'warning',
    description: {
      mn: 'зорилтот түвшин алга (хувь хоосон бөгөөд тооцоход хэрэгтэй бол алдаа)',
      en: 'an item has no target (an error when the percent is empty and needs it)',
    },
    messages: { default: { mn: '{item}: зорилтот түвшин бичигдээгүй байна{why}.', en: '{item}: the target level is missing{why}.' } },
  }),
  'missing-achieved': defineFinding({
    severity: 'warning',
    description: {
      mn: 'хүрсэн түвшин алга (хувь хоосон бөгөөд тооцоход хэрэгтэй бол алдаа)',
      en: 'an item has no achieved level (an error when the percent is empty and needs it)',
    },
    messages: { default: { mn: '{item}: хүрсэн түвшин бичигдээгүй байна{why}.', en: '{item}: the achieved level is missing{why}.' } },
  }),
  'value-as-date': defineFinding({
    severity: 'warning',
    description: {
      mn: 'Excel бичсэн "1/2"-ыг огноо болгосон: мэдээлнэ, харьцаа гэж хэзээ ч уншихгүй',
      en: 'Excel turned a typed "1/2" into a date: reported, never read as a ratio',
    },
    messages: {
      default: {
        mn: '{item}: {role} нүдэнд Excel "{guess}" гэж бичсэнийг огноо болгосон бололтой. Нүдийг "Text" болгоод дахин бичнэ үү.',
        en: '{item}: Excel seems to have turned "{guess}" in the {role} cell into a date; format the cell as text and type it again.',
      },
    },
    fixes: {
      restore: { mn: '{cell}-д "{text}" гэж текстээр буцааж бичих', en: 'Write "{text}" back in {cell}, as text' },
      restoreEither: {
        mn: '{cell}-д "{text}" гэж текстээр буцааж бичих ("{other}" байж магадгүй: шалгана уу)',
        en: 'Write "{text}" back in {cell}, as text (or was it "{other}"? check)',
      },
    },
  }),
  'target-not-measurable': defineFinding({
    severity: 'info',
    description: { mn: '"Тухай бүр", "Жилдээ" зэрэг хэмжигдэхгүй зорилт', en: '"Тухай бүр", "Жилдээ" and the like' },
    messages: {
      default: {
        mn: '{item}: зорилтот түвшин "{text}" хэмжигдэхүйц биш тул хувийг хүн үнэлнэ.',
        en: '{item}: the target "{text}" is not measurable, so a person must rate the percent.',
      },
    },
  }),
};

const LEVEL_ROLES = ['baseline', 'target', 'achieved'] as const;

/** The fields of one item: its number, indicator, target, achieved level and dates that were typed as ratios. */
export function checkItemFields(ctx: CheckContext, check: ItemCheck): void {
  const { item, name } = check;
  const at = (col: number) => ({ row: item.row, col });
  const indexCol = ctx.col('index');
  if (item.number === undefined && indexCol !== undefined) ctx.report.add('missing-number', 'default', at(indexCol), { row: item.row + 1 });
  const indicatorCol = ctx.col('indicator');
  if (indicatorCol !== undefined && !item.text.indicator) ctx.report.add('missing-indicator', 'default', at(indicatorCol), { item: name() });

  // A target or achieved level is needed when the item has no rating (its percent cell empty, or merged away).
  const needed = (item.percent?.kind === 'empty' || item.percent?.kind === 'merged') && ctx.isReport;
  const severity = needed ? 'error' : 'warning';
  const why = needed ? WHY_NEEDED : '';
  const targetCol = ctx.col('target');
  if (targetCol !== undefined && !ctx.blank?.targets && (item.parsed.target.kind === 'empty' || item.parsed.target.kind === 'none')) {
    ctx.report.add('missing-target', 'default', at(targetCol), { item: name(), why }, { severity });
  }
  const achievedCol = ctx.col('achieved');
  if (ctx.isReport && achievedCol !== undefined && !ctx.blank?.results && item.parsed.achieved.kind === 'empty') {
    ctx.report.add('missing-achieved', 'default', at(achievedCol), { item: name(), why }, { severity });
  }
  for (const role of LEVEL_ROLES) {
    const parsed = item.parsed[role];
    const column = ctx.col(role);
    if (parsed.kind === 'date' && column !== undefined) {
      ctx.report.add('value-as-date', 'default', at(column), { item: name(), role: ROLE_NAMES[role], guess: parsed.guess }, { data: { guess: parsed.guess }, fix: dateFix(item.row, column, parsed.guess) });
    }
  }
  if (item.parsed.target.kind === 'unmeasurable' && targetCol !== undefined) {
    ctx.report.add('target-not-measurable', 'default', at(targetCol), { item: name(), text: item.parsed.target.text });
  }
}

/**
 * "1/2" typed and turned into 2 January: the text back, as text. Where the
 * day could have been typed first too (both parts ≤ 12), which one was meant
 * is a judgement; past 12 it can only be month/day.
 */
function dateFix(row: number, col: number, guess: string): FixDraft {
  const [month, day] = guess.split('/').map(Number);
  const cell = cellAddress(row, col);
  if (day > 12 || month === day) return { kind: 'safe', id: 'restore', params: { text: guess, cell }, writes: [textWrite(row, col, guess)] };
  return { kind: 'review', id: 'restoreEither', params: { text: guess, other: `${day}/${month}`, cell }, writes: [textWrite(row, col, guess)] };
}
