// Cell values on their way into Excel, and cells grouped into ranges so a
// plan is written as a few 2-D writes instead of one call per cell.

import type { Area, CellValue } from '../core';

/**
 * Excel parses strings written to `Range.values` like typed input: "=x",
 * "+x", "-x" and "@x" become formulas, "1/2" a date, "86%" a number, "TRUE"
 * a boolean. A leading apostrophe keeps the text as typed (Excel stores the
 * text without it and marks the cell quote-prefixed). We add one whenever
 * the text could be read as anything but itself.
 */
export function needsQuote(text: string): boolean {
  if (text === '') return false;
  if (!/^\p{L}/u.test(text)) return true; // = + - @ ' digits, dates, spaces, symbols
  if (/^(true|false)$/i.test(text.trim())) return true;
  // English month names start dates Excel recognises ("May 2024", "Jan-5").
  return /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s\-/,]*\d/i.test(text);
}

/** A value as it must be written to `Range.values` so Excel stores exactly it. */
export function toInput(value: CellValue): string | number | boolean {
  if (value === null) return '';
  if (typeof value === 'string') return needsQuote(value) ? `'${value}` : value;
  return value;
}

/** Text written as text, always quoted (the store's JSON chunks). */
export function textInput(text: string): string {
  return `'${text}`;
}

/**
 * A cell holds a formula when `formulas` gives "=…" and differs from the
 * value: a quote-prefixed text "=x" reads back as "=x" in both (office-js
 * drops the apostrophe from `formulas`), a formula's result is never its own
 * source text.
 */
export function formulaOf(value: unknown, formula: unknown): string | null {
  if (typeof formula !== 'string' || !formula.startsWith('=') || formula.length < 2) return null;
  return value === formula ? null : formula;
}

export interface Placed<T> {
  row: number;
  col: number;
  data: T;
}

export interface Block<T> {
  area: Area;
  /** Cells by [row - top][col - left]; undefined where the block has a hole. */
  grid: (T | undefined)[][];
}

/** Whether a cell lies in one of these merged areas of more than one cell. */
function inMergedArea(merges: readonly Area[], row: number, col: number): boolean {
  return merges.some((m) => (m.bottom > m.top || m.right > m.left) && row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

/**
 * Groups cells into rectangles: runs of consecutive rows per column (at most
 * `gap` missing rows bridged, holes left undefined), then side-by-side runs
 * with the same rows merged into one 2-D block.
 *
 * A cell in one of `merges` (the sheet's merged areas, as read) is a block
 * of its own: a block joined across it would cover part of a merged area
 * (H10:H11 beside H11:H12), which Excel refuses to write ("We can't do that
 * to a merged cell"); the merged area's top-left cell alone is the merged
 * cell itself.
 */
export function blocks<T>(cells: Placed<T>[], gap = 0, merges: readonly Area[] = []): Block<T>[] {
  const alone: Block<T>[] = [];
  if (merges.length > 0) {
    const rest: Placed<T>[] = [];
    for (const cell of cells) {
      if (inMergedArea(merges, cell.row, cell.col)) alone.push({ area: { top: cell.row, left: cell.col, bottom: cell.row, right: cell.col }, grid: [[cell.data]] });
      else rest.push(cell);
    }
    if (alone.length > 0) return [...joined(rest, gap), ...alone];
  }
  return joined(cells, gap);
}

function joined<T>(cells: Placed<T>[], gap: number): Block<T>[] {
  const byCol = new Map<number, Placed<T>[]>();
  for (const cell of cells) {
    const list = byCol.get(cell.col) ?? [];
    list.push(cell);
    byCol.set(cell.col, list);
  }
  const runs: { top: number; bottom: number; col: number; cells: Map<number, T> }[] = [];
  for (const [col, list] of [...byCol.entries()].sort((a, b) => a[0] - b[0])) {
    list.sort((a, b) => a.row - b.row);
    let run: (typeof runs)[number] | null = null;
    for (const cell of list) {
      if (run && cell.row <= run.bottom + 1 + gap) {
        run.bottom = Math.max(run.bottom, cell.row);
        run.cells.set(cell.row, cell.data);
      } else {
        run = { top: cell.row, bottom: cell.row, col, cells: new Map([[cell.row, cell.data]]) };
        runs.push(run);
      }
    }
  }
  // Merge runs of adjacent columns covering the same rows.
  const out: Block<T>[] = [];
  const open = new Map<string, { block: Block<T>; right: number }>();
  for (const run of runs) {
    const key = `${run.top}:${run.bottom}`;
    const prev = open.get(key);
    const column: (T | undefined)[] = [];
    for (let row = run.top; row <= run.bottom; row++) column.push(run.cells.get(row));
    if (prev && prev.right === run.col - 1) {
      prev.block.grid.forEach((row, i) => row.push(column[i]));
      prev.block.area.right = run.col;
      prev.right = run.col;
    } else {
      const block: Block<T> = { area: { top: run.top, left: run.col, bottom: run.bottom, right: run.col }, grid: column.map((v) => [v]) };
      out.push(block);
      open.set(key, { block, right: run.col });
    }
  }
  return out;
}

/** Splits a string into pieces of at most `size` characters without cutting a surrogate pair. */
export function chunkText(text: string, size: number): string[] {
  const out: string[] = [];
  let position = 0;
  while (position < text.length) {
    let end = Math.min(position + size, text.length);
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end -= 1;
    out.push(text.slice(position, end));
    position = end;
  }
  return out;
}
