// The checked copy of a workbook (`unelgee check`, the web page's Download
// after Validate): the visible sheets analysed as `validate` does, every
// finding marked on its cell (fill and note) and listed on the findings
// sheet, written into a copy that keeps everything else as it came.
// Host-neutral: the words come in as data.

import { analyzeWorkbook, planCheckedCopy, type AnalyzeOptions, type EditPlan, type FindingsSheetWords, type SheetWords, type WorkbookAnalysis } from '../core';
import { computeContext, visibleSheets, type XlsxWorkbook } from './reader';
import { writeXlsx } from './writer';

export interface CheckedCopy {
  bytes: Uint8Array;
  plan: EditPlan;
  analysis: WorkbookAnalysis;
}

/** The workbook checked, its findings marked and listed; `file` names it in the findings sheet's title. */
export function writeCheckedCopy(book: XlsxWorkbook, options: AnalyzeOptions & { words: SheetWords }, words: FindingsSheetWords, file?: string): CheckedCopy {
  const sheets = visibleSheets(book);
  const context = computeContext(book);
  // A findings sheet made before is left out of the analysis (the engine knows it by its signature) and rewritten.
  const analysis = analyzeWorkbook(sheets, { ...options, protectedSheets: context.protectedSheets });
  const plan = planCheckedCopy({ sheets, findings: analysis.findings, ...context, file }, words);
  return { bytes: writeXlsx(book, plan), plan, analysis };
}
