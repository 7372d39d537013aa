// Renders the pane into a page element. In Excel (index.tsx): the Excel
// adapter over office.js, its engine in a Web Worker, the ribbon's outcomes
// heard. On the web page (src/preview): the same adapter over the fake
// Excel, the page's worker, a Download, no ribbon.

import { startTransition } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { subscribeOutcomes } from '../commands/outcomes';
import { createExcelHost } from '../excel/host';
import type { HostActions } from '../excel/types';
import { langFromDisplayLanguage, type Lang } from '../i18n/ui';
import { App } from './App';
import type { PaneOptions } from './actions/types';

export interface MountOptions extends PaneOptions {
  /** The host (the Excel adapter over the globals when absent). */
  host?: HostActions;
  /** The language to start in (Office's display language when absent). */
  lang?: Lang;
}

export function mountPane(container: HTMLElement, options: MountOptions = {}): Root {
  const lang = options.lang ?? langFromDisplayLanguage(typeof Office !== 'undefined' ? Office.context?.displayLanguage : undefined);
  document.documentElement.lang = lang;
  const root = createRoot(container);
  const host = options.host ?? createExcelHost();
  // The ribbon's outcomes of this workbook only: every open workbook's pages share one origin's storage.
  const outcomes = options.outcomes === undefined ? (callback: Parameters<typeof subscribeOutcomes>[0]) => subscribeOutcomes(callback, undefined, host.documentId?.() ?? null) : options.outcomes;
  // The first paint is the costliest (every style computed once): drawn in slices, so a page reading its
  // workbook meanwhile (the web page) is not held up by it.
  startTransition(() =>
    root.render(
    <App
      host={host}
      lang={lang}
      download={options.download}
      rollup={options.rollup}
      notice={options.notice}
      outcomes={outcomes}
    />,
    ),
  );
  return root;
}
