// Words every host uses for the things the engine finds: the kinds of table.

import type { Localized, TableKind } from '../core';

export const KIND_NAMES: Record<TableKind, Localized> = {
  report: { mn: 'тайлан', en: 'report' },
  plan: { mn: 'төлөвлөгөө', en: 'plan' },
  score: { mn: 'үнэлгээний хуудас', en: 'evaluation sheet' },
};
