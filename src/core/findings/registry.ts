// Every finding code the engine reports, gathered from the check families'
// declarations (one file each, beside this one; the checks are in ../checks).
// The codes are a public contract (people automate on them): add codes,
// never rename one. docs/findings.md and the README's table are generated
// from here (npm run docs:findings); test/core/findings-registry.test.ts
// fails when a code lacks a message, a README row or a test that fires it.

import { BLANK_FORM_FINDINGS } from './blank-forms';
import { EVALUATION_FINDINGS } from './evaluation';
import { ITEM_FINDINGS } from './items';
import { NUMBERING_FINDINGS } from './numbering';
import { PLAN_MATCH_FINDINGS } from './plan-match';
import { PERCENT_FINDINGS } from './percents';
import { POINTS_FINDINGS } from './points';
import { SHEET_FINDINGS } from './sheet';
import { STATED_FINDINGS } from './stated';

export const FINDINGS = {
  ...SHEET_FINDINGS,
  ...ITEM_FINDINGS,
  ...PERCENT_FINDINGS,
  ...POINTS_FINDINGS,
  ...STATED_FINDINGS,
  ...NUMBERING_FINDINGS,
  ...EVALUATION_FINDINGS,
  ...BLANK_FORM_FINDINGS,
  ...PLAN_MATCH_FINDINGS,
};

export type FindingCode = keyof typeof FINDINGS;

/** The message ids a code has ("computable" | "manual" for missing-percent). */
export type MessageId<C extends FindingCode> = keyof (typeof FINDINGS)[C]['messages'] & string;

export const FINDING_CODES = Object.keys(FINDINGS) as FindingCode[];

export function isFindingCode(code: string): code is FindingCode {
  return Object.prototype.hasOwnProperty.call(FINDINGS, code);
}
