// Words of the printed page: the footer's page numbers on every sheet the
// tool writes, in Excel's header and footer codes (&P the page, &N the pages).

import type { Lang } from '../core';

export const PAGE_NUMBERS: Record<Lang, string> = { mn: 'Хуудас &P / &N', en: 'Page &P of &N' };
