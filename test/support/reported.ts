// The figures a command printed (its --json), and where the same figures sit
// in the workbook it wrote: each table's average and grade on the summary
// sheet, each evaluation's section points and total on the annex 8 sheet.
// Tests read the recalculated copy at those places and expect what was
// printed: a civil servant must never see B in the tool and C in the file.

import { isOwnEvaluationSheet, isOwnSummary, type CellValue, type Sheet } from '../../src/core';
import { cellText } from '../../src/core/text';
import { EVALUATION_FORM } from '../../src/i18n/evaluation-form';
import { sheetWords } from '../../src/i18n/sheet-words';
import { visibleSheets, type XlsxWorkbook } from '../../src/xlsx';

interface JsonScore {
  tableId: string;
  sheet: string;
  title: string;
  average: number | null;
  grade: string | null;
  gradeLabel: { mn: string; en: string } | null;
}

interface JsonEvaluation {
  sheets?: string[];
  sections: { section: number; points: number | null }[];
  total: number | null;
}

/** "summary|Sheet|label|average" → 80.4, "…|grade" → "B · Сайн", "…|points" → 56.3 (an evaluation's part, or its total), "evaluation|section 1" → 56.3, "evaluation|total" → 80.1. */
export function reportedFigures(json: Record<string, unknown>): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  const after = json.after as { scores?: JsonScore[]; evaluations?: JsonEvaluation[] } | undefined;
  if (!after) return out;
  if (json.command === 'compute') {
    const tables = new Map((after as { tables?: { id: string; sheet: string; title: string }[] }).tables?.map((t) => [t.id, t]) ?? []);
    for (const s of after.scores ?? []) {
      // An evaluation's part has an average but no grade: its summary line carries its points instead (below).
      if (s.average === null || s.grade === null) continue;
      const key = `summary|${s.sheet}|${s.title || s.tableId}`;
      out.set(`${key}|average`, s.average);
      out.set(`${key}|grade`, `${s.grade} · ${s.gradeLabel?.mn ?? ''}`);
    }
    for (const e of after.evaluations ?? []) {
      for (const s of e.sections as { section: number; points: number | null; tableId: string }[]) {
        const t = tables.get(s.tableId);
        if (t && s.points !== null) out.set(`summary|${t.sheet}|${t.title || t.id}|points`, s.points);
      }
      if (e.total !== null) out.set(`summary|${e.sheets?.join(', ')}|${sheetWords('mn').evaluationTotal}|points`, e.total);
    }
  }
  if (json.command === 'evaluation') {
    for (const e of after.evaluations ?? []) {
      for (const s of e.sections) if (s.section <= 2) out.set(`evaluation|section ${s.section}`, s.points ?? '');
      out.set('evaluation|total', e.total ?? '');
    }
  }
  return out;
}

const at = (sheet: Sheet, row: number, col: number): CellValue => sheet.values[row]?.[col] ?? null;

/** The cells those keys name, read from a (recalculated) workbook. */
export function figuresInFile(book: XlsxWorkbook, keys: Map<string, CellValue>): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  const sheets = visibleSheets(book);
  const summary = sheets.find((s) => isOwnSummary(s, sheetWords('mn')));
  // Its own sheet, or (every link written as a value, so nothing marks it as the tool's) the form's name.
  const evaluation = sheets.find((s) => isOwnEvaluationSheet(s, EVALUATION_FORM)) ?? sheets.find((s) => s.name === EVALUATION_FORM.sheetName);
  const rowWhere = (sheet: Sheet, test: (row: number) => boolean) => sheet.values.findIndex((_, r) => test(r));
  for (const key of keys.keys()) {
    const parts = key.split('|');
    if (parts[0] === 'summary' && summary) {
      const r = rowWhere(summary, (row) => cellText(at(summary, row, 0)) === parts[1] && cellText(at(summary, row, 1)) === parts[2]);
      if (r >= 0) out.set(key, at(summary, r, parts[3] === 'average' ? 4 : parts[3] === 'grade' ? 6 : 7));
    } else if (parts[0] === 'evaluation' && evaluation) {
      if (parts[1] === 'total') {
        const r = rowWhere(evaluation, (row) => cellText(at(evaluation, row, 0)) === EVALUATION_FORM.totalLabel);
        if (r >= 0) out.set(key, at(evaluation, r, 2));
      } else {
        const section = Number(parts[1].split(' ')[1]);
        const label = EVALUATION_FORM.sections[section - 1].stated;
        const r = rowWhere(evaluation, (row) => cellText(at(evaluation, row, 0)) === label);
        if (r >= 0) out.set(key, at(evaluation, r, 3));
      }
    }
  }
  return out;
}
