// Renders the pane into a page element, against the Excel adapter over
// whatever `Excel` and `Office` the page has: office.js in Excel, the fake
// in the browser preview. Called once Office is ready.

import { createRoot, type Root } from 'react-dom/client';
import { createExcelHost } from '../excel/host';
import { langFromDisplayLanguage } from '../i18n/ui';
import { App } from './App';

export function mountPane(container: HTMLElement): Root {
  const lang = langFromDisplayLanguage(Office.context?.displayLanguage);
  document.documentElement.lang = lang;
  const root = createRoot(container);
  root.render(<App host={createExcelHost()} lang={lang} />);
  return root;
}
