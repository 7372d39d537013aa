import { sheetWords } from '../../src/i18n/sheet-words';
// A stub of the host contract for the pane's component tests. Its analyses
// come from the real engine over small sheets built in code, with the
// settings it is given (profile, overrides), so a role or profile change
// really changes the findings. Every method is a jest mock, to assert calls.

import { analyzeAgainstPlan, analyzeWorkbook, applyPlanToSheets, planCompute, planFixes, planNextPlan, planReportForm, type EditPlan, type Sheet, type WorkbookPlan } from '../../src/core';
import { CYCLE_FORM } from '../../src/i18n/cycle-forms';
import type { CellValue } from '../../src/core/sheet';
import type { AddinSettings, EvaluationResult, FindingsSheetResult, FixChoice, FixResult, HostActions, NextPlanResult, PlanCheckResult, ProgressListener, ReportFormResult, RevertibleAction, RollupResult } from '../../src/excel/types';
import { REPORT_HEADER, sheetOf } from '../support/sheet-builder';

/**
 * A report (header on row 2, so headerRow 1) with two goals and, per
 * severity: errors G5 (narrative achieved) and G6 (percent "сайн"),
 * warnings G4 (computable percent), A7 (numbering gap) and G10 (stated
 * average wrong), info G7 (95 is off the practice scale).
 */
const REPORT_ROWS: CellValue[][] = [
  ['ГҮЙЦЭТГЭЛИЙН ТАЙЛАН'],
  REPORT_HEADER,
  ['Зорилт 1. Төрийн үйлчилгээ'],
  [1, 'Сургалт зохион байгуулах', 'Сургалтын тоо', 2, 4, 3, null],
  [2, 'Тайлан гаргах', 'Тайлан', '-', 1, 'Гаргасан', null],
  [3, 'Хяналт хийх', 'Хяналтын тоо', 1, 2, 2, 'сайн'],
  [5, 'Үйлчилгээ', 'Тоо', 1, 10, 10, 95],
  ['Зорилт 2. Дотоод ажил'],
  [6, 'Уулзалт', 'Тоо', 1, 2, 1, 50],
  ['Хэрэгжилтийн дундаж хувь', null, null, null, null, null, '90 хувь'],
];

function reportSheet(name = 'Тайлан'): Sheet {
  return sheetOf(REPORT_ROWS, { name });
}

function defaultTestSettings(patch: Partial<AddinSettings> = {}): AddinSettings {
  return { profileId: 'practice', scope: 'sheet', lang: 'mn', overrides: [], ...patch };
}

const emptyPlan = (): EditPlan => ({ sheets: [], summary: null, skipped: [], writtenCells: [] });

/** Plan files a test hands the pane, by name: what the stub's checkAgainstPlan reads them as. */
export const PLAN_FILES = new Map<string, Sheet[]>();

export type StubHost = { [K in keyof HostActions]: jest.Mock<ReturnType<NonNullable<HostActions[K]>>, Parameters<NonNullable<HostActions[K]>>> };

export function stubHost(initialSheets: Sheet[] = [reportSheet()], initial: Partial<AddinSettings> = {}): StubHost {
  let saved = defaultTestSettings(initial);
  // Fixes change the sheets (as the adapter does in Excel), so the pane's findings really refresh after one.
  let sheets = initialSheets;
  const analyse = (s: AddinSettings) =>
    analyzeWorkbook(sheets, { profileId: s.profileId, profile: s.profile, overrides: s.overrides, words: sheetWords(s.lang) });
  return {
    loadSettings: jest.fn(async () => ({ ...saved, overrides: [...saved.overrides] })),
    saveSettings: jest.fn(async (s: AddinSettings) => {
      saved = s;
    }),
    analyze: jest.fn(async (s: AddinSettings) => analyse(s)),
    validate: jest.fn(async (s: AddinSettings) => {
      const analysis = analyse(s);
      return { analysis, marked: analysis.findings.length };
    }),
    compute: jest.fn(async (s: AddinSettings) => {
      const out = planCompute(sheets, { profileId: s.profileId, profile: s.profile, overrides: s.overrides, words: sheetWords(s.lang) });
      return { analysis: out.analysis, plan: out.plan, changed: out.plan.writtenCells.length };
    }),
    applyFixes: jest.fn(async (s: AddinSettings, choice: FixChoice): Promise<FixResult> => {
      const before = analyse(s);
      // A chosen finding is found again by code, sheet and cell (as the adapter finds it).
      const { plan, fixes, deferred } =
        'findings' in choice
          ? planFixes(
              before.findings.filter((f) => choice.findings.some((c) => c.code === f.code && c.sheet === f.sheet && c.cell === f.cell)),
              { includeReview: true },
            )
          : planFixes(before.findings, { includeReview: choice.includeReview, only: choice.only });
      sheets = applyPlanToSheets(sheets, plan);
      return { before, plan, applied: fixes, deferred, changed: plan.writtenCells.length };
    }),
    createEvaluationSheet: jest.fn(
      async (_s: AddinSettings): Promise<EvaluationResult> => ({ sheet: '8-р хавсралт', replaced: false, reportTable: 'Тайлан!A5', skillsTable: null, plan: emptyPlan(), changed: 0 }),
    ),
    // The year's cycle: the engine's plans on the stub's sheets, the new sheet added to them (as the adapter adds it).
    createReportForm: jest.fn(async (s: AddinSettings, options: { period?: string } = {}): Promise<ReportFormResult> => {
      const o = planReportForm(sheets, { profileId: s.profileId, words: sheetWords(s.lang), form: CYCLE_FORM, ...options });
      if (!o.plan || o.source === null) throw { code: 'no-plan', text: { mn: 'Төлөвлөгөө алга.', en: 'There is no plan.' } };
      sheets = applyPlanToSheets(sheets, o.plan);
      return { sheet: o.plan.addedSheets![0].name, source: o.source, sourceSheet: o.sourceSheet!, followed: o.followed, tables: o.tables, period: o.period ?? '', plan: o.plan };
    }),
    createNextPlan: jest.fn(async (s: AddinSettings, options: { year?: number } = {}): Promise<NextPlanResult> => {
      const o = planNextPlan(sheets, { profileId: s.profileId, words: sheetWords(s.lang), form: CYCLE_FORM, ...options });
      if (!o.plan) throw { code: 'no-report', text: { mn: 'Тайлан алга.', en: 'There is no report.' } };
      sheets = applyPlanToSheets(sheets, o.plan);
      const { year, tables, renumbered, leftOut, carriedOver, baselines } = o;
      return { sheet: o.plan.addedSheets![0].name, year, tables, renumbered, leftOut, carriedOver, baselines, plan: o.plan };
    }),
    // The plan file's sheets by its name (the package reader needs Node's TextDecoder, which jsdom has not): see PLAN_FILES.
    checkAgainstPlan: jest.fn(async (s: AddinSettings, plan: { name: string; bytes: Uint8Array }): Promise<PlanCheckResult> => {
      const planSheets = PLAN_FILES.get(plan.name);
      if (!planSheets || plan.bytes.length === 0) throw { code: 'unreadable', text: { mn: 'Файлыг уншиж чадсангүй.', en: 'The file cannot be read.' } };
      const check = analyzeAgainstPlan(sheets, planSheets, { profileId: s.profileId, words: sheetWords(s.lang) });
      return { analysis: check.analysis, marked: check.analysis.findings.length, planFile: plan.name, planTables: check.planTables, matched: check.matched, missing: check.missing, extra: check.extra };
    }),
    createFindingsSheet: jest.fn(async (s: AddinSettings): Promise<FindingsSheetResult> => {
      const a = analyse(s);
      return { sheet: 'Алдаа, дутуу', replaced: false, listed: a.findings.length, counts: a.counts };
    }),
    insertRollup: jest.fn(async (_plan: WorkbookPlan): Promise<RollupResult> => ({ sheets: ['Нэгтгэл', 'Алдаа, дутуу', 'Уншигдаагүй'], table: 'Findings' })),
    clearMarks: jest.fn(async () => 4),
    revert: jest.fn(async () => ({ restored: 7, removedSheets: ['Үнэлгээний хураангуй'], keptCells: [] as string[] })),
    canRevert: jest.fn(async () => false),
    nextRevert: jest.fn(async () => null as RevertibleAction | null),
    selectCell: jest.fn(async (_sheet: string, _cell: string) => undefined),
    capabilities: jest.fn(async () => ({ apiVersion: '1.20', requiredApi: '1.13', apiSufficient: true, notes: true })),
    onProgress: jest.fn((_listener: ProgressListener) => () => undefined),
  };
}

/** A promise and the functions that settle it, to hold a host call while the test looks at the pane. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
