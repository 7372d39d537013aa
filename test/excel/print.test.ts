// How the sheets the add-in writes print, on the fake: the summary Compute
// writes and the roll-up's sheets get the plan's page setup (A4, landscape,
// one page wide, the header row as print titles, the table as print area,
// header and footer), their wrapped headers and rows as high as their text —
// as the command line's files print (test/xlsx/print.test.ts). And the
// fake refuses what Excel refuses: print titles that are not whole rows, a
// header longer than 255 characters.

import { areaAddress, printSetupOf, type PrintSetup } from '../../src/core';
import type { PageLayoutModel } from '../../src/in-memory-excel/model';
import { loadFixture } from '../support/load-fixture';
import { rollupPlan } from '../support/rollup-plan';
import { MN } from '../support/words';
import { rig, settings } from './helpers';

/** The page layout the fake holds for a print setup (as src/excel/sheet-format.ts sets it). */
function layoutOf(setup: PrintSetup): PageLayoutModel {
  const parts: PageLayoutModel['headerFooter'] = {};
  if (setup.header?.left) parts.leftHeader = setup.header.left;
  if (setup.header?.center) parts.centerHeader = setup.header.center;
  if (setup.header?.right) parts.rightHeader = setup.header.right;
  if (setup.footer?.left) parts.leftFooter = setup.footer.left;
  if (setup.footer?.center) parts.centerFooter = setup.footer.center;
  if (setup.footer?.right) parts.rightFooter = setup.footer.right;
  return {
    paperSize: 'A4',
    orientation: setup.orientation === 'landscape' ? 'Landscape' : 'Portrait',
    zoom: { horizontalFitToPages: setup.fitToWidth, verticalFitToPages: setup.fitToHeight },
    margins: { ...setup.margins },
    ...(setup.titleRows ? { printTitleRows: { top: setup.titleRows.first, bottom: setup.titleRows.last } } : {}),
    ...(setup.area ? { printArea: areaAddress(setup.area) } : {}),
    headerFooter: parts,
    ...(setup.rowBreaks?.length ? { rowBreaks: setup.rowBreaks } : {}),
  };
}

async function setUp() {
  const { data } = await loadFixture('report-2024-aimag-admin-dept.xlsx');
  return rig(data);
}

describe('printing what the add-in writes', () => {
  it('the summary sheet: landscape, one page wide, its header row on every page, the table the print area, page numbers in the footer', async () => {
    const { fake, host } = await setUp();
    const { plan } = await host.compute(settings());
    const summary = plan.summary!;
    expect(summary.print).toMatchObject({ orientation: 'landscape', fitToWidth: 1, titleRows: { first: 4, last: 4 }, footer: { right: MN.pageNumbers } });
    const dump = fake.dump().sheets.find((s) => s.name === summary.name)!;
    expect(dump.pageLayout).toEqual(layoutOf(summary.print!));
    for (const h of summary.rowHeights!) expect([h.row, dump.heights[String(h.row)]]).toEqual([h.row, h.points]);
    // The header words wrap (they ran together before), and so do the table's lines.
    expect(dump.cells.E5).toMatchObject({ wrap: true, vAlign: 'Top' });
  });

  it('the roll-up’s three sheets, as their plans say', async () => {
    const { fake, host } = await setUp();
    const plan = await rollupPlan();
    await host.insertRollup(plan);
    for (const sheet of plan.sheets) {
      const dump = fake.dump().sheets.find((s) => s.name === sheet.name)!;
      expect([sheet.name, dump.pageLayout]).toEqual([sheet.name, layoutOf(printSetupOf(sheet)!)]);
      for (const h of sheet.rowHeights ?? []) expect([sheet.name, h.row, dump.heights[String(h.row)]]).toEqual([sheet.name, h.row, h.points]);
    }
    expect(plan.sheets[0].rowHeights!.length).toBeGreaterThan(0);
  });
});

describe('the fake refuses page layouts Excel refuses', () => {
  it('print titles that are not whole rows, a footer over 255 characters, a negative margin', async () => {
    const { fake } = await setUp();
    const attempt = (set: (page: Excel.PageLayout) => void) =>
      fake.run(async (context) => {
        set(context.workbook.worksheets.getItem('Тайлан').pageLayout as unknown as Excel.PageLayout);
        await context.sync();
      });
    await expect(attempt((page) => page.setPrintTitleRows('A5:K5'))).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(attempt((page) => (page.headersFooters.defaultForAllPages.centerFooter = 'х'.repeat(256)))).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(attempt((page) => page.setPrintMargins('Inches', { left: -1 }))).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(attempt((page) => page.setPrintTitleRows('$5:$5'))).resolves.toBeUndefined();
  });
});
