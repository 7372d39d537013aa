// A checked copy's marks on one worksheet: each finding's cell filled by
// its severity — its contents untouched, only its style index changed to a
// clone of its style with the fill (styles.xml append only) — and its note
// (comments.ts). A cell that does not exist yet (a finding on an empty
// cell: a percent missing) is created empty with its row's or column's
// style first, the way the cell writer puts new cells in.

import type { CellMark, CellWrite } from '../core';
import { applySplices, setAttr, type Splice } from './edit';
import { writeNotes, type PackageAccess } from './comments';
import type { StyleEditor } from './styles';
import { scanWorksheet, writeCells } from './worksheet-edit';

/** The prefix of the tool's notes ("Үнэлгээ" in "Үнэлгээ · Алдаа: …"): its author's name, and how an earlier note of ours is known. */
const notePrefix = (note: string) => {
  const at = note.indexOf(' · ');
  return at > 0 ? note.slice(0, at) : note;
};

/** Fills the marked cells of a worksheet part (creating the empty ones) and returns its new text. */
function fillCells(text: string, part: string, marks: readonly CellMark[], styles: () => StyleEditor): string {
  const rows = new Set(marks.map((m) => m.row));
  const present = new Set<string>();
  for (const row of scanWorksheet(text, part, rows).rows) for (const cell of row.cells ?? []) present.add(`${row.row}:${cell.col}`);
  // Empty cells for the marks that have none: a write of nothing takes the row's or column's style, as a new cell does.
  const empty: CellWrite[] = marks.filter((m) => !present.has(`${m.row}:${m.col}`)).map((m) => ({ row: m.row, col: m.col, value: null }));
  const withCells = empty.length > 0 ? writeCells(text, part, empty, styles).text : text;
  const scan = scanWorksheet(withCells, part, rows);
  const fillAt = new Map(marks.map((m) => [`${m.row}:${m.col}`, m.fill]));
  const splices: Splice[] = [];
  for (const row of scan.rows) {
    for (const cell of row.cells ?? []) {
      const fill = fillAt.get(`${row.row}:${cell.col}`);
      if (fill === undefined) continue;
      const base = cell.style >= 0 ? cell.style : row.style ?? scan.colStyles.find((x) => cell.col >= x.min && cell.col <= x.max)?.style ?? 0;
      const style = styles().styleWith(base, { fill });
      const openEnd = withCells.indexOf('>', cell.start) + 1;
      splices.push({ start: cell.start, end: openEnd, text: setAttr(withCells.slice(cell.start, openEnd), 's', String(style)) });
    }
  }
  return applySplices(withCells, splices);
}

/** A worksheet's marks: fills on its cells, then the notes. */
export function markSheet(access: PackageAccess, part: string, marks: readonly CellMark[], styles: () => StyleEditor): void {
  if (marks.length === 0) return;
  access.write(part, fillCells(access.read(part)!, part, marks, styles));
  const prefix = notePrefix(marks[0].note);
  writeNotes(
    access,
    part,
    marks.map((m) => ({ row: m.row, col: m.col, text: m.note })),
    prefix,
    prefix,
  );
}
