// What the page's worker (book-handlers.ts) answers the page (book.ts): an
// opened workbook's sheets, and the roll-up's file. Both sides take these
// types from here, so neither imports the other.

import type { Sheet } from '../core';
import type { RollupLook } from './rollup-look';

interface OpenedSheet {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  protected: boolean;
  sheet: Sheet;
}

export interface OpenedBook {
  /** The worksheets in tab order (chart sheets are not shown). */
  sheets: OpenedSheet[];
  workbookProtected: boolean;
  macroEnabled: boolean;
}

/** What the page's roll-up gets back: the file's bytes and how it looks (for the sheet view), none when no file could be read. */
export interface RollupFileAnswer {
  read: number;
  notRead: { file: string; reason: { mn: string; en: string } }[];
  rows: number;
  bytes: Uint8Array | null;
  look: RollupLook | null;
}
