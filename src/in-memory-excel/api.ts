// Which ExcelApi requirement set each member the adapter uses belongs to,
// and the rules of Excel the fake enforces, with where each is documented.
// Pure TypeScript, no Node APIs.
//
// Requirement sets: the `[Api set: ExcelApi 1.x]` remark in the member's doc
// comment in @types/office-js (node_modules/@types/office-js/index.d.ts),
// and Microsoft's list of sets per Office version,
// https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets.
// A host below the set rejects the request with ApiNotFound
// (https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling,
// "ApiNotFound: The API you are trying to use could not be found. It may be
// available in a newer version of Excel.").

/**
 * Every member the adapter calls above ExcelApi 1.1, with the set that brings it.
 * Members of ExcelApi 1.1 the adapter also uses (no gate needed, every host
 * that runs an add-in has them): RangeFormat.wrapText, verticalAlignment,
 * RangeFormat.borders / RangeBorder.style and weight, Worksheet.tables,
 * Workbook.tables, TableCollection.add, Table.name, Worksheet.position.
 */
export const API_LEVEL = {
  // ExcelApi 1.2
  'Worksheet.protection': '1.2',
  'Worksheet.visibility (set)': '1.2', // "ExcelApi 1.1 for reading visibility; 1.2 for setting it."
  'Worksheet.getUsedRange(valuesOnly)': '1.2',
  'Range.getUsedRange(valuesOnly)': '1.2',
  'RangeFormat.columnWidth': '1.2',
  'RangeFormat.rowHeight': '1.2',
  'Range.merge': '1.2',
  'Range.unmerge': '1.2',
  // ExcelApi 1.3
  'TableCollection.add(Range)': '1.3', // "Prior to ExcelApi 1.3, this parameter must be a string."
  // ExcelApi 1.4
  'WorksheetCollection.getItemOrNullObject': '1.4',
  'Worksheet.getUsedRangeOrNullObject': '1.4',
  'Range.getUsedRangeOrNullObject': '1.4',
  'Range.getIntersectionOrNullObject': '1.4',
  // ExcelApi 1.6
  'Application.suspendApiCalculationUntilNextSync': '1.6',
  // ExcelApi 1.7
  'Worksheet.getRangeByIndexes': '1.7',
  'Worksheet.freezePanes': '1.7',
  'Workbook.protection': '1.7',
  'ChartSeries.setXAxisValues': '1.7',
  'Range.hyperlink': '1.7',
  'Worksheet.standardHeight': '1.7',
  // ExcelApi 1.8
  'Range.dataValidation': '1.8',
  // ExcelApi 1.9
  'Range.getSpecialCellsOrNullObject': '1.9',
  'Range.getCellProperties': '1.9',
  'Worksheet.pageLayout': '1.9',
  'PageLayout.setPrintTitleRows': '1.9',
  'PageLayout.setPrintArea': '1.9',
  'PageLayout.setPrintMargins': '1.9',
  'PageLayout.headersFooters': '1.9',
  'PageLayout.getPrintTitleRowsOrNullObject': '1.9',
  'PageLayout.getPrintAreaOrNullObject': '1.9',
  'Worksheet.horizontalPageBreaks': '1.9',
  'Range.getColumnProperties': '1.9',
  'Range.getRowProperties': '1.9',
  // ExcelApi 1.13
  'Range.getMergedAreasOrNullObject': '1.13',
  // ExcelApi 1.18
  'Worksheet.notes': '1.18',
} as const;

export type ApiMember = keyof typeof API_LEVEL;

/** The newest ExcelApi set Microsoft lists as released (ExcelApi 1.20: Excel on the web, Microsoft 365 Version 2509). */
export const NEWEST_API = '1.20';

export function versionAtLeast(have: string, want: string): boolean {
  const [haveMajor, haveMinor] = have.split('.').map(Number);
  const [wantMajor, wantMinor] = want.split('.').map(Number);
  return haveMajor > wantMajor || (haveMajor === wantMajor && (haveMinor ?? 0) >= (wantMinor ?? 0));
}

/**
 * `getMergedAreasOrNullObject` fails when the range holds more than this
 * many merged areas (its doc comment: "if the merged areas count in this
 * range is more than 512, then this method will fail to return the result").
 */
export const MERGED_AREAS_LIMIT = 512;

/** Excel's specifications and limits: "Length of formula contents: 8,192 characters". */
export const FORMULA_LIMIT = 8192;

/**
 * Excel's specifications and limits
 * (https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3):
 * "Row height: 409 points"; "Hyperlinks in a worksheet: 65,530 hyperlinks".
 */
export const ROW_HEIGHT_LIMIT = 409;
export const HYPERLINKS_LIMIT = 65_530;

/**
 * A worksheet name: 1 to 31 characters, none of : \ / ? * [ ], not starting
 * or ending with an apostrophe, not "History" (Excel's message for a name it
 * refuses: "You typed an invalid name for a sheet or chart. Make sure that:
 * The name that you type does not exceed 31 characters. The name does not
 * contain any of the following characters: : \ / ? * [ or ] You did not leave
 * the name blank."; the apostrophe and "History" rules: Microsoft Support,
 * "Rename a worksheet",
 * https://support.microsoft.com/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9).
 */
export const SHEET_NAME_LIMIT = 31;

/**
 * Data validation texts ([MS-XLSB] 2.5.37 DValStrings,
 * https://learn.microsoft.com/openspecs/office_file_formats/ms-xlsb/b8894965-c186-4bba-8a0b-8ec2a37a1cbe:
 * the error alert's title at most 32 characters and its text 225; the input
 * prompt's title 32 and its text 255; VBA's Validation.InputTitle: "Limited
 * to 32 characters").
 */
export const VALIDATION_TEXT = { title: 32, prompt: 255, error: 225 } as const;

/**
 * Excel on the web refuses a request or response over 5 MB
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization,
 * "Excel add-ins: payload size limit of 5 MB for requests and responses";
 * error codes RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded,
 * https://learn.microsoft.com/office/dev/add-ins/reference/javascript-api-for-office-error-codes).
 * Counted strictly: 5,000,000 bytes of UTF-8 (a Cyrillic letter is two).
 */
export const PAYLOAD_LIMIT = 5_000_000;
