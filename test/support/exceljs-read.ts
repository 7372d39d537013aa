// An exceljs workbook → the engine's Sheet model: an independent reader the
// tests and the benchmark hold our own (src/xlsx) against. Shipped code never
// uses exceljs (a devDependency); it reads packages with src/xlsx.

import type ExcelJS from 'exceljs';
import { parseArea, type CellValue, type Sheet } from '../../src/core';

/** Excel's serial day number for a JS date as exceljs returns it (UTC midnight of the day). */
function dateToSerial(d: Date): number {
  const serial = (d.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
  return Math.round(serial * 86400) / 86400;
}

interface Read {
  value: CellValue;
  formula: string | null;
}

/** What a cell holds, flattened: rich text joined, formulas split into formula + cached result. */
function readCell(cell: ExcelJS.Cell): Read {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return { value: null, formula: null };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { value: v, formula: null };
  if (v instanceof Date) return { value: dateToSerial(v), formula: null };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      const f = cell.formula;
      const result = o.result as unknown;
      let value: CellValue = null;
      if (result instanceof Date) value = dateToSerial(result);
      else if (typeof result === 'number' || typeof result === 'string' || typeof result === 'boolean') value = result;
      else if (result && typeof result === 'object' && 'error' in (result as object)) value = String((result as { error: string }).error);
      return { value, formula: f ? `=${f}` : null };
    }
    if (Array.isArray(o.richText)) return { value: (o.richText as { text: string }[]).map((t) => t.text).join(''), formula: null };
    if ('text' in o) {
      const t = o.text as unknown;
      if (typeof t === 'string') return { value: t, formula: null };
      if (t && typeof t === 'object' && Array.isArray((t as { richText?: unknown }).richText))
        return { value: ((t as { richText: { text: string }[] }).richText).map((x) => x.text).join(''), formula: null };
    }
    if ('error' in o) return { value: String(o.error), formula: null };
  }
  return { value: String(v), formula: null };
}

/** One worksheet → Sheet (values from A1 to the last used cell). */
function worksheetToSheet(ws: ExcelJS.Worksheet): Sheet {
  const rowCount = ws.actualRowCount === 0 ? 0 : ws.rowCount;
  let colCount = 0;
  ws.eachRow({ includeEmpty: false }, (row) => {
    if (row.cellCount > colCount) colCount = row.cellCount;
  });
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  const formulas: (string | null)[][] = [];
  for (let r = 1; r <= rowCount; r++) {
    const vr = new Array<CellValue>(colCount).fill(null);
    const fr = new Array<string | null>(colCount).fill(null);
    const nr = new Array<string | null>(colCount).fill(null);
    const row = ws.findRow(r);
    if (row) {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (c > colCount) return;
        if (cell.isMerged && cell.master !== cell) return;
        const read = readCell(cell);
        vr[c - 1] = read.value;
        fr[c - 1] = read.formula;
        if (cell.numFmt && cell.numFmt !== 'General') nr[c - 1] = cell.numFmt;
      });
    }
    values.push(vr);
    formulas.push(fr);
    numberFormats.push(nr);
  }
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).map((m) => parseArea(m));
  return { name: ws.name, startRow: 0, startCol: 0, values, numberFormats, formulas, merges };
}

/** Every worksheet of a workbook, in order, with whether it is hidden. */
export function workbookToSheets(wb: ExcelJS.Workbook): { sheet: Sheet; hidden: boolean }[] {
  return wb.worksheets.map((ws) => ({ sheet: worksheetToSheet(ws), hidden: ws.state !== 'visible' }));
}
