// The finding code of the points-column check (checks/points.ts): a row's
// annex 8 points against its percent × weight.
// Declared as data (severity, description, messages and fixes in both
// languages), apart from the checks, so registry.ts and the FindingCode type
// sit below everything that reports a code (no import cycle).

import { defineFinding } from './define';

export const POINTS_FINDINGS = {
  'points-mismatch': defineFinding({
    severity: 'warning',
    description: { mn: 'онооны нүд хувь × жинтэй таарахгүй', en: 'a points cell differs from percent × weight' },
    messages: {
      default: {
        mn: '{item}: оноо {stated} нь хувь × жин = {expected}-тай таарахгүй байна.',
        en: '{item}: {stated} points differ from percent × weight = {expected}.',
      },
      carried: {
        mn: '«{label}» мөрөнд {stated} оноо бичсэн боловч {section}-р хэсгийн мөрүүдээс {expected} оноо гарч байна.',
        en: '«{label}» carries {stated} points, but the rows of section {section} give {expected}.',
      },
      carriedMissing: {
        mn: '«{label}» мөрөнд оноо бичигдээгүй; {section}-р хэсгийн мөрүүдээс {expected} оноо гарч байна.',
        en: '«{label}» carries no points; the rows of section {section} give {expected}.',
      },
    },
    fixes: {
      points: { mn: '{cell}-ийн {stated}-ийг {expected} болгох', en: 'Change {stated} in {cell} to {expected}' },
      link: { mn: '{cell}-д {section}-р хэсгийн оноог томьёогоор холбох ({expected})', en: 'Link {cell} to section {section} by formula ({expected})' },
    },
  }),
};
