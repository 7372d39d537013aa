import { classifyHeader, maxPointsOf } from '../../src/core/recognize/roles';

describe('header words → roles (domain.md §2)', () => {
  const seen: [string, string][] = [
    ['Д/д', 'index'],
    ['№', 'index'],
    ['Д/А', 'index'],
    ['Зорилт', 'goal'],
    ['Арга хэмжээ', 'action'],
    ['Зорилтыг хэрэгжүүлэх арга хэмжээ', 'action'],
    ['Гүйцэтгэлийн зорилт, арга хэмжээ', 'action'],
    ['Ажил, арга хэмжээ', 'action'],
    ['Үүрэг даалгавар (арга хэмжээ)', 'action'],
    ['Стратеги төлөвлөгөө болон үндэслэж байгаа бусад бодлогын баримт бичиг, хууль тогтоомж', 'action'],
    ['Үзүүлэлт', 'action'],
    ['Үнэлгээний үзүүлэлт', 'action'],
    ['Төсөв', 'budget'],
    ['Зарцуулах хөрөнгө мян/төг', 'budget'],
    ['Шалгуур үзүүлэлт', 'indicator'],
    ['Гүйцэтгэлийн шалгуур үзүүлэлт', 'indicator'],
    ['Шалгур үзүүлэлт', 'indicator'],
    ['Шалтуур Узүүлэлт', 'indicator'],
    ['Шалгувур Үзүүлэлт', 'indicator'],
    ['Суурь түвшин', 'baseline'],
    ['Зорилтот түвшин', 'target'],
    ['Зорилт от түвшин', 'target'],
    ['Хүрэх түвшин', 'target'],
    ['Хурэх түвшин', 'target'],
    ['Хүрэх түвшин, үр дүн', 'target'],
    ['Хүрсэн түвшин', 'achieved'],
    ['Хүрсэн түвшин (биелэлт)', 'achieved'],
    ['Хүрсэн түвшин буюу хэрэгжилт /хүрээгүй бол тайлбар/', 'achieved'],
    ['Хүрсэн түвшин, үр дүн', 'achieved'],
    ['Хэрэгжилт', 'achieved'],
    ['Хугацаа', 'period'],
    ['Хугацаа /I-IV улирал/', 'period'],
    ['Хэрэгжих хугацаа', 'period'],
    ['Эхэлсэн, дууссан хугацаа', 'period'],
    ['Хувь', 'percent'],
    ['Гүйцэтгэлийн хувь', 'percent'],
    ['Биелэлтийн хувь', 'percent'],
    ['Биелэл тийн хувь', 'percent'],
    ['Биелэлтий н хувь', 'percent'],
    ['Хэрэгжилтийн хувь', 'percent'],
    ['Арга хэмжээний биелэлтийн хувь', 'percent'],
    ['Нийт (70 оноо)', 'points'],
    ['Төсвийн шууд захирагчийн өгсөн үнэлгээ (15 хүртэл оноогоор)', 'points'],
    ['Хамт олны үнэлгээ (8 хүртэл оноогоор)', 'points'],
    ['Үзүүлэлт тус бүрийн оноо', 'points'],
    ['Хариуцах эзэн', 'responsible'],
    ['Хариуцах байгууллага', 'responsible'],
  ];
  it.each(seen)('%p → %s', (header, role) => expect(classifyHeader(header)).toBe(role));

  it('"Гүйцэтгэлийн түвшин" stays ambiguous for the recogniser to settle', () => {
    expect(classifyHeader('Гүйцэтгэлийн түвшин')).toBe('performance-level');
  });

  // Misspellings nobody listed: Latin look-alikes, a letter dropped or doubled, odd spacing and case.
  const unlisted: [string, string][] = [
    ['Биелэлтийн хуvь', 'percent'],
    ['Хvрэх тvвшин', 'target'],
    ['ШАЛГУУР  ҮЗҮҮЛЭЛТ', 'indicator'],
    ['Шалгуур узуулэлт', 'indicator'],
    ['Зорилтот тувшин', 'target'],
    ['Хүрсэн түвшн', 'achieved'],
    ['Cуурь түвшин', 'baseline'],
    ['Хугаца', 'period'],
    ['Хариуцах  эзэн', 'responsible'],
  ];
  it.each(unlisted)('unlisted misspelling %p → %s', (header, role) => expect(classifyHeader(header)).toBe(role));

  it.each(['Улаанбаатар хот', 'Урсгал зардал', 'Тайлагналтын н тоо', '2025 оны 06 дугаар сарын 10', ''])('%p names no role', (h) => {
    expect(classifyHeader(h)).toBeNull();
  });

  it('reads the points a column can hold', () => {
    expect(maxPointsOf('Нийт (70 оноо)')).toBe(70);
    expect(maxPointsOf('Төсвийн шууд захирагчийн өгсөн үнэлгээ (15 хүртэл оноогоор)')).toBe(15);
    expect(maxPointsOf('Үзүүлэлт тус бүрийн оноо')).toBeUndefined();
  });
});
