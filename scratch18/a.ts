import { writeFileSync } from 'fs';
import { ODD_CASES } from '../test/support/odd-cases';
writeFileSync('/tmp/brk/b.xlsx', ODD_CASES.find((c) => c.name === 'bracket-sheet-name')!.bytes());
