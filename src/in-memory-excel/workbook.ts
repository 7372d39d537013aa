// The workbook (Excel.Workbook) and its structure protection: what a
// batch's context.workbook reaches.

import { ClientObject, propertyObject } from './client-object';
import { FakeOfficeError } from './errors';
import type { OpResult, RequestContextCore } from './request-context';
import { FakeTableCollection } from './tables';
import { FakeWorksheetCollection } from './worksheets';

/** Excel.Workbook, as far as the add-in reaches it: its worksheets, its structure protection, its tables. */
export class FakeWorkbook {
  private worksheetList: FakeWorksheetCollection | null = null;
  private protectionObject: FakeWorkbookProtection | null = null;
  private tableList: FakeTableCollection | null = null;
  constructor(readonly context: RequestContextCore) {}
  get worksheets(): FakeWorksheetCollection {
    this.worksheetList ??= propertyObject(new FakeWorksheetCollection(this.context), this.context.rootPath, 'worksheets');
    return this.worksheetList;
  }
  get protection(): FakeWorkbookProtection {
    this.protectionObject ??= propertyObject(new FakeWorkbookProtection(this.context), this.context.rootPath, 'protection');
    return this.protectionObject;
  }
  get tables(): FakeTableCollection {
    this.tableList ??= propertyObject(new FakeTableCollection(this.context, null), this.context.rootPath, 'tables');
    return this.tableList;
  }
}

/** Workbook.protection (ExcelApi 1.7): read-only here; a protected structure refuses new sheets, renames and deletes. */
class FakeWorkbookProtection extends ClientObject {
  get protected(): boolean {
    return this.loadedValue('protected');
  }
  protected read(path: string[]): OpResult {
    this.fake.requireApi('Workbook.protection');
    if (path[0] !== 'protected') throw new FakeOfficeError('InvalidArgument', `WorkbookProtection has no ${path.join('/')}`);
    return this.scalar('protected', this.fake.model.protected_);
  }
}
