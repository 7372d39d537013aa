// What a fix says it left to do, on the aimag sample: Fix all moves six
// ratings typed in the achieved column into the percent column, which leaves
// six achieved cells empty — the message says to write them, with their cells.
import { analyzeWorkbook, applyPlanToSheets, planFixes } from '../../src/core';
import { fixedMessage, revealedBy } from '../../src/taskpane/actions/messages';
import { fixtureSheets } from '../support/fixtures';
import { MN } from '../support/words';

describe('what a fix left to do', () => {
  it('the aimag sample: Fix all moves six ratings out of the achieved column and says to write the six achieved levels', async () => {
    const sheets = await fixtureSheets('report-2024-aimag-admin-dept');
    const before = analyzeWorkbook(sheets, { words: MN });
    const { plan, fixes, deferred } = planFixes(before.findings);
    const after = analyzeWorkbook(applyPlanToSheets(sheets, plan), { words: MN });
    expect(revealedBy(before, after).map((f) => `${f.cell} ${f.code}`)).toEqual([
      'G24 missing-achieved',
      'G47 missing-achieved',
      'G48 missing-achieved',
      'G49 missing-achieved',
      'G82 missing-achieved',
      'G85 missing-achieved',
    ]);
    const m = fixedMessage({ before, plan, applied: fixes, deferred, changed: plan.writtenCells.length }, after);
    expect(m.text.mn).toBe('8 засвар хийж, 15 нүдийг өөрчиллөө. 6 нүдэнд хүрсэн түвшинг бичнэ үү: G24, G47, G48, G49, G82 (+1).');
    expect(m.text.en).toBe('8 fixes applied, 15 cells changed. Write the achieved level in 6 cells: G24, G47, G48, G49, G82 (+1).');
  });

});
