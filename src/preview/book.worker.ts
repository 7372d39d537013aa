// The web page's Web Worker: it reads the .xlsx the user opened (readXlsx),
// keeps it, runs the engine for the pane (the same requests as the Excel
// pane's worker), and writes the computed copy for Download — exactly what
// the command line's `compute` writes for the same settings:
//   writeXlsx(book, planCompute(visibleSheets(book), { profile, words, ...computeContext(book) }).plan)
// (src/cli/main.ts). Nothing here touches the page.

import { getProfile, planCompute, type ComputeOptions } from '../core';
import type { AddinSettings } from '../excel/types';
import { sheetWords } from '../i18n/sheet-words';
import { engineHandlers } from '../worker/handlers';
import { Transfer, serve, type WorkerScope } from '../worker/serve';
import { computeContext, readXlsx, visibleSheets, writeXlsx, type XlsxWorkbook } from '../xlsx';
import type { OpenedBook } from './book';

let book: XlsxWorkbook | null = null;

/** The options the command line gives planCompute, from the pane's settings (its column corrections too, when there are any). */
export function cliOptions(settings: AddinSettings, workbook: XlsxWorkbook): ComputeOptions {
  const options: ComputeOptions = { profile: settings.profile ?? getProfile(settings.profileId), words: sheetWords(settings.lang), ...computeContext(workbook) };
  if (settings.overrides.length > 0) options.overrides = settings.overrides;
  return options;
}

serve(self as unknown as WorkerScope, {
  ...engineHandlers,
  open: (request, onProgress) => {
    onProgress({ stage: 'open' });
    book = null;
    book = readXlsx(request.bytes as Uint8Array);
    const opened: OpenedBook = {
      sheets: book.sheets
        .filter((s) => s.kind === 'worksheet' && s.sheet)
        .map((s) => ({ name: s.name, state: s.state, protected: s.protected, sheet: s.sheet! })),
      workbookProtected: book.workbookProtected,
      macroEnabled: book.macroEnabled,
    };
    return opened;
  },
  computedCopy: (request, onProgress) => {
    if (!book) throw new Error('no workbook is open');
    onProgress({ stage: 'plan' });
    const plan = planCompute(visibleSheets(book), cliOptions(request.settings as AddinSettings, book)).plan;
    onProgress({ stage: 'save' });
    const bytes = writeXlsx(book, plan);
    return new Transfer(bytes, [bytes.buffer]);
  },
});
