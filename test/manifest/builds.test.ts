// The manifest's requirement set and version, and the two manifests the
// build writes from it (scripts/manifest.js): production for a server,
// development installable beside it.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REQUIRED_API } from '../../src/excel/env';
import { API_LEVEL } from '../../src/in-memory-excel/api';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DEV_ID, devManifest, prodManifest, manifestVersion } = require('../../scripts/manifest.js') as {
  DEV_ID: string;
  devManifest(xml: string, version: string): string;
  prodManifest(xml: string, version: string, url?: string): string;
  manifestVersion(v: string): string;
};

const ROOT = path.resolve(__dirname, '../..');
const XML = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const VALIDATOR = path.resolve(ROOT, '../shared/tools/validate-manifest');
const tag = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];

function validates(xml: string): boolean {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unelgee-manifest-'));
  try {
    fs.writeFileSync(path.join(dir, 'manifest.xml'), xml);
    return spawnSync('bash', [VALIDATOR, path.join(dir, 'manifest.xml')], { encoding: 'utf8' }).status === 0;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('requirements', () => {
  it(`declares ExcelApi ${REQUIRED_API}, the set the adapter needs (REQUIRED_API)`, () => {
    expect(XML).toMatch(new RegExp(`<Set Name="ExcelApi" MinVersion="${REQUIRED_API.replace('.', '\\.')}"/>`));
  });

  it('every member above it is used only behind isSetSupported: notes (1.18) are the only one', () => {
    const above = Object.entries(API_LEVEL).filter(([, v]) => Number(v.split('.')[1]) > Number(REQUIRED_API.split('.')[1]));
    expect(above.map(([k]) => k)).toEqual(['Worksheet.notes']);
  });

  it('<Version> follows package.json', () => {
    expect(tag(XML, 'Version')).toBe(manifestVersion(VERSION));
    expect(manifestVersion('1.2.3')).toBe('1.2.3.0');
  });
});

describe('the built manifests', () => {
  it('development: its own Id and "(dev)" in both display names, localhost, valid', () => {
    const dev = devManifest(XML, VERSION);
    expect(tag(dev, 'Id')).toBe(DEV_ID);
    expect(tag(dev, 'Id')).not.toBe(tag(XML, 'Id'));
    expect(dev).toContain('DefaultValue="Unelgee – performance scoring (dev)"');
    expect(dev).toContain('<Override Locale="mn-MN" Value="Үнэлгээ (dev)"/>');
    expect(dev).toContain('https://localhost:3000/taskpane.html');
    expect(validates(dev)).toBe(true);
  });

  it('production with publicUrl: no localhost left, AppDomain is the origin, valid; http is refused', () => {
    const prod = prodManifest(XML, VERSION, 'https://intranet.example.mn/unelgee');
    expect(prod.replace(/<!--[\s\S]*?-->/g, '')).not.toContain('localhost');
    expect(prod).toContain('<SourceLocation DefaultValue="https://intranet.example.mn/unelgee/taskpane.html"/>');
    expect(prod).toContain('<AppDomain>https://intranet.example.mn</AppDomain>');
    expect(tag(prod, 'Id')).toBe(tag(XML, 'Id'));
    expect(validates(prod)).toBe(true);
    expect(() => prodManifest(XML, VERSION, 'http://intranet.example.mn/')).toThrow(/https/);
  });
});
