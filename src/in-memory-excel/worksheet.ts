// A worksheet (Excel.Worksheet): its name, visibility, position and
// protection, its ranges, frozen rows, notes, charts, tables and page
// layout, and the rules Excel holds a sheet to:
//
// - writing to a protected sheet, or changing the structure of a protected
//   workbook (renaming, deleting, moving a sheet), fails with AccessDenied
//   (writable());
// - a workbook keeps at least one visible sheet: hiding or deleting the last
//   one fails with InvalidOperation; a hidden sheet cannot be activated;
// - Worksheet.delete on a VeryHidden sheet fails with InvalidOperation (its
//   doc comment: "if the worksheet's visibility is set to "VeryHidden", the
//   delete operation will fail with an InvalidOperation exception");
// - a sheet's name follows Excel's rules (format.ts, checkSheetName), and
//   renaming a sheet rewrites the formulas that point at it (model.ts);
// - every member above ExcelApi 1.1 is gated by its requirement set (api.ts).

import { MAX_COLS, MAX_ROWS, parseRange } from './addresses';
import { FakeChartCollection } from './charts';
import { ClientObject, propertyObject } from './client-object';
import { FakeOfficeError } from './errors';
import { checkSheetName } from './format';
import { STANDARD_HEIGHT_POINTS, type SheetModel, type Visibility } from './model';
import { FakeNoteCollection } from './notes';
import { FakePageBreaks, FakePageLayout, type PageHost } from './page-layout';
import { FakeRange, FakeRangeAreas } from './range';
import type { OpResult, RequestContextCore } from './request-context';
import { FakeTableCollection } from './tables';
import type { WirePath } from './wire';

/** Worksheet.protection (ExcelApi 1.2): read-only here. */
class FakeWorksheetProtection extends ClientObject {
  constructor(
    context: RequestContextCore,
    private readonly sheet: FakeWorksheet,
  ) {
    super(context);
  }
  get protected(): boolean {
    return this.loadedValue('protected');
  }
  protected read(path: string[]): OpResult {
    this.fake.requireApi('Worksheet.protection');
    if (path[0] !== 'protected') throw new FakeOfficeError('InvalidArgument', `WorksheetProtection has no ${path.join('/')}`);
    const sheet = this.sheet.target as SheetModel | null;
    return this.scalar('protected', sheet ? sheet.protected_ : null);
  }
}

/** Excel.Worksheet: a sheet by its proxy; the model (SheetModel) is its target once the sync resolves it. */
export class FakeWorksheet extends ClientObject {
  private protectionObject: FakeWorksheetProtection | null = null;
  private noteList: FakeNoteCollection | null = null;
  private chartList: FakeChartCollection | null = null;
  private tableList: FakeTableCollection | null = null;
  private freezePath: WirePath | null = null;
  private layout: FakePageLayout | null = null;
  private breaks: FakePageBreaks | null = null;

  get name(): string {
    return this.loadedValue('name');
  }
  set name(value: string) {
    this.setProperty('name', value, () => {
      const sheet = this.writable(false);
      checkSheetName(value);
      const other = this.fake.model.byName(value);
      if (other && other !== sheet) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${value} exists.`);
      this.fake.model.rename(sheet, value);
    });
  }
  get visibility(): Visibility {
    return this.loadedValue('visibility');
  }
  set visibility(value: Visibility) {
    this.setProperty('visibility', value, () => {
      this.fake.requireApi('Worksheet.visibility (set)');
      const sheet = this.live<SheetModel>();
      if (value !== 'Visible' && this.fake.model.sheets.filter((other) => other.visibility === 'Visible' && other !== sheet).length === 0) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must have at least one visible sheet.');
      }
      sheet.visibility = value;
      if (value !== 'Visible' && this.fake.model.activeId === sheet.id) this.fake.model.activeId = this.fake.model.sheets.find((other) => other.visibility === 'Visible')!.id;
    });
  }
  get position(): number {
    return this.loadedValue('position');
  }
  get standardHeight(): number {
    return this.loadedValue('standardHeight');
  }
  set position(value: number) {
    this.setProperty('position', value, () => {
      const sheet = this.live<SheetModel>();
      const list = this.fake.model.sheets.filter((other) => other !== sheet);
      list.splice(Math.max(0, Math.min(value, list.length)), 0, sheet);
      this.fake.model.sheets = list;
    });
  }

  get freezePanes(): { freezeRows(count: number): void; unfreeze(): void; getLocationOrNullObject(): FakeRange } {
    this.freezePath ??= this.context.property(this.wirePath, 'freezePanes');
    const path = this.freezePath;
    return {
      // The frozen rows as a range ("1:5"), a null object when nothing is frozen (ExcelApi 1.7).
      getLocationOrNullObject: () =>
        this.context.create(new FakeRange(this.context, this), path, { type: 3, name: 'getLocationOrNullObject', nullable: true }, () => {
          this.fake.requireApi('Worksheet.freezePanes');
          const sheet = this.live<SheetModel>();
          return sheet.frozenRows > 0 ? { sheet: sheet, area: { top: 0, left: 0, bottom: sheet.frozenRows - 1, right: MAX_COLS - 1 } } : null;
        }),
      freezeRows: (count: number) =>
        this.context.act(path, 3, 'freezeRows', { args: [count] }, () => {
          this.fake.requireApi('Worksheet.freezePanes');
          this.live<SheetModel>().frozenRows = count;
        }),
      unfreeze: () =>
        this.context.act(path, 3, 'unfreeze', { args: [] }, () => {
          this.fake.requireApi('Worksheet.freezePanes');
          this.live<SheetModel>().frozenRows = 0;
        }),
    };
  }

  get protection(): FakeWorksheetProtection {
    this.protectionObject ??= propertyObject(new FakeWorksheetProtection(this.context, this), this.wirePath, 'protection');
    return this.protectionObject;
  }

  get notes(): FakeNoteCollection {
    this.noteList ??= propertyObject(new FakeNoteCollection(this.context, this), this.wirePath, 'notes');
    return this.noteList;
  }

  get charts(): FakeChartCollection {
    this.chartList ??= propertyObject(new FakeChartCollection(this.context, this), this.wirePath, 'charts');
    return this.chartList;
  }

  get tables(): FakeTableCollection {
    this.tableList ??= propertyObject(new FakeTableCollection(this.context, this), this.wirePath, 'tables');
    return this.tableList;
  }

  get pageLayout(): FakePageLayout {
    this.layout ??= new FakePageLayout(this.pageHost(), this.context.property(this.wirePath, 'pageLayout'));
    return this.layout;
  }

  get horizontalPageBreaks(): FakePageBreaks {
    this.breaks ??= new FakePageBreaks(this.pageHost(), this.context.property(this.wirePath, 'horizontalPageBreaks'));
    return this.breaks;
  }

  /** What its page layout and page breaks need of this proxy (page-layout.ts imports nothing of this file). */
  private pageHost(): PageHost {
    const sheet = () => this.live<SheetModel>();
    return {
      context: this.context,
      requireApi: (member) => this.fake.requireApi(member),
      sheet,
      parse: parseRange,
      rangeOf: (range) => {
        if (!(range instanceof FakeRange)) throw new FakeOfficeError('InvalidArgument', 'A Range or an address is expected.');
        return range.rangeTarget();
      },
      range: (parent, made, resolve) =>
        this.context.create(new FakeRange(this.context, this), parent, made, () => {
          const area = resolve();
          return area ? { sheet: sheet(), area } : null;
        }),
      areas: (parent, made, resolve) =>
        this.context.create(new FakeRangeAreas(this.context, this), parent, made, () => {
          const areas = resolve();
          return areas ? { sheet: sheet(), areas } : null;
        }),
    };
  }

  /** The sheet model, checked for protection when the change needs it. */
  writable(cells: boolean): SheetModel {
    const sheet = this.live<SheetModel>();
    if (cells && sheet.protected_) throw new FakeOfficeError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`);
    if (!cells && this.fake.model.protected_) throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected.');
    return sheet;
  }

  protected read(path: string[]): OpResult {
    const sheet = this.live<SheetModel>();
    switch (path[0]) {
      case 'name':
        return this.scalar('name', sheet.name);
      case 'visibility':
        return this.scalar('visibility', sheet.visibility);
      case 'position':
        return this.scalar('position', this.fake.model.sheets.indexOf(sheet));
      case 'id':
        return this.scalar('id', `{${sheet.id}}`);
      case 'standardHeight':
        this.fake.requireApi('Worksheet.standardHeight');
        return this.scalar('standardHeight', STANDARD_HEIGHT_POINTS);
      default:
        throw new FakeOfficeError('InvalidArgument', `Worksheet has no loadable ${path.join('/')}`);
    }
  }

  activate(): void {
    this.call('activate', [], () => {
      const sheet = this.live<SheetModel>();
      if (sheet.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'A hidden sheet cannot be activated.');
      this.fake.model.activeId = sheet.id;
      // The selection is now this sheet's cells: a chart selected on another sheet no longer is.
      if (this.fake.model.selectedChartSheet !== sheet) this.fake.model.selectedChartSheet = null;
    });
  }

  delete(): void {
    this.call('delete', [], () => {
      const sheet = this.writable(false);
      if (sheet.visibility === 'VeryHidden') {
        throw new FakeOfficeError('InvalidOperation', `The sheet ${sheet.name} is very hidden: make it hidden or visible before deleting it.`);
      }
      if (this.fake.model.sheets.filter((other) => other.visibility === 'Visible' && other !== sheet).length === 0) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must have at least one visible sheet.');
      }
      this.fake.model.remove(sheet);
    });
  }

  getRange(address?: string): FakeRange {
    return this.context.create(new FakeRange(this.context, this), this.wirePath, { type: 3, name: 'getRange', args: [address ?? null] }, () => {
      const sheet = this.live<SheetModel>();
      return { sheet: sheet, area: address ? parseRange(address) : { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 } };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return this.context.create(new FakeRange(this.context, this), this.wirePath, { type: 3, name: 'getRangeByIndexes', args: [startRow, startColumn, rowCount, columnCount] }, () => {
      this.fake.requireApi('Worksheet.getRangeByIndexes');
      if (rowCount < 1 || columnCount < 1) throw new FakeOfficeError('InvalidArgument', 'Empty range');
      return { sheet: this.live<SheetModel>(), area: { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 } };
    });
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return this.context.create(new FakeRange(this.context, this), this.wirePath, { type: 3, name: 'getUsedRange', args: [valuesOnly] }, () => {
      if (valuesOnly) this.fake.requireApi('Worksheet.getUsedRange(valuesOnly)');
      const sheet = this.live<SheetModel>();
      return { sheet: sheet, area: sheet.used(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this.context.create(new FakeRange(this.context, this), this.wirePath, { type: 3, name: 'getUsedRangeOrNullObject', args: [valuesOnly], nullable: true }, () => {
      this.fake.requireApi('Worksheet.getUsedRangeOrNullObject');
      const sheet = this.live<SheetModel>();
      const used = sheet.used(valuesOnly);
      return used ? { sheet: sheet, area: used } : null;
    });
  }
}
