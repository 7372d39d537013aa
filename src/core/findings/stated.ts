// The finding code of the stated-figure check (checks/stated.ts): a stated
// average, total or points figure against what the rows give.
// Declared as data (severity, description, messages and fixes in both
// languages), apart from the checks, so registry.ts and the FindingCode type
// sit below everything that reports a code (no import cycle).

import { defineFinding } from './define';

export const STATED_FINDINGS = {
  'average-mismatch': defineFinding({
    severity: 'warning',
    description: {
      mn: 'бичсэн дундаж, нийлбэр, оноо мөрүүдээс гарахаас бөөрөнхийлөлтөөс илүү зөрнө',
      en: 'a stated average / total / points figure differs from the rows by more than rounding',
    },
    messages: {
      average: {
        mn: '{label} {stated} гэж бичсэн боловч үнэлсэн {count} мөрийн дундаж {computed} байна.',
        en: 'The stated {label} is {stated}, but the mean of the {count} rated rows is {computed}.',
      },
      points: {
        mn: '{label} {stated} гэж бичсэн боловч мөрүүдээс {computed} оноо гарч байна.',
        en: 'The stated {label} is {stated}, but the rows give {computed} points.',
      },
      section: {
        mn: '{label} {stated} гэж бичсэн боловч {section}-р хэсгийн мөрүүдээс {computed} оноо гарч байна.',
        en: 'The stated {label} is {stated}, but the rows of section {section} give {computed} points.',
      },
      total: {
        mn: '{label} {stated} гэж бичсэн боловч дээрх мөрүүд {sum}, өөрчлөлт {changes} тул {computed} гарч байна.',
        en: 'The stated {label} is {stated}, but the lines above add up to {sum}, less {changes} changed, which is {computed}.',
      },
    },
    fixes: { formula: { mn: '{cell}-ийн {stated}-ийг мөрүүдийн дундаж томьёо ({computed}) болгох', en: 'Replace {stated} in {cell} with the live mean of the rows ({computed})' } },
  }),
};
