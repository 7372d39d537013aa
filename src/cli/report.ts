// What the command line prints: a stable JSON shape for machines and a
// readable table for people.

import { ROLE_NAMES, SEVERITY_NAMES } from '../i18n/findings';
import { columnLetter, parseAddress, type Finding, type Localized, type Role, type SeverityCounts, type TableInfo, type TableScore, type WorkbookAnalysis } from '../core';
import { CLI_TEXT, KIND_NAMES } from '../i18n/cli';

export type Lang = 'mn' | 'en';

/** Bump when a field changes meaning; adding fields keeps it. */
export const JSON_FORMAT_VERSION = 1;

export interface JsonTable {
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

export interface JsonFinding {
  code: string;
  severity: string;
  sheet: string;
  cell: string;
  message: string;
  messages: Localized;
  data?: Finding['data'];
}

export interface JsonFile {
  file: string;
  ok: boolean;
  error?: string;
  tables?: JsonTable[];
  findings?: JsonFinding[];
  counts?: SeverityCounts;
  scores?: TableScore[];
}

export function jsonTable(t: TableInfo): JsonTable {
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

export function jsonFinding(f: Finding, lang: Lang): JsonFinding {
  const j: JsonFinding = { code: f.code, severity: f.severity, sheet: f.sheet, cell: f.cell, message: f.message[lang], messages: f.message };
  if (f.data) j.data = f.data;
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
  };
}

// ---- human output --------------------------------------------------------

const t = (k: keyof typeof CLI_TEXT, lang: Lang) => CLI_TEXT[k][lang];

/** Display width of a string (every character counts one; Cyrillic is not wide). */
const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

export function countsLine(c: SeverityCounts, lang: Lang): string {
  return `${t('total', lang)}: ${c.error} ${t('errors', lang)}, ${c.warning} ${t('warnings', lang)}, ${c.info} ${t('infos', lang)}`;
}

function tableLines(info: TableInfo, score: TableScore | undefined, index: number, lang: Lang): string[] {
  const rows = `${t('rows', lang)} ${info.firstRow + 1}–${info.lastRow + 1}`;
  const header = `${t('header', lang)} ${info.headerRows.map((r) => r + 1).join(',')}`;
  const title = info.title ? ` «${info.title.length > 70 ? info.title.slice(0, 69) + '…' : info.title}»` : '';
  const lines = [`  ${t('table', lang)} ${index}: ${info.id} (${KIND_NAMES[info.kind][lang]}, ${rows}, ${header})${title}`];
  lines.push(`    ${t('columns', lang)}: ${info.columns.map((c) => `${c.letter} ${ROLE_NAMES[c.role][lang]}`).join(' · ')}`);
  if (score) {
    const parts = [`${score.itemCount} ${t('items', lang)}`, `${info.groups.length} ${t('groups', lang)}`];
    if (info.columns.some((c) => c.role === 'percent')) {
      parts.push(`${score.ratedCount} ${t('rated', lang)}`);
      if (score.average !== null) parts.push(`${t('average', lang)} ${score.average}% (${score.grade} · ${score.gradeLabel?.[lang]})`);
    }
    lines.push(`    ${parts.join(', ')}`);
  }
  return lines;
}

export function humanFindings(findings: Finding[], lang: Lang): string[] {
  if (findings.length === 0) return [`  ${t('noFindings', lang)}`];
  const rows = findings.map((f) => [SEVERITY_NAMES[f.severity][lang], `${f.sheet}!${f.cell}`, f.code, f.message[lang]]);
  const head = [t('colSeverity', lang), t('colCell', lang), t('colCode', lang), t('colMessage', lang)];
  const widths = [0, 1, 2].map((i) => Math.max(head[i].length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => `  ${pad(r[0], widths[0])}  ${pad(r[1], widths[1])}  ${pad(r[2], widths[2])}  ${r[3]}`;
  return [line(head), `  ${widths.map((w) => '─'.repeat(w)).join('  ')}  ${'─'.repeat(head[3].length)}`, ...rows.map(line)];
}

export function humanAnalysis(file: string, a: WorkbookAnalysis, lang: Lang): string {
  const out = [file];
  let n = 0;
  for (const s of a.sheets) {
    s.tables.forEach((info, i) => out.push(...tableLines(info, s.scores[i], ++n, lang)));
  }
  if (n === 0) out.push(`  ${t('noTables', lang)}`);
  out.push('');
  out.push(...humanFindings(a.findings, lang));
  out.push('', `  ${countsLine(a.counts, lang)}`);
  return out.join('\n');
}

/**
 * "Sheet!A6", "Sheet!B6", … → per sheet, rectangles such as "A6:K20": each
 * row's runs of adjacent cells, then runs of rows with the same columns.
 */
export function compressCells(cells: string[]): Map<string, string[]> {
  const bySheet = new Map<string, Map<number, number[]>>();
  for (const c of cells) {
    const i = c.lastIndexOf('!');
    const sheet = c.slice(0, i);
    const { row, col } = parseAddress(c.slice(i + 1));
    const rows = bySheet.get(sheet) ?? new Map<number, number[]>();
    rows.set(row, [...(rows.get(row) ?? []), col]);
    bySheet.set(sheet, rows);
  }
  const out = new Map<string, string[]>();
  for (const [sheet, rows] of bySheet) {
    // Runs of columns per row, as "left:right" keys.
    const runsByRow = new Map<number, string[]>();
    for (const [row, cols] of rows) {
      const sorted = [...new Set(cols)].sort((a, b) => a - b);
      const runs: string[] = [];
      let start = sorted[0];
      for (let k = 1; k <= sorted.length; k++) {
        if (k === sorted.length || sorted[k] !== sorted[k - 1] + 1) {
          runs.push(`${start}:${sorted[k - 1]}`);
          start = sorted[k];
        }
      }
      runsByRow.set(row, runs);
    }
    const ranges: string[] = [];
    const open = new Map<string, { top: number; bottom: number }>();
    const close = (key: string) => {
      const o = open.get(key)!;
      const [l, r] = key.split(':').map(Number);
      const a = `${columnLetter(l)}${o.top + 1}`;
      const b = `${columnLetter(r)}${o.bottom + 1}`;
      ranges.push(a === b ? a : `${a}:${b}`);
      open.delete(key);
    };
    for (const row of [...runsByRow.keys()].sort((a, b) => a - b)) {
      const runs = runsByRow.get(row)!;
      for (const key of [...open.keys()]) if (!(runs.includes(key) && open.get(key)!.bottom === row - 1)) close(key);
      for (const key of runs) {
        const o = open.get(key);
        if (o) o.bottom = row;
        else open.set(key, { top: row, bottom: row });
      }
    }
    for (const key of [...open.keys()]) close(key);
    out.set(sheet, ranges);
  }
  return out;
}
