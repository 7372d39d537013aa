// The pane's host before the workbook is there: every action waits for the
// real host (the adapter over the fake Excel, once the worker has read the
// file). The pane can then be drawn while the file is still being read —
// its first paint, the costliest, overlaps the reading — and its buttons
// come alive the moment the workbook is in.

import type { HostActions, ProgressListener } from '../excel/types';

export function deferredHost(ready: Promise<HostActions>): HostActions {
  const later =
    <K extends keyof HostActions>(key: K) =>
    async (...args: unknown[]) =>
      ((await ready)[key] as (...a: unknown[]) => unknown)(...args);
  return {
    loadSettings: later('loadSettings') as HostActions['loadSettings'],
    saveSettings: later('saveSettings') as HostActions['saveSettings'],
    analyze: later('analyze') as HostActions['analyze'],
    validate: later('validate') as HostActions['validate'],
    compute: later('compute') as HostActions['compute'],
    applyFixes: later('applyFixes') as HostActions['applyFixes'],
    createEvaluationSheet: later('createEvaluationSheet') as HostActions['createEvaluationSheet'],
    createReportForm: later('createReportForm') as HostActions['createReportForm'],
    createNextPlan: later('createNextPlan') as HostActions['createNextPlan'],
    checkAgainstPlan: later('checkAgainstPlan') as HostActions['checkAgainstPlan'],
    createFindingsSheet: later('createFindingsSheet') as HostActions['createFindingsSheet'],
    insertRollup: later('insertRollup') as HostActions['insertRollup'],
    clearMarks: later('clearMarks') as HostActions['clearMarks'],
    revert: later('revert') as HostActions['revert'],
    canRevert: later('canRevert') as HostActions['canRevert'],
    nextRevert: later('nextRevert') as HostActions['nextRevert'],
    selectCell: later('selectCell') as HostActions['selectCell'],
    capabilities: later('capabilities') as HostActions['capabilities'],
    onProgress: (listener: ProgressListener) => {
      let stop: (() => void) | null = null;
      let stopped = false;
      void ready.then((host) => {
        if (!stopped) stop = host.onProgress(listener);
      });
      return () => {
        stopped = true;
        stop?.();
      };
    },
  };
}
