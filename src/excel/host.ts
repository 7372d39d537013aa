// createExcelHost(): the HostActions the task pane and the ribbon commands
// use. Each action is one Excel.run; the modules it calls queue their work
// and sync a fixed number of times, whatever the size of the sheet.

import { compute } from './compute';
import { documentId } from './document-id';
import { capabilitiesOf, globalEnv, type HostEnv } from './env';
import { sheetMissing } from './errors';
import { createNextPlan, createReportForm } from './cycle';
import { createEvaluationSheet } from './evaluation';
import { createFindingsSheet } from './findings-sheet';
import { applyFixes } from './fixes';
import { revert, canRevert, nextRevert } from './revert';
import { checkAgainstPlan } from './plan-check';
import { insertRollup } from './rollup';
import { analyzeScope } from './scope';
import { loadSettings, saveSettings } from './settings';
import type { HostActions, ProgressListener } from './types';
import { clearMarks, validate } from './validate';

function isItemNotFound(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ItemNotFound';
}

/**
 * The actions over `env`. The engine's work goes to env.engine (a worker in
 * the pane and on the web page); each action's stages are told to whoever
 * listens (onProgress), and to env.progress.
 */
export function createExcelHost(base: HostEnv = globalEnv()): HostActions {
  const listeners = new Set<ProgressListener>();
  const env: HostEnv = {
    ...base,
    progress: (update) => {
      base.progress?.(update);
      for (const listener of listeners) listener(update);
    },
  };
  return {
    loadSettings: (options) => loadSettings(env.office, options),
    saveSettings: (settings) => saveSettings(env.office, settings),
    analyze: (settings) => env.run(async (context) => (await analyzeScope(context, env, settings)).analysis),
    validate: (settings) => env.run((context) => validate(context, env, settings)),
    compute: (settings) => env.run((context) => compute(context, env, settings)),
    applyFixes: (settings, choice) => env.run((context) => applyFixes(context, env, settings, choice)),
    createEvaluationSheet: (settings) => env.run((context) => createEvaluationSheet(context, env, settings)),
    createReportForm: (settings, options) => env.run((context) => createReportForm(context, env, settings, options)),
    createNextPlan: (settings, options) => env.run((context) => createNextPlan(context, env, settings, options)),
    checkAgainstPlan: (settings, plan) => env.run((context) => checkAgainstPlan(context, env, settings, plan)),
    createFindingsSheet: (settings) => env.run((context) => createFindingsSheet(context, env, settings)),
    insertRollup: (plan) => env.run((context) => insertRollup(context, env, plan)),
    clearMarks: () => env.run((context) => clearMarks(context, env)),
    revert: () => env.run((context) => revert(context, env)),
    canRevert: () => env.run((context) => canRevert(context)),
    nextRevert: () => env.run((context) => nextRevert(context)),
    selectCell: (sheet, cell) =>
      env.run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        worksheet.activate();
        worksheet.getRange(cell).select();
        try {
          await context.sync();
        } catch (error) {
          if (isItemNotFound(error)) throw sheetMissing(sheet);
          throw error;
        }
      }),
    capabilities: async () => capabilitiesOf(env.office),
    documentId: () => documentId(env.office),
    onProgress: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
