// A sheet's notes (Excel.NoteCollection, Excel.Note): adding
// one to a cell, reading, changing and deleting it. A cell holds one note
// (adding a second fails); a protected sheet refuses every change.

import { parseRange } from './addresses';
import { ClientObject, ClientResult, CollectionObject } from './client-object';
import { FakeOfficeError } from './errors';
import type { SheetModel } from './model';
import type { SheetProxy } from './proxies';
import { FakeRange } from './range';
import type { OpResult, RequestContextCore } from './request-context';

/** The cell a note proxy stands for. */
interface NoteTarget {
  sheet: SheetModel;
  row: number;
  column: number;
}

/** Worksheet.notes (ExcelApi 1.18): the sheet's notes, one by cell, a new one. */
export class FakeNoteCollection extends CollectionObject<FakeNote> {
  constructor(
    context: RequestContextCore,
    private readonly sheet: SheetProxy,
  ) {
    super(context);
  }

  /** The sheet's notes, row by row (load('items/content'); each one's cell through getLocation()). */
  protected make(): FakeNote[] {
    this.check();
    const sheet = this.sheet.live<SheetModel>();
    return [...sheet.cells.entries()]
      .filter(([, cell]) => cell.note !== null)
      .sort((first, second) => first[0] - second[0])
      .map(([key]) => {
        const note = new FakeNote(this.context, this.sheet);
        note.target = { sheet, row: Math.floor(key / 16384), column: key % 16384 } satisfies NoteTarget;
        note.synced = true;
        return note;
      });
  }

  private check(): void {
    this.fake.requireApi('Worksheet.notes');
  }

  private at(address: string): NoteTarget {
    const area = parseRange(address);
    if (area.top !== area.bottom || area.left !== area.right) throw new FakeOfficeError('InvalidCellAddress', `${address} is not a single cell`);
    return { sheet: this.sheet.live<SheetModel>() as SheetModel, row: area.top, column: area.left };
  }

  add(cellAddress: string, content: string): FakeNote {
    return this.context.create(new FakeNote(this.context, this.sheet), this.wirePath, { type: 3, name: 'add', args: [cellAddress, content] }, () => {
      this.check();
      const place = this.at(cellAddress);
      this.sheet.writable(true);
      if (place.sheet.get(place.row, place.column)?.note != null) throw new FakeOfficeError('InvalidArgument', `${cellAddress} already has a note`);
      place.sheet.edit(place.row, place.column, (cell) => (cell.note = String(content)));
      return place;
    });
  }

  getItem(key: string): FakeNote {
    return this.context.create(new FakeNote(this.context, this.sheet), this.wirePath, { type: 5, name: '', args: [key] }, () => {
      this.check();
      const place = this.at(key);
      if (place.sheet.get(place.row, place.column)?.note == null) throw new FakeOfficeError('ItemNotFound', `No note at ${key}`);
      return place;
    });
  }

  getItemOrNullObject(key: string): FakeNote {
    return this.context.create(new FakeNote(this.context, this.sheet), this.wirePath, { type: 3, name: 'getItemOrNullObject', args: [key], nullable: true }, () => {
      this.check();
      const place = this.at(key);
      return place.sheet.get(place.row, place.column)?.note == null ? null : place;
    });
  }

  getCount(): ClientResult<number> {
    return new ClientResult(this.context, this.wirePath, 'getCount', [], () => {
      this.check();
      return [...this.sheet.live<SheetModel>().cells.values()].filter((cell) => cell.note !== null).length;
    });
  }
}

/** Excel.Note: its content, its cell, deleting it. */
class FakeNote extends ClientObject {
  constructor(
    context: RequestContextCore,
    private readonly sheet: SheetProxy,
  ) {
    super(context);
  }
  get content(): string {
    return this.loadedValue('content');
  }
  set content(value: string) {
    this.setProperty('content', value, () => {
      const place = this.live<NoteTarget>();
      this.sheet.writable(true);
      place.sheet.edit(place.row, place.column, (cell) => (cell.note = String(value)));
    });
  }
  delete(): void {
    this.call('delete', [], () => {
      const place = this.live<NoteTarget>();
      this.sheet.writable(true);
      place.sheet.edit(place.row, place.column, (cell) => (cell.note = null));
    });
  }
  /** The note's cell (ExcelApi 1.18). */
  getLocation(): FakeRange {
    return this.context.create(new FakeRange(this.context, this.sheet), this.wirePath, { type: 3, name: 'getLocation' }, () => {
      const place = this.live<NoteTarget>();
      return { sheet: place.sheet, area: { top: place.row, left: place.column, bottom: place.row, right: place.column } };
    });
  }
  protected read(path: string[]): OpResult {
    const place = this.live<NoteTarget>();
    if (path[0] === 'content') return this.scalar('content', place.sheet.get(place.row, place.column)?.note ?? '');
    throw new FakeOfficeError('InvalidArgument', `Note has no loadable ${path.join('/')}`);
  }
}
