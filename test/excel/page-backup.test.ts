// How a sheet the add-in rewrites in place prints, through the rewrite and
// its Revert (src/excel/page-backup.ts): the summary, the evaluation sheet
// and the findings sheet are never renamed, so the page setup a user gave
// one (margins, print titles and area, header and footer, page breaks,
// orientation, zoom) is kept as data with the snapshot; the rewritten
// sheet prints with the plan's setup (no stale break or header), and
// Revert puts the user's back. No documented call removes print titles or
// a print area: those the earlier sheet did not have stay after Revert, and
// those a user gave the evaluation sheet (whose plan sets none) stay
// through its rewrite.

import { findingsSheetWords } from '../../src/i18n/findings-sheet';
import { EVALUATION_FORM } from '../../src/i18n/evaluation-form';
import type { FakeExcel } from '../../src/in-memory-excel/excel';
import { loadFixture } from '../support/load-fixture';
import { SUMMARY_SHEET } from '../support/words';
import { rig, settings } from './helpers';

/** A user's own page setup on the sheet: wide margins, two rows of titles, a small print area, a header, a footer, two breaks, portrait at 80 %. */
async function userPageSetup(fake: FakeExcel, sheet: string): Promise<void> {
  await fake.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    const page = ws.pageLayout;
    page.orientation = 'Portrait';
    page.zoom = { scale: 80 };
    page.setPrintMargins('Inches', { left: 1, right: 1, top: 1.2, bottom: 1.2, header: 0.5, footer: 0.5 });
    page.setPrintTitleRows('$1:$2');
    page.setPrintArea('A1:C10');
    page.headersFooters.defaultForAllPages.centerHeader = 'Хэлтсийн хэвлэх загвар';
    page.headersFooters.defaultForAllPages.rightFooter = 'Бэлтгэсэн: Б. Бат';
    ws.horizontalPageBreaks.add('A7');
    ws.horizontalPageBreaks.add('A9');
    await context.sync();
  });
}

const layoutOf = (fake: FakeExcel, sheet: string) => fake.dump().sheets.find((s) => s.name === sheet)!.pageLayout;

describe('the summary rewritten in place', () => {
  it('prints with the plan’s setup alone; Revert puts the user’s page setup back as it was', async () => {
    const { data } = await loadFixture('report-2024-aimag-admin-dept.xlsx');
    const { fake, host } = rig(data);
    await host.compute(settings());
    const planned = layoutOf(fake, SUMMARY_SHEET);
    await userPageSetup(fake, SUMMARY_SHEET);
    const edited = fake.dump();
    expect(layoutOf(fake, SUMMARY_SHEET)).toMatchObject({ rowBreaks: [6, 8], printArea: 'A1:C10', headerFooter: { centerHeader: 'Хэлтсийн хэвлэх загвар' } });

    const again = await host.compute(settings({ lang: 'en' }));
    expect(again.plan.summary).toMatchObject({ name: SUMMARY_SHEET, replaces: true });
    // The English summary's footer says "Page" where the Mongolian one said "Хуудас": all else as the first Compute set it.
    const rewritten = layoutOf(fake, SUMMARY_SHEET);
    expect({ ...rewritten, headerFooter: { ...rewritten.headerFooter, rightFooter: undefined } }).toEqual({ ...planned, headerFooter: { ...planned.headerFooter, rightFooter: undefined } });
    expect(rewritten.rowBreaks).toBeUndefined();
    expect(rewritten.headerFooter?.centerHeader).toBeUndefined();

    await host.revert();
    expect({ ...fake.dump(), active: edited.active }).toEqual(edited);
  });

  it('not kept: print titles and a print area the earlier summary did not have stay after Revert; all else comes back', async () => {
    const { data } = await loadFixture('report-2024-aimag-admin-dept.xlsx');
    const { fake, host } = rig(data);
    await host.compute(settings());
    // A summary as an earlier version made it: no print titles, no print area.
    const model = fake.sheet(SUMMARY_SHEET);
    const rest = { ...model.pageLayout };
    delete rest.printTitleRows;
    delete rest.printArea;
    model.pageLayout = rest;
    const earlier = fake.dump();
    await host.compute(settings({ lang: 'en' }));
    await host.revert();
    const after = fake.dump();
    const summaryNow = after.sheets.find((s) => s.name === SUMMARY_SHEET)!;
    const summaryBefore = earlier.sheets.find((s) => s.name === SUMMARY_SHEET)!;
    const { printTitleRows, printArea, ...others } = summaryNow.pageLayout;
    expect(printTitleRows).toEqual({ top: 4, bottom: 4 });
    expect(printArea).toMatch(/^A1:K\d+$/);
    expect(others).toEqual(summaryBefore.pageLayout);
    expect({ ...after, active: earlier.active, sheets: after.sheets.map((s) => (s.name === SUMMARY_SHEET ? { ...s, pageLayout: summaryBefore.pageLayout } : s)) }).toEqual(earlier);
  });
});

describe('the evaluation sheet made again', () => {
  it('has the plan’s breaks only (the user’s print titles and area stay: its plan sets none, and none can be removed); Revert brings the user’s setup back', async () => {
    const { data } = await loadFixture('report-2025-h1-consulting-unit.xlsx');
    const { fake, host } = rig(data);
    const name = EVALUATION_FORM.sheetName;
    const made = await host.createEvaluationSheet(settings());
    const planned = layoutOf(fake, name);
    await userPageSetup(fake, name);
    const edited = fake.dump();
    await host.createEvaluationSheet(settings());
    expect(layoutOf(fake, name)).toEqual({ ...planned, printTitleRows: { top: 0, bottom: 1 }, printArea: 'A1:C10' });
    expect(planned.rowBreaks ?? []).toEqual(made.plan.addedSheets![0].print?.rowBreaks ?? []);
    await host.revert();
    expect({ ...fake.dump(), active: edited.active }).toEqual(edited);
  });
});

describe('the findings sheet made again', () => {
  it('keeps the user’s page setup and its links to the findings’ cells through the rewrite’s Revert', async () => {
    const { data } = await loadFixture('report-2024-aimag-admin-dept.xlsx');
    const { fake, host } = rig(data);
    const name = findingsSheetWords('mn').sheetName;
    await host.createFindingsSheet(settings());
    const planned = layoutOf(fake, name);
    await userPageSetup(fake, name);
    const edited = fake.dump();
    const links = Object.values(edited.sheets.find((s) => s.name === name)!.cells).filter((c) => c.link).length;
    expect(links).toBeGreaterThan(0);
    await host.createFindingsSheet(settings());
    expect(layoutOf(fake, name)).toEqual(planned);
    await host.revert();
    expect({ ...fake.dump(), active: edited.active }).toEqual(edited);
  });
});
