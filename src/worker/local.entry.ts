// engine-local.[hash].js: the engine in-process for a web page whose worker did not
// start (inprocess.web.ts loads it on demand). A bundle of its own, so the
// pages' bundles do not carry the engine.

import { localEngine } from './local';

(globalThis as unknown as { unelgeeLocalEngine?: typeof localEngine }).unelgeeLocalEngine = localEngine;
