// The engine's page arithmetic (src/core/print.ts): how many lines a text
// takes in a column (by Calibri's widths: capitals wider than small
// letters), rows as high as their text, the page's height at the scale that
// fits the columns, and when a sheet is fitted to one page.
import { A4_PORTRAIT, LINE_POINTS, NARROW_MARGINS, estimatedPages, fitRowHeights, landscapeTable, onePageWhenClose, pageHeightPoints, textLines, textUnits } from '../../src/core';

describe('text in a column', () => {
  it('wraps at whole words: a line LibreOffice printed in a 58-wide column fits, one word more does not', () => {
    // Printed by LibreOffice with Carlito (Calibri's metrics) on one line of a 58-wide column, and the next word went below.
    const line = 'Визийн зөвшөөрөл, иргэний харьялал, зөрчил шалган шийдвэрлэх';
    expect(textLines(line, 58)).toBe(1);
    expect(textLines(`${line} асуудал хариуцсан`, 58)).toBe(2);
  });

  it('counts capitals wider than small letters, bold wider still', () => {
    expect(textUnits('ТӨРИЙН')).toBeGreaterThan(textUnits('төрийн'));
    expect(textUnits('төрийн', true)).toBeGreaterThan(textUnits('төрийн'));
    const caps = 'ТӨРИЙН ЗАХИРГААНЫ УДИРДЛАГЫН ХЭЛТСИЙН';
    const between = (textUnits(caps) + textUnits(caps.toLowerCase())) / 2 + 0.3;
    expect(textLines(caps.toLowerCase(), between)).toBe(1);
    expect(textLines(caps, between)).toBe(2);
  });

  it('breaks a word longer than the column over the lines it needs, and keeps line breaks', () => {
    expect(textLines('/work/reports/report-2024-aimag-admin-dept.xlsx', 16)).toBeGreaterThanOrEqual(3);
    expect(textLines('нэг\nхоёр\nгурав', 40)).toBe(3);
  });
});

describe('rows as high as their text', () => {
  it('gives a height to rows whose wrapped text takes more than one line (merged widths added), none to the others', () => {
    const long = 'Монгол Улсаас гадаад суугаа дипломат төлөөлөгчийн болон консулын газрын албан хаагчдыг зөвлөгөө, мэдээллээр хангах';
    const heights = fitRowHeights(
      [
        { row: 1, col: 1, value: long },
        { row: 2, col: 1, value: 'богино' },
        { row: 3, col: 0, value: long },
        { row: 4, col: 1, value: 42 },
      ],
      [6, 58, 16, 16],
      () => true,
      [{ top: 3, left: 0, bottom: 3, right: 3 }],
    );
    expect(heights).toEqual([
      { row: 1, points: 2 * LINE_POINTS },
      { row: 3, points: 2 * LINE_POINTS },
    ]);
  });
});

describe('pages', () => {
  it('a page of a sheet scaled to fit A4 holds more of its points when the sheet is wider than the page', () => {
    const narrow = pageHeightPoints(A4_PORTRAIT, [10, 10]);
    const wide = pageHeightPoints(A4_PORTRAIT, [60, 60, 60]);
    expect(narrow).toBeCloseTo(841.9 - 1.5 * 72, 1);
    expect(wide).toBeGreaterThan(narrow * 1.5);
  });

  it('a sheet a little over one page is fitted to one; a longer one runs on', () => {
    const setup = landscapeTable({ first: 4, last: 4 }, 'Хуудас &P / &N');
    expect(setup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, margins: NARROW_MARGINS, footer: { left: '&A', right: 'Хуудас &P / &N' } });
    const widths = [14, 54, 9, 9, 9, 9, 15, 10, 8, 13, 10];
    const rowsOnPage = Math.floor(pageHeightPoints(setup, widths) / LINE_POINTS);
    expect(estimatedPages(setup, widths, [], rowsOnPage - 1)).toBeLessThanOrEqual(1);
    expect(onePageWhenClose(setup, widths, [], Math.round(rowsOnPage * 1.2)).fitToHeight).toBe(1);
    expect(onePageWhenClose(setup, widths, [], rowsOnPage * 2).fitToHeight).toBe(0);
  });
});
