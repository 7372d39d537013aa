// The web page's Web Worker: it reads the .xlsx the user opened (readXlsx),
// keeps it, runs the engine for the pane (the same requests as the Excel
// pane's worker), writes the download — the opened file with the user's
// steps replayed as the command line does them — and the roll-up's file.
// The handlers are in book-handlers.ts (tests run them in-process). Nothing
// here touches the page.

import { announceReady } from '../worker/ready';
import { serve, type WorkerScope } from '../worker/serve';
import { bookHandlers } from './book-handlers';

serve(self as unknown as WorkerScope, bookHandlers());
announceReady(self as unknown as WorkerScope);
