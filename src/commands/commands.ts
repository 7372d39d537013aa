// Ribbon commands (manifest ExecuteFunction: "validate", "computeScores"):
// what commands.html's entry (entry.ts) starts. The functions are in handlers.ts,
// how their outcome reaches the user in report.ts and outcomes.ts, the
// dialog page in notice.ts.

import { globalEnv } from '../excel/env';
import type { EngineClient } from '../worker/types';
import { createExcelHost } from '../excel/host';
import { computeScores, validate, type CommandDeps } from './handlers';
import { renderNotice } from './notice';
import { officeReporter, type OfficeForCommands } from './report';

export { computeScores, validate, type CommandDeps } from './handlers';
export { noticeUrl, officeReporter, type OfficeForCommands } from './report';
export { OUTCOME_KEY, PANE_KEY, paneListening, publish, subscribeOutcomes, type Outcome } from './outcomes';

/**
 * Associates the manifest's FunctionNames once Office is ready. `Office` is a
 * parameter (the global in the bundle, a fake in tests) spelled like the
 * global, so the manifest test finds each `Office.actions.associate("…")`.
 */
export function register(Office: OfficeForCommands, deps: CommandDeps): Promise<void> {
  return Office.onReady().then(() => {
    Office.actions.associate('validate', (event) => validate(event, deps));
    Office.actions.associate('computeScores', (event) => computeScores(event, deps));
  });
}

/**
 * Starts the function file inside Office (entry.ts calls it): the notice
 * dialog when the page is one, else the commands, their engine in a worker
 * when the entry gives one (in-process otherwise).
 */
export function boot(office: OfficeForCommands, engine?: () => EngineClient): void {
  if (renderNotice(document, window.location.search, office)) {
    void office.onReady();
    return;
  }
  const host = createExcelHost(globalEnv(engine ? { engine: engine() } : {}));
  // The manifest declares no shared runtime: the pane cannot be shown from here (see report.ts).
  void register(office, { host, report: officeReporter(office, window.location.href, { sharedRuntime: false }) });
}
