// Cell notes in a package: legacy comments, as Excel 2007+ and LibreOffice
// show them. A sheet's notes are two parts — xl/commentsN.xml (the text,
// with its authors) and a VML drawing (the yellow box each note opens, with
// its anchor) — linked from the sheet's relationships, the VML also from the
// sheet's <legacyDrawing>, both given content types. A sheet that has notes
// already keeps them: its parts are edited (a note added, or ours appended
// to a note on the same cell below a separator line), never rewritten. Our
// own earlier note (a check of a checked copy) is replaced, not stacked.

import { cellAddress } from '../core';
import { applySplices, findElements, prefixFor, prefixOf, type Splice } from './edit';
import { contentTypeOf, folderOf, parseContentTypes, parseRels, relKind, relsPartOf } from './package';
import { placeChild } from './worksheet-order';
import { scanWorksheet } from './worksheet-edit';
import { escapeAttr, escapeText } from './xml';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
const VML_TYPE = 'application/vnd.openxmlformats-officedocument.vmlDrawing';

/** The line between a note someone wrote and ours. */
export const NOTE_SEPARATOR = '────────────';

/** The parts of the package being edited, as the writer keeps them. */
export interface PackageAccess {
  /** A part's text as it stands (new text when changed); undefined when there is no such part. */
  read(part: string): string | undefined;
  /** Sets a part's text (a new part when it did not exist). */
  write(part: string, text: string): void;
  /** Every part name, existing and new. */
  parts(): string[];
  contentTypesPart: string;
  /** The namespace of relationship types the package uses ("http://schemas.openxmlformats.org/officeDocument/2006/relationships", or strict's). */
  relTypeBase: string;
}

export interface Note {
  row: number;
  col: number;
  text: string;
}

/** A part name not yet taken: "xl/comments1.xml", "xl/comments2.xml"… */
function freePart(access: PackageAccess, make: (index: number) => string): string {
  const taken = new Set(access.parts().map((p) => p.toLowerCase()));
  let index = 1;
  while (taken.has(make(index).toLowerCase())) index++;
  return make(index);
}

/** The target of `part` from a relationship of `source` ("../comments1.xml"). */
function relativeTo(source: string, part: string): string {
  const from = folderOf(source).split('/').filter(Boolean);
  const to = part.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/** Adds relationships to a .rels part (created when missing); returns their ids, in order. */
function addRelationships(access: PackageAccess, relsPart: string, rels: { type: string; target: string }[]): string[] {
  const text = access.read(relsPart) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}"></Relationships>`;
  const root = findElements(text, relsPart, (_name, path) => path.length === 0)[0];
  const taken = new Set(findElements(text, relsPart, (name) => name === 'Relationship').map((e) => e.attrs.Id));
  const tagPrefix = prefixOf(root.qname);
  const ids: string[] = [];
  const relationshipXml = rels.map((rel) => {
    let idNumber = taken.size + 1;
    while (taken.has(`rId${idNumber}`)) idNumber++;
    const id = `rId${idNumber}`;
    taken.add(id);
    ids.push(id);
    return `<${tagPrefix}Relationship Id="${id}" Type="${escapeAttr(rel.type)}" Target="${escapeAttr(rel.target)}"/>`;
  });
  const next = root.selfClosing
    ? `${text.slice(0, root.start)}${text.slice(root.start, root.end - 2)}>${relationshipXml.join('')}</${root.qname}>${text.slice(root.end)}`
    : applySplices(text, [{ start: root.closeStart, end: root.closeStart, text: relationshipXml.join('') }]);
  access.write(relsPart, next);
  return ids;
}

/** Content types for a comments part (an Override) and VML (the extension's Default), unless they are there. */
function addContentTypes(access: PackageAccess, commentsPart: string, vmlPart: string): void {
  const part = access.contentTypesPart;
  const text = access.read(part)!;
  const types = parseContentTypes(text, part);
  const root = findElements(text, part, (_name, path) => path.length === 0)[0];
  const tagPrefix = prefixOf(root.qname);
  let add = '';
  if (contentTypeOf(types, vmlPart) !== VML_TYPE && !types.defaults.has('vml')) add += `<${tagPrefix}Default Extension="vml" ContentType="${VML_TYPE}"/>`;
  if (contentTypeOf(types, commentsPart) !== COMMENTS_TYPE) add += `<${tagPrefix}Override PartName="/${escapeAttr(commentsPart)}" ContentType="${COMMENTS_TYPE}"/>`;
  // Defaults come before Overrides in the schema's choice, but the choice is unordered: appending is valid.
  if (add) access.write(part, applySplices(text, [{ start: root.closeStart, end: root.closeStart, text: add }]));
}

// ---- the comments part ---------------------------------------------------------

const EMPTY_COMMENTS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors></authors><commentList></commentList></comments>`;

/** Lines a note's text takes in its box (about 48 characters a line of 9-point Tahoma in 240 points). */
const noteLines = (text: string) => text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / 48)), 0);

/** A run of note text, as Excel writes a note's words. */
const run = (p: string, text: string) => `<${p}r><${p}rPr><${p}sz val="9"/><${p}rFont val="Tahoma"/></${p}rPr><${p}t xml:space="preserve">${escapeText(text)}</${p}t></${p}r>`;

/**
 * The comments part with these notes in it: a cell without a note gets one;
 * a note of ours from before is replaced; someone's note keeps its words and
 * gets ours below a separator. Returns the part's text and how many lines
 * each note now holds (for the size of its box).
 */
function mergeComments(text: string, part: string, notes: readonly Note[], author: string, prefix: string): { text: string; lines: Map<string, number> } {
  const elements = findElements(text, part, (name, path) => ['authors', 'author', 'commentList', 'comment', 'text', 't', 'r', 'rPh', 'phoneticPr'].includes(name) || path.length === 0);
  const root = elements[0];
  const tagPrefix = prefixOf(root.qname);
  const splices: Splice[] = [];
  const authors = elements.filter((e) => e.name === 'author');
  const authorText = (e: (typeof elements)[number]) => text.slice(e.openEnd, e.closeStart);
  let authorId = authors.findIndex((a) => authorText(a) === escapeText(author));
  if (authorId < 0) {
    authorId = authors.length;
    const list = elements.find((e) => e.name === 'authors');
    const authorXml = `<${tagPrefix}author>${escapeText(author)}</${tagPrefix}author>`;
    if (list && !list.selfClosing) splices.push({ start: list.closeStart, end: list.closeStart, text: authorXml });
    else if (list) splices.push({ start: list.start, end: list.end, text: `<${tagPrefix}authors>${authorXml}</${tagPrefix}authors>` });
    else splices.push({ start: root.openEnd, end: root.openEnd, text: `<${tagPrefix}authors>${authorXml}</${tagPrefix}authors>` });
  }
  const comments = elements.filter((e) => e.name === 'comment');
  const lines = new Map<string, number>();
  const added: string[] = [];
  for (const note of notes) {
    const ref = cellAddress(note.row, note.col);
    const existing = comments.find((c) => c.attrs.ref === ref);
    if (!existing) {
      added.push(`<${tagPrefix}comment ref="${ref}" authorId="${authorId}"><${tagPrefix}text>${run(tagPrefix, note.text)}</${tagPrefix}text></${tagPrefix}comment>`);
      lines.set(ref, noteLines(note.text));
      continue;
    }
    const body = elements.find((e) => e.name === 'text' && e.start > existing.start && e.end <= existing.end);
    if (!body) continue;
    const words = elements
      .filter((e) => e.name === 't' && e.start > body.start && e.end <= body.end && !e.path.includes('rPh'))
      .map((e) => text.slice(e.openEnd, e.closeStart))
      .join('');
    const plain = words.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
    const ours = `${prefix} · `;
    if (plain.startsWith(ours)) {
      // Wholly ours (a checked copy checked again): replaced.
      splices.push({ start: body.openEnd, end: body.closeStart, text: run(tagPrefix, note.text) });
      lines.set(ref, noteLines(note.text));
      continue;
    }
    const kept = plain.includes(`${NOTE_SEPARATOR}\n${ours}`) ? plain.slice(0, plain.indexOf(`\n${NOTE_SEPARATOR}\n${ours}`)) : plain;
    const appended = `\n${NOTE_SEPARATOR}\n${note.text}`;
    const ourRun = elements.find((e) => e.name === 'r' && e.start > body.start && e.end <= body.end && text.slice(e.start, e.end).includes(escapeText(`${NOTE_SEPARATOR}\n${ours}`)));
    if (ourRun) splices.push({ start: ourRun.start, end: ourRun.end, text: run(tagPrefix, appended) });
    else {
      // Before phonetic runs, which close a note's text.
      const phonetic = elements.find((e) => (e.name === 'rPh' || e.name === 'phoneticPr') && e.start > body.start && e.end <= body.end);
      const hasRuns = elements.some((e) => e.name === 'r' && e.start > body.start && e.end <= body.end);
      const at = phonetic ? phonetic.start : body.closeStart;
      // A note of plain text (one <t>, no runs) becomes a run, so that ours can follow it as one.
      const plainT = hasRuns ? undefined : elements.find((e) => e.name === 't' && e.path[e.path.length - 1] === 'text' && e.start > body.start && e.end <= body.end);
      if (plainT) splices.push({ start: plainT.start, end: plainT.end, text: `<${tagPrefix}r>${text.slice(plainT.start, plainT.end)}</${tagPrefix}r>` });
      splices.push({ start: at, end: at, text: run(tagPrefix, appended) });
    }
    lines.set(ref, noteLines(kept + appended));
  }
  const list = elements.find((e) => e.name === 'commentList');
  if (added.length > 0) {
    if (list && !list.selfClosing) splices.push({ start: list.closeStart, end: list.closeStart, text: added.join('') });
    else if (list) splices.push({ start: list.start, end: list.end, text: `<${tagPrefix}commentList>${added.join('')}</${tagPrefix}commentList>` });
    else splices.push({ start: root.closeStart, end: root.closeStart, text: `<${tagPrefix}commentList>${added.join('')}</${tagPrefix}commentList>` });
  }
  return { text: applySplices(text, splices), lines };
}

// ---- the VML drawing -----------------------------------------------------------

const SHAPE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** A note's box: beside its cell, two columns wide, as many rows high as its lines (at most 20). */
function shapeXml(id: number, row: number, col: number, lines: number): string {
  const height = Math.min(20, Math.max(4, lines + 1));
  const anchor = `${col + 1}, 15, ${Math.max(0, row - 1)}, 10, ${col + 3}, 15, ${Math.max(0, row - 1) + height}, 4`;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:240pt;height:${height * 15}pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
    `<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData>` +
    `</v:shape>`
  );
}

/** The number in every idmap of every VML part: a new drawing takes the next, so shape ids stay unique in the workbook. */
function nextIdMap(access: PackageAccess): number {
  let max = 0;
  for (const part of access.parts().filter((p) => p.toLowerCase().endsWith('.vml'))) {
    for (const match of (access.read(part) ?? '').matchAll(/<o:idmap\b[^>]*\bdata="([\d,\s]+)"/g)) for (const id of match[1].split(/[,\s]+/)) max = Math.max(max, Number(id) || 0);
  }
  return max + 1;
}

/**
 * The VML drawing with a box for each note: a new box for a cell that had
 * none; a cell whose box exists keeps it, made tall enough for its lines.
 * VML is not always well-formed XML (Excel writes <br> in it), so it is
 * edited as text.
 */
function mergeVml(text: string | undefined, notes: readonly Note[], lines: Map<string, number>, idMap: number): string {
  let vml =
    text ??
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
      `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idMap}"/></o:shapelayout></xml>`;
  if (!vml.includes('id="_x0000_t202"')) vml = vml.replace(/(<o:shapelayout[\s\S]*?<\/o:shapelayout>|<xml[^>]*>)/, (m) => m + SHAPE_TYPE);
  const ids = [...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]));
  let nextId = Math.max(idMap * 1024, ...ids) + 1;
  const shapes = [...vml.matchAll(/<v:shape\b[\s\S]*?<\/v:shape>/g)];
  let added = '';
  for (const note of notes) {
    const count = lines.get(cellAddress(note.row, note.col)) ?? noteLines(note.text);
    const own = shapes.find((s) => new RegExp(`<x:Row>\\s*${note.row}\\s*</x:Row>`).test(s[0]) && new RegExp(`<x:Column>\\s*${note.col}\\s*</x:Column>`).test(s[0]));
    if (!own) {
      added += shapeXml(nextId++, note.row, note.col, count);
      continue;
    }
    // Taller when the note grew: the anchor's bottom row moved down.
    const grown = own[0].replace(/<x:Anchor>([^<]*)<\/x:Anchor>/, (whole, anchor: string) => {
      const anchorNumbers = anchor.split(',').map((x) => Number(x.trim()));
      if (anchorNumbers.length !== 8 || anchorNumbers.some((x) => !Number.isFinite(x))) return whole;
      anchorNumbers[6] = Math.max(anchorNumbers[6], anchorNumbers[2] + Math.min(20, count + 1));
      return `<x:Anchor>${anchorNumbers.join(', ')}</x:Anchor>`;
    });
    vml = vml.replace(own[0], grown);
  }
  const close = vml.lastIndexOf('</xml>');
  return close < 0 ? vml + added : vml.slice(0, close) + added + vml.slice(close);
}

// ---- a sheet's notes ---------------------------------------------------------------

/**
 * Writes these notes on a worksheet: its comments part and VML drawing
 * (found through its relationships, or new), the relationships, the
 * worksheet's <legacyDrawing>, the content types.
 */
export function writeNotes(access: PackageAccess, sheetPart: string, notes: readonly Note[], author: string, prefix: string): void {
  if (notes.length === 0) return;
  const relsPart = relsPartOf(sheetPart);
  const relsText = access.read(relsPart);
  const rels = relsText ? parseRels(relsText, relsPart, folderOf(sheetPart)) : [];
  const sheetText = access.read(sheetPart)!;
  const scan = scanWorksheet(sheetText, sheetPart, new Set());
  const legacy = scan.top.get('legacyDrawing');
  const legacyId = legacy ? Object.entries(legacy.attrs).find(([key]) => key === 'r:id' || key.endsWith(':id'))?.[1] : undefined;
  const vmlRel = rels.find((r) => r.id === legacyId) ?? rels.find((r) => relKind(r.type) === 'vmlDrawing' && !r.external);
  const commentsRel = rels.find((r) => relKind(r.type) === 'comments' && !r.external);

  const commentsPart = commentsRel?.target ?? freePart(access, (n) => `xl/comments${n}.xml`);
  const merged = mergeComments(access.read(commentsPart) ?? EMPTY_COMMENTS, commentsPart, notes, author, prefix);
  access.write(commentsPart, merged.text);
  const vmlPart = vmlRel?.target ?? freePart(access, (n) => `xl/drawings/vmlDrawing${n}.vml`);
  const existingVml = vmlRel ? access.read(vmlPart) : undefined;
  access.write(vmlPart, mergeVml(existingVml, notes, merged.lines, existingVml ? 0 : nextIdMap(access)));

  const newRels: { type: string; target: string }[] = [];
  if (!commentsRel) newRels.push({ type: `${access.relTypeBase}/comments`, target: relativeTo(sheetPart, commentsPart) });
  if (!vmlRel) newRels.push({ type: `${access.relTypeBase}/vmlDrawing`, target: relativeTo(sheetPart, vmlPart) });
  const ids = newRels.length > 0 ? addRelationships(access, relsPart, newRels) : [];
  if (!vmlRel) {
    const vmlId = ids[ids.length - 1];
    const relPrefix = prefixFor(sheetText, REL_NS) ?? prefixFor(sheetText, 'http://purl.oclc.org/ooxml/officeDocument/relationships');
    const attr = relPrefix ? `${relPrefix}:id="${vmlId}"` : `xmlns:r="${REL_NS}" r:id="${vmlId}"`;
    // A <legacyDrawing> that points elsewhere (no VML behind it) is replaced.
    access.write(sheetPart, applySplices(sheetText, [placeChild(sheetText, scan, 'legacyDrawing', `<${prefixOf(scan.rootQname)}legacyDrawing ${attr}/>`)]));
  }
  addContentTypes(access, commentsPart, vmlPart);
}
