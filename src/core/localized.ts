// A text in both languages the product speaks, and the languages. The
// lowest of the engine's types: the finding registry (findings/) declares its
// messages with it from below types.ts, which re-exports it.

/** The languages the product speaks: Mongolian (default) and English. */
export type Lang = 'mn' | 'en';

export interface Localized {
  mn: string;
  en: string;
}
