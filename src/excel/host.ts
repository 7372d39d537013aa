// createExcelHost(): the HostActions the task pane and the ribbon commands
// use. Each action is one Excel.run; the modules it calls queue their work
// and sync a fixed number of times, whatever the size of the sheet.

import { compute } from './compute';
import { globalEnv, type HostEnv } from './env';
import { sheetMissing } from './errors';
import { revert, canRevert } from './revert';
import { analyzeScope } from './scope';
import { loadSettings, moveOverrides, saveSettings } from './settings';
import type { HostActions } from './types';
import { clearMarks, validate } from './validate';

function isItemNotFound(e: unknown): boolean {
  return (e as { code?: unknown } | null)?.code === 'ItemNotFound';
}

export function createExcelHost(env: HostEnv = globalEnv()): HostActions {
  return {
    loadSettings: () => loadSettings(env.office),
    saveSettings: (settings) => saveSettings(env.office, settings),
    analyze: (settings) => env.run(async (context) => (await analyzeScope(context, settings)).analysis),
    validate: (settings) => env.run((context) => validate(context, env, settings)),
    compute: async (settings) => {
      const result = await env.run((context) => compute(context, env, settings));
      // Rows inserted above a table move it: the user's corrections follow it.
      const overrides = moveOverrides(settings.overrides, result.plan.sheets, 1);
      if (overrides !== settings.overrides) await saveSettings(env.office, { ...settings, overrides });
      return result;
    },
    clearMarks: () => env.run((context) => clearMarks(context, env)),
    revert: async () => {
      const result = await env.run((context) => revert(context, env));
      if (result.removedRows.length > 0) {
        const settings = await loadSettings(env.office);
        const overrides = moveOverrides(settings.overrides, result.removedRows, -1);
        if (overrides !== settings.overrides) await saveSettings(env.office, { ...settings, overrides });
      }
      return result;
    },
    canRevert: () => env.run((context) => canRevert(context)),
    selectCell: (sheet, cell) =>
      env.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        try {
          await context.sync();
        } catch (e) {
          if (isItemNotFound(e)) throw sheetMissing(sheet);
          throw e;
        }
      }),
  };
}
