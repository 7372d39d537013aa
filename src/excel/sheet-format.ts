// A whole sheet from the engine's SheetPlan (the evaluation form), as
// operations: the sheet it replaces rewritten in place (its earlier
// contents taken off; they are kept as data for Revert, sheet-backup.ts),
// or a new sheet added; its cells, then the look the command line's file has — column
// widths, row heights, merged lines, wrapped text aligned to the top, thin
// borders, the rating cells' rules with their messages, how it prints (A4,
// its orientation, one page wide, print titles, header and footer, page
// breaks), frozen rows — and the sheet activated.
//
// Requirement sets: merge and rowHeight ExcelApi 1.2, dataValidation 1.8,
// pageLayout 1.9, the rest 1.1: all within the manifest's 1.13.

import { areaAddress, columnLetter, printSetupOf, type Area, type InputRule, type PrintSetup, type SheetPlan } from '../core';
import { chartOp, widthPoints, writeChanges } from './apply';
import { op, type Op } from './batch';
import { changeOps } from './writes';

/** Excel keeps a validation's title to 32 characters, its prompt to 255 and its error message to 225 ([MS-XLSB] DValStrings; the file writer cuts alike). */
const VALIDATION_TEXT = { title: 32, prompt: 255, error: 225 } as const;

export interface SheetTarget {
  /**
   * The operations that take the earlier contents off the sheet of that
   * name, which stays and is rewritten in place (a user's formulas may
   * point at it: it is never renamed or deleted); null: a new sheet, added.
   */
  clear: Op[] | null;
  /** Where a new sheet goes; null: at the end. */
  position: number | null;
}

/** The sheet to write: the existing one, its contents taken off; or a new one, added. */
export function placeSheetOps(name: string, target: SheetTarget): Op[] {
  if (target.clear) return [...target.clear];
  const { position } = target;
  return [
    op(
      name,
      (batch) => {
        const worksheet = batch.context.workbook.worksheets.add(name);
        if (position !== null) worksheet.position = position;
      },
      { once: true },
    ),
  ];
}

export function widthOps(sheet: string, widths: readonly number[]): Op[] {
  return widths.map((width, i) => {
    const col = columnLetter(i);
    return op(width, (b) => (b.sheet(sheet).getRange(`${col}:${col}`).format.columnWidth = widthPoints(width)));
  });
}

export function freezeOps(sheet: string, rows: number): Op[] {
  return rows > 0 ? [op('freeze', (b) => b.sheet(sheet).freezePanes.freezeRows(rows))] : [];
}

const rangeAt = (worksheet: Excel.Worksheet, a: Area) => worksheet.getRange(areaAddress(a));

/** Row heights, one operation per run of adjacent rows of one height (a roll-up's findings sheet has thousands of rows). */
export function heightOps(sheet: string, heights: readonly { row: number; points: number }[]): Op[] {
  const runs: { first: number; last: number; points: number }[] = [];
  for (const height of [...heights].sort((a, b) => a.row - b.row)) {
    const run = runs[runs.length - 1];
    if (run && run.last === height.row - 1 && run.points === height.points) run.last = height.row;
    else runs.push({ first: height.row, last: height.row, points: height.points });
  }
  return runs.map((run) => op(run, (b) => (b.sheet(sheet).getRange(`${run.first + 1}:${run.last + 1}`).format.rowHeight = run.points)));
}

/**
 * The merged lines, after the sheet is activated and its first cell
 * selected: Range.merge fails with InvalidSelection while the user has a
 * chart selected (OfficeDev/office-js#399), wherever the chart is.
 */
function mergeOps(sheet: string, merges: readonly Area[]): Op[] {
  if (merges.length === 0) return [];
  const selectFirst = op('select', (batch) => {
    const worksheet = batch.sheet(sheet);
    worksheet.activate();
    worksheet.getRange('A1').select();
  });
  return [selectFirst, ...merges.map((m) => op(m, (b) => rangeAt(b.sheet(sheet), m).merge(false)))];
}

/** Wrapped text aligned to the top, as the file writer styles it (areas, and whole columns). */
export function wrapOps(sheet: string, areas: readonly Area[], columns: readonly number[]): Op[] {
  const ranges = [...areas.map(areaAddress), ...columns.map((c) => `${columnLetter(c)}:${columnLetter(c)}`)];
  return ranges.map((address) =>
    op(address, (batch) => {
      const format = batch.sheet(sheet).getRange(address).format;
      format.wrapText = true;
      format.verticalAlignment = 'Top';
    }),
  );
}

/** Thin lines around and inside each area (inside ones only where the area has two rows or columns to draw between). */
function borderOps(sheet: string, areas: readonly Area[]): Op[] {
  return areas.map((area) =>
    op(area, (batch) => {
      const borders = rangeAt(batch.sheet(sheet), area).format.borders;
      const edges: ('EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical')[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
      if (area.bottom > area.top) edges.push('InsideHorizontal');
      if (area.right > area.left) edges.push('InsideVertical');
      for (const edge of edges) {
        const line = borders.getItem(edge);
        line.style = 'Continuous';
        line.weight = 'Thin';
      }
    }),
  );
}

/**
 * A number from min to max (decimal, Between), or one of a list (a rating
 * scale, in a drop-down: another number is warned of, not refused); blanks
 * allowed, the message shown on selecting and on a wrong entry.
 */
function validationOps(sheet: string, inputs: readonly InputRule[]): Op[] {
  return inputs.map((rule) =>
    op(rule, (batch) => {
      const validation = rangeAt(batch.sheet(sheet), rule.area).dataValidation;
      const title = rule.title.slice(0, VALIDATION_TEXT.title);
      validation.rule = rule.list ? { list: { inCellDropDown: true, source: rule.list.join(',') } } : { decimal: { formula1: rule.min, formula2: rule.max, operator: 'Between' } };
      validation.ignoreBlanks = true;
      validation.prompt = { showPrompt: true, title, message: rule.message.slice(0, VALIDATION_TEXT.prompt) };
      validation.errorAlert = { showAlert: true, style: rule.list ? 'Warning' : 'Stop', title, message: rule.message.slice(0, VALIDATION_TEXT.error) };
    }),
  );
}

/**
 * How the sheet prints, as the file writer sets it (src/xlsx/page-setup.ts):
 * A4, the orientation, pages wide and tall (0 tall: as many as it takes),
 * margins, print titles, the print area, header and footer, row breaks.
 */
export function printOps(sheet: string, setup: PrintSetup | undefined): Op[] {
  if (!setup) return [];
  const ops: Op[] = [
    op('page', (batch) => {
      const page = batch.sheet(sheet).pageLayout;
      page.paperSize = 'A4';
      page.orientation = setup.orientation === 'landscape' ? 'Landscape' : 'Portrait';
      page.zoom = { horizontalFitToPages: setup.fitToWidth, verticalFitToPages: setup.fitToHeight };
      const margins = setup.margins;
      page.setPrintMargins('Inches', { left: margins.left, right: margins.right, top: margins.top, bottom: margins.bottom, header: margins.header, footer: margins.footer });
      if (setup.titleRows) page.setPrintTitleRows(`$${setup.titleRows.first + 1}:$${setup.titleRows.last + 1}`);
      if (setup.area) page.setPrintArea(areaAddress(setup.area));
    }),
  ];
  const texts: ['leftHeader' | 'centerHeader' | 'rightHeader' | 'leftFooter' | 'centerFooter' | 'rightFooter', string | undefined][] = [
    ['leftHeader', setup.header?.left],
    ['centerHeader', setup.header?.center],
    ['rightHeader', setup.header?.right],
    ['leftFooter', setup.footer?.left],
    ['centerFooter', setup.footer?.center],
    ['rightFooter', setup.footer?.right],
  ];
  for (const [part, text] of texts) {
    if (text) ops.push(op(part, (b) => (b.sheet(sheet).pageLayout.headersFooters.defaultForAllPages[part] = text)));
  }
  for (const row of setup.rowBreaks ?? []) ops.push(op(row, (b) => void b.sheet(sheet).horizontalPageBreaks.add(`A${row + 1}`)));
  return ops;
}

/** The look of a sheet Compute writes (the summary): wrapped headers and lines, rows as high as their text, how it prints. */
export function summaryLookOps(plan: SheetPlan): Op[] {
  return [...wrapOps(plan.name, plan.wrap ?? [], plan.wrapColumns ?? []), ...heightOps(plan.name, plan.rowHeights ?? []), ...printOps(plan.name, printSetupOf(plan))];
}

/** Every operation that writes the plan's sheet (after placeSheetOps). */
export function sheetContentOps(plan: SheetPlan, notes: boolean): Op[] {
  const name = plan.name;
  return [
    ...changeOps(name, writeChanges(plan.writes, () => false), notes),
    ...widthOps(name, plan.columnWidths),
    ...heightOps(name, plan.rowHeights ?? []),
    ...mergeOps(name, plan.merges ?? []),
    ...wrapOps(name, plan.wrap ?? [], plan.wrapColumns ?? []),
    ...borderOps(name, plan.borders ?? []),
    ...validationOps(name, plan.inputs ?? []),
    ...printOps(name, printSetupOf(plan)),
    ...freezeOps(name, plan.frozenRows),
    ...(plan.chart ? [chartOp(name, plan.chart)] : []),
  ];
}

export function activateOp(sheet: string): Op {
  return op('activate', (b) => b.sheet(sheet).activate());
}

/** The plan's sheet, placed (over the one it replaces) and written. */
export function wholeSheetOps(plan: SheetPlan, target: SheetTarget, notes: boolean): Op[] {
  return [...placeSheetOps(plan.name, target), ...sheetContentOps(plan, notes), activateOp(plan.name)];
}
