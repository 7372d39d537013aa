// The finding codes of the annex 8 evaluation checks (checks/evaluation.ts):
// points above a section's maximum, competencies not rated yet.
// Declared as data (severity, description, messages and fixes in both
// languages), apart from the checks, so registry.ts and the FindingCode type
// sit below everything that reports a code (no import cycle).

import { defineFinding } from './define';

export const EVALUATION_FINDINGS = {
  'points-over-max': defineFinding({
    severity: 'error',
    description: { mn: 'хэсгийн дээд онооноос их оноо (7-оос 8)', en: "points above the section's maximum (8 of 7)" },
    messages: {
      default: {
        mn: '{item}: {value} оноо нь {section}-р хэсгийн дээд оноо {max}-аас их байна.',
        en: "{item}: {value} points is more than section {section}'s maximum of {max}.",
      },
    },
  }),
  'missing-rating': defineFinding({
    severity: 'warning',
    description: { mn: 'үнэлгээний хуудсанд үнэлээгүй чадамж (3, 4-р хэсэг)', en: 'a competency of the evaluation sheet not rated yet (sections 3 and 4)' },
    messages: {
      default: {
        mn: '{item}: үнэлгээ бичигдээгүй байна ({who} {max} хүртэл оноогоор үнэлнэ).',
        en: '{item}: not rated yet ({who} rates it, up to {max} points).',
      },
    },
  }),
};
