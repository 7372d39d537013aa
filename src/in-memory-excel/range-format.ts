// A range's format (Excel.RangeFormat): fill, font, borders, vertical
// alignment, wrapped text, column widths and row heights. Every setting is a
// write to the range's cells: a protected sheet refuses it. The values Excel
// accepts (border styles and weights, alignments, row heights up to 409
// points) are checked by format.ts, each rule with its source.

import { notLoaded } from './errors';
import { checkVerticalAlignment, setBorder, setRowHeight } from './format';
import type { FakeCell, SheetModel } from './model';
import type { RangeProxy } from './proxies';
import type { Steps } from './request-context';
import { WirePath } from './wire';

/** Range.format: fill, font, borders, alignment, wrapping, column widths and row heights. */
export class FakeRangeFormat {
  private fillObject: { color: string; clear(): void } | null = null;
  private fontObject: { bold: boolean } | null = null;
  private bordersObject: { getItem(index: string): { style: string; weight: string } } | null = null;
  constructor(
    private readonly range: RangeProxy,
    /** The format's own object path (Range.format). */
    private readonly path: WirePath,
  ) {}

  /** Every cell of the range, a row at a time (the page's sliced syncs let other work in between). */
  private *each(visit: (sheet: SheetModel, row: number, column: number) => void): Steps {
    const { sheet, area } = this.range.rangeTarget();
    this.range.worksheet.writable(true);
    for (let row = area.top; row <= area.bottom; row++) {
      for (let column = area.left; column <= area.right; column++) visit(sheet, row, column);
      yield row;
    }
  }

  get fill(): { color: string; clear(): void } {
    if (this.fillObject) return this.fillObject;
    const context = this.range.context;
    const path = context.property(this.path, 'fill');
    const each = this.each.bind(this);
    this.fillObject = {
      get color(): string {
        throw notLoaded('color');
      },
      set color(value: string) {
        context.act(path, 4, 'color', { args: [value] }, () => each((sheet, row, column) => sheet.edit(row, column, (cell) => (cell.fill = value.toUpperCase()))));
      },
      clear: () => context.act(path, 3, 'clear', { args: [] }, () => each((sheet, row, column) => sheet.edit(row, column, (cell) => (cell.fill = null)))),
    };
    return this.fillObject;
  }

  get font(): { bold: boolean } {
    if (this.fontObject) return this.fontObject;
    const context = this.range.context;
    const path = context.property(this.path, 'font');
    const each = this.each.bind(this);
    this.fontObject = {
      get bold(): boolean {
        throw notLoaded('bold');
      },
      set bold(value: boolean) {
        context.act(path, 4, 'bold', { args: [value] }, () => each((sheet, row, column) => sheet.edit(row, column, (cell) => (cell.b = value))));
      },
    };
    return this.fontObject;
  }

  set columnWidth(points: number) {
    const range = this.range;
    range.context.act(this.path, 4, 'columnWidth', { args: [points] }, () => {
      range.context.fake.requireApi('RangeFormat.columnWidth');
      const { sheet, area } = range.rangeTarget();
      range.worksheet.writable(true);
      for (let column = area.left; column <= area.right; column++) sheet.widths.set(column, points);
    });
  }
  get columnWidth(): number {
    throw notLoaded('columnWidth');
  }

  /** A cell format set on every cell of the range (a protected sheet refuses it). */
  private cells(name: string, value: unknown, check: () => void, apply: (cell: FakeCell) => void): void {
    const range = this.range;
    range.context.act(this.path, 4, name, { args: [value] }, () => {
      check();
      const { sheet, area } = range.rangeTarget();
      range.worksheet.writable(true);
      for (let row = area.top; row <= area.bottom; row++) for (let column = area.left; column <= area.right; column++) sheet.edit(row, column, apply);
    });
  }

  set wrapText(value: boolean) {
    this.cells('wrapText', value, () => undefined, (cell) => (cell.wrap = value === true));
  }
  get wrapText(): boolean {
    throw notLoaded('wrapText');
  }

  set verticalAlignment(value: string) {
    this.cells('verticalAlignment', value, () => checkVerticalAlignment(value), (cell) => (cell.vAlign = value === 'Bottom' ? null : value));
  }
  get verticalAlignment(): string {
    throw notLoaded('verticalAlignment');
  }

  set rowHeight(points: number) {
    const range = this.range;
    range.context.act(this.path, 4, 'rowHeight', { args: [points] }, () => {
      range.context.fake.requireApi('RangeFormat.rowHeight');
      const { sheet, area } = range.rangeTarget();
      range.worksheet.writable(true);
      setRowHeight(sheet, area, points);
    });
  }
  get rowHeight(): number {
    throw notLoaded('rowHeight');
  }

  get borders(): { getItem(index: string): { style: string; weight: string } } {
    if (this.bordersObject) return this.bordersObject;
    const range = this.range;
    const context = range.context;
    const bordersPath = context.property(this.path, 'borders');
    const border = (path: WirePath, index: string, prop: 'style' | 'weight', value: string) =>
      context.act(path, 4, prop, { args: [value] }, () => {
        const { sheet, area } = range.rangeTarget();
        range.worksheet.writable(true);
        return setBorder(sheet, area, index, prop, value);
      });
    this.bordersObject = {
      // An indexer: each getItem is an object path of its own.
      getItem: (index: string) => {
        const path = new WirePath(context.ids, 5, '', bordersPath, [index]);
        context.wire.ensure(path);
        return {
          get style(): string {
            throw notLoaded('style');
          },
          set style(value: string) {
            border(path, index, 'style', value);
          },
          get weight(): string {
            throw notLoaded('weight');
          },
          set weight(value: string) {
            border(path, index, 'weight', value);
          },
        };
      },
    };
    return this.bordersObject;
  }
}
