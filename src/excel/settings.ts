// The user's choices, kept with the workbook in the add-in's document
// settings (Office.context.document.settings) as one JSON string.

import { DEFAULT_PROFILE_ID, ROLES, type ColumnOverride, type Profile, type RoleChoice } from '../core';
import { refreshSettings } from './document-id';
import type { OfficeLike } from './env';
import type { AddinSettings, Lang, Scope } from './types';

export const SETTINGS_KEY = 'unelgee.settings';

export function defaultSettings(displayLanguage: string): AddinSettings {
  return {
    profileId: DEFAULT_PROFILE_ID,
    scope: 'sheet',
    lang: /^en/i.test(displayLanguage) ? 'en' : 'mn',
    overrides: [],
  };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function override(raw: unknown): ColumnOverride | null {
  if (!isObject(raw)) return null;
  const role = raw.role as RoleChoice;
  if (typeof raw.sheet !== 'string' || typeof raw.headerRow !== 'number' || typeof raw.col !== 'number') return null;
  if (role !== 'ignore' && !(ROLES as readonly string[]).includes(role)) return null;
  return { sheet: raw.sheet, headerRow: raw.headerRow, col: raw.col, role };
}

/** Settings as stored, checked field by field: anything odd falls back to the default. */
export function parseSettings(raw: unknown, displayLanguage: string): AddinSettings {
  const settings = defaultSettings(displayLanguage);
  let data: unknown = raw;
  if (typeof raw === 'string') {
    try {
      data = JSON.parse(raw);
    } catch {
      return settings;
    }
  }
  if (!isObject(data)) return settings;
  if (typeof data.profileId === 'string' && data.profileId !== '') settings.profileId = data.profileId;
  if (data.scope === 'sheet' || data.scope === 'workbook') settings.scope = data.scope as Scope;
  if (data.lang === 'mn' || data.lang === 'en') settings.lang = data.lang as Lang;
  if (Array.isArray(data.overrides)) settings.overrides = data.overrides.map(override).filter((o): o is ColumnOverride => o !== null);
  if (isObject(data.profile) && typeof data.profile.id === 'string' && Array.isArray(data.profile.scale) && Array.isArray(data.profile.grades)) {
    const profile = data.profile as unknown as Profile;
    // A lowest band saved as -Infinity comes back from JSON as null: it catches everything.
    settings.profile = { ...profile, grades: profile.grades.map((g) => ({ ...g, above: typeof g.above === 'number' ? g.above : -1 })) };
  }
  return settings;
}

/**
 * The settings as this runtime holds them; `fresh`: read again from the
 * document first (the ribbon's runtime, which loaded its copy when it
 * started, so a choice saved in the pane since then applies).
 */
export async function loadSettings(office: OfficeLike, options: { fresh?: boolean } = {}): Promise<AddinSettings> {
  if (options.fresh) await refreshSettings(office.context.document.settings);
  return parseSettings(office.context.document.settings.get(SETTINGS_KEY), office.context.displayLanguage ?? '');
}

export function saveSettings(office: OfficeLike, settings: AddinSettings): Promise<void> {
  const store = office.context.document.settings;
  store.set(SETTINGS_KEY, JSON.stringify(settings));
  return new Promise((resolve, reject) => {
    store.saveAsync((result) => {
      if (result.status === 'failed' || result.status === 1) reject(new Error(result.error?.message ?? 'Settings were not saved'));
      else resolve();
    });
  });
}
