// What every check family receives: the table as evaluated, the profile,
// its score, where each role's column is, the reporter, and what a form
// still to be filled leaves out (blank-forms.ts decides it).

import type { ItemEval, TableEval } from '../evaluate';
import type { Profile } from '../profiles';
import type { Localized, Role, TableScore } from '../types';
import type { Reporter } from './report';

export interface CheckContext {
  table: TableEval;
  profile: Profile;
  score: TableScore;
  /** The column holding a role, if the table has one. */
  col(role: Role): number | undefined;
  /** A report (achieved and percent levels are expected), not a plan. */
  isReport: boolean;
  report: Reporter;
  /** A part of an individual evaluation: its percents are not rated on the scale, its figures are checked with the evaluation. */
  part?: EvaluationRole;
  /** A form still to be filled (an empty report, a plan without targets): what its items' findings leave out. */
  blank?: BlankForm;
}

/** What a table still to be filled leaves out of its item findings. */
export interface BlankForm {
  /** A report with no achieved level, no rating and no stray rating anywhere: missing-achieved is not said item by item. */
  results: boolean;
  /** A plan with no target anywhere: one targets-empty for the table instead of missing-target on each item. */
  targets: boolean;
}

/** A section (1–4) or the summary (section 5) of an individual evaluation. */
export type EvaluationRole = 'section' | 'summary';

/** One item row under check, with its name built only when a message needs it. */
export interface ItemCheck {
  item: ItemEval;
  name(): Localized;
}
