// The .xlsx package reader and writer (host-neutral: Uint8Array in and out,
// no Node APIs). See docs/xlsx-io.md.

export { readXlsx, visibleSheets, takenNames, computeContext, type XlsxWorkbook, type XlsxSheet, type SheetState } from './reader';
export { writeXlsx } from './writer';
export { createXlsx, validSheetName } from './create';
export { newWorkbookOf } from './new-book';
export { XlsxError, DEFAULT_LIMITS, type Limits, type XlsxErrorCode } from './errors';
export { shiftFormula } from './refs';
export { checkBytes, type BytesCheck, type CheckedFinding } from './check';
export { writeCheckedCopy, type CheckedCopy } from './checked-copy';
export { useZipCodec, InflateLimit, type ZipCodec } from './zip';
