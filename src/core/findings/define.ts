// How a finding code is declared (after typescript-eslint's rule `meta`):
// its severity, a one-line description for the docs, and its message
// templates in both languages, keyed by message id. Each check family
// (src/core/checks/) has its codes declared in a file of the same name here;
// registry.ts gathers them, and the FindingCode type derives from that.

import type { Localized } from '../localized';

export type Severity = 'error' | 'warning' | 'info';

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
