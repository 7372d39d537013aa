// Header words → roles (src/core/recognize/roles.ts, docs/domain.md §2):
// every phrase of the registry has a row here that it decides (a phrase
// added without one fails), misspellings nobody listed, and what
// explainHeader says about a header.
import { classifyHeader, explainHeader, HEADER_PHRASES, maxPointsOf } from '../../src/core/recognize/roles';
import { FIXTURE_NAMES, fixtureSheets } from '../support/fixtures';

describe('header words → roles (domain.md §2)', () => {
  const seen: [string, string][] = [
    ['Д/д', 'index'],
    ['№', 'index'],
    ['Д/А', 'index'],
    ['Д№', 'index'],
    ['№ п/п', 'index'],
    ['No', 'index'],
    ['#', 'index'],
    ['Н', 'index'],
    ['Дугаар', 'index'],
    ['Д/дугаар', 'index'],
    ['Зорилт', 'goal'],
    ['Зорилго', 'goal'],
    ['Зорилтууд', 'goal'],
    ['Гүйцэтгэлийн түвшин', 'performance-level'],
    ['Арга хэмжээ', 'action'],
    ['Зорилтыг хэрэгжүүлэх арга хэмжээ', 'action'],
    ['Гүйцэтгэлийн зорилт, арга хэмжээ', 'action'],
    ['Ажил, арга хэмжээ', 'action'],
    ['Үүрэг даалгавар (арга хэмжээ)', 'action'],
    ['Стратеги төлөвлөгөө болон үндэслэж байгаа бусад бодлогын баримт бичиг, хууль тогтоомж', 'action'],
    ['Стратеги төлөвлөгөө', 'action'],
    ['Үзүүлэлт', 'action'],
    ['Үнэлгээний үзүүлэлт', 'action'],
    ['Ажлын нэр', 'action'],
    ['Хийх ажил', 'action'],
    ['Хандлага, ёс зүй, ур чадвар', 'action'],
    ['Төсөв', 'budget'],
    ['Зарцуулах хөрөнгө мян/төг', 'budget'],
    ['Шаардагдах хөрөнгө, мян/төг', 'budget'],
    ['Санхүүжилт', 'budget'],
    ['Шалгуур үзүүлэлт', 'indicator'],
    ['Гүйцэтгэлийн шалгуур үзүүлэлт', 'indicator'],
    ['Шалгур үзүүлэлт', 'indicator'],
    ['Шалтуур Узүүлэлт', 'indicator'],
    ['Шалгувур Үзүүлэлт', 'indicator'],
    ['Суурь түвшин', 'baseline'],
    ['Суурь', 'baseline'],
    ['Зорилтот түвшин', 'target'],
    ['Зорилт от түвшин', 'target'],
    ['Хүрэх түвшин', 'target'],
    ['Хурэх түвшин', 'target'],
    ['Хүрэх түвшин, үр дүн', 'target'],
    ['Хүрэх үр дүн', 'target'],
    ['Хүрсэн түвшин', 'achieved'],
    ['Хүрсэн түвшин (биелэлт)', 'achieved'],
    ['Хүрсэн түвшин буюу хэрэгжилт /хүрээгүй бол тайлбар/', 'achieved'],
    ['Хүрсэн түвшин, үр дүн', 'achieved'],
    ['Хэрэгжилт', 'achieved'],
    ['Хүрсэн үр дүн', 'achieved'],
    ['Хэрэгжилтийн явц', 'achieved'],
    ['Биелэлт', 'achieved'],
    ['Гүйцэтгэл', 'achieved'],
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
    ['Гүйцэтгэлийн хуви', 'percent'],
    ['%', 'percent'],
    ['Биелэлт %', 'percent'],
    ['Нийт (70 оноо)', 'points'],
    ['Төсвийн шууд захирагчийн өгсөн үнэлгээ (15 хүртэл оноогоор)', 'points'],
    ['Хамт олны үнэлгээ (8 хүртэл оноогоор)', 'points'],
    ['Үзүүлэлт тус бүрийн оноо', 'points'],
    ['Хариуцах эзэн', 'responsible'],
    ['Хариуцах байгууллага', 'responsible'],
    ['Хариуцах нэгж', 'responsible'],
    ['Хариуцагч', 'responsible'],
    ['Хэрэгжүүлэгч', 'responsible'],
  ];
  it.each(seen)('%p → %s', (header, role) => expect(classifyHeader(header)).toBe(role));

  it.each(HEADER_PHRASES.map((phrase) => [phrase.text, phrase.role, phrase]))('the phrase %p (%s) decides a row above', (_text, role, phrase) => {
    const decided = seen.filter(([header]) => explainHeader(header).matched?.phrase === phrase);
    expect(decided.length).toBeGreaterThan(0);
    for (const [, expected] of decided) expect(expected).toBe(role);
  });

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

  it('explainHeader reads every header above as classifyHeader does', () => {
    const headers = [...seen, ...unlisted].map(([header]) => header).concat(['Улаанбаатар хот', 'Урсгал зардал', '86%', '12', '', 'x'.repeat(200)]);
    for (const header of headers) expect([header, explainHeader(header).role]).toEqual([header, classifyHeader(header)]);
  });

  it.each(FIXTURE_NAMES)('explainHeader reads every text cell of %s as classifyHeader does', async (name) => {
    const texts = new Set((await fixtureSheets(name)).flatMap((sheet) => sheet.values.flat()).filter((value): value is string => typeof value === 'string'));
    const disagree = [...texts].filter((text) => explainHeader(text).role !== classifyHeader(text));
    expect(texts.size).toBeGreaterThan(100);
    expect(disagree).toEqual([]);
  });

  it('explains a misspelt header: the phrase matched, the letters it let be wrong, the alternatives weighed', () => {
    const explained = explainHeader('Хүрсэн төвшин');
    expect(explained.role).toBe('achieved');
    expect(explained.compacted).toBe('хурсэнтовшин');
    expect(explained.matched).toMatchObject({ phrase: { text: 'Хүрсэн түвшин', match: 'holds-about', stage: 'weighed' }, errors: 1, tolerance: 2 });
    // "Хүрэх түвшин" is one letter too far: considered, not taken.
    expect(explained.alternatives[0]).toMatchObject({ phrase: { role: 'target', text: 'Хүрэх түвшин' }, errors: 3, tolerance: 2 });
  });

  it('explains a rule that decides before the weighed phrases, and lists the phrase it beat', () => {
    const explained = explainHeader('Биелэлт %');
    expect(explained.matched).toMatchObject({ phrase: { role: 'percent', text: '%', stage: 'rule' }, errors: 0 });
    expect(explained.alternatives).toContainEqual(expect.objectContaining({ phrase: expect.objectContaining({ role: 'achieved', text: 'Биелэлт' }), errors: 1, tolerance: 1 }));
  });

  it('lists a phrase the header is too long for, with how much longer, and does not take it', () => {
    const explained = explainHeader('Гүйцэтгэлийн түвшин (хувиар)');
    expect(explained.role).toBeNull();
    expect(explained.alternatives[0]).toMatchObject({ phrase: { role: 'performance-level', text: 'Гүйцэтгэлийн түвшин' }, errors: 0, longer: 6 });
    // Within what it allows ("… /%/": 3 letters longer), the same phrase decides.
    const within = explainHeader('Гүйцэтгэлийн түвшин /%/');
    expect(within.matched?.phrase.text).toBe('Гүйцэтгэлийн түвшин');
    expect(within.matched?.longer).toBeUndefined();
  });

  it.each([
    ['', 'empty'],
    ['12', 'number'],
    ['Энэ бол толгой биш, харин нэлээд урт өгүүлбэр юм: '.repeat(4), 'sentence'],
  ])('says why %p names no role before any phrase is tried (%s)', (header, refused) => {
    expect(explainHeader(header)).toMatchObject({ role: null, refused, matched: null, alternatives: [] });
  });

  it('reads the points a column can hold', () => {
    expect(maxPointsOf('Нийт (70 оноо)')).toBe(70);
    expect(maxPointsOf('Төсвийн шууд захирагчийн өгсөн үнэлгээ (15 хүртэл оноогоор)')).toBe(15);
    expect(maxPointsOf('Үзүүлэлт тус бүрийн оноо')).toBeUndefined();
  });
});
