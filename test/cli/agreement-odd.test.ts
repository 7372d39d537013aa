// Issue 18's odd workbooks through compute, fix --include-review and
// evaluation: LibreOffice, recalculating every output in one run, gives every
// formula the tool wrote the value the tool cached, and the summary's and the
// evaluation sheet's figures are the ones the tool printed.

import { promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { readXlsx } from '../../src/xlsx';
import { checkAgreement, recalculateAll, sameFigure, type Agreement } from '../support/agreement';
import { runCli } from '../support/cli';
import { ODD_CASES } from '../support/odd-cases';
import { reportedFigures, figuresInFile } from '../support/reported';

const COMMANDS = [
  ['compute'],
  ['fix', '--include-review'],
  ['evaluation'],
] as const;

interface Output {
  name: string;
  command: string;
  file: string;
  json: Record<string, unknown>;
}

let tmp: string;
const outputs: Output[] = [];
let results: Map<string, Agreement>;
let recalculated: Map<string, string>;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'unelgee-odd-'));
  for (const c of ODD_CASES) {
    const input = path.join(tmp, `${c.name}.xlsx`);
    await fs.writeFile(input, c.bytes());
    for (const [command, ...flags] of COMMANDS) {
      const file = path.join(tmp, `${c.name}.${command}.xlsx`);
      const r = await runCli(command, input, '-o', file, '--json', ...flags);
      if (r.code === 2) throw new Error(`${c.name} ${command}: ${r.err}`);
      outputs.push({ name: c.name, command, file, json: JSON.parse(r.out) });
    }
  }
  const written = outputs.filter((o) => o.json.output);
  results = new Map((await checkAgreement(written.map((o) => ({ file: o.file, cells: o.json.written as string[] })))).map((a) => [a.file, a]));
  recalculated = await recalculateAll(written.map((o) => o.file));
}, 300000);

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe.each(ODD_CASES.map((c) => [c.name, c.item]))('%s (item %i)', (name) => {
  it.each(COMMANDS.map(([command]) => command))('%s: every formula it wrote recalculates to the figure it cached', (command) => {
    const o = outputs.find((x) => x.name === name && x.command === command)!;
    if (!o.json.output) return;
    const r = results.get(o.file)!;
    expect(r.disagreements).toEqual([]);
  });

  it.each(COMMANDS.map(([command]) => command))('%s: the figures it printed are the file\'s, recalculated', async (command) => {
    const o = outputs.find((x) => x.name === name && x.command === command)!;
    if (!o.json.output) return;
    const printed = reportedFigures(o.json);
    const inFile = figuresInFile(readXlsx(new Uint8Array(await fs.readFile(recalculated.get(o.file)!))), printed);
    const differ = [...printed].filter(([where, figure]) => !inFile.has(where) || !sameFigure(figure, inFile.get(where) ?? null));
    expect(differ.map(([where, figure]) => `${where}: printed ${figure}, file ${inFile.get(where)}`)).toEqual([]);
  });
});
