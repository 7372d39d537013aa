// Quick fixes for hosts that write a file: every chosen fix applied round
// after round (planFixRounds), over the one-plan combination in fix-plan.ts.

import { analyzeWorkbook, type AnalyzeOptions } from './analyze';
import { applyPlanToSheets } from './apply';
import { keepAgreeingFormulas } from './formula-check';
import { cellAddress, type Sheet } from './sheet';
import { planFixes, type FixesOutcome, type FixSelection } from './fix-plan';
import type { CellWrite, EditPlan, Finding, Fix, WorkbookAnalysis } from './types';

export interface FixRoundsOutcome extends FixesOutcome {
  /** The workbook analysed after the plan. */
  analysis: WorkbookAnalysis;
  /** The findings whose fixes are in the plan, as found in the round that applied them. */
  sources: Finding[];
}

const writesFormula = (fix: Fix) => fix.edits.some((e) => e.writes.some((w) => w.formula !== undefined));

/**
 * All the chosen fixes of a workbook, for hosts that write a file (no Excel
 * to recalculate): planned, applied in memory and the workbook analysed
 * again, round after round, so a fix that depends on another sees its
 * result. Fixes that write values go first and formulas after them: a stated
 * average becomes a formula carrying the mean of the ratings as moved, not
 * as they were. A fix deferred for a conflict comes back in the next round;
 * one already applied is not offered twice; a cell written twice keeps the
 * later write.
 */
export function planFixRounds(sheets: Sheet[], options: AnalyzeOptions, selection: FixSelection = {}, maxRounds = 4): FixRoundsOutcome {
  let current = sheets;
  // The rounds apply fixes: each analysis plans them, whatever the host asked for.
  const planned: AnalyzeOptions = { ...options, planFixes: true };
  let analysis = analyzeWorkbook(current, planned);
  const applied = new Set<string>();
  const fixes: Fix[] = [];
  const sources: Finding[] = [];
  const writes = new Map<string, Map<string, CellWrite>>();
  let deferred: Fix[] = [];
  for (let round = 0; round < maxRounds; round++) {
    const fresh = analysis.findings.filter((f) => !f.fix || !applied.has(JSON.stringify(f.fix.edits)));
    let outcome = planFixes(fresh, selection);
    if (outcome.fixes.some(writesFormula) && !outcome.fixes.every(writesFormula)) {
      // Values this round; the formulas next, computed over them.
      outcome = planFixes(fresh.filter((f) => !f.fix || !writesFormula(f.fix)), selection);
    }
    deferred = outcome.deferred;
    if (outcome.fixes.length === 0) break;
    for (const fix of outcome.fixes) applied.add(JSON.stringify(fix.edits));
    fixes.push(...outcome.fixes);
    sources.push(...fresh.filter((f) => f.fix && outcome.fixes.includes(f.fix)));
    for (const edits of outcome.plan.sheets) {
      const bySheet = writes.get(edits.sheet) ?? new Map<string, CellWrite>();
      for (const write of edits.writes) {
        // A later round's write over a cell whose formula an earlier one replaced still replaces that formula in the file.
        const earlier = bySheet.get(`${write.row}:${write.col}`);
        bySheet.set(`${write.row}:${write.col}`, earlier?.replacesFormula && !write.formula ? { ...write, replacesFormula: true } : write);
      }
      writes.set(edits.sheet, bySheet);
    }
    current = applyPlanToSheets(current, outcome.plan);
    analysis = analyzeWorkbook(current, planned);
  }
  const planSheets = [...writes].map(([sheet, byCell]) => ({ sheet, writes: [...byCell.values()] }));
  // A formula that would not show its figure in the file (an annex 8 figure over a points column left empty, one read
  // differently after a later round): the figure as a value, said in skipped, and the workbook analysed as written.
  const skipped = keepAgreeingFormulas(sheets, { sheets: planSheets, summary: null });
  const writtenCells = planSheets.flatMap((s) => s.writes.map((w) => `${s.sheet}!${cellAddress(w.row, w.col)}`));
  const plan: EditPlan = { sheets: planSheets, summary: null, skipped, writtenCells };
  if (skipped.length > 0) analysis = analyzeWorkbook(applyPlanToSheets(sheets, plan), options);
  return { plan, fixes, deferred, analysis, sources };
}
