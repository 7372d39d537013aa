// What the user did to the workbook on the page, for Download. The pane
// changes the fake Excel through its host; Download writes the .xlsx the
// user opened, so it replays the same steps on the file, as the command line
// would (book-handlers.ts): each fix, the evaluation sheet, the findings
// sheet, the report form, next year's plan, Compute, in order. The list stays on the page and goes with the download request: it
// belongs to the workbook shown (a new workbook, a new list), it is small,
// and Revert — which only the page sees — edits it without a round trip.
// No engine here: the page's main bundle must not carry it.

import type { AddinSettings, FixChoice, HostActions, RevertibleAction } from '../excel/types';

export type PageStep =
  | {
      kind: 'fix';
      settings: AddinSettings;
      choice: FixChoice;
      /** Scope "sheet": the sheets the fixes were chosen from (the active one); absent for the whole workbook. */
      sheets?: string[];
    }
  | { kind: 'evaluation'; settings: AddinSettings }
  | { kind: 'findings'; settings: AddinSettings }
  | { kind: 'compute'; settings: AddinSettings }
  | { kind: 'report-form'; settings: AddinSettings; period?: string }
  | { kind: 'next-plan'; settings: AddinSettings; year?: number };

/** Every kind of step, listed so that a new kind of PageStep does not compile until it is here too. */
const STEP_KINDS: Record<PageStep['kind'], true> = { fix: true, evaluation: true, compute: true, findings: true, 'report-form': true, 'next-plan': true };
const CONTENT_KINDS: ReadonlySet<RevertibleAction['kind']> = new Set(Object.keys(STEP_KINDS) as PageStep['kind'][]);

export class StepLog {
  private readonly list: PageStep[] = [];

  get steps(): readonly PageStep[] {
    return this.list;
  }

  record(step: PageStep): void {
    this.list.push(step);
  }

  /** Revert undid an action: its step goes (the newest of its kind: Revert undoes the newest action first). Marks were never recorded. */
  reverted(undone: RevertibleAction | undefined): void {
    if (!undone || !CONTENT_KINDS.has(undone.kind)) return;
    for (let i = this.list.length - 1; i >= 0; i--) {
      if (this.list[i].kind === undone.kind) {
        this.list.splice(i, 1);
        return;
      }
    }
  }
}

/**
 * The host with each content-changing action recorded once it succeeded and
 * wrote something (an action that wrote nothing left no Revert step either).
 */
export function recordingHost(host: HostActions, log: StepLog): HostActions {
  return {
    ...host,
    applyFixes: async (settings, choice) => {
      const result = await host.applyFixes(settings, choice);
      if (result.plan.sheets.length > 0) {
        const step: PageStep = { kind: 'fix', settings, choice };
        if (settings.scope === 'sheet') step.sheets = result.before.sheets.map((s) => s.sheet);
        log.record(step);
      }
      return result;
    },
    createEvaluationSheet: async (settings) => {
      const result = await host.createEvaluationSheet(settings);
      log.record({ kind: 'evaluation', settings });
      return result;
    },
    createReportForm: async (settings, options = {}) => {
      const result = await host.createReportForm(settings, options);
      log.record({ kind: 'report-form', settings, ...(options.period ? { period: options.period } : {}) });
      return result;
    },
    createNextPlan: async (settings, options = {}) => {
      const result = await host.createNextPlan(settings, options);
      log.record({ kind: 'next-plan', settings, ...(options.year ? { year: options.year } : {}) });
      return result;
    },
    createFindingsSheet: async (settings) => {
      const result = await host.createFindingsSheet(settings);
      log.record({ kind: 'findings', settings });
      return result;
    },
    compute: async (settings) => {
      const result = await host.compute(settings);
      if (result.plan.sheets.some((e) => e.writes.length > 0) || result.plan.summary !== null) log.record({ kind: 'compute', settings });
      return result;
    },
    revert: async () => {
      const result = await host.revert();
      log.reverted(result.undone);
      return result;
    },
  };
}
