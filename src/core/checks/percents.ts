// The percent column: a rating missing, invalid, off the scale, contradicted
// by the numbers, or left outside its column by a shifted row.

import { levelDistance, snapDown } from '../percent';
import { clearWrite, ratingWrite } from './fix-writes';
import { cellAddress, columnLetter } from '../sheet';
import { describe, type PercentCell } from '../values';
import type { CellWrite } from '../types';
import { defineFinding } from './define';
import type { CheckContext, ItemCheck } from './context';
import { REASONS } from './vocabulary';

export const PERCENT_FINDINGS = {
  'missing-percent': defineFinding({
    severity: 'warning',
    description: {
      mn: 'хувь хоосон: "Оноо тооцох" бөглөж чадах бол анхааруулга (юугаар гэдгийг хэлнэ), хүн үнэлэх ёстой бол алдаа',
      en: 'warning when Compute can fill it (the message says with what); error when a person must rate it',
    },
    messages: {
      computable: {
        mn: '{item}: хувь бичигдээгүй байна. "Оноо тооцох" нь {value}% гэж бөглөнө ({how}).',
        en: '{item}: the percent is missing. Compute scores will fill {value}% ({how}).',
      },
      manual: {
        mn: '{item}: хувь бичигдээгүй байна. Тоон утгаас тооцох боломжгүй ({reason}) тул үнэлгээ өгөх хүн бөглөнө үү.',
        en: '{item}: the percent is missing and cannot be computed ({reason}); the evaluator must rate it.',
      },
    },
    fixes: { fill: { mn: '{cell}-д {value}% бичих', en: 'Write {value}% in {cell}' } },
  }),
  'percent-invalid': defineFinding({
    severity: 'error',
    description: { mn: 'тоо биш, 0–100-аас гадуур, эсвэл огноо болсон', en: 'not a number, outside 0–100, or turned into a date' },
    messages: {
      text: { mn: '{item}: хувь "{text}" байна. 0–100 хооронд тоо бичнэ үү.', en: '{item}: the percent is "{text}"; write a number from 0 to 100.' },
      range: { mn: '{item}: хувь {text} нь 0–100-ийн хооронд биш байна.', en: '{item}: the percent {text} is outside 0–100.' },
      date: {
        mn: '{item}: Excel хувийг огноо болгон хадгалсан байна ({text}). Нүдийг "Text" болгоод дахин бичнэ үү.',
        en: '{item}: Excel stored the percent as a date ({text}); format the cell as text and type it again.',
      },
    },
  }),
  'percent-off-scale': defineFinding({
    severity: 'info',
    description: { mn: 'сонгосон шатлалын түвшин биш үнэлгээ', en: 'a rating that is not a level of the chosen scale' },
    messages: {
      default: {
        mn: '{item}: {value}% нь "{scale}" шатлалын түвшин биш ({levels}).',
        en: '{item}: {value}% is not a level of the "{scale}" scale ({levels}).',
      },
    },
    fixes: { snap: { mn: '{cell}-ийн {value}%-ийг доод түвшин {level}% болгох', en: 'Change {value}% in {cell} to {level}%, the level below' } },
  }),
  'percent-as-text': defineFinding({
    severity: 'info',
    description: {
      mn: 'хувийг текстээр бичсэн ("90 хувь", "95,5"): хөдөлгүүр уншина, томьёо тоолохгүй',
      en: 'a rating typed as text ("90 хувь", "95,5"): the engine reads it, formulas do not count it',
    },
    messages: {
      default: {
        mn: '{item}: хувийг "{text}" гэж текстээр бичсэн тул Excel-ийн томьёо тоолохгүй.',
        en: '{item}: the percent "{text}" is typed as text, so Excel\'s formulas do not count it.',
      },
    },
    fixes: { number: { mn: '{cell}-ийн "{text}"-ийг {value} тоо болгох', en: 'Write "{text}" in {cell} as the number {value}' } },
  }),
  'percent-inconsistent': defineFinding({
    severity: 'warning',
    description: {
      mn: 'үнэлгээ нь зорилт, хүрсэн түвшнээс гарах хувиас хоёр ба түүнээс дээш түвшнээр зөрнө',
      en: 'the rating is two or more levels from what target and achieved give',
    },
    messages: {
      default: {
        mn: '{item}: {rated}% гэж үнэлсэн боловч хүрсэн түвшин {achieved}, зорилт {target} байгаагаас {computed}% гарч байна.',
        en: '{item}: rated {rated}%, but achieved {achieved} against target {target} gives {computed}%.',
      },
    },
  }),
  'not-computable': defineFinding({
    severity: 'info',
    description: { mn: 'хувийн баганагүй тайлан: мөрийг хүн үнэлнэ', en: 'a report without a percent column: the row needs a person’s rating' },
    messages: {
      default: {
        mn: '{item}: хувийг тооцох боломжгүй ({reason}). Үнэлгээ өгөх хүн хувийг бичнэ.',
        en: '{item}: the percent cannot be computed ({reason}); a person must rate it.',
      },
    },
  }),
  'percent-uncached': defineFinding({
    severity: 'warning',
    description: {
      mn: 'хувь нь томьёо боловч файлд тооцоолсон утга алга: дундажид ороогүй',
      en: 'the percent is a formula the file holds no computed value for: left out of the averages',
    },
    messages: {
      default: {
        mn: '{item}: хувь нь томьёо ({formula}) боловч файлд тооцоолсон утга хадгалагдаагүй. Файлыг Excel эсвэл LibreOffice-оор нээж хадгалтал энэ мөр дундажид орохгүй.',
        en: '{item}: the percent is a formula ({formula}) with no computed value stored in the file. Until it is opened and saved in Excel or LibreOffice, the row is left out of the averages.',
      },
    },
  }),
  'percent-formula': defineFinding({
    severity: 'warning',
    description: {
      mn: 'хувь нь томьёо боловч Excel-ийн томьёо тоолохоор утга өгөхгүй (текст, хоосон, эсвэл нөгөө хуваарийн тоо): "Оноо тооцох" томьёог хэзээ ч солихгүй',
      en: 'the percent is a formula whose result formulas do not count as the engine reads it (text, nothing, or a number on the other scale): Compute never replaces a formula',
    },
    messages: {
      text: {
        mn: '{item}: хувь нь томьёо ({formula}) бөгөөд "{text}" гэсэн текст өгч байгаа тул Excel-ийн томьёо тоолохгүй; дундажид ороогүй. "Оноо тооцох" томьёог солихгүй.',
        en: '{item}: the percent is a formula ({formula}) that gives the text "{text}", which Excel\'s formulas do not count; it is left out of the averages. Compute does not replace a formula.',
      },
      empty: {
        mn: '{item}: хувь нь томьёо ({formula}) боловч сүүлд тооцоолоход хоосон утга өгсөн тул мөр үнэлгээгүй. "Оноо тооцох" томьёог хувиар солихгүй.',
        en: '{item}: the percent is a formula ({formula}) that gave nothing when last calculated, so the row has no rating. Compute does not replace a formula with a percent.',
      },
      scale: {
        mn: '{item}: хувь нь томьёо ({formula}) бөгөөд хүснэгтийн бусад мөрөөс өөр хуваарьтай {shown} утга өгч байна; томьёонууд үүнийг {shown} гэж дундажлана. Хураангуйд энэ дундаж утгаар бичигдэнэ.',
        en: '{item}: the percent is a formula ({formula}) giving {shown}, on the other scale than the table\'s; formulas average it as {shown}, so the figures that count it are written as values.',
      },
    },
    fixes: {
      value: { mn: '{cell}-ийн томьёог {value} тоогоор солих', en: 'Replace the formula in {cell} with the number {value}' },
      computed: { mn: '{cell}-ийн томьёог зорилт, хүрсэн түвшнээс тооцсон {value}%-иар солих', en: 'Replace the formula in {cell} with {value}%, computed from target and achieved' },
    },
  }),
  'percent-merged': defineFinding({
    severity: 'error',
    description: {
      mn: 'хувийн нүд өөр нүдтэй нийлүүлэгдсэн: үнэлгээгүй бөгөөд нүдийг салгах хүртэл бичих боломжгүй',
      en: 'the percent cell is merged under another cell: the item has no rating, and none can be written until it is unmerged',
    },
    messages: {
      default: {
        mn: '{item}: хувийн нүд {cell} нь {area} нийлүүлсэн нүдний нэг хэсэг тул үнэлгээгүй, хувь бичих боломжгүй. Нүдийг салгаад үнэлнэ үү.',
        en: '{item}: the percent cell {cell} is part of the merged area {area}, so the item has no rating and none can be written; unmerge it and rate it.',
      },
    },
  }),
  'percent-misplaced': defineFinding({
    severity: 'warning',
    description: { mn: 'шилжсэн мөрийн үнэлгээ хувийн баганаас гадуур үлдсэн', en: 'a shifted row left its rating outside the percent column' },
    messages: {
      default: {
        mn: '{item}: {value} гэсэн үнэлгээ хувийн багана ({percentColumn}) биш {column} баганад байна. Зөв баганад шилжүүлнэ үү.',
        en: '{item}: the rating {value} sits in column {column} instead of the percent column {percentColumn}; move it there.',
      },
    },
    fixes: { move: { mn: '{value}-г {from}-аас {to} руу шилжүүлэх', en: 'Move {value} from {from} to {to}' } },
  }),
};

/** An item's percent cell: empty (what Compute will do, or who must rate it), invalid, off the scale, contradicted. */
export function checkPercent(ctx: CheckContext, check: ItemCheck): void {
  const { item, name } = check;
  const from = item.fromNumbers;
  if (!item.percentCell || !item.percent) {
    // A report without a percent column: say which rows a person must rate.
    const achievedCol = ctx.col('achieved');
    if (ctx.isReport && from && !from.ok && achievedCol !== undefined && item.parsed.target.kind !== 'unmeasurable') {
      ctx.report.add('not-computable', 'default', { row: item.row, col: achievedCol }, { item: name(), reason: REASONS[from.reason] });
    }
    return;
  }
  const cell = item.percentCell;
  const p = item.percent;
  // An evaluation's percent linked to the report's cell is rated in the report, which reports it.
  if (ctx.part && (p.kind === 'empty' || p.kind === 'uncached' || p.kind === 'formula') && ctx.table.grid.formula(cell.row, cell.col)?.includes('!')) return;
  if (p.kind === 'empty') {
    const misplaced = item.misplaced;
    if (misplaced) {
      const from = cellAddress(item.row, misplaced.col);
      const to = cellAddress(cell.row, cell.col);
      ctx.report.add(
        'percent-misplaced',
        'default',
        { row: item.row, col: misplaced.col },
        { item: name(), value: misplaced.value, column: columnLetter(misplaced.col), percentColumn: columnLetter(cell.col) },
        {
          data: { value: misplaced.value, percentCell: to },
          // The percent cell is empty (that is why the rating is misplaced): moving it needs no judgement.
          fix: { kind: 'safe', id: 'move', params: { value: misplaced.value, from, to }, writes: [ratingWrite(ctx.table, cell.row, cell.col, misplaced.value), clearWrite(item.row, misplaced.col)] },
        },
      );
    } else if (item.computed !== null && from?.ok) {
      const value = item.computed;
      ctx.report.add(
        'missing-percent',
        'computable',
        cell,
        { item: name(), value, how: from.how },
        {
          data: { computed: value, computable: true },
          fix: { kind: 'safe', plan: () => ({ kind: 'safe', id: 'fill', params: { value, cell: cellAddress(cell.row, cell.col) }, writes: [ratingWrite(ctx.table, cell.row, cell.col, value)] }) },
        },
      );
    } else {
      const reason = from && !from.ok ? from.reason : 'no-columns';
      ctx.report.add('missing-percent', 'manual', cell, { item: name(), reason: REASONS[reason] }, { severity: 'error', data: { computable: false, reason } });
    }
    return;
  }
  if (p.kind === 'uncached') {
    ctx.report.add('percent-uncached', 'default', cell, { item: name(), formula: p.formula }, { data: { formula: p.formula } });
    return;
  }
  if (p.kind === 'formula') {
    checkPercentFormula(ctx, check, p);
    return;
  }
  if (p.kind === 'merged') {
    // Marked, like every finding under a merged area, on the area's top-left cell; the message names the percent cell.
    ctx.report.add('percent-merged', 'default', cell, { item: name(), cell: cellAddress(cell.row, cell.col), area: p.area }, { data: { area: p.area } });
    return;
  }
  if (p.kind === 'invalid') {
    ctx.report.add('percent-invalid', p.reason, cell, { item: name(), text: p.text }, { data: { text: p.text } });
    return;
  }
  // An evaluation's percents are the report's (or skills percents): the report is where they are rated.
  if (p.kind !== 'rating' || ctx.part) return;
  const scale = ctx.profile.scale;
  const at = cellAddress(cell.row, cell.col);
  const typed = ctx.table.grid.value(cell.row, cell.col);
  const formula = ctx.table.grid.formula(cell.row, cell.col);
  if (formula !== null && item.needsConversion) {
    // A number on the other scale than the table's, from a formula: Compute cannot convert it.
    const shown = typeof typed === 'number' ? typed : p.value;
    const fix = { kind: 'review' as const, id: 'value', params: { value: p.value, cell: at }, writes: [replacing(ratingWrite(ctx.table, cell.row, cell.col, p.value))] };
    ctx.report.add('percent-formula', 'scale', cell, { item: name(), formula, shown }, { data: { formula, value: p.value }, fix });
  }
  if (typeof typed === 'string' && item.needsConversion) {
    const fix = { kind: 'safe' as const, id: 'number', params: { text: typed, value: p.value, cell: at }, writes: [ratingWrite(ctx.table, cell.row, cell.col, p.value)] };
    ctx.report.add('percent-as-text', 'default', cell, { item: name(), text: typed }, { data: { text: typed, value: p.value }, fix });
  }
  if (!scale.some((l) => Math.abs(l - p.value) < 1e-9)) {
    const level = snapDown(p.value, scale);
    // Snapping down is a judgement, unless the profile says to snap.
    const fix = { kind: ctx.profile.snapDown ? ('safe' as const) : ('review' as const), id: 'snap', params: { value: p.value, level, cell: at }, writes: [ratingWrite(ctx.table, cell.row, cell.col, level)] };
    ctx.report.add('percent-off-scale', 'default', cell, { item: name(), value: p.value, scale: ctx.profile.name, levels: scale.join(' · ') }, { data: { value: p.value }, fix });
  }
  if (from && from.ok && levelDistance(from.value, p.value, scale) >= ctx.profile.inconsistencyLevels) {
    ctx.report.add(
      'percent-inconsistent',
      'default',
      cell,
      { item: name(), rated: p.value, achieved: describe(item.parsed.achieved), target: describe(item.parsed.target), computed: from.value },
      { data: { rated: p.value, computed: from.value } },
    );
  }
}

/** A write that replaces a formula with a value: only ever in a fix the user looks at. */
const replacing = (w: CellWrite): CellWrite => ({ ...w, replacesFormula: true });

/** A formula in the percent column giving a rating as text, or nothing: reported, never replaced unless the user chooses the fix. */
function checkPercentFormula(ctx: CheckContext, check: ItemCheck, p: Extract<PercentCell, { kind: 'formula' }>): void {
  const { item, name } = check;
  const cell = item.percentCell!;
  const at = cellAddress(cell.row, cell.col);
  if (p.gives === 'text') {
    const fix = { kind: 'review' as const, id: 'value', params: { value: p.value, cell: at }, writes: [replacing(ratingWrite(ctx.table, cell.row, cell.col, p.value))] };
    ctx.report.add('percent-formula', 'text', cell, { item: name(), formula: p.formula, text: p.text }, { data: { formula: p.formula, text: p.text, value: p.value }, fix });
    return;
  }
  const from = item.fromNumbers;
  const value = from?.ok ? (ctx.profile.snapDown ? snapDown(from.value, ctx.profile.scale) : from.value) : null;
  const fix = value === null ? undefined : { kind: 'review' as const, id: 'computed', params: { value, cell: at }, writes: [replacing(ratingWrite(ctx.table, cell.row, cell.col, value))] };
  ctx.report.add('percent-formula', 'empty', cell, { item: name(), formula: p.formula }, { data: { formula: p.formula, computed: value }, fix });
}
