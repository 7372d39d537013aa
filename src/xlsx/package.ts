// The package (OPC) side of an .xlsx: part names, relationships and content
// types, read from the zip without touching what the engine does not need.

import { XlsxError, type Limits } from './errors';
import { decodeXml, localName, makeParser, runParser } from './xml';
import { inflateEntry, type InflateBudget, type ZipArchive, type ZipEntry } from './zip';

export interface Relationship {
  id: string;
  type: string;
  /** The target part's name in the zip (no leading slash), or the raw target when external. */
  target: string;
  external: boolean;
}

/** The zip and what the reader learnt about its parts, kept for the writer. */
export interface Package {
  /** The file as read (returned as it is when a plan writes nothing). */
  bytes: Uint8Array;
  zip: ZipArchive;
  limits: Limits;
  budget: InflateBudget;
  /** Decoded text of the small parts the reader parsed (content types, rels, workbook, styles), by part name. */
  texts: Map<string, string>;
  contentTypesPart: string;
  workbookPart: string;
  workbookRelsPart: string;
  stylesPart: string | null;
}

/** The folder of a part name: "xl/workbook.xml" → "xl/". */
export const folderOf = (part: string): string => part.slice(0, part.lastIndexOf('/') + 1);

/** The .rels part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export const relsPartOf = (part: string): string => `${folderOf(part)}_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`;

/** Resolves a relationship target against the folder of its source part. */
function resolveTarget(sourceFolder: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : sourceFolder + target;
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/');
}

/** The zip entry of a part name (part names are case-insensitive in OPC). */
export function entryOf(zip: ZipArchive, part: string): ZipEntry | undefined {
  const exact = zip.byName.get(part);
  if (exact) return exact;
  const lower = part.toLowerCase();
  for (const entry of zip.entries) if (entry.name.toLowerCase() === lower) return entry;
  return undefined;
}

/** Inflates and decodes a part (refusing DOCTYPEs); undefined when it is absent. */
export function partText(pkg: Pick<Package, 'zip' | 'limits' | 'budget'>, part: string): string | undefined {
  const entry = entryOf(pkg.zip, part);
  if (!entry) return undefined;
  return decodeXml(inflateEntry(entry, pkg.limits, pkg.budget), entry.name);
}

/** Reads a .rels part. */
export function parseRels(text: string, relsPart: string, sourceFolder: string): Relationship[] {
  const rels: Relationship[] = [];
  const parser = makeParser(relsPart);
  parser.on('opentag', (tag) => {
    if (localName(tag.name) !== 'Relationship') return;
    const attrs = tag.attributes as Record<string, string>;
    const external = attrs.TargetMode === 'External';
    const target = attrs.Target ?? '';
    rels.push({ id: attrs.Id ?? '', type: attrs.Type ?? '', target: external ? target : resolveTarget(sourceFolder, target), external });
  });
  runParser(parser, text, relsPart);
  return rels;
}

export interface ContentTypes {
  defaults: Map<string, string>;
  overrides: Map<string, string>;
}

export function parseContentTypes(text: string, part: string): ContentTypes {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  const parser = makeParser(part);
  parser.on('opentag', (tag) => {
    const attrs = tag.attributes as Record<string, string>;
    const name = localName(tag.name);
    if (name === 'Default') defaults.set((attrs.Extension ?? '').toLowerCase(), attrs.ContentType ?? '');
    else if (name === 'Override') overrides.set((attrs.PartName ?? '').replace(/^\//, '').toLowerCase(), attrs.ContentType ?? '');
  });
  runParser(parser, text, part);
  return { defaults, overrides };
}

export function contentTypeOf(types: ContentTypes, part: string): string | undefined {
  const override = types.overrides.get(part.toLowerCase());
  if (override !== undefined) return override;
  const dot = part.lastIndexOf('.');
  return dot < 0 ? undefined : types.defaults.get(part.slice(dot + 1).toLowerCase());
}

/** A relationship type by its last segment ("…/relationships/worksheet" → "worksheet"), so transitional and strict files match alike. */
export const relKind = (type: string): string => type.slice(type.lastIndexOf('/') + 1);

export function requirePart(text: string | undefined, part: string): string {
  if (text === undefined) throw new XlsxError('damaged', `${part} is missing`);
  return text;
}
