// Opens an .xlsx for the command line, turning every way a file can be
// unreadable into one clear sentence instead of a stack trace.

import { promises as fs } from 'fs';
import ExcelJS from 'exceljs';
import type { Localized } from '../core';

export class UnreadableFile extends Error {
  readonly text: Localized;
  constructor(text: Localized) {
    super(text.en);
    this.text = text;
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
// Compound File Binary: an encrypted .xlsx, or an old .xls.
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (buf: Buffer, sig: number[]) => sig.every((b, i) => buf[i] === b);

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  let buf: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new UnreadableFile({ mn: 'файл биш, хавтас байна', en: 'is a directory, not a file' });
    buf = await fs.readFile(file);
  } catch (e) {
    if (e instanceof UnreadableFile) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UnreadableFile({ mn: 'файл олдсонгүй', en: 'no such file' });
    if (code === 'EACCES') throw new UnreadableFile({ mn: 'файлыг унших эрх алга', en: 'permission denied' });
    throw new UnreadableFile({ mn: `файлыг уншиж чадсангүй (${code ?? 'алдаа'})`, en: `cannot be read (${code ?? 'error'})` });
  }
  if (buf.length === 0) throw new UnreadableFile({ mn: 'файл хоосон байна (0 байт)', en: 'the file is empty (0 bytes)' });
  if (startsWith(buf, CFB)) {
    throw new UnreadableFile({
      mn: 'файл нууц үгээр хамгаалагдсан эсвэл хуучин .xls хэлбэртэй байна; Excel-ээр нээж нууц үггүй .xlsx болгон хадгална уу',
      en: 'the file is password-protected or an old .xls; open it in Excel and save it as an .xlsx without a password',
    });
  }
  if (!startsWith(buf, ZIP)) {
    throw new UnreadableFile({ mn: '.xlsx файл биш байна', en: 'is not an .xlsx file' });
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new UnreadableFile({ mn: `.xlsx файл эвдэрсэн байна (${why})`, en: `the .xlsx file is damaged (${why})` });
  }
  if (wb.worksheets.length === 0) throw new UnreadableFile({ mn: 'ажлын хуудас алга', en: 'the workbook has no worksheets' });
  return wb;
}
