// Words of the release's own pieces (the one-file command line's start).

import type { Localized } from '../core';

export const RELEASE_TEXT = {
  nodeTooOld: {
    mn: 'Node.js {oldest} буюу түүнээс шинэ хувилбар хэрэгтэй (энэ компьютерт {version} байна).',
    en: 'Node.js {oldest} or newer is needed (this computer has {version}).',
  },
} satisfies Record<string, Localized>;
