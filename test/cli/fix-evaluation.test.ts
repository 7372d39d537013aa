// `unelgee fix` and `unelgee evaluation`: the copies they write, what they
// print, and the file rules they share with compute.
import { existsSync, promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { runCli, sha256 } from '../support/cli';
import { readXlsx, visibleSheets } from '../../src/xlsx';
import { SheetGrid, parseAddress } from '../../src/core';
import { fixturePath } from '../support/fixtures';
import { recalculate } from '../support/libreoffice';

const run = runCli;
const sha = sha256;

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'unelgee-fix-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const aimag = fixturePath('report-2024-aimag-admin-dept');
const consulting = fixturePath('report-2025-h1-consulting-unit');
const plan = fixturePath('plan-2023-digital-year-soum');

/** A cell of a written file, as the engine reads it. */
async function cellOf(file: string, sheet: string, ref: string) {
  const s = visibleSheets(readXlsx(new Uint8Array(await fs.readFile(file)))).find((x) => x.name === sheet)!;
  const { row, col } = parseAddress(ref);
  const g = new SheetGrid(s);
  return { value: g.value(row, col), formula: g.formula(row, col) };
}

describe('unelgee validate lists the quick fixes', () => {
  it('--json gives each fixable finding its fix (kind, description in --lang and both, cells); the human output counts them', async () => {
    const j = JSON.parse((await run('validate', aimag, '--json', '--lang', 'en')).out);
    const misplaced = j.files[0].findings.find((f: { code: string; cell: string }) => f.code === 'percent-misplaced' && f.cell === 'G24');
    expect(misplaced.fix).toEqual({ kind: 'safe', description: 'Move 100 from G24 to H24', descriptions: { mn: expect.stringContaining('H24'), en: 'Move 100 from G24 to H24' }, cells: ['Тайлан!H24', 'Тайлан!G24'] });
    const gap = j.files[0].findings.find((f: { code: string; cell: string }) => f.code === 'numbering-gap' && f.cell === 'A85');
    expect(gap.fix.kind).toBe('review');
    expect(j.files[0].findings.find((f: { code: string }) => f.code === 'missing-indicator').fix).toBeUndefined();
    const human = await run('validate', aimag, '--lang', 'en');
    expect(human.out).toMatch(/Quick fixes: 8 safe, 2 to look at\. Apply: unelgee fix ".*report-2024-aimag-admin-dept\.xlsx" -o OUT/);
  });

  it('--json carries each annex 8 evaluation read as one', async () => {
    const out = path.join(tmp, 'for-validate.xlsx');
    expect((await run('evaluation', consulting, '-o', out)).code).toBe(0);
    const j = JSON.parse((await run('validate', out, '--json')).out);
    expect(j.files[0].evaluations).toHaveLength(1);
    expect(j.files[0].evaluations[0].sections.map((s: { section: number; max: number }) => [s.section, s.max])).toEqual([[1, 70], [2, 15], [3, 7], [4, 8]]);
    const human = (await run('validate', out, '--lang', 'en')).out;
    expect(human).toMatch(/Evaluation \(annex 8\): 8-р хавсралт!A9 «1\. Гүйцэтгэлийн зорилт/);
    expect(human).toMatch(/section 1 60\.1\/70 · section 2 11\.3\/15 · section 3 —\/7 · section 4 —\/8; total points —/);
  });
});

describe('unelgee fix', () => {
  it('applies the safe fixes to a copy: ratings moved, then the stated average as the mean of the moved ratings; the input untouched', async () => {
    const out = path.join(tmp, 'aimag.fixed.xlsx');
    const before = await sha(aimag);
    const r = await run('fix', aimag, '-o', out, '--json');
    expect(await sha(aimag)).toBe(before);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ command: 'fix', exitCode: 1, input: aimag, output: out, deferred: [] });
    expect(j.applied.map((a: { codes: string[] }) => a.codes.join())).toEqual([...Array(7).fill('percent-misplaced'), 'average-mismatch']);
    expect(j.applied.every((a: { kind: string }) => a.kind === 'safe')).toBe(true);
    // The stated average was written after the moves: its text names what was typed (97.5), its figure the new mean.
    const avg = j.applied[7];
    expect(avg.descriptions.en).toMatch(/^Replace 97\.5 in H99 with the live mean of the rows \((\d+(\.\d)?)\)$/);
    const mean = Number(/\(([\d.]+)\)$/.exec(avg.descriptions.en)![1]);
    expect(mean).not.toBe(95.6);
    const codes = j.after.findings.map((f: { code: string }) => f.code);
    expect(codes).not.toContain('percent-misplaced');
    expect(codes).not.toContain('average-mismatch');
    expect(await cellOf(out, 'Тайлан', 'H24')).toEqual({ value: 100, formula: null });
    expect((await cellOf(out, 'Тайлан', 'G24')).value).toBeNull();
    const h99 = await cellOf(out, 'Тайлан', 'H99');
    expect(h99.formula).toMatch(/AVERAGE\(H8:H86,H88:H98\)/);
    expect(h99.value).toBe(mean);
    // What Excel will compute on opening: LibreOffice recalculates the formula to the figure we cached.
    const recalculated = await cellOf(await recalculate(out), 'Тайлан', 'H99');
    expect(Math.round(Number(recalculated.value) * 10) / 10).toBe(mean);
  });

  it('prints what it applied and what it left, in the language asked', async () => {
    const r = await run('fix', aimag, '-o', path.join(tmp, 'aimag.en.xlsx'), '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/8 fixes applied:\n {4}Тайлан!H24 {2}percent-misplaced {2}Move 100 from G24 to H24\n/);
    expect(r.out).toMatch(/2 fixes to look at not applied: --include-review\./);
    expect(r.out).toMatch(/Left after fixing: Total: 15 errors, \d+ warnings, 1 note\n/);
  });

  it('--only takes the codes asked; --include-review adds the renumbering; an unknown code is a usage error', async () => {
    const only = JSON.parse((await run('fix', aimag, '-o', path.join(tmp, 'only.xlsx'), '--only', 'percent-misplaced', '--json')).out);
    expect(only.applied).toHaveLength(7);
    expect(only.after.findings.some((f: { code: string }) => f.code === 'average-mismatch')).toBe(true);
    const all = JSON.parse((await run('fix', aimag, '-o', path.join(tmp, 'review.xlsx'), '--include-review', '--json')).out);
    expect(all.applied.filter((a: { kind: string }) => a.kind === 'review').map((a: { codes: string[] }) => a.codes[0]).sort()).toEqual(['numbering-gap', 'percent-off-scale']);
    expect(all.after.findings.filter((f: { code: string; cell: string }) => f.code === 'numbering-gap' && f.cell === 'A85')).toEqual([]);
    const bad = await run('fix', aimag, '-o', path.join(tmp, 'bad.xlsx'), '--only', 'percent-misplaced,no-such-code', '--lang', 'en');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^unelgee: unknown code: no-such-code \(.*percent-misplaced.*\)/);
    expect(existsSync(path.join(tmp, 'bad.xlsx'))).toBe(false);
  });

  it('shares compute\'s file rules: -o required, one input, never over its input', async () => {
    expect((await run('fix', aimag)).code).toBe(2);
    const copy = path.join(tmp, 'mine.xlsx');
    await fs.copyFile(aimag, copy);
    const hash = await sha(copy);
    const r = await run('fix', copy, '-o', copy, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/the output is the input file/);
    expect(await sha(copy)).toBe(hash);
  });

  it('a file with nothing to fix is copied as it is and says so', async () => {
    const r = await run('fix', consulting, '-o', path.join(tmp, 'clean.xlsx'), '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/No fix to apply\./);
  });
});

describe('unelgee evaluation', () => {
  it('adds the annex 8 sheet built from the report, and made again replaces its own sheet', async () => {
    const first = path.join(tmp, 'eval.xlsx');
    const r = await run('evaluation', consulting, '-o', first, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Evaluation sheet: Тайлан!A5, Тайлан!A29 → 8-р хавсралт/);
    expect(r.out).toMatch(/Fill in sections 3 and 4/);
    const names = (f: string) => fs.readFile(f).then((b) => readXlsx(new Uint8Array(b)).sheets.map((s) => s.name));
    expect(await names(first)).toContain('8-р хавсралт');
    const second = path.join(tmp, 'eval2.xlsx');
    const j = JSON.parse((await run('evaluation', first, '-o', second, '--json')).out);
    expect(j).toMatchObject({ command: 'evaluation', sheet: '8-р хавсралт', exitCode: 0 });
    expect((await names(second)).filter((n) => n.startsWith('8-р хавсралт'))).toEqual(['8-р хавсралт']);
    expect(j.after.evaluations[0].sections[0]).toMatchObject({ section: 1, points: 60.1, max: 70 });
  });

  it('a workbook with no report to build from writes nothing and exits 1', async () => {
    const out = path.join(tmp, 'plan-eval.xlsx');
    const r = await run('evaluation', plan, '-o', out, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toBe(`unelgee: ${plan}: no performance report with percents found; no evaluation sheet is made`);
    expect(existsSync(out)).toBe(false);
  });
});
