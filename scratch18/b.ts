import { formulaValue, Workbook } from '../src/core/formula-value';
import { sheetOf, REPORT_HEADER } from '../test/support/sheet-builder';
const s = sheetOf([REPORT_HEADER, [1, 'A', 'x', 1, 1, 'Хийсэн', 100], [2, 'B', 'x', 1, 1, 'Хагас', 50], ['Үнэлгээ: 85.8 хувь']], { merges: ['A4:G4'] });
console.log(formulaValue('="Үнэлгээ: "&ROUND(AVERAGE(G2:G3),1)&" хувь"', s, new Workbook([s])));
console.log(formulaValue('=ROUND(AVERAGE(G2:G3),1)', s, new Workbook([s])));
console.log(formulaValue('="a"&1', s, new Workbook([s])));
