// A1 addresses in the fake Excel: parsing "A1:B2", "5:5", "C:C" (with or
// without a sheet) into an Area, and writing an area back as Excel writes a
// Range's address ("Sheet1!A1:B2", "'My sheet'!3:3"). Pure TypeScript.

import { areaAddress, columnIndex, columnLetter, sheetRef, type Area } from '../core';
import { FakeOfficeError } from './errors';

/** A sheet's rows and columns (Excel specifications and limits: 1,048,576 rows by 16,384 columns). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

function stripSheet(address: string): string {
  return address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
}

/** "A1", "A1:B2", "5:5", "1:5000", "C:C", "B2:B1048576" → Area. */
export function parseRange(address: string): Area {
  const parts = stripSheet(address).replace(/\$/g, '').split(':');
  const corner = (text: string): { row: number | null; column: number | null } => {
    const match = /^([A-Za-z]*)(\d*)$/.exec(text.trim());
    if (!match || (match[1] === '' && match[2] === '')) throw new FakeOfficeError('InvalidArgument', `Bad address ${address}`);
    return { column: match[1] ? columnIndex(match[1]) : null, row: match[2] ? Number(match[2]) - 1 : null };
  };
  const first = corner(parts[0]);
  const second = parts[1] !== undefined ? corner(parts[1]) : first;
  const top = Math.min(first.row ?? 0, second.row ?? 0);
  const bottom = first.row === null ? MAX_ROWS - 1 : Math.max(first.row, second.row ?? first.row);
  const left = Math.min(first.column ?? 0, second.column ?? 0);
  const right = first.column === null ? MAX_COLS - 1 : Math.max(first.column, second.column ?? first.column);
  return { top, left, bottom, right };
}

function sheetPrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : sheetRef(name);
}

/** A Range's address as Excel writes it: the sheet (quoted when it must be), then the cells, whole rows or whole columns. */
export function formatRange(sheet: string, area: Area): string {
  const fullRows = area.left === 0 && area.right === MAX_COLS - 1;
  const fullCols = area.top === 0 && area.bottom === MAX_ROWS - 1;
  let body: string;
  if (fullRows) body = `${area.top + 1}:${area.bottom + 1}`;
  else if (fullCols) body = `${columnLetter(area.left)}:${columnLetter(area.right)}`;
  else body = areaAddress(area);
  return `${sheetPrefix(sheet)}!${body}`;
}

/** The cells two areas share, or null. */
export function intersect(first: Area, second: Area): Area | null {
  const overlap = { top: Math.max(first.top, second.top), left: Math.max(first.left, second.left), bottom: Math.min(first.bottom, second.bottom), right: Math.min(first.right, second.right) };
  return overlap.top <= overlap.bottom && overlap.left <= overlap.right ? overlap : null;
}

/** How many cells an area holds. */
export const cellsIn = (area: Area) => (area.bottom - area.top + 1) * (area.right - area.left + 1);
