// A host's codec (the command line's: Node's zlib, src/cli/zlib.ts) in place
// of fflate's: the same sheets from every fixture, and the same refusals — a
// part over its size, a bomb whose header lies, a damaged part, the read's
// total.

import { nodeZip } from '../../src/cli/zlib';
import { InflateLimit, readXlsx, useZipCodec, XlsxError, type ZipCodec } from '../../src/xlsx';
import { FIXTURE_NAMES } from '../support/fixtures';
import { lyingZip, patchEntry } from './build';
import { fixtureBytes } from './corpus';

const refused = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof XlsxError) return e.code;
    throw e;
  }
  return 'read';
};

const withInflater = <T>(inflater: ZipCodec | null, f: () => T): T => {
  useZipCodec(inflater);
  try {
    return f();
  } finally {
    useZipCodec(null);
  }
};

/** zlib, counting the calls and the most bytes it was allowed. */
function counting(): ZipCodec & { calls: number; caps: number[] } {
  const c = {
    calls: 0,
    caps: [] as number[],
    inflate(raw: Uint8Array, maxBytes: number) {
      c.calls++;
      c.caps.push(maxBytes);
      return nodeZip.inflate(raw, maxBytes);
    },
    crc32: nodeZip.crc32,
  };
  return c;
}

it('reads every fixture as fflate does, each part inflated by the host', () => {
  for (const name of FIXTURE_NAMES) {
    const bytes = fixtureBytes(name);
    const host = counting();
    const byHost = withInflater(host, () => readXlsx(bytes));
    expect(host.calls).toBeGreaterThan(3);
    expect(byHost.sheets).toEqual(readXlsx(bytes).sheets);
  }
});

it('refuses what fflate refuses: a part over its size, a lying header, a damaged part, the total', () => {
  const good = fixtureBytes('report-2025-h1-consulting-unit');
  const lying = lyingZip(good, 'xl/worksheets/sheet1.xml', 50 * 1024 * 1024);
  const flipped = good.slice();
  flipped[200] ^= 0xff;
  const cases: [Uint8Array, Parameters<typeof readXlsx>[1]][] = [
    [lying, { ratioFloorBytes: 1024 * 1024 }],
    [lying, { maxPartBytes: 2 * 1024 * 1024 }],
    [lying, { maxTotalBytes: 2 * 1024 * 1024 }],
    [flipped, {}],
    [good, { maxPartBytes: 10000 }],
  ];
  for (const [bytes, limits] of cases) {
    expect(withInflater(nodeZip, () => refused(() => readXlsx(bytes, limits)))).toBe(refused(() => readXlsx(bytes, limits)));
  }
  expect(withInflater(nodeZip, () => refused(() => readXlsx(lying, { ratioFloorBytes: 1024 * 1024 })))).toBe('bomb');
});

it('never lets a part produce more than the limits allow', () => {
  const lying = lyingZip(fixtureBytes('report-2025-h1-consulting-unit'), 'xl/worksheets/sheet1.xml', 50 * 1024 * 1024);
  const host = counting();
  withInflater(host, () => refused(() => readXlsx(lying, { ratioFloorBytes: 1024 * 1024 })));
  // The lying part: 50 MB of spaces deflate to about 50 kB; at 200 bytes per compressed byte it may give about 10 MB, not 50.
  expect(Math.max(...host.caps)).toBeLessThan(12 * 1024 * 1024);
  expect(() => nodeZip.inflate(new Uint8Array([0x4b, 0x4c, 0x4a, 0x06, 0x00]), 2)).toThrow(InflateLimit);
});


it("checks every part's checksum as fflate's path does: a parsed worksheet's and a part never parsed (the writer copies it as it came)", () => {
  const good = fixtureBytes('report-2025-h1-consulting-unit');
  const badChecksum = (part: string) => patchEntry(good, part, (view, at, kind) => view.setUint32(at + (kind === 'central' ? 16 : 14), 0x12345678, true));
  for (const part of ['xl/worksheets/sheet1.xml', 'docProps/app.xml']) {
    const bytes = badChecksum(part);
    const byHost = withInflater(nodeZip, () => {
      try {
        readXlsx(bytes);
      } catch (e) {
        if (e instanceof XlsxError) return `${e.code} ${e.detail}`;
        throw e;
      }
      return 'read';
    });
    expect(byHost).toBe(`damaged ${part}: checksum`);
  }
  // zlib's crc32 is carried on from one chunk to the next as ours is (a checksum of the whole from its parts).
  if (nodeZip.crc32) {
    const data = new TextEncoder().encode('Хувь 85.8 '.repeat(1000));
    const whole = nodeZip.crc32(data, 0);
    expect(nodeZip.crc32(data.subarray(4000), nodeZip.crc32(data.subarray(0, 4000), 0))).toBe(whole);
    expect(withInflater(null, () => refused(() => readXlsx(badChecksum('docProps/app.xml'))))).toBe('damaged');
  }
});
