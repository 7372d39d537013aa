// Quick fixes applied together: the fixes the user chose (one by one, as
// the pane showed them, or every safe one of some codes) found again in a
// fresh analysis and combined into one edit plan, which each host applies as
// it applies Compute's. Light on purpose (no
// analysis here): the pane imports it to count what Fix all would apply.

import { cellAddress } from './sheet';
import type { FindingCode } from './checks';
import type { CellWrite, EditPlan, Finding, Fix, WorkbookAnalysis } from './types';

/**
 * A finding the user chose to fix, as the pane showed it: found again by
 * code, sheet and cell, and its fix compared with the one offered now.
 */
export interface ChosenFix {
  code: FindingCode;
  sheet: string;
  cell: string;
  /** The fix the pane showed (Finding.fix). */
  fix: Fix;
}

/**
 * Which fixes to apply: those of chosen findings (each as shown, safe or
 * needing a look), or every safe fix — with `includeReview` also those that
 * need a look — of the codes in `only` (all codes when absent).
 */
export type FixChoice = { findings: ChosenFix[] } | { all: true; includeReview?: boolean; only?: FindingCode[] };

export interface FixSelection {
  /** Only fixes of these codes (all codes when absent). */
  only?: readonly FindingCode[];
  /** Also the fixes that need a look (`review`); by default only `safe` ones. */
  includeReview?: boolean;
}

export interface FixesOutcome {
  plan: EditPlan;
  /** The fixes in the plan, once each (a renumbering shared by several findings counts once). */
  fixes: Fix[];
  /** Fixes left out because another fix in the plan writes one of their cells (apply them next time). */
  deferred: Fix[];
}

/**
 * One plan from the chosen findings' fixes. A fix goes in whole or not at
 * all: when two fixes would write the same cell, the second waits (it is
 * offered again once the first is applied and the workbook re-analysed).
 */
export function planFixes(findings: readonly Finding[], selection: FixSelection = {}): FixesOutcome {
  const wanted = (f: Finding) => !!f.fix && (!selection.only || selection.only.includes(f.code)) && (f.fix.kind === 'safe' || selection.includeReview === true);
  // Several findings may carry the same fix (a renumbering fixes every numbering finding of its table).
  const seen = new Set<string>();
  const taken = new Set<string>();
  const fixes: Fix[] = [];
  const deferred: Fix[] = [];
  for (const finding of findings) {
    if (!wanted(finding)) continue;
    const fix = finding.fix!;
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) continue;
    seen.add(key);
    if (fix.cells.some((c) => taken.has(c))) {
      deferred.push(fix);
      continue;
    }
    fix.cells.forEach((c) => taken.add(c));
    fixes.push(fix);
  }
  const bySheet = new Map<string, CellWrite[]>();
  for (const fix of fixes) {
    for (const edit of fix.edits) bySheet.set(edit.sheet, [...(bySheet.get(edit.sheet) ?? []), ...edit.writes]);
  }
  const sheets = [...bySheet].map(([sheet, writes]) => ({ sheet, writes }));
  const writtenCells = sheets.flatMap((s) => s.writes.map((w) => `${s.sheet}!${cellAddress(w.row, w.col)}`));
  return { plan: { sheets, summary: null, skipped: [], writtenCells }, fixes, deferred };
}

const fixKey = (fix: { kind: string; edits: unknown }) => JSON.stringify([fix.kind, fix.edits]);

export interface ChosenFound {
  /** The fresh findings whose fixes were chosen, each as shown. */
  found: Finding[];
  /** Chosen findings no longer there. */
  gone: ChosenFix[];
  /** Chosen findings whose fix is not the one shown any more. */
  changed: ChosenFix[];
}

/** The chosen findings found again in a fresh analysis: by code, sheet and cell, the fix compared with the one shown. */
function findChosenFixes(analysis: WorkbookAnalysis, chosen: readonly ChosenFix[]): ChosenFound {
  const out: ChosenFound = { found: [], gone: [], changed: [] };
  for (const choice of chosen) {
    const same = analysis.findings.filter((f) => f.code === choice.code && f.sheet === choice.sheet && f.cell === choice.cell && f.fix);
    const match = same.find((f) => fixKey(f.fix!) === fixKey(choice.fix));
    if (match) out.found.push(match);
    else if (same.length === 0) out.gone.push(choice);
    else out.changed.push(choice);
  }
  return out;
}

/**
 * The findings and selection planFixes takes for the user's choice (gone
 * and changed say what of a chosen list was not found as shown; a host
 * refuses the whole choice then).
 */
export function fixChoiceSelection(analysis: WorkbookAnalysis, choice: FixChoice): ChosenFound & { select: FixSelection } {
  // Fixes chosen one by one are applied whatever their kind: the user looked at each.
  if ('findings' in choice) return { ...findChosenFixes(analysis, choice.findings), select: { includeReview: true } };
  return { found: analysis.findings, gone: [], changed: [], select: { includeReview: choice.includeReview === true, only: choice.only } };
}
