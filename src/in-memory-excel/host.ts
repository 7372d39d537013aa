// What the request context and the Excel objects need of the fake Excel that
// made them: the workbook model, the ExcelApi gate, the limits and the sync
// counters. FakeExcel (excel.ts) is one; this interface keeps the objects'
// files from importing excel.ts (which imports them).

import type { ApiMember } from './api';
import type { FakeOfficeError } from './errors';
import type { WorkbookModel } from './model';

/** One sync, as counted: the bytes of its request and of its response, and its actions. */
export interface SyncRecord {
  request: number;
  response: number;
  actions: number;
}

export interface FakeHost {
  readonly model: WorkbookModel;
  /** UTF-8 bytes a response may carry (and a request, unless requestLimit is lower). */
  readonly payloadLimit: number;
  readonly requestLimit: number;
  /** Cells a single range read may return before values come back null (Excel's read cap). */
  readonly cellCap: number;
  /** How long (ms) a sync runs before it lets the page's other work in; 0: in one go. */
  readonly sliceMs: number;
  syncCount: number;
  suspendCount: number;
  syncs: SyncRecord[];
  refused: SyncRecord[];
  /** Keep the last sync's request and response bodies (tests comparing them with office-js's). */
  readonly keepBodies: boolean;
  lastRequest: string | null;
  lastResponse: string | null;
  /** Fails a request that uses a member above the fake's ExcelApi set, as such a host does. */
  requireApi(member: ApiMember): void;
  /** The error an oversized request or response gets. */
  oversize(code: string, message: string): FakeOfficeError;
  /** Called by each sync before it is processed: fails, or waits with delayForCellEdit, while a cell is being edited. */
  waitOutCellEdit(delay: boolean): Promise<void>;
}
