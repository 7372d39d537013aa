/** @jest-environment jsdom */
// The year's cycle in the pane (the Бусад menu): the report form made from a
// plan, next year's plan made from a report (what it renumbered and left
// out, said), a report held against a plan file the user picks (its
// findings listed); what each offers for the workbook open; Revert's words.

import '@testing-library/jest-dom';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Sheet } from '../../src/core';
import type { CellValue } from '../../src/core/sheet';
import { REPORT_HEADER, sheetOf } from '../support/sheet-builder';
import { paneReady, renderReady } from './open';
import { PLAN_FILES, stubHost } from './stub-host';

const PLAN_ROWS: CellValue[][] = [
  ['2025 ОНЫ ГҮЙЦЭТГЭЛИЙН ТӨЛӨВЛӨГӨӨ'],
  ['Д/д', 'Арга хэмжээ', 'Шалгуур үзүүлэлт', 'Суурь түвшин', 'Хүрэх түвшин', 'Хугацаа'],
  ['Зорилт 1. Төрийн үйлчилгээ'],
  [1, 'Сургалт зохион байгуулах', 'Сургалтын тоо', 2, 4, 'I улирал'],
  [2, 'Тайлан гаргаж хүргүүлэх', 'Тайлангийн тоо', 1, 2, 'II улирал'],
  [3, 'Хяналт шалгалт хийх', 'Хяналтын тоо', 1, 2, 'III улирал'],
];
const planSheet = (): Sheet => sheetOf(PLAN_ROWS, { name: 'Төлөвлөгөө' });

/** A report copied from the plan: item 2 lost, the numbering left with a gap. */
const reportSheet = (): Sheet =>
  sheetOf(
    [
      ['2025 ОНЫ ГҮЙЦЭТГЭЛИЙН ТАЙЛАН'],
      REPORT_HEADER,
      ['Зорилт 1. Төрийн үйлчилгээ'],
      [1, 'Сургалт зохион байгуулах', 'Сургалтын тоо', 2, 4, 4, null],
      [3, 'Хяналт шалгалт хийх', 'Хяналтын тоо', 1, 2, 'Хийсэн', 70],
    ],
    { name: 'Тайлан' },
  );

const more = (lang: 'mn' | 'en' = 'mn') => screen.getByRole('button', { name: lang === 'mn' ? 'Бусад үйлдэл' : 'More actions' });

describe('The year’s cycle in the pane', () => {
  it('offers the report form for a plan (and nothing a report would need), makes it, and says what it made', async () => {
    const user = userEvent.setup({ delay: null });
    const host = stubHost([planSheet()]);
    await renderReady(host);
    await user.click(more());
    const item = await screen.findByRole('menuitem', { name: 'Тайлангийн маягт үүсгэх' });
    expect(screen.queryByRole('menuitem', { name: 'Дараа оны төлөвлөгөө үүсгэх' })).toBeNull();
    expect(screen.queryByRole('menuitem', { name: 'Төлөвлөгөөтэй тулгах…' })).toBeNull();
    await user.click(item);
    await paneReady();
    expect(host.createReportForm).toHaveBeenCalledTimes(1);
    await screen.findByText(/«Тайлан» хуудсанд тайлангийн маягт үүсгэлээ: 3 арга хэмжээ, «2025 оны жилийн эцсийн байдлаар»/);
    await user.click(more());
    await screen.findByRole('menuitem', { name: 'Тайлангийн маягт үүсгэх' });
    // The workbook holds the form now (a report): next year's plan and the plan check are offered too.
    expect(screen.getByRole('menuitem', { name: 'Дараа оны төлөвлөгөө үүсгэх' })).toBeInTheDocument();
  });

  it('makes next year’s plan from a report, and says what it renumbered and why', async () => {
    const user = userEvent.setup({ delay: null });
    const host = stubHost([reportSheet()], { lang: 'en' });
    await renderReady(host, 'en');
    await user.click(more('en'));
    await user.click(await screen.findByRole('menuitem', { name: 'Make next year’s plan' }));
    await paneReady();
    expect(host.createNextPlan).toHaveBeenCalledTimes(1);
    await screen.findByText(/Made next year’s plan on "Төлөвлөгөө 2026": 2 items, 1 marked Үргэлжлүүлэх\. Fill in the targets\. Renumbered \(1 number changed\): the report had gaps 1 → 3\./);
  });

  it('holds the report against the plan file picked, and lists what the copying lost', async () => {
    const user = userEvent.setup({ delay: null });
    const host = stubHost([reportSheet()], { lang: 'en' });
    await renderReady(host, 'en');
    await user.click(more('en'));
    expect(await screen.findByRole('menuitem', { name: 'Hold against the plan…' })).toBeInTheDocument();
    PLAN_FILES.set('plan-2025.xlsx', [planSheet()]);
    const bytes = new Uint8Array([80, 75, 3, 4, 20, 0]);
    const file = new File([bytes], 'plan-2025.xlsx');
    fireEvent.change(screen.getByTestId('plan-file'), { target: { files: [file] } });
    await waitFor(() => expect(host.checkAgainstPlan).toHaveBeenCalledTimes(1));
    const [, plan] = host.checkAgainstPlan.mock.calls[0];
    expect(plan.name).toBe('plan-2025.xlsx');
    expect([...plan.bytes]).toEqual([...bytes]);
    await screen.findByText(/Held against "plan-2025\.xlsx": 2 matched, 1 missing from the report, 0 not in the plan\./);
    await screen.findByText(/The plan's Item 2 "Тайлан гаргаж хүргүүлэх" \(Төлөвлөгөө!B5\) is missing from the report; it belongs here\./);
  });

  it('says what Revert undid when it took the report form away', async () => {
    const user = userEvent.setup({ delay: null });
    const host = stubHost([planSheet()], { lang: 'en' });
    host.canRevert.mockResolvedValue(true);
    host.nextRevert.mockResolvedValue({ kind: 'report-form', at: '2025-01-15T08:00:00Z', sheets: [] });
    host.revert.mockResolvedValueOnce({ undone: { kind: 'report-form', at: '2025-01-15T08:00:00Z', sheets: [] }, restored: 0, removedSheets: ['Тайлан'], keptCells: [] });
    await renderReady(host, 'en');
    await user.click(screen.getByRole('button', { name: 'Revert' }));
    await paneReady();
    await screen.findByText(/Undid the report form of \d\d:\d\d\./);
  });
});
