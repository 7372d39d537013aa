// What an action reports while it works (its stage, the sheet or file, how far
// it has come): the one type the engine service, the year's cycle and the
// roll-up share, below all of them so none imports back.

/** What is being done, in the order an action does it. */
type Stage =
  /** Reading an .xlsx file (the web page; each file of a roll-up). */
  | 'open'
  /** Reading the sheets from the workbook (Excel, or the page's fake Excel). */
  | 'read'
  /** Recognising, checking and scoring, sheet by sheet. */
  | 'analyze'
  /** Planning Compute's edits and the summary sheet. */
  | 'plan'
  /** Putting Validate's marks on the cells. */
  | 'mark'
  /** Writing the plan into the workbook. */
  | 'write'
  /** Writing the computed copy of the file (the web page). */
  | 'save';

export interface Progress {
  stage: Stage;
  /** The sheet being worked on, when the stage goes sheet by sheet. */
  sheet?: string;
  /** Sheets (or steps) done so far, and how many there are. */
  done?: number;
  total?: number;
}

export type ProgressListener = (progress: Progress) => void;
