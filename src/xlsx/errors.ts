// The one error the package reader and writer throw for a file they refuse,
// and the limits they refuse it by.

import type { Localized } from '../core';
import { XLSX_TEXT, type XlsxErrorCode } from '../i18n/xlsx';

export type { XlsxErrorCode };

/** A refused or unreadable file: `code` for machines, `text` one line in both languages. */
export class XlsxError extends Error {
  readonly code: XlsxErrorCode;
  readonly text: Localized;
  /** The part concerned, or a detail ("xl/worksheets/sheet1.xml: …"), kept out of `text`'s sentence. */
  readonly detail?: string;
  constructor(code: XlsxErrorCode, detail?: string) {
    const base = XLSX_TEXT[code];
    const text = detail ? { mn: `${base.mn} (${detail})`, en: `${base.en} (${detail})` } : base;
    super(text.en);
    this.name = 'XlsxError';
    this.code = code;
    this.text = text;
    this.detail = detail;
  }
}

/**
 * What the reader accepts. Sizes are of the parts it inflates (the XML it
 * parses); parts it keeps for the writer are never inflated. A part is
 * refused on its declared size before inflating and on its actual size while
 * inflating (the bytes are counted as they come out, so a lying header
 * costs at most one chunk).
 */
export interface Limits {
  /** Most bytes one inflated part may hold. */
  maxPartBytes: number;
  /** Most bytes all inflated parts together may hold. */
  maxTotalBytes: number;
  /**
   * Most output bytes per compressed byte, once a part has produced
   * `ratioFloorBytes`: real XML deflates 5–30 times, but a large, regular
   * sheet 250 times (a real 57 MB sheet did); a run of zeros deflates 1,000
   * times. So the ratio only stops a part early once it is large in absolute
   * terms (64 MB); `maxPartBytes` bounds every part whatever its ratio.
   */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Most entries in the zip's central directory. */
  maxEntries: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxPartBytes: 200 * 1024 * 1024,
  maxTotalBytes: 400 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 64 * 1024 * 1024,
  maxEntries: 20000,
};
