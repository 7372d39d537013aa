// Why an .xlsx file was refused, in Mongolian (default) and English: one line
// each, for the command line (and, later, the add-in's file import).

import type { Localized } from '../core';

/** Codes of XlsxError (src/xlsx/errors.ts); each has one sentence here. */
export type XlsxErrorCode =
  | 'empty'
  | 'not-zip'
  | 'encrypted'
  | 'damaged'
  | 'no-workbook'
  | 'doctype'
  | 'part-too-large'
  | 'total-too-large'
  | 'bomb'
  | 'too-many-parts'
  | 'unsupported';

export const XLSX_TEXT: Record<XlsxErrorCode, Localized> = {
  empty: { mn: 'файл хоосон байна (0 байт)', en: 'the file is empty (0 bytes)' },
  'not-zip': { mn: '.xlsx файл биш байна', en: 'is not an .xlsx file' },
  encrypted: {
    mn: 'файл нууц үгээр хамгаалагдсан эсвэл хуучин .xls хэлбэртэй байна; Excel-ээр нээж нууц үггүй .xlsx болгон хадгална уу',
    en: 'the file is password-protected or an old .xls; open it in Excel and save it as an .xlsx without a password',
  },
  damaged: { mn: '.xlsx файл эвдэрсэн байна', en: 'the .xlsx file is damaged' },
  'no-workbook': { mn: 'файлд ажлын ном (xl/workbook.xml) алга', en: 'the file holds no workbook part (xl/workbook.xml)' },
  doctype: {
    mn: 'файлд DOCTYPE заалт бүхий XML байна (Excel ийм файл үүсгэдэггүй; аюултай байж болзошгүй тул уншихгүй)',
    en: 'the file holds XML with a DOCTYPE (Excel never writes one; refused as possibly hostile)',
  },
  'part-too-large': { mn: 'файлын нэг хэсэг задлахад хэт том байна', en: 'a part of the file is too large once unpacked' },
  'total-too-large': { mn: 'файл задлахад хэт том болж байна', en: 'the file is too large once unpacked' },
  bomb: {
    mn: 'файлын шахалтын харьцаа хэвийн бус өндөр байна (zip бөмбөг байж болзошгүй)',
    en: 'the file unpacks to an absurd size for its bytes (a zip bomb?)',
  },
  'too-many-parts': { mn: 'файлд хэт олон хэсэг байна', en: 'the file holds too many parts' },
  unsupported: { mn: 'энэ .xlsx файлын бүтцийг дэмждэггүй', en: 'this .xlsx file uses a structure that is not supported' },
};
