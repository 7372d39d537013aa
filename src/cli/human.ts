// What the command line prints for people: each file's tables and scores, the
// findings as an aligned table, the cells a command wrote as ranges.

import { ROLE_NAMES, SEVERITY_NAMES } from '../i18n/findings';
import { cellAddress, columnLetter, fillTemplate, gradeText, parseAddress, type EvaluationScore, type Finding, type Lang, type SeverityCounts, type SkippedWrite, type TableInfo, type TableScore, type WorkbookAnalysis } from '../core';
import { CLI_TEXT, KIND_NAMES } from '../i18n/cli';

const t = (k: keyof typeof CLI_TEXT, lang: Lang) => CLI_TEXT[k][lang];

/** Display width of a string (every character counts one; Cyrillic is not wide). */
const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

export function countsLine(c: SeverityCounts, lang: Lang): string {
  return fillTemplate(t('counts', lang), { error: c.error, warning: c.warning, info: c.info });
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
      // A part of an annex 8 evaluation has an average but no grade (no rule grades a section on its own).
      if (score.average !== null) parts.push(`${t('average', lang)} ${score.average}%${score.grade ? ` (${gradeText(score.grade, score.gradeLabel, lang)})` : ''}`);
    }
    lines.push(`    ${parts.join(', ')}`);
  }
  return lines;
}

function humanFindings(findings: Finding[], lang: Lang): string[] {
  if (findings.length === 0) return [`  ${t('noFindings', lang)}`];
  const rows = findings.map((f) => [SEVERITY_NAMES[f.severity][lang], `${f.sheet}!${f.cell}`, f.code, f.message[lang]]);
  const head = [t('colSeverity', lang), t('colCell', lang), t('colCode', lang), t('colMessage', lang)];
  const widths = [0, 1, 2].map((i) => Math.max(head[i].length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => `  ${pad(r[0], widths[0])}  ${pad(r[1], widths[1])}  ${pad(r[2], widths[2])}  ${r[3]}`;
  return [line(head), `  ${widths.map((w) => '─'.repeat(w)).join('  ')}  ${'─'.repeat(head[3].length)}`, ...rows.map(line)];
}

/** An individual evaluation (annex 8): each section's points out of its maximum, the changes, the total (and the stated one where it differs). */
export function evaluationLines(e: EvaluationScore, lang: Lang): string[] {
  const title = e.title ? ` «${e.title.length > 70 ? e.title.slice(0, 69) + '…' : e.title}»` : '';
  const sections = e.sections.map((s) => `${fillTemplate(t('section', lang), { n: s.section })} ${s.points ?? '—'}/${s.max}`);
  if (e.changes > 0) sections.push(`${t('changes', lang)} −${e.changes}`);
  const total = e.total === null ? '—' : String(e.total);
  const stated = e.totalStated !== null && e.totalStated !== e.total ? ` (${t('stated', lang)} ${e.totalStated})` : '';
  return [`  ${t('evaluation', lang)}: ${e.id}${title}`, `    ${sections.join(' · ')}; ${t('evaluationTotal', lang)} ${total}${stated}`];
}

export function humanAnalysis(file: string, a: WorkbookAnalysis, lang: Lang): string {
  const out = [file];
  let n = 0;
  for (const s of a.sheets) {
    s.tables.forEach((info, i) => out.push(...tableLines(info, s.scores[i], ++n, lang)));
  }
  if (n === 0) out.push(`  ${t('noTables', lang)}`);
  for (const e of a.evaluations) out.push(...evaluationLines(e, lang));
  out.push('');
  out.push(...humanFindings(a.findings, lang));
  out.push('', `  ${countsLine(a.counts, lang)}`);
  const fixes = fixCounts(a.findings);
  if (fixes.safe + fixes.review > 0) out.push(`  ${fillTemplate(t('fixesOffered', lang), { safe: fixes.safe, review: fixes.review, file })}`);
  return out.join('\n');
}

/** Findings with a quick fix, by kind (a fix several findings share counts once), whether the fixes were planned or only their kinds given. */
export function fixCounts(findings: readonly Finding[]): { safe: number; review: number } {
  const seen = new Set<string>();
  const counts = { safe: 0, review: 0 };
  for (const f of findings) {
    const kind = f.fix?.kind ?? f.fixKind;
    if (!kind) continue;
    const key = f.fix ? JSON.stringify(f.fix.edits) : f.sharedFix;
    if (key !== undefined) {
      if (seen.has(key)) continue;
      seen.add(key);
    }
    counts[kind]++;
  }
  return counts;
}

/** The cells a command wrote, per sheet as ranges. */
export function writtenLines(cells: string[], lang: Lang): string[] {
  const lines = [`  ${t('wrote', lang)} (${cells.length}):`];
  for (const [sheet, ranges] of compressCells(cells)) lines.push(`    ${sheet}: ${ranges.join(' ')}`);
  return lines;
}

/** One line per reason a write was held back: each average left on the summary, each protected sheet, merged cells, a protected workbook. */
export function skippedLines(skipped: SkippedWrite[], lang: Lang): string[] {
  const lines: string[] = [];
  const cellsBy = (reason: SkippedWrite['reason']) => {
    const bySheet = new Map<string, string[]>();
    for (const s of skipped) if (s.reason === reason) bySheet.set(s.sheet, [...(bySheet.get(s.sheet) ?? []), `${s.sheet}!${cellAddress(s.row, s.col)}`]);
    return [...bySheet].map(([sheet, cells]) => [sheet, (compressCells(cells).get(sheet) ?? []).join(' ')]);
  };
  for (const s of skipped) if (s.reason === 'no-free-row') lines.push(`  ${s.tableId}: ${t('averageElsewhere', lang)}${s.instead ? ` (${s.instead})` : ''}.`);
  for (const [sheet, ranges] of cellsBy('sheet-protected')) lines.push(`  ${sheet}: ${t('sheetProtected', lang)} (${ranges}).`);
  for (const [sheet, ranges] of cellsBy('merged-cell')) lines.push(`  ${sheet}: ${t('mergedSkipped', lang)} (${ranges}).`);
  const books = new Set(skipped.filter((s) => s.reason === 'workbook-protected').map((s) => s.sheet));
  for (const sheet of books) lines.push(`  ${sheet}: ${t('workbookProtected', lang)}.`);
  for (const [sheet, ranges] of cellsBy('formula-as-value')) lines.push(`  ${sheet}: ${t('formulaAsValue', lang)} (${ranges}).`);
  for (const [sheet, ranges] of cellsBy('formula-kept')) lines.push(`  ${sheet}: ${t('formulaKept', lang)} (${ranges}).`);
  return lines;
}

/** Each table's average after a command, and each evaluation's total. */
export function scoreLines(a: WorkbookAnalysis, lang: Lang): string[] {
  const lines: string[] = [];
  for (const s of a.sheets) {
    for (const sc of s.scores) {
      if (sc.average === null) continue;
      const graded = sc.grade ? ` · ${sc.fivePoint} · ${gradeText(sc.grade, sc.gradeLabel, lang)}` : '';
      lines.push(`  ${sc.tableId}: ${sc.average}%${graded}`);
    }
  }
  for (const e of a.evaluations) if (e.total !== null) lines.push(`  ${e.id}: ${t('evaluationTotal', lang)} ${e.total}`);
  return lines;
}

/**
 * "Sheet!A6", "Sheet!B6", … → per sheet, rectangles such as "A6:K20": each
 * row's runs of adjacent cells, then runs of rows with the same columns.
 */
function compressCells(cells: string[]): Map<string, string[]> {
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
