// Excel sheets → the engine's Sheet model, in one context.sync() for all the
// sheets of the scope: used range values and number formats in blocks of
// rows, formulas only where the sheet has formulas (loading `formulas`
// everywhere would double the response), merged areas.
//
// Blocks are row bands ("1:5000", "5001:10000", …) intersected with the used
// range, so they can be queued before the sheet's size is known: no extra
// sync to ask for the used range first. Each block stays under Excel's
// 5,000,000-cell read cap. When a sheet's contents cannot come back in one
// 5 MB response (or it has more than FAST_ROWS rows), it is read again band
// by band, halving a band that is still too large: syncs grow with the bytes
// of the sheet, never with its rows.
//
// Merged areas: getMergedAreasOrNullObject fails on a range holding more
// than 512 merged areas (its doc comment) and returns only the areas whose
// top-left cell lies in the range (OfficeDev/office-js#3611). So they are
// asked for in whole-row bands of MERGE_BAND_ROWS from row 1 (an area that
// starts above the used range, or left of it, still has its top-left cell
// in one band, and in only one). Should a band hold more than 512 (a sheet
// merged on almost every row), the sheet is read again without merges and
// its merged areas band by band, halving a band that still fails: syncs
// then grow with the merged areas, never with the rows.

import { isAddinSheet, parseArea, utf8Length, type Area, type CellValue, type Sheet } from '../core';
import { isGeneralException, isPayloadError } from './batch';

const BLOCK_ROWS = 5000;
/** Rows per merged-areas request: over 512 areas in 1,000 rows means a merge on every other row. */
const MERGE_BAND_ROWS = 1000;
/** Rows covered by the one-sync read; beyond them a sheet takes the slow path. */
const FAST_ROWS = 100_000;
const MAX_ROW = 1_048_576;

interface SheetMeta {
  name: string;
  visibility: string;
  position: number;
}

export interface WorkbookMeta {
  sheets: SheetMeta[];
  active: string;
  workbookProtected: boolean;
}

interface SheetRead {
  sheet: Sheet;
  protected: boolean;
}

export interface MetaProxies {
  sheets: Excel.WorksheetCollection;
  active: Excel.Worksheet;
  protection: Excel.WorkbookProtection;
}

export function queueMeta(context: Excel.RequestContext): MetaProxies {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility,items/position');
  const active = sheets.getActiveWorksheet();
  active.load('name');
  const protection = context.workbook.protection;
  protection.load('protected');
  return { sheets, active, protection };
}

/** After the sync that carried queueMeta's loads. */
export function metaOf(proxies: MetaProxies): WorkbookMeta {
  return {
    sheets: proxies.sheets.items.map((worksheet) => ({ name: worksheet.name, visibility: String(worksheet.visibility), position: worksheet.position })),
    active: proxies.active.name,
    workbookProtected: proxies.protection.protected,
  };
}

export function hasSheet(meta: WorkbookMeta, name: string): boolean {
  return meta.sheets.some((s) => s.name === name);
}

/** Visible sheets the engine may analyse (not the add-in's own). */
export function userSheets(meta: WorkbookMeta): string[] {
  return meta.sheets.filter((s) => s.visibility === 'Visible' && !isAddinSheet(s.name)).map((s) => s.name);
}

class NeedsSlowRead extends Error {}

interface Pending {
  worksheet: Excel.Worksheet;
  protection: Excel.WorksheetProtection;
  bands: Excel.Range[];
  tail: Excel.Range;
  /** Null when the merged areas are read afterwards, band by band. */
  merges: Excel.RangeAreas[] | null;
  formulas: Excel.RangeAreas;
}

/** Whole-row bands from row 1 down to FAST_ROWS, each asking for the merged areas that start in it. */
function queueMergeBands(worksheet: Excel.Worksheet): Excel.RangeAreas[] {
  const out: Excel.RangeAreas[] = [];
  for (let top = 1; top <= FAST_ROWS; top += MERGE_BAND_ROWS) {
    const areas = worksheet.getRange(`${top}:${top + MERGE_BAND_ROWS - 1}`).getMergedAreasOrNullObject();
    areas.areas.load('items/address');
    out.push(areas);
  }
  return out;
}

function queueSheet(worksheet: Excel.Worksheet, withMerges: boolean): Pending {
  worksheet.load('name');
  worksheet.protection.load('protected');
  const used = worksheet.getUsedRange(true);
  const bands: Excel.Range[] = [];
  for (let top = 1; top <= FAST_ROWS; top += BLOCK_ROWS) {
    const band = worksheet.getRange(`${top}:${top + BLOCK_ROWS - 1}`).getIntersectionOrNullObject(used);
    band.load('address,values,numberFormat');
    bands.push(band);
  }
  const tail = worksheet.getRange(`${FAST_ROWS + 1}:${MAX_ROW}`).getIntersectionOrNullObject(used);
  tail.load('address');
  const merges = withMerges ? queueMergeBands(worksheet) : null;
  const formulas = used.getSpecialCellsOrNullObject('Formulas');
  formulas.areas.load('items/address,items/formulas');
  return { worksheet, protection: worksheet.protection, bands, tail, merges, formulas };
}

function bare(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1);
}

function mergesOf(bands: Excel.RangeAreas[]): Area[] {
  return bands.flatMap((merges) => (merges.isNullObject ? [] : merges.areas.items.map((r) => parseArea(bare(r.address)))));
}

/**
 * The merged areas starting in rows top..bottom (0-based), `rows` rows per
 * sync; a band Excel fails (over 512 areas) is asked for again in halves.
 */
async function readMergesFrom(context: Excel.RequestContext, sheet: string, top: number, bottom: number, rows: number): Promise<Area[]> {
  if (top > bottom) return [];
  const end = Math.min(bottom, top + rows - 1);
  const merges = context.workbook.worksheets.getItem(sheet).getRange(`${top + 1}:${end + 1}`).getMergedAreasOrNullObject();
  merges.areas.load('items/address');
  try {
    await context.sync();
  } catch (error) {
    if (rows <= 1) throw error;
    return readMergesFrom(context, sheet, top, bottom, Math.ceil(rows / 2));
  }
  const here = mergesOf([merges]);
  return here.concat(await readMergesFrom(context, sheet, end + 1, bottom, rows));
}

/**
 * Every merged area of a sheet whose top-left cell is at or above `bottom`:
 * all bands in one sync, or, when Excel fails that (a band over 512
 * areas), band by band.
 */
export async function readMerges(context: Excel.RequestContext, sheet: string, bottom: number): Promise<Area[]> {
  if (bottom < 0) return [];
  const worksheet = context.workbook.worksheets.getItem(sheet);
  const bands: Excel.RangeAreas[] = [];
  for (let top = 0; top <= bottom; top += MERGE_BAND_ROWS) {
    const areas = worksheet.getRange(`${top + 1}:${Math.min(bottom, top + MERGE_BAND_ROWS - 1) + 1}`).getMergedAreasOrNullObject();
    areas.areas.load('items/address');
    bands.push(areas);
  }
  try {
    await context.sync();
    return mergesOf(bands);
  } catch {
    return readMergesFrom(context, sheet, 0, bottom, MERGE_BAND_ROWS);
  }
}

function placeFormulas(formulas: Excel.RangeAreas, start: { row: number; col: number }, out: (string | null)[][]): void {
  if (formulas.isNullObject) return;
  for (const area of formulas.areas.items) {
    const placed = parseArea(bare(area.address));
    area.formulas.forEach((row, i) =>
      row.forEach((formula, j) => {
        const rowIndex = placed.top + i - start.row;
        const colIndex = placed.left + j - start.col;
        if (typeof formula === 'string' && formula.startsWith('=') && out[rowIndex] && colIndex >= 0 && colIndex < out[rowIndex].length) out[rowIndex][colIndex] = formula;
      }),
    );
  }
}

function assemble(name: string, parts: { area: Area; values: CellValue[][]; formats: string[][] }[], merges: Area[], formulas: Excel.RangeAreas): Sheet {
  const first = parts[0]?.area ?? { top: 0, left: 0, bottom: 0, right: 0 };
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  for (const part of parts) {
    values.push(...part.values);
    numberFormats.push(...part.formats);
  }
  const formulasOut: (string | null)[][] = values.map((r) => r.map(() => null));
  placeFormulas(formulas, { row: first.top, col: first.left }, formulasOut);
  return { name, startRow: first.top, startCol: first.left, values, numberFormats, formulas: formulasOut, merges };
}

function finishFast(pending: Pending, merges: Area[] | null = null): SheetRead {
  if (!pending.tail.isNullObject) throw new NeedsSlowRead(pending.worksheet.name);
  const parts: { area: Area; values: CellValue[][]; formats: string[][] }[] = [];
  for (const band of pending.bands) {
    if (band.isNullObject) continue;
    // Past the 5,000,000-cell cap Excel returns null instead of an error.
    if (!Array.isArray(band.values) || !Array.isArray(band.numberFormat)) throw new NeedsSlowRead(pending.worksheet.name);
    parts.push({ area: parseArea(bare(band.address)), values: band.values as CellValue[][], formats: band.numberFormat as string[][] });
  }
  return { sheet: assemble(pending.worksheet.name, parts, merges ?? mergesOf(pending.merges ?? []), pending.formulas), protected: pending.protection.protected };
}

/** The last used row (0-based) of a fast read, -1 for an empty sheet. */
function lastRow(pending: Pending): number {
  const used = pending.bands.filter((b) => !b.isNullObject);
  return used.length === 0 ? -1 : parseArea(bare(used[used.length - 1].address)).bottom;
}

// ---- slow path: one band per sync, halving a band that is still too large ----

interface Rows {
  values: CellValue[][];
  formats: string[][];
}

async function readBand(context: Excel.RequestContext, sheet: string, area: Area, rows: number): Promise<Rows> {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  const bottom = Math.min(area.bottom, area.top + rows - 1);
  const range = worksheet.getRangeByIndexes(area.top, area.left, bottom - area.top + 1, area.right - area.left + 1);
  range.load('values,numberFormat');
  try {
    await context.sync();
  } catch (error) {
    // Older Excel on the web answers an oversized response with GeneralException: a band is halved for either.
    if (!(isPayloadError(error) || isGeneralException(error)) || rows <= 1) throw error;
    return readBand(context, sheet, area, Math.ceil(rows / 2));
  }
  if (!Array.isArray(range.values) || !Array.isArray(range.numberFormat)) {
    // Over the read cap: Excel gave null instead of the cells.
    if (rows <= 1) throw new Error(`Excel returned no values for ${sheet}`);
    return readBand(context, sheet, area, Math.ceil(rows / 2));
  }
  const head: Rows = { values: range.values as CellValue[][], formats: range.numberFormat as string[][] };
  if (bottom >= area.bottom) return head;
  const rest = await readBand(context, sheet, { ...area, top: bottom + 1 }, fitRows(head, area.right - area.left + 1));
  return { values: head.values.concat(rest.values), formats: head.formats.concat(rest.formats) };
}

/** Response bytes to aim at per band: under Excel on the web's 5,000,000 with room for the envelope. */
const BAND_BYTES = 3_500_000;

/** Rows the next band can carry, judged by the bytes per row of the band just read (and Excel's 5,000,000-cell read cap). */
function fitRows(band: Rows, columns: number): number {
  const rows = Math.max(1, band.values.length);
  const perRow = (utf8Length(JSON.stringify(band.values)) + utf8Length(JSON.stringify(band.formats))) / rows;
  return Math.max(1, Math.min(Math.floor(BAND_BYTES / Math.max(perRow, 1)), Math.floor(4_000_000 / columns)));
}

async function readSlow(context: Excel.RequestContext, sheet: string): Promise<SheetRead> {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  const protection = context.workbook.worksheets.getItem(sheet).protection;
  protection.load('protected');
  const used = worksheet.getUsedRange(true);
  used.load('address');
  const formulas = used.getSpecialCellsOrNullObject('Formulas');
  formulas.areas.load('items/address,items/formulas');
  await context.sync();
  const area = parseArea(bare(used.address));
  const rows = await readBand(context, sheet, area, Math.min(BLOCK_ROWS, Math.max(1, Math.floor(1_000_000 / (area.right - area.left + 1)))));
  const merges = await readMerges(context, sheet, area.bottom);
  return { sheet: assemble(sheet, [{ area, ...rows }], merges, formulas), protected: protection.protected };
}

async function readEachSlow(context: Excel.RequestContext, names: string[], i = 0, out: SheetRead[] = []): Promise<SheetRead[]> {
  if (i >= names.length) return out;
  out.push(await readSlow(context, names[i]));
  return readEachSlow(context, names, i + 1, out);
}

export interface ScopeRead {
  meta: WorkbookMeta;
  /** The sheets read, in workbook order (add-in sheets included when active, so callers can tell). */
  sheets: SheetRead[];
}

/**
 * Queues the fast read (with merged areas in bands) and syncs. Should Excel
 * fail it for anything but its size — most likely a band with over 512
 * merged areas — it is queued again without merged areas (a real failure
 * fails again and is thrown). Null: too large for one response.
 */
async function syncFast<T>(context: Excel.RequestContext, queue: (withMerges: boolean) => T): Promise<{ queued: T; merged: boolean } | null> {
  const first = queue(true);
  try {
    await context.sync();
    return { queued: first, merged: true };
  } catch (error) {
    if (isPayloadError(error)) return null;
  }
  const second = queue(false);
  try {
    await context.sync();
    return { queued: second, merged: false };
  } catch (error) {
    // Failing again without merged areas: too large for one answer (older Excel on the web says GeneralException).
    if (isPayloadError(error) || isGeneralException(error)) return null;
    throw error;
  }
}

/** A fast read finished (null: the sheet needs the slow path); merged areas read band by band when the fast read left them out. */
async function finish(context: Excel.RequestContext, pending: Pending, merged: boolean): Promise<SheetRead | null> {
  let read: SheetRead;
  try {
    read = finishFast(pending, merged ? null : []);
  } catch (error) {
    if (error instanceof NeedsSlowRead) return null;
    throw error;
  }
  if (!merged) read.sheet.merges = await readMerges(context, read.sheet.name, lastRow(pending));
  return read;
}

async function finishEach(context: Excel.RequestContext, pending: Pending[], merged: boolean, i = 0, out: { done: SheetRead[]; slow: string[] } = { done: [], slow: [] }) {
  if (i >= pending.length) return out;
  const read = await finish(context, pending[i], merged);
  if (read) out.done.push(read);
  else out.slow.push(pending[i].worksheet.name);
  return finishEach(context, pending, merged, i + 1, out);
}

async function readNamed(context: Excel.RequestContext, meta: WorkbookMeta, names: string[]): Promise<ScopeRead> {
  if (names.length === 0) return { meta, sheets: [] };
  const fast = await syncFast(context, (withMerges) => names.map((n) => queueSheet(context.workbook.worksheets.getItem(n), withMerges)));
  if (!fast) return { meta, sheets: await readEachSlow(context, names) };
  const { done, slow } = await finishEach(context, fast.queued, fast.merged);
  const more = await readEachSlow(context, slow);
  return { meta, sheets: order(meta, [...done, ...more]) };
}

function order(meta: WorkbookMeta, sheets: SheetRead[]): SheetRead[] {
  const pos = new Map(meta.sheets.map((s) => [s.name, s.position]));
  return sheets.sort((a, b) => (pos.get(a.sheet.name) ?? 0) - (pos.get(b.sheet.name) ?? 0));
}

/** The active sheet: workbook facts and its contents in one sync. */
export async function readActive(context: Excel.RequestContext): Promise<ScopeRead> {
  const fast = await syncFast(context, (withMerges) => ({ meta: queueMeta(context), sheet: queueSheet(context.workbook.worksheets.getActiveWorksheet(), withMerges) }));
  if (!fast) {
    const facts = await readMeta(context);
    return { meta: facts, sheets: await readEachSlow(context, [facts.active]) };
  }
  const facts = metaOf(fast.queued.meta);
  const read = await finish(context, fast.queued.sheet, fast.merged);
  return { meta: facts, sheets: read ? [read] : await readEachSlow(context, [facts.active]) };
}

/** Workbook facts (one sync). */
export async function readMeta(context: Excel.RequestContext): Promise<WorkbookMeta> {
  const meta = queueMeta(context);
  await context.sync();
  return metaOf(meta);
}

/** Every visible user sheet: the workbook facts, then all their contents in one more sync. */
export async function readWorkbook(context: Excel.RequestContext): Promise<ScopeRead> {
  const meta = await readMeta(context);
  return readNamed(context, meta, userSheets(meta));
}

/** Named sheets of a workbook already described. */
export function readSheets(context: Excel.RequestContext, meta: WorkbookMeta, names: string[]): Promise<ScopeRead> {
  return readNamed(context, meta, names);
}
