// The workbook's worksheets (Excel.WorksheetCollection): every sheet, one
// by name, the active one, and adding one.
//
// - adding a sheet to a protected workbook fails with AccessDenied; a new
//   sheet's name follows Excel's rules (format.ts, checkSheetName) and must
//   be free (ItemAlreadyExists).

import { ClientResult, CollectionObject } from './client-object';
import { FakeOfficeError } from './errors';
import { checkSheetName } from './format';
import { FakeWorksheet } from './worksheet';

/** Workbook.worksheets: the sheets in order, by name, the active one, and a new one. */
export class FakeWorksheetCollection extends CollectionObject<FakeWorksheet> {
  protected make(): FakeWorksheet[] {
    return this.fake.model.sheets.map((sheet) => {
      const worksheet = new FakeWorksheet(this.context);
      worksheet.target = sheet;
      worksheet.synced = true;
      return worksheet;
    });
  }

  getActiveWorksheet(): FakeWorksheet {
    return this.context.create(new FakeWorksheet(this.context), this.wirePath, { type: 3, name: 'getActiveWorksheet' }, () => this.fake.model.active);
  }

  getItem(name: string): FakeWorksheet {
    return this.context.create(new FakeWorksheet(this.context), this.wirePath, { type: 5, name: '', args: [name] }, () => {
      const sheet = this.fake.model.byName(name);
      if (!sheet) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist: sheet ${name}`);
      return sheet;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return this.context.create(new FakeWorksheet(this.context), this.wirePath, { type: 3, name: 'getItemOrNullObject', args: [name], nullable: true }, () => {
      this.fake.requireApi('WorksheetCollection.getItemOrNullObject');
      return this.fake.model.byName(name) ?? null;
    });
  }

  add(name: string): FakeWorksheet {
    return this.context.create(new FakeWorksheet(this.context), this.wirePath, { type: 3, name: 'add', args: [name] }, () => {
      const model = this.fake.model;
      if (model.protected_) throw new FakeOfficeError('AccessDenied', 'The workbook structure is protected.');
      checkSheetName(name);
      if (model.byName(name)) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${name} exists.`);
      return model.addSheet(name);
    });
  }

  getCount(): ClientResult<number> {
    return new ClientResult(this.context, this.wirePath, 'getCount', [], () => this.fake.model.sheets.length);
  }
}
