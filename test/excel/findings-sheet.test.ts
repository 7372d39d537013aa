// "Алдааны жагсаалт хуудас" through the adapter on the fake: the findings
// sheet the command line's check writes (its file read back, cell for
// cell), each listed cell a link to the finding's cell, printed as the file
// prints; made again over its own sheet; one Revert step; Validate leaves it
// out; refused in a workbook whose structure is protected.

import { cellAddress, findingsColumn } from '../../src/core';
import { findingsSheetWords } from '../../src/i18n/findings-sheet';
import { readXlsx, visibleSheets, writeCheckedCopy } from '../../src/xlsx';
import { loadFixture } from '../support/load-fixture';
import { fixtureBytes } from '../xlsx/corpus';
import { MN } from '../support/words';
import { FINDINGS_CELLS } from '../support/layout-cells';
import { cellDiffs, rig, settings } from './helpers';

const REPORT = 'report-2024-aimag-admin-dept';
const WORDS = findingsSheetWords('mn');

/** The command line's checked copy of the same file (no file name in its title, as in Excel): its findings sheet, read back. */
function cli() {
  const copy = writeCheckedCopy(readXlsx(fixtureBytes(REPORT)), { profileId: 'practice', words: MN }, WORDS);
  const plan = copy.plan.addedSheets![0];
  return { plan, sheet: visibleSheets(readXlsx(copy.bytes)).find((s) => s.name === plan.name)!, findings: copy.analysis.findings };
}

async function setUp() {
  const { data } = await loadFixture(`${REPORT}.xlsx`);
  return rig(data);
}

describe('the findings sheet in Excel', () => {
  it('holds every cell of the command line’s sheet, each listed cell a link to its finding’s cell, and prints as the file does', async () => {
    const { fake, host } = await setUp();
    const result = await host.createFindingsSheet(settings());
    const { plan, sheet, findings } = cli();
    expect(result).toMatchObject({ sheet: WORDS.sheetName, replaced: false, listed: findings.length });
    expect(cellDiffs(fake, sheet, 'cli')).toEqual([]);
    const dump = fake.dump().sheets.find((s) => s.name === WORDS.sheetName)!;
    const cellColumn = findingsColumn(WORDS, 'cell');
    for (const link of plan.links!) {
      expect(link.col).toBe(cellColumn);
      expect(dump.cells[cellAddress(link.row, link.col)].link).toBe(`#${link.location}`);
    }
    expect(plan.links!.length).toBe(findings.length);
    expect(dump.pageLayout).toMatchObject({
      paperSize: 'A4',
      orientation: 'Landscape',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: plan.print!.fitToHeight },
      printTitleRows: { top: plan.print!.titleRows!.first, bottom: plan.print!.titleRows!.last },
      printArea: `A1:${FINDINGS_CELLS.address(FINDINGS_CELLS.layout[FINDINGS_CELLS.layout.length - 1].key, plan.print!.area!.bottom + 1)}`,
      headerFooter: { rightHeader: '&D', leftFooter: '&A', rightFooter: 'Хуудас &P / &N' },
    });
    for (const h of plan.rowHeights!) expect([h.row, dump.heights[String(h.row)]]).toEqual([h.row, h.points]);
    expect(fake.dump().active).toBe(WORDS.sheetName);
  });

  it('is left out of Validate: the findings are the workbook’s own, none about the list', async () => {
    const { host } = await setUp();
    const before = await host.validate(settings({ scope: 'workbook' }));
    await host.createFindingsSheet(settings());
    const after = await host.validate(settings({ scope: 'workbook' }));
    expect(after.analysis.counts).toEqual(before.analysis.counts);
    expect(after.analysis.sheets.map((s) => s.sheet)).not.toContain(WORDS.sheetName);
  });

  it('made again, replaces its own sheet; each Revert undoes one, the second leaves the workbook as it was', async () => {
    const { fake, host } = await setUp();
    const original = fake.dump();
    await host.createFindingsSheet(settings());
    const once = fake.dump();
    const again = await host.createFindingsSheet(settings());
    expect(again).toMatchObject({ sheet: WORDS.sheetName, replaced: true });
    expect(fake.dump({ hidden: false }).sheets.filter((s) => s.name.startsWith(WORDS.sheetName))).toHaveLength(1);
    expect((await host.nextRevert())?.kind).toBe('findings');
    await host.revert();
    expect({ ...fake.dump(), active: once.active }).toEqual(once);
    const removed = await host.revert();
    expect(removed.removedSheets).toEqual([WORDS.sheetName]);
    expect(fake.dump()).toEqual(original);
  });

  it('in a workbook whose structure is protected: workbook-protected, nothing written', async () => {
    const { data } = await loadFixture(`${REPORT}.xlsx`);
    data.protected = true;
    const { fake, host } = rig(data);
    const before = fake.dump();
    await expect(host.createFindingsSheet(settings())).rejects.toMatchObject({ code: 'workbook-protected' });
    expect(fake.dump()).toEqual(before);
  });
});
