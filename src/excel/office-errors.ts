// A failure in the user's words. The adapter's own problems are AddinErrors
// that already speak both languages; what Excel itself raises carries an
// English office-js message ("The argument is invalid or missing or has an
// incorrect format.") that means little inside a Mongolian sentence. Known
// error codes (Excel.ErrorCodes, OfficeExtension.ErrorCodes) become a plain
// sentence saying what to do; Excel's own text is kept as the detail, which
// the pane and the ribbon's dialog show only under "Дэлгэрэнгүй".

import type { Localized } from '../core';
import { EXCEL_TEXT as T } from '../i18n/excel';
import { AddinError } from './types';

export interface FailureText {
  /** The AddinError's code, Excel's error code, or "unexpected". */
  code: string;
  text: Localized;
  /** Excel's (or the runtime's) own text, for "Дэлгэрэнгүй"; null for an AddinError. */
  detail: string | null;
}

/** Excel.ErrorCodes (and OfficeExtension's) by what the user can do about them. */
const WORDS_BY_CODE: Record<string, Localized> = {
  AccessDenied: T.officeAccessDenied,
  ApiNotFound: T.officeApiNotFound,
  RequestPayloadSizeLimitExceeded: T.officeTooLarge,
  ResponsePayloadSizeLimitExceeded: T.officeTooLarge,
  ActivityLimitReached: T.officeBusy,
  ServiceNotAvailable: T.officeBusy,
  RequestAborted: T.officeBusy,
  Timeout: T.officeBusy,
  Unauthenticated: T.officeBusy,
  InvalidOrTimedOutSession: T.officeBusy,
  InvalidOperationInCellEditMode: T.officeCellEdit,
  InvalidSelection: T.officeSelection,
  ItemNotFound: T.officeChanged,
  ItemAlreadyExists: T.officeChanged,
  InvalidReference: T.officeChanged,
  InvalidOperation: T.officeRefused,
  InvalidArgument: T.officeRefused,
  InvalidBinding: T.officeRefused,
  UnsupportedOperation: T.officeRefused,
  UnsupportedSheet: T.officeRefused,
  NotImplemented: T.officeRefused,
  InsertDeleteConflict: T.officeRefused,
  MergedRangeConflict: T.officeRefused,
  RangeExceedsLimit: T.officeRefused,
  FilteredRangeConflict: T.officeRefused,
  NonBlankCellOffSheet: T.officeRefused,
  FormulaLengthExceedsLimit: T.officeRefused,
  GeneralException: T.officeGeneral,
};

function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code !== '' ? code : null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const withPartly = (words: Localized): Localized => ({ mn: words.mn + T.partlyWritten.mn, en: words.en + T.partlyWritten.en });

/** What to tell the user about a failure, in both languages, with Excel's own words apart. */
export function describeFailure(error: unknown): FailureText {
  if (error instanceof AddinError) return { code: error.code, text: error.text, detail: null };
  const code = codeOf(error);
  const message = messageOf(error);
  const detail = code && !message.includes(code) ? `${code}: ${message}` : message;
  const words = code ? WORDS_BY_CODE[code] : undefined;
  return { code: words ? code! : 'unexpected', text: withPartly(words ?? T.unexpected), detail };
}
