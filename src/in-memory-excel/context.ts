// The request context a batch gets (Excel.RequestContext): the core of
// request-context.ts with the workbook and the application it reaches.

import { RequestContextCore } from './request-context';
import type { FakeHost } from './host';
import type { WirePath } from './wire';
import { FakeWorkbook } from './workbook';

export class FakeRequestContext extends RequestContextCore {
  readonly workbook: FakeWorkbook;
  readonly application: { suspendApiCalculationUntilNextSync(): void };
  private applicationPath: WirePath | null = null;

  constructor(fake: FakeHost, delayForCellEdit = false) {
    super(fake, delayForCellEdit);
    this.workbook = new FakeWorkbook(this);
    this.application = {
      suspendApiCalculationUntilNextSync: () => {
        this.applicationPath ??= this.property(this.rootPath, 'application');
        this.enqueue(this.wire.act(3, this.applicationPath, 'SuspendApiCalculationUntilNextSync', { args: [] }), () => {
          fake.requireApi('Application.suspendApiCalculationUntilNextSync');
          fake.suspendCount++;
        });
      },
    };
  }
}
