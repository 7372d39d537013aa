// Kept only for src/preview (which still parses with exceljs and is not
// part of this change): the exceljs bridge now lives in src/exceljs/read.ts.
// The command line reads with readXlsx (src/xlsx/reader.ts). Remove this
// file when the preview moves to readXlsx.
export { workbookToSheets, worksheetToSheet, readCell, dateToSerial } from '../exceljs/read';
