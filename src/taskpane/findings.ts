// Grouping and filtering of findings for the list (pure, tested with the list).

import { countSeverities, type Finding, type Severity } from '../core';
import type { Lang } from '../i18n/ui';

export const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];

export interface FindingFilter {
  severities: Record<Severity, boolean>;
  /** Matched, case-insensitively, against the code, the cell ("H40", "Тайлан!H40") and the message. */
  text: string;
}

export const ALL_SEVERITIES: Record<Severity, boolean> = { error: true, warning: true, info: true };

export function findingKey(f: Finding): string {
  return `${f.sheet}!${f.cell}#${f.code}`;
}

export function matchesFilter(f: Finding, filter: FindingFilter, lang: Lang): boolean {
  if (!filter.severities[f.severity]) return false;
  const q = filter.text.trim().toLowerCase();
  if (!q) return true;
  const hay = [f.code, f.cell, `${f.sheet}!${f.cell}`, f.message[lang], f.message.mn, f.message.en].join('\n').toLowerCase();
  return q.split(/\s+/).every((word) => hay.includes(word));
}

export interface SeverityGroup {
  severity: Severity;
  findings: Finding[];
}

/**
 * The findings that pass the filter, grouped by severity (errors first), each
 * group in reading order: sheet (as the workbook orders them), row, column.
 */
export function groupFindings(findings: Finding[], filter: FindingFilter, lang: Lang, sheetOrder: string[] = []): SeverityGroup[] {
  const sheetIndex = (s: string) => {
    const i = sheetOrder.indexOf(s);
    return i < 0 ? sheetOrder.length : i;
  };
  const shown = findings.filter((f) => matchesFilter(f, filter, lang));
  return SEVERITY_ORDER.map((severity) => ({
    severity,
    findings: shown
      .filter((f) => f.severity === severity)
      .sort((a, b) => sheetIndex(a.sheet) - sheetIndex(b.sheet) || a.row - b.row || a.col - b.col),
  })).filter((g) => g.findings.length > 0);
}

/** Findings per severity (the engine's one counter). */
export const countBySeverity = (findings: Finding[]): Record<Severity, number> => countSeverities(findings);
