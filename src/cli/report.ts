// The command line's JSON: a stable, versioned shape for machines. What
// people read is in human.ts.

import type { EvaluationScore, Finding, Fix, Lang, Localized, Role, SeverityCounts, TableInfo, TableScore, WorkbookAnalysis } from '../core';

/** Bump when a field changes meaning; adding fields keeps it. */
export const JSON_FORMAT_VERSION = 1;

interface JsonTable {
  id: string;
  sheet: string;
  title: string;
  kind: string;
  /** 1-based, as Excel shows them. */
  headerRows: number[];
  numberRow: number | null;
  firstRow: number;
  lastRow: number;
  /** Column letter of each role found. */
  columns: Partial<Record<Role, string>>;
  items: number;
  groups: number;
}

interface JsonFinding {
  code: string;
  severity: string;
  sheet: string;
  cell: string;
  message: string;
  messages: Localized;
  data?: Finding['data'];
  /** The quick fix `unelgee fix` would apply for it, when it has one. */
  fix?: JsonFix;
}

interface JsonFix {
  /** safe: `unelgee fix` applies it; review: only with --include-review. */
  kind: Fix['kind'];
  description: string;
  descriptions: Localized;
  /** "Sheet!A1" of every cell it writes. */
  cells: string[];
}

export interface JsonFile {
  file: string;
  ok: boolean;
  error?: string;
  tables?: JsonTable[];
  findings?: JsonFinding[];
  counts?: SeverityCounts;
  scores?: TableScore[];
  /** Each individual evaluation (annex 8) read as one: its sections' points, what section 5 carries, the total. */
  evaluations?: EvaluationScore[];
  /** validate --plan: the plan held against, its tables, and the items matched, missing from the report, not in the plan. */
  plan?: { file: string; tables: string[]; matched: number; missing: number; extra: number };
}

function jsonTable(t: TableInfo): JsonTable {
  const columns: Partial<Record<Role, string>> = {};
  for (const c of t.columns) if (!columns[c.role]) columns[c.role] = c.letter;
  return {
    id: t.id,
    sheet: t.sheet,
    title: t.title,
    kind: t.kind,
    headerRows: t.headerRows.map((r) => r + 1),
    numberRow: t.numberRow === undefined ? null : t.numberRow + 1,
    firstRow: t.firstRow + 1,
    lastRow: t.lastRow + 1,
    columns,
    items: t.rows.filter((r) => r.kind === 'item').length,
    groups: t.groups.length,
  };
}

function jsonFinding(f: Finding, lang: Lang): JsonFinding {
  const j: JsonFinding = { code: f.code, severity: f.severity, sheet: f.sheet, cell: f.cell, message: f.message[lang], messages: f.message };
  if (f.data) j.data = f.data;
  if (f.fix) j.fix = { kind: f.fix.kind, description: f.fix.description[lang], descriptions: f.fix.description, cells: f.fix.cells };
  return j;
}

export function jsonFile(file: string, a: WorkbookAnalysis, lang: Lang): JsonFile {
  return {
    file,
    ok: true,
    tables: a.sheets.flatMap((s) => s.tables.map(jsonTable)),
    findings: a.findings.map((f) => jsonFinding(f, lang)),
    counts: a.counts,
    scores: a.sheets.flatMap((s) => s.scores),
    evaluations: a.evaluations,
  };
}
