// How a sheet the add-in rewrites in place prints, kept with what it held
// (sheet-backup.ts) and put back by Revert: paper, orientation, zoom, the
// margins, the print titles and print area, the header and footer, the
// manual page breaks (Worksheet.pageLayout and horizontalPageBreaks,
// ExcelApi 1.9). Rewriting takes the earlier header, footer and breaks off
// first, so the new contents print with their own only.
//
// Not kept: the absence of print titles or a print area. No documented
// call removes them (setPrintTitleRows and setPrintArea only set;
// getPrintArea "throws ItemNotFound" when there is none), so a Revert that
// puts back a sheet without them leaves the rewritten sheet's, and a
// rewrite whose plan sets none (the evaluation sheet's) leaves those a user
// gave the earlier sheet. The summary and the findings sheet set both every
// time (src/core/print.ts), so for them this only touches a sheet an
// earlier version made without page setup.

import { parseArea } from '../core';
import { op, runOps, type Op } from './batch';

const HEADER_FOOTER_PARTS = ['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter'] as const;
type HeaderFooterPart = (typeof HEADER_FOOTER_PARTS)[number];

/** Margins in points, as PageLayout's …Margin properties give them. */
interface SavedMargins {
  left: number;
  right: number;
  top: number;
  bottom: number;
  header: number;
  footer: number;
}

/** How the sheet printed; a field an earlier version did not keep is absent (and left as it is on Revert). */
export interface SavedPage {
  paperSize?: string;
  orientation?: string;
  zoom?: unknown;
  margins?: SavedMargins;
  /** The texts that are not empty. */
  headerFooter?: Partial<Record<HeaderFooterPart, string>>;
  /** Whole rows printed at the top of every page ("5:5"), or none. */
  titleRows?: string | null;
  /** The print area ("A1:K20"), or none. */
  area?: string | null;
  /** Rows (0-based) a new page starts at. */
  rowBreaks?: number[];
}

const bare = (address: string) => address.slice(address.lastIndexOf('!') + 1);

function withoutEmpty(input: unknown): unknown {
  if (typeof input !== 'object' || input === null) return input;
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null && value !== undefined));
}

/** The page setup's reads, queued (queuePageRead); read after the sync by pageOf and breakCountOf. */
export interface PageReading {
  layout: Excel.PageLayout;
  texts: Excel.HeaderFooter;
  titles: Excel.Range;
  area: Excel.RangeAreas;
  breaks: OfficeExtension.ClientResult<number>;
}

/** Queues the reads of the sheet's page setup, to go with the caller's other reads in one sync. */
export function queuePageRead(sheet: Excel.Worksheet): PageReading {
  const layout = sheet.pageLayout;
  layout.load('paperSize,orientation,zoom,leftMargin,rightMargin,topMargin,bottomMargin,headerMargin,footerMargin');
  const texts = layout.headersFooters.defaultForAllPages;
  texts.load(HEADER_FOOTER_PARTS.join(','));
  const titles = layout.getPrintTitleRowsOrNullObject();
  titles.load('address');
  const area = layout.getPrintAreaOrNullObject();
  area.load('address');
  return { layout, texts, titles, area, breaks: sheet.horizontalPageBreaks.getCount() };
}

/** After the sync: the page setup, all but where its page breaks are (readBreakRows). */
export function pageOf(read: PageReading): SavedPage {
  const { layout, texts, titles, area } = read;
  const headerFooter: Partial<Record<HeaderFooterPart, string>> = {};
  for (const part of HEADER_FOOTER_PARTS) if (texts[part]) headerFooter[part] = texts[part];
  return {
    paperSize: layout.paperSize,
    orientation: layout.orientation,
    zoom: withoutEmpty(layout.zoom),
    margins: { left: layout.leftMargin, right: layout.rightMargin, top: layout.topMargin, bottom: layout.bottomMargin, header: layout.headerMargin, footer: layout.footerMargin },
    headerFooter,
    titleRows: titles.isNullObject ? null : bare(titles.address),
    area: area.isNullObject ? null : bare(area.address),
  };
}

/** After the sync: how many manual page breaks the sheet has. */
export function breakCountOf(read: PageReading): number {
  return read.breaks.value;
}

/** The rows the sheet's manual page breaks start (each break's first cell), as operations: at most 1,026 small reads. */
export async function readBreakRows(context: Excel.RequestContext, name: string, count: number): Promise<number[]> {
  if (count === 0) return [];
  const cells: Excel.Range[] = [];
  const ops = Array.from({ length: count }, (_, i) =>
    op(
      `break ${i}`,
      (batch) => {
        const cell = batch.sheet(name).horizontalPageBreaks.getItem(i).getCellAfterBreak();
        cell.load('address');
        cells[i] = cell;
      },
      { reads: true, response: 120 },
    ),
  );
  await runOps(context, ops);
  return cells.map((cell) => parseArea(bare(cell.address)).top).sort((a, b) => a - b);
}

/** What an earlier write's page setup leaves that the next would not set again: its page breaks and its header and footer. */
export function clearPageOps(name: string): Op[] {
  return [
    op('page breaks', (b) => b.sheet(name).horizontalPageBreaks.removePageBreaks()),
    op('header and footer', (batch) => {
      const texts = batch.sheet(name).pageLayout.headersFooters.defaultForAllPages;
      for (const part of HEADER_FOOTER_PARTS) texts[part] = '';
    }),
  ];
}

/** The saved page setup put back (after clearPageOps). */
export function restorePageOps(name: string, page: SavedPage): Op[] {
  const ops: Op[] = [
    op(page, (batch) => {
      const layout = batch.sheet(name).pageLayout;
      if (page.paperSize) layout.paperSize = page.paperSize as Excel.PaperType;
      if (page.orientation) layout.orientation = page.orientation as Excel.PageOrientation;
      if (page.zoom) layout.zoom = page.zoom as Excel.PageLayoutZoomOptions;
      if (page.margins) layout.setPrintMargins('Points', { ...page.margins });
      if (page.titleRows) layout.setPrintTitleRows(page.titleRows);
      if (page.area) layout.setPrintArea(page.area);
    }),
  ];
  const texts = page.headerFooter;
  if (texts) {
    ops.push(
      op(texts, (batch) => {
        const parts = batch.sheet(name).pageLayout.headersFooters.defaultForAllPages;
        for (const part of HEADER_FOOTER_PARTS) parts[part] = texts[part] ?? '';
      }),
    );
  }
  if (page.rowBreaks) {
    ops.push(op('page breaks', (b) => b.sheet(name).horizontalPageBreaks.removePageBreaks()));
    for (const row of page.rowBreaks) ops.push(op(row, (b) => void b.sheet(name).horizontalPageBreaks.add(`A${row + 1}`)));
  }
  return ops;
}
