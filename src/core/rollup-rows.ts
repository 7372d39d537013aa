// The roll-up's rows: one per table of each readable file (or one for a file
// with no table), with who reports (rollup-units.ts), its figures and its
// findings' counts; the row that stands for each unit; the ranking by
// average; and the total line's figures. Hosts print these; the roll-up
// workbook (rollup-workbook.ts) lays them out.

import { countSeverities } from './checks';
import { gradeFor, type Profile } from './profiles';
import { fileLabel, topLines, unitFromLines, yearOfFileName, type PeriodCode, type UnitInfo } from './rollup-units';
import type { Sheet } from './sheet';
import { isSkillsTitle, round } from './text';
import type { Finding, Localized, TableKind, WorkbookAnalysis } from './types';

/** One line of the roll-up: a table of a file (or a readable file with no table), its unit and its figures. */
export interface RollupRow {
  /** The file as the host names it (the path given or found). */
  file: string;
  sheet: string | null;
  tableId: string | null;
  /** The table's title ('' when it has none). */
  title: string;
  /** The unit as shown: the unit, else the organisation, else the file's name. */
  label: string;
  organisation: string | null;
  unit: string | null;
  period: PeriodCode | null;
  year: number | null;
  kind: TableKind | null;
  items: number;
  rated: number;
  average: number | null;
  fivePoint: number | null;
  grade: string | null;
  gradeLabel: Localized | null;
  /** The annex 8 total of an evaluation sheet. */
  annex8: number | null;
  errors: number;
  warnings: number;
  infos: number;
  /** The table's own stated average, where it differs from the computed one (an average-mismatch finding). */
  statedAverage: number | null;
  /**
   * This row's average is its unit's figure: per file and unit, the first
   * report table with an average that is not the knowledge-and-skills part
   * (else the first table with an average). Only these rows are ranked and
   * make the mean of the units, so a unit with two tables counts once.
   */
  unitFigure: boolean;
  /** 1 for the highest unit figure (ties share a rank); null for other rows. Set by rankRows. */
  rank: number | null;
}

/**
 * The roll-up's rows for one readable file: one per table, in the order the
 * engine found them, or one for the file when it holds no table. In: the
 * file's name, the sheets given to analyzeWorkbook and its result. Findings
 * count towards their table; those of no table (a sheet without one, a
 * sheet that could not be read) towards the file's first row, so the rows'
 * counts add up to the file's.
 */
export function rollupRows(file: string, sheets: readonly Sheet[], analysis: WorkbookAnalysis): RollupRow[] {
  const rows: RollupRow[] = [];
  const byName = new Map(sheets.map((sheet) => [sheet.name, sheet]));
  const fallback = fileLabel(file);
  const fileYear = yearOfFileName(fallback);
  const unitOfSheet = new Map<string, UnitInfo>();
  for (const sheetAnalysis of analysis.sheets) {
    const first = sheetAnalysis.tables[0];
    const sheet = byName.get(sheetAnalysis.sheet);
    const lines = sheet ? topLines(sheet, first ? first.headerRows[0] : sheet.startRow + 12) : [];
    unitOfSheet.set(sheetAnalysis.sheet, unitFromLines(first?.title ?? '', lines));
  }
  const fileUnit = [...unitOfSheet.values()].find((unit) => unit.unit || unit.organisation) ?? { organisation: null, unit: null, period: null, year: null };
  for (const sheetAnalysis of analysis.sheets) {
    const unit = unitOfSheet.get(sheetAnalysis.sheet)!;
    sheetAnalysis.tables.forEach((table, tableIndex) => {
      const score = sheetAnalysis.scores[tableIndex];
      const mine = analysis.findings.filter((finding) => finding.tableId === table.id);
      const counts = countSeverities(mine);
      rows.push({
        file,
        sheet: table.sheet,
        tableId: table.id,
        title: table.title,
        label: unit.unit ?? unit.organisation ?? fallback,
        organisation: unit.unit ? unit.organisation : null,
        unit: unit.unit,
        period: unit.period,
        year: unit.year ?? fileYear,
        kind: table.kind,
        items: score.itemCount,
        rated: score.ratedCount,
        average: score.average,
        fivePoint: score.fivePoint,
        grade: score.grade,
        gradeLabel: score.gradeLabel,
        annex8: score.annex8?.total ?? null,
        errors: counts.error,
        warnings: counts.warning,
        infos: counts.info,
        statedAverage: statedAverage(table.stated, mine),
        unitFigure: false,
        rank: null,
      });
    });
  }
  const loose = countSeverities(analysis.findings.filter((finding) => !finding.tableId || !rows.some((row) => row.tableId === finding.tableId)));
  if (rows.length === 0) {
    rows.push({
      file,
      sheet: null,
      tableId: null,
      title: '',
      label: fileUnit.unit ?? fileUnit.organisation ?? fallback,
      organisation: fileUnit.unit ? fileUnit.organisation : null,
      unit: fileUnit.unit,
      period: fileUnit.period,
      year: fileUnit.year ?? fileYear,
      kind: null,
      items: 0,
      rated: 0,
      average: null,
      fivePoint: null,
      grade: null,
      gradeLabel: null,
      annex8: null,
      errors: loose.error,
      warnings: loose.warning,
      infos: loose.info,
      statedAverage: null,
      unitFigure: false,
      rank: null,
    });
  } else {
    rows[0].errors += loose.error;
    rows[0].warnings += loose.warning;
    rows[0].infos += loose.info;
  }
  markUnitFigures(rows);
  return rows;
}

/** Marks, per unit of a file, the row whose average stands for the unit (see RollupRow.unitFigure). */
function markUnitFigures(rows: RollupRow[]): void {
  const byUnit = new Map<string, RollupRow[]>();
  for (const row of rows) byUnit.set(row.label, [...(byUnit.get(row.label) ?? []), row]);
  for (const unitRows of byUnit.values()) {
    const rated = unitRows.filter((row) => row.average !== null);
    const main = rated.find((row) => row.kind === 'report' && !isSkillsTitle(row.title)) ?? rated[0];
    if (main) main.unitFigure = true;
  }
}

/** The table's stated average (not a group's, not points) where the engine found it differs from the rows. */
function statedAverage(stated: readonly { row: number; scope: string; kind: string; value: number | null }[], findings: readonly Finding[]): number | null {
  for (const finding of findings) {
    if (finding.code !== 'average-mismatch' || typeof finding.data?.stated !== 'number') continue;
    const tableAverage = stated.find((figure) => figure.row === finding.row && figure.scope === 'table' && figure.kind === 'average');
    if (tableAverage) return finding.data.stated;
  }
  return null;
}

/**
 * The units' figures by average, highest first, each with its rank (ties
 * share one, as RANK does); then the other rows (skills parts, plans, tables
 * without an average) by average, unranked.
 */
export function rankRows(rows: readonly RollupRow[]): RollupRow[] {
  const order = rows.map((row, index) => ({ row, index }));
  order.sort((first, second) => {
    if (first.row.unitFigure !== second.row.unitFigure) return first.row.unitFigure ? -1 : 1;
    const firstAverage = first.row.average;
    const secondAverage = second.row.average;
    if (firstAverage === null || secondAverage === null) return firstAverage === secondAverage ? first.index - second.index : firstAverage === null ? 1 : -1;
    return secondAverage - firstAverage || first.index - second.index;
  });
  // Sorted, a unit's rank is its place, or the rank of the unit above when their averages are equal.
  const ranked: RollupRow[] = [];
  order.forEach(({ row }, place) => {
    const above = ranked[place - 1];
    const rank = !row.unitFigure ? null : above?.unitFigure && above.average === row.average ? above.rank : place + 1;
    ranked.push({ ...row, rank });
  });
  return ranked;
}

/** The total line: how many files and tables, the sums, and the mean of the averages. */
export interface RollupTotal {
  files: number;
  tables: number;
  /** The units' figures (what the mean is over). */
  ranked: number;
  items: number;
  rated: number;
  average: number | null;
  fivePoint: number | null;
  grade: string | null;
  gradeLabel: Localized | null;
  annex8: number | null;
  errors: number;
  warnings: number;
  infos: number;
}

const meanOf = (figures: number[]) => (figures.length ? figures.reduce((sum, figure) => sum + figure, 0) / figures.length : null);

export function rollupTotal(rows: readonly RollupRow[], profile: Profile): RollupTotal {
  const averages = rows.filter((row) => row.unitFigure).map((row) => row.average).filter((value): value is number => value !== null);
  const mean = meanOf(averages);
  const average = mean === null ? null : round(mean, 1);
  const band = average === null ? null : gradeFor(profile, average);
  const annex8 = meanOf(rows.map((row) => row.annex8).filter((value): value is number => value !== null));
  const sum = (key: 'items' | 'rated' | 'errors' | 'warnings' | 'infos') => rows.reduce((total, row) => total + row[key], 0);
  return {
    files: new Set(rows.map((row) => row.file)).size,
    tables: rows.filter((row) => row.tableId !== null).length,
    ranked: averages.length,
    items: sum('items'),
    rated: sum('rated'),
    average,
    fivePoint: average === null ? null : round(average * profile.fivePointFactor, 2),
    grade: band?.grade ?? null,
    gradeLabel: band?.label ?? null,
    annex8: annex8 === null ? null : round(annex8, 1),
    errors: sum('errors'),
    warnings: sum('warnings'),
    infos: sum('infos'),
  };
}
