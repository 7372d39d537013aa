// The three sample workbooks the page offers (the fixtures, copied by the
// build to samples/): fetched from the page's own origin as bytes, and read
// like any file the user opens. The single file (dist/unelgee.html) carries
// them inside itself (a data block, base64) where they fit its budget, and
// offers only those it carries.

export const SAMPLES = ['report-2024-aimag-admin-dept', 'report-2025-h1-consulting-unit', 'plan-2023-digital-year-soum'] as const;
export type SampleName = (typeof SAMPLES)[number];

export const isSample = (name: string | null): name is SampleName => SAMPLES.includes(name as SampleName);

/** The id of the single file's data block: {"name": "base64 of the .xlsx", …}. */
const SAMPLES_DATA_ID = 'unelgee-samples';

let carriedData: Record<string, string> | null | undefined;

/** The single file's samples (read once), or null when the page is served. */
function carried(): Record<string, string> | null {
  if (carriedData === undefined) {
    const block = typeof document === 'undefined' ? null : document.getElementById(SAMPLES_DATA_ID);
    carriedData = block ? (JSON.parse(block.textContent || '{}') as Record<string, string>) : null;
  }
  return carriedData;
}

/** The samples this page can open: all of them when served, those it carries when it is the single file. */
export function offeredSamples(): SampleName[] {
  const data = carried();
  return data ? SAMPLES.filter((name) => typeof data[name] === 'string') : [...SAMPLES];
}

export async function sampleBytes(name: SampleName, base = 'samples/'): Promise<Uint8Array> {
  const data = carried();
  if (data) {
    const text = data[name];
    if (typeof text !== 'string') throw new Error(`${name}.xlsx: not in this file`);
    return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
  }
  const response = await fetch(`${base}${encodeURIComponent(name)}.xlsx`);
  if (!response.ok) throw new Error(`${name}.xlsx: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
