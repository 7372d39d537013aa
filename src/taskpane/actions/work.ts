// What each button of the action bar does (actionWork): the host's action
// to run, what it changes on the pane (the analysis drawn, the tab shown,
// what was done), and the message it ends with.

import type { AddinSettings, HostActions } from '../../excel/types';
import { nextPlanMessage, reportFormMessage } from '../cycle-messages';
import type { SharedState } from './hooks';
import { both, computedMessage, evaluationMessage, revertedMessage, validatedMessage } from './messages';
import type { ActionKind, PaneMessage, PaneOptions } from './types';

/** What each button of the action bar does: the work to run, and the message it ends with. */
export function actionWork(action: Exclude<ActionKind, 'fix-all'>, settings: AddinSettings, host: HostActions, state: SharedState, options: PaneOptions): (() => Promise<PaneMessage | null>) | null {
  switch (action) {
    case 'validate':
      return async () => {
        const result = await host.validate(settings);
        state.startDrawing(() => {
          state.setValidated(true);
          state.setAnalysis(result.analysis);
          state.setTab('findings');
        });
        return validatedMessage(result.analysis, result.marked);
      };
    case 'compute':
      return async () => {
        const before = state.analysis;
        const result = await host.compute(settings);
        state.startDrawing(() => {
          state.setAnalysis(result.analysis);
          state.setComputed(true);
          state.setTab('scores');
        });
        if (result.changed > 0) state.setChanged(true);
        return computedMessage(result, before);
      };
    case 'evaluation':
      return async () => {
        const result = await host.createEvaluationSheet(settings);
        state.setChanged(true);
        const analysis = await host.analyze(settings);
        state.startDrawing(() => {
          state.setAnalysis(analysis);
          state.setTab('scores');
        });
        return evaluationMessage(result);
      };
    case 'report-form':
    case 'next-plan':
      return async () => {
        const message = action === 'report-form' ? reportFormMessage(await host.createReportForm(settings)) : nextPlanMessage(await host.createNextPlan(settings));
        state.setChanged(true);
        const analysis = await host.analyze(settings);
        state.startDrawing(() => state.setAnalysis(analysis));
        return message;
      };
    case 'clear':
      return async () => {
        const count = await host.clearMarks();
        state.setValidated(false);
        return { intent: 'success', text: both('cleared', { count }) };
      };
    case 'revert':
      return async () => {
        const result = await host.revert();
        if (result.undone?.kind === 'validate') state.setValidated(false);
        if (result.undone?.kind === 'clear-marks') state.setValidated(true);
        if (result.undone?.kind === 'compute') state.setComputed(false);
        const fresh = await host.loadSettings();
        state.setSettings(fresh);
        const analysis = await host.analyze(fresh);
        state.startDrawing(() => state.setAnalysis(analysis));
        return revertedMessage(result);
      };
    case 'findings':
      return async () => {
        const result = await host.createFindingsSheet(settings);
        state.setChanged(true);
        return { intent: 'success', text: both(result.replaced ? 'findingsRelisted' : 'findingsListed', { sheet: result.sheet, count: result.listed }) };
      };
    case 'download-checked': {
      const checked = options.download?.checked;
      if (!checked) return null;
      return async () => {
        await checked.save(settings);
        return { intent: 'success', text: both('downloaded', { name: checked.name }) };
      };
    }
    case 'download': {
      const download = options.download;
      if (!download) return null;
      return async () => {
        await download.save(settings);
        return { intent: 'success', text: both('downloaded', { name: download.name }) };
      };
    }
  }
}
