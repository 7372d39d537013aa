// The words and column declarations of the year's cycle forms (the report
// form made from a plan, next year's plan made from a report), given by the
// host (src/i18n/cycle-forms.ts) like the other sheet words, and what the
// planners return.

import type { Localized } from './types';

/** Every column the cycle forms can hold: the roles carried from the source, and the forms' own columns. */
export type FormColumnKey =
  | 'index'
  | 'goal'
  | 'action'
  | 'budget'
  | 'indicator'
  | 'baseline'
  | 'target'
  | 'achieved'
  | 'percent'
  | 'period'
  | 'responsible'
  | 'points'
  /** Next year's plan: this year's target, kept beside the new one until the planner deletes it. */
  | 'previousTarget'
  /** Next year's plan: "Үргэлжлүүлэх (70%)" for items to carry over. */
  | 'note'
  /** A source column with no role (text a paste left beside the table). */
  | 'other';

/** A column as a form declares it, once: its key, width (characters), header (the form's words) and number format. */
export interface FormColumn {
  key: FormColumnKey;
  width: number;
  header: Localized;
  format?: string;
}

/**
 * The fixed words of the cycle forms. The forms are official Mongolian
 * documents read back by the recogniser, so the Mongolian text is what is
 * written whatever the user's language (as the annex 8 form); the English
 * says what each means.
 */
export interface CycleFormWords {
  /** Each column's declaration: width, the header a new column gets (and a carried one when its source header is empty), format. */
  columns: Record<FormColumnKey, FormColumn>;
  /** The report form's sheet, and next year's plan's ("{year}" filled, or left out when no year is known). */
  reportSheetName: string;
  planSheetName: string;
  planSheetNameNoYear: string;
  /** The title's word for a plan and for a report, in lower case, in each case ending a title uses ("төлөвлөгөөний" ↔ "тайлангийн"); written in the title's own case. */
  titleWords: readonly { plan: string; report: string }[];
  /** A line added when the title has no such word. */
  reportTitleLine: string;
  planTitleLine: string;
  /** The report form's period line when none is given: "{year} оны жилийн эцсийн байдлаар", or without a year. */
  periodDefault: string;
  periodDefaultNoYear: string;
  /** Next year's plan: the year line added when the title names none ("{year} он"). */
  planYearLine: string;
  /** The stated average row's label, under each table of the report form. */
  averageLabel: string;
  /** The note on the percent column's header, explaining the scale ({scale}, {done}). */
  percentNote: string;
  /** The input rule of the percent cells: its title and message ({scale}). */
  percentInputTitle: string;
  percentInputMessage: string;
  /** The report form's signature block (ТАЙЛАГНАСАН / ХЯНАСАН with empty name lines). */
  signature: readonly string[];
  /** Next year's plan, the note column: an item to carry over, rated ({rating}) or not. */
  carryOver: string;
  carryOverUnrated: string;
  /** The printed pages' footer: "Хуудас &P / &N" (Excel's page-number codes). */
  pageNumbers: string;
}
