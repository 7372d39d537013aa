// The .xlsx package reader and writer (host-neutral: Uint8Array in and out,
// no Node APIs). See docs/xlsx-io.md.

export { readXlsx, visibleSheets, computeContext, type XlsxWorkbook } from './reader';
export { writeXlsx } from './writer';
export { createXlsx } from './create';
export { newWorkbookOf } from './new-book';
export { XlsxError } from './errors';
export { shiftFormula } from './refs';
export { checkBytes, type CheckedFinding } from './check';
export { writeCheckedCopy } from './checked-copy';
export { useZipCodec, InflateLimit, type ZipCodec } from './zip';
