// The reporter every check family writes to: (code, message id, cell,
// parameters, data) in, a Finding with its message in both languages out.

import type { CellRef, SheetGrid } from '../sheet';
import { cellAddress } from '../sheet';
import { fillTemplate, type TemplateParam } from '../text';
import type { Finding, Severity } from '../types';
import { FINDINGS, type FindingCode, type MessageId } from './registry';

export type Params = Record<string, TemplateParam>;

export interface ReportOptions {
  /** Raise the code's default severity for this finding (e.g. a missing target the percent needs). */
  severity?: Severity;
  /** Figures behind the message, for machines (stated, computed, expected…). */
  data?: Finding['data'];
}

export class Reporter {
  readonly list: Finding[] = [];
  constructor(
    private readonly sheet: string,
    private readonly tableId: string | undefined,
    private readonly grid?: SheetGrid,
  ) {}

  add<C extends FindingCode>(code: C, message: MessageId<C>, at: CellRef, params: Params = {}, opts: ReportOptions = {}): void {
    // A cell under a merged area cannot be selected or marked on its own: name the area's top-left cell.
    const merged = this.grid?.mergeOf(at.row, at.col);
    const row = merged ? merged.top : at.row;
    const col = merged ? merged.left : at.col;
    const spec = FINDINGS[code];
    const template = (spec.messages as Record<string, { mn: string; en: string }>)[message as string];
    const f: Finding = {
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
    this.list.push(f);
  }
}
