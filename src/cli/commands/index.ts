// The commands of `unelgee`, in the order --help lists them. A new command
// is a module beside these, added here.

import { check } from './check';
import { compute } from './compute';
import { evaluation } from './evaluation';
import { explainHeaderCommand } from './explain-header';
import { fix } from './fix';
import { nextPlan } from './next-plan';
import { reportForm } from './report-form';
import { rollup } from './rollup';
import type { CommandSpec } from './types';
import { validate } from './validate';

export const COMMANDS: readonly CommandSpec[] = [validate, check, compute, fix, evaluation, reportForm, nextPlan, rollup, explainHeaderCommand];

export type { CommandSpec } from './types';
