// "Нэгтгэх" is the roll-up; merged cells are "нийлүүлсэн нүд". Every
// Mongolian sentence a user reads (finding messages and descriptions, the
// command line's, the pane's, the page's, the Excel adapter's) keeps the two
// apart, so a user told about a merged cell never looks for the roll-up.
import { FINDINGS } from '../../src/core';
import { CLI_TEXT } from '../../src/i18n/cli';
import { EXCEL_TEXT } from '../../src/i18n/excel';
import { UI_TEXT } from '../../src/i18n/ui';
import { WEB_TEXT } from '../../src/i18n/web';

/** Every Mongolian string in a nested table of words. */
function mongolian(value: unknown, out: string[] = []): string[] {
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'mn' && typeof inner === 'string') out.push(inner);
      else mongolian(inner, out);
    }
  }
  return out;
}

describe('merged cells and the roll-up are different words', () => {
  const sentences = mongolian([FINDINGS, CLI_TEXT, EXCEL_TEXT, UI_TEXT, WEB_TEXT]);

  it('no sentence calls merged cells "нэгтгэсэн нүд" (the roll-up\'s word)', () => {
    expect(sentences.length).toBeGreaterThan(300);
    expect(sentences.filter((s) => /нэгтгэсэн нүд|нэгтгэгдсэн|нэгтгэлийг болиулах|нэгтгэлийг болиулаад/i.test(s))).toEqual([]);
  });

  it('the merged percent cell is "нийлүүлсэн нүд", and what to do is to split it', () => {
    const message = FINDINGS['percent-merged'];
    expect(mongolian(message).join('\n')).toMatch(/нийлүүлсэн нүдний нэг хэсэг.*Нүдийг салгаад/);
  });
});
