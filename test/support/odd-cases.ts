// The odd workbooks of issue 18, one per way a file once disagreed with the
// tool after recalculation or lost something that was not the tool's: text
// percents in every form a text cell takes, a prefixed worksheet, dates,
// uncached shared formulas, a percent above 100, a bare 1 among 0–100
// percents, a value under a merged percent cell, shared formulas in group
// rows, a sheet name Excel reads as an external link, a protected report,
// and formulas in the percent column. Each is a report (annex 6 form) the
// commands compute, fix and build an evaluation sheet from.

import { itemRow, oddBook, REPORT_HEADER_ROW, richRuns, STYLE, textCell, withPhonetic, type OddCell } from './odd-book';

export interface OddCase {
  /** Short name, also the file's name. */
  name: string;
  /** The item it stands for. */
  item: number;
  bytes: () => Uint8Array;
}

const report = (rows: OddCell[][], opts: { name?: string; merges?: string[]; protect?: boolean } = {}, shared: string[] = []) =>
  oddBook([{ name: opts.name ?? 'Тайлан', rows: [REPORT_HEADER_ROW, ...rows], merges: opts.merges, protect: opts.protect }], {}, shared);


export const ODD_CASES: OddCase[] = [
  {
    // Shared strings "100" and "90", an inline "70", rich runs "10"+"0", phonetic runs on "90": all text, all plain numbers.
    name: 'text-percents',
    item: 1,
    bytes: () =>
      report(
        [
          itemRow(1, 100),
          itemRow(2, '100'),
          itemRow(3, '90'),
          itemRow(4, textCell.inline('70')),
          itemRow(5, textCell.sharedAt(0)),
          itemRow(6, textCell.sharedAt(1)),
          itemRow(7, 70),
          itemRow(8, 30),
        ],
        {},
        [richRuns('10', '0'), withPhonetic('90', 'кю')],
      ),
  },
  {
    // A whole percent column of inline strings (a generator that writes no shared strings).
    name: 'inline-column',
    item: 1,
    bytes: () => report([100, 90, 70, 100, 50, 90].map((p, i) => itemRow(i + 1, textCell.inline(String(p))))),
  },
  {
    // Text typed into a percent-formatted column ("86" among fractions shown as percents).
    name: 'text-among-fractions',
    item: 1,
    bytes: () => report([itemRow(1, { s: STYLE.percent, inner: '<v>1</v>' }), itemRow(2, { s: STYLE.percent, inner: '<v>0.9</v>' }), itemRow(3, textCell.inline('70', STYLE.percent)), itemRow(4, { s: STYLE.percent, inner: '<v>0.5</v>' })]),
  },
  {
    // <x:worksheet xmlns:x=…>: every element prefixed, as Open XML SDK generators write them; one percent to compute.
    name: 'prefixed-sheet',
    item: 2,
    bytes: () =>
      oddBook(
        [
          {
            name: 'Тайлан',
            rows: [REPORT_HEADER_ROW, itemRow(1, 100), itemRow(2, 90), itemRow(3, null, { target: 4, achieved: 3 }), itemRow(4, 70), itemRow(5, null, { target: 10, achieved: 10 })],
          },
        ],
        { prefix: 'x' },
      ),
  },
  {
    // A date in a percent cell (typed "1/2"), which validate reports as an error.
    name: 'date-percent',
    item: 3,
    bytes: () => report([itemRow(1, 100), itemRow(2, { s: STYLE.date, inner: '<v>45689</v>' }), itemRow(3, 90), itemRow(4, 70)]),
  },
  {
    // Shared formulas in the percent column with no cached value (a generator that does not calculate).
    name: 'uncached-shared',
    item: 3,
    bytes: () =>
      report([
        itemRow(1, 100),
        itemRow(2, { inner: '<f t="shared" ref="G3:G5" si="0">F3/E3*100</f>' }, { target: 4, achieved: 1 }),
        itemRow(3, { inner: '<f t="shared" si="0"/>' }, { target: 4, achieved: 2 }),
        itemRow(4, { inner: '<f t="shared" si="0"/>' }, { target: 4, achieved: 4 }),
        itemRow(5, 30),
      ]),
  },
  {
    // Ratings typed as text in a report the evaluation sheet links to.
    name: 'text-for-evaluation',
    item: 3,
    bytes: () => report([itemRow(1, '100'), itemRow(2, '90'), itemRow(3, '70 хувь'), itemRow(4, 100)]),
  },
  {
    // A value left in the XML under a merged percent cell (F5:G5): Excel shows the area's first cell.
    name: 'value-under-merge',
    item: 4,
    bytes: () => report([itemRow(1, 100), itemRow(2, 90), itemRow(3, 70), [4, 'Арга хэмжээ 4', 'Тоо', null, 'Хийх', 'Хийсэн', 50], itemRow(5, 100), itemRow(6, 30), itemRow(7, 100)], { merges: ['F5:G5'] }),
  },
  {
    // Shared formulas in the group rows of the percent column, inside an average's range (no cached value; they give #VALUE!).
    name: 'shared-in-group-rows',
    item: 4,
    bytes: () =>
      report([
        ['Зорилт 1. Үйлчилгээг сайжруулах', null, null, null, null, null, { inner: '<f t="shared" ref="G2:G6" si="0">A2*1</f>' }],
        itemRow(1, 100),
        itemRow(2, 90),
        ['Зорилт 2. Хяналтыг сайжруулах', null, null, null, null, null, { inner: '<f t="shared" si="0"/>' }],
        itemRow(3, 70),
        itemRow(4, 70),
      ]),
  },
  {
    // A sheet whose name a formula would read as an external link.
    name: 'bracket-sheet-name',
    item: 4,
    bytes: () => report([itemRow(1, 100), itemRow(2, 90), itemRow(3, 70), itemRow(4, 70)], { name: '[1]Тайлан' }),
  },
  {
    // "100%" typed among plain 0–100 ratings is stored as 1 with a percent format; the stated average is wrong.
    name: 'bare-one',
    item: 5,
    bytes: () => report([itemRow(1, { s: STYLE.percent, inner: '<v>1</v>' }), itemRow(2, 90), itemRow(3, 50), itemRow(4, 80), ['Дундаж', null, null, null, null, null, 60]]),
  },
  {
    // A percent above 100: the engine leaves it out.
    name: 'above-100',
    item: 5,
    bytes: () => report([itemRow(1, 120), itemRow(2, 90), itemRow(3, 50), itemRow(4, 100)]),
  },
  {
    // A protected report with percents to compute: nothing can be written on it.
    name: 'protected-report',
    item: 5,
    bytes: () => report([itemRow(1, 100), itemRow(2, null, { target: 4, achieved: 3 }), itemRow(3, 90), itemRow(4, null, { target: 2, achieved: 1 })], { protect: true }),
  },
  {
    // Formulas in the percent column: one returning text, one whose cached value is empty (saved in manual calculation).
    name: 'percent-formulas',
    item: 6,
    bytes: () =>
      report([
        itemRow(1, 100),
        itemRow(2, textCell.str('TEXT(100,"0")', '100')),
        itemRow(3, textCell.str('IF(F4>0,F4/E4*100,"")', ''), { target: 4, achieved: 3 }),
        itemRow(4, 90),
        itemRow(5, { inner: '<f>F6/E6*100</f><v>50</v>' }, { target: 4, achieved: 2 }),
      ]),
  },
];
