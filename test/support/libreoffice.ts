// Recalculates an .xlsx with headless LibreOffice (Debian's libreoffice-calc-nogui),
// so tests can check that the formulas we write compute what we say they do.
import { execFile } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';

const exec = promisify(execFile);
export const SOFFICE = '/usr/bin/soffice';

// LibreOffice keeps cached results unless told to recalculate on load.
const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export function assertLibreOffice(): void {
  if (!existsSync(SOFFICE)) {
    throw new Error(`${SOFFICE} not found: install it with "apt-get install -y libreoffice-calc-nogui" (.ci/run does)`);
  }
}

/** Returns the path of a recalculated copy of `file` (in a fresh temp folder). */
export async function recalculate(file: string): Promise<string> {
  assertLibreOffice();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'unelgee-lo-'));
  const profile = path.join(dir, 'profile');
  await fs.mkdir(path.join(profile, 'user'), { recursive: true });
  await fs.writeFile(path.join(profile, 'user', 'registrymodifications.xcu'), PROFILE);
  const out = path.join(dir, 'out');
  await exec(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', out, file], {
    timeout: 120000,
  });
  return path.join(out, path.basename(file));
}

/**
 * Prints workbooks to PDF with headless LibreOffice, all in one run (one
 * process for every file: starting soffice is most of the cost). Returns
 * each file's PDF path, in the order given, in a fresh temp folder.
 */
export function printToPdf(files: readonly string[]): Promise<string[]> {
  return convertAll(files, 'pdf');
}

/** A PDF's pages as text laid out as printed (poppler's `pdftotext -layout`): one string per page. */
export async function pdfPages(pdf: string): Promise<string[]> {
  const { stdout } = await exec('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const pages = stdout.split('\f');
  // pdftotext ends the last page with a form feed too.
  if (pages.length > 0 && pages[pages.length - 1].trim() === '') pages.pop();
  return pages;
}

/** Converts workbooks with headless LibreOffice in one run (e.g. to "fods", the flat OpenDocument spreadsheet); returns each output's path. */
export async function convertAll(files: readonly string[], format: string): Promise<string[]> {
  assertLibreOffice();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'unelgee-lo-'));
  const profile = path.join(dir, 'profile');
  await fs.mkdir(path.join(profile, 'user'), { recursive: true });
  const out = path.join(dir, 'out');
  await exec(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', format, '--outdir', out, ...files], { timeout: 300000 });
  return files.map((f) => path.join(out, `${path.basename(f).replace(/\.[^.]+$/, '')}.${format}`));
}
