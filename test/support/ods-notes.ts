// The notes LibreOffice shows on a workbook's cells: its flat OpenDocument
// copy (.fods, written by `soffice --convert-to fods`) walked row by row and
// cell by cell (repeated rows and cells counted), each <office:annotation>
// read as "Sheet!A1" → its text.
import { promises as fs } from 'fs';
import { SaxesParser } from 'saxes';
import { cellAddress } from '../../src/core';

export async function odsNotes(fods: string): Promise<Map<string, string>> {
  const notes = new Map<string, string>();
  const parser = new SaxesParser();
  let sheet = '';
  let row = -1;
  let col = 0;
  let rowRepeat = 1;
  let cellRepeat = 1;
  let cellStart = 0;
  let note: string[] | null = null;
  let para = 0;
  /** Inside the date or author LibreOffice adds to a note: not its text. */
  let meta = false;
  /** Inside a paragraph of the note (the whitespace between its elements is not its text). */
  let inPara = 0;
  /** Tables inside a sheet (a chart's own data) are not the sheet's rows. */
  let tableDepth = 0;
  parser.on('opentag', (tag) => {
    const a = tag.attributes as Record<string, string>;
    if (tag.name === 'table:table' && tableDepth++ === 0) {
      sheet = a['table:name'];
      row = -1;
    }
    if (tableDepth !== 1) return;
    switch (tag.name) {
      case 'table:table-row':
        row++;
        col = 0;
        rowRepeat = Number(a['table:number-rows-repeated'] ?? 1);
        break;
      case 'table:table-cell':
      case 'table:covered-table-cell':
        cellStart = col;
        cellRepeat = Number(a['table:number-columns-repeated'] ?? 1);
        break;
      case 'office:annotation':
        note = [];
        break;
      case 'text:p':
        if (note && para++ > 0) note.push('\n');
        inPara++;
        break;
      case 'text:line-break':
        if (note) note.push('\n');
        break;
      case 'text:s':
        if (note) note.push(' '.repeat(Number(a['text:c'] ?? 1)));
        break;
      case 'dc:date':
      case 'dc:creator':
        meta = true;
        break;
    }
  });
  parser.on('text', (t) => {
    if (note && !meta && inPara > 0) note.push(t);
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'table:table') tableDepth--;
    if (tableDepth !== 1) return;
    switch (tag.name) {
      case 'table:table-row':
        row += rowRepeat - 1;
        break;
      case 'table:table-cell':
      case 'table:covered-table-cell':
        col = cellStart + cellRepeat;
        break;
      case 'dc:date':
      case 'dc:creator':
        meta = false;
        break;
      case 'text:p':
        inPara--;
        break;
      case 'office:annotation':
        notes.set(`${sheet}!${cellAddress(row, cellStart)}`, note!.join('').trim());
        note = null;
        para = 0;
        break;
    }
  });
  parser.write(await fs.readFile(fods, 'utf8')).close();
  return notes;
}
