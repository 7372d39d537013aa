// The schema check of the workbooks the tests write: every worksheet, the
// workbook, its styles and shared strings (SpreadsheetML, ECMA-376
// Transitional), the content types and the relationships (Open Packaging
// Conventions) validated by xmllint against the vendored schemas
// (test/schemas/ooxml, see its NOTE.md), offline, all files of a kind in one
// xmllint run. What the schemas do not describe is dropped first: the
// namespaces a part lists in mc:Ignorable (x14ac:dyDescent and the like),
// mc:AlternateContent, xml:space.

import { execFile } from 'child_process';
import { appendFileSync, existsSync, promises as fs } from 'fs';
import os from 'os';
import path from 'path';
import { promisify } from 'util';
import { unzipSync } from 'fflate';

const exec = promisify(execFile);
const XMLLINT = '/usr/bin/xmllint';
const SCHEMAS = path.join(__dirname, '..', 'schemas', 'ooxml');

let unpacked: Promise<string> | null = null;

/** The schemas, unzipped once per test process into a temporary folder. */
function schemaDir(): Promise<string> {
  unpacked ??= (async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'unelgee-xsd-'));
    for (const zip of ['OfficeOpenXML-XMLSchema-Transitional.zip', 'OpenPackagingConventions-XMLSchema.zip']) {
      for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(await fs.readFile(path.join(SCHEMAS, zip)))))) {
        if (!name.endsWith('/')) await fs.writeFile(path.join(dir, path.basename(name)), bytes);
      }
    }
    return dir;
  })();
  return unpacked;
}

/** Which schema a part is checked against (null: not checked). */
function schemaOf(part: string): string | null {
  if (part === '[Content_Types].xml') return 'opc-contentTypes.xsd';
  if (part.endsWith('.rels')) return 'opc-relationships.xsd';
  if (/^xl\/(worksheets\/[^/]+|workbook|styles|sharedStrings)\.xml$/.test(part)) return 'sml.xsd';
  return null;
}

/** A part without what the schemas do not describe: the mc:Ignorable namespaces' attributes and elements, mc:AlternateContent, xml:space. */
function withoutIgnorable(xml: string): string {
  const ignorable = /\smc:Ignorable="([^"]*)"/.exec(xml)?.[1].split(/\s+/).filter(Boolean) ?? [];
  let s = xml.replace(/<mc:AlternateContent\b[\s\S]*?<\/mc:AlternateContent>/g, '');
  for (const prefix of ['mc', ...ignorable]) {
    s = s.replace(new RegExp(`\\s${prefix}:[\\w.-]+="[^"]*"`, 'g'), '');
    s = s.replace(new RegExp(`<${prefix}:([\\w.-]+)\\b[^>]*?/>`, 'g'), '');
    s = s.replace(new RegExp(`<${prefix}:([\\w.-]+)\\b[^>]*>[\\s\\S]*?</${prefix}:\\1>`, 'g'), '');
  }
  return s.replace(/\sxml:space="[^"]*"/g, '');
}

export interface SchemaCheck {
  /** Parts validated, over all files. */
  parts: number;
  /** "file: part:line: message" for each part that does not validate. */
  problems: string[];
}

/** Validates the SpreadsheetML and packaging parts of each workbook; one xmllint run per schema. */
export async function checkSchemas(files: readonly string[]): Promise<SchemaCheck> {
  if (!existsSync(XMLLINT)) throw new Error(`${XMLLINT} not found: install it with "apt-get install -y libxml2-utils" (scripts/install-test-deps.sh does)`);
  const xsd = await schemaDir();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'unelgee-schema-'));
  const bySchema = new Map<string, string[]>();
  const origin = new Map<string, string>();
  try {
    for (const [i, file] of files.entries()) {
      const parts = unzipSync(new Uint8Array(await fs.readFile(file)));
      for (const [part, bytes] of Object.entries(parts)) {
        const schema = schemaOf(part);
        if (!schema) continue;
        const copy = path.join(dir, `${i}`, part);
        await fs.mkdir(path.dirname(copy), { recursive: true });
        await fs.writeFile(copy, withoutIgnorable(new TextDecoder().decode(bytes)));
        bySchema.set(schema, [...(bySchema.get(schema) ?? []), copy]);
        origin.set(copy, `${path.basename(file)}: ${part}`);
      }
    }
    const problems: string[] = [];
    for (const [schema, copies] of bySchema) {
      const run = await exec(XMLLINT, ['--noout', '--nonet', '--schema', path.join(xsd, schema), ...copies], { maxBuffer: 64 * 1024 * 1024 }).then(
        (r) => r.stderr,
        (e: { stderr?: string }) => e.stderr ?? String(e),
      );
      for (const line of run.split('\n')) {
        if (!line || line.endsWith(' validates')) continue;
        const copy = copies.find((c) => line.startsWith(c));
        problems.push(copy ? `${origin.get(copy)}${line.slice(copy.length)}` : line);
      }
    }
    const result = { parts: origin.size, problems: problems.filter((p) => !/ fails to validate$/.test(p)) };
    // Tallied beside the recalculation checks (test/support/agreement.ts, scripts/agreement-tally.js).
    const log = process.env.UNELGEE_AGREEMENT_TALLY;
    if (log) appendFileSync(log, `${JSON.stringify({ test: path.basename(expect.getState().testPath ?? ''), schemaParts: result.parts, schemaProblems: result.problems.length })}\n`);
    return result;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
