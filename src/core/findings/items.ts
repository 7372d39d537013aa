// The finding codes of the item-field checks (checks/items.ts): an item row's
// number, indicator, target or achieved level missing, a value Excel made a
// date, a target that cannot be measured.
// Declared as data (severity, description, messages and fixes in both
// languages), apart from the checks, so registry.ts and the FindingCode type
// sit below everything that reports a code (no import cycle).

import { defineFinding } from './define';

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
