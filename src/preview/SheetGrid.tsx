// The fake workbook's active sheet as a read-only grid: values as Excel would
// show them, merged areas, the add-in's fills and notes (notes as tooltips
// and a corner mark), the selected cell, and the sheet tabs (clicking one
// activates that sheet, as a user would in Excel).

import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { areaAddress, cellAddress, columnLetter, type Area } from '../core';
import type { FakeExcel } from '../fake/excel';
import { displayValue } from './format';

/** Enough of a large sheet to look at; the samples are far smaller. */
const MAX_ROWS = 400;
const MAX_COLS = 40;
const COL_WIDTH = 104;
const HEAD_WIDTH = 40;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: 0, flexGrow: 1 },
  scroller: {
    flexGrow: 1,
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  table: {
    borderCollapse: 'separate',
    borderSpacing: 0,
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyBase,
    tableLayout: 'fixed',
  },
  corner: { position: 'sticky', top: 0, left: 0, zIndex: 3, backgroundColor: tokens.colorNeutralBackground3 },
  colHead: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    textAlign: 'center',
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  cell: {
    position: 'relative',
    padding: '2px 4px',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    verticalAlign: 'top',
    color: tokens.colorNeutralForeground1,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
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
  },
  activeTab: {
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorPaletteGreenForeground2,
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `2px solid ${tokens.colorPaletteGreenBorder2}`,
  },
});

interface Span {
  hidden: boolean;
  area: Area;
}

/** The merged area a cell belongs to (hidden unless it is the area's top-left), or the cell alone. */
function spanOf(merges: Area[], r: number, c: number): Span {
  for (const m of merges) {
    if (r < m.top || r > m.bottom || c < m.left || c > m.right) continue;
    return { hidden: !(r === m.top && c === m.left), area: m };
  }
  return { hidden: false, area: { top: r, left: c, bottom: r, right: c } };
}

export interface SheetGridProps {
  fake: FakeExcel;
  /** Changes whenever the fake may have changed (re-renders the grid). */
  version: number;
  onActivate: (sheetName: string) => void;
}

export function SheetGrid({ fake, version, onActivate }: SheetGridProps) {
  const styles = useStyles();
  const model = fake.model;
  const sheet = model.active;
  const selection = model.selection && model.selection.sheetId === sheet?.id ? model.selection.area : null;
  const scroller = useRef<HTMLDivElement>(null);

  // Bring the selected cell into view, as Excel does.
  useEffect(() => {
    if (!selection || !scroller.current) return;
    // Scroll the grid only (scrollIntoView would scroll the page and the pane too).
    const box = scroller.current;
    const el = box.querySelector<HTMLElement>('[data-selected="true"]');
    if (!el) return;
    const cellTop = el.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    const cellLeft = el.getBoundingClientRect().left - box.getBoundingClientRect().left + box.scrollLeft;
    box.scrollTop = Math.max(0, cellTop - box.clientHeight / 2);
    if (cellLeft < box.scrollLeft || cellLeft + el.offsetWidth > box.scrollLeft + box.clientWidth) box.scrollLeft = Math.max(0, cellLeft - 60);
  }, [version, selection?.top, selection?.left, sheet?.id]);

  if (!sheet) return null;
  const used = sheet.used(false) ?? { top: 0, left: 0, bottom: 0, right: 0 };
  const lastRow = Math.min(Math.max(used.bottom, selection?.bottom ?? 0), MAX_ROWS - 1);
  const lastCol = Math.min(Math.max(used.right, selection?.right ?? 0), MAX_COLS - 1);
  // A selection inside a merged area shows on the whole area, as in Excel.
  const inSelection = (a: Area) =>
    !!selection && a.top <= selection.bottom && selection.top <= a.bottom && a.left <= selection.right && selection.left <= a.right;

  const cols = Array.from({ length: lastCol + 1 }, (_, c) => c);
  const rows = Array.from({ length: lastRow + 1 }, (_, r) => r);
  return (
    <div className={styles.root}>
      <div className={styles.scroller} ref={scroller}>
        <table
          className={styles.table}
          style={{ width: `${HEAD_WIDTH + cols.length * COL_WIDTH}px` }}
          data-sheet={sheet.name}
          aria-label={`${sheet.name} (read-only)`}
        >
          <colgroup>
            <col style={{ width: `${HEAD_WIDTH}px` }} />
            {cols.map((c) => (
              <col key={c} style={{ width: `${COL_WIDTH}px` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className={styles.corner} />
              {cols.map((c) => (
                <th key={c} scope="col" className={styles.colHead}>
                  {columnLetter(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r}>
                <th scope="row" className={styles.rowHead}>
                  {r + 1}
                </th>
                {cols.map((c) => {
                  const span = spanOf(sheet.merges, r, c);
                  if (span.hidden) return null;
                  const cell = sheet.get(r, c);
                  const value = model.value(sheet, r, c);
                  const text = displayValue(value, cell?.n ?? 'General');
                  const addr = cellAddress(r, c);
                  const selected = inSelection(span.area);
                  const rowSpan = span.area.bottom - span.area.top + 1;
                  const colSpan = span.area.right - span.area.left + 1;
                  return (
                    <td
                      key={c}
                      rowSpan={rowSpan > 1 ? rowSpan : undefined}
                      colSpan={colSpan > 1 ? colSpan : undefined}
                      className={mergeClasses(
                        styles.cell,
                        typeof value === 'number' && styles.number,
                        cell?.b && styles.bold,
                        !!cell?.note && styles.note,
                        selected && styles.selected,
                      )}
                      style={cell?.fill ? { backgroundColor: cell.fill } : undefined}
                      title={cell?.note ? `${addr}: ${cell.note}` : text || undefined}
                      data-addr={addr}
                      data-area={rowSpan > 1 || colSpan > 1 ? areaAddress(span.area) : undefined}
                      data-fill={cell?.fill ?? undefined}
                      data-note={cell?.note ? 'true' : undefined}
                      data-formula={cell?.f ?? undefined}
                      data-selected={selected ? 'true' : undefined}
                      aria-selected={selected || undefined}
                    >
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={styles.tabs} role="tablist" aria-label="Sheets">
        {model.sheets
          .filter((s) => s.visibility === 'Visible')
          .map((s) => (
            <button
              key={s.id}
              type="button"
              role="tab"
              aria-selected={s.id === sheet.id}
              className={mergeClasses(styles.tab, s.id === sheet.id && styles.activeTab)}
              data-sheet-tab={s.name}
              onClick={() => onActivate(s.name)}
            >
              {s.name}
            </button>
          ))}
      </div>
    </div>
  );
}

export function selectionText(fake: FakeExcel): string {
  const sel = fake.model.selection;
  if (!sel) return '';
  const sheet = fake.model.byId(sel.sheetId);
  return sheet ? `${sheet.name}!${areaAddress(sel.area)}` : '';
}
