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

/** Every member the adapter calls above ExcelApi 1.1, with the set that brings it. */
export const API_LEVEL = {
  // ExcelApi 1.2
  'Worksheet.protection': '1.2',
  'Worksheet.visibility (set)': '1.2', // "ExcelApi 1.1 for reading visibility; 1.2 for setting it."
  'Worksheet.getUsedRange(valuesOnly)': '1.2',
  'Range.getUsedRange(valuesOnly)': '1.2',
  'RangeFormat.columnWidth': '1.2',
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
  // ExcelApi 1.9
  'Range.getSpecialCellsOrNullObject': '1.9',
  'Range.getCellProperties': '1.9',
  // ExcelApi 1.13
  'Range.getMergedAreasOrNullObject': '1.13',
  // ExcelApi 1.18
  'Worksheet.notes': '1.18',
} as const;

export type ApiMember = keyof typeof API_LEVEL;

/** The newest ExcelApi set Microsoft lists as released (ExcelApi 1.20: Excel on the web, Microsoft 365 Version 2509). */
export const NEWEST_API = '1.20';

export function versionAtLeast(have: string, want: string): boolean {
  const [a, b] = have.split('.').map(Number);
  const [c, d] = want.split('.').map(Number);
  return a > c || (a === c && (b ?? 0) >= (d ?? 0));
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
 * Excel on the web refuses a request or response over 5 MB
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization,
 * "Excel add-ins: payload size limit of 5 MB for requests and responses";
 * error codes RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded,
 * https://learn.microsoft.com/office/dev/add-ins/reference/javascript-api-for-office-error-codes).
 * Counted strictly: 5,000,000 bytes of UTF-8 (a Cyrillic letter is two).
 */
export const PAYLOAD_LIMIT = 5_000_000;

/**
 * What office-js adds to each action when it serialises a request (action
 * type, ids, object path): an estimate, so the fake's request size is not
 * kinder than the real one. The fake's own action descriptions are compact.
 */
export const ACTION_ENVELOPE_BYTES = 96;

