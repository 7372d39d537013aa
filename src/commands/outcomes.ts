// How a ribbon command's outcome reaches the task pane. The command runs in
// its own hidden page (the manifest declares no shared runtime), so it
// leaves the outcome where a pane of the same origin can see it: in
// localStorage (OUTCOME_KEY) and on the BroadcastChannel "unelgee". A pane
// that listens (subscribeOutcomes) says so with a heartbeat in localStorage
// (paneKey), which the command reads to choose between the pane and a
// dialog.
//
// Every open workbook's pane and ribbon share that origin's storage and
// channel, so the outcome and the heartbeat carry the document's id
// (src/excel/document-id.ts): a pane hears only its own workbook's ribbon,
// and a ribbon looks only for its own workbook's pane. An outcome the user
// may not have seen (no pane listened and the dialog could not be shown)
// waits in localStorage (pendingKey) for the pane of its workbook to open.

import type { Localized } from '../core';
import type { Lang } from '../excel/types';

export type CommandName = 'validate' | 'computeScores';

export interface Outcome {
  command: CommandName;
  ok: boolean;
  lang: Lang;
  text: Localized;
  /** Nothing on the sheet shows the result (no marks, nothing written). */
  quiet: boolean;
  /** AddinError code, or Excel's error code, or "unexpected". */
  code?: string;
  /** The error's own text (Excel's English), shown only under "Дэлгэрэнгүй". */
  detail?: string | null;
  at: string;
  /** The workbook the command ran in (its id; null where it has none). */
  document?: string | null;
}

export const OUTCOME_KEY = 'unelgee.outcome';
const OUTCOME_CHANNEL = 'unelgee';
/** Written by a listening pane every HEARTBEAT_MS: the time it last said it listens (per document: paneKey). */
export const PANE_KEY = 'unelgee.pane';
const HEARTBEAT_MS = 2000;
/** An outcome no one was shown yet, kept for its workbook's pane (per document: pendingKey). */
const PENDING_KEY = 'unelgee.pending';
/** A pending outcome older than this is not shown any more. */
const PENDING_MS = 24 * 60 * 60 * 1000;

const perDocument = (key: string, document: string | null | undefined) => (document ? `${key}.${document}` : key);

/** The heartbeat's key for a workbook's pane. */
function paneKey(document: string | null | undefined): string {
  return perDocument(PANE_KEY, document);
}

/** Where an outcome waits for a workbook's pane. */
export function pendingKey(document: string | null | undefined): string {
  return perDocument(PENDING_KEY, document);
}

/** Where outcomes travel: the globals by default, stand-ins in tests. */
export interface OutcomeScope {
  localStorage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  BroadcastChannel?: typeof BroadcastChannel;
  addEventListener?: (type: 'storage', listener: (event: { key: string | null; newValue: string | null }) => void) => void;
  removeEventListener?: (type: 'storage', listener: (event: { key: string | null; newValue: string | null }) => void) => void;
  setInterval?: (callback: () => void, ms: number) => unknown;
  clearInterval?: (id: never) => void;
}

const globals = (): OutcomeScope => globalThis as unknown as OutcomeScope;

/** Leaves the outcome where the task pane looks for it (best effort: storage may be blocked). */
export function publish(outcome: Outcome, scope: OutcomeScope = globals()): void {
  try {
    scope.localStorage?.setItem(OUTCOME_KEY, JSON.stringify(outcome));
  } catch {
    // storage disabled: the dialog or the pane still tells the user
  }
  try {
    if (scope.BroadcastChannel) {
      const channel = new scope.BroadcastChannel(OUTCOME_CHANNEL);
      channel.postMessage(outcome);
      channel.close();
    }
  } catch {
    // no BroadcastChannel in this webview
  }
}

/** Keeps an outcome for its workbook's pane to show when it opens (best effort). */
export function keepPending(outcome: Outcome, scope: OutcomeScope = globals()): void {
  try {
    scope.localStorage?.setItem(pendingKey(outcome.document), JSON.stringify(outcome));
  } catch {
    // storage disabled
  }
}

/** The outcome was shown after all (a dialog opened): nothing waits for the pane. */
export function dropPending(outcome: Outcome, scope: OutcomeScope = globals()): void {
  try {
    const key = pendingKey(outcome.document);
    const kept = scope.localStorage?.getItem(key);
    if (kept && (JSON.parse(kept) as Outcome).at === outcome.at) scope.localStorage?.removeItem(key);
  } catch {
    // storage disabled, or not ours
  }
}

/** Whether the pane of this workbook said it listens within the last few heartbeats. */
export function paneListening(scope: OutcomeScope = globals(), now = Date.now(), document: string | null = null): boolean {
  try {
    const at = Number(scope.localStorage?.getItem(paneKey(document)) ?? NaN);
    return Number.isFinite(at) && now - at >= 0 && now - at < HEARTBEAT_MS * 3;
  } catch {
    return false;
  }
}

function isOutcome(value: unknown): value is Outcome {
  const outcome = value as Outcome | null;
  return typeof outcome === 'object' && outcome !== null && typeof outcome.command === 'string' && typeof outcome.ok === 'boolean' && typeof outcome.at === 'string' && typeof outcome.text === 'object';
}

/** This workbook's id, or a promise of it (the pane asks the adapter: it may have to make one). */
export type DocumentIdSource = string | null | Promise<string | null>;

/**
 * For the task pane: calls `callback` with each outcome a ribbon command of
 * this workbook (`document`) publishes while the pane is open (once,
 * whichever way it arrives) and with one that waited for it (no pane
 * listened, no dialog could be shown), and keeps the heartbeat that tells
 * this workbook's commands a pane is listening. Outcomes of other workbooks
 * are not this pane's. Returns the function that stops listening.
 */
export function subscribeOutcomes(callback: (outcome: Outcome) => void, scope: OutcomeScope = globals(), document: DocumentIdSource = null): () => void {
  const seen = new Set<string>();
  let mine: string | null | undefined = undefined;
  let stopped = false;
  const deliver = (message: unknown) => {
    // Until the id is known nothing is delivered (the heartbeat is not written yet either: commands fall back to their dialog).
    if (!isOutcome(message) || mine === undefined || (message.document ?? null) !== mine) return;
    const id = `${message.command}@${message.at}`;
    if (seen.has(id)) return;
    seen.add(id);
    callback(message);
  };
  let channel: BroadcastChannel | null = null;
  try {
    if (scope.BroadcastChannel) {
      channel = new scope.BroadcastChannel(OUTCOME_CHANNEL);
      channel.onmessage = (e: MessageEvent) => deliver(e.data);
    }
  } catch {
    channel = null;
  }
  const onStorage = (event: { key: string | null; newValue: string | null }) => {
    if (event.key !== OUTCOME_KEY || event.newValue === null) return;
    try {
      deliver(JSON.parse(event.newValue));
    } catch {
      // not ours
    }
  };
  scope.addEventListener?.('storage', onStorage);
  const beat = () => {
    if (mine === undefined || stopped) return;
    try {
      scope.localStorage?.setItem(paneKey(mine), String(Date.now()));
    } catch {
      // storage disabled: commands fall back to their dialog
    }
  };
  const start = (id: string | null) => {
    if (stopped) return;
    mine = id;
    beat();
    takePending(scope, id, deliver);
  };
  if (document instanceof Promise) document.then(start, () => start(null));
  else start(document);
  const timer = scope.setInterval?.(beat, HEARTBEAT_MS);
  return () => {
    stopped = true;
    if (timer !== undefined) scope.clearInterval?.(timer as never);
    scope.removeEventListener?.('storage', onStorage);
    channel?.close();
    try {
      if (mine !== undefined) scope.localStorage?.removeItem(paneKey(mine));
    } catch {
      // nothing to undo
    }
  };
}

/** Delivers (and removes) the outcome that waited for this workbook's pane, if it is recent. */
function takePending(scope: OutcomeScope, document: string | null, deliver: (message: unknown) => void): void {
  try {
    const key = pendingKey(document);
    const kept = scope.localStorage?.getItem(key);
    if (!kept) return;
    scope.localStorage?.removeItem(key);
    const outcome = JSON.parse(kept) as Outcome;
    if (Date.now() - Date.parse(outcome.at) < PENDING_MS) deliver(outcome);
  } catch {
    // storage disabled, or not ours
  }
}
