// The reporter every check family writes to: (code, message id, cell,
// parameters, data) in, a Finding with its message in both languages out.

import type { CellRef, SheetGrid } from '../sheet';
import { cellAddress } from '../sheet';
import { fillTemplate, type TemplateParam } from '../text';
import type { CellWrite, Finding, Fix, Severity } from '../types';
import { FINDINGS, type FindingCode, type MessageId } from '../findings/registry';

export type Params = Record<string, TemplateParam>;

/** A fix as a check proposes it: its kind, the description's id in the code's `fixes` and parameters, the cells to write on the finding's sheet. */
export interface FixDraft {
  kind: Fix['kind'];
  id: string;
  params: Params;
  writes: CellWrite[];
}

/**
 * A fix whose cells are worked out only when they are asked for (see
 * AnalyzeOptions.planFixes): its kind now, the draft from `plan` (memoised by
 * the check when several findings share it).
 */
export interface LazyFix {
  kind: Fix['kind'];
  plan(): FixDraft | undefined;
  /** Several findings share this one fix (one renumbering per table): the same key on each. */
  shared?: string;
}

export interface ReportOptions {
  /** Raise the code's default severity for this finding (e.g. a missing target the percent needs). */
  severity?: Severity;
  /** Figures behind the message, for machines (stated, computed, expected…). */
  data?: Finding['data'];
  fix?: FixDraft | LazyFix;
}

const isLazy = (fix: FixDraft | LazyFix): fix is LazyFix => typeof (fix as LazyFix).plan === 'function';

export class Reporter {
  readonly list: Finding[] = [];
  constructor(
    private readonly sheet: string,
    private readonly tableId: string | undefined,
    private readonly grid?: SheetGrid,
    /** No fix is offered on a protected sheet (nothing may be written there). */
    private readonly locked = false,
    /** Build each fix (cells, description); false: a finding says only that it has one and of which kind (`fixKind`). */
    private readonly planFixes = true,
  ) {}

  /**
   * The draft writes something, and only where something may be written: not
   * a protected sheet, not a cell merged away, and no value over a formula
   * without saying so (only a fix to look at may, `replacesFormula`).
   */
  private writable(draft: FixDraft): boolean {
    if (this.locked || draft.writes.length === 0) return false;
    if (draft.writes.some((w) => this.grid?.isMergedSlave(w.row, w.col))) return false;
    const overFormula = (w: CellWrite) => !w.formula && this.grid?.formula(w.row, w.col) !== null && this.grid?.formula(w.row, w.col) !== undefined;
    return !draft.writes.some((w) => overFormula(w) && !(w.replacesFormula && draft.kind === 'review'));
  }

  /** The draft as a Fix, unless it would write where nothing may be written (`writable`). */
  private fixOf(code: FindingCode, draft: FixDraft | undefined): Fix | undefined {
    if (!draft || !this.writable(draft)) return undefined;
    const template = (FINDINGS[code] as { fixes?: Record<string, { mn: string; en: string }> }).fixes?.[draft.id];
    if (!template) throw new Error(`${code} has no fix description "${draft.id}"`);
    return {
      kind: draft.kind,
      description: { mn: fillTemplate(template.mn, draft.params, 'mn'), en: fillTemplate(template.en, draft.params, 'en') },
      edits: [{ sheet: this.sheet, writes: draft.writes }],
      cells: draft.writes.map((w) => `${this.sheet}!${cellAddress(w.row, w.col)}`),
    };
  }

  add<C extends FindingCode>(code: C, message: MessageId<C>, at: CellRef, params: Params = {}, opts: ReportOptions = {}): void {
    // A cell under a merged area cannot be selected or marked on its own: name the area's top-left cell.
    const merged = this.grid?.mergeOf(at.row, at.col);
    const row = merged ? merged.top : at.row;
    const col = merged ? merged.left : at.col;
    const spec = FINDINGS[code];
    const template = (spec.messages as Record<string, { mn: string; en: string }>)[message as string];
    const finding: Finding = {
      code,
      severity: opts.severity ?? spec.severity,
      sheet: this.sheet,
      cell: cellAddress(row, col),
      row,
      col,
      tableId: this.tableId,
      message: { mn: fillTemplate(template.mn, params, 'mn'), en: fillTemplate(template.en, params, 'en') },
      data: opts.data,
    };
    if (opts.fix && !this.locked) {
      if (this.planFixes) {
        const fix = this.fixOf(code, isLazy(opts.fix) ? opts.fix.plan() : opts.fix);
        if (fix) finding.fix = fix;
      } else if (isLazy(opts.fix) || this.writable(opts.fix)) {
        // Not planned: whether it can be written is known when it is (a lazy fix that then writes nothing is offered here all the same).
        finding.fixKind = opts.fix.kind;
        if (isLazy(opts.fix) && opts.fix.shared) finding.sharedFix = opts.fix.shared;
      }
    }
    this.list.push(finding);
  }
}
