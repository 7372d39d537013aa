// The three sample workbooks the page offers (the fixtures, copied by the
// build to samples/): fetched from the page's own origin as bytes, and read
// like any file the user opens.

export const SAMPLES = ['report-2024-aimag-admin-dept', 'report-2025-h1-consulting-unit', 'plan-2023-digital-year-soum'] as const;
export type SampleName = (typeof SAMPLES)[number];

export const isSample = (name: string | null): name is SampleName => SAMPLES.includes(name as SampleName);

export async function sampleBytes(name: SampleName, base = 'samples/'): Promise<Uint8Array> {
  const response = await fetch(`${base}${encodeURIComponent(name)}.xlsx`);
  if (!response.ok) throw new Error(`${name}.xlsx: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
