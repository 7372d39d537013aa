// Excel's errors in the user's words: each known code a plain sentence in
// both languages that says what to do, Excel's English kept apart as the
// detail; the adapter's own errors as they are.

import { describeFailure } from '../../src/excel/office-errors';
import { AddinError } from '../../src/excel/types';

const excelError = (code: string, message: string) => Object.assign(new Error(message), { code, name: 'RichApi.Error' });

describe('describeFailure', () => {
  it.each([
    ['AccessDenied', /хамгаалалттай/, /protected/],
    ['ApiNotFound', /Excel-ээ шинэчлэх/, /Update Excel/],
    ['RequestPayloadSizeLimitExceeded', /хэт том/, /too large/],
    ['ResponsePayloadSizeLimitExceeded', /хэт том/, /too large/],
    ['GeneralException', /дотоод алдаа/, /internal error/],
    ['InvalidOperation', /хүлээж авсангүй/, /refused/],
    ['ItemNotFound', /өөрчлөгдсөн/, /changed while Unelgee worked/],
    ['InvalidSelection', /Диаграм/, /chart or shape is selected/],
    ['InvalidOperationInCellEditMode', /Enter эсвэл Esc/, /Press Enter or Esc/],
    ['ActivityLimitReached', /завгүй/, /busy/],
  ])('%s: plain words, Excel’s text only as the detail', (code, mn, en) => {
    const raw = 'The request payload size has exceeded the limit. See the documentation.';
    const out = describeFailure(excelError(code, raw));
    expect(out.code).toBe(code);
    expect(out.text.mn).toMatch(mn);
    expect(out.text.en).toMatch(en);
    expect(out.text.mn).toMatch(/Буцаах/);
    expect(`${out.text.mn}${out.text.en}`).not.toContain(raw);
    expect(out.detail).toBe(`${code}: ${raw}`);
  });

  it('an unknown code or a plain error is "unexpected", with its message as the detail', () => {
    expect(describeFailure(new TypeError('x is undefined'))).toMatchObject({ code: 'unexpected', detail: 'x is undefined' });
    expect(describeFailure(excelError('SomethingNew', 'new'))).toMatchObject({ code: 'unexpected', detail: 'SomethingNew: new' });
  });

  it('an AddinError keeps its own words and has no detail', () => {
    const e = new AddinError('no-report', { mn: 'Тайлан алга.', en: 'No report.' });
    expect(describeFailure(e)).toEqual({ code: 'no-report', text: e.text, detail: null });
  });
});
