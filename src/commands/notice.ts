// The dialog page a command opens when no pane listens: commands.html with
// ?notice=…&ok=…&lang=…(&detail=…), the text, Excel's own words folded
// under "Дэлгэрэнгүй" when there are any, and an OK button that asks the
// add-in to close it.

import { EXCEL_TEXT } from '../i18n/excel';
import type { OfficeForCommands } from './report';

export function renderNotice(document: Document, search: string, office?: OfficeForCommands): boolean {
  const params = new URLSearchParams(search);
  const text = params.get('notice');
  if (text === null) return false;
  const lang = params.get('lang') === 'en' ? 'en' : 'mn';
  document.documentElement.lang = lang;
  const main = document.createElement('main');
  main.setAttribute('role', params.get('ok') === '1' ? 'status' : 'alert');
  main.style.cssText = 'font: 14px/1.45 "Segoe UI", system-ui, sans-serif; padding: 16px; color: #201f1e;';
  const paragraph = document.createElement('p');
  paragraph.textContent = text;
  const detail = params.get('detail');
  let more: HTMLElement | null = null;
  if (detail) {
    more = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = EXCEL_TEXT.details[lang];
    const raw = document.createElement('p');
    raw.textContent = detail;
    raw.style.cssText = 'font-size: 12px; color: #605e5c; overflow-wrap: anywhere;';
    more.append(summary, raw);
  }
  const ok = document.createElement('button');
  ok.type = 'button';
  ok.textContent = EXCEL_TEXT.noticeOk[lang];
  ok.addEventListener('click', () => office?.context.ui.messageParent?.('close'));
  main.append(...(more ? [paragraph, more, ok] : [paragraph, ok]));
  document.body.append(main);
  ok.focus();
  return true;
}
