// Which workbook this is, for the messages that travel between the add-in's
// pages. The pane and the ribbon's function file of every open workbook are
// pages of one origin: they share localStorage and BroadcastChannel
// (src/commands/outcomes.ts). So a ribbon outcome and the pane's heartbeat
// carry the document's id, and a pane hears only its own workbook's ribbon.
//
// The id is kept in the document's settings (Office.context.document.settings),
// which both runtimes of the add-in on one workbook read: made (and saved)
// by whichever asks first. The ribbon's runtime loaded its copy of the
// settings when it started, so it refreshes them (refreshAsync) before
// reading the id, in case the pane made it since. A copy of a saved workbook
// carries the same id: two such copies open at once are told apart no
// better than before ids existed.

import type { OfficeLike, SettingsStore } from './env';

export const DOCUMENT_ID_KEY = 'unelgee.document';

function newId(): string {
  const cryptoApi = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (cryptoApi?.randomUUID) return cryptoApi.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
}

/** Reads the document's settings again (refreshAsync), where this Office has it; a failure keeps the copy in memory. */
export function refreshSettings(store: SettingsStore): Promise<void> {
  return new Promise((resolve) => {
    if (typeof store.refreshAsync !== 'function') {
      resolve();
      return;
    }
    try {
      store.refreshAsync(() => resolve());
    } catch {
      resolve();
    }
  });
}

function save(store: SettingsStore): Promise<void> {
  return new Promise((resolve) => {
    try {
      store.saveAsync(() => resolve());
    } catch {
      resolve();
    }
  });
}

function keptId(store: SettingsStore): string | null {
  const kept = store.get(DOCUMENT_ID_KEY);
  return typeof kept === 'string' && kept !== '' ? kept : null;
}

/**
 * The document's id: the one in its settings (read again from the document
 * before making one: the other runtime may have made it since this one
 * started), or a new one saved there. Null where there are no document
 * settings to keep it in.
 */
export async function documentId(office: OfficeLike): Promise<string | null> {
  const store = office.context?.document?.settings;
  if (!store) return null;
  const kept = keptId(store);
  if (kept) return kept;
  await refreshSettings(store);
  const made = keptId(store);
  if (made) return made;
  const id = newId();
  store.set(DOCUMENT_ID_KEY, id);
  await save(store);
  return id;
}
