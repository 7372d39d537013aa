// The engine's own recalculation of the formulas it writes (src/core/formula-value.ts):
// Excel's rules for AVERAGE, COUNT, SUM, IF, ISNUMBER, AND and comparisons,
// and UNKNOWN for whatever it cannot be sure of.

import { formulaValue, givesValue, UNKNOWN, Workbook } from '../../src/core/formula-value';
import { sheetOf } from '../support/sheet-builder';

const report = sheetOf(
  [
    ['Д/д', 'Хувь', 'Тэмдэглэл'],
    [1, 100, 'a'],
    [2, '90', null],
    [3, null, true],
    [4, 70, '#DIV/0!'],
    [5, null, ''],
  ],
  { name: 'Тайлан', formulas: { B6: '=A6*10', C6: '=IF(A6>9,1,"")' } },
);
const other = sheetOf([['x'], [50]], { name: "O'Brien" });
const book = new Workbook([report, other]);
const value = (f: string) => formulaValue(f, report, book);

describe('what a spreadsheet computes from the formulas the engine writes', () => {
  it('AVERAGE and COUNT count the numbers of their ranges: text, logical values and blanks are skipped', () => {
    expect(value('=AVERAGE(B2:B5)')).toBe(85);
    expect(value('=COUNT(B2:B5)')).toBe(2);
    expect(value('=ROUND(AVERAGE(B2:B3,B5),1)')).toBe(85);
    expect(value('=SUM(B2:B5)')).toBe(170);
  });

  it('an error in a range fails AVERAGE and SUM, and COUNT ignores it', () => {
    expect(value('=AVERAGE(C2:C5)')).toEqual({ error: '#DIV/0!' });
    expect(value('=COUNT(C2:C5)')).toBe(0);
    expect(value('=AVERAGE(B4)')).toEqual({ error: '#DIV/0!' });
  });

  it('a formula cell with no cached value, or a range over one, is UNKNOWN', () => {
    expect(value('=B6+1')).toBe(UNKNOWN);
    expect(value('=AVERAGE(B2:B6)')).toBe(UNKNOWN);
  });

  it('IF takes one branch only: what the other branch would read does not matter', () => {
    expect(value('=IF(ISNUMBER(B3),B3*2,"")')).toBe('');
    expect(value('=IF(ISNUMBER(B2),IF(AND(B2>=0,B2<=100),B2,""),"")')).toBe(100);
    expect(value('=IF(ISNUMBER(B6),B6,"")')).toBe(UNKNOWN);
  });

  it('text in arithmetic is not guessed at; a blank is 0 there and "" in a comparison', () => {
    expect(value('=B3*1')).toBe(UNKNOWN);
    expect(value('=B4*1')).toBe(0);
    expect(value('=IF(B4="","blank","no")')).toBe('blank');
    expect(value('=IF(B2="","blank","no")')).toBe('no');
  });

  it('references to other sheets, quoted, and & joins numbers as General shows them', () => {
    expect(value("='O''Brien'!A2*2")).toBe(100);
    expect(value('="Үнэлгээ: "&ROUND(AVERAGE(B2:B5),1)&" хувь"')).toBe('Үнэлгээ: 85 хувь');
    expect(value('=1/3&""')).toBe('0.333333333333333');
  });

  it('a sheet it does not have, another workbook ([1]Тайлан) or a function it does not know is UNKNOWN', () => {
    expect(value("='Нэгтгэл'!A1")).toBe(UNKNOWN);
    expect(value("='[1]Тайлан'!B2")).toBe(UNKNOWN);
    expect(value('=VLOOKUP(1,A2:B5,2,FALSE)')).toBe(UNKNOWN);
    expect(value('=ROUND(')).toBe(UNKNOWN);
  });

  it('the grade chain: nested IFs over a comparison', () => {
    const grade = '=IF(B2="","",IF(B2>90,"A",IF(B2>80,"B","C")))';
    expect(value(grade)).toBe('A');
    expect(value(grade.replace(/B2/g, 'B5'))).toBe('C');
  });

  it('givesValue: numbers to a billionth, "" and blank alike, errors and UNKNOWN never', () => {
    expect(givesValue(80.4, 80.4000000001)).toBe(true);
    expect(givesValue(80.4, 80.5)).toBe(false);
    expect(givesValue('', null)).toBe(true);
    expect(givesValue(UNKNOWN, 1)).toBe(false);
    expect(givesValue({ error: '#DIV/0!' }, '#DIV/0!')).toBe(false);
    expect(givesValue(1, '1')).toBe(false);
  });
});
