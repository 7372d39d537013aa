// The engine the single file (dist/unelgee.html) carries: one script, inside
// the page as `function unelgeeEngine(){…}` (webpack.config.js writes it from
// engine.inline.ts), not run when the page loads. The page's worker is
// started from a blob: URL of that very text followed by a call; where no
// worker starts, the page calls the function itself and gets the handlers
// and the in-process engine (InlineEngine) to run on its own thread.

import type { ServeOn } from '../worker/fallback';
import type { EngineClient } from '../worker/types';

/** The id of the <script> that carries the engine, and the function it defines. */
const ENGINE_SCRIPT_ID = 'unelgee-engine';
const ENGINE_FUNCTION = 'unelgeeEngine';

/** What engine.inline.ts leaves on the page when run outside a worker. */
export interface InlineEngine {
  /** The worker's handlers, served on a scope of the page's making (with the engine script's own serve()). */
  serveBook: ServeOn;
  localEngine: EngineClient;
}

interface EngineGlobal {
  unelgeeEngine?: () => void;
  unelgeeInlineEngine?: InlineEngine;
}

/** The text of the engine's script (for the worker's blob: URL), followed by the call that runs it. */
export function workerSource(): string {
  const text = document.getElementById(ENGINE_SCRIPT_ID)?.textContent;
  if (!text) throw new Error(`the page carries no ${ENGINE_SCRIPT_ID} script`);
  return `${text}\n${ENGINE_FUNCTION}();\n`;
}

/** The engine on this thread: the carried function run once (the handlers keep no state until a workbook is opened). */
export function inlineEngine(): InlineEngine {
  const scope = globalThis as unknown as EngineGlobal;
  if (!scope.unelgeeInlineEngine) {
    if (typeof scope.unelgeeEngine !== 'function') throw new Error(`the page carries no ${ENGINE_FUNCTION}()`);
    scope.unelgeeEngine();
  }
  if (!scope.unelgeeInlineEngine) throw new Error(`${ENGINE_FUNCTION}() left no engine`);
  return scope.unelgeeInlineEngine;
}
