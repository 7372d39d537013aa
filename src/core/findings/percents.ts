// The finding codes of the percent-column checks (checks/percents.ts): a
// rating missing, invalid, off the scale, as text, contradicted by the
// numbers, a formula the engine cannot count, or left outside its column.
// Declared as data (severity, description, messages and fixes in both
// languages), apart from the checks, so registry.ts and the FindingCode type
// sit below everything that reports a code (no import cycle).

import { defineFinding } from './define';

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
