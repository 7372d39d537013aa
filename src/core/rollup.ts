// The roll-up: many units' reports in one view (an aimag's agencies, a
// ministry's departments, an organisation's staff). Pure, like the rest of
// the engine: hosts hand in each file's analysis and sheets; out come the
// roll-up's rows (who reported, for which period, how they scored) and the
// plan of a NEW workbook — its sheets as cells, column widths, frozen rows,
// hyperlinks and one filterable table — which a host writes
// (src/xlsx/create.ts). The words reach the engine as data (RollupWords).

import { countSeverities } from './checks';
import { fitRowHeights, landscapeTable, onePageWhenClose, type PrintSetup } from './print';
import { gradeFormula, gradeText } from './grade-text';
import { gradeFor, type Profile } from './profiles';
import { cellAddress, columnLetter, type Area, type Sheet } from './sheet';
import { cellText, fillTemplate, isSkillsTitle, normalize, round } from './text';
import type { CellValue, Finding, Lang, Localized, Severity, SummaryChart, TableKind, WorkbookAnalysis } from './types';

// ---- who reports, for which period ------------------------------------------

/** The period a report covers: the year, a half, nine months, a quarter. */
type PeriodCode = 'year' | 'h1' | 'h2' | 'm9' | 'q1' | 'q2' | 'q3' | 'q4';

/** What a sheet's title lines say about who reports (organisation, unit or person) and for when. */
export interface UnitInfo {
  organisation: string | null;
  /** The unit (a department, an agency) or, on an evaluation sheet, the person evaluated. */
  unit: string | null;
  period: PeriodCode | null;
  year: number | null;
}

/**
 * Words that end the name of an organisation or a unit, in the genitive (as
 * titles write them: "…ХЭЛТСИЙН 2024 ОНЫ ТАЙЛАН") and the nominative; `org`
 * marks those that close an organisation's name, so that "…ТАМГЫН ГАЗРЫН
 * ТӨРИЙН ЗАХИРГААНЫ УДИРДЛАГЫН ХЭЛТСИЙН" splits after "ГАЗРЫН".
 */
const NAME_ENDS: readonly { genitive: string; nominative: string; org: boolean }[] = [
  { genitive: 'газрын', nominative: 'газар', org: true },
  { genitive: 'яамны', nominative: 'яам', org: true },
  { genitive: 'агентлагийн', nominative: 'агентлаг', org: true },
  { genitive: 'хорооны', nominative: 'хороо', org: true },
  { genitive: 'зөвлөлийн', nominative: 'зөвлөл', org: true },
  { genitive: 'байгууллагын', nominative: 'байгууллага', org: true },
  { genitive: 'сургуулийн', nominative: 'сургууль', org: true },
  { genitive: 'эмнэлгийн', nominative: 'эмнэлэг', org: true },
  { genitive: 'хүрээлэнгийн', nominative: 'хүрээлэн', org: true },
  { genitive: 'корпорацийн', nominative: 'корпораци', org: true },
  { genitive: 'хэлтсийн', nominative: 'хэлтэс', org: false },
  { genitive: 'албаны', nominative: 'алба', org: false },
  { genitive: 'тасгийн', nominative: 'тасаг', org: false },
  { genitive: 'нэгжийн', nominative: 'нэгж', org: false },
  { genitive: 'хэсгийн', nominative: 'хэсэг', org: false },
  { genitive: 'төвийн', nominative: 'төв', org: false },
  { genitive: 'салбарын', nominative: 'салбар', org: false },
  // "СУМЫН ЗАСАГ ДАРГЫН 2024 ОНЫ …": the governor (or a head) reports; inside "ЗАСАГ ДАРГЫН ТАМГЫН ГАЗРЫН" the name runs on to its last end.
  { genitive: 'даргын', nominative: 'дарга', org: false },
];
const ENDS_BY_FORM = new Map<string, { nominative: string; org: boolean }>();
for (const e of NAME_ENDS) {
  ENDS_BY_FORM.set(normalize(e.genitive), e);
  ENDS_BY_FORM.set(normalize(e.nominative), e);
}

/**
 * Words that end a name for certain: the title's own nouns ("… ГҮЙЦЭТГЭЛИЙН
 * ТАЙЛАН", "… ТӨЛӨВЛӨГӨӨ", "… ҮНЭЛГЭЭНИЙ ХУУДАС"). Other title words
 * (ҮНЭЛГЭЭНИЙ, АЖЛЫН, ҮЙЛ, ЖИЛИЙН…) may be part of a unit's name
 * ("ХЯНАЛТ-ШИНЖИЛГЭЭ, ҮНЭЛГЭЭНИЙ ХЭЛТЭС", "ХУРЛЫН АЖЛЫН АЛБА"): the name runs
 * to the last word that closes a name before the year or one of these.
 */
const TITLE_NOUNS = /^(гуйцэтгэл|тайлан|толовлогоо|хуудас)/;
/**
 * An order's or annex's line ("…-ын 2023 оны 98 дугаар тушаалын 6 дугаар
 * хавсралт", "… тогтоолын хавсралт"): its year is the order's, its name the
 * issuer's, neither the report's. Everything up to the word "хавсралт" is
 * left out (a title the engine joined may go on after it).
 */
const ANNEX = /^.*?хавсралт\S*\s*/iu;
/** A date line ("2025 оны 06 дугаар сарын 10"): the day it was signed, whose year is the report's only when nothing else says. */
const DATE_LINE = /(?:19|20)\d{2}\s*оны\s+\d{1,2}\s*(?:-?р|дугаар|дүгээр)?\s*сар/iu;
const YEAR = /(?:^|[^\d])((?:19|20)\d{2})\s*-?\s*(?:оны|онд|он)(?![а-яөүё])/iu;

/** Periods as titles write them, on normalize()d text (ү→у, ө→о). */
const PERIODS: readonly [PeriodCode, RegExp][] = [
  ['h1', /(эхний|нэгдугээр|1-р|i) хагас жил/],
  ['h2', /(суулийн|хоердугаар|2-р|ii) хагас жил/],
  ['m9', /(эхний )?(9|есон) сар/],
  // normalize() reads a Latin "v" as "в": IV is "iв".
  ['q4', /(^|[\s(])(iв|4|доровдугээр)\s*(-?р|-?дугээр)?\s*улир(ал|лын|алд)/],
  ['q3', /(^|[\s(])(iii|3|гуравдугаар)\s*(-?р|-?дугаар)?\s*улир(ал|лын|алд)/],
  ['q2', /(^|[\s(])(ii|2|хоердугаар)\s*(-?р|-?дугаар)?\s*улир(ал|лын|алд)/],
  ['q1', /(^|[\s(])(i|1|нэгдугээр|эхний)\s*(-?р|-?дугээр)?\s*улир(ал|лын|алд)/],
  ['year', /жилийн эцс|бутэн жил|жилийн (гуйцэтгэл|тайлан|ажлын)|оны (гуйцэтгэл|тайлан|толовлогоо|уйл ажиллагаа|ажлын)/],
];

/** "Овог, нэр: Б.Болд", "Албан хаагчийн нэр: …": the person an evaluation sheet is about. */
const PERSON = /(?:овог,?\s*нэр|албан хаагчийн нэр|ажилтны нэр|нэр)\s*[:：]\s*(\S.*)$/iu;

const trimPunct = (w: string) => w.replace(/^[\s"'“”«»(]+|[\s"'“”«»),.:;]+$/g, '');

/** The word in the nominative, in the case it was written in ("ХЭЛТСИЙН" → "ХЭЛТЭС"). */
function nominative(word: string): string {
  const end = ENDS_BY_FORM.get(normalize(trimPunct(word)));
  if (!end) return trimPunct(word);
  const w = trimPunct(word);
  const upper = w === w.toUpperCase() && w !== w.toLowerCase();
  const capital = !upper && w[0] === w[0].toUpperCase() && w[0] !== w[0].toLowerCase();
  if (upper) return end.nominative.toUpperCase();
  return capital ? end.nominative[0].toUpperCase() + end.nominative.slice(1) : end.nominative;
}

const isNameEnd = (word: string) => ENDS_BY_FORM.has(normalize(trimPunct(word)));

/**
 * The name at the start of a title line, split into organisation and unit
 * where the words allow: the words up to the last one that closes a name,
 * before the year and the title's own nouns.
 */
function nameIn(line: string): { organisation: string | null; unit: string | null } {
  const none = { organisation: null, unit: null };
  // "Хянасан: …", "Овог, нэр: …": a label and a value, not a title.
  if (line.includes(':')) return none;
  const words = line.split(/\s+/).filter(Boolean);
  let end = -1;
  for (let i = 0; i < words.length; i++) {
    const n = normalize(trimPunct(words[i]));
    if (/^(19|20)\d{2}$/.test(n) || TITLE_NOUNS.test(n)) break;
    if (isNameEnd(words[i])) end = i;
  }
  if (end < 0) return none;
  const name = words.slice(0, end + 1);
  const last = ENDS_BY_FORM.get(normalize(trimPunct(name[end])))!;
  const text = (part: string[]) => [...part.slice(0, -1), nominative(part[part.length - 1])].join(' ');
  // The last organisation word before the final one splits "organisation | unit".
  let split = -1;
  for (let i = name.length - 2; i >= 0; i--) {
    if (ENDS_BY_FORM.get(normalize(trimPunct(name[i])))?.org) {
      split = i;
      break;
    }
  }
  if (split >= 0) return { organisation: text(name.slice(0, split + 1)), unit: text(name.slice(split + 1)) };
  return last.org ? { organisation: text(name), unit: null } : { organisation: null, unit: text(name) };
}

/**
 * Who reports and for when, from a table's title and the lines above it:
 * the organisation and unit (the words up to the last that closes a name,
 * before the year or "ГҮЙЦЭТГЭЛИЙН ТАЙЛАН", split where an organisation's
 * name ends; the title first, then each line; an organisation line above a
 * title that names only its unit gives the organisation), the person on an
 * evaluation sheet ("Овог, нэр: …"), the year ("2024 ОНЫ") and the period
 * ("ЭХНИЙ ХАГАС ЖИЛИЙН", "I УЛИРЛЫН", "ЖИЛИЙН ЭЦСИЙН"). An order's or annex's
 * words ("…2023 оны 98 дугаар тушаалын 6 дугаар хавсралт") say nothing of
 * the report; a date line's year counts only when no other line has one.
 * Null where the lines do not say.
 */
export function unitFromLines(title: string, lines: readonly string[]): UnitInfo {
  const texts = [title, ...lines].map((t) => t.replace(/\s+/g, ' ').trim().replace(ANNEX, '')).filter(Boolean);
  const info: UnitInfo = { organisation: null, unit: null, period: null, year: null };
  const undated = texts.filter((t) => !DATE_LINE.test(t));
  for (const t of [...undated, ...texts.filter((x) => DATE_LINE.test(x))]) {
    const m = YEAR.exec(t);
    if (m) {
      info.year = Number(m[1]);
      break;
    }
  }
  for (const t of undated) {
    const n = normalize(t);
    const p = PERIODS.find(([, re]) => re.test(n));
    if (p) {
      info.period = p[0];
      break;
    }
  }
  let person: string | null = null;
  for (const t of texts) {
    const m = PERSON.exec(t);
    if (m && m[1].trim().length >= 3) {
      person = m[1].trim().slice(0, 80);
      break;
    }
  }
  // The title first (the engine joined its lines); then each line above the table on its own.
  const names = texts.map(nameIn);
  const named = names.findIndex((n) => n.organisation || n.unit);
  if (named >= 0) {
    info.organisation = names[named].organisation;
    info.unit = names[named].unit;
  }
  if (info.unit && !info.organisation) info.organisation = names.find((n, i) => i !== named && n.organisation && !n.unit)?.organisation ?? null;
  if (person) {
    // An evaluation sheet: the person is who reports; the unit they belong to stands as the organisation.
    info.organisation = [info.organisation, info.unit].filter(Boolean).join(', ') || null;
    info.unit = person;
  }
  return info;
}

/** The text of each non-empty row of a sheet from its top down to (not including) `beforeRow`, at most `max` lines. */
function topLines(sheet: Sheet, beforeRow: number, max = 10): string[] {
  const lines: string[] = [];
  for (let r = sheet.startRow; r < beforeRow && lines.length < max; r++) {
    const row = sheet.values[r - sheet.startRow];
    if (!row) continue;
    const parts: string[] = [];
    for (const v of row) {
      const t = cellText(v);
      if (t) parts.push(t);
    }
    if (parts.length) lines.push(parts.join(' '));
  }
  return lines;
}

/** The year a file's name gives ("Тайлан 2024", "plan-2023-soum"), where the title lines give none; null for none or several. */
function yearOfFileName(label: string): number | null {
  const years = [...label.matchAll(/(?:^|\D)((?:19|20)\d{2})(?=\D|$)/g)].map((m) => Number(m[1]));
  return new Set(years).size === 1 ? years[0] : null;
}

/** "reports/Тайлан 2024.xlsx" → "Тайлан 2024". */
function fileLabel(file: string): string {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

// ---- the rows -------------------------------------------------------------------

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
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const fallback = fileLabel(file);
  const fileYear = yearOfFileName(fallback);
  const unitOfSheet = new Map<string, UnitInfo>();
  for (const s of analysis.sheets) {
    const first = s.tables[0];
    const sheet = byName.get(s.sheet);
    const lines = sheet ? topLines(sheet, first ? first.headerRows[0] : sheet.startRow + 12) : [];
    unitOfSheet.set(s.sheet, unitFromLines(first?.title ?? '', lines));
  }
  const fileUnit = [...unitOfSheet.values()].find((u) => u.unit || u.organisation) ?? { organisation: null, unit: null, period: null, year: null };
  for (const s of analysis.sheets) {
    const u = unitOfSheet.get(s.sheet)!;
    s.tables.forEach((t, i) => {
      const score = s.scores[i];
      const mine = analysis.findings.filter((f) => f.tableId === t.id);
      const counts = countSeverities(mine);
      rows.push({
        file,
        sheet: t.sheet,
        tableId: t.id,
        title: t.title,
        label: u.unit ?? u.organisation ?? fallback,
        organisation: u.unit ? u.organisation : null,
        unit: u.unit,
        period: u.period,
        year: u.year ?? fileYear,
        kind: t.kind,
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
        statedAverage: statedAverage(t.stated, mine),
        unitFigure: false,
        rank: null,
      });
    });
  }
  const loose = countSeverities(analysis.findings.filter((f) => !f.tableId || !rows.some((r) => r.tableId === f.tableId)));
  if (rows.length === 0) {
    const u = fileUnit;
    rows.push({
      file,
      sheet: null,
      tableId: null,
      title: '',
      label: u.unit ?? u.organisation ?? fallback,
      organisation: u.unit ? u.organisation : null,
      unit: u.unit,
      period: u.period,
      year: u.year ?? fileYear,
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
  for (const r of rows) byUnit.set(r.label, [...(byUnit.get(r.label) ?? []), r]);
  for (const unitRows of byUnit.values()) {
    const rated = unitRows.filter((r) => r.average !== null);
    const main = rated.find((r) => r.kind === 'report' && !isSkillsTitle(r.title)) ?? rated[0];
    if (main) main.unitFigure = true;
  }
}

/** The table's stated average (not a group's, not points) where the engine found it differs from the rows. */
function statedAverage(stated: readonly { row: number; scope: string; kind: string; value: number | null }[], findings: readonly Finding[]): number | null {
  for (const f of findings) {
    if (f.code !== 'average-mismatch' || typeof f.data?.stated !== 'number') continue;
    const s = stated.find((x) => x.row === f.row && x.scope === 'table' && x.kind === 'average');
    if (s) return f.data.stated;
  }
  return null;
}

/**
 * The units' figures by average, highest first, each with its rank (ties
 * share one, as RANK does); then the other rows (skills parts, plans, tables
 * without an average) by average, unranked.
 */
export function rankRows(rows: readonly RollupRow[]): RollupRow[] {
  const order = rows.map((r, i) => ({ r, i }));
  order.sort((a, b) => {
    if (a.r.unitFigure !== b.r.unitFigure) return a.r.unitFigure ? -1 : 1;
    const x = a.r.average;
    const y = b.r.average;
    if (x === null || y === null) return x === y ? a.i - b.i : x === null ? 1 : -1;
    return y - x || a.i - b.i;
  });
  // Sorted, a unit's rank is its place, or the rank of the unit above when their averages are equal.
  const out: RollupRow[] = [];
  order.forEach(({ r }, k) => {
    const above = out[k - 1];
    const rank = !r.unitFigure ? null : above?.unitFigure && above.average === r.average ? above.rank : k + 1;
    out.push({ ...r, rank });
  });
  return out;
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

const meanOf = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);

export function rollupTotal(rows: readonly RollupRow[], profile: Profile): RollupTotal {
  const averages = rows.filter((r) => r.unitFigure).map((r) => r.average).filter((v): v is number => v !== null);
  const m = meanOf(averages);
  const average = m === null ? null : round(m, 1);
  const band = average === null ? null : gradeFor(profile, average);
  const a8 = meanOf(rows.map((r) => r.annex8).filter((v): v is number => v !== null));
  const sum = (k: 'items' | 'rated' | 'errors' | 'warnings' | 'infos') => rows.reduce((s, r) => s + r[k], 0);
  return {
    files: new Set(rows.map((r) => r.file)).size,
    tables: rows.filter((r) => r.tableId !== null).length,
    ranked: averages.length,
    items: sum('items'),
    rated: sum('rated'),
    average,
    fivePoint: average === null ? null : round(average * profile.fivePointFactor, 2),
    grade: band?.grade ?? null,
    gradeLabel: band?.label ?? null,
    annex8: a8 === null ? null : round(a8, 1),
    errors: sum('errors'),
    warnings: sum('warnings'),
    infos: sum('infos'),
  };
}

// ---- a new workbook, as plain data ---------------------------------------------------

/** A cell of a new sheet (0-based), as CellWrite without a note: a value, or a formula with its computed result. */
export interface PlannedCell {
  row: number;
  col: number;
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
}

/** A filterable Excel table (a ListObject with an autoFilter) over a rectangle whose first row holds the column names. */
export interface PlannedTable {
  /** Its name (letters, digits and underscores; unique in the workbook). */
  name: string;
  /** 0-based, inclusive; the header row is `top`. */
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** Column names: the header cells' text, unique. */
  columns: string[];
}

export interface PlannedSheet {
  name: string;
  cells: PlannedCell[];
  /** Widths in characters, from column A. */
  columnWidths: number[];
  /** Rows kept in view at the top. */
  frozenRows: number;
  /** Cells that link to a file (a relative path or a URI). */
  links: { row: number; col: number; target: string }[];
  /**
   * Where each file's name is written, linked or not: a host that holds the
   * files itself (the web page) can open them from these cells, where a
   * file written for elsewhere has no location to link to.
   */
  fileCells?: { row: number; col: number; file: string }[];
  table?: PlannedTable;
  /** A chart a host that can draw one should draw (its data is on the sheet). */
  chart?: SummaryChart;
  /** Areas whose text wraps, aligned to the top. */
  wrap?: Area[];
  /** Rows taller than one line, in points (their wrapped text). */
  rowHeights?: { row: number; points: number }[];
  /** How the sheet prints. */
  print?: PrintSetup;
}

/** A new workbook: its sheets in tab order; the first is the active one. */
export interface WorkbookPlan {
  sheets: PlannedSheet[];
}

// ---- the roll-up workbook ---------------------------------------------------------

/** The words of the roll-up workbook, in the user's language (src/i18n/rollup.ts). */
export interface RollupWords {
  lang: Lang;
  sheetNames: { rollup: string; findings: string; notRead: string };
  title: string;
  /** "Scale: {scale}". */
  scaleLine: string;
  /** "{files} files, {tables} tables; {notRead} not read". */
  countsLine: string;
  /** What is a formula and what a link. */
  linkedLine: string;
  /** rank, unit, organisation, year, period, file, table, kind, items, rated, average, stated average, 5-point, grade, annex 8, errors, warnings, infos. */
  headers: readonly string[];
  totalLabel: string;
  kinds: Record<TableKind, string>;
  periods: Record<PeriodCode, string>;
  /** file, unit, sheet, cell, code, severity, message. */
  findingsHeaders: readonly string[];
  severities: Record<Severity, string>;
  /** file, reason. */
  notReadHeaders: readonly string[];
  allRead: string;
  /** Under the findings when there were more than a sheet holds: "{count} more findings are in the JSON output". */
  findingsTruncated: string;
  chartCategory: string;
  chartValue: string;
  chartTitle: string;
  /** The printed page's number in the footer, in Excel's codes: "Хуудас &P / &N". */
  pageNumbers: string;
}

/** A finding of one file, for the findings sheet. */
export interface RollupFinding {
  file: string;
  /** The unit, as on the roll-up sheet. */
  label: string;
  sheet: string;
  cell: string;
  code: string;
  severity: Severity;
  message: Localized;
}

/** A file that could not be read, and why (one line, both languages). */
export interface UnreadFile {
  file: string;
  reason: Localized;
}

export interface RollupInput {
  /** The rows of every readable file, in the order the files were given (rollupRows). */
  rows: readonly RollupRow[];
  findings: readonly RollupFinding[];
  notRead: readonly UnreadFile[];
  /** The link target of each file (a path relative to the roll-up workbook), by its name in the rows. */
  links: Readonly<Record<string, string>>;
}

export interface RollupOutcome {
  workbook: WorkbookPlan;
  /** The rows as the sheet lists them: by average, with their ranks. */
  rows: RollupRow[];
  total: RollupTotal;
  /** Where the chart's data is ("Нэгтгэл!T5:U9"), when any row has an average. */
  chartData: string | null;
  /** Findings left off the findings sheet (more than a sheet holds). */
  findingsLeftOut: number;
}

/** Columns of the roll-up sheet. */
const C = { rank: 0, label: 1, organisation: 2, year: 3, period: 4, file: 5, table: 6, kind: 7, items: 8, rated: 9, average: 10, stated: 11, five: 12, grade: 13, annex8: 14, errors: 15, warnings: 16, infos: 17 };
const HEADER_ROW = 4;
const FIRST_ROW = HEADER_ROW + 1;
const CHART_COL = 19;
/** Rows a sheet holds (Excel's last row is 1,048,576). */
const MAX_SHEET_ROWS = 1048576;

/** Cells of a planned sheet; an empty value is left out unless it is a formula's result. */
class PlannedCells {
  readonly cells: PlannedCell[] = [];
  put(row: number, col: number, value: CellValue, extra: Partial<PlannedCell> = {}): void {
    if ((value === null || value === '') && !extra.formula) return;
    this.cells.push({ row, col, value, ...extra });
  }
}

/**
 * The roll-up workbook. In: every readable file's rows and findings, the
 * files that could not be read, the link to each file, the profile and the
 * words. Out: three sheets — the roll-up (one row per file and table, the
 * units' figures first by average with their ranks as formulas, the total
 * line's mean, counts and sums as formulas, the file names linked to the
 * files, and the chart's data beside it), the findings (every finding as a
 * filterable table) and the files not read — plus the ranked rows and the
 * total, for hosts to print.
 */
export function planRollup(input: RollupInput, profile: Profile, words: RollupWords): RollupOutcome {
  const rows = rankRows(input.rows);
  const total = rollupTotal(rows, profile);
  const { sheet: rollupSheet, chartData } = rollupSheetOf(rows, total, input, profile, words);
  const { sheet: findingsSheet, findingsLeftOut } = findingsSheetOf(input.findings, words);
  return { workbook: { sheets: [rollupSheet, findingsSheet, notReadSheetOf(input, words)] }, rows, total, chartData, findingsLeftOut };
}

/** The roll-up sheet: title lines, a line per row, the total line and the chart's data. */
function rollupSheetOf(rows: RollupRow[], total: RollupTotal, input: RollupInput, profile: Profile, words: RollupWords): { sheet: PlannedSheet; chartData: string | null } {
  const lang = words.lang;
  const out = new PlannedCells();
  const links: PlannedSheet['links'] = [];
  const fileCells: NonNullable<PlannedSheet['fileCells']> = [];
  out.put(0, 0, words.title, { bold: true });
  out.put(1, 0, fillTemplate(words.scaleLine, { scale: profile.name[lang] }));
  out.put(2, 0, fillTemplate(words.countsLine, { files: total.files + input.notRead.length, tables: total.tables, notRead: input.notRead.length }));
  out.put(3, 0, words.linkedLine);
  words.headers.forEach((h, c) => out.put(HEADER_ROW, c, h, { bold: true }));
  // The units' figures come first (rankRows): their rows are the ones ranked and averaged.
  const unitsEnd = FIRST_ROW + Math.max(rows.filter((r) => r.unitFigure).length, 1);
  const absUnitRange = (col: number) => `${columnLetter(col)}$${FIRST_ROW + 1}:${columnLetter(col)}$${unitsEnd}`;
  rows.forEach((r, k) => {
    const row = FIRST_ROW + k;
    const avg = cellAddress(row, C.average);
    if (r.unitFigure) out.put(row, C.rank, r.rank ?? '', { formula: `=IF(${avg}="","",RANK(${avg},${absUnitRange(C.average)}))` });
    rowCells(out, row, r, words);
    fileCells.push({ row, col: C.file, file: r.file });
    const link = input.links[r.file];
    if (link) links.push({ row, col: C.file, target: link });
  });
  totalCells(out, rows, total, profile, words);
  const columnWidths = [...ROLLUP_WIDTHS];
  const charted = chartCells(out, rows, words);
  if (charted) columnWidths.push(3, 40, 10);
  const sheet: PlannedSheet = { name: words.sheetNames.rollup, cells: out.cells, columnWidths, frozenRows: FIRST_ROW, links, fileCells, chart: charted?.chart };
  fitForPrint(sheet, HEADER_ROW, ROLLUP_WIDTHS.length - 1, words);
  return { sheet, chartData: charted?.chartData ?? null };
}

/**
 * Widths of the roll-up's columns A:R: the names wrap, each header word is
 * whole on its line, and the table prints one A4 landscape page wide at
 * about three quarters of its size.
 */
const ROLLUP_WIDTHS = [5, 22, 18, 6, 10, 16, 30, 9, 8, 8, 8, 9, 8, 13, 9, 7, 13, 9];

/**
 * How a table sheet prints and wraps: the header row and the rows below it
 * wrap their text at the top of the cell (rows as high as their text; the
 * title lines above run on); A4 landscape, one page wide, the header row
 * repeated on every page, the columns up to `right` printed (not a chart's
 * data beside them), page numbers in the footer.
 */
function fitForPrint(sheet: PlannedSheet, header: number, right: number, words: Pick<RollupWords, 'pageNumbers'>): void {
  const bottom = sheet.cells.reduce((max, c) => (c.col <= right ? Math.max(max, c.row) : max), header);
  sheet.wrap = [{ top: header, left: 0, bottom, right }];
  sheet.rowHeights = fitRowHeights(sheet.cells, sheet.columnWidths, (r, c) => r >= header && c <= right);
  const setup = landscapeTable({ first: header, last: header }, words.pageNumbers, { area: { top: 0, left: 0, bottom, right } });
  sheet.print = onePageWhenClose(setup, sheet.columnWidths.slice(0, right + 1), sheet.rowHeights, bottom);
}

function rowCells(out: PlannedCells, row: number, r: RollupRow, words: RollupWords): void {
  out.put(row, C.label, r.label);
  out.put(row, C.organisation, r.organisation ?? '');
  out.put(row, C.year, r.year ?? '');
  out.put(row, C.period, r.period ? words.periods[r.period] : '');
  out.put(row, C.file, r.file);
  out.put(row, C.table, r.tableId ? r.title || r.tableId : '');
  out.put(row, C.kind, r.kind ? words.kinds[r.kind] : '');
  out.put(row, C.items, r.items);
  out.put(row, C.rated, r.rated);
  out.put(row, C.average, r.average ?? '', { numberFormat: '0.0' });
  out.put(row, C.stated, r.statedAverage ?? '', { numberFormat: '0.0' });
  out.put(row, C.five, r.fivePoint ?? '', { numberFormat: '0.00' });
  out.put(row, C.grade, gradeText(r.grade, r.gradeLabel, words.lang));
  out.put(row, C.annex8, r.annex8 ?? '', { numberFormat: '0.0' });
  out.put(row, C.errors, r.errors);
  out.put(row, C.warnings, r.warnings);
  out.put(row, C.infos, r.infos);
}

/** The total line: counts, sums and the mean of the units as formulas over the rows above. */
function totalCells(out: PlannedCells, rows: RollupRow[], total: RollupTotal, profile: Profile, words: RollupWords): void {
  const t = FIRST_ROW + rows.length;
  out.put(t, C.label, words.totalLabel, { bold: true });
  if (rows.length === 0) {
    for (const col of [C.file, C.table, C.items, C.rated, C.errors, C.warnings, C.infos]) out.put(t, col, 0, { bold: true });
    return;
  }
  const range = (col: number, end = t) => `${columnLetter(col)}${FIRST_ROW + 1}:${columnLetter(col)}${end}`;
  const unitRange = (col: number) => range(col, FIRST_ROW + Math.max(rows.filter((r) => r.unitFigure).length, 1));
  const avgRef = cellAddress(t, C.average);
  out.put(t, C.file, total.files, { formula: `=ROUND(SUMPRODUCT(1/COUNTIF(${range(C.file)},${range(C.file)})),0)`, bold: true });
  out.put(t, C.table, total.tables, { formula: `=COUNTA(${range(C.table)})`, bold: true });
  const sums = { items: C.items, rated: C.rated, errors: C.errors, warnings: C.warnings, infos: C.infos } as const;
  for (const [key, col] of Object.entries(sums) as [keyof typeof sums, number][]) out.put(t, col, total[key], { formula: `=SUM(${range(col)})`, bold: true });
  out.put(t, C.average, total.average ?? '', { formula: `=IF(COUNT(${unitRange(C.average)})=0,"",ROUND(AVERAGE(${unitRange(C.average)}),1))`, numberFormat: '0.0', bold: true });
  out.put(t, C.five, total.fivePoint ?? '', { formula: `=IF(${avgRef}="","",ROUND(${avgRef}*${profile.fivePointFactor},2))`, numberFormat: '0.00', bold: true });
  out.put(t, C.grade, gradeText(total.grade, total.gradeLabel, words.lang), { formula: `=${gradeFormula(profile, avgRef, words.lang)}`, bold: true });
  out.put(t, C.annex8, total.annex8 ?? '', { formula: `=IF(COUNT(${range(C.annex8)})=0,"",ROUND(AVERAGE(${range(C.annex8)}),1))`, numberFormat: '0.0', bold: true });
}

/** The chart's data: each ranked unit and its average, linked to the average; null when no unit has one. */
function chartCells(out: PlannedCells, rows: RollupRow[], words: RollupWords): { chart: SummaryChart; chartData: string } | null {
  const ranked = rows.map((r, k) => ({ r, row: FIRST_ROW + k })).filter((x) => x.r.unitFigure && x.r.average !== null);
  if (ranked.length === 0) return null;
  const tablesOf = new Map<string, number>();
  for (const x of ranked) tablesOf.set(x.r.file, (tablesOf.get(x.r.file) ?? 0) + 1);
  out.put(HEADER_ROW, CHART_COL, words.chartCategory, { bold: true });
  out.put(HEADER_ROW, CHART_COL + 1, words.chartValue, { bold: true });
  ranked.forEach((x, k) => {
    const row = FIRST_ROW + k;
    // A file with several units' tables: each bar says which.
    const label = x.r.tableId && tablesOf.get(x.r.file)! > 1 ? `${x.r.label} (${x.r.title || x.r.tableId})` : x.r.label;
    out.put(row, CHART_COL, label.length > 40 ? `${label.slice(0, 39)}…` : label);
    out.put(row, CHART_COL + 1, x.r.average, { formula: `=${cellAddress(x.row, C.average)}`, numberFormat: '0.0' });
  });
  const end = FIRST_ROW + ranked.length;
  const chart = {
    title: words.chartTitle,
    categories: `${columnLetter(CHART_COL)}${FIRST_ROW + 1}:${columnLetter(CHART_COL)}${end}`,
    values: `${columnLetter(CHART_COL + 1)}${FIRST_ROW + 1}:${columnLetter(CHART_COL + 1)}${end}`,
    anchor: `${columnLetter(CHART_COL + 3)}${FIRST_ROW}`,
  };
  return { chart, chartData: `${words.sheetNames.rollup}!${columnLetter(CHART_COL)}${HEADER_ROW + 1}:${columnLetter(CHART_COL + 1)}${end}` };
}

/** The findings, as a filterable table (as many as a sheet holds; the rest counted). */
function findingsSheetOf(findings: readonly RollupFinding[], words: RollupWords): { sheet: PlannedSheet; findingsLeftOut: number } {
  const cells: PlannedCell[] = [];
  words.findingsHeaders.forEach((h, c) => cells.push({ row: 0, col: c, value: h, bold: true }));
  const room = MAX_SHEET_ROWS - 1;
  const shown = findings.length > room ? findings.slice(0, room - 1) : findings;
  shown.forEach((f, k) => {
    const values = [f.file, f.label, f.sheet, f.cell, f.code, words.severities[f.severity], f.message[words.lang]];
    values.forEach((v, c) => cells.push({ row: k + 1, col: c, value: v }));
  });
  const findingsLeftOut = findings.length - shown.length;
  const bottom = Math.max(1, shown.length);
  if (findingsLeftOut > 0) cells.push({ row: bottom + 1, col: 0, value: fillTemplate(words.findingsTruncated, { count: findingsLeftOut }) });
  const table = { name: 'Findings', top: 0, left: 0, bottom, right: words.findingsHeaders.length - 1, columns: [...words.findingsHeaders] };
  const sheet: PlannedSheet = { name: words.sheetNames.findings, cells, columnWidths: [24, 22, 12, 7, 20, 12, 60], frozenRows: 1, links: [], table };
  fitForPrint(sheet, 0, 6, words);
  return { sheet, findingsLeftOut };
}

/** The files not read, and why. */
function notReadSheetOf(input: RollupInput, words: RollupWords): PlannedSheet {
  const cells: PlannedCell[] = [];
  const links: PlannedSheet['links'] = [];
  const fileCells: NonNullable<PlannedSheet['fileCells']> = [];
  words.notReadHeaders.forEach((h, c) => cells.push({ row: 0, col: c, value: h, bold: true }));
  if (input.notRead.length === 0) cells.push({ row: 1, col: 0, value: words.allRead });
  input.notRead.forEach((u, k) => {
    cells.push({ row: k + 1, col: 0, value: u.file });
    fileCells.push({ row: k + 1, col: 0, file: u.file });
    cells.push({ row: k + 1, col: 1, value: u.reason[words.lang] });
    const link = input.links[u.file];
    if (link) links.push({ row: k + 1, col: 0, target: link });
  });
  const sheet: PlannedSheet = { name: words.sheetNames.notRead, cells, columnWidths: [40, 80], frozenRows: 1, links, fileCells };
  fitForPrint(sheet, 0, 1, words);
  return sheet;
}
