import { describe as describeValue, isDateFormat, isPercentFormat, parsePercentCell, parseValue, toNumber } from '../../src/core/values';

describe('numbers as written', () => {
  it.each([
    [100, 100, false],
    [85.8, 85.8, false],
    ['91,87', 91.87, false],
    ['85.8', 85.8, false],
    ['95,6 хувь', 95.6, true],
    ['80 хувь', 80, true],
    ['86%', 86, true],
    ['1 000', 1000, false],
    ['100.', 100, false],
  ])('%p → %p', (written, value, percent) => {
    const v = parseValue(written);
    expect(v).toMatchObject({ kind: 'number', value, percent });
  });

  it('reads one comma as decimal and several as thousands', () => {
    expect(toNumber('3,5')).toBe(3.5);
    expect(toNumber('1,234,567')).toBe(1234567);
  });
});

describe('percent-formatted cells', () => {
  it('a cell formatted as percent holding 0.86 is 86 percent', () => {
    expect(parseValue(0.86, '0%')).toEqual({ kind: 'number', value: 86, percent: true });
    expect(parseValue(0.065, '0.0%')).toEqual({ kind: 'number', value: 6.5, percent: true });
  });
  it('ignores a % inside quoted format text', () => {
    expect(isPercentFormat('0.0"%"')).toBe(false);
    expect(isPercentFormat('0.0%')).toBe(true);
    expect(parseValue(0.86, 'General')).toMatchObject({ value: 0.86, percent: false });
  });
  it('a percent-formatted rating is read in percent units', () => {
    expect(parsePercentCell(0.9, '0%')).toEqual({ kind: 'rating', value: 90 });
  });
});

describe('bounds', () => {
  it.each([
    ['400-аас доошгүй', 400, 'min', false],
    ['90%-иас доошгүй', 90, 'min', true],
    ['1-ээс доошгүй', 1, 'min', false],
    ['5-аас доошгүй', 5, 'min', false],
    ['90 хувиас доошгүй', 90, 'min', true],
    ['2-оос доошгүй', 2, 'min', false],
    ['10-аас ихгүй', 10, 'max', false],
    ['20-оос хэтрэхгүй', 20, 'max', false],
    ['5 хүртэл бууруулах', 5, 'max', false],
  ])('%p is a bound', (written, value, bound, percent) => {
    expect(parseValue(written)).toMatchObject({ kind: 'number', value, bound, percent });
  });
});

describe('composite values: several indicators in one cell', () => {
  it.each([
    ['1/2', [1, 2]],
    ['2/65', [2, 65]],
    ['3/36/400', [3, 36, 400]],
    ['95,6 хувь/51', [95.6, 51]],
  ])('%p splits into parts', (written, parts) => {
    const v = parseValue(written);
    expect(v.kind).toBe('composite');
    if (v.kind !== 'composite') return;
    expect(v.parts.map((p) => (p.kind === 'number' ? p.value : null))).toEqual(parts);
  });
  it('keeps "-" parts as no value', () => {
    const v = parseValue('1/16/-');
    expect(v).toMatchObject({ kind: 'composite', parts: [{ value: 1 }, { value: 16 }, { kind: 'none' }] });
  });
  it('reads several counts separated by commas as parts', () => {
    const v = parseValue('7 байгууллага, 158 төрлийн үйлчилгээ');
    expect(v).toMatchObject({ kind: 'composite', parts: [{ value: 7 }, { value: 158 }] });
  });
});

describe('units, ranges, no value, not measurable, periods, narrative', () => {
  it('number with a unit', () => {
    expect(parseValue('30 хоног')).toMatchObject({ kind: 'number', value: 30, unit: 'хоног' });
  });
  it('a range keeps both ends', () => {
    expect(parseValue('2-3ТВ Терабайт')).toMatchObject({ kind: 'number', value: 3, low: 2 });
  });
  it.each(['-', '–', '—'])('%p is no value', (w) => expect(parseValue(w)).toEqual({ kind: 'none' }));
  it('empty is empty', () => {
    expect(parseValue(null)).toEqual({ kind: 'empty' });
    expect(parseValue('   ')).toEqual({ kind: 'empty' });
  });
  it.each(['Тухай бүр', 'Жилдээ', 'Сар бүр хийнэ'])('%p is not measurable', (w) => {
    expect(parseValue(w).kind).toBe('unmeasurable');
  });
  it.each(['I улиралд', 'I-IV улиралд', '01-12', '2025.04-06 дугаар сар'])('%p is a period', (w) => {
    expect(parseValue(w).kind).toBe('period');
  });
  it('long text with numbers inside is narrative, not a number', () => {
    expect(parseValue('2022 онд давхардсан тоогоор 500 иргэнд үйлчилгээ үзүүлсэн.').kind).toBe('text');
    expect(parseValue('Хамрагдаж тэнцсэн.').kind).toBe('text');
  });
});

describe('the date trap', () => {
  it('a typed "1/2" that Excel turned into 2 January is reported as a date, not read as a ratio', () => {
    // 2024-01-02 is serial 45293; Excel shows it as "2-Jan".
    const v = parseValue(45293, 'd-mmm');
    expect(v).toEqual({ kind: 'date', serial: 45293, guess: '1/2' });
  });
  it('recognises date formats but not number or percent formats', () => {
    expect(isDateFormat('m/d/yyyy')).toBe(true);
    expect(isDateFormat('d-mmm')).toBe(true);
    expect(isDateFormat('[$-409]mmm-yy')).toBe(true);
    expect(isDateFormat('0.0%')).toBe(false);
    expect(isDateFormat('#,##0.00')).toBe(false);
    expect(isDateFormat('0.0" хувь"')).toBe(false);
    expect(isDateFormat('General')).toBe(false);
  });
  it('a date in a percent cell is invalid', () => {
    expect(parsePercentCell(45293, 'd-mmm')).toMatchObject({ kind: 'invalid', reason: 'date' });
  });
});

describe('percent cells', () => {
  it.each([
    [100, { kind: 'rating', value: 100 }],
    ['90', { kind: 'rating', value: 90 }],
    ['70%', { kind: 'rating', value: 70 }],
    [null, { kind: 'empty' }],
    ['-', { kind: 'excluded', reason: 'none' }],
    ['хугацаа болоогүй', { kind: 'excluded', reason: 'not-due' }],
  ])('%p', (v, expected) => expect(parsePercentCell(v)).toEqual(expected));
  it.each([
    ['10-аас доошгүй', 'text'],
    ['сайн', 'text'],
    [120, 'range'],
    [-5, 'range'],
  ])('%p is invalid (%s)', (v, reason) => expect(parsePercentCell(v)).toMatchObject({ kind: 'invalid', reason }));
});

describe('describe()', () => {
  it('writes values back readably', () => {
    expect(describeValue(parseValue('400-аас доошгүй'))).toBe('≥ 400');
    expect(describeValue(parseValue('1/16/-'))).toBe('1/16/-');
    expect(describeValue(parseValue('86%'))).toBe('86%');
  });
});

describe('fillTemplate (the one template function)', () => {
  const { fillTemplate } = jest.requireActual('../../src/core/text') as typeof import('../../src/core/text');
  it('fills names, numbers as people write them, and text in the chosen language', () => {
    expect(fillTemplate('{a} · {b} · {c}', { a: 'x', b: 85.756, c: { mn: 'хувь', en: 'percent' } }, 'en')).toBe('x · 85.76 · percent');
    expect(fillTemplate('{missing} stays', {})).toBe('{missing} stays');
  });
  it('counts in English: one cell, two cells', () => {
    expect(fillTemplate('{n#cell|cells} marked', { n: 1 }, 'en')).toBe('1 cell marked');
    expect(fillTemplate('{n#cell|cells} marked', { n: 0 }, 'en')).toBe('0 cells marked');
    expect(fillTemplate('{n#warning|warnings}', { n: 2 }, 'en')).toBe('2 warnings');
  });
});
