// What the command line prints for people: each file's tables and scores, the
// findings as an aligned table, the cells a command wrote as ranges.

import { ROLE_NAMES, SEVERITY_NAMES } from '../i18n/findings';
import { cellAddress, columnLetter, fillTemplate, gradeText, parseAddress, type EvaluationScore, type Finding, type Lang, type SeverityCounts, type SkippedWrite, type TableInfo, type TableScore, type WorkbookAnalysis } from '../core';
import { CLI_TEXT, KIND_NAMES } from '../i18n/cli';

const say = (key: keyof typeof CLI_TEXT, lang: Lang) => CLI_TEXT[key][lang];

/** Display width of a string (every character counts one; Cyrillic is not wide). */
const pad = (text: string, width: number) => (text.length >= width ? text : text + ' '.repeat(width - text.length));

export function countsLine(counts: SeverityCounts, lang: Lang): string {
  return fillTemplate(say('counts', lang), { error: counts.error, warning: counts.warning, info: counts.info });
}

function tableLines(info: TableInfo, score: TableScore | undefined, index: number, lang: Lang): string[] {
  const rows = `${say('rows', lang)} ${info.firstRow + 1}–${info.lastRow + 1}`;
  const header = `${say('header', lang)} ${info.headerRows.map((r) => r + 1).join(',')}`;
  const title = info.title ? ` «${info.title.length > 70 ? info.title.slice(0, 69) + '…' : info.title}»` : '';
  const lines = [`  ${say('table', lang)} ${index}: ${info.id} (${KIND_NAMES[info.kind][lang]}, ${rows}, ${header})${title}`];
  lines.push(`    ${say('columns', lang)}: ${info.columns.map((c) => `${c.letter} ${ROLE_NAMES[c.role][lang]}`).join(' · ')}`);
  if (score) {
    const parts = [`${score.itemCount} ${say('items', lang)}`, `${info.groups.length} ${say('groups', lang)}`];
    if (info.columns.some((c) => c.role === 'percent')) {
      parts.push(`${score.ratedCount} ${say('rated', lang)}`);
      // A part of an annex 8 evaluation has an average but no grade (no rule grades a section on its own).
      if (score.average !== null) parts.push(`${say('average', lang)} ${score.average}%${score.grade ? ` (${gradeText(score.grade, score.gradeLabel, lang)})` : ''}`);
    }
    lines.push(`    ${parts.join(', ')}`);
  }
  return lines;
}

function humanFindings(findings: Finding[], lang: Lang): string[] {
  if (findings.length === 0) return [`  ${say('noFindings', lang)}`];
  const rows = findings.map((f) => [SEVERITY_NAMES[f.severity][lang], `${f.sheet}!${f.cell}`, f.code, f.message[lang]]);
  const head = [say('colSeverity', lang), say('colCell', lang), say('colCode', lang), say('colMessage', lang)];
  const widths = [0, 1, 2].map((i) => Math.max(head[i].length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => `  ${pad(r[0], widths[0])}  ${pad(r[1], widths[1])}  ${pad(r[2], widths[2])}  ${r[3]}`;
  return [line(head), `  ${widths.map((w) => '─'.repeat(w)).join('  ')}  ${'─'.repeat(head[3].length)}`, ...rows.map(line)];
}

/** An individual evaluation (annex 8): each section's points out of its maximum, the changes, the total (and the stated one where it differs). */
export function evaluationLines(evaluation: EvaluationScore, lang: Lang): string[] {
  const title = evaluation.title ? ` «${evaluation.title.length > 70 ? evaluation.title.slice(0, 69) + '…' : evaluation.title}»` : '';
  const sections = evaluation.sections.map((section) => `${fillTemplate(say('section', lang), { n: section.section })} ${section.points ?? '—'}/${section.max}`);
  if (evaluation.changes > 0) sections.push(`${say('changes', lang)} −${evaluation.changes}`);
  const total = evaluation.total === null ? '—' : String(evaluation.total);
  const stated = evaluation.totalStated !== null && evaluation.totalStated !== evaluation.total ? ` (${say('stated', lang)} ${evaluation.totalStated})` : '';
  return [`  ${say('evaluation', lang)}: ${evaluation.id}${title}`, `    ${sections.join(' · ')}; ${say('evaluationTotal', lang)} ${total}${stated}`];
}

export function humanAnalysis(file: string, analysis: WorkbookAnalysis, lang: Lang): string {
  const out = [file];
  let tableNumber = 0;
  for (const sheet of analysis.sheets) {
    sheet.tables.forEach((info, i) => out.push(...tableLines(info, sheet.scores[i], ++tableNumber, lang)));
  }
  if (tableNumber === 0) out.push(`  ${say('noTables', lang)}`);
  for (const evaluation of analysis.evaluations) out.push(...evaluationLines(evaluation, lang));
  out.push('');
  out.push(...humanFindings(analysis.findings, lang));
  out.push('', `  ${countsLine(analysis.counts, lang)}`);
  const fixes = fixCounts(analysis.findings);
  if (fixes.safe + fixes.review > 0) out.push(`  ${fillTemplate(say('fixesOffered', lang), { safe: fixes.safe, review: fixes.review, file })}`);
  return out.join('\n');
}

/** Findings with a quick fix, by kind (a fix several findings share counts once), whether the fixes were planned or only their kinds given. */
export function fixCounts(findings: readonly Finding[]): { safe: number; review: number } {
  const seen = new Set<string>();
  const counts = { safe: 0, review: 0 };
  for (const finding of findings) {
    const kind = finding.fix?.kind ?? finding.fixKind;
    if (!kind) continue;
    const key = finding.fix ? JSON.stringify(finding.fix.edits) : finding.sharedFix;
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
  const lines = [`  ${say('wrote', lang)} (${cells.length}):`];
  for (const [sheet, ranges] of compressCells(cells)) lines.push(`    ${sheet}: ${ranges.join(' ')}`);
  return lines;
}

/** One line per reason a write was held back: each average left on the summary, each protected sheet, merged cells, a protected workbook. */
export function skippedLines(skipped: SkippedWrite[], lang: Lang): string[] {
  const lines: string[] = [];
  const cellsBy = (reason: SkippedWrite['reason']) => {
    const bySheet = new Map<string, string[]>();
    for (const skippedWrite of skipped) if (skippedWrite.reason === reason) bySheet.set(skippedWrite.sheet, [...(bySheet.get(skippedWrite.sheet) ?? []), `${skippedWrite.sheet}!${cellAddress(skippedWrite.row, skippedWrite.col)}`]);
    return [...bySheet].map(([sheet, cells]) => [sheet, (compressCells(cells).get(sheet) ?? []).join(' ')]);
  };
  for (const skippedWrite of skipped) if (skippedWrite.reason === 'no-free-row') lines.push(`  ${skippedWrite.tableId}: ${say('averageElsewhere', lang)}${skippedWrite.instead ? ` (${skippedWrite.instead})` : ''}.`);
  for (const [sheet, ranges] of cellsBy('sheet-protected')) lines.push(`  ${sheet}: ${say('sheetProtected', lang)} (${ranges}).`);
  for (const [sheet, ranges] of cellsBy('merged-cell')) lines.push(`  ${sheet}: ${say('mergedSkipped', lang)} (${ranges}).`);
  const books = new Set(skipped.filter((s) => s.reason === 'workbook-protected').map((s) => s.sheet));
  for (const sheet of books) lines.push(`  ${sheet}: ${say('workbookProtected', lang)}.`);
  for (const [sheet, ranges] of cellsBy('formula-as-value')) lines.push(`  ${sheet}: ${say('formulaAsValue', lang)} (${ranges}).`);
  for (const [sheet, ranges] of cellsBy('formula-kept')) lines.push(`  ${sheet}: ${say('formulaKept', lang)} (${ranges}).`);
  return lines;
}

/** Each table's average after a command, and each evaluation's total. */
export function scoreLines(analysis: WorkbookAnalysis, lang: Lang): string[] {
  const lines: string[] = [];
  for (const sheet of analysis.sheets) {
    for (const score of sheet.scores) {
      if (score.average === null) continue;
      const graded = score.grade ? ` · ${score.fivePoint} · ${gradeText(score.grade, score.gradeLabel, lang)}` : '';
      lines.push(`  ${score.tableId}: ${score.average}%${graded}`);
    }
  }
  for (const evaluation of analysis.evaluations) if (evaluation.total !== null) lines.push(`  ${evaluation.id}: ${say('evaluationTotal', lang)} ${evaluation.total}`);
  return lines;
}

/**
 * "Sheet!A6", "Sheet!B6", … → per sheet, rectangles such as "A6:K20": each
 * row's runs of adjacent cells, then runs of rows with the same columns.
 */
function compressCells(cells: string[]): Map<string, string[]> {
  const bySheet = new Map<string, Map<number, number[]>>();
  for (const cell of cells) {
    const bang = cell.lastIndexOf('!');
    const sheet = cell.slice(0, bang);
    const { row, col } = parseAddress(cell.slice(bang + 1));
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
      const run = open.get(key)!;
      const [left, right] = key.split(':').map(Number);
      const topLeft = `${columnLetter(left)}${run.top + 1}`;
      const bottomRight = `${columnLetter(right)}${run.bottom + 1}`;
      ranges.push(topLeft === bottomRight ? topLeft : `${topLeft}:${bottomRight}`);
      open.delete(key);
    };
    for (const row of [...runsByRow.keys()].sort((a, b) => a - b)) {
      const runs = runsByRow.get(row)!;
      for (const key of [...open.keys()]) if (!(runs.includes(key) && open.get(key)!.bottom === row - 1)) close(key);
      for (const key of runs) {
        const run = open.get(key);
        if (run) run.bottom = row;
        else open.set(key, { top: row, bottom: row });
      }
    }
    for (const key of [...open.keys()]) close(key);
    out.set(sheet, ranges);
  }
  return out;
}
