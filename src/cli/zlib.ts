// The command line inflates .xlsx parts with Node's zlib rather than fflate
// (ten times faster reading a worksheet; the reader's limits hold: zlib stops
// at the most bytes a part may produce). src/xlsx stays host-neutral: it is
// handed this codec (useZipCodec); the web page's worker keeps fflate. What
// the command line writes is still deflated by fflate, as the page's
// Download is: the same file, byte for byte, whichever wrote it.

import * as zlib from 'zlib';
import { InflateLimit, type ZipCodec } from '../xlsx';

export const nodeZip: ZipCodec = {
  inflate(raw, maxBytes) {
    try {
      return zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, maxBytes) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new InflateLimit();
      throw error;
    }
  },
  // zlib.crc32 is Node 20.15 and later; before, the reader's own.
  crc32: typeof zlib.crc32 === 'function' ? (data, previous) => zlib.crc32(data, previous) : undefined,
};
