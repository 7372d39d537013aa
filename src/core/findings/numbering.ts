// The finding codes of the numbering checks (checks/numbering.ts): an item
// number used twice, a number skipped.
// Declared as data (severity, description, messages and fixes in both
// languages), apart from the checks, so registry.ts and the FindingCode type
// sit below everything that reports a code (no import cycle).

import { defineFinding } from './define';

const RENUMBER = {
  mn: 'Хүснэгтийн арга хэмжээг дахин дугаарлах ({count} нүд өөрчлөгдөнө, эхнийх нь {first})',
  en: "Renumber the table's items ({count} cells change, the first {first})",
};

export const NUMBERING_FINDINGS = {
  'duplicate-number': defineFinding({
    severity: 'warning',
    description: { mn: '4.3.1 хоёр удаа', en: '4.3.1 twice' },
    messages: { default: { mn: '№{number} давхардсан байна ({other}-р мөрөнд бас бий).', en: 'Number {number} appears twice (also in row {other}).' } },
    fixes: { renumber: RENUMBER },
  }),
  'numbering-gap': defineFinding({
    severity: 'warning',
    description: { mn: '3-ын дараа 5 (арга хэмжээ, бүлэг)', en: '3 followed by 5 (items and sections)' },
    messages: {
      item: { mn: '№{previous}-ийн дараа №{number} ирж байна: {missing} алга.', en: 'Number {previous} is followed by {number}: {missing} is missing.' },
      group: {
        mn: '{previous}-р хэсгийн дараа {number}-р хэсэг ирж байна: {missing}-р хэсэг алга.',
        en: 'Section {previous} is followed by section {number}: section {missing} is missing.',
      },
    },
    fixes: { renumber: RENUMBER },
  }),
};
