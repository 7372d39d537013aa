// Words the command line prints, in Mongolian (default) and English.

import type { Localized } from '../core';

export const CLI_TEXT = {
  usage: {
    mn: `Хэрэглээ:
  unelgee validate ФАЙЛ… [--json] [--lang mn|en] [--profile practice|zg206|finer]
  unelgee compute ФАЙЛ -o ГАРАЛТ [--json] [--lang mn|en] [--profile …]

validate  хүснэгт бүрийг шалгаж, алдаа, дутууг нүд нүдээр нь хэлнэ.
compute   дутуу хувийг бөглөж, дунджийг томьёогоор бичиж, "Үнэлгээний хураангуй" хуудас нэмсэн хуулбарыг ГАРАЛТ-д хадгална.
          Оролтын файлыг өөрчлөхгүй.
Гарах код: 0 алдаагүй, 1 алдаатай, 2 файлыг уншиж чадаагүй.`,
    en: `Usage:
  unelgee validate FILE… [--json] [--lang mn|en] [--profile practice|zg206|finer]
  unelgee compute FILE -o OUT [--json] [--lang mn|en] [--profile …]

validate  checks every table and reports what is wrong or missing, cell by cell.
compute   writes a copy to OUT with the missing percents filled, averages as formulas and an "Үнэлгээний хураангуй" summary sheet.
          The input file is never modified.
Exit codes: 0 no errors, 1 errors found, 2 a file could not be read.`,
  },
  cannotRead: { mn: 'уншиж чадсангүй', en: 'cannot read' },
  table: { mn: 'Хүснэгт', en: 'Table' },
  rows: { mn: 'мөр', en: 'rows' },
  header: { mn: 'толгой', en: 'header' },
  columns: { mn: 'Баганууд', en: 'Columns' },
  items: { mn: 'арга хэмжээ', en: 'items' },
  groups: { mn: 'бүлэг', en: 'groups' },
  rated: { mn: 'үнэлсэн', en: 'rated' },
  average: { mn: 'дундаж', en: 'average' },
  noTables: { mn: 'Гүйцэтгэлийн хүснэгт олдсонгүй.', en: 'No performance table found.' },
  noFindings: { mn: 'Алдаа, дутуу зүйл олдсонгүй.', en: 'Nothing wrong or missing.' },
  colSeverity: { mn: 'Түвшин', en: 'Severity' },
  colCell: { mn: 'Нүд', en: 'Cell' },
  colCode: { mn: 'Код', en: 'Code' },
  colMessage: { mn: 'Тайлбар', en: 'Message' },
  total: { mn: 'Дүн', en: 'Total' },
  errors: { mn: 'алдаа', en: 'errors' },
  warnings: { mn: 'анхааруулга', en: 'warnings' },
  infos: { mn: 'мэдээлэл', en: 'notes' },
  wrote: { mn: 'Бичсэн нүд', en: 'Cells written' },
  nothingChanged: { mn: 'Өөрчлөх зүйл алга: файл аль хэдийн тооцоологдсон байна.', en: 'Nothing to change: the file is already computed.' },
  savedTo: { mn: 'Хадгалсан', en: 'Saved to' },
  averageElsewhere: {
    mn: 'хүснэгтийн доорх мөр хоосон биш тул дундажийг мөр нэмэлгүйгээр хураангуй хуудсанд бичсэн',
    en: 'the row under the table is taken, so its average is on the summary sheet (no row is inserted)',
  },
  remaining: { mn: 'Тооцоолсны дараа үлдсэн', en: 'Left after computing' },
  sameFile: {
    mn: 'гаралтын файл оролтын файлтай ижил байна; оролтыг өөрчлөхгүйн тулд өөр нэр өгнө үү',
    en: 'the output is the input file; give another name, the input is never modified',
  },
  needOutput: { mn: 'compute командад -o ГАРАЛТ заавал хэрэгтэй', en: 'compute needs -o OUT' },
  oneInput: { mn: 'compute нэг файл авна', en: 'compute takes one file' },
  noFiles: { mn: 'файл заагаагүй байна', en: 'no file given' },
  unknownOption: { mn: 'үл мэдэх сонголт', en: 'unknown option' },
  unknownProfile: { mn: 'үл мэдэх профайл', en: 'unknown profile' },
  cannotWrite: { mn: 'бичиж чадсангүй', en: 'cannot write' },
  noSuchFile: { mn: 'файл олдсонгүй', en: 'no such file' },
  permissionDenied: { mn: 'файлыг унших эрх алга', en: 'permission denied' },
  isDirectory: { mn: 'файл биш, хавтас байна', en: 'is a directory, not a file' },
  notRegularFile: {
    mn: 'энгийн файл биш байна (FIFO, төхөөрөмж эсвэл сокет); зөвхөн .xlsx файл уншина',
    en: 'is not a regular file (a FIFO, a device or a socket); only .xlsx files are read',
  },
  tooLarge: { mn: 'файл хэт том байна (дээд хэмжээ {limit} МБ)', en: 'the file is too large (at most {limit} MB)' },
  readError: { mn: 'файлыг уншиж чадсангүй ({code})', en: 'cannot be read ({code})' },
  sheetProtected: {
    mn: 'хуудас хамгаалагдсан тул үүнд юу ч бичээгүй',
    en: 'the sheet is protected, so nothing was written on it',
  },
  workbookProtected: {
    mn: 'ажлын номын бүтэц хамгаалагдсан тул хураангуй хуудас нэмээгүй',
    en: 'the workbook structure is protected, so no summary sheet was added',
  },
  notesNotWritten: {
    mn: 'Тайлбар (note) файлд бичигдээгүй; бичсэн нүднүүдийг дээр жагсаав.',
    en: 'Notes are not written into the file; the cells written are listed above.',
  },
} satisfies Record<string, Localized>;

export { KIND_NAMES } from './terms';
