// The finding code of the blank-form check (checks/blank-forms.ts): a plan
// whose targets are all still empty.
// Declared as data (severity, description, messages and fixes in both
// languages), apart from the checks, so registry.ts and the FindingCode type
// sit below everything that reports a code (no import cycle).

import { defineFinding } from './define';

export const BLANK_FORM_FINDINGS = {
  'targets-empty': defineFinding({
    severity: 'info',
    description: {
      mn: 'төлөвлөгөөний бүх зорилтот түвшин хоосон (шинэ төлөвлөгөө): хүснэгт бүрт нэг удаа',
      en: "none of a plan's targets is set yet (a new plan): once per table",
    },
    messages: {
      default: {
        mn: 'Төлөвлөгөөний {count} арга хэмжээний зорилтот түвшин ({column} багана) бөглөгдөөгүй байна: хүрэх түвшинг бичнэ үү.',
        en: 'No target is set yet for the {count} items of this plan (column {column}): write each target level.',
      },
    },
  }),
};
