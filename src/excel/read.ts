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

import { isAddinSheet, parseArea, type Area, type CellValue, type Sheet } from '../core';
import { isPayloadError } from './batch';

export const BLOCK_ROWS = 5000;
/** Rows covered by the one-sync read; beyond them a sheet takes the slow path. */
export const FAST_ROWS = 100_000;
const MAX_ROW = 1_048_576;

export interface SheetMeta {
  name: string;
  visibility: string;
  position: number;
}

export interface WorkbookMeta {
  sheets: SheetMeta[];
  active: string;
  workbookProtected: boolean;
}

export interface SheetRead {
  sheet: Sheet;
  protected: boolean;
}

interface MetaProxies {
  sheets: Excel.WorksheetCollection;
  active: Excel.Worksheet;
  protection: Excel.WorkbookProtection;
}

function queueMeta(context: Excel.RequestContext): MetaProxies {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility,items/position');
  const active = sheets.getActiveWorksheet();
  active.load('name');
  const protection = context.workbook.protection;
  protection.load('protected');
  return { sheets, active, protection };
}

/** After the sync that carried queueMeta's loads. */
function metaOf(p: MetaProxies): WorkbookMeta {
  return {
    sheets: p.sheets.items.map((ws) => ({ name: ws.name, visibility: String(ws.visibility), position: ws.position })),
    active: p.active.name,
    workbookProtected: p.protection.protected,
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
  ws: Excel.Worksheet;
  protection: Excel.WorksheetProtection;
  bands: Excel.Range[];
  tail: Excel.Range;
  merges: Excel.RangeAreas;
  formulas: Excel.RangeAreas;
}

function queueSheet(ws: Excel.Worksheet): Pending {
  ws.load('name');
  ws.protection.load('protected');
  const used = ws.getUsedRange(true);
  const bands: Excel.Range[] = [];
  for (let top = 1; top <= FAST_ROWS; top += BLOCK_ROWS) {
    const band = ws.getRange(`${top}:${top + BLOCK_ROWS - 1}`).getIntersectionOrNullObject(used);
    band.load('address,values,numberFormat');
    bands.push(band);
  }
  const tail = ws.getRange(`${FAST_ROWS + 1}:${MAX_ROW}`).getIntersectionOrNullObject(used);
  tail.load('address');
  const merges = used.getMergedAreasOrNullObject();
  merges.areas.load('items/address');
  const formulas = used.getSpecialCellsOrNullObject('Formulas');
  formulas.areas.load('items/address,items/formulas');
  return { ws, protection: ws.protection, bands, tail, merges, formulas };
}

function bare(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1);
}

function mergesOf(merges: Excel.RangeAreas): Area[] {
  if (merges.isNullObject) return [];
  return merges.areas.items.map((r) => parseArea(bare(r.address)));
}

function placeFormulas(formulas: Excel.RangeAreas, start: { row: number; col: number }, out: (string | null)[][]): void {
  if (formulas.isNullObject) return;
  for (const area of formulas.areas.items) {
    const a = parseArea(bare(area.address));
    area.formulas.forEach((row, i) =>
      row.forEach((f, j) => {
        const r = a.top + i - start.row;
        const c = a.left + j - start.col;
        if (typeof f === 'string' && f.startsWith('=') && out[r] && c >= 0 && c < out[r].length) out[r][c] = f;
      }),
    );
  }
}

function assemble(name: string, parts: { area: Area; values: CellValue[][]; formats: string[][] }[], merges: Area[], formulas: Excel.RangeAreas): Sheet {
  const first = parts[0]?.area ?? { top: 0, left: 0, bottom: 0, right: 0 };
  const values: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  for (const p of parts) {
    values.push(...p.values);
    numberFormats.push(...p.formats);
  }
  const formulasOut: (string | null)[][] = values.map((r) => r.map(() => null));
  placeFormulas(formulas, { row: first.top, col: first.left }, formulasOut);
  return { name, startRow: first.top, startCol: first.left, values, numberFormats, formulas: formulasOut, merges };
}

function finishFast(p: Pending): SheetRead {
  if (!p.tail.isNullObject) throw new NeedsSlowRead(p.ws.name);
  const parts: { area: Area; values: CellValue[][]; formats: string[][] }[] = [];
  for (const band of p.bands) {
    if (band.isNullObject) continue;
    // Past the 5,000,000-cell cap Excel returns null instead of an error.
    if (!Array.isArray(band.values) || !Array.isArray(band.numberFormat)) throw new NeedsSlowRead(p.ws.name);
    parts.push({ area: parseArea(bare(band.address)), values: band.values as CellValue[][], formats: band.numberFormat as string[][] });
  }
  return { sheet: assemble(p.ws.name, parts, mergesOf(p.merges), p.formulas), protected: p.protection.protected };
}

// ---- slow path: one band per sync, halving a band that is still too large ----

interface Rows {
  values: CellValue[][];
  formats: string[][];
}

async function readBand(context: Excel.RequestContext, sheet: string, area: Area, rows: number): Promise<Rows> {
  const ws = context.workbook.worksheets.getItem(sheet);
  const bottom = Math.min(area.bottom, area.top + rows - 1);
  const range = ws.getRangeByIndexes(area.top, area.left, bottom - area.top + 1, area.right - area.left + 1);
  range.load('values,numberFormat');
  try {
    await context.sync();
  } catch (e) {
    if (!isPayloadError(e) || rows <= 1) throw e;
    return readBand(context, sheet, area, Math.ceil(rows / 2));
  }
  if (!Array.isArray(range.values) || !Array.isArray(range.numberFormat)) {
    // Over the read cap: Excel gave null instead of the cells.
    if (rows <= 1) throw new Error(`Excel returned no values for ${sheet}`);
    return readBand(context, sheet, area, Math.ceil(rows / 2));
  }
  const head: Rows = { values: range.values as CellValue[][], formats: range.numberFormat as string[][] };
  if (bottom >= area.bottom) return head;
  const rest = await readBand(context, sheet, { ...area, top: bottom + 1 }, rows);
  return { values: head.values.concat(rest.values), formats: head.formats.concat(rest.formats) };
}

async function readSlow(context: Excel.RequestContext, sheet: string): Promise<SheetRead> {
  const ws = context.workbook.worksheets.getItem(sheet);
  const protection = context.workbook.worksheets.getItem(sheet).protection;
  protection.load('protected');
  const used = ws.getUsedRange(true);
  used.load('address');
  const merges = used.getMergedAreasOrNullObject();
  merges.areas.load('items/address');
  const formulas = used.getSpecialCellsOrNullObject('Formulas');
  formulas.areas.load('items/address,items/formulas');
  await context.sync();
  const area = parseArea(bare(used.address));
  const rows = await readBand(context, sheet, area, Math.min(BLOCK_ROWS, Math.max(1, Math.floor(1_000_000 / (area.right - area.left + 1)))));
  return { sheet: assemble(sheet, [{ area, ...rows }], mergesOf(merges), formulas), protected: protection.protected };
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

async function readNamed(context: Excel.RequestContext, meta: WorkbookMeta, names: string[]): Promise<ScopeRead> {
  if (names.length === 0) return { meta, sheets: [] };
  const pending = names.map((n) => queueSheet(context.workbook.worksheets.getItem(n)));
  try {
    await context.sync();
  } catch (e) {
    if (!isPayloadError(e)) throw e;
    return { meta, sheets: await readEachSlow(context, names) };
  }
  const sheets: SheetRead[] = [];
  const slow: string[] = [];
  for (const p of pending) {
    try {
      sheets.push(finishFast(p));
    } catch (e) {
      if (!(e instanceof NeedsSlowRead)) throw e;
      slow.push(p.ws.name);
    }
  }
  const more = await readEachSlow(context, slow);
  return { meta, sheets: order(meta, [...sheets, ...more]) };
}

function order(meta: WorkbookMeta, sheets: SheetRead[]): SheetRead[] {
  const pos = new Map(meta.sheets.map((s) => [s.name, s.position]));
  return sheets.sort((a, b) => (pos.get(a.sheet.name) ?? 0) - (pos.get(b.sheet.name) ?? 0));
}

/** The active sheet: workbook facts and its contents in one sync. */
export async function readActive(context: Excel.RequestContext): Promise<ScopeRead> {
  const meta = queueMeta(context);
  const pending = queueSheet(context.workbook.worksheets.getActiveWorksheet());
  try {
    await context.sync();
  } catch (e) {
    if (!isPayloadError(e)) throw e;
    const m = queueMeta(context);
    await context.sync();
    const facts = metaOf(m);
    return { meta: facts, sheets: await readEachSlow(context, [facts.active]) };
  }
  const facts = metaOf(meta);
  try {
    return { meta: facts, sheets: [finishFast(pending)] };
  } catch (e) {
    if (!(e instanceof NeedsSlowRead)) throw e;
    return { meta: facts, sheets: await readEachSlow(context, [facts.active]) };
  }
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
