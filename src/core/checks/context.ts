// What every check family receives: the table as evaluated, the profile,
// its score, where each role's column is, and the reporter.

import type { ItemEval, TableEval } from '../evaluate';
import type { Profile } from '../profiles';
import type { Localized, Role, TableScore } from '../types';
import type { BlankForm } from './blank-forms';
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

/** A section (1–4) or the summary (section 5) of an individual evaluation. */
export type EvaluationRole = 'section' | 'summary';

/** One item row under check, with its name built only when a message needs it. */
export interface ItemCheck {
  item: ItemEval;
  name(): Localized;
}
