// Small hand-made packages for the reader and writer tests, and hostile ones.

import { deflateSync } from 'fflate';
import { crc32 } from '../../src/xlsx/zip';
import { MAIN, REL, put, unzip, zip, fixtureBytes } from './corpus';

/** A one-sheet workbook (from the consulting fixture's package) whose sheet1.xml and sharedStrings are replaced. */
export function workbookWith(sheetData: string, opts: { sst?: string[]; rawSst?: string; after?: string; styles?: string } = {}): Uint8Array {
  const parts = unzip(fixtureBytes('report-2025-h1-consulting-unit'));
  put(parts, 'xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${sheetData}</sheetData>${opts.after ?? ''}</worksheet>`);
  const sst = opts.rawSst ?? (opts.sst ?? []).map((s) => `<si><t>${s}</t></si>`).join('');
  put(parts, 'xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}">${sst}</sst>`);
  if (opts.styles) put(parts, 'xl/styles.xml', opts.styles);
  return zip(parts);
}

/** The package with one part replaced by `size` spaces, deflated, while its zip headers declare 1,000 bytes. */
export function lyingZip(base: Uint8Array, part: string, size: number, declared = 1000): Uint8Array {
  const parts = unzip(base);
  parts.delete(part);
  const honest = zip(parts);
  // Append the hostile entry by hand: local header + data, then a new central directory.
  const data = deflateSync(new Uint8Array(size).fill(0x20), { level: 9 });
  return appendEntry(honest, part, data, declared, crc32(new Uint8Array(0)));
}

/** Rebuilds a zip with one more deflated entry whose header fields are given (sizes, CRC). */
export function appendEntry(zipBytes: Uint8Array, name: string, data: Uint8Array, declaredSize: number, crc: number): Uint8Array {
  const dv = new DataView(zipBytes.buffer, zipBytes.byteOffset, zipBytes.byteLength);
  let eocd = zipBytes.length - 22;
  while (dv.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const count = dv.getUint16(eocd + 10, true);
  const cdSize = dv.getUint32(eocd + 12, true);
  const cdOffset = dv.getUint32(eocd + 16, true);
  const nameBytes = new TextEncoder().encode(name);
  const local = new Uint8Array(30 + nameBytes.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(8, 8, true);
  lv.setUint32(14, crc, true);
  lv.setUint32(18, data.length, true);
  lv.setUint32(22, declaredSize, true);
  lv.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  const central = new Uint8Array(46 + nameBytes.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(4, 20, true);
  cv.setUint16(6, 20, true);
  cv.setUint16(10, 8, true);
  cv.setUint32(16, crc, true);
  cv.setUint32(20, data.length, true);
  cv.setUint32(24, declaredSize, true);
  cv.setUint16(28, nameBytes.length, true);
  cv.setUint32(42, cdOffset, true);
  central.set(nameBytes, 46);
  const oldCd = zipBytes.subarray(cdOffset, cdOffset + cdSize);
  const out = new Uint8Array(cdOffset + local.length + data.length + oldCd.length + central.length + 22);
  let p = 0;
  out.set(zipBytes.subarray(0, cdOffset), p);
  p += cdOffset;
  out.set(local, p);
  p += local.length;
  out.set(data, p);
  p += data.length;
  const newCdOffset = p;
  out.set(oldCd, p);
  p += oldCd.length;
  out.set(central, p);
  p += central.length;
  const ev = new DataView(out.buffer);
  ev.setUint32(p, 0x06054b50, true);
  ev.setUint16(p + 8, count + 1, true);
  ev.setUint16(p + 10, count + 1, true);
  ev.setUint32(p + 12, oldCd.length + central.length, true);
  ev.setUint32(p + 16, newCdOffset, true);
  return out;
}

/** The zip with one entry's central-directory and local header fields changed by `edit` (given each header's offset), e.g. a bad CRC or another compression method. */
export function patchEntry(zipBytes: Uint8Array, name: string, edit: (view: DataView, header: number, kind: 'central' | 'local') => void): Uint8Array {
  const out = zipBytes.slice();
  const dv = new DataView(out.buffer, out.byteOffset, out.byteLength);
  let eocd = out.length - 22;
  while (dv.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    const nameLen = dv.getUint16(p + 28, true);
    const entry = decoder.decode(out.subarray(p + 46, p + 46 + nameLen));
    if (entry === name) {
      edit(dv, p, 'central');
      edit(dv, dv.getUint32(p + 42, true), 'local');
      return out;
    }
    p += 46 + nameLen + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
  }
  throw new Error(`no entry ${name}`);
}
