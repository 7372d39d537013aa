// The file says what the tool says: LibreOffice recalculates the workbooks a
// test wrote (all of them in one soffice run: its start-up is the slow
// part) and every formula the tool wrote must give, recalculated, the value
// the tool cached in it — the figure it reported. Tests hand in the files and
// (optionally) the cells the tool wrote; they get back, per file, how many
// formulas were checked and each disagreement.
//
// With UNELGEE_AGREEMENT_TALLY=FILE set, each check appends one JSON line
// (test file, output, formulas checked, disagreements) to FILE:
// scripts/agreement-tally.js sums them for the whole suite.

import { execFile } from 'child_process';
import { appendFileSync, promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import type { CellValue } from '../../src/core';
import { readXlsx } from '../../src/xlsx';
import { assertLibreOffice, SOFFICE } from './libreoffice';

const exec = promisify(execFile);

// LibreOffice keeps cached results unless told to recalculate on load (as ../shared/tools/recalc.sh does).
const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Recalculates every file in one LibreOffice run; returns each file's
 * recalculated copy (files with the same name are copied apart first).
 */
async function recalculateAll(files: readonly string[]): Promise<Map<string, string>> {
  assertLibreOffice();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'unelgee-recalc-'));
  const profile = path.join(dir, 'profile');
  await fs.mkdir(path.join(profile, 'user'), { recursive: true });
  await fs.writeFile(path.join(profile, 'user', 'registrymodifications.xcu'), PROFILE);
  const inputs = path.join(dir, 'in');
  await fs.mkdir(inputs);
  const copies: string[] = [];
  const out = new Map<string, string>();
  for (const [i, file] of files.entries()) {
    const copy = path.join(inputs, `${String(i).padStart(4, '0')}${path.extname(file)}`);
    await fs.copyFile(file, copy);
    copies.push(copy);
    out.set(file, path.join(dir, 'out', `${String(i).padStart(4, '0')}.xlsx`));
  }
  if (copies.length === 0) return out;
  await exec(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', path.join(dir, 'out'), ...copies], {
    timeout: 60000 + 5000 * copies.length,
  });
  for (const [file, recalculated] of out) {
    await fs.access(recalculated).catch(() => {
      throw new Error(`LibreOffice did not convert ${file}`);
    });
  }
  return out;
}

interface Disagreement {
  cell: string;
  formula: string;
  ours: CellValue;
  libreOffice: CellValue;
}

export interface Agreement {
  file: string;
  /** Its copy as LibreOffice recalculated it. */
  recalculated: string;
  /** Formulas compared (those the tool wrote, or every formula with a cached value). */
  checked: number;
  disagreements: Disagreement[];
}

/** Numbers within a millionth (relative), text equal once trimmed, "" and empty alike. */
export function sameFigure(a: CellValue, b: CellValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a));
  const text = (v: CellValue) => (v === null || v === undefined ? '' : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v).trim());
  return text(a) === text(b);
}

/**
 * Every formula of `ours` (only `cells` — "Sheet!A1" — when given) against
 * the same cell of `theirs`, the recalculated copy.
 */
function compareFormulas(ours: Uint8Array, theirs: Uint8Array, cells?: readonly string[]): { checked: number; disagreements: Disagreement[] } {
  const a = readXlsx(ours);
  const b = readXlsx(theirs);
  const wanted = cells ? new Set(cells) : null;
  const disagreements: Disagreement[] = [];
  let checked = 0;
  for (const [index, s] of a.sheets.entries()) {
    const sheet = s.sheet;
    if (!sheet) continue;
    // A sheet name LibreOffice cannot keep ("[1]Тайлан") comes back renamed, in its place.
    const other = (b.sheets.find((x) => x.name === s.name) ?? b.sheets[index])?.sheet ?? null;
    (sheet.formulas ?? []).forEach((row, r) => {
      row?.forEach((formula, c) => {
        if (!formula) return;
        const at = `${columnOf(c)}${r + 1}`;
        if (wanted && !wanted.has(`${s.name}!${at}`)) return;
        const value = sheet.values[r]?.[c] ?? null;
        checked++;
        const got = other?.values[r]?.[c] ?? null;
        if (!sameFigure(value, got)) disagreements.push({ cell: `${s.name}!${at}`, formula, ours: value, libreOffice: got });
      });
    });
  }
  return { checked, disagreements };
}

const columnOf = (col: number): string => {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

export interface Written {
  file: string;
  /** The cells the tool wrote ("Sheet!A1"); every formula in the file when absent. */
  cells?: readonly string[];
}

/** Recalculates the files in one run and compares each; tallied when UNELGEE_AGREEMENT_TALLY names a file. */
export async function checkAgreement(outputs: readonly Written[]): Promise<Agreement[]> {
  const recalculated = await recalculateAll(outputs.map((o) => o.file));
  const results: Agreement[] = [];
  for (const o of outputs) {
    const r = compareFormulas(new Uint8Array(await fs.readFile(o.file)), new Uint8Array(await fs.readFile(recalculated.get(o.file)!)), o.cells);
    results.push({ file: o.file, recalculated: recalculated.get(o.file)!, ...r });
    tally(o.file, r.checked, r.disagreements.length);
  }
  return results;
}

function tally(file: string, checked: number, differ: number): void {
  const log = process.env.UNELGEE_AGREEMENT_TALLY;
  if (!log) return;
  const test = expect.getState().testPath ?? '';
  appendFileSync(log, `${JSON.stringify({ test: path.basename(test), file: path.basename(file), checked, differ })}\n`);
}
