// The file says what the tool says (issue 18's rule): every workbook the
// commands write — from the three fixtures and from issue 18's odd workbooks,
// by compute, fix --include-review and evaluation, and by compute run again
// on each of those — is recalculated by LibreOffice (all in one soffice run)
// and every formula the tool wrote gives the value the tool cached; the
// summary's and the evaluation sheet's figures are the ones the tool
// printed; and every part it writes validates against the ECMA-376 schemas.

import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { readXlsx } from '../../src/xlsx';
import { checkAgreement, sameFigure, type Agreement } from '../support/agreement';
import { runCli } from '../support/cli';
import { FIXTURE_NAMES, fixturePath } from '../support/fixtures';
import { ODD_CASES } from '../support/odd-cases';
import { figuresInFile, reportedFigures } from '../support/reported';
import { checkSchemas, type SchemaCheck } from '../support/schema';

/** A command run on an input (or on another step's output). */
const STEPS = [
  { name: 'compute', args: ['compute'] },
  { name: 'fix', args: ['fix', '--include-review'] },
  { name: 'evaluation', args: ['evaluation'] },
  { name: 'compute twice', args: ['compute'], on: 'compute' },
  { name: 'fix, then compute', args: ['compute'], on: 'fix' },
  { name: 'evaluation, then compute', args: ['compute'], on: 'evaluation' },
  { name: 'evaluation twice', args: ['evaluation'], on: 'evaluation' },
] as const;

interface Input {
  name: string;
  item: number | null;
  write: (file: string) => Promise<void>;
}

const INPUTS: Input[] = [
  ...FIXTURE_NAMES.map((name) => ({ name, item: null, write: (file: string) => fs.copyFile(fixturePath(name), file) })),
  ...ODD_CASES.map((c) => ({ name: c.name, item: c.item, write: (file: string) => fs.writeFile(file, c.bytes()) })),
];

interface Output {
  input: string;
  step: string;
  file: string;
  json: Record<string, unknown>;
}

let tmp: string;
const outputs: Output[] = [];
let agreement: Map<string, Agreement>;
let recalculated: Map<string, string>;
let schemas: SchemaCheck;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'unelgee-recalc-suite-'));
  for (const input of INPUTS) {
    const source = path.join(tmp, `${input.name}.xlsx`);
    await input.write(source);
    const made = new Map<string, string>();
    for (const [k, step] of STEPS.entries()) {
      const from = 'on' in step ? made.get(step.on) : source;
      if (!from) continue;
      const file = path.join(tmp, `${input.name}.${k}.xlsx`);
      const r = await runCli(step.args[0], from, '-o', file, '--json', ...step.args.slice(1));
      if (r.code === 2) throw new Error(`${input.name}, ${step.name}: ${r.err}`);
      const json = JSON.parse(r.out);
      if (!json.output) continue; // evaluation of a plan: no report to build from, nothing written
      made.set(step.name, file);
      outputs.push({ input: input.name, step: step.name, file, json });
    }
  }
  const files = outputs.map((o) => o.file);
  agreement = new Map((await checkAgreement(outputs.map((o) => ({ file: o.file, cells: o.json.written as string[] })))).map((a) => [a.file, a]));
  recalculated = new Map([...agreement.values()].map((a) => [a.file, a.recalculated]));
  schemas = await checkSchemas(files);
}, 900000);

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe.each(INPUTS.map((i) => [i.name, i.item === null ? 'a fixture' : `item ${i.item}`]))('%s (%s)', (name) => {
  it.each(STEPS.map((s) => s.name))('%s: every formula it wrote recalculates to the figure it cached', (step) => {
    const o = outputs.find((x) => x.input === name && x.step === step);
    if (!o) return; // an evaluation from a plan: nothing written
    expect(agreement.get(o.file)!.disagreements).toEqual([]);
  });

  it.each(STEPS.map((s) => s.name))("%s: the figures it printed are the file's, recalculated", async (step) => {
    const o = outputs.find((x) => x.input === name && x.step === step);
    if (!o) return;
    const printed = reportedFigures(o.json);
    const inFile = figuresInFile(readXlsx(new Uint8Array(await fs.readFile(recalculated.get(o.file)!))), printed);
    const differ = [...printed].filter(([where, figure]) => !inFile.has(where) || !sameFigure(figure, inFile.get(where) ?? null));
    expect(differ.map(([where, figure]) => `${where}: printed ${figure}, file ${inFile.get(where)}`)).toEqual([]);
  });
});

describe('item 6: a formula in the percent column is never replaced by a constant', () => {
  it.each(STEPS.map((s) => s.name))('%s: the formulas of percent-formulas.xlsx are there, unless the fixes to look at were asked for', async (step) => {
    const o = outputs.find((x) => x.input === 'percent-formulas' && x.step === step)!;
    const sheet = readXlsx(new Uint8Array(await fs.readFile(o.file))).sheets.find((x) => x.name === 'Тайлан')!.sheet!;
    const cells = [2, 3, 5].map((r) => sheet.formulas?.[r]?.[6] ?? sheet.values[r]?.[6]);
    // fix --include-review applies percent-formula's fix to look at: the text "100" and the empty result become numbers, as it
    // says (75 % from target and achieved, then snapped to 70, the scale's level below, by the next round's fix to look at).
    if (step.startsWith('fix')) expect(cells).toEqual([100, 70, '=F6/E6*100']);
    else expect(cells).toEqual(['=TEXT(100,"0")', '=IF(F4>0,F4/E4*100,"")', '=F6/E6*100']);
  });
});

describe('over the whole suite', () => {
  it('formulas checked and disagreements: many, and none', () => {
    const checked = [...agreement.values()].reduce((n, a) => n + a.checked, 0);
    const differ = [...agreement.values()].reduce((n, a) => n + a.disagreements.length, 0);
    expect(outputs.length).toBeGreaterThan(100);
    expect(checked).toBeGreaterThan(1500);
    expect(differ).toBe(0);
  });

  it('every worksheet, workbook, styles, shared strings, content types and relationships part validates against ECMA-376 (Transitional)', () => {
    expect(schemas.parts).toBeGreaterThan(outputs.length * 5);
    expect(schemas.problems).toEqual([]);
  });
});
