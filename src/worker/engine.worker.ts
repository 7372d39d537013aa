// The engine's Web Worker for the Excel pane: recognising, checking, scoring
// and planning run here, so the pane answers clicks meanwhile. Only the
// Excel.run calls stay on the page (src/excel); the sheets come here and the
// analysis or the plan goes back (client.ts).

import { engineHandlers } from './handlers';
import { serve, type WorkerScope } from './serve';

serve(self as unknown as WorkerScope, engineHandlers);
