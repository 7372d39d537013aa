// The path the action bar shows (Шалгах → Засах → Оноо тооцох): which
// steps were done, the step the user is at, and the one primary button.

import type { WorkbookAnalysis } from '../../core';
import type { ActionKind, Step, StepsDone } from './types';

/**
 * The path: what was done (Validate ran; nothing left to fix; Compute ran),
 * the current step (the first not done), the errors left, and the one
 * primary button (Validate, then Compute, then the page's Download; a
 * download offered from the start is primary from the start).
 */
export function stepOf(
  validated: boolean,
  computed: boolean,
  analysis: WorkbookAnalysis | null,
  canDownload: boolean,
  offered = false,
): { step: Step; primary: ActionKind; stepsDone: StepsDone; errorsLeft: number | null } {
  const errors = analysis?.counts.error ?? 0;
  const stepsDone: StepsDone = { validate: validated, fix: validated && errors === 0, compute: computed };
  const errorsLeft = validated ? errors : null;
  const order: Exclude<Step, 'done'>[] = ['validate', 'fix', 'compute'];
  const step = order.find((s) => !stepsDone[s]) ?? 'done';
  const primary: ActionKind = offered && canDownload ? 'download' : computed ? (canDownload ? 'download' : 'compute') : validated ? 'compute' : 'validate';
  return { step, primary, stepsDone, errorsLeft };
}
