// The fake counts what office-js puts on the wire. The same batches are
// built by the fake and by office-js itself (excel-web-16.00.debug.js in
// jsdom, test/support/office-js.ts): real actions of the adapter, teed call
// for call to both, sync by sync within 10 % (the model is exact where the
// fake has the member: the same body, byte for byte); and a response the
// fake counts is one office-js reads.

import { FakeExcel, type FakeWorkbookData } from '../../src/in-memory-excel/excel';
import { createExcelHost } from '../../src/excel/host';
import { loadFixture } from '../support/load-fixture';
import { officeContext, tee, type SyncPair } from '../support/office-js';
import { syntheticReport } from '../support/synthetic';
import { FIXED_NOW, settings } from './helpers';
import type { OfficeLike } from '../../src/excel/env';

function within(pairs: SyncPair[], share: number): string[] {
  return pairs.filter((p) => Math.abs(p.fake - p.office) > share * p.office).map((p) => `fake ${p.fake} B, office-js ${p.office} B`);
}

describe('a simple batch', () => {
  it('is the same request body in the fake and in office-js, byte for byte', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'Тайлан', values: [[1, 2], [3, 4]], merges: [] }] });
    fake.keepBodies = true;
    const sent = { bodies: [] as string[], bytes: [] as number[] };
    const office = officeContext(sent);
    const queue = (context: Excel.RequestContext) => {
      const ws = context.workbook.worksheets.getItem('Тайлан');
      const range = ws.getRangeByIndexes(0, 0, 2, 2);
      range.values = [[5, 6], [7, 8]];
      range.format.fill.color = '#FFC7CE';
      range.format.font.bold = true;
      ws.getRange('A1:B1').format.borders.getItem('EdgeTop').style = 'Continuous';
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('address,values');
      ws.protection.load('protected');
    };
    queue(office as unknown as Excel.RequestContext);
    await office.sync();
    await fake.run(async (context) => {
      queue(context as unknown as Excel.RequestContext);
      await context.sync();
    });
    expect(fake.lastRequest).toBe(sent.bodies[0]);
  });
});

describe('a response the fake counts', () => {
  it('is one office-js reads: the same values loaded, null objects null, a collection’s items, a method’s value', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'Тайлан', values: [['Хувь', 95], ['Дундаж', 87.5]], merges: ['A3:B3'] }, { name: 'Хоосон', values: [], merges: [] }] });
    fake.keepBodies = true;
    type Loaded = { values: unknown; address: unknown; empty: boolean; names: unknown; bold: unknown; merged: unknown };
    const queue = (context: Excel.RequestContext) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      const range = sheets.getItem('Тайлан').getRange('A1:B2');
      range.load('values,address');
      const empty = sheets.getItem('Хоосон').getUsedRangeOrNullObject(true);
      const props = range.getCellProperties({ format: { font: { bold: true } } });
      const merged = sheets.getItem('Тайлан').getRange('1:10').getMergedAreasOrNullObject();
      merged.areas.load('items/address');
      return (): Loaded => ({
        values: range.values,
        address: range.address,
        empty: empty.isNullObject,
        names: sheets.items.map((s) => s.name),
        bold: props.value.map((r) => r.map((c) => c.format?.font?.bold)),
        merged: merged.areas.items.map((a) => a.address),
      });
    };
    let fromFake: Loaded | null = null;
    await fake.run(async (context) => {
      const read = queue(context as unknown as Excel.RequestContext);
      await context.sync();
      fromFake = read();
    });
    const sent = { bodies: [] as string[], bytes: [] as number[] };
    const office = officeContext(sent, () => JSON.parse(fake.lastResponse!));
    const read = queue(office as unknown as Excel.RequestContext);
    await office.sync();
    expect(sent.bodies[0]).toBe(fake.lastRequest);
    expect(read()).toEqual(fromFake);
    expect(fromFake!.empty).toBe(true);
    expect(fromFake!.values).toEqual([['Хувь', 95], ['Дундаж', 87.5]]);
  });
});

describe('page setup on the wire', () => {
  const sheets = () => ({ sheets: [{ name: 'Нэгтгэл', values: [['Хүснэгт', 'Дундаж'], ['Тайлан', 87.5], ['Төлөвлөгөө', 90]], merges: [] }] });

  it('setting it (margins, print titles and area, header and footer, page breaks) is the same request body as office-js’s, byte for byte', async () => {
    const fake = new FakeExcel(sheets());
    fake.keepBodies = true;
    const sent = { bodies: [] as string[], bytes: [] as number[] };
    const office = officeContext(sent);
    const queue = (context: Excel.RequestContext) => {
      const ws = context.workbook.worksheets.getItem('Нэгтгэл');
      const page = ws.pageLayout;
      page.paperSize = 'A4';
      page.orientation = 'Landscape';
      page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      page.setPrintMargins('Inches', { left: 0.25, right: 0.25, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 });
      page.setPrintTitleRows('$1:$1');
      page.setPrintArea(ws.getRange('A1:B3'));
      page.headersFooters.defaultForAllPages.leftFooter = '&A';
      page.headersFooters.defaultForAllPages.rightFooter = 'Хуудас &P / &N';
      ws.horizontalPageBreaks.removePageBreaks();
      ws.horizontalPageBreaks.add('A3');
    };
    queue(office as unknown as Excel.RequestContext);
    await office.sync();
    await fake.run(async (context) => {
      queue(context as unknown as Excel.RequestContext);
      await context.sync();
    });
    expect(fake.lastRequest).toBe(sent.bodies[0]);
    expect(fake.sheet('Нэгтгэл').pageLayout).toMatchObject({ printTitleRows: { top: 0, bottom: 0 }, printArea: 'A1:B3', rowBreaks: [2], headerFooter: { leftFooter: '&A', rightFooter: 'Хуудас &P / &N' } });
  });

  it('reading it back is the same request, and office-js reads the fake’s answer as the fake does', async () => {
    const fake = new FakeExcel(sheets());
    fake.keepBodies = true;
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Нэгтгэл');
      ws.pageLayout.setPrintMargins('Points', { left: 18, right: 18 });
      ws.pageLayout.setPrintTitleRows('$1:$1');
      ws.pageLayout.headersFooters.defaultForAllPages.centerHeader = 'Нэгтгэл';
      ws.horizontalPageBreaks.add('A3');
      await context.sync();
    });
    type Read = { margins: number[]; header: string; footer: string; titles: string; areaIsNull: boolean; breaks: number };
    const queue = (context: Excel.RequestContext) => {
      const ws = context.workbook.worksheets.getItem('Нэгтгэл');
      const page = ws.pageLayout;
      page.load('leftMargin,rightMargin,topMargin');
      const texts = page.headersFooters.defaultForAllPages;
      texts.load('centerHeader,leftFooter');
      const titles = page.getPrintTitleRowsOrNullObject();
      titles.load('address');
      const area = page.getPrintAreaOrNullObject();
      area.load('address');
      const count = ws.horizontalPageBreaks.getCount();
      return (): Read => ({ margins: [page.leftMargin, page.rightMargin, page.topMargin], header: texts.centerHeader, footer: texts.leftFooter, titles: titles.address, areaIsNull: area.isNullObject, breaks: count.value });
    };
    let fromFake: Read | null = null;
    await fake.run(async (context) => {
      const read = queue(context as unknown as Excel.RequestContext);
      await context.sync();
      fromFake = read();
    });
    const sent = { bodies: [] as string[], bytes: [] as number[] };
    const office = officeContext(sent, () => JSON.parse(fake.lastResponse!));
    const read = queue(office as unknown as Excel.RequestContext);
    await office.sync();
    expect(sent.bodies[0]).toBe(fake.lastRequest);
    expect(read()).toEqual(fromFake);
    expect(fromFake).toEqual({ margins: [18, 18, 54], header: 'Нэгтгэл', footer: '', titles: "'Нэгтгэл'!1:1", areaIsNull: true, breaks: 1 });
  });

  it('each break’s first cell: the same request, read alike', async () => {
    const fake = new FakeExcel(sheets());
    fake.keepBodies = true;
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Нэгтгэл');
      ws.horizontalPageBreaks.add('A3');
      ws.horizontalPageBreaks.add('A2');
      await context.sync();
    });
    const queue = (context: Excel.RequestContext) => {
      const breaks = context.workbook.worksheets.getItem('Нэгтгэл').horizontalPageBreaks;
      const cells = [0, 1].map((i) => breaks.getItem(i).getCellAfterBreak().load('address'));
      return () => cells.map((c) => c.address);
    };
    let fromFake: string[] = [];
    await fake.run(async (context) => {
      const read = queue(context as unknown as Excel.RequestContext);
      await context.sync();
      fromFake = read();
    });
    const sent = { bodies: [] as string[], bytes: [] as number[] };
    const office = officeContext(sent, () => JSON.parse(fake.lastResponse!));
    const read = queue(office as unknown as Excel.RequestContext);
    await office.sync();
    expect(sent.bodies[0]).toBe(fake.lastRequest);
    expect(read()).toEqual(fromFake);
    expect(fromFake).toEqual(["'Нэгтгэл'!A2", "'Нэгтгэл'!A3"]);
  });
});

describe('the adapter’s actions, teed to office-js', () => {
  async function actions(data: FakeWorkbookData) {
    const fake = new FakeExcel(data);
    const teed = tee(fake);
    const host = createExcelHost({ run: teed.run, office: fake.office as unknown as OfficeLike, now: () => FIXED_NOW });
    await host.validate(settings());
    await host.applyFixes(settings(), { all: true });
    await host.compute(settings());
    await host.createEvaluationSheet(settings());
    await host.compute(settings({ lang: 'en' }));
    while (await host.canRevert()) await host.revert();
    return teed.pairs;
  }

  it('a fixture: every sync within 10 % of office-js’s request', async () => {
    const { data } = await loadFixture('report-2024-aimag-admin-dept.xlsx');
    const pairs = await actions(data);
    expect(pairs.length).toBeGreaterThan(20);
    expect(within(pairs, 0.1)).toEqual([]);
  }, 60_000);

  it('the findings sheet made and made again, the report form, next year’s plan and their Reverts: every sync within 10 %', async () => {
    const { data } = await loadFixture('plan-2023-digital-year-soum.xlsx');
    const fake = new FakeExcel(data);
    const teed = tee(fake);
    const host = createExcelHost({ run: teed.run, office: fake.office as unknown as OfficeLike, now: () => FIXED_NOW });
    await host.createFindingsSheet(settings());
    await host.createFindingsSheet(settings());
    await host.createReportForm(settings());
    while (await host.canRevert()) await host.revert();
    const { data: report } = await loadFixture('report-2024-aimag-admin-dept.xlsx');
    const fakeReport = new FakeExcel(report);
    const teedReport = tee(fakeReport);
    const reportHost = createExcelHost({ run: teedReport.run, office: fakeReport.office as unknown as OfficeLike, now: () => FIXED_NOW });
    await reportHost.createNextPlan(settings());
    await reportHost.revert();
    const pairs = [...teed.pairs, ...teedReport.pairs];
    expect(pairs.length).toBeGreaterThan(15);
    expect(within(pairs, 0.1)).toEqual([]);
  }, 60_000);

  it('2,000 rows of the synthetic report: every sync within 10 %', async () => {
    const pairs = await actions(syntheticReport({ items: 2_000 }));
    expect(within(pairs, 0.1)).toEqual([]);
    expect(Math.max(...pairs.map((p) => p.office))).toBeGreaterThan(100_000);
  }, 60_000);
});
