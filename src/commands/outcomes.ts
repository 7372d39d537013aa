// How a ribbon command's outcome reaches the task pane. The command runs in
// its own hidden page (the manifest declares no shared runtime), so it
// leaves the outcome where a pane of the same origin can see it: in
// localStorage (OUTCOME_KEY) and on the BroadcastChannel "unelgee". A pane
// that listens (subscribeOutcomes) says so with a heartbeat in localStorage
// (PANE_KEY), which the command reads to choose between the pane and a
// dialog.

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
  /** AddinError code, or "unexpected". */
  code?: string;
  at: string;
}

export const OUTCOME_KEY = 'unelgee.outcome';
const OUTCOME_CHANNEL = 'unelgee';
/** Written by a listening pane every HEARTBEAT_MS: the time it last said it listens. */
export const PANE_KEY = 'unelgee.pane';
const HEARTBEAT_MS = 2000;

/** Where outcomes travel: the globals by default, stand-ins in tests. */
export interface OutcomeScope {
  localStorage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  BroadcastChannel?: typeof BroadcastChannel;
  addEventListener?: (type: 'storage', listener: (e: { key: string | null; newValue: string | null }) => void) => void;
  removeEventListener?: (type: 'storage', listener: (e: { key: string | null; newValue: string | null }) => void) => void;
  setInterval?: (f: () => void, ms: number) => unknown;
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

/** Whether a pane said it listens within the last few heartbeats. */
export function paneListening(scope: OutcomeScope = globals(), now = Date.now()): boolean {
  try {
    const at = Number(scope.localStorage?.getItem(PANE_KEY) ?? NaN);
    return Number.isFinite(at) && now - at >= 0 && now - at < HEARTBEAT_MS * 3;
  } catch {
    return false;
  }
}

function isOutcome(x: unknown): x is Outcome {
  const o = x as Outcome | null;
  return typeof o === 'object' && o !== null && typeof o.command === 'string' && typeof o.ok === 'boolean' && typeof o.at === 'string' && typeof o.text === 'object';
}

/**
 * For the task pane: calls `callback` with each outcome a ribbon command
 * publishes while the pane is open (once, whichever way it arrives), and
 * keeps the heartbeat that tells the commands a pane is listening. Returns
 * the function that stops listening.
 */
export function subscribeOutcomes(callback: (outcome: Outcome) => void, scope: OutcomeScope = globals()): () => void {
  const seen = new Set<string>();
  const deliver = (x: unknown) => {
    if (!isOutcome(x)) return;
    const id = `${x.command}@${x.at}`;
    if (seen.has(id)) return;
    seen.add(id);
    callback(x);
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
  const onStorage = (e: { key: string | null; newValue: string | null }) => {
    if (e.key !== OUTCOME_KEY || e.newValue === null) return;
    try {
      deliver(JSON.parse(e.newValue));
    } catch {
      // not ours
    }
  };
  scope.addEventListener?.('storage', onStorage);
  const beat = () => {
    try {
      scope.localStorage?.setItem(PANE_KEY, String(Date.now()));
    } catch {
      // storage disabled: commands fall back to their dialog
    }
  };
  beat();
  const timer = scope.setInterval?.(beat, HEARTBEAT_MS);
  return () => {
    if (timer !== undefined) scope.clearInterval?.(timer as never);
    scope.removeEventListener?.('storage', onStorage);
    channel?.close();
    try {
      scope.localStorage?.removeItem(PANE_KEY);
    } catch {
      // nothing to undo
    }
  };
}
