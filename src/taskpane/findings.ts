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

export function findingKey(finding: Finding): string {
  return `${finding.sheet}!${finding.cell}#${finding.code}`;
}

export function matchesFilter(finding: Finding, filter: FindingFilter, lang: Lang): boolean {
  if (!filter.severities[finding.severity]) return false;
  const query = filter.text.trim().toLowerCase();
  if (!query) return true;
  const haystack = [finding.code, finding.cell, `${finding.sheet}!${finding.cell}`, finding.message[lang], finding.message.mn, finding.message.en].join('\n').toLowerCase();
  return query.split(/\s+/).every((word) => haystack.includes(word));
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
  const sheetIndex = (sheet: string) => {
    const index = sheetOrder.indexOf(sheet);
    return index < 0 ? sheetOrder.length : index;
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
