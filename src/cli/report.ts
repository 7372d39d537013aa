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

function jsonTable(table: TableInfo): JsonTable {
  const columns: Partial<Record<Role, string>> = {};
  for (const column of table.columns) if (!columns[column.role]) columns[column.role] = column.letter;
  return {
    id: table.id,
    sheet: table.sheet,
    title: table.title,
    kind: table.kind,
    headerRows: table.headerRows.map((r) => r + 1),
    numberRow: table.numberRow === undefined ? null : table.numberRow + 1,
    firstRow: table.firstRow + 1,
    lastRow: table.lastRow + 1,
    columns,
    items: table.rows.filter((r) => r.kind === 'item').length,
    groups: table.groups.length,
  };
}

function jsonFinding(finding: Finding, lang: Lang): JsonFinding {
  const json: JsonFinding = { code: finding.code, severity: finding.severity, sheet: finding.sheet, cell: finding.cell, message: finding.message[lang], messages: finding.message };
  if (finding.data) json.data = finding.data;
  if (finding.fix) json.fix = { kind: finding.fix.kind, description: finding.fix.description[lang], descriptions: finding.fix.description, cells: finding.fix.cells };
  return json;
}

export function jsonFile(file: string, analysis: WorkbookAnalysis, lang: Lang): JsonFile {
  return {
    file,
    ok: true,
    tables: analysis.sheets.flatMap((s) => s.tables.map(jsonTable)),
    findings: analysis.findings.map((f) => jsonFinding(f, lang)),
    counts: analysis.counts,
    scores: analysis.sheets.flatMap((s) => s.scores),
    evaluations: analysis.evaluations,
  };
}
