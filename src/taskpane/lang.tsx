// The pane's language, given once at the top (App) and read by every
// component, so components need no `lang` prop of their own.

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Localized } from '../core';
import { uiText, type Lang, type UiKey, type UiParams } from '../i18n/ui';

const LangContext = createContext<Lang>('mn');

export function LangProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  return <LangContext.Provider value={lang}>{children}</LangContext.Provider>;
}

export interface UiWords {
  lang: Lang;
  /** A pane string by key. */
  t: (key: UiKey, params?: UiParams) => string;
  /** The chosen language's side of an engine text (finding message, role name…). */
  pick: (text: Localized) => string;
}

export function useUiText(): UiWords {
  const lang = useContext(LangContext);
  return useMemo(
    () => ({
      lang,
      t: (key: UiKey, params?: UiParams) => uiText(lang, key, params),
      pick: (text: Localized) => text[lang],
    }),
    [lang],
  );
}
