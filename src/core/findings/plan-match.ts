// The finding codes of a report held against its plan (checks/plan-match.ts):
// a plan item missing, an item not planned, a target or baseline changed, an
// item moved to another group.
// Declared as data (severity, description, messages and fixes in both
// languages), apart from the checks, so registry.ts and the FindingCode type
// sit below everything that reports a code (no import cycle).

import { defineFinding } from './define';

export const PLAN_MATCH_FINDINGS = {
  'plan-item-missing': defineFinding({
    severity: 'warning',
    description: { mn: 'төлөвлөгөөний арга хэмжээ тайланд алга (validate --plan)', en: 'a plan item missing from the report (validate --plan)' },
    messages: {
      default: {
        mn: 'Төлөвлөгөөний {planItem} «{action}» ({planCell}) тайланд алга байна; энд байх ёстой.',
        en: 'The plan\'s {planItem} "{action}" ({planCell}) is missing from the report; it belongs here.',
      },
    },
  }),
  'item-not-in-plan': defineFinding({
    severity: 'warning',
    description: { mn: 'тайлангийн арга хэмжээ төлөвлөгөөнд алга (validate --plan)', en: 'a report item that was not planned (validate --plan)' },
    messages: {
      default: {
        mn: '{item} «{action}» төлөвлөгөөнд алга байна: жилийн дунд нэмэгдсэн бол хэвээр үлдээнэ үү.',
        en: '{item} "{action}" is not in the plan: leave it if it was added during the year.',
      },
    },
  }),
  'plan-target-changed': defineFinding({
    severity: 'warning',
    description: { mn: 'зорилтот түвшин төлөвлөгөөнөөс өөрчлөгдсөн (validate --plan)', en: 'the target differs from the plan (validate --plan)' },
    messages: {
      default: {
        mn: '{item}: зорилтот түвшин төлөвлөгөөнд «{planned}» ({planCell}) байсан, тайланд «{reported}» байна.',
        en: '{item}: the target was "{planned}" in the plan ({planCell}); the report has "{reported}".',
      },
    },
  }),
  'plan-baseline-changed': defineFinding({
    severity: 'warning',
    description: { mn: 'суурь түвшин төлөвлөгөөнөөс өөрчлөгдсөн (validate --plan)', en: 'the baseline differs from the plan (validate --plan)' },
    messages: {
      default: {
        mn: '{item}: суурь түвшин төлөвлөгөөнд «{planned}» ({planCell}) байсан, тайланд «{reported}» байна.',
        en: '{item}: the baseline was "{planned}" in the plan ({planCell}); the report has "{reported}".',
      },
    },
  }),
  'plan-item-moved': defineFinding({
    severity: 'warning',
    description: { mn: 'арга хэмжээ өөр бүлэгт шилжсэн (validate --plan)', en: 'an item moved to another group (validate --plan)' },
    messages: {
      default: {
        mn: '{item}: төлөвлөгөөнд «{planGroup}» бүлэгт байсан, тайланд «{reportGroup}» бүлэгт байна.',
        en: '{item}: the plan has it under "{planGroup}"; the report under "{reportGroup}".',
      },
    },
  }),
};
