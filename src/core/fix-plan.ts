// Quick fixes applied together: the fixes the user chose (by code, safe
// ones only unless review ones are asked for) combined into one edit plan,
// which each host applies as it applies Compute's. Light on purpose (no
// analysis here): the pane imports it to count what Fix all would apply.

import { cellAddress } from './sheet';
import type { FindingCode } from './checks';
import type { CellWrite, EditPlan, Finding, Fix } from './types';

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
  for (const f of findings) {
    if (!wanted(f)) continue;
    const fix = f.fix!;
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
    for (const e of fix.edits) bySheet.set(e.sheet, [...(bySheet.get(e.sheet) ?? []), ...e.writes]);
  }
  const sheets = [...bySheet].map(([sheet, writes]) => ({ sheet, writes }));
  const writtenCells = sheets.flatMap((s) => s.writes.map((w) => `${s.sheet}!${cellAddress(w.row, w.col)}`));
  return { plan: { sheets, summary: null, skipped: [], writtenCells }, fixes, deferred };
}
