// The page's side of its worker (book.worker.ts): open a workbook's bytes,
// the engine for the pane, the file for Download (the user's steps replayed),
// the roll-up's file. And what the
// page makes of an opened workbook: the fake Excel's data, the download's
// name, the file saved to the user's disk.

import type { AddinSettings, ProgressListener } from '../excel/types';
import type { FakeWorkbookData } from '../in-memory-excel/excel';
import { sheetToFake } from '../in-memory-excel/data';
import { WorkerClient, workerEngine } from '../worker/client';
import type { EngineClient, RollupFile, RollupOptions } from '../worker/types';
import type { OpenedBook, RollupFileAnswer } from './book-answers';
import type { PageStep } from './steps';

export type { OpenedBook } from './book-answers';

export class BookClient {
  readonly engine: EngineClient;
  constructor(private readonly worker: WorkerClient) {
    this.engine = workerEngine(worker);
  }

  /** Reads the bytes in the worker (they move there: the caller's copy is emptied). Throws the reader's error (code, both languages' text). */
  open(bytes: Uint8Array, onProgress?: ProgressListener): Promise<OpenedBook> {
    return this.worker.call<OpenedBook>('open', { bytes }, onProgress, [bytes.buffer]);
  }

  /**
   * The workbook last opened as the user left it: the steps replayed on the
   * file as the command line does them (book-handlers.ts); with no step, the
   * computed copy (the bytes the command line's compute writes with these settings).
   */
  download(settings: AddinSettings, steps: readonly PageStep[], onProgress?: ProgressListener): Promise<Uint8Array> {
    return this.worker.call<Uint8Array>('download', { settings, steps }, onProgress);
  }

  /** The checked copy of the workbook as the user left it (the steps replayed): what `unelgee check` writes of it, `file` named in its findings sheet. */
  downloadChecked(settings: AddinSettings, steps: readonly PageStep[], file: string, onProgress?: ProgressListener): Promise<Uint8Array> {
    return this.worker.call<Uint8Array>('download', { settings, steps, checked: { file } }, onProgress);
  }

  /** The roll-up of the files, written as a workbook in the worker (the bytes move there); no bytes when no file could be read. */
  rollup(files: RollupFile[], options: RollupOptions, onProgress?: ProgressListener): Promise<RollupFileAnswer> {
    const buffers = [...new Set(files.map((f) => f.bytes.buffer))].filter((b) => b.byteLength > 0);
    return this.worker.call<RollupFileAnswer>('rollupFile', { files, options }, onProgress, buffers as Transferable[]);
  }
}

/** The fake Excel's workbook: every worksheet, hidden ones hidden, protection kept. */
export function fakeData(book: OpenedBook): FakeWorkbookData {
  return {
    sheets: book.sheets.map((opened) => ({
      ...sheetToFake(opened.sheet, opened.state !== 'visible'),
      visibility: opened.state === 'visible' ? 'Visible' : opened.state === 'hidden' ? 'Hidden' : 'VeryHidden',
      protected: opened.protected,
    })),
    protected: book.workbookProtected,
  };
}

/** "report.xlsx" → "report.computed.xlsx" (an .xlsm stays one). */
export function computedName(fileName: string, macroEnabled: boolean): string {
  const base = fileName.replace(/\.(xlsx|xlsm|xls|xltx|xltm)$/i, '') || 'workbook';
  return `${base}.computed.${macroEnabled ? 'xlsm' : 'xlsx'}`;
}

/** "report.xlsx" → "report.checked.xlsx" (an .xlsm stays one). */
export function checkedName(fileName: string, macroEnabled: boolean): string {
  const base = fileName.replace(/\.(xlsx|xlsm|xls|xltx|xltm)$/i, '') || 'workbook';
  return `${base}.checked.${macroEnabled ? 'xlsm' : 'xlsx'}`;
}

/** The roll-up's file: "unelgee-rollup-2025-07-01.xlsx" (the day it was made, so a second one made another day does not look like a copy of the first). */
export function rollupName(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `unelgee-rollup-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.xlsx`;
}

/** Hands the bytes to the browser as a download (nothing leaves the machine: a blob URL of this page). */
export function saveToDisk(bytes: Uint8Array, fileName: string, macroEnabled: boolean): void {
  const type = macroEnabled ? 'application/vnd.ms-excel.sheet.macroEnabled.12' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
