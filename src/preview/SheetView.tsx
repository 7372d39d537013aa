// The fake workbook's active sheet as Excel would show it, read-only: every
// row, drawn only where the user looks (a 20,000-row sheet scrolls as fast
// as a 20-row one), values as their number formats show them, text spilling
// into empty cells on its right (and cut at the next cell that holds
// something), merged areas, the add-in's marks (fills; notes as a corner mark
// and a tooltip), links (those the page can open, as links), the selection
// (scrolled into view wherever it is), the charts, and the sheet tabs.
//
// Layout: a scroller holds a sizer as large as the whole sheet. The column
// headers are a sticky bar at its top; each drawn row is positioned at its
// place, its row header sticky on the left; a merged area is drawn from its
// top-left cell, with the rows it covers, even when that row is above the
// window. Only the rows in the window (and a few around it) exist in the DOM.

import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { areaAddress, cellAddress, columnLetter, type Area, type CellValue } from '../core';
import type { FakeExcel } from '../in-memory-excel/excel';
import type { SheetModel } from '../in-memory-excel/model';
import { ChartView } from './ChartView';
import { displayValue } from './format';

const ROW_H = 22;
const HEAD_W = 48;
const HEAD_H = 22;
const DEFAULT_W = 100;
/** Rows drawn above and below the window, and the step the window moves by (fewer renders while scrolling). */
const OVERSCAN = 12;
const STEP = 8;
/** Empty rows and columns shown past the last used cell, as Excel does. */
const PAD_ROWS = 30;
const PAD_COLS = 3;
const MIN_COLS = 10;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: 0, flexGrow: 1 },
  scroller: {
    position: 'relative',
    flexGrow: 1,
    minHeight: 0,
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    outline: 'none',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  sizer: { position: 'relative' },
  colBar: {
    position: 'sticky',
    top: 0,
    zIndex: 4,
    height: `${HEAD_H}px`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    boxSizing: 'border-box',
  },
  corner: {
    position: 'sticky',
    left: 0,
    zIndex: 5,
    display: 'block',
    width: `${HEAD_W}px`,
    height: `${HEAD_H - 1}px`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  colHead: {
    position: 'absolute',
    top: 0,
    height: `${HEAD_H - 1}px`,
    lineHeight: `${HEAD_H - 1}px`,
    textAlign: 'center',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    boxSizing: 'border-box',
  },
  colHeadSelected: { backgroundColor: tokens.colorNeutralBackground3Selected, color: tokens.colorPaletteGreenForeground2, fontWeight: tokens.fontWeightSemibold },
  row: { position: 'absolute', left: 0, height: `${ROW_H}px` },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 3,
    display: 'block',
    width: `${HEAD_W}px`,
    height: `${ROW_H}px`,
    lineHeight: `${ROW_H - 1}px`,
    textAlign: 'center',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    boxSizing: 'border-box',
  },
  rowHeadSelected: { backgroundColor: tokens.colorNeutralBackground3Selected, color: tokens.colorPaletteGreenForeground2, fontWeight: tokens.fontWeightSemibold },
  cell: {
    position: 'absolute',
    top: 0,
    padding: '0 4px',
    lineHeight: `${ROW_H - 1}px`,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    boxSizing: 'border-box',
  },
  /** Text spilling over empty neighbours: no border of its own inside the spill, cut where the next non-empty cell starts. */
  spill: { borderRightColor: 'transparent', overflow: 'hidden', textOverflow: 'clip', zIndex: 1, pointerEvents: 'none' },
  link: { color: tokens.colorBrandForegroundLink, textDecorationLine: 'underline', pointerEvents: 'auto', ':hover': { color: tokens.colorBrandForegroundLinkHover } },
  linkElsewhere: { textDecorationLine: 'underline', textDecorationStyle: 'dotted' },
  merged: { backgroundColor: tokens.colorNeutralBackground1, whiteSpace: 'normal', lineHeight: '16px', paddingTop: '3px', zIndex: 1 },
  number: { textAlign: 'end' },
  bold: { fontWeight: tokens.fontWeightSemibold },
  note: {
    '::after': {
      content: '""',
      position: 'absolute',
      top: 0,
      right: 0,
      borderTop: `6px solid ${tokens.colorPaletteRedBorder2}`,
      borderLeft: '6px solid transparent',
    },
  },
  selected: {
    outline: `2px solid ${tokens.colorPaletteGreenBorder2}`,
    outlineOffset: '-2px',
    zIndex: 2,
  },
  tabs: { display: 'flex', flexWrap: 'wrap', gap: '2px', paddingTop: '4px' },
  tab: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderTop: 'none',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    padding: '4px 12px',
    cursor: 'pointer',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    maxWidth: '100%',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  activeTab: {
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorPaletteGreenForeground2,
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `2px solid ${tokens.colorPaletteGreenBorder2}`,
  },
});

/** Column positions of a sheet: widths from the workbook (points) or the default. */
class Columns {
  readonly left: number[] = [];
  readonly width: number[] = [];
  readonly total: number;
  constructor(count: number, widths: Map<number, number>) {
    let offset = 0;
    for (let column = 0; column < count; column++) {
      const points = widths.get(column);
      const width = points ? Math.max(24, Math.round(points / 0.75)) : DEFAULT_W;
      this.left.push(offset);
      this.width.push(width);
      offset += width;
    }
    this.total = offset;
  }
  /** The first column whose right edge is past `offset`. */
  at(offset: number): number {
    let low = 0;
    let high = this.left.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.left[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }
  span(from: number, to: number): number {
    return this.left[to] + this.width[to] - this.left[from];
  }
}

interface Shape {
  rows: number;
  cols: Columns;
  /** Merged areas by their top row (drawn from there). */
  mergesFrom: Map<number, Area[]>;
  /** The cells merged areas cover, other than their top-left: not drawn. */
  covered: Set<number>;
  /** Merged areas, for the window: those that start above it may still reach into it. */
  merges: Area[];
}

const key = (r: number, c: number) => r * 16384 + c;

function shapeOf(sheet: SheetModel, selection: Area | null): Shape {
  const used = sheet.used(false) ?? { top: 0, left: 0, bottom: 0, right: 0 };
  let bottom = used.bottom;
  let right = used.right;
  for (const merge of sheet.merges) {
    bottom = Math.max(bottom, merge.bottom);
    right = Math.max(right, merge.right);
  }
  for (const chart of sheet.charts) {
    const at = chartCell(chart.position);
    if (at) {
      bottom = Math.max(bottom, at.row + 16);
      right = Math.max(right, at.col + 6);
    }
  }
  if (selection) {
    bottom = Math.max(bottom, selection.bottom);
    right = Math.max(right, selection.right);
  }
  const cols = new Columns(Math.max(MIN_COLS, right + 1 + PAD_COLS), sheet.widths);
  const mergesFrom = new Map<number, Area[]>();
  const covered = new Set<number>();
  for (const merge of sheet.merges) {
    mergesFrom.set(merge.top, [...(mergesFrom.get(merge.top) ?? []), merge]);
    // Large areas are few; their covered cells are looked up by area when needed.
    if ((merge.bottom - merge.top + 1) * (merge.right - merge.left + 1) <= 4096) {
      for (let row = merge.top; row <= merge.bottom; row++) for (let column = merge.left; column <= merge.right; column++) if (row !== merge.top || column !== merge.left) covered.add(key(row, column));
    }
  }
  return { rows: bottom + 1 + PAD_ROWS, cols, mergesFrom, covered, merges: sheet.merges };
}

function isCovered(shape: Shape, row: number, column: number): boolean {
  if (shape.covered.has(key(row, column))) return true;
  for (const merge of shape.merges) {
    if ((merge.bottom - merge.top + 1) * (merge.right - merge.left + 1) <= 4096) continue;
    if (row >= merge.top && row <= merge.bottom && column >= merge.left && column <= merge.right && (row !== merge.top || column !== merge.left)) return true;
  }
  return false;
}

/** "N6" or "Sheet!N6:T20" → the top-left cell. */
function chartCell(position: string | null): { row: number; col: number } | null {
  if (!position) return null;
  const match = /([A-Z]+)(\d+)/.exec(position.slice(position.lastIndexOf('!') + 1).replace(/\$/g, ''));
  if (!match) return null;
  let col = 0;
  for (const letter of match[1]) col = col * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, col: col - 1 };
}

/** Cells that link somewhere (Range.hyperlink): what the page can open, and how. */
export interface SheetLinks {
  /** A link's tooltip, and whether the page can open it (a file of the roll-up shown). */
  describe(target: string): { title: string; opens: boolean };
  open(target: string): void;
}

export interface SheetViewProps {
  fake: FakeExcel;
  /** Changes whenever the fake may have changed (draws the sheet again). */
  version: number;
  onActivate: (sheetName: string) => void;
  /** Selects a cell (a click), as a user would in Excel. */
  onSelect?: (sheetName: string, area: Area) => void;
  sheetsLabel: string;
  /** Links in cells; without it a link is plain text. */
  links?: SheetLinks;
}

type Styles = ReturnType<typeof useStyles>;

/**
 * The part of the sheet in view (moved in steps: a render per STEP rows
 * scrolled, not per pixel), the selection scrolled into view as Excel does,
 * and a new sheet opened at its top-left.
 */
function useViewport(sheetId: number | undefined, selection: Area | null, shape: Shape | null, version: number) {
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, left: 0, height: 800, width: 1200 });
  const frame = useRef(0);

  const measure = () => {
    const box = scroller.current;
    if (!box) return;
    const next = { top: box.scrollTop, left: box.scrollLeft, height: box.clientHeight, width: box.clientWidth };
    setView((previous) => {
      const same =
        Math.floor(previous.top / (ROW_H * STEP)) === Math.floor(next.top / (ROW_H * STEP)) &&
        Math.floor(previous.left / 200) === Math.floor(next.left / 200) &&
        previous.height === next.height &&
        previous.width === next.width;
      return same ? previous : next;
    });
  };
  const onScroll = () => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      measure();
    });
  };
  useEffect(() => {
    measure();
    const box = scroller.current;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const resizeObserver = new ResizeObserver(() => measure());
    resizeObserver.observe(box);
    return () => resizeObserver.disconnect();
  }, [sheetId]);

  // Bring the selected cell into view, as Excel does (the grid only: the page and the pane stay put).
  const selectionKey = selection ? `${sheetId}:${selection.top}:${selection.left}` : '';
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box || !selection || !shape) return;
    const top = HEAD_H + selection.top * ROW_H;
    const left = HEAD_W + shape.cols.left[Math.min(selection.left, shape.cols.left.length - 1)];
    const width = shape.cols.width[Math.min(selection.left, shape.cols.width.length - 1)];
    if (top < box.scrollTop + HEAD_H || top + ROW_H > box.scrollTop + box.clientHeight) box.scrollTop = Math.max(0, top - box.clientHeight / 2);
    if (left < box.scrollLeft + HEAD_W || left + width > box.scrollLeft + box.clientWidth) box.scrollLeft = Math.max(0, left - HEAD_W - 40);
    measure();
  }, [selectionKey, version]);

  // A new sheet opens at its top-left.
  useLayoutEffect(() => {
    const box = scroller.current;
    if (box && !selection) {
      box.scrollTop = 0;
      box.scrollLeft = 0;
    }
  }, [sheetId]);

  return { scroller, view, onScroll };
}

/** What drawing the rows in view needs: the sheet, its shape, the columns in view, the selection. */
interface Drawing {
  fake: FakeExcel;
  sheet: SheetModel;
  shape: Shape;
  firstColumn: number;
  lastColumn: number;
  selection: Area | null;
  styles: Styles;
  onSelect?: (sheetName: string, area: Area) => void;
  links?: SheetLinks;
}

function drawCell(drawing: Drawing, row: number, column: number, area: Area | null): JSX.Element {
  const { sheet, shape, styles, selection } = drawing;
  const cols = shape.cols;
  const cell = sheet.get(row, column);
  const value = shownValue(drawing.fake, sheet, row, column);
  const text = displayValue(value, cell?.n ?? 'General');
  const address = cellAddress(row, column);
  const cellArea = area ?? { top: row, left: column, bottom: row, right: column };
  const selected = !!selection && cellArea.top <= selection.bottom && selection.top <= cellArea.bottom && cellArea.left <= selection.right && selection.left <= cellArea.right;
  let width = cols.span(cellArea.left, Math.min(cellArea.right, cols.left.length - 1));
  let spills = false;
  // Text runs on over empty cells to its right, as in Excel.
  if (!area && typeof value === 'string' && text !== '') {
    let nextColumn = column + 1;
    while (nextColumn <= drawing.lastColumn && nextColumn < cols.left.length && !sheet.get(row, nextColumn) && !isCovered(shape, row, nextColumn) && !shape.mergesFrom.get(row)?.some((m) => m.left === nextColumn)) {
      width += cols.width[nextColumn];
      nextColumn++;
      spills = true;
    }
  }
  const style: CSSProperties = {
    left: `${HEAD_W + cols.left[column]}px`,
    width: `${width}px`,
    height: `${(cellArea.bottom - cellArea.top + 1) * ROW_H}px`,
  };
  if (cell?.fill) style.backgroundColor = cell.fill;
  const spanned = cellArea.bottom > cellArea.top || cellArea.right > cellArea.left;
  return (
    <div
      key={column}
      role="gridcell"
      aria-colindex={column + 2}
      aria-selected={selected || undefined}
      className={mergeClasses(
        styles.cell,
        !!area && styles.merged,
        spills && !cell?.fill && styles.spill,
        typeof value === 'number' && styles.number,
        cell?.b && styles.bold,
        !!cell?.note && styles.note,
        selected && styles.selected,
      )}
      style={style}
      title={cell?.note ? `${address}: ${cell.note}` : text || undefined}
      data-addr={address}
      data-area={spanned ? areaAddress(cellArea) : undefined}
      data-fill={cell?.fill ?? undefined}
      data-note={cell?.note ? 'true' : undefined}
      data-formula={cell?.f ?? undefined}
      data-selected={selected ? 'true' : undefined}
      onMouseDown={drawing.onSelect ? () => drawing.onSelect!(sheet.name, cellArea) : undefined}
    >
      {cell?.link && drawing.links ? linkIn(drawing, cell.link, text) : text}
    </div>
  );
}

/**
 * What a cell shows: its value, or its formula's result as the fake Excel
 * computes it — or, for a function the fake does not evaluate (#NAME?), the
 * result the file carried, where the page kept it (a roll-up's RANK, COUNTIF).
 */
function shownValue(fake: FakeExcel, sheet: SheetModel, row: number, column: number): CellValue {
  const value = fake.model.value(sheet, row, column);
  const cell = sheet.get(row, column);
  return value === '#NAME?' && cell?.f && cell.v !== null ? cell.v : value;
}

/** A cell's link: one the page opens is a link; another says where it would go. */
function linkIn(drawing: Drawing, target: string, text: string): JSX.Element {
  const { title, opens } = drawing.links!.describe(target);
  if (!opens) {
    return (
      <span className={drawing.styles.linkElsewhere} title={title}>
        {text}
      </span>
    );
  }
  return (
    <a
      href="#"
      className={drawing.styles.link}
      title={title}
      data-link={target}
      onClick={(event) => {
        event.preventDefault();
        drawing.links!.open(target);
      }}
    >
      {text}
    </a>
  );
}

/** A row's cells in view; above the window, only the merged areas that reach into it. */
function rowCells(drawing: Drawing, row: number, first: number): JSX.Element[] {
  const out: JSX.Element[] = [];
  const starting = drawing.shape.mergesFrom.get(row) ?? [];
  for (let column = drawing.firstColumn; column <= drawing.lastColumn; column++) {
    const area = starting.find((m) => m.left === column) ?? null;
    // A cell under a merged area is drawn with the area; one starting left of the window, from its own left below.
    if (!area && isCovered(drawing.shape, row, column)) continue;
    if (row < first && !area) continue;
    out.push(drawCell(drawing, row, column, area));
  }
  for (const merge of starting) if (merge.left < drawing.firstColumn && merge.right >= drawing.firstColumn) out.push(drawCell(drawing, row, merge.left, merge));
  return out;
}

function ColumnBar({ drawing, total }: { drawing: Drawing; total: number }) {
  const { styles, shape, selection } = drawing;
  const cols = shape.cols;
  return (
    <div className={styles.colBar} role="row" aria-rowindex={1} style={{ width: `${HEAD_W + total}px` }}>
      {/* The corner over the row numbers: nothing to name, so no header (an empty header is an accessibility fault). */}
      <span className={styles.corner} aria-hidden />
      {Array.from({ length: drawing.lastColumn - drawing.firstColumn + 1 }, (_, i) => drawing.firstColumn + i).map((column) => (
        <span
          key={column}
          role="columnheader"
          aria-colindex={column + 2}
          className={mergeClasses(styles.colHead, !!selection && column >= selection.left && column <= selection.right && styles.colHeadSelected)}
          style={{ left: `${HEAD_W + cols.left[column]}px`, width: `${cols.width[column]}px` }}
        >
          {columnLetter(column)}
        </span>
      ))}
    </div>
  );
}

function SheetTabs({ fake, active, styles, label, onActivate }: { fake: FakeExcel; active: SheetModel; styles: Styles; label: string; onActivate: (name: string) => void }) {
  return (
    <div className={styles.tabs} role="tablist" aria-label={label}>
      {fake.model.sheets
        .filter((sheet) => sheet.visibility === 'Visible')
        .map((sheet) => (
          <button
            key={sheet.id}
            type="button"
            role="tab"
            aria-selected={sheet.id === active.id}
            className={mergeClasses(styles.tab, sheet.id === active.id && styles.activeTab)}
            data-sheet-tab={sheet.name}
            onClick={() => onActivate(sheet.name)}
          >
            {sheet.name}
          </button>
        ))}
    </div>
  );
}

export function SheetView({ fake, version, onActivate, onSelect, sheetsLabel, links }: SheetViewProps) {
  const styles = useStyles();
  const model = fake.model;
  const sheet = model.active;
  const selection = model.selection && sheet && model.selection.sheetId === sheet.id ? model.selection.area : null;
  const shape = useMemo(() => (sheet ? shapeOf(sheet, selection) : null), [sheet, version, selection?.bottom, selection?.right]);
  const { scroller, view, onScroll } = useViewport(sheet?.id, selection, shape, version);

  if (!sheet || !shape) return null;
  const { cols } = shape;
  const first = Math.max(0, Math.floor((view.top - HEAD_H) / ROW_H) - OVERSCAN);
  const last = Math.min(shape.rows - 1, Math.ceil((view.top + view.height) / ROW_H) + OVERSCAN * 2);
  const firstColumn = Math.max(0, cols.at(Math.max(0, view.left - HEAD_W)) - 1);
  const lastColumn = Math.min(cols.left.length - 1, cols.at(view.left + view.width) + 2);
  const drawing: Drawing = { fake, sheet, shape, firstColumn, lastColumn, selection, styles, onSelect, links };

  /** Rows to draw: the window, and the top rows of merged areas reaching into it from above. */
  const rowSet = new Set<number>();
  for (let row = first; row <= last; row++) rowSet.add(row);
  for (const merge of shape.merges) if (merge.top < first && merge.bottom >= first && merge.right >= firstColumn && merge.left <= lastColumn) rowSet.add(merge.top);
  const rows = [...rowSet].sort((a, b) => a - b);

  return (
    <div className={styles.root}>
      <div
        className={styles.scroller}
        ref={scroller}
        onScroll={onScroll}
        role="grid"
        aria-readonly="true"
        aria-rowcount={shape.rows + 1}
        aria-colcount={cols.left.length + 1}
        aria-label={`${sheet.name}`}
        data-sheet={sheet.name}
        data-rows={shape.rows}
        tabIndex={0}
      >
        <div className={styles.sizer} style={{ width: `${HEAD_W + cols.total}px`, height: `${HEAD_H + shape.rows * ROW_H}px` }}>
          <ColumnBar drawing={drawing} total={cols.total} />
          {rows.map((row) => (
            <div
              // Rows in the window are keyed by their slot, so scrolling reuses their elements (new text and
              // position, no new nodes); the top rows of merged areas above the window keep keys of their own.
              key={row >= first ? `w${row % 256}` : `m${row}`}
              role="row"
              aria-rowindex={row + 2}
              className={styles.row}
              style={{ top: `${HEAD_H + row * ROW_H}px`, width: `${HEAD_W + cols.total}px` }}
              data-row={row + 1}
            >
              <span role="rowheader" className={mergeClasses(styles.rowHead, !!selection && row >= selection.top && row <= selection.bottom && styles.rowHeadSelected)}>
                {row + 1}
              </span>
              {rowCells(drawing, row, first)}
            </div>
          ))}
          {sheet.charts.map((chart, i) => {
            const at = chartCell(chart.position);
            if (!at) return null;
            // A grid holds rows of cells only: the chart sits in a row and cell of its own, over the cells it covers.
            return (
              <div key={i} role="row" style={{ position: 'absolute', zIndex: 2, top: `${HEAD_H + at.row * ROW_H + 4}px`, left: `${HEAD_W + (cols.left[at.col] ?? 0) + 4}px` }}>
                <div role="gridcell">
                  <ChartView fake={fake} chart={chart} />
                </div>
              </div>
            );
          })}
        </div>
      </div>
      <SheetTabs fake={fake} active={sheet} styles={styles} label={sheetsLabel} onActivate={onActivate} />
    </div>
  );
}

/** The name box's text: the selection, when it is on the sheet shown. */
export function selectionText(fake: FakeExcel): string {
  const selection = fake.model.selection;
  if (!selection || selection.sheetId !== fake.model.active?.id) return '';
  const sheet = fake.model.byId(selection.sheetId);
  return sheet ? `${sheet.name}!${areaAddress(selection.area)}` : '';
}
