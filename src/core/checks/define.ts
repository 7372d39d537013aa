// How a finding code is declared (after typescript-eslint's rule `meta`):
// its severity, a one-line description for the docs, and its message
// templates in both languages, keyed by message id. Each check family
// declares its codes beside the code that reports them; registry.ts
// gathers them, and the FindingCode type derives from that.

import type { Localized, Severity } from '../types';

export interface FindingSpec<M extends string = string> {
  /** Default severity; a check may raise it for one finding (documented in `description`). */
  severity: Severity;
  /** What the code means, for the README's table and docs/findings.md. */
  description: Localized;
  /** Message templates with {placeholders}, filled by fillTemplate. */
  messages: Record<M, Localized>;
  /** Descriptions of the fixes the code offers, by fix id ("Move {value} to {cell}"). */
  fixes?: Record<string, Localized>;
}

/** Declares a finding code (identity at run time; keeps the message ids as a type). */
export function defineFinding<M extends string>(spec: FindingSpec<M>): FindingSpec<M> {
  return spec;
}
