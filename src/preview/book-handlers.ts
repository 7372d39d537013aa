// What the web page's worker answers (book.worker.ts serves it; tests call
// it in-process): the engine's requests, opening a workbook, the download,
// and the roll-up written as a file. The download is the opened .xlsx with
// the user's steps replayed on it as the command line does them:
//   fix         analyzeWorkbook, the choice (fixChoiceSelection), planFixes
//   evaluation  planEvaluationSheet (unelgee evaluation)
//   report-form planReportForm (unelgee report; the sheet added, as in Excel)
//   next-plan   planNextPlan (unelgee plan; the sheet added to the file, as in Excel)
//   compute     planCompute (unelgee compute)
// each step written (writeXlsx) and read again (readXlsx) for the next. With
// no step, the computed copy: what `unelgee compute` writes. The checked
// copy (Download after Validate) is `unelgee check` run on that file.

import { analyzeWorkbook, findingsSheetName, fixChoiceSelection, getProfile, planCompute, planEvaluationSheet, planFindingsSheet, planFixes, planNextPlan, planReportForm, type ComputeOptions, type EditPlan } from '../core';
import { CYCLE_FORM } from '../i18n/cycle-forms';
import { fixChanged, fixFindingGone } from '../excel/errors';
import type { AddinSettings } from '../excel/types';
import { EVALUATION_FORM } from '../i18n/evaluation-form';
import { findingsSheetWords } from '../i18n/findings-sheet';
import { sheetWords } from '../i18n/sheet-words';
import { engineHandlers } from '../worker/handlers';
import { rollupInSteps, type RollupFile, type RollupOptions } from '../worker/rollup';
import { Transfer, type Handler } from '../worker/serve';
import type { ProgressListener } from '../worker/types';
import { computeContext, createXlsx, readXlsx, visibleSheets, writeCheckedCopy, writeXlsx, type XlsxWorkbook } from '../xlsx';
import type { OpenedBook, RollupFileAnswer } from './book-answers';
import { rollupLook } from './rollup-look';
import type { PageStep } from './steps';

/** The options the command line gives planCompute, from the pane's settings (its column corrections too, when there are any). */
function cliOptions(settings: AddinSettings, workbook: XlsxWorkbook): ComputeOptions {
  const options: ComputeOptions = { profile: settings.profile ?? getProfile(settings.profileId), words: sheetWords(settings.lang), ...computeContext(workbook) };
  if (settings.overrides.length > 0) options.overrides = settings.overrides;
  return options;
}

const NOTHING: EditPlan = { sheets: [], summary: null, skipped: [], writtenCells: [] };

/** One step's plan for the workbook as the steps before it left it. */
function stepPlan(book: XlsxWorkbook, step: PageStep): EditPlan {
  const options = cliOptions(step.settings, book);
  const sheets = visibleSheets(book);
  switch (step.kind) {
    case 'compute':
      return planCompute(sheets, options).plan;
    case 'evaluation':
      return planEvaluationSheet(sheets, { ...options, form: EVALUATION_FORM }).plan ?? NOTHING;
    case 'report-form':
      return planReportForm(sheets, { ...options, form: CYCLE_FORM, period: step.period }).plan ?? NOTHING;
    case 'next-plan':
      return planNextPlan(sheets, { ...options, form: CYCLE_FORM, year: step.year }).plan ?? NOTHING;
    case 'findings': {
      // The findings sheet as the adapter made it (src/excel/findings-sheet.ts): over its own, or under a free name.
      const words = findingsSheetWords(step.settings.lang);
      const name = findingsSheetName(sheets, options.takenNames ?? [], words);
      const sheet = planFindingsSheet(analyzeWorkbook(sheets, options).findings, words, name, sheets.map((s) => s.name));
      return { ...NOTHING, addedSheets: [sheet] };
    }
    case 'fix': {
      // Scope "sheet": the fixes came from the sheets the pane analysed, as in Excel (src/excel/fixes.ts).
      const scope = step.sheets;
      const analysis = analyzeWorkbook(scope ? sheets.filter((s) => scope.includes(s.name)) : sheets, options);
      const { found, gone, changed, select } = fixChoiceSelection(analysis, step.choice);
      // The page applied these very fixes: one not found on the file means the file and the page disagree — say so rather than write something else.
      if (gone.length > 0) throw fixFindingGone(gone);
      if (changed.length > 0) throw fixChanged(changed);
      return planFixes(found, select).plan;
    }
  }
}

/** The opened workbook with the steps replayed on it, written: the bytes Download saves. */
function replaySteps(start: XlsxWorkbook, steps: readonly PageStep[], onProgress?: ProgressListener): Uint8Array {
  let book = start;
  let bytes: Uint8Array | null = null;
  steps.forEach((step, i) => {
    onProgress?.({ stage: 'plan', done: i, total: steps.length });
    // The next step plans on the file as the last one wrote it, as a second command would.
    if (bytes) book = readXlsx(bytes);
    bytes = writeXlsx(book, stepPlan(book, step));
  });
  return bytes ?? writeXlsx(book, NOTHING);
}

/** The checked copy of the workbook as the steps left it: the bytes the command line's check writes of that file. */
function checkedCopy(start: XlsxWorkbook, steps: readonly PageStep[], settings: AddinSettings, file: string): Uint8Array {
  const book = steps.length === 0 ? start : readXlsx(replaySteps(start, steps));
  return writeCheckedCopy(book, cliOptions(settings, book), findingsSheetWords(settings.lang), file).bytes;
}

/** The computed copy: the bytes the command line's compute writes with these settings. */
function computedCopy(book: XlsxWorkbook, settings: AddinSettings): Uint8Array {
  return writeXlsx(book, planCompute(visibleSheets(book), cliOptions(settings, book)).plan);
}

/** The worker's handlers, with the workbook last opened kept between requests. */
export function bookHandlers(): Record<string, Handler> {
  let book: XlsxWorkbook | null = null;
  return {
    ...engineHandlers,
    open: (request, onProgress) => {
      onProgress({ stage: 'open' });
      // The open workbook stays until the new one is read: the page keeps showing it when a file is refused, and Download must still work.
      const next = readXlsx(request.bytes as Uint8Array);
      book = next;
      const opened: OpenedBook = {
        sheets: next.sheets
          .filter((s) => s.kind === 'worksheet' && s.sheet)
          .map((s) => ({ name: s.name, state: s.state, protected: s.protected, sheet: s.sheet! })),
        workbookProtected: next.workbookProtected,
        macroEnabled: next.macroEnabled,
      };
      return opened;
    },
    download: (request, onProgress) => {
      if (!book) throw new Error('no workbook is open');
      const steps = (request.steps as PageStep[] | undefined) ?? [];
      const checked = request.checked as { file: string } | undefined;
      let bytes: Uint8Array;
      if (checked) {
        onProgress({ stage: 'plan' });
        bytes = checkedCopy(book, steps, request.settings as AddinSettings, checked.file);
      } else if (steps.length === 0) {
        onProgress({ stage: 'plan' });
        bytes = computedCopy(book, request.settings as AddinSettings);
      } else bytes = replaySteps(book, steps, onProgress);
      onProgress({ stage: 'save' });
      return new Transfer(bytes, [bytes.buffer]);
    },
    rollupFile: (request, onProgress) => {
      const answer = rollupInSteps(request.files as RollupFile[], request.options as RollupOptions, onProgress);
      const done = { read: answer.read, notRead: answer.notRead, rows: answer.outcome.rows.length };
      // Nothing read: no file that would only list the files not read (the pane says why each was not).
      if (answer.read === 0) return { ...done, bytes: null, look: null } satisfies RollupFileAnswer;
      onProgress({ stage: 'save' });
      const bytes = createXlsx(answer.outcome.workbook);
      return new Transfer({ ...done, bytes, look: rollupLook(answer.outcome.workbook) } satisfies RollupFileAnswer, [bytes.buffer]);
    },
  };
}
